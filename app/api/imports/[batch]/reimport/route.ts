import { writeRoute } from '@/app/_server/api-route';
import { batchChange } from '@/app/_server/batch-change';

export const dynamic = 'force-dynamic';

/** Brings an undone import's seizures back as a new batch and data version. */
export const POST = writeRoute('import', batchChange('reimport'));

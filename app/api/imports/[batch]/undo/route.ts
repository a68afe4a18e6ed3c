import { writeRoute } from '@/app/_server/api-route';
import { batchChange } from '@/app/_server/batch-change';

export const dynamic = 'force-dynamic';

/** Removes an import's seizures as a new data version (kept for links pinned to earlier versions). */
export const POST = writeRoute('import', batchChange('undo'));

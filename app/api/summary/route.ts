import { apiRoute } from '@/app/_server/api-route';
import { getSummary } from '@/db/queries/get-summary';

export const dynamic = 'force-dynamic';

/** KPI figures: count, kg-eq and value by substance, against the comparison period. */
export const GET = apiRoute({ permission: 'view' }, async ({ database, filters }) => ({ json: await getSummary(database.db, filters) }));

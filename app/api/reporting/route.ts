import { apiRoute } from '@/app/_server/api-route';
import { getReporting } from '@/db/queries/get-reporting';

export const dynamic = 'force-dynamic';

/** Every post's reporting status month by month: seizures, nil report or no report. */
export const GET = apiRoute({ permission: 'view' }, async ({ database, filters }) => ({ json: await getReporting(database.db, filters) }));

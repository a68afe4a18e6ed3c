import { apiRoute } from '@/app/_server/api-route';
import { getBaselines } from '@/db/queries/get-baselines';

export const dynamic = 'force-dynamic';

/** Each post's months against their seasonal baseline, with reporting completeness, for the filters. */
export const GET = apiRoute({ permission: 'view' }, async ({ database, filters }) => ({ json: await getBaselines(database.db, filters) }));

import { apiRoute } from '@/app/_server/api-route';
import { getPairs } from '@/db/queries/get-pairs';

export const dynamic = 'force-dynamic';

/** The paired posts across each border: both sides month by month, their totals and how they moved. */
export const GET = apiRoute({ permission: 'view' }, async ({ database, filters }) => ({ json: await getPairs(database.db, filters) }));

import { apiRoute } from '@/app/_server/api-route';
import { listBlos } from '@/db/queries/list-blos';

export const dynamic = 'force-dynamic';

/** The 24 BLOs with the totals of the seizures nearest to each, under the filters. */
export const GET = apiRoute({ permission: 'view' }, async ({ database, filters }) => ({
  json: { blos: await listBlos(database.db, filters) },
}));

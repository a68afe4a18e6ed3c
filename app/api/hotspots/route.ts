import { apiRoute } from '@/app/_server/api-route';
import { getHotspots } from '@/db/queries/get-hotspots';

export const dynamic = 'force-dynamic';

/** H3 hexagon totals sized for zoom z (default 5) and density clusters of those cells. */
export const GET = apiRoute({ permission: 'view', params: ['z'] }, async ({ database, filters, params }) => ({
  json: await getHotspots(database.db, filters, params.z ?? 5),
}));

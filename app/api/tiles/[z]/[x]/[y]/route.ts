import { apiRoute } from '@/app/_server/api-route';
import { getTile } from '@/db/queries/get-tile';
import { tileSchema } from '@/lib/url/api-params';

export const dynamic = 'force-dynamic';

/** Vector tile (MVT) of the filtered seizures; `y` may carry a `.mvt` or `.pbf` suffix. Single seizures: audited. */
export const GET = apiRoute({ permission: ['view', 'events'], path: tileSchema }, async ({ database, filters, path }) => {
  const tile = { z: Number(path.z), x: Number(path.x), y: Number(path.y) };
  const bytes = await getTile(database, tile, filters);
  return { bytes, contentType: 'application/vnd.mapbox-vector-tile', auditRows: null };
});

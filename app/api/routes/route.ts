import { apiRoute } from '@/app/_server/api-route';
import { listRoutes } from '@/db/queries/list-routes';

export const dynamic = 'force-dynamic';

/** Origin → destination flows, by country (default) or origin country → BLO, for arcs. */
export const GET = apiRoute({ permission: 'view', params: ['by'] }, async ({ database, filters, params }) => {
  const by = params.by ?? 'country';
  return { json: { by, flows: await listRoutes(database.db, filters, by) } };
});

import { apiRoute } from '@/app/_server/api-route';
import { getRevisions } from '@/db/queries/get-revisions';
import { ParamError } from '@/lib/url/filters';

export const dynamic = 'force-dynamic';

/** For a pinned view (`asof`): the version it is pinned to, the current one, and the later versions that changed it. */
export const GET = apiRoute({ permission: 'view' }, async ({ database, filters }) => {
  const { asOf } = filters;
  if (asOf === null) throw new ParamError('asof', 'is required: the data version the view is pinned to');
  return { json: await getRevisions(database.db, { ...filters, asOf }) };
});

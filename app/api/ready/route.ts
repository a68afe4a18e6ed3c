import { getDatabase } from '@/app/_server/database';
import { errorResponse } from '@/app/_server/api-route';
import { isStopping } from '@/app/_server/lifecycle';
import { RETRY_AFTER_S, served } from '@/app/_server/served';
import { shippedMigrations } from '@/db/client';
import { appliedMigrations } from '@/db/queries/get-health';
import { currentVersion } from '@/db/data-versions';

export const dynamic = 'force-dynamic';

/**
 * Readiness, for a load balancer or an orchestrator (no session needed, no figures told): 200 when
 * this instance can serve (the database answers and holds every migration shipped), else 503 with
 * the reason: starting, stopping, database unavailable, or migrations behind.
 */
export const GET = served(async (request: Request): Promise<Response> => {
  if (new URL(request.url).search.length > 1) return errorResponse(400, null, 'the readiness check takes no parameters');
  const headers = { 'Cache-Control': 'no-store' };
  const notReady = (reason: string) =>
    Response.json({ status: 'unavailable', reason }, { status: 503, headers: { ...headers, 'Retry-After': String(RETRY_AFTER_S) } });
  if (isStopping()) return notReady('stopping');
  const database = await getDatabase().catch(() => null);
  if (!database) return notReady('database unavailable');
  const shipped = shippedMigrations().length;
  const levels = await Promise.all([appliedMigrations(database.db), currentVersion(database.db)]).catch(() => null);
  if (!levels) return notReady('database unavailable');
  const [applied, dataVersion] = levels;
  if (applied < shipped) return notReady(`migrations behind: ${applied} of ${shipped} applied`);
  return Response.json({ status: 'ready', migrations: applied, dataVersion }, { headers });
});

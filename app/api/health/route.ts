import { getDatabase } from '@/app/_server/database';
import { errorResponse } from '@/app/_server/api-route';
import { currentAccount } from '@/app/_server/auth';
import { served, unavailableResponse } from '@/app/_server/served';
import { getHealth } from '@/db/queries/get-health';
import { currentVersion } from '@/db/data-versions';
import { version } from '@/package.json';

export const dynamic = 'force-dynamic';

/**
 * Liveness for anyone: "ok", the app's version and the current data version (also as the
 * `Data-Version` header). What the database holds (counts, backend) only for an account that sees
 * every country: the counts are figures too. A database that cannot answer is a 503 (readiness,
 * with the migration level, is /api/ready).
 */
export const GET = served(async (request: Request): Promise<Response> => {
  if (new URL(request.url).search.length > 1) return errorResponse(400, null, 'the health check takes no parameters');
  const noStore = { 'Cache-Control': 'no-store' };
  const database = await getDatabase().catch(() => null);
  if (!database) return unavailableResponse('the database is unavailable; try again in a few seconds');
  const [account, dataVersion] = await Promise.all([currentAccount(request.headers), currentVersion(database.db)]);
  const headers = { ...noStore, 'Data-Version': String(dataVersion) };
  if (account?.scope !== 'all') return Response.json({ status: 'ok', version, dataVersion }, { headers });
  return Response.json({ status: 'ok', version, dataVersion, ...(await getHealth(database.db)), backend: database.backend }, { headers });
});

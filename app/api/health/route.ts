import { getDatabase } from '@/app/_server/database';
import { errorResponse } from '@/app/_server/api-route';
import { currentAccount } from '@/app/_server/auth';
import { getHealth } from '@/db/queries/get-health';
import { currentVersion } from '@/db/data-versions';
import { version } from '@/package.json';

export const dynamic = 'force-dynamic';

/**
 * Liveness for anyone: "ok", the app's version and the current data version (also as the
 * `Data-Version` header). What the database holds (counts, backend) only for an account that sees
 * every country: the counts are figures too.
 */
export async function GET(request: Request): Promise<Response> {
  if (new URL(request.url).search.length > 1) return errorResponse(400, null, 'the health check takes no parameters');
  const noStore = { 'Cache-Control': 'no-store' };
  try {
    const database = await getDatabase();
    const [account, dataVersion] = await Promise.all([currentAccount(request.headers), currentVersion(database.db)]);
    const headers = { ...noStore, 'Data-Version': String(dataVersion) };
    if (account?.scope !== 'all') return Response.json({ status: 'ok', version, dataVersion }, { headers });
    return Response.json({ status: 'ok', version, dataVersion, ...(await getHealth(database.db)), backend: database.backend }, { headers });
  } catch (e) {
    console.error(`GET /api/health: ${(e as Error).message}`);
    return Response.json({ status: 'unavailable', error: 'database unavailable' }, { status: 503, headers: noStore });
  }
}

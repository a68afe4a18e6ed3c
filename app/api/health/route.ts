import { getDatabase } from '@/app/_server/database';
import { errorResponse } from '@/app/_server/api-route';
import { getHealth } from '@/db/queries/get-health';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  if (new URL(request.url).search.length > 1) return errorResponse(400, null, 'the health check takes no parameters');
  try {
    const database = await getDatabase();
    return Response.json(
      { status: 'ok', ...(await getHealth(database.db)), backend: database.backend },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  } catch (e) {
    console.error(`GET /api/health: ${(e as Error).message}`);
    return Response.json(
      { status: 'unavailable', error: 'database unavailable' },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}

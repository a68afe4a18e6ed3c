import { getDatabase } from '../../_server/database';
import { getHealth } from '../../../db/queries/get-health';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  try {
    const database = await getDatabase();
    return Response.json({ status: 'ok', ...(await getHealth(database.db)), backend: database.backend });
  } catch (e) {
    console.error(`GET /api/health: ${(e as Error).message}`);
    return Response.json({ status: 'unavailable', error: 'database unavailable' }, { status: 503 });
  }
}

import { getDatabase } from '../../_server/database';
import { listBlos } from '../../../db/queries/list-blos';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const database = await getDatabase();
  return Response.json({ blos: await listBlos(database.db) });
}

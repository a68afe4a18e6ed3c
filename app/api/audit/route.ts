/**
 * GET /api/audit?actor=&action=&from=&to=&q=&before=&limit=: the audit log, newest first, a page at a
 * time (`next` is the `before` of the page after). Admins only.
 */
import { errorResponse, readRoute } from '@/app/_server/api-route';
import { getDatabase } from '@/app/_server/database';
import { listAuditEvents } from '@/db/queries/audit';
import { parseAuditQuery } from '@/lib/audit/audit-query';

export const dynamic = 'force-dynamic';

export const GET = readRoute('users', async (request) => {
  const parsed = parseAuditQuery(new URL(request.url).searchParams);
  if ('param' in parsed) return errorResponse(400, parsed.param, parsed.message);
  const { db } = await getDatabase();
  return Response.json(await listAuditEvents(db, parsed.query), { headers: { 'Cache-Control': 'no-store' } });
});

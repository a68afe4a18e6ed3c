/**
 * GET /api/audit?actor=&action=&from=&to=&q=&before=&limit=: the audit log, newest first, a page at a
 * time (`next` is the `before` of the page after). Admins only.
 */
import { errorResponse, readRoute } from '@/app/_server/api-route';
import { getDatabase } from '@/app/_server/database';
import { listAuditEvents } from '@/db/queries/audit';
import { auditQuerySchema } from '@/lib/audit/audit-query';

export const dynamic = 'force-dynamic';

export const GET = readRoute('users', async (request) => {
  const search = new URL(request.url).searchParams;
  for (const key of new Set(search.keys())) {
    if (search.getAll(key).length > 1) return errorResponse(400, key.slice(0, 40), `${key.slice(0, 40)} given more than once`);
  }
  const parsed = auditQuerySchema.safeParse(Object.fromEntries(search));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const unknown = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const param = String(unknown ?? issue.path[0] ?? 'query').slice(0, 40);
    const message = unknown !== undefined ? 'unknown parameter (accepted: actor, action, from, to, q, before, limit)' : issue.message;
    return errorResponse(400, param, `${param} ${message}`);
  }
  const { db } = await getDatabase();
  return Response.json(await listAuditEvents(db, parsed.data), { headers: { 'Cache-Control': 'no-store' } });
});

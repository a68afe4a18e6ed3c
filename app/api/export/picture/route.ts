/**
 * POST /api/export/picture {view}: records a map picture about to be made of the dashboard view
 * `view` (the page's query string) and answers who and which audit entry, for the picture's
 * footer and watermark. The picture is drawn in the browser; this is its audit row.
 */
import { z } from 'zod';
import { errorResponse, readJsonBody, writeRoute } from '@/app/_server/api-route';
import { auditRequest } from '@/app/_server/audit';
import { getDatabase } from '@/app/_server/database';
import { reserveAuditId } from '@/db/queries/audit';
import { MAX_QUERY_LENGTH } from '@/lib/url/filters';
import { parseViewState } from '@/lib/url/view-state';

export const dynamic = 'force-dynamic';

const bodySchema = z.object({
  view: z.string().max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`),
});

export const POST = writeRoute('export', async (request, _context, account) => {
  const body = await readJsonBody(request, bodySchema, () => 'the body must be JSON: {view: the dashboard query string}');
  if (body instanceof Response) return body;
  const search = new URLSearchParams(body.view.replace(/^\?/, ''));
  const [problem] = parseViewState(search).problems;
  if (problem) return errorResponse(400, 'view', `view: ${problem.param} ${problem.message}`);
  const id = await reserveAuditId((await getDatabase()).db);
  const at = new Date();
  auditRequest(request, account, 'export', {
    id,
    at,
    target: '/api/export/picture',
    params: { file: 'map.png', ...Object.fromEntries(search) },
    status: 200,
    rows: null,
  });
  return Response.json({ auditId: id, account: account.email, at: at.toISOString() }, { headers: { 'Cache-Control': 'no-store' } });
});

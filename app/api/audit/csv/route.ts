/**
 * GET /api/audit/csv?actor=&action=&from=&to=&q=: the audit rows the filters select, newest first,
 * as a CSV download, each export's row with the link to the view it took. Admins only; the download
 * is itself audited.
 */
import { errorResponse, ownOrigin, readRoute } from '@/app/_server/api-route';
import { auditRequest } from '@/app/_server/audit';
import { getDatabase } from '@/app/_server/database';
import { streamAuditEvents } from '@/db/queries/audit';
import { AUDIT_CSV_COLUMNS, auditCsvRow } from '@/lib/audit/audit-csv';
import { parseAuditQuery } from '@/lib/audit/audit-query';

export const dynamic = 'force-dynamic';

export const GET = readRoute('users', async (request, _context, account) => {
  const parsed = parseAuditQuery(new URL(request.url).searchParams);
  if ('param' in parsed) return errorResponse(400, parsed.param, parsed.message);
  const { db } = await getDatabase();
  const origin = ownOrigin(request);
  const encoder = new TextEncoder();
  const pages = streamAuditEvents(db, parsed.query);
  let rows = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${AUDIT_CSV_COLUMNS.join(',')}\n`));
    },
    async pull(controller) {
      const { value, done } = await pages.next();
      if (done) {
        auditRequest(request, account, 'export', { params: { file: 'audit.csv', ...parsed.raw }, status: 200, rows });
        controller.close();
        return;
      }
      rows += value.length;
      controller.enqueue(encoder.encode(`${value.map((e) => auditCsvRow(e, origin)).join('\n')}\n`));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="blo-atlas-audit-${stamp}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
});

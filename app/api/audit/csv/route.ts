/**
 * GET /api/audit/csv?actor=&action=&from=&to=&q=: the audit rows the filters select, newest first,
 * as a CSV download, each export's row with the link to the view it took. Admins only; the download
 * is itself audited.
 */
import { errorResponse, ownOrigin, readRoute, streamResponse } from '@/app/_server/api-route';
import { auditRequest } from '@/app/_server/audit';
import { getDatabase } from '@/app/_server/database';
import { streamAuditEvents } from '@/db/queries/audit';
import { AUDIT_CSV_COLUMNS, auditCsvRow } from '@/lib/audit/audit-csv';
import { parseAuditQuery } from '@/lib/audit/audit-query';

export const dynamic = 'force-dynamic';

export const GET = readRoute('users', async (request, _context, account) => {
  const parsed = parseAuditQuery(new URL(request.url).searchParams);
  if ('param' in parsed) return errorResponse(400, parsed.param, parsed.message);
  const { query, raw } = parsed;
  const { db } = await getDatabase();
  const origin = ownOrigin(request);
  // The rows as they are read, a page at a time; the download is audited once the last is written.
  async function* lines(): AsyncGenerator<string> {
    yield `${AUDIT_CSV_COLUMNS.join(',')}\n`;
    let rows = 0;
    for await (const page of streamAuditEvents(db, query)) {
      rows += page.length;
      yield `${page.map((e) => auditCsvRow(e, origin)).join('\n')}\n`;
    }
    auditRequest(request, account, 'export', { params: { file: 'audit.csv', ...raw }, status: 200, rows });
  }
  const stamp = new Date().toISOString().slice(0, 10);
  return streamResponse({ stream: lines(), contentType: 'text/csv; charset=utf-8', fileName: `blo-atlas-audit-${stamp}.csv` });
});

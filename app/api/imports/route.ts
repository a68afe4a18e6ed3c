/**
 * POST /api/imports?name=FILE[&dry=1][&covers=POSTS:MONTHS]: the request body is the file (CSV or GeoJSON, up to
 * IMPORT_MAX_MB). The answer is a stream of JSON lines: `{"type":"progress","rows":N,"bytes":B}`
 * while rows are read, then `{"type":"summary",...}` or `{"type":"error","message":...}` (with the
 * coded `reason` when the file is not in the format). The summary lists the first rejected rows:
 * enough to show, or for a dry run (which keeps nothing to download later) enough to download.
 * Bad requests (name, size) are a 4xx before any work, `{"error":{"param","message","problem"}}`:
 * the coded `problem` (lib/import/import-upload.ts) for the page to word in its language. GET lists
 * the recent batches.
 */
import { todayIso } from '@/lib/time/dates';
import { errorResponse, readRoute, writeRoute } from '@/app/_server/api-route';
import { auditRequest } from '@/app/_server/audit';
import { getDatabase } from '@/app/_server/database';
import { inFlight, stoppingSignal } from '@/app/_server/lifecycle';
import { logger, observers } from '@/app/_server/observe';
import { isDatabaseUnavailable } from '@/db/unavailable';
import { importSeizures } from '@/db/import-seizures';
import { listImportBatches } from '@/db/queries/list-import-batches';
import { getEnv } from '@/lib/env';
import { ImportFileError, readImportRows } from '@/lib/import/import-file';
import { checkUpload, uploadProblemParam, uploadProblemStatus, uploadProblemText, type UploadProblem } from '@/lib/import/import-upload';
import { DRY_RUN_REJECTIONS_LISTED, REJECTIONS_SHOWN } from '@/lib/import/rejections-csv';

export const dynamic = 'force-dynamic';

/** The problem's status and English message, with its code and values beside them. */
const refuse = (problem: UploadProblem): Response =>
  errorResponse(uploadProblemStatus(problem), uploadProblemParam(problem), uploadProblemText('en', problem), { problem });

export const POST = writeRoute('import', async (request: Request, _context, account): Promise<Response> => {
  const env = getEnv();
  const upload = checkUpload(
    { search: new URL(request.url).searchParams, contentLength: request.headers.get('content-length'), hasBody: request.body !== null },
    env.IMPORT_MAX_MB,
  );
  if ('problem' in upload) return refuse(upload.problem);

  const maxBytes = env.IMPORT_MAX_MB * 1024 * 1024;
  let bytes = 0;
  const body = request.body;
  // A body without a Content-Length is counted as it arrives and stopped at the limit.
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) throw new ImportFileError({ code: 'too-large', mb: env.IMPORT_MAX_MB });
      yield chunk;
    }
  }

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start: (controller) =>
      inFlight(async () => {
        const send = (message: object) => controller.enqueue(encoder.encode(`${JSON.stringify(message)}\n`));
        try {
          const database = await getDatabase();
          const summary = await importSeizures(database, readImportRows(counted(), upload.format), {
            fileName: upload.name,
            account: account.email,
            dryRun: upload.dryRun,
            listRejections: upload.dryRun ? DRY_RUN_REJECTIONS_LISTED : REJECTIONS_SHOWN,
            today: todayIso(),
            maxKg: env.IMPORT_MAX_KG,
            covers: upload.covers,
            onProgress: (rows) => send({ type: 'progress', rows, bytes }),
            signal: stoppingSignal(),
          });
          send({ type: 'summary', ...summary });
          observers().imports.inc({ outcome: summary.dryRun ? 'dry-run' : 'written' });
          if (!summary.dryRun) observers().importedRows.inc(summary.accepted);
          const { fileName, rows, accepted, rejected, duplicates, batch, dataVersion, covered } = summary;
          auditRequest(request, account, summary.dryRun ? 'import-dry-run' : 'import', {
            target: fileName,
            params: { batch, dataVersion, rows, accepted, rejected, duplicates, covered, bytes },
            status: 200,
            rows: accepted,
          });
        } catch (e) {
          const stopped = stoppingSignal().aborted;
          const unavailable = isDatabaseUnavailable(e);
          observers().imports.inc({ outcome: stopped ? 'aborted' : 'failed' });
          if (!(e instanceof ImportFileError) && !stopped && !unavailable) logger().error({ err: e, file: upload.name }, 'import failed');
          send(
            e instanceof ImportFileError
              ? { type: 'error', message: `the file cannot be imported: ${e.message}`, reason: e.reason }
              : stopped
                ? { type: 'error', message: 'the server is restarting; nothing was written: send the file again in a minute' }
                : unavailable
                  ? { type: 'error', message: 'the database is unavailable; nothing was written: send the file again in a minute' }
                  : { type: 'error', message: 'the import failed on our side; nothing was written' },
          );
        } finally {
          controller.close();
        }
      }),
  });
  return new Response(stream, { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' } });
});

export const GET = readRoute('import', async (): Promise<Response> => {
  const database = await getDatabase();
  return Response.json({ batches: await listImportBatches(database.db, 20) }, { headers: { 'Cache-Control': 'no-store' } });
});

/**
 * POST /api/imports?name=FILE[&dry=1]: the request body is the file (CSV or GeoJSON, up to
 * IMPORT_MAX_MB). The answer is a stream of JSON lines: `{"type":"progress","rows":N,"bytes":B}`
 * while rows are read, then `{"type":"summary",...}` or `{"type":"error","message":...}` (with the
 * coded `reason` when the file is not in the format). The summary lists the first rejected rows:
 * enough to show, or for a dry run (which keeps nothing to download later) enough to download.
 * Bad requests (name, size) are a 4xx before any work. GET lists the recent batches.
 */
import { todayIso } from '@/lib/time/dates';
import { z } from 'zod';
import { errorResponse, readRoute, writeRoute } from '@/app/_server/api-route';
import { auditRequest } from '@/app/_server/audit';
import { getDatabase } from '@/app/_server/database';
import { importSeizures } from '@/db/import-seizures';
import { listImportBatches } from '@/db/queries/list-import-batches';
import { getEnv } from '@/lib/env';
import { formatOfName, ImportFileError, readImportRows } from '@/lib/import/import-file';
import { DRY_RUN_REJECTIONS_LISTED, REJECTIONS_SHOWN } from '@/lib/import/rejections-csv';

export const dynamic = 'force-dynamic';

const querySchema = z.object({
  name: z
    .string({ error: 'is required: the file name' })
    .max(160, 'is longer than 160 characters')
    .regex(/^[^/\\<>:"|?*\u0000-\u001f]+\.(csv|geojson|json)$/i, 'must be a file name ending .csv, .geojson or .json'),
  dry: z.enum(['0', '1'], 'must be 0 or 1').optional(),
});

export const POST = writeRoute('import', async (request: Request, _context, account): Promise<Response> => {
  const url = new URL(request.url);
  for (const key of url.searchParams.keys()) {
    if (key !== 'name' && key !== 'dry') return errorResponse(400, key.slice(0, 40), 'unknown parameter (accepted: name, dry)');
  }
  const parsed = querySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = String(issue.path[0] ?? 'name');
    return errorResponse(400, param, `${param} ${issue.message}`);
  }
  const env = getEnv();
  const maxBytes = env.IMPORT_MAX_MB * 1024 * 1024;
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) return errorResponse(413, null, `the file is larger than ${env.IMPORT_MAX_MB} MB`);
  if (!request.body) return errorResponse(400, null, 'the request has no file in its body');

  const format = formatOfName(parsed.data.name)!;
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
    async start(controller) {
      const send = (message: object) => controller.enqueue(encoder.encode(`${JSON.stringify(message)}\n`));
      try {
        const database = await getDatabase();
        const dryRun = parsed.data.dry === '1';
        const summary = await importSeizures(database, readImportRows(counted(), format), {
          fileName: parsed.data.name,
          account: account.email,
          dryRun,
          listRejections: dryRun ? DRY_RUN_REJECTIONS_LISTED : REJECTIONS_SHOWN,
          today: todayIso(),
          maxKg: env.IMPORT_MAX_KG,
          onProgress: (rows) => send({ type: 'progress', rows, bytes }),
        });
        send({ type: 'summary', ...summary });
        const { fileName, rows, accepted, rejected, duplicates, batch, dataVersion } = summary;
        auditRequest(request, account, summary.dryRun ? 'import-dry-run' : 'import', {
          target: fileName,
          params: { batch, dataVersion, rows, accepted, rejected, duplicates, bytes },
          status: 200,
          rows: accepted,
        });
      } catch (e) {
        if (!(e instanceof ImportFileError)) console.error(`import ${parsed.data.name}: ${(e as Error).stack ?? e}`);
        send(
          e instanceof ImportFileError
            ? { type: 'error', message: `the file cannot be imported: ${e.message}`, reason: e.reason }
            : { type: 'error', message: 'the import failed on our side; nothing was written' },
        );
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' } });
});

export const GET = readRoute('import', async (): Promise<Response> => {
  try {
    const database = await getDatabase();
    return Response.json({ batches: await listImportBatches(database.db, 20) }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    console.error(`imports: ${(e as Error).stack ?? e}`);
    return errorResponse(500, null, 'internal error; the request was valid and has been logged');
  }
});

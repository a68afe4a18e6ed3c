import { z } from 'zod';
import { apiRoute, NotFoundError } from '@/app/_server/api-route';
import { streamRejections } from '@/db/import-seizures';
import { getImportBatch } from '@/db/queries/list-import-batches';
import { toCsvLine } from '@/lib/csv/csv-line';

export const dynamic = 'force-dynamic';

const pathSchema = z.object({
  batch: z
    .string()
    .regex(/^\d{1,12}$/, 'must be a batch number')
    .transform(Number),
});

/** The rejected rows of an import as CSV: line, reason (all reasons, "; "-separated), and the row as it was. */
export const GET = apiRoute({ permission: 'import', path: pathSchema, cacheable: false }, async ({ database, path }) => {
  const batch = Number(path.batch);
  const info = await getImportBatch(database.db, batch);
  if (!info) throw new NotFoundError(`no import batch ${batch}`);
  async function* lines() {
    yield `# BLO Atlas: rows rejected from ${info!.fileName ?? 'an import'} (batch ${batch}, ${info!.startedAt})\n`;
    yield 'line,reason,row\n';
    for await (const page of streamRejections(database.db, batch)) {
      yield page
        .map((r) => `${toCsvLine([r.line, r.reasons.join('; '), typeof r.raw === 'string' ? r.raw : JSON.stringify(r.raw)])}\n`)
        .join('');
    }
  }
  return { stream: lines(), contentType: 'text/csv; charset=utf-8', fileName: `rejected-rows-batch-${batch}.csv` };
});

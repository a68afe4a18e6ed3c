import { z } from 'zod';
import { apiRoute, NotFoundError } from '@/app/_server/api-route';
import { streamRejections } from '@/db/import-seizures';
import { getImportBatch } from '@/db/queries/list-import-batches';
import { REJECTIONS_CSV_HEADER, rejectionCsvLine, rejectionsCsvTitle } from '@/lib/import/rejections-csv';

export const dynamic = 'force-dynamic';

const pathSchema = z.object({
  batch: z
    .string()
    .regex(/^\d{1,12}$/, 'must be a batch number')
    .transform(Number),
});

/**
 * The rejected rows of an import as CSV: line, reason (all reasons, "; "-separated, in `lang`,
 * English by default), and the row as it was.
 */
export const GET = apiRoute(
  { permission: 'import', path: pathSchema, params: ['lang'], cacheable: false },
  async ({ database, path, params }) => {
    const batch = Number(path.batch);
    const lang = params.lang ?? 'en';
    const info = await getImportBatch(database.db, batch);
    if (!info) throw new NotFoundError(`no import batch ${batch}`);
    async function* lines() {
      yield `${rejectionsCsvTitle(info!.fileName, `batch ${batch}, ${info!.startedAt}`)}\n`;
      yield `${REJECTIONS_CSV_HEADER}\n`;
      for await (const page of streamRejections(database.db, batch)) yield page.map((r) => `${rejectionCsvLine(lang, r)}\n`).join('');
    }
    return { stream: lines(), contentType: 'text/csv; charset=utf-8', fileName: `rejected-rows-batch-${batch}.csv` };
  },
);

import { z } from 'zod';
import { apiRoute, NotFoundError } from '@/app/_server/api-route';
import { streamRejections } from '@/db/import-seizures';
import { getImportBatch } from '@/db/queries/list-import-batches';
import { csvStart } from '@/lib/export/csv-dialect';
import {
  batchRejectionsFileName,
  rejectionCsvLine,
  rejectionsCsvHeader,
  rejectionsCsvTitle,
  rejectionsDialect,
} from '@/lib/import/rejections-csv';

export const dynamic = 'force-dynamic';

const pathSchema = z.object({
  batch: z
    .string()
    .regex(/^\d{1,12}$/, 'must be a batch number')
    .transform(Number),
});

/**
 * The rejected rows of an import as CSV: line, reason (all reasons, "; "-separated, in `lang`,
 * English by default), and the row as it was. `excel=1` writes the spreadsheet file of the exports
 * (byte-order mark, `;`).
 */
export const GET = apiRoute(
  { permission: 'import', path: pathSchema, params: ['lang', 'excel'], cacheable: false },
  async ({ database, path, params }) => {
    const batch = Number(path.batch);
    const lang = params.lang ?? 'en';
    const excel = params.excel ?? false;
    const dialect = rejectionsDialect(excel);
    const info = await getImportBatch(database.db, batch);
    if (!info) throw new NotFoundError(`no import batch ${batch}`);
    async function* lines() {
      yield `${csvStart(dialect)}${rejectionsCsvTitle(info!.fileName, `batch ${batch}, ${info!.startedAt}`)}\n`;
      yield `${rejectionsCsvHeader(dialect)}\n`;
      for await (const page of streamRejections(database.db, batch))
        yield page.map((r) => `${rejectionCsvLine(lang, r, dialect)}\n`).join('');
    }
    return { stream: lines(), contentType: 'text/csv; charset=utf-8', fileName: batchRejectionsFileName(batch, excel) };
  },
);

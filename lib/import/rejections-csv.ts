/**
 * The rejected rows of an import as a CSV file: `line,reason,row` — the line in the file, every
 * reason ("; "-separated) in the reader's language, and the row as it was, so it can be corrected
 * and imported again. A batch's file is streamed by the server; a dry run keeps nothing, so its file
 * is made in the browser from the rows its summary lists. Both are written here, plain or in the
 * spreadsheet dialect of the exports (`excel`, lib/export/csv-dialect.ts: a byte-order mark and `;`;
 * the file has no decimal figures for its decimal comma to change).
 */
import { toCsvLine } from '@/lib/csv/csv-line';
import type { ImportRejection, ImportSummary } from '@/lib/api/api-types';
import { csvStart, EXCEL_CSV, PLAIN_CSV, type CsvDialect } from '@/lib/export/csv-dialect';
import type { Language } from '@/lib/url/view-state';
import { importReasonText, type ImportReason } from './import-reasons';

/** Rejected rows the import report shows on screen, each with its line (the download has them all). */
export const REJECTIONS_SHOWN = 100;
/** Rejected rows a dry run's summary lists: its download, as nothing of a dry run is kept to download later. */
export const DRY_RUN_REJECTIONS_LISTED = 10_000;

const REJECTIONS_CSV_COLUMNS = ['line', 'reason', 'row'] as const;

/** The dialect of a plain download, or of the spreadsheet one. */
export const rejectionsDialect = (excel: boolean): CsvDialect => (excel ? EXCEL_CSV : PLAIN_CSV);

export const rejectionsCsvHeader = (dialect: CsvDialect = PLAIN_CSV): string => REJECTIONS_CSV_COLUMNS.join(dialect.delimiter);

/** A row's reasons in words, "; "-separated. */
export const rejectionReasons = (lang: Language, reasons: readonly ImportReason[]): string =>
  reasons.map((r) => importReasonText(lang, r)).join('; ');

/** The comment line opening the file: where the rows come from. */
export const rejectionsCsvTitle = (fileName: string | null, from: string): string =>
  `# BLO Atlas: rows rejected from ${fileName ?? 'an import'} (${from})`;

export function rejectionCsvLine(lang: Language, r: ImportRejection, dialect: CsvDialect = PLAIN_CSV): string {
  return toCsvLine(
    [r.line, rejectionReasons(lang, r.reasons), typeof r.raw === 'string' ? r.raw : JSON.stringify(r.raw)],
    dialect.delimiter,
  );
}

/** A dry run's rejected rows as one file (at most DRY_RUN_REJECTIONS_LISTED rows, so it is built whole). */
export function dryRunRejectionsCsv(lang: Language, summary: ImportSummary, checkedAt: string, dialect: CsvDialect = PLAIN_CSV): string {
  const lines = [rejectionsCsvTitle(summary.fileName, `checked ${checkedAt}, nothing written`)];
  if (summary.rejections.length < summary.rejected) {
    lines.push(
      `# the first ${summary.rejections.length} of ${summary.rejected} rejected rows (an import of the file keeps them all for download)`,
    );
  }
  lines.push(rejectionsCsvHeader(dialect), ...summary.rejections.map((r) => rejectionCsvLine(lang, r, dialect)));
  return `${csvStart(dialect)}${lines.join('\n')}\n`;
}

/** The download's file name for a dry run of `fileName` (`-excel` for the spreadsheet file, as the exports'). */
export const dryRunRejectionsFileName = (fileName: string, excel = false): string =>
  `rejected-rows-check-${fileName.replace(/\.[^.]*$/, '')}${excel ? '-excel' : ''}.csv`;

/** The download's file name for a batch. */
export const batchRejectionsFileName = (batch: number, excel = false): string => `rejected-rows-batch-${batch}${excel ? '-excel' : ''}.csv`;

/**
 * Where a batch's rejected rows are downloaded, their reasons in `lang`, `excel=1` for the spreadsheet
 * file (the defaults, English and plain, are left out).
 */
export function rejectionsPath(batch: number, lang: Language, excel = false): string {
  const params = new URLSearchParams({ ...(lang === 'en' ? {} : { lang }), ...(excel ? { excel: '1' } : {}) });
  return `/api/imports/${batch}/rejections${params.size ? `?${params}` : ''}`;
}

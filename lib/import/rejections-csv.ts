/**
 * The rejected rows of an import as a CSV file: `line,reason,row` — the line in the file, every
 * reason ("; "-separated) in the reader's language, and the row as it was, so it can be corrected
 * and imported again. A batch's file is streamed by the server; a dry run keeps nothing, so its file
 * is made in the browser from the rows its summary lists. Both are written here.
 */
import { toCsvLine } from '@/lib/csv/csv-line';
import type { ImportRejection, ImportSummary } from '@/lib/api/api-types';
import type { Language } from '@/lib/url/view-state';
import { importReasonText, type ImportReason } from './import-reasons';

/** Rejected rows the import report shows on screen, each with its line (the download has them all). */
export const REJECTIONS_SHOWN = 100;
/** Rejected rows a dry run's summary lists: its download, as nothing of a dry run is kept to download later. */
export const DRY_RUN_REJECTIONS_LISTED = 10_000;

export const REJECTIONS_CSV_HEADER = 'line,reason,row';

/** A row's reasons in words, "; "-separated. */
export const rejectionReasons = (lang: Language, reasons: readonly ImportReason[]): string =>
  reasons.map((r) => importReasonText(lang, r)).join('; ');

/** The comment line opening the file: where the rows come from. */
export const rejectionsCsvTitle = (fileName: string | null, from: string): string =>
  `# BLO Atlas: rows rejected from ${fileName ?? 'an import'} (${from})`;

export function rejectionCsvLine(lang: Language, r: ImportRejection): string {
  return toCsvLine([r.line, rejectionReasons(lang, r.reasons), typeof r.raw === 'string' ? r.raw : JSON.stringify(r.raw)]);
}

/** A dry run's rejected rows as one file (at most DRY_RUN_REJECTIONS_LISTED rows, so it is built whole). */
export function dryRunRejectionsCsv(lang: Language, summary: ImportSummary, checkedAt: string): string {
  const lines = [rejectionsCsvTitle(summary.fileName, `checked ${checkedAt}, nothing written`)];
  if (summary.rejections.length < summary.rejected) {
    lines.push(
      `# the first ${summary.rejections.length} of ${summary.rejected} rejected rows (an import of the file keeps them all for download)`,
    );
  }
  lines.push(REJECTIONS_CSV_HEADER, ...summary.rejections.map((r) => rejectionCsvLine(lang, r)));
  return `${lines.join('\n')}\n`;
}

/** The download's file name for a dry run of `fileName`. */
export const dryRunRejectionsFileName = (fileName: string): string => `rejected-rows-check-${fileName.replace(/\.[^.]*$/, '')}.csv`;

/** Where a batch's rejected rows are downloaded, their reasons in `lang` (English, the default, is left out). */
export const rejectionsPath = (batch: number, lang: Language): string =>
  `/api/imports/${batch}/rejections${lang === 'en' ? '' : `?lang=${lang}`}`;

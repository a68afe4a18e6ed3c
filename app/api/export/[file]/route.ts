import { apiRoute } from '@/app/_server/api-route';
import { auditRequest } from '@/app/_server/audit';
import { requestOrigin } from '@/app/_server/page-origin';
import { listBlos } from '@/db/queries/list-blos';
import { reserveAuditId } from '@/db/queries/audit';
import { streamSeizures } from '@/db/queries/list-seizures';
import { currentVersion } from '@/db/data-versions';
import { EXPORT_FILES, exportFileSchema } from '@/lib/url/api-params';
import { ParamError } from '@/lib/url/filters';
import { EXCEL_CSV, PLAIN_CSV } from '@/lib/export/csv-dialect';
import {
  bloCsvRow,
  bloFeature,
  BLO_EXPORT_COLUMNS,
  csvLines,
  geojsonLines,
  seizureCsvRow,
  seizureFeature,
  SEIZURE_EXPORT_COLUMNS,
  type ExportMeta,
} from '@/lib/export/export-format';
import { apiSearch } from '@/lib/url/view-state';

export const dynamic = 'force-dynamic';

async function* mapPages<T, U>(pages: AsyncIterable<T[]>, f: (t: T) => U): AsyncGenerator<U[]> {
  for await (const page of pages) yield page.map(f);
}

async function* once<T>(items: Promise<T[]>): AsyncGenerator<T[]> {
  yield await items;
}

/**
 * The file's rows, counted as they are written; when the last is written (or the download stops),
 * one audit row says who took what.
 */
async function* audited<T>(pages: AsyncIterable<T[]>, done: (rows: number, complete: boolean) => void): AsyncGenerator<T[]> {
  let rows = 0;
  let complete = false;
  try {
    for await (const page of pages) {
      rows += page.length;
      yield page;
    }
    complete = true;
  } finally {
    done(rows, complete);
  }
}

/**
 * What the filters select, as a file: seizures (single seizures: the `events` permission) or per-BLO
 * totals (withheld where small for aggregates-only accounts), CSV (import format) or GeoJSON. The
 * file names who exported it and its audit entry, reserved before the first line is written.
 * `excel=1` writes a CSV for Excel set to Russian (lib/export/csv-dialect.ts); `lang` is the
 * language the link inside the file opens the dashboard in.
 */
export const GET = apiRoute(
  {
    permission: ({ file }) => (file?.startsWith('seizures.') ? ['export', 'events'] : ['export']),
    path: exportFileSchema,
    params: ['lang', 'excel'],
    cacheable: false,
  },
  async ({ database, filters, path, params, request, account }) => {
    const file = path.file as (typeof EXPORT_FILES)[number];
    const [what, kind] = file.split('.') as ['seizures' | 'blos', 'csv' | 'geojson'];
    const excel = params.excel ?? false;
    if (excel && kind !== 'csv') throw new ParamError('excel', 'only a CSV file has a spreadsheet variant');
    const dialect = excel ? EXCEL_CSV : PLAIN_CSV;
    const started = new Date();
    const auditId = await reserveAuditId(database.db);
    // The file holds the figures of this version; its link is pinned to it, so it shows them again.
    const dataVersion = filters.asOf ?? (await currentVersion(database.db));
    const meta: ExportMeta = {
      what: what === 'seizures' ? 'seizures' : 'per-BLO totals (seizures nearest to each BLO)',
      filters,
      madeAt: started.toISOString(),
      // The dashboard as the reader came to it: the origin they used, their language (English is the default, left out).
      link: `${requestOrigin(request)}/${apiSearch({ ...filters, asOf: dataVersion }, { lang: params.lang === 'ru' ? 'ru' : undefined })}`,
      dataVersion,
      account: account.email,
      auditId,
      minCount: account.detail.level === 'aggregates' ? account.detail.minCount : null,
    };
    const stamp = meta.madeAt.slice(0, 10);
    const done = (rows: number, complete: boolean) =>
      auditRequest(request, account, 'export', {
        id: auditId,
        at: started,
        params: { file, complete, ...Object.fromEntries(new URL(request.url).searchParams), asof: String(dataVersion) },
        status: 200,
        rows,
      });
    const fileName = `blo-atlas-${what}-${stamp}${excel ? '-excel' : ''}.${kind}`;
    const contentType = kind === 'csv' ? 'text/csv; charset=utf-8' : 'application/geo+json';
    if (what === 'seizures') {
      const pages = audited(streamSeizures(database.db, filters), done);
      return {
        stream:
          kind === 'csv'
            ? csvLines(
                meta,
                SEIZURE_EXPORT_COLUMNS,
                mapPages(pages, (s) => seizureCsvRow(s, dialect)),
                dialect,
              )
            : geojsonLines(meta, mapPages(pages, seizureFeature)),
        contentType,
        fileName,
      };
    }
    const blos = audited(once(listBlos(database.db, filters)), done);
    return {
      stream:
        kind === 'csv'
          ? csvLines(
              meta,
              BLO_EXPORT_COLUMNS,
              mapPages(blos, (b) => bloCsvRow(b, dialect)),
              dialect,
            )
          : geojsonLines(meta, mapPages(blos, bloFeature)),
      contentType,
      fileName,
    };
  },
);

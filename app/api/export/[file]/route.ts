import { apiRoute, ownOrigin } from '@/app/_server/api-route';
import { auditRequest } from '@/app/_server/audit';
import { listBlos } from '@/db/queries/list-blos';
import { reserveAuditId } from '@/db/queries/audit';
import { streamSeizures } from '@/db/queries/list-seizures';
import { currentVersion } from '@/db/data-versions';
import { EXPORT_FILES, exportFileSchema } from '@/lib/url/api-params';
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
 */
export const GET = apiRoute(
  {
    permission: ({ file }) => (file?.startsWith('seizures.') ? ['export', 'events'] : ['export']),
    path: exportFileSchema,
    cacheable: false,
  },
  async ({ database, filters, path, request, account }) => {
    const file = path.file as (typeof EXPORT_FILES)[number];
    const [what, kind] = file.split('.') as ['seizures' | 'blos', 'csv' | 'geojson'];
    const started = new Date();
    const auditId = await reserveAuditId(database.db);
    // The file holds the figures of this version; its link is pinned to it, so it shows them again.
    const dataVersion = filters.asOf ?? (await currentVersion(database.db));
    const meta: ExportMeta = {
      what: what === 'seizures' ? 'seizures' : 'per-BLO totals (seizures nearest to each BLO)',
      filters,
      madeAt: started.toISOString(),
      link: `${ownOrigin(request)}/${apiSearch({ ...filters, asOf: dataVersion })}`,
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
    const fileName = `blo-atlas-${what}-${stamp}.${kind}`;
    const contentType = kind === 'csv' ? 'text/csv; charset=utf-8' : 'application/geo+json';
    if (what === 'seizures') {
      const pages = audited(streamSeizures(database.db, filters), done);
      return {
        stream:
          kind === 'csv'
            ? csvLines(meta, SEIZURE_EXPORT_COLUMNS, mapPages(pages, seizureCsvRow))
            : geojsonLines(meta, mapPages(pages, seizureFeature)),
        contentType,
        fileName,
      };
    }
    const blos = audited(once(listBlos(database.db, filters)), done);
    return {
      stream:
        kind === 'csv' ? csvLines(meta, BLO_EXPORT_COLUMNS, mapPages(blos, bloCsvRow)) : geojsonLines(meta, mapPages(blos, bloFeature)),
      contentType,
      fileName,
    };
  },
);

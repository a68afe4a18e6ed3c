/**
 * Data versions and as-of answers (both backends). A fixture history — seed → import A → import B →
 * undo A → import C (one of its rows is one of A's) → re-import A — is played on one database. For
 * every version, an oracle database is rebuilt from scratch holding only what that version holds
 * (the seed and the imports live at it, loaded afresh), and every dashboard query asked with `asof`
 * on the first must answer what the same query answers on the oracle. Current answers equal the raw
 * table's.
 */
import { writeFileSync, mkdtempSync, rmSync, createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { loadReferenceData } from '@/db/reference-data';
import { seedDatabase } from '@/db/seed';
import { syncReferenceData } from '@/db/reference-sync';
import * as turf from '@turf/turf';
import { importSeizures } from '@/db/import-seizures';
import { BatchStateError, reimportBatch, undoImport } from '@/db/undo-import';
import { currentVersion, listDataVersions } from '@/db/data-versions';
import { getImportBatch } from '@/db/queries/list-import-batches';
import { getSummary } from '@/db/queries/get-summary';
import { getTimeSeries } from '@/db/queries/get-time-series';
import { listBlos } from '@/db/queries/list-blos';
import { getBloDetail, listCatchmentSeizures } from '@/db/queries/get-blo-detail';
import { getHotspots } from '@/db/queries/get-hotspots';
import { listRoutes } from '@/db/queries/list-routes';
import { listSeizureColumns, streamSeizures } from '@/db/queries/list-seizures';
import { listTileFeatures } from '@/db/queries/get-tile';
import type { SourceOptions } from '@/db/queries/rollup-source';
import { rowsOf } from '@/db/result-rows';
import { readImportRows } from '@/lib/import/import-file';
import { SUBSTANCE_CODES } from '@/lib/catalogue/substances';
import type { ScopedFilters } from '@/lib/access/country-scope';
import { importCsvLines } from '@/tests/fixtures/import-csv';
import type { ScratchDatabase } from './database-suite';
import { f } from './filter-cases';

const SEED = { rows: 400, seed: 77, account: 'tests' };
const FILES = { a: 'late-file-a.csv', b: 'agency-b.csv', c: 'agency-c.csv' } as const;
type FileKey = keyof typeof FILES;

/** The filters every version is asked with: whole months, partial months, a filter no rollup keeps, a comparison. */
const VERSION_CASES: [string, ScopedFilters][] = [
  ['no filter', f({})],
  ['heroin and opium, 2022-03-10 to 2024-05-20', f({ substances: ['heroin', 'opium'], from: '2022-03-10', to: '2024-05-20' })],
  ['Tajikistan and Uzbekistan (the raw table only)', f({ countries: ['TJ', 'UZ'] })],
  ['2023 against 2022', f({ from: '2023-01-01', to: '2023-12-31', compare: 'year' })],
];

/** Numbers to 9 significant digits: two databases may sum the same doubles in another order. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Number(value.toPrecision(9));
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

/**
 * Where two answers differ, or null: numbers within a relative 1e-9 count as equal (two databases may
 * sum the same doubles in another order), and what a hexagon's answer rounds (its centroid to 5
 * decimals, kg-eq to 3, value to whole dollars) within one unit of the last place (such a sum can
 * round either side of a half); everything else must be identical.
 */
const ROUNDED: [RegExp, number][] = [
  [/\.centroid\[\d\]$/, 1.01e-5],
  [/\.cells\[\d+\]\.kgEq$/, 1.01e-3],
  [/\.cells\[\d+\]\.valueUsd$/, 1.01],
];

function difference(a: unknown, b: unknown, at = ''): string | null {
  if (typeof a === 'number' && typeof b === 'number') {
    const rounded = ROUNDED.find(([path]) => path.test(at));
    const tolerance = rounded ? rounded[1] : 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
    return Math.abs(a - b) <= tolerance ? null : `${at}: ${a} ≠ ${b}`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${at}: ${a.length} items ≠ ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = difference(a[i], b[i], `${at}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const d = difference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return Object.is(a, b) ? null : `${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
}

/** A list of records without their ids (which differ between databases), in a canonical order. */
const canonical = <T extends object>(rows: T[]): unknown[] =>
  rows
    .map((r) => rounded(Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'id'))))
    .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));

/** What every dashboard route answers for `filters`, through the query functions the routes call. */
async function answers(database: Database, filters: ScopedFilters, options: SourceOptions = {}) {
  const { db } = database;
  const exported: unknown[] = [];
  for await (const page of streamSeizures(db, filters, 200)) exported.push(...page);
  const columns = await listSeizureColumns(db, filters, 100_000, SUBSTANCE_CODES);
  const points = Array.from({ length: columns.count }, (_, i) => [
    columns.positions[2 * i],
    columns.positions[2 * i + 1],
    columns.kgEq[i],
    columns.days[i],
    columns.substance[i],
  ]);
  return {
    summary: await getSummary(db, filters, options),
    monthly: await getTimeSeries(db, filters, 'month', options),
    weekly: await getTimeSeries(db, filters, 'week', options),
    blos: await listBlos(db, filters, options),
    oybek: await getBloDetail(db, 'oybek', filters, 25, options),
    kordai: await getBloDetail(db, 'kordai', filters, 60, options),
    oybekSeizures: canonical((await listCatchmentSeizures(db, 'oybek', filters, 25, 10)) ?? []),
    hexagonsZ4: await getHotspots(db, filters, 4, options),
    hexagonsZ9: await getHotspots(db, filters, 9, options),
    routesByCountry: await listRoutes(db, filters, 'country', options),
    routesByBlo: await listRoutes(db, filters, 'blo', options),
    exported: canonical(exported as object[]),
    points: points.map((p) => JSON.stringify(rounded(p))).sort(),
    tileZ5: canonical(await listTileFeatures(database, { z: 5, x: 22, y: 11 }, filters, options)),
    tileZ8: canonical(await listTileFeatures(database, { z: 8, x: 179, y: 97 }, filters, options)),
  };
}

export function defineVersionTests(scratch: (tag: string) => Promise<ScratchDatabase>): void {
  describe('data versions and as-of answers', () => {
    let dir: string;
    let history: ScratchDatabase;
    let oracle: ScratchDatabase;
    let db: Database;
    let oracleDb: Database;
    /** What each version holds: the import files live at it, in the order the oracle loads them. */
    const liveAt = new Map<number, FileKey[]>();
    const batches = new Map<FileKey, number>();
    const file = (key: FileKey) => path.join(dir, FILES[key]);
    const load = (database: Database, key: FileKey) =>
      importSeizures(database, readImportRows(createReadStream(file(key)), 'csv'), {
        fileName: FILES[key],
        account: 'editor@example.org',
        today: '2026-11-28',
        maxKg: 50_000,
      });

    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'blo-atlas-versions-'));
      const a = [...importCsvLines(40, 501)];
      const b = [...importCsvLines(30, 502)];
      // C: its own rows, and one of A's (accepted while A is undone; a duplicate when A comes back).
      const c = [...importCsvLines(25, 503), a[7]];
      writeFileSync(file('a'), a.join('\n'));
      writeFileSync(file('b'), b.join('\n'));
      writeFileSync(file('c'), c.join('\n'));
      [history, oracle] = [await scratch('history'), await scratch('oracle')];
      [db, oracleDb] = [await history.open(), await oracle.open()];
      const data = loadReferenceData();

      await seedDatabase(db, data, SEED);
      liveAt.set(1, []);
      const importA = await load(db, 'a');
      batches.set('a', importA.batch!);
      liveAt.set(2, ['a']);
      batches.set('b', (await load(db, 'b')).batch!);
      liveAt.set(3, ['a', 'b']);
      await undoImport(db, batches.get('a')!, 'editor@example.org');
      liveAt.set(4, ['b']);
      batches.set('c', (await load(db, 'c')).batch!);
      liveAt.set(5, ['b', 'c']);
      await reimportBatch(db, batches.get('a')!, 'editor@example.org');
      liveAt.set(6, ['b', 'c', 'a']);
      await seedDatabase(oracleDb, data, SEED);
    }, 300_000);

    afterAll(async () => {
      await db?.close();
      await oracleDb?.close();
      await history?.dispose();
      await oracle?.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    it('numbers every write that changed seizures, with who made it and what it added and removed (hand-counted)', async () => {
      const versions = await listDataVersions(db.db, 0);
      expect(versions.map((v) => [v.id, v.action, v.account, v.batchId, v.added, v.removed])).toEqual([
        [1, 'seed', 'tests', null, 441, 0],
        [2, 'import', 'editor@example.org', batches.get('a'), 40, 0],
        [3, 'import', 'editor@example.org', batches.get('b'), 30, 0],
        [4, 'undo', 'editor@example.org', batches.get('a'), 0, 40],
        [5, 'import', 'editor@example.org', batches.get('c'), 26, 0],
        [6, 'reimport', 'editor@example.org', expect.any(Number), 39, 0],
      ]);
      expect(await currentVersion(db.db)).toBe(6);
      // Nothing was deleted: every row ever added is still in the table.
      const [{ n }] = rowsOf<{ n: number }>(await db.db.execute(sql`SELECT count(*)::int AS n FROM seizures`));
      expect(n).toBe(441 + 40 + 30 + 26 + 39);
    });

    it('records the undo and the re-import on the batches, and refuses to undo twice or re-import a current batch', async () => {
      const a = await getImportBatch(db.db, batches.get('a')!);
      expect(a).toMatchObject({ accepted: 40, dataVersion: 2, undoneIn: 4, current: 0 });
      const versions = await listDataVersions(db.db, 5);
      const copy = await getImportBatch(db.db, versions[0].batchId!);
      expect(copy).toMatchObject({ reimportOf: batches.get('a'), rows: 40, accepted: 39, duplicates: 1, dataVersion: 6, current: 39 });
      await expect(undoImport(db, batches.get('a')!, 'x')).rejects.toThrow(BatchStateError);
      await expect(reimportBatch(db, batches.get('b')!, 'x')).rejects.toThrow(/is not undone/);
      // A re-import of A again: every row is current under the copy.
      await expect(reimportBatch(db, batches.get('a')!, 'x')).rejects.toThrow(/nothing to re-import/);
      expect(await currentVersion(db.db)).toBe(6);
    });

    it('keeps an identity unique among current rows only: the undone rows and their copies share theirs', async () => {
      const count = async (where: ReturnType<typeof sql>) =>
        Number(
          rowsOf<{ n: number }>(
            await db.db.execute(sql`SELECT count(*)::int AS n FROM (SELECT dedupe_key FROM seizures WHERE ${where}
                                     GROUP BY dedupe_key HAVING count(*) > 1) d`),
          )[0].n,
        );
      expect(await count(sql`removed_in IS NULL AND dedupe_key IS NOT NULL`)).toBe(0);
      // Each of A's 40 identities twice (the undone row and its copy, or C's row): 40 shared keys in all.
      expect(await count(sql`dedupe_key IS NOT NULL`)).toBe(40);
    });

    it.each([1, 2, 3, 4, 5, 6])(
      'at data version %i every route answers with asof exactly what a database holding only that version answers',
      async (version) => {
        // The oracle: emptied, seeded and loaded with the files live at this version, from scratch.
        await oracleDb.db.execute(sql`TRUNCATE seizures, import_rejections, import_batches, data_versions CASCADE`);
        await seedDatabase(oracleDb, loadReferenceData(), SEED);
        for (const key of liveAt.get(version)!) await load(oracleDb, key);
        for (const [label, filters] of VERSION_CASES) {
          const pinned = await answers(db, { ...filters, asOf: version });
          const fresh = await answers(oracleDb, filters);
          expect(difference(pinned, fresh), label).toBeNull();
        }
      },
      240_000,
    );

    it('current answers (asof absent) come from the rollups and equal the raw table', async () => {
      for (const [label, filters] of VERSION_CASES) {
        expect(difference(await answers(db, filters), await answers(db, filters, { useRollup: false })), label).toBeNull();
      }
    }, 120_000);

    it('moved posts: a reference reload re-derives the seizures they touch as one version, pinned answers unchanged', async () => {
      const data = loadReferenceData();
      // Dostuk and Kudukli moved ~4 km (both over 100 km from Oybek and Kordai, whose catchments are
      // asked); three public seizures were recorded at the Kudukli crossing.
      const MOVES: Record<string, [number, number]> = { dostuk: [0.05, 0], 'kudukli-rail': [0, -0.04] };
      const moved = {
        ...data,
        blos: data.blos.map((b) => (MOVES[b.code] ? { ...b, lon: b.lon + MOVES[b.code][0], lat: b.lat + MOVES[b.code][1] } : b)),
        hashes: { ...data.hashes, 'blos.json': 'moved-for-the-test' },
      };
      // The figures, not where the markers stand (the posts' positions are today's reference data).
      const figures = async (filters: ScopedFilters) => {
        const a = await answers(db, filters);
        return { ...a, blos: a.blos.map(({ lngLat: _, ...rest }) => rest) };
      };
      const pinned = await figures({ ...VERSION_CASES[0][1], asOf: 6 });
      const before = rowsOf<{ id: number; nearest_blo: string }>(
        await db.db.execute(sql`SELECT id, nearest_blo FROM seizures WHERE removed_in IS NULL ORDER BY id`),
      );

      const sync = await syncReferenceData(db, moved, 'tests');
      expect(sync!.moved.sort()).toEqual(['dostuk', 'kudukli-rail']);
      // The same files again: nothing to do.
      expect(await syncReferenceData(db, moved, 'tests')).toBeNull();

      // Oracle: the rows that should change, by turf from the moved positions (within 100 km of a
      // moved post's old or new place, or a nearest post that changes).
      const positions = moved.blos.map((b) => ({ code: b.code, at: [b.lon, b.lat] as [number, number] }));
      const touched = new Set<number>();
      const rows = rowsOf<{ id: number; lng: number; lat: number; nearest_blo: string }>(
        await db.db.execute(
          sql`SELECT id, ST_X(geom) AS lng, ST_Y(geom) AS lat, nearest_blo FROM seizures WHERE removed_in IS NULL ORDER BY id`,
        ),
      );
      const nearMoved = (p: [number, number]) =>
        Object.keys(MOVES).some((code) => {
          const now = positions.find((x) => x.code === code)!.at;
          const was = data.blos.find((b) => b.code === code)!;
          return turf.distance(p, now) <= 99.5 || turf.distance(p, [was.lon, was.lat]) <= 99.5;
        });
      for (const r of rows) {
        const p: [number, number] = [Number(r.lng), Number(r.lat)];
        const sorted = positions.map((b) => ({ code: b.code, km: turf.distance(p, b.at) })).sort((x, y) => x.km - y.km);
        if (sorted[1].km - sorted[0].km > 0.01 * sorted[0].km + 0.01) expect(r.nearest_blo).toBe(sorted[0].code);
        if (nearMoved(p)) touched.add(Number(r.id));
      }
      const [version] = await listDataVersions(db.db, 6);
      expect(version).toMatchObject({ id: 7, action: 'seed', account: 'tests' });
      expect(version.added).toBe(version.removed);
      // Every row near a moved post was re-derived (turf's sphere may differ from the spheroid right at 100 km).
      expect(version.added).toBeGreaterThanOrEqual(touched.size);
      expect(rows.length).toBe(before.length);
      expect(rows.filter((r) => r.nearest_blo === 'dostuk').length).toBeGreaterThan(0);
      // A seizure recorded at the crossing itself (at the post's point: the public ones at Kudukli)
      // moves with the post; none is left at a moved post's old point.
      const atPoint = async ([lng, lat]: [number, number]) =>
        Number(
          rowsOf<{ n: number }>(
            await db.db.execute(sql`SELECT count(*)::int AS n FROM seizures
                                     WHERE removed_in IS NULL AND location_precision = 'crossing' AND ST_X(geom) = ${lng} AND ST_Y(geom) = ${lat}`),
          )[0].n,
        );
      const kudukli = data.blos.find((b) => b.code === 'kudukli-rail')!;
      expect(await atPoint([kudukli.lon, kudukli.lat])).toBe(0);
      expect(await atPoint(positions.find((p) => p.code === 'kudukli-rail')!.at)).toBe(3);

      // The link briefed at version 6 reads the same figures; the current answers are the raw table's.
      expect(difference(await figures({ ...VERSION_CASES[0][1], asOf: 6 }), pinned)).toBeNull();
      for (const [label, filters] of VERSION_CASES) {
        expect(difference(await answers(db, filters), await answers(db, filters, { useRollup: false })), label).toBeNull();
      }

      // A reload that moves no stored seizure (a post renamed) is a data version too, with nothing added
      // or removed: answers kept by data version on every instance must not outlive it.
      const renamed = {
        ...moved,
        blos: moved.blos.map((b) => (b.code === 'dostuk' ? { ...b, nameRu: 'Достук (переименован)' } : b)),
        hashes: { ...moved.hashes, 'blos.json': 'renamed-for-the-test' },
      };
      expect(await syncReferenceData(db, renamed, 'tests')).toEqual({ moved: [], rederived: 0 });
      const [reload, ...more] = await listDataVersions(db.db, 7);
      expect(more).toEqual([]);
      expect(reload).toMatchObject({ id: 8, action: 'seed', account: 'tests', added: 0, removed: 0 });
      expect((await listBlos(db.db, { ...VERSION_CASES[0][1] })).find((b) => b.code === 'dostuk')?.nameRu).toBe('Достук (переименован)');
    }, 240_000);
  });
}

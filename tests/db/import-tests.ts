/**
 * Import and export on a live database (both backends): fixture files with every kind of bad row
 * give the exact counts and reasons hand-counted below; nothing is lost (accepted + rejected +
 * duplicates = rows); a re-import adds nothing; a dry run writes nothing; and an export re-imported
 * into an emptied database gives the same totals.
 */
import { createReadStream } from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from '@/db/client';
import { loadReferenceData } from '@/db/reference-data';
import { seedReferenceData } from '@/db/seed';
import { writeImportCsv } from '@/tests/fixtures/import-csv';
import type { ScratchDatabase } from './database-suite';
import { importSeizures, streamRejections, type ImportSummary, type Rejection } from '@/db/import-seizures';
import { reimportBatch, undoImport } from '@/db/undo-import';
import { listPostMonths } from '@/db/queries/list-post-months';
import { parseCoverage } from '@/lib/import/coverage';
import { getSummary } from '@/db/queries/get-summary';
import { streamSeizures } from '@/db/queries/list-seizures';
import { rowsOf } from '@/db/result-rows';
import { csvLines, seizureCsvRow, SEIZURE_EXPORT_COLUMNS } from '@/lib/export/export-format';
import { f } from './filter-cases';
import { readImportRows, type ImportFormat } from '@/lib/import/import-file';
import { importReasonText, type ImportReason } from '@/lib/import/import-reasons';

const TODAY = '2026-11-28';
const MAX_KG = 50_000;
const fixture = (name: string) => createReadStream(`tests/fixtures/${name}`);
/** Reasons in English words, as the hand-written expectations below are. */
const words = (reasons: ImportReason[]) => reasons.map((r) => importReasonText('en', r));

/** A batch's rejections, read in pages of 4 so the fixtures' dozen span several. */
async function allRejections(database: Database, batch: number): Promise<Rejection[]> {
  const pages: Rejection[][] = [];
  for await (const page of streamRejections(database.db, batch, 4)) {
    expect(page.length).toBeLessThanOrEqual(4);
    pages.push(page);
  }
  return pages.flat();
}

async function seizureCount(database: Database): Promise<number> {
  return Number(rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM seizures`))[0].n);
}

function run(
  database: Database,
  input: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>,
  format: ImportFormat,
  fileName: string,
  dryRun = false,
  listRejections = 0,
): Promise<ImportSummary> {
  return importSeizures(database, readImportRows(input, format), {
    fileName,
    account: 'tests',
    dryRun,
    listRejections,
    today: TODAY,
    maxKg: MAX_KG,
  });
}

export function defineImportTests(getDatabase: () => Database, scratch: () => Promise<ScratchDatabase>): void {
  describe('import', () => {
    it('a CSV with every kind of bad row: exact counts, reasons and line numbers; good rows land as read', async () => {
      const database = getDatabase();
      const before = await seizureCount(database);
      const summary = await run(database, fixture('import-bad-rows.csv'), 'csv', 'import-bad-rows.csv');
      expect(summary).toMatchObject({ rows: 18, accepted: 3, rejected: 13, duplicates: 2, dryRun: false });
      expect(summary.accepted + summary.rejected + summary.duplicates).toBe(summary.rows);
      expect(await seizureCount(database)).toBe(before + 3);

      const rejections = await allRejections(database, summary.batch!);
      expect(rejections.map((r) => [r.line, words(r.reasons)])).toEqual([
        [4, ['date "2024-02-30" is not a real calendar date']],
        [5, ['date "2024-13" is not a real calendar date']],
        [6, ['date 2099-01-01 is in the future']],
        [7, [expect.stringMatching(/^unknown substance "cocaine" \(known: heroin, opium, .*acetic-anhydride\)$/)]],
        [8, ['unknown unit "pounds" (known: kg, g, l, ml, units)']],
        [9, ['no location: give lon and lat, or blo']],
        [10, ['point 2.35, 48.85 is outside Central Asia and its neighbours (AF, CN, IR, KG, KZ, PK, RU, TJ, TM, UZ)']],
        [11, ['quantity "0" must be more than 0']],
        [12, ['quantity is 999,999 kg-eq, above the ceiling of 50,000 kg-eq']],
        [13, ['broken quoting (a quote opened and not closed, or text after a closing quote)']],
        [17, ['has 3 fields, the header has 14']],
        [18, ['unknown BLO "Nowhere Post"']],
        [20, ['unknown transport "by air" (known: truck, car, bus, rail, pedestrian, river, unknown)']],
      ]);
      // The raw line is kept as it was in the file.
      expect(rejections.find((r) => r.line === 13)!.raw).toBe('2024-03-01,opium,5,kg,69.2,41.4,,,,,,,,"broken quote');

      const landed = rowsOf<Record<string, unknown>>(
        await database.db.execute(sql`
          SELECT seized_on::text AS d, date_precision AS p, substance, quantity, unit, country, transport, origin_country AS o,
                 destination_country AS dest, location_precision AS lp, nearest_blo AS blo, notes, source_ref AS ref
            FROM seizures WHERE batch_id = ${summary.batch} ORDER BY id`),
      );
      expect(landed).toEqual([
        {
          d: '2024-05-14',
          p: 'day',
          substance: 'heroin',
          quantity: 775,
          unit: 'kg',
          country: 'KZ',
          transport: 'truck',
          o: 'AF',
          dest: 'RU',
          lp: 'crossing',
          blo: 'b-konysbaev',
          notes: 'shoe-polish containers',
          ref: 'FIX-1',
        },
        // Russian names, grams and a month-only date (line 3).
        {
          d: '2024-06-01',
          p: 'month',
          substance: 'heroin',
          quantity: 1.2,
          unit: 'kg',
          country: 'KZ',
          transport: 'truck',
          o: 'AF',
          dest: 'KZ',
          lp: 'crossing',
          blo: 'b-konysbaev',
          notes: 'in a spare tyre, 3 bags',
          ref: null,
        },
        {
          d: '2024-03-01',
          p: 'day',
          substance: 'opium',
          quantity: 5,
          unit: 'kg',
          country: 'UZ',
          transport: 'unknown',
          o: null,
          dest: null,
          lp: 'exact',
          blo: expect.any(String),
          notes: null,
          ref: null,
        },
      ]);
    });

    it('a semicolon CSV with Russian names, decimal commas and CRLF line ends', async () => {
      const database = getDatabase();
      const summary = await run(database, fixture('import-semicolon.csv'), 'csv', 'import-semicolon.csv');
      expect(summary).toMatchObject({ rows: 4, accepted: 4, rejected: 0, duplicates: 0 });
      const landed = rowsOf<Record<string, unknown>>(
        await database.db.execute(
          sql`SELECT substance, quantity, unit, kg_eq AS kg, nearest_blo AS blo, notes FROM seizures WHERE batch_id = ${summary.batch} ORDER BY id`,
        ),
      );
      expect(landed.map((r) => [r.substance, r.quantity, r.unit, r.blo])).toEqual([
        ['hashish', 12.5, 'kg', 'oybek'],
        ['hashish', 0.75, 'kg', 'oybek'],
        ['methamphetamine', 1200, 'units', 'dustlik'],
        ['hashish', 2, 'kg', 'ayritom'],
      ]);
      expect(Number(landed[2].kg)).toBeCloseTo(0.24, 9); // 1,200 tablets at 200 mg
      expect(landed[0].notes).toBe('примечание; с точкой с запятой');
    });

    it('a GeoJSON FeatureCollection: points, a BLO-located feature, and bad features reported by number', async () => {
      const database = getDatabase();
      const summary = await run(database, fixture('import-points.geojson'), 'geojson', 'import-points.geojson');
      expect(summary).toMatchObject({ rows: 6, accepted: 2, rejected: 3, duplicates: 1 });
      const rejections = await allRejections(database, summary.batch!);
      expect(rejections.map((r) => [r.line, words(r.reasons)[0]])).toEqual([
        [3, 'geometry is not a Point with [lon, lat]'],
        [4, expect.stringMatching(/^unknown property "colour"/)],
        [5, 'point -74, 40.7 is outside Central Asia and its neighbours (AF, CN, IR, KG, KZ, PK, RU, TJ, TM, UZ)'],
      ]);
      expect((rejections[0].raw as { type: string }).type).toBe('Feature');
    });

    it('re-importing the same file adds nothing: every row is a duplicate', async () => {
      const database = getDatabase();
      const before = await seizureCount(database);
      const again = await run(database, fixture('import-bad-rows.csv'), 'csv', 'again.csv');
      expect(again).toMatchObject({ rows: 18, accepted: 0, rejected: 13, duplicates: 5 });
      expect(await seizureCount(database)).toBe(before);
    });

    it('a dry run reports the same verdicts and writes nothing, not even a batch', async () => {
      const database = getDatabase();
      const batches = async () =>
        Number(rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM import_batches`))[0].n);
      const [before, batchesBefore] = [await seizureCount(database), await batches()];
      // Line 4 is dated day first, as Russian documents write it.
      const lines = [
        'date,substance,quantity,unit,blo',
        '2020-02-02,opium,3,kg,Dusti',
        '2020-02-03,opium,x,kg,Dusti',
        '14.05.2020,opium,4,kg,Dusti',
        '2020-02-04,opium,-5,kg,Dusti',
      ];
      const summary = await run(
        database,
        lines.map((l) => `${l}\n`),
        'csv',
        'dry.csv',
        true,
        10,
      );
      expect(summary).toMatchObject({ rows: 4, accepted: 2, rejected: 2, duplicates: 0, batch: null, dryRun: true });
      expect(summary.reasons.map((r) => [importReasonText('en', r.reason), r.count])).toEqual([
        ['quantity "x" is not a number', 1],
        ['quantity "-5" must be more than 0', 1],
      ]);
      // Nothing of a dry run is kept, so its summary carries the rejected rows themselves (their download).
      expect(summary.rejections.map((r) => [r.line, words(r.reasons), r.raw])).toEqual([
        [3, ['quantity "x" is not a number'], '2020-02-03,opium,x,kg,Dusti'],
        [5, ['quantity "-5" must be more than 0'], '2020-02-04,opium,-5,kg,Dusti'],
      ]);
      expect([await seizureCount(database), await batches()]).toEqual([before, batchesBefore]);
    });

    it('declared coverage: the covered months without seizures become nil reports and nothing else; undo restores it exactly, re-import brings it back', async () => {
      const database = getDatabase();
      const { db } = database;
      // Before the synthetic sample, whose months the seed declared covered already.
      const period = { from: '2018-01-01', to: '2018-06-30' };
      const statuses = async (filters = f({})) =>
        Object.fromEntries([...(await listPostMonths(db, filters, period))].map(([post, months]) => [post, months.map((m) => m.status)]));
      const before = await statuses();
      // The fixture leaves some of these post-months without a seizure: they are what the declaration changes.
      const covered = parseCoverage('oybek,kordai:2018-01..2018-06');
      const empty = covered.filter((c) => before[c.post][Number(c.month.slice(5, 7)) - 1] === 'none');
      expect(empty.length).toBeGreaterThan(0);
      const versionBefore = Number(rowsOf<{ v: number }>(await db.execute(sql`SELECT max(id)::int AS v FROM data_versions`))[0].v);

      // A file of no seizures that declares what it covers: a nil report for each covered empty month.
      const summary = await importSeizures(database, readImportRows(['date,substance,quantity,unit,blo\n'], 'csv'), {
        fileName: 'nil-reports.csv',
        account: 'tests',
        today: TODAY,
        maxKg: MAX_KG,
        covers: covered,
      });
      expect(summary).toMatchObject({ rows: 0, accepted: 0, covered: 12 });
      expect(summary.dataVersion).not.toBeNull();
      const after = await statuses();
      const want = structuredClone(before);
      for (const c of empty) want[c.post][Number(c.month.slice(5, 7)) - 1] = 'nil';
      expect(after).toEqual(want);
      // Pinned to the version before it, a link still reads no report.
      expect(await statuses(f({ asOf: versionBefore }))).toEqual(before);

      const undone = await undoImport(database, summary.batch!, 'tests');
      expect(await statuses()).toEqual(before);
      const back = await reimportBatch(database, summary.batch!, 'tests');
      expect(await statuses()).toEqual(want);
      // Tidy: the rest of the suite sees the fixture as it was.
      await undoImport(database, back.batch, 'tests');
      expect(await statuses()).toEqual(before);
      expect(undone.dataVersion).toBeGreaterThan(summary.dataVersion!);
    });

    it('the summary lists the first rejected rows in file order, as many as asked, the same as the batch keeps', async () => {
      const database = getDatabase();
      const summary = await run(database, fixture('import-bad-rows.csv'), 'csv', 'listed.csv', false, 5);
      expect(summary.rejected).toBe(13);
      // The first five rejected lines of the fixture, counted by hand: 4, 5, 6, 7, 8.
      expect(summary.rejections.map((r) => r.line)).toEqual([4, 5, 6, 7, 8]);
      const kept = await allRejections(database, summary.batch!);
      expect(summary.rejections).toEqual(kept.slice(0, 5));
      // The point outside the region is rejected in SQL, with the same coded reason.
      expect(kept.find((r) => r.line === 10)!.reasons).toEqual([{ code: 'outside-region', lon: '2.35', lat: '48.85' }]);
    });

    it('never loses a row: random garbage rows are each accepted, rejected or duplicates', async () => {
      const database = getDatabase();
      let seed = 7;
      const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
      const lines = ['date,substance,quantity,unit,lon,lat,blo,notes'];
      for (let i = 0; i < 300; i++) {
        lines.push(
          [
            pick(['2023-05-01', '2023-5-1', '', '2030-01-01', '2023-02', 'yesterday']),
            pick(['opium', 'ОПИЙ', 'hash', 'sugar', '']),
            pick(['1', '0', '-2', '3,5', 'lots', `${i + 1}`]),
            pick(['kg', 'g', 'ml', 'units', 'stone']),
            pick(['69.1', '', '200', 'x']),
            pick(['41.2', '', '95']),
            pick(['', 'Dusti', 'Atlantis']),
            pick(['', '"quoted, text"', '"open', 'a"b']),
          ].join(','),
        );
      }
      const summary = await run(
        database,
        lines.map((l) => `${l}\n`),
        'csv',
        'garbage.csv',
      );
      expect(summary.rows).toBe(300);
      expect(summary.accepted + summary.rejected + summary.duplicates).toBe(300);
      const rejections = await allRejections(database, summary.batch!);
      expect(rejections).toHaveLength(summary.rejected);
      for (const r of rejections) expect(r.reasons.length).toBeGreaterThan(0);
    });

    it('a file that is not in the format is refused whole, with the reason, and writes nothing', async () => {
      const database = getDatabase();
      const before = await seizureCount(database);
      await expect(run(database, ['name,colour\nx,y\n'], 'csv', 'bad.csv')).rejects.toThrow('unknown column "name"');
      await expect(run(database, ['date,substance,quantity\n'], 'csv', 'bad.csv')).rejects.toThrow('missing column unit');
      await expect(run(database, ['{"type":"FeatureCollection","features":[{"type":"Feature"'], 'geojson', 'bad.geojson')).rejects.toThrow(
        'not valid JSON',
      );
      await expect(run(database, ['{"type":"Feature"}'], 'geojson', 'bad.geojson')).rejects.toThrow('no features found');
      expect(await seizureCount(database)).toBe(before);
    });

    it('a kill mid-import leaves the database as it was: no rows, no batch', async () => {
      const db = await scratch();
      const dir = mkdtempSync(path.join(tmpdir(), 'blo-atlas-kill-'));
      try {
        const opened = await db.open();
        await seedReferenceData(opened.db, loadReferenceData());
        await opened.close();
        const file = path.join(dir, 'big.csv');
        await writeImportCsv(file, 60_000, 9);
        // One process (node with the tsx loader), so the kill reaches the import itself.
        const child = spawn(process.execPath, ['--import', 'tsx', 'db/cli/import.ts', file], {
          env: { ...process.env, ...db.env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        // Kill it (SIGKILL: no clean-up code runs) once it is well into the file.
        const progress = await new Promise<number>((resolve, reject) => {
          let seen = '';
          child.stderr.on('data', (chunk: Buffer) => {
            seen += chunk.toString();
            const read = Math.max(0, ...[...seen.matchAll(/([\d,]+) rows read/g)].map((m) => Number(m[1].replace(/,/g, ''))));
            if (read >= 20_000) {
              child.kill('SIGKILL');
              resolve(read);
            }
          });
          child.on('exit', (code) => reject(new Error(`the import ended (${code}) before it could be killed: ${seen.slice(-300)}`)));
        });
        expect(progress).toBeGreaterThanOrEqual(20_000);
        await new Promise((r) => child.once('close', r));
        const after = await db.open();
        try {
          const [counts] = rowsOf<{ s: number; b: number; r: number; m: number; c: number }>(
            await after.db.execute(sql`
              SELECT (SELECT count(*) FROM seizures)::int AS s, (SELECT count(*) FROM import_batches)::int AS b,
                     (SELECT count(*) FROM import_rejections)::int AS r, (SELECT count(*) FROM seizure_monthly)::int AS m,
                     (SELECT count(*) FROM seizure_cells_all)::int AS c`),
          );
          expect(counts).toEqual({ s: 0, b: 0, r: 0, m: 0, c: 0 });
        } finally {
          await after.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await db.dispose();
      }
    }, 120_000);

    it('an export of all seizures, imported into the emptied database, gives the same totals by substance', async () => {
      const database = getDatabase();
      const meta = {
        what: 'seizures',
        filters: f({}),
        madeAt: '2026-11-28T00:00:00.000Z',
        link: 'http://127.0.0.1/?asof=1',
        dataVersion: 1,
        account: 'analyst@example.org',
        auditId: 41,
        minCount: null,
      };
      const lines: string[] = [];
      const pages = async function* () {
        for await (const page of streamSeizures(database.db, f({}), 700)) yield page.map((s) => seizureCsvRow(s));
      };
      for await (const chunk of csvLines(meta, SEIZURE_EXPORT_COLUMNS, pages())) lines.push(chunk);
      const before = await getSummary(database.db, f({}));
      expect(lines[0]).toBe('# BLO Atlas export: seizures\n');
      expect(lines.slice(0, 7).join('')).toContain('# data version: 1');
      expect(lines.slice(0, 7).join('')).toContain('# synthetic data: included');
      expect(lines.slice(0, 7).join('')).toContain('# exported by: analyst@example.org (audit entry 41)');

      await database.db.execute(sql`DELETE FROM seizures`);
      expect(await seizureCount(database)).toBe(0);
      const summary = await run(database, lines, 'csv', 'export.csv');
      expect(summary).toMatchObject({ rows: before.count, accepted: before.count, rejected: 0 });
      const after = await getSummary(database.db, f({}));
      expect(after.count).toBe(before.count);
      expect(after.kgEq).toBeCloseTo(before.kgEq!, 6);
      expect(after.valueUsd).toBeCloseTo(before.valueUsd!, 2);
      expect(after.bySubstance.map((s) => [s.substance, s.count])).toEqual(before.bySubstance.map((s) => [s.substance, s.count]));
    });
  });
}

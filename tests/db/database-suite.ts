/**
 * The database suite: the same tests on every backend (embedded PGlite and a PostGIS server).
 * Each run gets a fresh database, the real migrations, the real seed, and assertions against
 * oracles computed in TypeScript (turf) from the same files and rows.
 */
import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { loadReferenceData, type ReferenceData } from '@/db/reference-data';
import { listGeneratorBlos, seedDatabase, SEIZURE_COPY_COLUMNS, seizureCsvLine } from '@/db/seed';
import { listBlos, checkBloPositions } from '@/db/queries/list-blos';
import { listBorders } from '@/db/queries/borders';
import { getHealth } from '@/db/queries/get-health';
import { rowsOf } from '@/db/result-rows';
import { insertSeizuresInBulk } from '@/db/seizures-bulk';
import { seizures } from '@/db/schema';
import { generateSyntheticSeizures } from '@/lib/synthetic/synthetic-seizures';
import type { BloRecord } from '@/lib/catalogue/blo-record';
import type { LngLat } from '@/lib/geo/lng-lat';
import { publicRowToInput } from '@/lib/import/public-seizure-row';
import { withNearestBlo, type OracleRow } from '@/tests/oracles/seizure-oracle';
import { defineQueryTests } from './query-tests';
import { defineTileTests } from './tile-tests';
import { defineRollupTests } from './rollup-tests';
import { defineImportTests } from './import-tests';
import { defineAccessTests } from './access-tests';
import { defineDetailTests } from './detail-tests';
import { defineEmergingTests } from './emerging-tests';
import { defineBaselineTests } from './baseline-tests';
import { defineVersionTests } from './version-tests';
import { f } from './filter-cases';
import { countryFeatures, distanceToLinesKm, isInside, lineLengthKm, sharedBorder } from '@/tests/oracles/boundaries';

const SYNTHETIC = { rows: 3000, seed: 11, account: 'tests' };
/** A crossing post stands within this of the border it serves (km)… */
const MAX_BORDER_KM = 1;
/** …and at most this far across it: crossings sit on the line, and a published point may fall just over it. */
const MAX_WRONG_SIDE_KM = 0.3;
const blosFile = JSON.parse(readFileSync('data/blos.json', 'utf8')) as BloRecord[];

export interface SuiteBackend {
  open(): Promise<Database>;
  /** Drops whatever `open` created. */
  dispose(): Promise<void>;
  /** Another empty database a child process can reach through `env` (for the kill test); `tag` tells two apart. */
  scratch(tag?: string): Promise<ScratchDatabase>;
}

export interface ScratchDatabase {
  env: Record<string, string>;
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

async function seizureRows(database: Database) {
  const result = await database.db.execute(sql`
    SELECT id, substance, seized_on::text AS "seizedOn", kg_eq AS "kgEq", ST_X(geom) AS lng, ST_Y(geom) AS lat,
           nearest_blo AS "nearestBlo", nearest_blo_km AS "nearestBloKm", synthetic
      FROM seizures ORDER BY id`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    substance: String(r.substance),
    seizedOn: String(r.seizedOn),
    kgEq: Number(r.kgEq),
    lngLat: [Number(r.lng), Number(r.lat)] as LngLat,
    nearestBlo: String(r.nearestBlo),
    nearestBloKm: Number(r.nearestBloKm),
    synthetic: r.synthetic === true,
  }));
}

export function defineDatabaseSuite(label: string, backend: SuiteBackend): void {
  describe(`database on ${label}`, () => {
    let database: Database;
    let data: ReferenceData;
    let oracleRows: OracleRow[];

    beforeAll(async () => {
      database = await backend.open();
      data = loadReferenceData();
      await seedDatabase(database, data, SYNTHETIC);
      const positions = new Map(data.blos.map((b) => [b.code, [b.lon, b.lat] as LngLat]));
      const inputs = [
        ...data.publicSeizures.map((r) => publicRowToInput(r, (code) => positions.get(code))),
        ...generateSyntheticSeizures(await listGeneratorBlos(database.db), SYNTHETIC),
      ];
      oracleRows = withNearestBlo(
        inputs,
        data.blos.map((b) => ({ code: b.code, lngLat: [b.lon, b.lat] })),
      );
    });
    afterAll(async () => {
      await database?.close();
      await backend.dispose();
    });

    it('declares every geometry column with SRID 4326', async () => {
      const result = await database.db.execute(sql`
        SELECT f_table_name AS t, f_geometry_column AS c, srid, type FROM geometry_columns
         WHERE f_table_schema = 'public' ORDER BY 1, 2`);
      expect(rowsOf(result).map((r) => `${r.t}.${r.c} ${r.type} ${r.srid}`)).toEqual([
        'blos.geom POINT 4326',
        'borders.geom MULTILINESTRING 4326',
        'countries.geom MULTIPOLYGON 4326',
        'seizures.geom POINT 4326',
      ]);
    });

    it('loads 24 BLOs: 19 confirmed and the 5 unconfirmed likely sites', async () => {
      const blos = await listBlos(database.db, f({}));
      expect(blos).toHaveLength(24);
      expect(
        blos
          .filter((b) => b.status === 'unconfirmed')
          .map((b) => b.name)
          .sort(),
      ).toEqual(['Ak-Zhol', 'Farap', 'Imamnazar', 'Kyzyl-Bel', 'Serhetabat']);
      for (const b of blos) {
        const file = blosFile.find((f) => f.code === b.code)!;
        // The published position itself: no post is moved to fit the map's lines.
        expect(b.lngLat[0]).toBeCloseTo(file.sourceLon, 9);
        expect(b.lngLat[1]).toBeCloseTo(file.sourceLat, 9);
        if (b.pairedCode) expect(blos.find((p) => p.code === b.pairedCode)?.pairedCode).toBe(b.code);
      }
    });

    it('derives each land border from the polygons, matching the edges both polygons share (±1% length)', async () => {
      const derived = await listBorders(database.db);
      const expected = countryFeatures.flatMap((x) =>
        countryFeatures
          .filter((y) => x.properties.iso2 < y.properties.iso2)
          .map((y) => ({
            a: x.properties.iso2,
            b: y.properties.iso2,
            km: lineLengthKm(sharedBorder(x.properties.iso2, y.properties.iso2)),
          }))
          .filter((p) => p.km > 0),
      );
      expect(derived.map((d) => `${d.a}-${d.b}`)).toEqual(expected.map((e) => `${e.a}-${e.b}`));
      for (const e of expected) {
        const d = derived.find((x) => x.a === e.a && x.b === e.b)!;
        expect(Math.abs(d.lengthKm - e.km) / e.km).toBeLessThan(0.01);
      }
    });

    it('places every post at its published position within 1 km of the border it serves (0.3 km across at most), inland posts excepted with their reason', async () => {
      const checks = await checkBloPositions(database.db);
      expect(checks).toHaveLength(24);
      for (const c of checks) {
        const record = blosFile.find((b) => b.code === c.code)!;
        const position: LngLat = [record.sourceLon, record.sourceLat];
        const oracleKm = distanceToLinesKm(position, sharedBorder(c.country, c.neighbor));
        // PostGIS (spheroid) and turf (sphere, from the committed GeoJSON) agree within 1% (and 2 m).
        expect(c.borderKm).not.toBeNull();
        expect({ code: c.code, off: Math.abs(c.borderKm! - oracleKm) <= 0.01 * oracleKm + 0.002 }).toEqual({ code: c.code, off: true });
        const inside = isInside(position, c.country);
        expect({ code: c.code, inside: c.insideCountry }).toEqual({ code: c.code, inside });
        if (!inside) expect({ code: c.code, across: oracleKm <= MAX_WRONG_SIDE_KM }).toEqual({ code: c.code, across: true });
        if (record.inlandKm === null) {
          expect({ code: c.code, km: oracleKm <= MAX_BORDER_KM }).toEqual({ code: c.code, km: true });
        } else {
          expect(record.inlandReason?.length).toBeGreaterThan(20);
          expect(inside).toBe(true);
          expect(Math.abs(oracleKm - record.inlandKm)).toBeLessThan(0.5);
        }
      }
      expect(
        checks
          .filter((c) => c.inlandKm !== null)
          .map((c) => c.code)
          .sort(),
      ).toEqual(['bor-dobo', 'imamnazar', 'kainda-rail', 'kudukli-rail', 'pakhtaobod-rail']);
    });

    it('loads the 41 public seizures and the synthetic sample, flagged apart', async () => {
      const health = await getHealth(database.db);
      expect(health).toMatchObject({ blos: 24, seizures: 41 + SYNTHETIC.rows, syntheticSeizures: SYNTHETIC.rows });
    });

    it('stores the same synthetic rows the generator yields: counts and kg-eq per substance and month', async () => {
      const expected = [...generateSyntheticSeizures(await listGeneratorBlos(database.db), SYNTHETIC)];
      const rows = (await seizureRows(database)).filter((r) => r.synthetic);
      const key = (r: { substance: string; seizedOn: string }) => `${r.substance} ${r.seizedOn.slice(0, 7)}`;
      const tally = (list: { substance: string; seizedOn: string; kgEq: number }[]) => {
        const m = new Map<string, { n: number; kg: number }>();
        for (const r of list) {
          const t = m.get(key(r)) ?? { n: 0, kg: 0 };
          m.set(key(r), { n: t.n + 1, kg: t.kg + r.kgEq });
        }
        return m;
      };
      const [want, got] = [tally(expected), tally(rows)];
      expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
      for (const [k, w] of want) {
        expect(got.get(k)!.n).toBe(w.n);
        expect(got.get(k)!.kg).toBeCloseTo(w.kg, 6);
      }
    });

    it("computes each seizure's nearest BLO and its distance at write time, as turf does from the published positions", async () => {
      for (const r of await seizureRows(database)) {
        const distances = blosFile.map((b) => ({
          code: b.code,
          km: turf.distance([b.sourceLon, b.sourceLat], r.lngLat, { units: 'kilometers' }),
        }));
        distances.sort((a, b) => a.km - b.km);
        const [best, second] = distances;
        // Sphere (turf) and spheroid (PostGIS) may swap two posts at near-equal distance.
        if (second.km - best.km > 0.01 * best.km + 0.01) expect(r.nearestBlo).toBe(best.code);
        expect(Math.abs(r.nearestBloKm - best.km)).toBeLessThan(0.006 * best.km + 0.01);
      }
    });

    it.each([
      ['a negative quantity', { quantity: -1 }, 'seizures_quantity_positive'],
      ['an unknown unit', { unit: 'barrels' }, 'seizures_unit'],
      ['a longitude beyond 180°', { geom: [181, 40] }, 'seizures_geom_in_range'],
      ['a latitude beyond 90°', { geom: [70, -91] }, 'seizures_geom_in_range'],
      ['an unknown substance', { substance: 'chalk' }, 'seizures_substance_substances_code_fk'],
      ['an unknown transport mode', { transport: 'teleport' }, 'seizures_transport'],
    ])('rejects a seizure with %s', async (_label, change, constraint) => {
      const [template] = await database.db.select().from(seizures).where(eq(seizures.synthetic, true)).limit(1);
      const row = { ...template, id: undefined, createdAt: undefined, nearestBlo: undefined, nearestBloKm: undefined, ...change };
      const before = await getHealth(database.db);
      const error = await database.db
        .insert(seizures)
        .values(row as typeof seizures.$inferInsert)
        .then(
          () => null,
          (e: Error) => e,
        );
      expect(error).not.toBeNull();
      const cause = (error as Error & { cause?: { constraint?: string; message?: string } }).cause;
      expect(`${cause?.constraint ?? ''} ${cause?.message ?? ''}`).toContain(constraint);
      expect(await getHealth(database.db)).toEqual(before);
    });

    it('loads a COPY batch whole or not at all', async () => {
      const before = await getHealth(database.db);
      const [good] = [...generateSyntheticSeizures(await listGeneratorBlos(database.db), { rows: 1, seed: 99 })];
      const batchId = await database.db.execute(sql`SELECT min(id) AS id FROM import_batches`);
      const id = Number(rowsOf(batchId)[0].id);
      const origin = { batchId: id, version: 1 };
      const lines = [seizureCsvLine(good, origin, null), seizureCsvLine({ ...good, quantity: -5 }, origin, null)];
      await expect(database.copyCsv('seizures', SEIZURE_COPY_COLUMNS, lines)).rejects.toThrow();
      expect(await getHealth(database.db)).toEqual(before);
    });

    it("the seed's bulk load numbers rows in the order of their lines and puts back every index, key and trigger it sets aside, whole or not at all", async () => {
      const structure = async (db: Database['db']) =>
        rowsOf<{ d: string }>(
          await db.execute(sql`
            SELECT 'index ' || indexdef AS d FROM pg_indexes WHERE tablename = 'seizures'
            UNION ALL
            SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'seizures'::regclass
            UNION ALL
            SELECT 'trigger ' || tgname || ' ' || tgenabled::text FROM pg_trigger WHERE tgrelid = 'seizures'::regclass AND NOT tgisinternal
            ORDER BY 1`),
        ).map((r) => r.d);
      const before = await structure(database.db);
      expect(before.filter((d) => d.startsWith('index ')).length).toBe(10);
      expect(before.filter((d) => d.includes('FOREIGN KEY')).length).toBe(6);
      const health = await getHealth(database.db);
      const generated = [...generateSyntheticSeizures(await listGeneratorBlos(database.db), { rows: 40, seed: 7 })];
      const batchId = Number(rowsOf(await database.db.execute(sql`SELECT min(id) AS id FROM import_batches`))[0].id);
      const lines = generated.map((s) => seizureCsvLine(s, { batchId, version: 1 }, null));
      const kept = new Error('rolled back on purpose');
      const inside = await database
        .bulkTransaction(async (tx) => {
          await insertSeizuresInBulk(tx, SEIZURE_COPY_COLUMNS, lines, 'bulk_test');
          const rows = rowsOf<{ lng: number; lat: number; blo: string | null }>(
            await tx.db.execute(sql`
              SELECT ST_X(geom) AS lng, ST_Y(geom) AS lat, nearest_blo AS blo FROM seizures
               WHERE id > (SELECT max(id) - 40 FROM seizures) ORDER BY id`),
          );
          throw Object.assign(kept, { rows, structure: await structure(tx.db) });
        })
        .catch((e: unknown) => e as typeof kept & { rows: { lng: number; lat: number; blo: string | null }[]; structure: string[] });
      expect(inside).toBe(kept);
      expect(inside.rows.map((r) => [Number(r.lng), Number(r.lat)])).toEqual(generated.map((s) => s.lngLat));
      expect(inside.rows.every((r) => typeof r.blo === 'string')).toBe(true);
      expect(inside.structure).toEqual(before);
      // A line a check refuses (in the INSERT) and one whose key is unknown (when the key is put back).
      for (const bad of [{ quantity: -5 }, { substance: 'chalk' as never }]) {
        const broken = [...lines, seizureCsvLine({ ...generated[0], ...bad }, { batchId, version: 1 }, null)];
        await expect(
          database.bulkTransaction((tx) => insertSeizuresInBulk(tx, SEIZURE_COPY_COLUMNS, broken, 'bulk_test')),
        ).rejects.toThrow();
        expect(await structure(database.db)).toEqual(before);
        expect(await getHealth(database.db)).toEqual(health);
      }
    });

    defineQueryTests(
      () => database,
      () => oracleRows,
    );
    defineTileTests(
      () => database,
      () => oracleRows,
    );
    defineDetailTests(
      () => database,
      () => oracleRows,
    );
    defineEmergingTests(
      () => database,
      () => oracleRows,
    );
    defineBaselineTests(
      () => database,
      () => oracleRows,
      SYNTHETIC,
    );
    // Before the rollup tests, which write: the oracle rows are the seeded ones.
    defineAccessTests(
      () => database,
      () => oracleRows,
      () => backend.scratch(),
    );
    defineRollupTests(() => database);
    defineVersionTests((tag) => backend.scratch(tag));

    it('re-seeding replaces seeded seizures instead of adding to them', async () => {
      await seedDatabase(database, data, { rows: 100, seed: 5, account: 'tests' });
      expect(await getHealth(database.db)).toMatchObject({ seizures: 141, syntheticSeizures: 100 });
    });

    // Last: these add rows, and the export test empties the table.
    defineImportTests(
      () => database,
      () => backend.scratch(),
    );
  });
}

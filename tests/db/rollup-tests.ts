/**
 * The rollups against the raw table: every query that reads a rollup answers the same with it and
 * without it (`useRollup: false`), for every filter case (partial months and single days included),
 * before and after further writes; and one refresh and one truncate trigger keep every rollup.
 */
import { getTableName, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { getBloDetail } from '@/db/queries/get-blo-detail';
import { getHealth } from '@/db/queries/get-health';
import { getHotspots } from '@/db/queries/get-hotspots';
import { getSummary } from '@/db/queries/get-summary';
import { listTileFeatures } from '@/db/queries/get-tile';
import { getTimeSeries } from '@/db/queries/get-time-series';
import { listBlos } from '@/db/queries/list-blos';
import { listRoutes } from '@/db/queries/list-routes';
import { countSeizures } from '@/db/queries/list-seizures';
import * as rollups from '@/db/queries/rollups';
import { rowsOf } from '@/db/result-rows';
import type { ScopedFilters as Filters } from '@/lib/access/country-scope';
import { CASES, close } from './filter-cases';

const RAW = { useRollup: false };
const ROLLUP_TABLES = Object.values(rollups)
  .map((r) => getTableName(r.table))
  .sort();

/** One query asked both ways for one filter case; `label` names the case in any failure. */
type Comparison = (database: Database, filters: Filters, label: string) => Promise<void>;

const COMPARISONS: [string, Comparison][] = [
  [
    'getSummary, with its comparison period',
    async ({ db }, filters, label) => {
      const [a, b] = [await getSummary(db, filters), await getSummary(db, filters, RAW)];
      const shape = (s: typeof a) => ({
        label,
        count: s.count,
        synthetic: s.syntheticCount,
        bySubstance: s.bySubstance.map((x) => `${x.substance} ${x.count}`),
        comparison: s.comparison ? { count: s.comparison.count, synthetic: s.comparison.syntheticCount } : null,
      });
      expect(shape(a)).toEqual(shape(b));
      close(a.kgEq, b.kgEq);
      close(a.valueUsd, b.valueUsd);
      close(a.comparison?.kgEq ?? 0, b.comparison?.kgEq ?? 0);
    },
  ],
  [
    'getTimeSeries by month',
    async ({ db }, filters, label) => {
      const [a, b] = [await getTimeSeries(db, filters), await getTimeSeries(db, filters, 'month', RAW)];
      const shape = (s: typeof a) => ({ label, points: s.map((p) => `${p.period} ${p.substance} ${p.count}`) });
      expect(shape(a)).toEqual(shape(b));
      a.forEach((p, i) => close(p.kgEq, b[i].kgEq));
    },
  ],
  [
    'listRoutes by country and by BLO',
    async ({ db }, filters, label) => {
      for (const mode of ['country', 'blo'] as const) {
        const [a, b] = [await listRoutes(db, filters, mode), await listRoutes(db, filters, mode, RAW)];
        const shape = (s: typeof a) => ({ label, mode, flows: s.map((x) => `${x.origin} ${x.destination} ${x.count}`) });
        expect(shape(a)).toEqual(shape(b));
        a.forEach((x, i) => close(x.kgEq, b[i].kgEq));
      }
    },
  ],
  [
    'listBlos',
    async ({ db }, filters, label) => {
      const [a, b] = [await listBlos(db, filters), await listBlos(db, filters, RAW)];
      const shape = (s: typeof a) => ({ label, blos: s.map((x) => `${x.code} ${x.totals.count} ${x.totals.lastSeizedOn}`) });
      expect(shape(a)).toEqual(shape(b));
      a.forEach((x, i) => close(x.totals.kgEq, b[i].totals.kgEq));
    },
  ],
  [
    'countSeizures (the seizure list total)',
    async ({ db }, filters, label) => {
      expect({ label, total: await countSeizures(db, filters) }).toEqual({ label, total: await countSeizures(db, filters, RAW) });
    },
  ],
  [
    'getBloDetail within 30 km of Oybek and of Ayritom',
    async ({ db }, filters, label) => {
      for (const code of ['oybek', 'ayritom']) {
        const [a, b] = [(await getBloDetail(db, code, filters, 30))!, (await getBloDetail(db, code, filters, 30, RAW))!];
        const shape = (d: typeof a) => ({
          label,
          code,
          count: d.catchment.count,
          trend: d.trend.map((m) => `${m.month} ${m.count}`),
        });
        expect(shape(a)).toEqual(shape(b));
        close(a.catchment.kgEq, b.catchment.kgEq);
        a.trend.forEach((m, i) => close(m.kgEq, b.trend[i].kgEq));
      }
    },
  ],
  [
    'getHotspots at zoom 3 and 8 (H3 resolutions 3 and 6)',
    async ({ db }, filters, label) => {
      for (const zoom of [3, 8]) {
        const [a, b] = [await getHotspots(db, filters, zoom), await getHotspots(db, filters, zoom, RAW)];
        const shape = (h: typeof a) => ({
          label,
          zoom,
          cells: h.cells.map((c) => `${c.cell} ${c.count} ${c.topSubstance} ${c.firstSeizedOn} ${c.lastSeizedOn}`),
        });
        expect(shape(a)).toEqual(shape(b));
        a.cells.forEach((c, i) => {
          close(c.centroid[0], b.cells[i].centroid[0]);
          close(c.centroid[1], b.cells[i].centroid[1]);
          close(c.kgEq, b.cells[i].kgEq);
        });
      }
    },
  ],
  [
    'listTileFeatures for a z5 and a z7 tile',
    async (database, filters, label) => {
      for (const tile of [
        { z: 5, x: 22, y: 11 },
        { z: 7, x: 89, y: 48 },
      ]) {
        const sorted = async (options = {}) =>
          (await listTileFeatures(database, tile, filters, options)).sort(
            (p, q) => p.tx - q.tx || p.ty - q.ty || p.substance.localeCompare(q.substance),
          );
        const [a, b] = [await sorted(), await sorted(RAW)];
        const shape = (fs: typeof a) => ({ label, tile, features: fs.map((x) => `${x.tx},${x.ty} ${x.count} ${x.substance} ${x.last}`) });
        expect(shape(a)).toEqual(shape(b));
        a.forEach((x, i) => close(x.kg, b[i].kg));
      }
    },
  ],
];

export function defineRollupTests(getDatabase: () => Database): void {
  describe('rollups', () => {
    const healthMatchesRaw = async () => {
      const db = getDatabase().db;
      const [raw] = rowsOf<{ n: number; synthetic: number }>(
        await db.execute(sql`SELECT count(*)::int AS n, (count(*) FILTER (WHERE synthetic))::int AS synthetic FROM seizures`),
      );
      expect(await getHealth(db)).toMatchObject({ seizures: raw.n, syntheticSeizures: raw.synthetic });
    };

    it('getHealth counts from the rollup what the raw table holds', healthMatchesRaw);

    it.each(COMPARISONS)('%s answers from the rollups exactly as from the raw table, for every filter case', async (_name, compare) => {
      for (const [label, filters] of CASES) await compare(getDatabase(), filters, label);
    });

    it('one refresh and one truncate trigger keep every rollup (no triggers of their own, whose order would matter)', async () => {
      const result = await getDatabase().db.execute(sql`
        SELECT tgname AS name, tgfoid::regproc::text AS function FROM pg_trigger
         WHERE tgrelid = 'seizures'::regclass AND NOT tgisinternal ORDER BY tgname`);
      expect(rowsOf<{ name: string; function: string }>(result).map((t) => `${t.name} → ${t.function}`)).toEqual([
        'seizures_history_guard → seizures_history_guard',
        'seizures_nearest_blo → seizures_set_nearest_blo',
        'seizures_rollups_delete → seizure_rollups_refresh',
        'seizures_rollups_insert → seizure_rollups_refresh',
        'seizures_rollups_truncate → seizure_rollups_truncate',
        'seizures_rollups_update → seizure_rollups_refresh',
      ]);
    });

    it('a truncate of seizures empties every rollup', async () => {
      const { db } = getDatabase();
      const counts = async (tx: typeof db): Promise<Record<string, number>> => {
        const out: Record<string, number> = {};
        for (const t of ROLLUP_TABLES)
          out[t] = Number(rowsOf<{ n: number }>(await tx.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(t)}`))[0].n);
        return out;
      };
      const before = await counts(db);
      expect(Object.values(before).every((n) => n > 0)).toBe(true);
      // Inside a transaction that is then rolled back: the tests after this one need the rows.
      const rolledBack = new Error('roll back');
      await expect(
        db.transaction(async (tx) => {
          await tx.execute(sql`TRUNCATE seizures`);
          expect(await counts(tx as unknown as typeof db)).toEqual(Object.fromEntries(ROLLUP_TABLES.map((t) => [t, 0])));
          throw rolledBack;
        }),
      ).rejects.toBe(rolledBack);
      expect(await counts(db)).toEqual(before);
    });

    it('stay exact after a delete, an update that moves a seizure, and an insert', async () => {
      const { db } = getDatabase();
      await db.execute(sql`DELETE FROM seizures WHERE id IN (SELECT id FROM seizures WHERE substance = 'opium' ORDER BY id LIMIT 40)`);
      await db.execute(sql`UPDATE seizures SET geom = ST_SetSRID(ST_MakePoint(69.3, 40.58), 4326), seized_on = DATE '2022-03-15'
                            WHERE id = (SELECT min(id) FROM seizures WHERE synthetic)`);
      await db.execute(sql`INSERT INTO seizures (seized_on, date_precision, substance, quantity, unit, kg_eq, value_usd, price_usd_per_kg, geom,
                              location_precision, country, transport, concealment, detection, synthetic, batch_id, cell, added_in)
                            SELECT DATE '2023-05-20', 'day', 'heroin', 3, 'kg', 3, 58200, 19400, geom, 'crossing', 'UZ', 'car', 'luggage', 'dog', true, batch_id, cell,
                                   added_in
                              FROM seizures WHERE synthetic LIMIT 1`);
      await healthMatchesRaw();
      for (const [, compare] of COMPARISONS) for (const [label, filters] of CASES) await compare(getDatabase(), filters, label);
    });
  });
}

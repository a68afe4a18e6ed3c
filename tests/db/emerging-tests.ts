/**
 * /api/emerging's query against the oracle (tests/oracles/emerging-oracle.ts), cell by cell: the
 * cube from the fixture rows, Gi* in matrix form, Benjamini–Hochberg by step, Mann-Kendall's S.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { getEmerging } from '@/db/queries/get-emerging';
import type { EmergingRequest } from '@/lib/analysis/emerging-answer';
import { categorize, mannKendall } from '@/lib/analysis/emerging-hot-spots';
import { categoryKey } from '@/lib/analysis/emerging-answer';
import type { ScopedFilters } from '@/lib/access/country-scope';
import { matches, type OracleRow } from '@/tests/oracles/seizure-oracle';
import { kendallS, oracleCube, oracleStatistics } from '@/tests/oracles/emerging-oracle';
import { f } from './filter-cases';

const CASES: [string, ScopedFilters, EmergingRequest][] = [
  ['every seizure, months, counts, resolution 5', f({}), { resolution: 5, step: 'month', value: 'count' }],
  [
    'heroin and opium in 2023, months, kg',
    f({ substances: ['heroin', 'opium'], from: '2023-01-01', to: '2023-12-31' }),
    { resolution: 5, step: 'month', value: 'kg' },
  ],
  [
    'Tajikistan, trucks (the raw table answers), quarters, resolution 5',
    f({ countries: ['TJ'], transport: ['truck'] }),
    { resolution: 5, step: 'quarter', value: 'count' },
  ],
  [
    'a mid-month period, resolution 6, quarters',
    f({ from: '2021-03-17', to: '2024-08-09' }),
    { resolution: 6, step: 'quarter', value: 'count' },
  ],
  [
    'public rows only',
    f({ synthetic: 'exclude', from: '2016-01-01', to: '2025-12-31' }),
    { resolution: 5, step: 'quarter', value: 'count' },
  ],
];

export function defineEmergingTests(getDatabase: () => Database, getRows: () => OracleRow[]): void {
  describe('emerging hot spots against the oracle', () => {
    let rows: OracleRow[];
    let db: Database['db'];
    beforeAll(() => {
      rows = getRows();
      db = getDatabase().db;
    });

    it.each(CASES)('%s: every cell, value, z-score, level, trend and category', async (_label, filters, request) => {
      const answer = await getEmerging(db, filters, request);
      const cube = oracleCube(
        rows.filter((r) => matches(r, filters)),
        request.resolution,
        request.step,
        request.value,
        filters,
      );
      const { z, levels } = oracleStatistics(cube);
      expect(answer.status).toBe('ok');
      expect(answer.steps).toEqual(cube.steps);
      // Seizures before the first step are counted, not lost: with no start date, the early sparse years.
      const before = rows.filter((r) => matches(r, filters) && r.seizedOn < cube.steps[0]).length;
      expect(answer.earlier).toBe(before);
      expect(answer.gridCells).toBe(cube.cells.length);
      expect(answer.cells.map((c) => c.cell).sort()).toEqual(cube.cells);
      const byCell = new Map(answer.cells.map((c) => [c.cell, c]));
      let significant = 0;
      cube.cells.forEach((cell, i) => {
        const got = byCell.get(cell)!;
        got.values!.forEach((v, t) => expect(v).toBeCloseTo(cube.values[i][t], 3));
        // The answer gives z to 1e-6 (and kilograms to the gram): equal to the oracle's at that precision.
        got.zs!.forEach((v, t) => expect(Math.abs(v - z[i][t])).toBeLessThanOrEqual(5e-7 + 1e-12));
        expect(got.levels).toEqual(levels[i]);
        expect(got.trend.s).toBe(kendallS(z[i]));
        expect(got.category).toBe(categoryKey(categorize(levels[i].map(Math.sign) as (-1 | 0 | 1)[], mannKendall(z[i]))));
        significant += got.levels.filter((l) => l !== 0).length;
      });
      // Every case has significant bins, so the levels compared above are not all zero.
      expect(significant).toBeGreaterThan(0);
    });

    it('with no start date, the steps begin where the data becomes dense: the early public seizures are left out and counted', async () => {
      const answer = await getEmerging(db, CASES[0][1], CASES[0][2]);
      const first = rows.map((r) => r.seizedOn).sort()[0];
      expect(answer.steps[0] > first).toBe(true);
      expect(answer.earlier).toBeGreaterThan(0);
    });

    it('the rollup and the raw table give the same answer', async () => {
      for (const [, filters, request] of [CASES[0], CASES[3]]) {
        expect(await getEmerging(db, filters, request, { useRollup: false })).toEqual(await getEmerging(db, filters, request));
      }
      // Kilograms summed in another order differ in the last bits only.
      const [filters, request] = [CASES[1][1], CASES[1][2]];
      const [raw, rollup] = [await getEmerging(db, filters, request, { useRollup: false }), await getEmerging(db, filters, request)];
      expect(raw.cells.map((c) => [c.cell, c.category, c.levels])).toEqual(rollup.cells.map((c) => [c.cell, c.category, c.levels]));
      raw.cells.forEach((c, i) => c.zs!.forEach((z, t) => expect(Math.abs(z - rollup.cells[i].zs![t])).toBeLessThanOrEqual(1e-6 + 1e-12)));
    });

    it('says why there is no analysis: too few steps, or nothing matches', async () => {
      const short = await getEmerging(db, f({ from: '2024-01-01', to: '2024-09-30' }), { resolution: 5, step: 'month', value: 'count' });
      expect(short).toMatchObject({ status: 'too-few-steps', cells: [] });
      expect(short.steps).toHaveLength(9);
      const none = await getEmerging(db, f({ from: '1995-01-01', to: '1999-12-31' }), { resolution: 5, step: 'month', value: 'count' });
      expect(none).toMatchObject({ status: 'no-seizures', steps: [], cells: [] });
    });

    it('an account that sees aggregates only: no values or z-scores, no cell of fewer seizures than the minimum, no finer cells', async () => {
      const detail = { level: 'aggregates', minCount: 5, maxResolution: 5 } as const;
      const answer = await getEmerging(db, f({ detail }), { resolution: 6, step: 'month', value: 'count' });
      const cube = oracleCube(rows, 5, 'month', 'count', f({}));
      expect(answer.method.resolution).toBe(5);
      expect(answer.gridCells).toBe(cube.cells.length);
      expect(answer.cells.map((c) => c.cell).sort()).toEqual(cube.cells.filter((_, i) => cube.counts[i] >= 5));
      expect(answer.cells.length).toBeLessThan(cube.cells.length);
      expect(answer.cells.every((c) => c.values === null && c.zs === null)).toBe(true);
    });
  });
}

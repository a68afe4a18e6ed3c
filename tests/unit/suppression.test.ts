import { describe, expect, it } from 'vitest';
import { cellToLatLng, latLngToCell } from 'h3-js';
import {
  isSmall,
  protectBlos,
  protectHotspots,
  protectSeries,
  protectSummary,
  withheldParts,
  type ExactCell,
} from '@/lib/access/suppression';
import type { BloListItem, SeriesRow } from '@/lib/api/api-types';

const K = 3;

/** A small deterministic generator (LCG), so a failing table can be found again. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Brute force, independent of the algorithm: every value each withheld part could take (≥ 1),
 * given the shown parts and each shown total. A part is disclosed when only one value fits.
 */
function possibleValues(counts: number[], hidden: boolean[], groups: number[][], totalShown: boolean[]): Map<number, Set<number>> {
  const unknown = counts.map((c, i) => i).filter((i) => hidden[i]);
  const constraints = groups
    .map((g, gi) => ({ g, gi }))
    .filter(({ gi }) => totalShown[gi])
    .map(({ g }) => ({
      members: g.filter((i) => hidden[i]),
      residual: g.reduce((t, i) => t + counts[i], 0) - g.filter((i) => !hidden[i]).reduce((t, i) => t + counts[i], 0),
    }))
    .filter((c) => c.members.length > 0);
  // A part no shown total constrains could be anything: the search reaches past every real value.
  const bound = 2 + Math.max(1, ...constraints.map((c) => c.residual), ...unknown.map((i) => counts[i]));
  const seen = new Map(unknown.map((i) => [i, new Set<number>()]));
  const value = new Map<number, number>();
  const fits = (complete: boolean) =>
    constraints.every(({ members, residual }) => {
      const known = members.filter((i) => value.has(i));
      const sum = known.reduce((t, i) => t + value.get(i)!, 0);
      const left = members.length - known.length;
      return complete || left === 0 ? sum === residual : sum + left <= residual;
    });
  const search = (k: number) => {
    if (k === unknown.length) {
      if (fits(true)) for (const i of unknown) seen.get(i)!.add(value.get(i)!);
      return;
    }
    for (let v = 1; v <= bound; v++) {
      value.set(unknown[k], v);
      if (fits(false)) search(k + 1);
    }
    value.delete(unknown[k]);
  };
  search(0);
  return seen;
}

describe('small-cell suppression', () => {
  it('withholds a small part and, where the total is shown, the smallest other part with it', () => {
    const { hidden, totalWithheld } = withheldParts([5, 2, 7, 0, 4], [[0, 1, 2, 3, 4]], K);
    expect(hidden).toEqual([false, true, false, false, true]);
    expect(totalWithheld).toEqual([false]);
  });

  it('never leaves withheld parts that could only be ones: more are withheld, or the total', () => {
    expect(withheldParts([1, 1, 1, 4], [[0, 1, 2, 3]], K)).toEqual({ hidden: [true, true, true, true], totalWithheld: [false] });
    // Three seizures, one per part: nothing else to hide, so the total goes.
    expect(withheldParts([1, 1, 1], [[0, 1, 2]], K)).toEqual({ hidden: [true, true, true], totalWithheld: [true] });
  });

  it('leaves a table without small parts as it is, and zeros shown', () => {
    expect(withheldParts([0, 3, 9, 0], [[0, 1, 2, 3]], K).hidden).toEqual([false, false, false, false]);
    expect(isSmall(0, K)).toBe(false);
    expect(isSmall(2, K)).toBe(true);
    expect(isSmall(3, K)).toBe(false);
  });

  it('on random lists split into totals (as answers group them), no withheld part can be worked out from a shown total', () => {
    const next = random(20261202);
    let checked = 0;
    let secondary = 0;
    for (let t = 0; t < 400; t++) {
      const n = 2 + Math.floor(next() * 9);
      const counts = Array.from({ length: n }, () => {
        const r = next();
        return r < 0.2 ? 0 : r < 0.6 ? 1 + Math.floor(next() * 2) : 3 + Math.floor(next() * 6);
      });
      // One total over all parts, or disjoint totals (a series' substances).
      const split = 1 + Math.floor(next() * 3);
      const groups = Array.from({ length: split }, (_, g) => counts.map((_, i) => i).filter((i) => i % split === g)).filter(
        (g) => g.length,
      );
      const { hidden, totalWithheld } = withheldParts(counts, groups, K);
      for (let i = 0; i < n; i++) if (isSmall(counts[i], K)) expect(hidden[i]).toBe(true);
      secondary += counts.filter((c, i) => hidden[i] && c >= K).length;
      const totalShown = groups.map(
        (g, gi) =>
          !totalWithheld[gi] &&
          !isSmall(
            g.reduce((s, i) => s + counts[i], 0),
            K,
          ),
      );
      for (const [i, values] of possibleValues(counts, hidden, groups, totalShown)) {
        expect(values.has(counts[i]), `table ${t}, part ${i}: its own value fits`).toBe(true);
        expect(values.size, `table ${t} (${counts.join(' ')}), part ${i} is disclosed`).toBeGreaterThan(1);
      }
      checked++;
    }
    expect(checked).toBe(400);
    expect(secondary).toBeGreaterThan(50);
  });

  it('summary: small substances withheld with a second one; the total and the change stay where they are safe', () => {
    const period = { from: '2024-01-01', to: '2024-12-31' };
    const part = (substance: string, count: number) => ({ substance, count, kgEq: count * 2, valueUsd: count * 100 });
    const current = {
      period,
      count: 20,
      kgEq: 40,
      valueUsd: 2000,
      syntheticCount: 18,
      bySubstance: [part('heroin', 12), part('opium', 2), part('hashish', 6)],
    };
    const before = { period, count: 2, kgEq: 4, valueUsd: 200, syntheticCount: 0, bySubstance: [part('heroin', 2)] };
    const answer = protectSummary(current, before, K, null);
    expect(answer.count).toBe(20);
    expect(answer.bySubstance.map((s) => s.count)).toEqual([12, null, null]);
    expect(answer.bySubstance[1]).toMatchObject({ kgEq: null, valueUsd: null, suppressed: true });
    // 2 real seizures beside 18 generated: the generated count would give the 2 away.
    expect(answer.syntheticCount).toBeNull();
    expect(answer.comparison).toMatchObject({ count: null, kgEq: null, valueUsd: null, suppressed: true });
    expect(answer.change).toEqual({ count: null, kgEq: null, valueUsd: null });
  });

  it('BLO list: small posts withheld, a second with them, and no post tells the date of its last seizure', () => {
    const blo = (code: string, count: number) =>
      ({ code, totals: { count, kgEq: count, valueUsd: count, lastSeizedOn: count ? '2024-05-14' : null } }) as unknown as Omit<
        BloListItem,
        'totals'
      > & { totals: { count: number; kgEq: number; valueUsd: number; lastSeizedOn: string | null } };
    const out = protectBlos([blo('a', 40), blo('b', 1), blo('c', 0), blo('d', 5), blo('e', 9)], K);
    expect(out.map((b) => b.totals.count)).toEqual([40, null, 0, null, 9]);
    expect(out.every((b) => b.totals.lastSeizedOn === null)).toBe(true);
  });

  it("series: a substance's small month is withheld (all three figures) with another month of that substance", () => {
    const rows: SeriesRow[] = [
      ['2024-01-01', 'heroin', 10, 5, 50],
      ['2024-01-01', 'opium', 1, 1, 10],
      ['2024-01-01', 'hashish', 4, 2, 20],
      ['2024-02-01', 'heroin', 7, 3, 30],
      ['2024-02-01', 'opium', 5, 2, 40],
      ['2024-03-01', 'opium', 9, 4, 90],
    ];
    expect(protectSeries(rows, K)).toEqual([
      rows[0],
      ['2024-01-01', 'opium', null, null, null],
      rows[2],
      rows[3],
      ['2024-02-01', 'opium', null, null, null],
      rows[5],
    ]);
  });

  it('hexagons: a withheld cell sits at its centre without figures, substance or dates; clusters from shown positions', () => {
    const at = (lng: number, lat: number, count: number, cluster: number | null): ExactCell => ({
      cell: latLngToCell(lat, lng, 5),
      count,
      kgEq: count,
      valueUsd: count,
      topSubstance: 'heroin',
      firstSeizedOn: '2024-01-02',
      lastSeizedOn: '2024-03-04',
      centroid: [lng + 0.001, lat + 0.001],
      cluster,
    });
    const cells = [at(69.2, 41.3, 30, 0), at(69.3, 41.35, 1, 0), at(69.4, 41.4, 8, 0), at(60, 38, 12, null)];
    const answer = protectHotspots({ zoom: 8, resolution: 5 }, cells, K);
    expect(answer.cells.map((c) => c.count)).toEqual([30, null, null, 12]);
    const [lat, lng] = cellToLatLng(cells[1].cell);
    expect(answer.cells[1]).toMatchObject({ topSubstance: null, firstSeizedOn: null, lastSeizedOn: null, centroid: [lng, lat] });
    expect(answer.cells.every((c) => c.firstSeizedOn === null && c.lastSeizedOn === null)).toBe(true);
    expect(answer.total.count).toBe(51);
    expect(answer.clusters).toHaveLength(1);
    expect(answer.clusters[0]).toMatchObject({ cells: 3, count: null, topSubstance: null, suppressed: true });
    const xs = answer.cells.slice(0, 3).map((c) => c.centroid[0]);
    expect(answer.clusters[0].centroid[0]).toBeCloseTo((xs[0] + xs[1] + xs[2]) / 3, 9);
  });
});

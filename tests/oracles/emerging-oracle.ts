/**
 * Emerging hot spot statistics written a second time, apart from lib/analysis: the cube built from
 * seizure rows (each row's H3 cell at resolution 8, then its parent), Gi* in the matrix form of
 * Getis & Ord (1995, eq. 14), Benjamini–Hochberg by step and Mann-Kendall's S.
 */
import { cellToParent, gridDisk, latLngToCell } from 'h3-js';
import type { OracleRow } from './seizure-oracle';

/** Gi* of one step with a full weight matrix: G*ᵢ = (Σⱼ wᵢⱼxⱼ − x̄Σⱼ wᵢⱼ) / (s·√((nΣⱼ wᵢⱼ² − (Σⱼ wᵢⱼ)²)/(n − 1))). */
export function giStarMatrix(values: readonly number[], weights: readonly (readonly number[])[]): number[] {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const s = Math.sqrt(values.reduce((a, b) => a + b * b, 0) / n - mean ** 2);
  return values.map((_, i) => {
    let wx = 0;
    let w = 0;
    let w2 = 0;
    for (let j = 0; j < n; j++) {
      wx += weights[i][j] * values[j];
      w += weights[i][j];
      w2 += weights[i][j] ** 2;
    }
    const denominator = s * Math.sqrt((n * w2 - w * w) / (n - 1));
    return denominator > 0 ? (wx - mean * w) / denominator : 0;
  });
}

/** Binary weights: 1 on the diagonal and between ring-1 neighbours of the grid. */
export function ringWeights(cells: readonly string[]): number[][] {
  return cells.map((a) => {
    const ring = new Set(gridDisk(a, 1));
    return cells.map((b) => (ring.has(b) ? 1 : 0));
  });
}

/** Standard normal two-sided p through the complementary error function's continued fraction (Lentz), apart from lib's A&S formula. */
export function pValue(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  if (x < 2) {
    // erf by its Maclaurin series, exact to double precision for small x.
    let term = x;
    let sum = x;
    for (let k = 1; k < 80; k++) {
      term *= (-x * x) / k;
      sum += term / (2 * k + 1);
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 200; k++) {
    const a = k / 2;
    d = 1 / (x + a * d);
    c = x + a / c;
    f *= c * d;
  }
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
}

/** Discoveries by Benjamini–Hochberg at `q`. */
export function discoveries(p: readonly number[], q: number): boolean[] {
  const order = p.map((_, i) => i).sort((a, b) => p[a] - p[b]);
  let k = 0;
  order.forEach((i, rank) => {
    if (p[i] <= ((rank + 1) / p.length) * q) k = rank + 1;
  });
  const found = new Set(order.slice(0, k));
  return p.map((_, i) => found.has(i));
}

/** Mann-Kendall S: pairs rising minus pairs falling. */
export const kendallS = (series: readonly number[]): number =>
  series.reduce((s, a, i) => s + series.slice(i + 1).reduce((t, b) => t + (b > a ? 1 : b < a ? -1 : 0), 0), 0);

export interface OracleCube {
  steps: string[];
  cells: string[];
  /** values[cell][step] */
  values: number[][];
  counts: number[];
}

const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}-01`;

/**
 * With no start date: the first month whose count is at least a fifth of the median count of the
 * months that have seizures (the lower median), counted here from the days.
 */
function denseFrom(days: readonly string[]): string {
  const perMonth = new Map<string, number>();
  for (const d of days) perMonth.set(d.slice(0, 7), (perMonth.get(d.slice(0, 7)) ?? 0) + 1);
  const counts = [...perMonth.values()].sort((a, b) => a - b);
  const median = counts[Math.floor((counts.length - 1) / 2)];
  const month = [...perMonth.keys()].sort().find((m) => perMonth.get(m)! >= median / 5)!;
  return `${month}-01`;
}

/** The dense cube of `rows` (already filtered) from `from` to `to` (else the rows' first and last months). */
export function oracleCube(
  rows: readonly OracleRow[],
  resolution: number,
  step: 'month' | 'quarter',
  value: 'count' | 'kg',
  period: { from: string | null; to: string | null },
): OracleCube {
  const stepKey = (iso: string) => {
    const year = Number(iso.slice(0, 4));
    const month = Number(iso.slice(5, 7));
    return monthKey(year, step === 'month' ? month : 3 * Math.floor((month - 1) / 3) + 1);
  };
  const days = rows.map((r) => r.seizedOn).sort();
  const first = stepKey(period.from ?? denseFrom(days));
  const last = stepKey(period.to ?? days[days.length - 1]);
  const steps: string[] = [];
  for (let [y, m] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))]; monthKey(y, m) <= last;) {
    steps.push(monthKey(y, m));
    m += step === 'month' ? 1 : 3;
    if (m > 12) [y, m] = [y + 1, m - 12];
  }
  const byCell = new Map<string, { values: number[]; count: number }>();
  for (const r of rows) {
    if (stepKey(r.seizedOn) < first) continue;
    const cell = cellToParent(latLngToCell(r.lngLat[1], r.lngLat[0], 8), resolution);
    const entry = byCell.get(cell) ?? { values: steps.map(() => 0), count: 0 };
    byCell.set(cell, entry);
    entry.values[steps.indexOf(stepKey(r.seizedOn))] += value === 'count' ? 1 : r.kgEq;
    entry.count += 1;
  }
  const cells = [...byCell.keys()].sort();
  return { steps, cells, values: cells.map((c) => byCell.get(c)!.values), counts: cells.map((c) => byCell.get(c)!.count) };
}

/** z per cell per step, and the signed FDR levels, of a cube. */
export function oracleStatistics(cube: OracleCube): { z: number[][]; levels: number[][] } {
  const weights = ringWeights(cube.cells);
  const z = cube.cells.map(() => [] as number[]);
  const levels = cube.cells.map(() => [] as number[]);
  cube.steps.forEach((_, t) => {
    const stepZ = giStarMatrix(
      cube.values.map((v) => v[t]),
      weights,
    );
    const p = stepZ.map(pValue);
    const [d90, d95, d99] = [0.1, 0.05, 0.01].map((q) => discoveries(p, q));
    stepZ.forEach((value, i) => {
      z[i].push(value);
      const level = d99[i] ? 99 : d95[i] ? 95 : d90[i] ? 90 : 0;
      levels[i].push(value < 0 ? -level : level);
    });
  });
  return { z, levels };
}

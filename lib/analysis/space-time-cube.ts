/**
 * The space-time cube an emerging hot spot analysis runs on, and the analysis of it: H3 cells (every
 * cell with a seizure in the period) × time steps (months or calendar quarters), a value in every bin
 * (zero where none), then per cell the Gi* z-score of each step, its FDR-corrected significance, the
 * Mann-Kendall trend of the z-scores and the category (emerging-hot-spots.ts).
 */
import { cellToLatLng, gridDisk } from 'h3-js';
import { monthStart } from '@/lib/time/dates';
import type { LngLat } from '@/lib/geo/lng-lat';
import type { EmergingStep } from './emerging-settings';
import { categorize, giStar, mannKendall, stepLevels, type BinLevel, type EmergingCategory, type Trend } from './emerging-hot-spots';

/** Fewer steps than this and no analysis is shown: a trend over a handful of points means little. */
export const MIN_STEPS = 10;

/** The first month of each step from `from`'s step to `to`'s, inclusive (ISO dates, first of month). */
export function stepStarts(from: string, to: string, step: EmergingStep): string[] {
  const first = stepOf(from, step);
  const stride = step === 'month' ? 1 : 3;
  const starts: string[] = [];
  for (let m = first; m <= to; m = monthStart(m, stride)) starts.push(m);
  return starts;
}

/** The first month of the step holding the day `iso`. */
export function stepOf(iso: string, step: EmergingStep): string {
  const month = monthStart(iso);
  if (step === 'month') return month;
  const m = Number(month.slice(5, 7));
  return `${month.slice(0, 5)}${String(m - ((m - 1) % 3)).padStart(2, '0')}-01`;
}

/** A bin's significance with its sign: +90/95/99 a hot spot, −90/95/99 a cold spot, 0 neither. */
export type SignedLevel = 0 | BinLevel | -90 | -95 | -99;

export interface CubeCell {
  /** H3 index (hex). */
  cell: string;
  /** Value per step, oldest first. */
  values: number[];
}

export interface CellAnalysis {
  cell: string;
  centroid: LngLat;
  values: number[];
  /** Gi* z-score per step. */
  z: number[];
  levels: SignedLevel[];
  trend: Trend;
  category: EmergingCategory;
}

/**
 * Gi* of every cell at every step (weights: the cell and its ring-1 neighbours that are in the grid),
 * significance by step with the Benjamini–Hochberg correction over the step's cells, the trend of each
 * cell's z-scores and its category. Cells come back in the order given.
 */
export function analyseCube(cube: readonly CubeCell[]): CellAnalysis[] {
  const index = new Map(cube.map((c, i) => [c.cell, i]));
  const neighbours = cube.map(({ cell }) =>
    gridDisk(cell, 1)
      .filter((d) => d !== cell && index.has(d))
      .map((d) => index.get(d)!),
  );
  const steps = cube.length ? cube[0].values.length : 0;
  const z = cube.map(() => new Array<number>(steps));
  const levels = cube.map(() => new Array<SignedLevel>(steps));
  for (let t = 0; t < steps; t++) {
    const stepZ = giStar(
      cube.map((c) => c.values[t]),
      neighbours,
    );
    const stepLevel = stepLevels(stepZ);
    stepZ.forEach((value, i) => {
      z[i][t] = value;
      levels[i][t] = (value < 0 ? -stepLevel[i] : stepLevel[i]) as SignedLevel;
    });
  }
  return cube.map((c, i) => {
    const trend = mannKendall(z[i]);
    const [lat, lng] = cellToLatLng(c.cell);
    return {
      cell: c.cell,
      centroid: [lng, lat],
      values: c.values,
      z: z[i],
      levels: levels[i],
      trend,
      category: categorize(
        levels[i].map((l) => Math.sign(l) as -1 | 0 | 1),
        trend,
      ),
    };
  });
}

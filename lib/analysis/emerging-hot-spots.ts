/**
 * Emerging hot spot analysis on a space-time cube, as ArcGIS Pro's "How Emerging Hot Spot Analysis
 * works" defines it: the Getis-Ord Gi* statistic (Getis & Ord 1995, the "star" form that counts the
 * cell itself) for each cell at each time step, significance corrected for the number of cells with
 * the Benjamini–Hochberg false discovery rate, a Mann-Kendall trend test on each cell's series of
 * z-scores, and the seventeen categories (new, consecutive, intensifying, persistent, diminishing,
 * sporadic, oscillating and historical hot and cold spots, and no pattern). Framework-free numbers:
 * the cells, their neighbours and the values come in, the statistics go out.
 */

/** Gi* z-scores of one time step: `values[i]` of cell i, `neighbours[i]` its ring-1 neighbours (indexes, without i). */
export function giStar(values: readonly number[], neighbours: readonly (readonly number[])[]): number[] {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const s = Math.sqrt(Math.max(0, values.reduce((sum, v) => sum + v * v, 0) / n - mean * mean));
  return values.map((v, i) => {
    // Binary weights: 1 for the cell itself and each neighbour, so Σw = Σw² = W.
    const w = neighbours[i].length + 1;
    const local = neighbours[i].reduce((sum, j) => sum + values[j], v);
    const spread = s * Math.sqrt((n * w - w * w) / (n - 1));
    // A cell whose weights cover every cell (W = n), or a step where every value is the same, has no z.
    return spread > 0 && n > 1 ? (local - mean * w) / spread : 0;
  });
}

/**
 * erfc(x) for x ≥ 0, to about 1e-13 relative: below 2.5 as 1 − erf(x) with erf's all-positive series
 * erf(x) = 2/√π · e^(−x²) · Σ 2ⁿx^(2n+1) / (1·3·…·(2n+1)); from 2.5 on, Laplace's continued fraction
 * e^(−x²)/√π · 1/(x + ½/(x + 1/(x + 3⁄2/(x + …)))) evaluated from its 120th term back.
 */
function erfc(x: number): number {
  if (x < 2.5) {
    let term = x;
    let sum = x;
    for (let n = 1; term > 1e-17 * sum; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
  }
  let tail = x;
  for (let k = 120; k >= 1; k--) tail = x + k / 2 / tail;
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / tail;
}

/** Two-sided p-value of a standard normal z. */
export const twoSidedP = (z: number): number => Math.min(1, erfc(Math.abs(z) / Math.SQRT2));

/**
 * Benjamini–Hochberg: which of `pValues` are discoveries at false discovery rate `alpha` (the
 * largest k with p₍ₖ₎ ≤ k·α/m, and every p at or below p₍ₖ₎).
 */
export function benjaminiHochberg(pValues: readonly number[], alpha: number): boolean[] {
  const m = pValues.length;
  const sorted = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  let cut = -1;
  sorted.forEach(({ p }, k) => {
    if (p <= ((k + 1) * alpha) / m) cut = k;
  });
  const out = new Array<boolean>(m).fill(false);
  for (let k = 0; k <= cut; k++) out[sorted[k].i] = true;
  return out;
}

/** Significance of a bin: its confidence (0 when not significant) and its sign (+1 hot, −1 cold). */
export type BinLevel = 0 | 90 | 95 | 99;

/** The confidence levels of one step's cells, each the strictest level whose FDR-corrected test it passes. */
export function stepLevels(z: readonly number[]): BinLevel[] {
  const p = z.map(twoSidedP);
  const [at90, at95, at99] = [0.1, 0.05, 0.01].map((alpha) => benjaminiHochberg(p, alpha));
  return z.map((_, i) => (at99[i] ? 99 : at95[i] ? 95 : at90[i] ? 90 : 0));
}

export interface Trend {
  /** Mann-Kendall S: concordant minus discordant pairs. */
  s: number;
  /** Kendall's tau (S over the number of pairs). */
  tau: number;
  /** Normal approximation with the continuity correction and the variance corrected for ties. */
  z: number;
  p: number;
}

/** Mann-Kendall trend test of a series (oldest first). */
export function mannKendall(series: readonly number[]): Trend {
  const n = series.length;
  let s = 0;
  for (let i = 0; i < n - 1; i++) for (let j = i + 1; j < n; j++) s += Math.sign(series[j] - series[i]);
  const ties = new Map<number, number>();
  for (const v of series) ties.set(v, (ties.get(v) ?? 0) + 1);
  const tieTerm = [...ties.values()].reduce((sum, t) => sum + t * (t - 1) * (2 * t + 5), 0);
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z = variance > 0 ? (s > 0 ? (s - 1) / Math.sqrt(variance) : s < 0 ? (s + 1) / Math.sqrt(variance) : 0) : 0;
  const pairs = (n * (n - 1)) / 2;
  return { s, tau: pairs > 0 ? s / pairs : 0, z, p: twoSidedP(z) };
}

export const HOT_SPOT_PATTERNS = [
  'new',
  'consecutive',
  'intensifying',
  'persistent',
  'diminishing',
  'sporadic',
  'oscillating',
  'historical',
] as const;
export type HotSpotPattern = (typeof HOT_SPOT_PATTERNS)[number];
export type EmergingCategory = { kind: 'hot' | 'cold'; pattern: HotSpotPattern } | { kind: 'none' };

/** A trend is significant below this p (Mann-Kendall). */
export const TREND_ALPHA = 0.05;
/** "90 percent of the time-step intervals". */
export const MOST_STEPS = 0.9;

/**
 * The category of a cell from its bins (oldest first: +1 significant hot, −1 significant cold, 0 not)
 * and the trend of its z-scores, by ArcGIS Pro's definitions, hot spots first (a cell cannot be both
 * at its final step).
 */
export function categorize(bins: readonly (-1 | 0 | 1)[], trend: Trend): EmergingCategory {
  for (const sign of [1, -1] as const) {
    const kind = sign === 1 ? 'hot' : 'cold';
    const n = bins.length;
    const these = bins.filter((b) => b === sign).length;
    const mostly = these >= MOST_STEPS * n;
    const last = bins[n - 1] === sign;
    if (!last) {
      if (mostly) return { kind, pattern: 'historical' };
      continue;
    }
    if (mostly) {
      const rising = trend.p < TREND_ALPHA && trend.s * sign > 0;
      const falling = trend.p < TREND_ALPHA && trend.s * sign < 0;
      return { kind, pattern: rising ? 'intensifying' : falling ? 'diminishing' : 'persistent' };
    }
    // The final run of this sign, and whether it was ever so before that run.
    let run = 0;
    while (run < n && bins[n - 1 - run] === sign) run++;
    const before = bins.slice(0, n - run);
    if (!before.includes(sign)) return { kind, pattern: run === 1 ? 'new' : 'consecutive' };
    return { kind, pattern: before.includes(-sign as -1 | 1) ? 'oscillating' : 'sporadic' };
  }
  return { kind: 'none' };
}

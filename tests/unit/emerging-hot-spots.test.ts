/**
 * The statistics of the emerging hot spot analysis against values worked out by hand (the arithmetic
 * is written beside each), and the categories against ArcGIS Pro's definitions, one bin history each.
 */
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, categorize, giStar, mannKendall, stepLevels, twoSidedP, type Trend } from '@/lib/analysis/emerging-hot-spots';

describe('Gi*', () => {
  it('three cells in a row, values 1 2 3', () => {
    // n = 3, mean 2, S = √(14/3 − 4) = √(2/3). Cell 0: W = 2, Σwx = 3 → (3 − 4) / (S·√((6 − 4)/2)) = −1/S.
    // Cell 1 sees every cell (W = n): no z. Cell 2: (5 − 4) / S.
    const z = giStar([1, 2, 3], [[1], [0, 2], [1]]);
    const s = Math.sqrt(2 / 3);
    expect(z[0]).toBeCloseTo(-1 / s, 12);
    expect(z[1]).toBe(0);
    expect(z[2]).toBeCloseTo(1 / s, 12);
  });

  it('a hot corner of a 2 × 3 grid (rook neighbours)', () => {
    // Cells 0 1 2 / 3 4 5, values 10 0 0 / 0 0 0. n = 6, mean 10/6, Σx² = 100 → S = √(100/6 − 100/36) = √(500/36).
    // Cell 0: neighbours 1 and 3, W = 3, Σwx = 10 → (10 − 3·10/6) / (S·√((18 − 9)/5)) = 5 / (S·√1.8).
    const values = [10, 0, 0, 0, 0, 0];
    const neighbours = [
      [1, 3],
      [0, 2, 4],
      [1, 5],
      [0, 4],
      [1, 3, 5],
      [2, 4],
    ];
    const z = giStar(values, neighbours);
    const s = Math.sqrt(500 / 36);
    expect(z[0]).toBeCloseTo(5 / (s * Math.sqrt(1.8)), 12);
    // Cell 5: neighbours 2 and 4, W = 3, Σwx = 0 → −5 / (S·√1.8).
    expect(z[5]).toBeCloseTo(-5 / (s * Math.sqrt(1.8)), 12);
    // Cell 4: neighbours 1 3 5, W = 4, Σwx = 0 → −40/6 / (S·√((24 − 16)/5)).
    expect(z[4]).toBeCloseTo(-40 / 6 / (s * Math.sqrt(1.6)), 12);
  });

  it('gives no z where every value is the same', () => {
    expect(giStar([4, 4, 4, 4], [[1], [0, 2], [1, 3], [2]])).toEqual([0, 0, 0, 0]);
  });
});

describe('p-values and the false discovery rate', () => {
  it('two-sided normal p at the usual critical values', () => {
    expect(twoSidedP(1.6449)).toBeCloseTo(0.1, 4);
    expect(twoSidedP(-1.96)).toBeCloseTo(0.05, 4);
    expect(twoSidedP(2.5758)).toBeCloseTo(0.01, 4);
    expect(twoSidedP(0)).toBeCloseTo(1, 6);
  });

  it('two-sided normal p to many digits, also far in the tail (tables of the normal distribution)', () => {
    // Quantiles z₁₋α/₂ to 12 digits, and Φ(−5) = 2.866515718791939e-7, Φ(−8) = 6.220960574271784e-16.
    expect(twoSidedP(1.959963984540054)).toBeCloseTo(0.05, 13);
    expect(twoSidedP(3.290526731491926)).toBeCloseTo(0.001, 13);
    expect(twoSidedP(5) / (2 * 2.866515718791939e-7)).toBeCloseTo(1, 10);
    expect(twoSidedP(8) / (2 * 6.220960574271784e-16)).toBeCloseTo(1, 10);
  });

  it('Benjamini–Hochberg keeps the largest k with p(k) ≤ kα/m, and all below it', () => {
    // Sorted 0.01 ≤ 0.0125 ✓; 0.03 > 0.025; 0.04 > 0.0375; 0.2 > 0.05: only the first.
    expect(benjaminiHochberg([0.01, 0.04, 0.03, 0.2], 0.05)).toEqual([true, false, false, false]);
    // 0.04 ≤ 4·0.05/4: the fourth passes, so all four do.
    expect(benjaminiHochberg([0.04, 0.01, 0.03, 0.02], 0.05)).toEqual([true, true, true, true]);
    // 0.012 ≤ 0.0125 ✓, 0.03 > 0.025, 0.036 ≤ 0.0375 ✓ (k = 3): the first three, 0.03 among them.
    expect(benjaminiHochberg([0.012, 0.03, 0.036, 0.9], 0.05)).toEqual([true, true, true, false]);
  });

  it('a step’s levels: the strictest corrected level each cell passes', () => {
    // One cell at z = 3 among nine at 0: p = 0.0027 ≤ 0.01/10 → no; ≤ 0.05/10 = 0.005 → 95.
    expect(stepLevels([3, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toEqual([95, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('Mann-Kendall', () => {
  it('a rising series of five', () => {
    // S = 10 pairs all rising; Var = 5·4·15/18 = 50/3; Z = (10 − 1)/√(50/3).
    const t = mannKendall([1, 2, 3, 4, 5]);
    expect(t.s).toBe(10);
    expect(t.tau).toBe(1);
    expect(t.z).toBeCloseTo(9 / Math.sqrt(50 / 3), 12);
    expect(t.p).toBeCloseTo(0.0275, 3);
  });

  it('ties reduce the variance', () => {
    // [1, 1, 2]: S = 0 + 1 + 1 = 2; one tie group of 2: Var = (3·2·11 − 2·1·9)/18 = 48/18; Z = 1/√(48/18).
    const t = mannKendall([1, 1, 2]);
    expect(t.s).toBe(2);
    expect(t.z).toBeCloseTo(1 / Math.sqrt(48 / 18), 12);
  });

  it('the published worked example "A Mann-Kendall Example (By Hand)" (Little, College of the Holy Cross)', () => {
    // mathcs.holycross.edu/~little/Montserrat/MannKendallByHand.txt: 14 values, one tied pair (12.9);
    // 72 rising, 18 falling, 1 tied pair of 91 → S = 54; V = 14·13·33/18 − 2·1·9/18; Z = 2.9058;
    // one-sided p ≈ .0018 from the normal table, so two-sided ≈ .0037.
    const t = mannKendall([12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7]);
    expect(t.s).toBe(54);
    expect(t.tau).toBeCloseTo(54 / 91, 12);
    expect(t.z).toBeCloseTo(2.9058, 4);
    expect(t.p / 2).toBeCloseTo(0.0018, 4);
  });

  it('a falling series has a negative S and z', () => {
    const t = mannKendall([5, 4, 4, 2, 1]);
    expect(t.s).toBe(-9);
    expect(t.z).toBeLessThan(0);
  });
});

describe('categories (ArcGIS Pro)', () => {
  const flat: Trend = { s: 0, tau: 0, z: 0, p: 1 };
  const rising: Trend = { s: 40, tau: 0.9, z: 3, p: 0.003 };
  const falling: Trend = { s: -40, tau: -0.9, z: -3, p: 0.003 };
  const H = 1 as const;
  const C = -1 as const;
  const o = 0 as const;
  const ten = (...bins: (-1 | 0 | 1)[]) => bins;

  it('hot at the last step only, never before: new', () => {
    expect(categorize(ten(o, o, o, o, o, o, o, o, o, H), flat)).toEqual({ kind: 'hot', pattern: 'new' });
  });
  it('one final run of two or more, never hot before it, under 90%: consecutive', () => {
    expect(categorize(ten(o, o, o, o, o, o, o, H, H, H), flat)).toEqual({ kind: 'hot', pattern: 'consecutive' });
  });
  it('hot in 90% of steps including the last: intensifying, persistent or diminishing by the trend', () => {
    const bins = ten(o, H, H, H, H, H, H, H, H, H);
    expect(categorize(bins, rising)).toEqual({ kind: 'hot', pattern: 'intensifying' });
    expect(categorize(bins, flat)).toEqual({ kind: 'hot', pattern: 'persistent' });
    expect(categorize(bins, falling)).toEqual({ kind: 'hot', pattern: 'diminishing' });
  });
  it('hot at the last step, on and off before, never cold: sporadic', () => {
    expect(categorize(ten(H, o, o, H, o, o, o, o, o, H), flat)).toEqual({ kind: 'hot', pattern: 'sporadic' });
  });
  it('hot at the last step, cold at some step before: oscillating', () => {
    expect(categorize(ten(C, o, o, H, o, o, o, o, o, H), flat)).toEqual({ kind: 'hot', pattern: 'oscillating' });
  });
  it('not hot at the last step but in 90% of them: historical', () => {
    expect(categorize(ten(H, H, H, H, H, H, H, H, H, o), flat)).toEqual({ kind: 'hot', pattern: 'historical' });
  });
  it('the cold counterparts, and no pattern', () => {
    expect(categorize(ten(o, o, o, o, o, o, o, o, o, C), flat)).toEqual({ kind: 'cold', pattern: 'new' });
    // Cold in 90%, the z-scores falling: the cold spot intensifies.
    expect(categorize(ten(o, C, C, C, C, C, C, C, C, C), falling)).toEqual({ kind: 'cold', pattern: 'intensifying' });
    expect(categorize(ten(H, o, o, C, o, o, o, o, o, C), flat)).toEqual({ kind: 'cold', pattern: 'oscillating' });
    expect(categorize(ten(H, o, o, o, o, o, o, o, o, o), flat)).toEqual({ kind: 'none' });
  });
});

/**
 * Seasonal baselines of a post's monthly figures: what a month is expected to hold, from the same
 * calendar month of the previous years that the post reported, and whether it is unusual.
 *
 * A month is one of three things: reported with seizures, a nil report (reported, nothing seized:
 * a true zero) or no report (unknown: never a zero). Only reported months, nil reports included,
 * make a baseline; a month with no report is neither counted in a baseline nor flagged.
 */
import { addYears } from '@/lib/time/dates';

export type ReportStatus = 'seizures' | 'nil' | 'none';

export interface PostMonth {
  /** First day of the month, YYYY-MM-01. */
  month: string;
  status: ReportStatus;
  count: number;
  kgEq: number;
}

export interface BaselineRule {
  /** How many previous years of the same calendar month make the baseline. */
  years: number;
  /** Reported years a baseline needs before a month is flagged. */
  minYears: number;
  /** A month is flagged only where the expected count is at least this (small counts move by chance). */
  minExpected: number;
}

export const BASELINE_RULE: BaselineRule = { years: 3, minYears: 2, minExpected: 5 };

export interface Band {
  /** Median of the reported years' figures. */
  expected: number;
  low: number;
  high: number;
}

export interface MonthBaseline {
  month: string;
  status: ReportStatus;
  count: number;
  kgEq: number;
  /** The same calendar month of the previous `years` years that were reported, oldest first. */
  basis: string[];
  /** Null when no previous year of that month was reported. */
  countBand: Band | null;
  kgBand: Band | null;
  /** Unusually high or low against the count band, by the rule; null when not flagged. */
  flag: 'high' | 'low' | null;
}

function band(values: readonly number[]): Band | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const expected = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { expected, low: sorted[0], high: sorted[sorted.length - 1] };
}

/**
 * The baseline and flag of every month of a post's series (any order; months absent from it count
 * as no report). The flag: the month was reported, its band rests on at least `minYears` reported
 * years, the expected count is at least `minExpected`, and the count lies outside the band.
 */
export function seasonalBaselines(series: readonly PostMonth[], rule: BaselineRule = BASELINE_RULE): MonthBaseline[] {
  const byMonth = new Map(series.map((m) => [m.month, m]));
  return series.map((m) => {
    const basis: PostMonth[] = [];
    for (let y = rule.years; y >= 1; y--) {
      const before = byMonth.get(addYears(m.month, -y));
      if (before && before.status !== 'none') basis.push(before);
    }
    const countBand = band(basis.map((b) => b.count));
    const kgBand = band(basis.map((b) => b.kgEq));
    const judged = m.status !== 'none' && countBand !== null && basis.length >= rule.minYears && countBand.expected >= rule.minExpected;
    const flag = !judged ? null : m.count > countBand.high ? 'high' : m.count < countBand.low ? 'low' : null;
    return { month: m.month, status: m.status, count: m.count, kgEq: m.kgEq, basis: basis.map((b) => b.month), countBand, kgBand, flag };
  });
}

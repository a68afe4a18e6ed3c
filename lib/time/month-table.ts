/**
 * A monthly series (period × substance rows from /api/timeseries) arranged for charts: every month
 * from the first to the last present (gaps filled with zeros), each with its per-substance figures.
 * Withheld rows (aggregates-only accounts) add nothing to the figures; each month counts them.
 */
import type { SeriesPoint as ApiSeriesPoint } from '@/lib/api/api-types';
import { monthEnd, monthStart } from './dates';

/** What a month row is built from: a series point (lib/api/api-types.ts) without its value. */
type SeriesPoint = Pick<ApiSeriesPoint, 'period' | 'substance' | 'count' | 'kgEq'>;

export interface MonthRow {
  /** First day of the month, YYYY-MM-DD. */
  month: string;
  count: number;
  kgEq: number;
  bySubstance: Record<string, { count: number; kgEq: number }>;
  /** Substances whose figures this month are withheld (not in `count`, `kgEq` or `bySubstance`). */
  withheld: number;
}

export function monthTable(points: SeriesPoint[]): MonthRow[] {
  if (points.length === 0) return [];
  const byMonth = new Map<string, MonthRow>();
  for (const p of points) {
    const month = p.period.slice(0, 7) + '-01';
    const row = byMonth.get(month) ?? { month, count: 0, kgEq: 0, bySubstance: {}, withheld: 0 };
    byMonth.set(month, row);
    if (p.count === null || p.kgEq === null) {
      row.withheld++;
      continue;
    }
    row.count += p.count;
    row.kgEq += p.kgEq;
    const s = (row.bySubstance[p.substance] ??= { count: 0, kgEq: 0 });
    s.count += p.count;
    s.kgEq += p.kgEq;
  }
  const months = [...byMonth.keys()].sort();
  const rows: MonthRow[] = [];
  for (let m = months[0]; m <= months[months.length - 1]; m = monthStart(m, 1)) {
    rows.push(byMonth.get(m) ?? { month: m, count: 0, kgEq: 0, bySubstance: {}, withheld: 0 });
  }
  return rows;
}

/**
 * Totals of the months whose first day lies in [from, to] (null bounds = open); exact for
 * month-aligned periods, and a lower bound where figures are withheld (`withheld` > 0).
 */
export function totalsWithin(rows: MonthRow[], from: string | null, to: string | null): { count: number; kgEq: number; withheld: number } {
  let count = 0;
  let kgEq = 0;
  let withheld = 0;
  for (const r of rows) {
    if (from && r.month < from) continue;
    if (to && r.month > to) continue;
    count += r.count;
    kgEq += r.kgEq;
    withheld += r.withheld;
  }
  return { count, kgEq, withheld };
}

/** Whether the month starting `month` overlaps [from, to] (null bounds = open). */
export const monthOverlaps = (month: string, from: string | null, to: string | null): boolean =>
  (!from || monthEnd(month) >= from) && (!to || month <= to);

/** Indexes of the first and last rows whose month overlaps [from, to]; -1 where there is none. */
export function monthSpan(rows: MonthRow[], from: string | null, to: string | null): [first: number, last: number] {
  return [rows.findIndex((r) => monthOverlaps(r.month, from, null)), rows.findLastIndex((r) => monthOverlaps(r.month, null, to))];
}

/**
 * Where the series becomes dense: the first month with at least a fifth of the median count of
 * the months that have seizures. A few early events (one public seizure in 2012, the next in 2016)
 * then stay out of the chart and the playback instead of taking half their width. 0 when the
 * series is dense from its start; for an empty series too.
 */
export function denseStart(rows: readonly Pick<MonthRow, 'count'>[]): number {
  const counts = rows.map((r) => r.count).filter((c) => c > 0);
  if (counts.length === 0) return 0;
  const sorted = [...counts].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  const index = rows.findIndex((r) => r.count > 0 && r.count >= median / 5);
  return Math.max(0, index);
}

/**
 * The first month a chart of `rows` shows: where the data becomes dense (denseStart), or the
 * period's own first month when the period starts earlier.
 */
export function chartStart(rows: readonly MonthRow[], from: string | null): number {
  const dense = denseStart(rows);
  if (from === null) return dense;
  const first = rows.findIndex((r) => r.month >= monthStart(from));
  return Math.min(dense, Math.max(0, first));
}

/**
 * Splits a period between the monthly rollups and the raw table: whole months inside the period
 * come from a rollup; the days of a partial first or last month come from `seizures`.
 */
import { addDays, isMonthEnd, isMonthStart, monthStart, type DateRange } from '@/lib/time/dates';

export interface RollupPlan {
  /** Months (first days, inclusive) a rollup answers; null bounds are open; null: no whole month. */
  months: DateRange<string | null> | null;
  /** Day ranges the raw table answers. */
  raw: DateRange<string | null>[];
}

/** Whole months of `period` for a rollup, plus the raw edge days; a period inside one month is raw only. */
export function planRollup(period: DateRange<string | null>): RollupPlan {
  const { from, to } = period;
  // First whole month on or after `from`; last whole month on or before `to` (as first days).
  const firstWhole = from === null ? null : isMonthStart(from) ? from : monthStart(from, 1);
  const lastWhole = to === null ? null : isMonthEnd(to) ? monthStart(to) : monthStart(to, -1);
  if (firstWhole !== null && lastWhole !== null && firstWhole > lastWhole) return { months: null, raw: [period] };
  const raw: DateRange<string | null>[] = [];
  if (from !== null && firstWhole !== null && !isMonthStart(from)) raw.push({ from, to: addDays(firstWhole, -1) });
  if (to !== null && !isMonthEnd(to)) raw.push({ from: monthStart(to), to });
  return { months: { from: firstWhole, to: lastWhole }, raw };
}

/**
 * Seasonal baselines and reporting completeness of every post the account sees, over the filters'
 * period (whole months; with no period, the 24 months up to the latest month with data): each
 * month's status and figures against the same month of the three years before (listPostMonths, then
 * lib/analysis/seasonal-baseline.ts).
 */
import type { Db } from '@/db/client';
import { listPostMonths } from './list-post-months';
import { dataThrough } from './get-summary';
import type { ScopedFilters } from '@/lib/access/country-scope';
import { isSmall } from '@/lib/access/suppression';
import type { BaselineMonth, BaselinesAnswer } from '@/lib/api/api-types';
import { BASELINE_RULE, seasonalBaselines, type BaselineRule } from '@/lib/analysis/seasonal-baseline';
import { completeness } from '@/lib/analysis/completeness';
import { monthEnd, monthStart, type DateRange } from '@/lib/time/dates';

/** Months shown when the filters name no start. */
const DEFAULT_MONTHS = 24;

/**
 * The whole months a post-by-month answer covers: the filters' period, or with no start the
 * DEFAULT_MONTHS months up to the latest month with data; null when there is no data.
 */
export async function postMonthsPeriod(db: Db, filters: ScopedFilters): Promise<DateRange | null> {
  const through = filters.to ?? (await dataThrough(db, filters))?.on ?? null;
  if (through === null) return null;
  const to = monthStart(through);
  return { from: monthStart(filters.from ?? monthStart(to, 1 - DEFAULT_MONTHS)), to: monthEnd(to) };
}

/** A count as an account may see it: one built from fewer seizures than an aggregates-only account's minimum is withheld. */
export const shownCount =
  (filters: ScopedFilters) =>
  (n: number | undefined | null): number | null =>
    n === undefined || n === null ? null : filters.detail.level === 'aggregates' && isSmall(n, filters.detail.minCount) ? null : n;

/** A count and its kg-eq as an account may see them: the kg-eq of a withheld count is withheld with it. */
export const shownFigures = (filters: ScopedFilters) => {
  const shown = shownCount(filters);
  return (count: number, kgEq: number): { count: number | null; kgEq: number | null } => {
    const countShown = shown(count);
    return { count: countShown, kgEq: countShown === null && count > 0 ? null : kgEq };
  };
};

export async function getBaselines(db: Db, filters: ScopedFilters, rule: BaselineRule = BASELINE_RULE): Promise<BaselinesAnswer> {
  const period = await postMonthsPeriod(db, filters);
  if (period === null) return { rule, period: null, posts: [], completeness: completeness([], [], new Map()) };
  const { from } = period;
  const history = await listPostMonths(db, filters, { from: monthStart(from, -12 * rule.years), to: period.to });
  const shown = shownCount(filters);
  const figures = shownFigures(filters);
  const posts = [...history].map(([code, months]) => {
    const shownMonths: BaselineMonth[] = seasonalBaselines(months, rule)
      .filter((m) => m.month >= from)
      .map((m) => ({
        month: m.month,
        status: m.status,
        ...figures(m.count, m.kgEq),
        expected: shown(m.countBand?.expected),
        low: shown(m.countBand?.low),
        high: shown(m.countBand?.high),
        years: m.basis.length,
        flag: m.flag,
      }));
    return {
      code,
      months: shownMonths,
      latest: shownMonths.at(-1) ?? null,
      reported: shownMonths.filter((m) => m.status !== 'none').length,
    };
  });
  const periodMonths = posts[0]?.months.map((m) => m.month) ?? [];
  const statuses = new Map(posts.map((p) => [p.code, new Map(p.months.map((m) => [m.month, m.status]))]));
  return {
    rule,
    period,
    posts,
    completeness: completeness(
      posts.map((p) => p.code),
      periodMonths,
      statuses,
    ),
  };
}

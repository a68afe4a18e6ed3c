/**
 * Paired posts: each pair of posts facing each other across a border, both sides month by month
 * under the same filters (attributed to their nearest post, as the baselines are), with their totals
 * over the period and the previous period of the same length and how many months each reported.
 */
import { isNotNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { blos } from '@/db/schema';
import { listPostMonths } from './list-post-months';
import { postMonthsPeriod, shownFigures } from './get-baselines';
import type { ScopedFilters } from '@/lib/access/country-scope';
import type { PairMonth, PairSide, PairsAnswer } from '@/lib/api/api-types';
import type { PostMonth } from '@/lib/analysis/seasonal-baseline';
import { monthEnd, monthStart, wholeMonths } from '@/lib/time/dates';

export async function getPairs(db: Db, filters: ScopedFilters): Promise<PairsAnswer> {
  const period = await postMonthsPeriod(db, filters);
  if (period === null) return { period: null, previous: null, pairs: [] };
  const length = wholeMonths(period.from, period.to)!;
  const previous = { from: monthStart(period.from, -length), to: monthEnd(period.from, -1) };
  const [history, pairRows] = await Promise.all([
    listPostMonths(db, filters, { from: previous.from, to: period.to }),
    db
      .select({ code: blos.code, partner: sql<string>`${blos.pairedCode}` })
      .from(blos)
      .where(isNotNull(blos.pairedCode))
      .orderBy(blos.code),
  ]);
  const figures = shownFigures(filters);
  const total = (months: readonly PostMonth[]) =>
    figures(
      months.reduce((n, m) => n + m.count, 0),
      months.reduce((n, m) => n + m.kgEq, 0),
    );
  const side = (code: string): PairSide | null => {
    const months = history.get(code);
    if (!months) return null;
    const now = months.filter((m) => m.month >= period.from);
    const before = months.filter((m) => m.month < period.from);
    return {
      code,
      months: now.map((m): PairMonth => ({ month: m.month, status: m.status, ...figures(m.count, m.kgEq) })),
      ...total(now),
      previous: total(before),
      reported: now.filter((m) => m.status !== 'none').length,
      reportedBefore: before.filter((m) => m.status !== 'none').length,
    };
  };
  const pairs = pairRows
    .filter((r) => r.code < r.partner)
    .map((r) => ({ a: side(r.code), b: side(r.partner) }))
    .filter((p) => p.a !== null || p.b !== null);
  // Busiest pairs first; a pair's withheld sides count as nothing here.
  const weight = (p: (typeof pairs)[number]) => (p.a?.count ?? 0) + (p.b?.count ?? 0);
  pairs.sort((x, y) => weight(y) - weight(x));
  return { period, previous, pairs };
}

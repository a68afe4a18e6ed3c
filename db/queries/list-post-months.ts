/**
 * Each post's months over a period: whether it reported (seizures, a nil report declared by an
 * import's coverage, or no report) and its figures under the filters. A month counts as reported
 * with seizures when the post has any seizure in it, whatever the other filters (a month with only
 * hashish is a reported month with zero heroin); the figures follow every filter but the period,
 * which is the whole months of `period`.
 */
import { and, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { blos, importBatches, reportingCoverage } from '@/db/schema';
import { rowsOf } from '@/db/result-rows';
import { monthlySource } from './monthly-source';
import { everythingVisible, scopeCondition, visibleAt } from './filter-conditions';
import type { ScopedFilters } from '@/lib/access/country-scope';
import type { PostMonth } from '@/lib/analysis/seasonal-baseline';
import { monthEnd, monthsIn, type DateRange } from '@/lib/time/dates';

/** Coverage declared by synthetic batches counts where synthetic seizures are shown, the rest where real ones are. */
function coverageOfKind(synthetic: ScopedFilters['synthetic']): SQL {
  if (synthetic === 'include') return sql`true`;
  const kind = sql`(SELECT ${importBatches.kind} FROM ${importBatches} WHERE ${importBatches.id} = ${reportingCoverage.batchId})`;
  return synthetic === 'only' ? sql`${kind} = 'synthetic'` : sql`${kind} <> 'synthetic'`;
}

/**
 * Post code → its months, oldest first, every month of `period` present. With `figures: false`
 * only the statuses are read (counts and kg-eq are 0).
 */
export async function listPostMonths(
  db: Db,
  filters: ScopedFilters,
  period: DateRange,
  { figures: withFigures = true } = {},
): Promise<Map<string, PostMonth[]>> {
  const months = monthsIn(period.from, period.to);
  const whole = { from: months[0], to: monthEnd(months[months.length - 1]) };
  const [posts, figures, seized, covered] = await Promise.all([
    db.execute(sql`SELECT ${blos.code} AS code FROM ${blos} WHERE ${scopeCondition(filters.scope, blos.country)} ORDER BY ${blos.code}`),
    withFigures
      ? db.execute(sql`
      SELECT nearest_blo AS post, to_char(month, 'YYYY-MM-DD') AS month, sum(n)::int AS n, sum(kg_eq)::float8 AS kg
        FROM ${monthlySource({ ...filters, ...whole }, whole, ['month', 'nearest_blo'])}
       GROUP BY 1, 2`)
      : [],
    db.execute(sql`
      SELECT nearest_blo AS post, to_char(month, 'YYYY-MM-DD') AS month
        FROM ${monthlySource(everythingVisible(filters), whole, ['month', 'nearest_blo'])}
       GROUP BY 1, 2
      HAVING sum(n) > 0`),
    db.execute(sql`
      SELECT DISTINCT ${reportingCoverage.post} AS post, to_char(${reportingCoverage.month}, 'YYYY-MM-DD') AS month
        FROM ${reportingCoverage}
       WHERE ${and(
         sql`${reportingCoverage.month} BETWEEN ${whole.from}::date AND ${whole.to}::date`,
         visibleAt(filters.asOf, reportingCoverage.addedIn, reportingCoverage.removedIn),
         coverageOfKind(filters.synthetic),
       )}`),
  ]);
  type Row = { post: string; month: string; n?: number; kg?: number };
  const key = (r: Row) => `${String(r.post)} ${String(r.month)}`;
  const figure = new Map(rowsOf<Row>(figures).map((r) => [key(r), { count: Number(r.n), kgEq: Number(r.kg) }]));
  const withSeizures = new Set(rowsOf<Row>(seized).map(key));
  const nil = new Set(rowsOf<Row>(covered).map(key));
  return new Map(
    rowsOf<{ code: string }>(posts).map(({ code }) => [
      String(code),
      months.map((month) => {
        const k = `${code} ${month}`;
        const { count, kgEq } = figure.get(k) ?? { count: 0, kgEq: 0 };
        return { month, status: withSeizures.has(k) ? 'seizures' : nil.has(k) ? 'nil' : 'none', count, kgEq } satisfies PostMonth;
      }),
    ]),
  );
}

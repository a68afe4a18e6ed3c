/**
 * The one way to read a rollup: whole months from the first rollup that can filter by every filter
 * set, the partial first and last months from `seizures` (see rollup-plan.ts), as one UNION ALL
 * subquery `(…) AS src` whose rows callers group further (a group may appear once from the rollup and
 * once per raw edge). With no fitting rollup, or `useRollup: false`, the raw table answers alone:
 * the tests compare the two.
 *
 * The rollups hold the current rows, summed by the data version that added them. As of an earlier
 * version V (filters.asOf), the rollup rows added up to V, plus the rows of V removed since (read
 * from `seizures` through the index on removed_in), are exactly the rows V held: every figure is
 * exact, dates included, and the cost is what later versions removed, not the size of the table.
 */
import { and, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { monthEnd, type DateRange } from '@/lib/time/dates';
import type { ScopedFilters } from '@/lib/access/country-scope';
import { seizures } from '@/db/schema';
import { canFilter, filterConditions, type FilterColumns } from './filter-conditions';
import { planRollup } from './rollup-plan';

/** A table kept by the rollup refresh (migration 0013): what it sums by, as filter columns. */
export interface Rollup {
  table: PgTable;
  /** The data version that added the rows a rollup row sums. */
  addedIn: AnyColumn;
  /** First day of the month a row sums; null for a rollup over all time, which answers only an unbounded period. */
  month: AnyColumn | null;
  columns: FilterColumns;
}

export interface SourceOptions {
  useRollup?: boolean;
}

export interface RollupQuery<R extends Rollup> {
  /** The rollups that keep what the caller needs (dimensions, resolution, radius), preferred first. */
  rollups: readonly R[];
  /** The select list of rollup rows, naming its columns as `rawColumns` does. */
  rollupColumns(rollup: R): SQL;
  /** Conditions of the caller's own on rollup rows (a BLO and ring). */
  rollupWhere?: SQL;
  /** The same columns aggregated from `seizures`, and their grouping. */
  rawColumns: SQL;
  rawGroupBy: SQL;
  /** Conditions of the caller's own on raw rows (a distance). */
  rawWhere?: SQL;
}

/** `(SELECT … FROM <rollup> UNION ALL SELECT … FROM seizures …) AS src` for `filters` over `period`. */
export function rollupSource<R extends Rollup>(
  query: RollupQuery<R>,
  filters: ScopedFilters,
  period: DateRange<string | null>,
  options: SourceOptions = {},
): SQL {
  const plan = planRollup(period);
  const { months } = plan;
  const allTime = months !== null && months.from === null && months.to === null;
  const { asOf } = filters;
  const rollup =
    options.useRollup === false || months === null
      ? undefined
      : query.rollups.find((r) => (r.month !== null || allTime) && canFilter(filters, r.columns));
  const raw = rollup ? plan.raw : [period];
  const parts: SQL[] = [];
  if (rollup && months) {
    const conditions = [
      query.rollupWhere,
      filterConditions(filters, { from: null, to: null }, rollup.columns),
      rollup.month && months.from ? sql`${rollup.month} >= ${months.from}` : undefined,
      rollup.month && months.to ? sql`${rollup.month} <= ${months.to}` : undefined,
      asOf === null ? undefined : sql`${rollup.addedIn} <= ${asOf}`,
    ].filter((c): c is SQL => c !== undefined);
    parts.push(sql`
      SELECT ${query.rollupColumns(rollup)}
        FROM ${rollup.table}
       WHERE ${conditions.length ? sql.join(conditions, sql` AND `) : sql`true`}`);
    if (asOf !== null) {
      // The rows `asOf` held that later versions removed, over the rollup's whole months.
      const wholeMonths = { from: months.from, to: months.to === null ? null : monthEnd(months.to) };
      parts.push(sql`
      SELECT ${query.rawColumns}
        FROM ${seizures}
       WHERE ${and(sql`${seizures.removedIn} > ${asOf}`, query.rawWhere, filterConditions(filters, wholeMonths))}
       GROUP BY ${query.rawGroupBy}`);
    }
  }
  for (const range of raw) {
    parts.push(sql`
      SELECT ${query.rawColumns}
        FROM ${seizures}
       WHERE ${and(query.rawWhere, filterConditions(filters, range)) ?? sql`true`}
       GROUP BY ${query.rawGroupBy}`);
  }
  return sql`(${sql.join(parts, sql` UNION ALL `)}) AS src`;
}

/** Whether one of `rollups` can filter by every filter set (the period aside): what a caller checks before choosing a rollup-shaped answer. */
export const rollupCanAnswer = (rollups: readonly Rollup[], filters: ScopedFilters): boolean =>
  rollups.some((r) => canFilter(filters, r.columns));

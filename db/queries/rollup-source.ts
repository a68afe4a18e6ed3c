/**
 * The one way to read a rollup: whole months from the first rollup that can filter by every filter
 * set, the partial first and last months from `seizures` (see rollup-plan.ts), as one UNION ALL
 * subquery `(…) AS src` whose rows callers group further (a group may appear once from the rollup and
 * once per raw edge). With no fitting rollup, or `useRollup: false`, the raw table answers alone:
 * the tests compare the two.
 *
 * The rollups hold the current data. For a data version `asof` (filters.asOf), the (month,
 * substance) slices that later versions changed (`data_version_slices`) are read from `seizures`
 * as they stood at that version, and every other slice from the rollup: exact, and as cheap as the
 * later changes are small. The all-time rollups have no month to split by and are skipped then.
 */
import { and, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DateRange } from '@/lib/time/dates';
import type { ScopedFilters } from '@/lib/access/country-scope';
import { dataVersionSlices, seizures } from '@/db/schema';
import { canFilter, filterConditions, type FilterColumns } from './filter-conditions';
import { planRollup } from './rollup-plan';

/** A table kept by the rollup refresh (migration 0009): what it sums by, as filter columns. */
export interface Rollup {
  table: PgTable;
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
      : query.rollups.find((r) => (r.month !== null || (allTime && asOf === null)) && canFilter(filters, r.columns));
  const raw = rollup ? plan.raw : [period];
  const parts: SQL[] = [];
  if (rollup && months) {
    const conditions = [
      query.rollupWhere,
      filterConditions(filters, { from: null, to: null }, rollup.columns),
      rollup.month && months.from ? sql`${rollup.month} >= ${months.from}` : undefined,
      rollup.month && months.to ? sql`${rollup.month} <= ${months.to}` : undefined,
      rollup.month && asOf !== null ? sql`NOT EXISTS (${changedSlice(asOf, rollup.month, rollupSubstance(rollup))})` : undefined,
    ].filter((c): c is SQL => c !== undefined);
    parts.push(sql`
      SELECT ${query.rollupColumns(rollup)}
        FROM ${rollup.table}
       WHERE ${conditions.length ? sql.join(conditions, sql` AND `) : sql`true`}`);
    if (asOf !== null) {
      // The slices changed after `asOf`, within the rollup's months, from the rows of that version.
      const inMonths = and(
        sql`${dataVersionSlices.version} > ${asOf}`,
        months.from ? sql`${dataVersionSlices.month} >= ${months.from}` : undefined,
        months.to ? sql`${dataVersionSlices.month} <= ${months.to}` : undefined,
      );
      parts.push(sql`
      SELECT ${query.rawColumns}
        FROM ${seizures}
        JOIN (SELECT DISTINCT ${dataVersionSlices.month} AS month, ${dataVersionSlices.substance} AS substance
                FROM ${dataVersionSlices} WHERE ${inMonths}) changed
          ON ${seizures.substance} = changed.substance AND ${seizures.seizedOn} >= changed.month
         AND ${seizures.seizedOn} < (changed.month + interval '1 month')::date
       WHERE ${and(query.rawWhere, filterConditions(filters, { from: null, to: null })) ?? sql`true`}
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

/** The substance column of a rollup: every rollup sums by substance. */
function rollupSubstance(rollup: Rollup): AnyColumn {
  if (!rollup.columns.substance) throw new Error('a rollup without a substance column cannot answer an asof');
  return rollup.columns.substance;
}

/** `SELECT 1 …` when a version after `asOf` changed the slice of (`month`, `substance`). */
const changedSlice = (asOf: number, month: AnyColumn, substance: AnyColumn): SQL => sql`
  SELECT 1 FROM ${dataVersionSlices}
   WHERE ${dataVersionSlices.version} > ${asOf} AND ${dataVersionSlices.month} = ${month} AND ${dataVersionSlices.substance} = ${substance}`;

/** Whether one of `rollups` can filter by every filter set (the period aside): what a caller checks before choosing a rollup-shaped answer. */
export const rollupCanAnswer = (rollups: readonly Rollup[], filters: ScopedFilters): boolean =>
  rollups.some((r) => canFilter(filters, r.columns));

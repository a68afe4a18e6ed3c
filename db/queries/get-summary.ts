import { sql } from 'drizzle-orm';
import { relativeChange as change, type SummaryAnswer } from '@/lib/api/api-types';
import type { Db } from '@/db/client';
import { rowsOf } from '@/db/result-rows';
import type { DateRange } from '@/lib/time/dates';
import { monthlySource } from './monthly-source';
import type { SourceOptions } from './rollup-source';
import { comparisonPeriod } from '@/lib/url/filters';
import { seizures } from '@/db/schema';
import { everythingVisible, filterConditions } from './filter-conditions';
import { monthEnd } from '@/lib/time/dates';
import type { DataThrough } from '@/lib/api/api-types';
import type { ScopedFilters } from '@/lib/access/country-scope';
import { protectSummary, type ExactPeriodSummary } from '@/lib/access/suppression';

async function summarise(
  db: Db,
  filters: ScopedFilters,
  period: DateRange<string | null>,
  options: SourceOptions,
): Promise<ExactPeriodSummary> {
  const result = await db.execute(sql`
    SELECT substance, sum(n)::int AS count, sum(kg_eq) AS kg_eq, sum(value_usd) AS value_usd,
           coalesce(sum(n) FILTER (WHERE synthetic), 0)::int AS synthetic_count
      FROM ${monthlySource(filters, period, ['substance', 'synthetic'], options)}
     GROUP BY substance
     ORDER BY substance`);
  const rows = rowsOf<Record<string, unknown>>(result).map((r) => ({
    substance: String(r.substance),
    count: Number(r.count),
    kgEq: Number(r.kg_eq),
    valueUsd: Number(r.value_usd),
    syntheticCount: Number(r.synthetic_count),
  }));
  const sum = (k: 'count' | 'kgEq' | 'valueUsd' | 'syntheticCount') => rows.reduce((t, r) => t + r[k], 0);
  return {
    period,
    count: sum('count'),
    kgEq: sum('kgEq'),
    valueUsd: sum('valueUsd'),
    syntheticCount: sum('syntheticCount'),
    bySubstance: rows.map(({ substance, count, kgEq, valueUsd }) => ({ substance, count, kgEq, valueUsd })),
  };
}

/**
 * The latest seizure's day among all the account may see at the filters' data version, synthetic
 * ones as the filters say (the other filters aside): how recent the data is. The newest first
 * through the index on seized_on.
 */
export async function dataThrough(db: Db, filters: ScopedFilters): Promise<DataThrough | null> {
  const [row] = rowsOf<{ on: string | null }>(
    await db.execute(
      sql`SELECT max(${seizures.seizedOn})::text AS on FROM ${seizures} WHERE ${filterConditions(everythingVisible(filters))}`,
    ),
  );
  if (!row?.on) return null;
  // A single seizure's date is not shown to an account that sees aggregates only: its month is.
  return filters.detail.level === 'aggregates' ? { on: monthEnd(row.on), precision: 'month' } : { on: row.on, precision: 'day' };
}

/** Count, kg-eq and value, by substance, for the filters and for their comparison period; how recent the data is. */
export async function getSummary(db: Db, filters: ScopedFilters, options: SourceOptions = {}): Promise<SummaryAnswer> {
  const previous = comparisonPeriod(filters);
  // Both periods at once: on a server they run on two connections in parallel.
  const [current, comparison, through] = await Promise.all([
    summarise(db, filters, { from: filters.from, to: filters.to }, options),
    previous ? summarise(db, filters, previous, options) : null,
    dataThrough(db, filters),
  ]);
  if (filters.detail.level === 'aggregates') return protectSummary(current, comparison, filters.detail.minCount, through);
  return {
    ...current,
    dataThrough: through,
    comparison,
    change: comparison
      ? {
          count: change(current.count, comparison.count),
          kgEq: change(current.kgEq, comparison.kgEq),
          valueUsd: change(current.valueUsd, comparison.valueUsd),
        }
      : null,
  };
}

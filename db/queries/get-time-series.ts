import { asc, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { seizures } from '../schema';
import { rowsOf } from '../result-rows';
import { filterConditions, totals } from './filter-conditions';
import { monthlySource, type SourceOptions } from './monthly-source';
import type { Filters } from '../../lib/filters';
import type { TimeInterval as Interval } from '../../lib/vocabulary';

export type { TimeInterval as Interval } from '../../lib/vocabulary';

export interface TimeSeriesPoint {
  /** First day of the bucket, YYYY-MM-DD (weeks start on Monday, ISO). */
  period: string;
  substance: string;
  count: number;
  kgEq: number;
  valueUsd: number;
}

/** Totals per bucket per substance, in date order; buckets without seizures are absent. */
export async function getTimeSeries(db: Db, filters: Filters, interval: Interval = 'month', options: SourceOptions = {}): Promise<TimeSeriesPoint[]> {
  if (interval === 'month') {
    const result = await db.execute(sql`
      SELECT to_char(month, 'YYYY-MM-DD') AS period, substance, sum(n)::int AS count, sum(kg_eq) AS kg_eq, sum(value_usd) AS value_usd
        FROM ${monthlySource(filters, filters, ['month', 'substance'], options)}
       GROUP BY month, substance
       ORDER BY month, substance`);
    return rowsOf<Record<string, unknown>>(result).map((r) => ({
      period: String(r.period),
      substance: String(r.substance),
      count: Number(r.count),
      kgEq: Number(r.kg_eq),
      valueUsd: Number(r.value_usd),
    }));
  }
  // `interval` is one of three literals checked above this layer; map to SQL text, never splice input.
  const unit = sql.raw({ week: `'week'`, day: `'day'` }[interval]);
  const bucket = sql<string>`to_char(date_trunc(${unit}, ${seizures.seizedOn}::timestamp), 'YYYY-MM-DD')`;
  return db
    .select({ period: bucket, substance: seizures.substance, ...totals })
    .from(seizures)
    .where(filterConditions(filters))
    .groupBy(bucket, seizures.substance)
    .orderBy(asc(bucket), asc(seizures.substance));
}

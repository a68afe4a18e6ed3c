import { asc, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { seizures } from '../schema';
import { filterConditions, totals } from './filter-conditions';
import type { Filters } from '../../lib/filters';

export const INTERVALS = ['month', 'week', 'day'] as const;
export type Interval = (typeof INTERVALS)[number];

export interface TimeSeriesPoint {
  /** First day of the bucket, YYYY-MM-DD (weeks start on Monday, ISO). */
  period: string;
  substance: string;
  count: number;
  kgEq: number;
  valueUsd: number;
}

/** Totals per bucket per substance, in date order; buckets without seizures are absent. */
export async function getTimeSeries(db: Db, filters: Filters, interval: Interval = 'month'): Promise<TimeSeriesPoint[]> {
  // `interval` is one of three literals checked above this layer; map to SQL text, never splice input.
  const unit = sql.raw({ month: `'month'`, week: `'week'`, day: `'day'` }[interval]);
  const bucket = sql<string>`to_char(date_trunc(${unit}, ${seizures.seizedOn}::timestamp), 'YYYY-MM-DD')`;
  return db
    .select({ period: bucket, substance: seizures.substance, ...totals })
    .from(seizures)
    .where(filterConditions(filters))
    .groupBy(bucket, seizures.substance)
    .orderBy(asc(bucket), asc(seizures.substance));
}

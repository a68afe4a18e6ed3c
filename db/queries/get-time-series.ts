import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { seizures } from '@/db/schema';
import { rowsOf } from '@/db/result-rows';
import { filterConditions } from './filter-conditions';
import { monthlySource } from './monthly-source';
import type { SourceOptions } from './rollup-source';
import type { ScopedFilters } from '@/lib/access/country-scope';
import { protectSeries } from '@/lib/access/suppression';
import { seriesPoints, type SeriesPoint, type SeriesRow } from '@/lib/api/api-types';
import type { TimeInterval as Interval } from '@/lib/catalogue/vocabulary';

export type { TimeInterval as Interval } from '@/lib/catalogue/vocabulary';

/**
 * Totals per bucket per substance in date order, as the JSON text of `SeriesRow[]`; buckets without
 * seizures are absent. The database writes the JSON: a long series (all months × substances) reaches
 * the API as one string instead of a thousand row objects to parse, map and encode again.
 */
export async function getTimeSeriesJson(
  db: Db,
  filters: ScopedFilters,
  interval: Interval = 'month',
  options: SourceOptions = {},
): Promise<string> {
  let buckets;
  if (interval === 'month') {
    buckets = sql`
      SELECT month AS bucket, substance, sum(n) AS n, sum(kg_eq) AS kg_eq, sum(value_usd) AS value_usd
        FROM ${monthlySource(filters, filters, ['month', 'substance'], options)}
       GROUP BY month, substance`;
  } else {
    // `interval` is one of three literals checked above this layer; map to SQL text, never splice input.
    const unit = sql.raw({ week: `'week'`, day: `'day'` }[interval]);
    buckets = sql`
      SELECT date_trunc(${unit}, ${seizures.seizedOn}::timestamp)::date AS bucket, ${seizures.substance} AS substance,
             count(*) AS n, sum(${seizures.kgEq}) AS kg_eq, sum(${seizures.valueUsd}) AS value_usd
        FROM ${seizures}
       WHERE ${filterConditions(filters) ?? sql`true`}
       GROUP BY 1, 2`;
  }
  // float8 prints the shortest text that reads back as the same double: the value JS's Number() gives.
  const result = await db.execute(sql`
    SELECT coalesce(json_agg(json_build_array(to_char(bucket, 'YYYY-MM-DD'), substance, n::int, kg_eq::float8, value_usd::float8)
                             ORDER BY bucket, substance), '[]')::text AS rows
      FROM (${buckets}) b`);
  const rows = String(rowsOf<{ rows: string }>(result)[0].rows);
  return filters.detail.level === 'aggregates'
    ? JSON.stringify(protectSeries(JSON.parse(rows) as SeriesRow[], filters.detail.minCount))
    : rows;
}

/** The same series as objects. */
export async function getTimeSeries(
  db: Db,
  filters: ScopedFilters,
  interval: Interval = 'month',
  options: SourceOptions = {},
): Promise<SeriesPoint[]> {
  return seriesPoints(JSON.parse(await getTimeSeriesJson(db, filters, interval, options)) as SeriesRow[]);
}

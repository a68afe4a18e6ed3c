/**
 * Per-(H3 cell, substance) totals (`rollup-source.ts`). At a resolution ≤ 6 the cell rollups answer
 * when they can filter by every filter set: `seizure_cells_all` over all time, else `seizure_cells`
 * for whole months plus `seizures` for the edge days; finer resolutions read `seizures` alone.
 * Columns: cell, substance, n, kg_eq, value_usd, first_seized_on, last_seized_on, sum_lng, sum_lat.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DateRange } from '@/lib/time/dates';
import type { ScopedFilters } from '@/lib/access/country-scope';
import { seizures } from '@/db/schema';
import { rollupCanAnswer, rollupSource, type SourceOptions } from './rollup-source';
import { CELLS_ALL_TIME_ROLLUP, CELLS_ROLLUP } from './rollups';

/** The H3 resolution the cell rollups keep. */
export const CELL_ROLLUP_RESOLUTION = 6;
const CELL_ROLLUPS = [CELLS_ALL_TIME_ROLLUP, CELLS_ROLLUP];

/** Whether the cell rollups can filter by every filter set (the period aside). */
export const cellRollupsAnswer = (filters: ScopedFilters): boolean => rollupCanAnswer(CELL_ROLLUPS, filters);

export function cellsSource(
  filters: ScopedFilters,
  period: DateRange<string | null>,
  resolution: number,
  options: SourceOptions = {},
): SQL {
  return rollupSource(
    {
      rollups: resolution <= CELL_ROLLUP_RESOLUTION ? CELL_ROLLUPS : [],
      rollupColumns: ({
        table: t,
      }) => sql`h3_parent(${t.cell}, ${resolution}) AS cell, ${t.substance} AS substance, ${t.n} AS n, ${t.kgEq} AS kg_eq,
             ${t.valueUsd} AS value_usd, ${t.firstSeizedOn} AS first_seized_on, ${t.lastSeizedOn} AS last_seized_on,
             ${t.sumLng} AS sum_lng, ${t.sumLat} AS sum_lat`,
      rawColumns: sql`h3_parent(${seizures.cell}, ${resolution}) AS cell, ${seizures.substance} AS substance, count(*)::int AS n,
             sum(${seizures.kgEq}) AS kg_eq, sum(${seizures.valueUsd}) AS value_usd, min(${seizures.seizedOn}) AS first_seized_on,
             max(${seizures.seizedOn}) AS last_seized_on, sum(ST_X(${seizures.geom})) AS sum_lng, sum(ST_Y(${seizures.geom})) AS sum_lat`,
      rawGroupBy: sql`1, 2`,
    },
    filters,
    period,
    options,
  );
}

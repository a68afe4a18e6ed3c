/**
 * A subquery of per-month totals (`rollup-source.ts`) from the smallest monthly rollup that keeps the
 * dimensions asked for (`seizure_monthly_blo`, `seizure_routes_monthly`, `seizure_monthly`) and can
 * filter by every filter set, else from `seizures` alone. Callers group it further.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DateRange } from '@/lib/time/dates';
import type { ScopedFilters } from '@/lib/access/country-scope';
import { seizures } from '@/db/schema';
import { rollupSource, type SourceOptions } from './rollup-source';
import { MONTHLY_BLO_ROLLUP, MONTHLY_ROLLUP, ROUTES_ROLLUP } from './rollups';

/** Dimensions a caller may keep; each maps to a fixed column (never to user text). */
const DIMENSIONS = {
  month: sql`date_trunc('month', ${seizures.seizedOn})::date`,
  substance: sql`${seizures.substance}`,
  synthetic: sql`${seizures.synthetic}`,
  nearest_blo: sql`${seizures.nearestBlo}`,
  origin_country: sql`${seizures.originCountry}`,
  destination_country: sql`${seizures.destinationCountry}`,
} as const;
export type Dimension = keyof typeof DIMENSIONS;

const MONTHLY_DIMENSIONS: readonly Dimension[] = ['month', 'substance', 'synthetic', 'nearest_blo'];

/** The monthly rollups, smallest first; each has the dimensions it lists, under their own names. */
const ROLLUPS = [
  { ...MONTHLY_BLO_ROLLUP, dims: MONTHLY_DIMENSIONS },
  { ...ROUTES_ROLLUP, dims: [...MONTHLY_DIMENSIONS, 'origin_country', 'destination_country'] as readonly Dimension[] },
  { ...MONTHLY_ROLLUP, dims: MONTHLY_DIMENSIONS },
];

/**
 * `(SELECT <dims>, n, kg_eq, value_usd, last_seized_on …) AS src` for the filters over `period`.
 * Rows may repeat a dimension tuple (one from the rollup, one per raw edge): always re-aggregate.
 */
export function monthlySource(
  filters: ScopedFilters,
  period: DateRange<string | null>,
  dims: readonly Dimension[],
  options: SourceOptions = {},
): SQL {
  return rollupSource(
    {
      rollups: ROLLUPS.filter((r) => dims.every((d) => r.dims.includes(d))),
      rollupColumns: ({ table }) => sql`${sql.join(
        dims.map((d) => sql.identifier(d)),
        sql`, `,
      )}, ${table.n} AS n, ${table.kgEq} AS kg_eq,
             ${table.valueUsd} AS value_usd, ${table.lastSeizedOn} AS last_seized_on`,
      rawColumns: sql`${sql.join(
        dims.map((d) => sql`${DIMENSIONS[d]} AS ${sql.identifier(d)}`),
        sql`, `,
      )}, count(*)::int AS n,
             sum(${seizures.kgEq}) AS kg_eq, sum(${seizures.valueUsd}) AS value_usd, max(${seizures.seizedOn}) AS last_seized_on`,
      rawGroupBy: sql.join(
        dims.map((d) => DIMENSIONS[d]),
        sql`, `,
      ),
    },
    filters,
    period,
    options,
  );
}

/**
 * A subquery of per-month totals that reads whole months from a monthly rollup and the rest from
 * `seizures` (see rollup-plan.ts): the smallest rollup that keeps the dimensions asked for and can
 * filter by every filter set (`seizure_monthly_blo`, `seizure_routes_monthly`, `seizure_monthly`),
 * or the raw table alone when none can. Callers group it further. Setting `useRollup: false`
 * answers from the raw table alone: the tests compare the two.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Filters } from '@/lib/url/filters';
import { seizureMonthly, seizureMonthlyBlo, seizureRoutesMonthly, seizures } from '@/db/schema';
import { filterConditions, MONTHLY_BLO_COLUMNS, MONTHLY_COLUMNS, ROUTES_COLUMNS, type FilterColumns, type Period } from './filter-conditions';
import { planRollup } from './rollup-plan';

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

/** The monthly rollups, smallest first; each has the dimensions it lists under their own names. */
const ROLLUPS = [
  { table: seizureMonthlyBlo, columns: MONTHLY_BLO_COLUMNS, dims: MONTHLY_DIMENSIONS },
  { table: seizureRoutesMonthly, columns: ROUTES_COLUMNS, dims: [...MONTHLY_DIMENSIONS, 'origin_country', 'destination_country'] },
  { table: seizureMonthly, columns: MONTHLY_COLUMNS, dims: MONTHLY_DIMENSIONS },
] as const;

/** The smallest rollup that keeps `dims` and can filter by every filter set (the period and raw-only filters aside). */
function rollupFor(filters: Filters, dims: readonly Dimension[]): (typeof ROLLUPS)[number] | undefined {
  const needs = { country: filters.countries.length > 0, transport: filters.transport.length > 0, concealment: filters.concealment.length > 0 };
  return ROLLUPS.find((r) =>
    dims.every((d) => (r.dims as readonly Dimension[]).includes(d)) &&
    (Object.keys(needs) as (keyof typeof needs)[]).every((k) => !needs[k] || r.columns[k]));
}

export interface SourceOptions {
  useRollup?: boolean;
}

/**
 * `(SELECT <dims>, n, kg_eq, value_usd, last_seized_on …) AS src` for the filters over `period`.
 * Rows may repeat a dimension tuple (one from the rollup, one per raw edge): always re-aggregate.
 */
export function monthlySource(filters: Filters, period: Period, dims: readonly Dimension[], options: SourceOptions = {}): SQL {
  const rollup = options.useRollup === false ? undefined : rollupFor(filters, dims);
  const plan = rollup ? planRollup(filters, period) : { months: null, raw: [period] };
  const parts: SQL[] = [];
  if (rollup && plan.months) {
    const { table, columns } = rollup;
    const conditions = [
      filterConditions(filters, { from: null, to: null }, columns),
      plan.months.from ? sql`${table.month} >= ${plan.months.from}` : undefined,
      plan.months.to ? sql`${table.month} <= ${plan.months.to}` : undefined,
    ].filter((c): c is SQL => c !== undefined);
    parts.push(sql`
      SELECT ${sql.join(dims.map((d) => sql.identifier(d)), sql`, `)}, ${table.n} AS n, ${table.kgEq} AS kg_eq, ${table.valueUsd} AS value_usd,
             ${table.lastSeizedOn} AS last_seized_on
        FROM ${table}
       WHERE ${conditions.length ? sql.join(conditions, sql` AND `) : sql`true`}`);
  }
  for (const range of plan.raw) {
    parts.push(sql`
      SELECT ${sql.join(dims.map((d) => sql`${DIMENSIONS[d]} AS ${sql.identifier(d)}`), sql`, `)}, count(*)::int AS n, sum(${seizures.kgEq}) AS kg_eq, sum(${seizures.valueUsd}) AS value_usd,
             max(${seizures.seizedOn}) AS last_seized_on
        FROM ${seizures}
       WHERE ${filterConditions(filters, range) ?? sql`true`}
       GROUP BY ${sql.join(dims.map((d) => DIMENSIONS[d]), sql`, `)}`);
  }
  return sql`(${sql.join(parts, sql` UNION ALL `)}) AS src`;
}

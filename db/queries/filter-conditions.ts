/**
 * Filters → SQL conditions: the one place where a filter field meets a column. The same filters
 * apply to `seizures` and to its rollups (which lack some columns: see `canUseRollup`).
 * Every value is a bound parameter; nothing from the user is spliced into SQL text.
 */
import { and, eq, gte, inArray, lte, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Filters } from '@/lib/url/filters';
import { seizureMonthly, seizureMonthlyBlo, seizureRoutesMonthly, seizures } from '@/db/schema';

export interface Period {
  from: string | null;
  to: string | null;
}

/** Columns a filter can meet; absent ones mean the table cannot answer that filter. */
export interface FilterColumns {
  substance: AnyColumn;
  synthetic: AnyColumn;
  country?: AnyColumn;
  nearestBlo?: AnyColumn;
  transport?: AnyColumn;
  concealment?: AnyColumn;
  seizedOn?: AnyColumn;
  kgEq?: AnyColumn;
  geom?: AnyColumn;
}

export const SEIZURE_COLUMNS: FilterColumns = seizures;
export const MONTHLY_COLUMNS: FilterColumns = {
  substance: seizureMonthly.substance,
  synthetic: seizureMonthly.synthetic,
  country: seizureMonthly.country,
  nearestBlo: seizureMonthly.nearestBlo,
  transport: seizureMonthly.transport,
  concealment: seizureMonthly.concealment,
};
export const MONTHLY_BLO_COLUMNS: FilterColumns = {
  substance: seizureMonthlyBlo.substance,
  synthetic: seizureMonthlyBlo.synthetic,
  nearestBlo: seizureMonthlyBlo.nearestBlo,
};
export const ROUTES_COLUMNS: FilterColumns = {
  substance: seizureRoutesMonthly.substance,
  synthetic: seizureRoutesMonthly.synthetic,
  nearestBlo: seizureRoutesMonthly.nearestBlo,
};

function need(column: AnyColumn | undefined, filter: string): AnyColumn {
  if (!column) throw new Error(`this table cannot filter by ${filter}`);
  return column;
}

/**
 * Conditions for `filters` on `columns`; `period` replaces the filters' own from/to (comparison
 * periods, rollup edges). A period on a table without a date column must be handled by the caller.
 */
export function filterConditions(filters: Filters, period: Period = filters, columns: FilterColumns = SEIZURE_COLUMNS): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    filters.substances.length ? inArray(columns.substance, filters.substances) : undefined,
    period.from ? gte(need(columns.seizedOn, 'date'), period.from) : undefined,
    period.to ? lte(need(columns.seizedOn, 'date'), period.to) : undefined,
    filters.countries.length ? inArray(need(columns.country, 'country'), filters.countries) : undefined,
    filters.blos.length ? inArray(need(columns.nearestBlo, 'BLO'), filters.blos) : undefined,
    filters.transport.length ? inArray(need(columns.transport, 'transport'), filters.transport) : undefined,
    filters.concealment.length ? inArray(need(columns.concealment, 'concealment'), filters.concealment) : undefined,
    filters.minKg !== null ? gte(need(columns.kgEq, 'minimum quantity'), filters.minKg) : undefined,
    filters.bbox
      ? sql`${need(columns.geom, 'bbox')} && ST_MakeEnvelope(${filters.bbox[0]}, ${filters.bbox[1]}, ${filters.bbox[2]}, ${filters.bbox[3]}, 4326)`
      : undefined,
    filters.synthetic === 'exclude' ? eq(columns.synthetic, false) : undefined,
    filters.synthetic === 'only' ? eq(columns.synthetic, true) : undefined,
  ];
  return and(...conditions.filter((c): c is SQL => c !== undefined));
}

/** count, kg-eq and value of the rows in scope, as JS numbers. */
export const totals = {
  count: sql<number>`count(*)`.mapWith(Number),
  kgEq: sql<number>`coalesce(sum(${seizures.kgEq}), 0)`.mapWith(Number),
  valueUsd: sql<number>`coalesce(sum(${seizures.valueUsd}), 0)`.mapWith(Number),
};

/**
 * Filters → SQL conditions on `seizures`: the one place where a filter field meets a column.
 * Every value is a bound parameter; nothing from the user is spliced into SQL text.
 */
import { and, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Filters } from '../../lib/filters';
import { seizures } from '../schema';

export interface Period {
  from: string | null;
  to: string | null;
}

/** Conditions for `filters`; `period` replaces the filters' own from/to (for comparison periods). */
export function filterConditions(filters: Filters, period: Period = filters): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    filters.substances.length ? inArray(seizures.substance, filters.substances) : undefined,
    period.from ? gte(seizures.seizedOn, period.from) : undefined,
    period.to ? lte(seizures.seizedOn, period.to) : undefined,
    filters.countries.length ? inArray(seizures.country, filters.countries) : undefined,
    filters.blos.length ? inArray(seizures.nearestBlo, filters.blos) : undefined,
    filters.transport.length ? inArray(seizures.transport, filters.transport) : undefined,
    filters.concealment.length ? inArray(seizures.concealment, filters.concealment) : undefined,
    filters.minKg !== null ? gte(seizures.kgEq, filters.minKg) : undefined,
    filters.bbox
      ? sql`${seizures.geom} && ST_MakeEnvelope(${filters.bbox[0]}, ${filters.bbox[1]}, ${filters.bbox[2]}, ${filters.bbox[3]}, 4326)`
      : undefined,
    filters.synthetic === 'exclude' ? eq(seizures.synthetic, false) : undefined,
    filters.synthetic === 'only' ? eq(seizures.synthetic, true) : undefined,
  ];
  return and(...conditions.filter((c): c is SQL => c !== undefined));
}

/** count, kg-eq and value of the rows in scope, as JS numbers. */
export const totals = {
  count: sql<number>`count(*)`.mapWith(Number),
  kgEq: sql<number>`coalesce(sum(${seizures.kgEq}), 0)`.mapWith(Number),
  valueUsd: sql<number>`coalesce(sum(${seizures.valueUsd}), 0)`.mapWith(Number),
};

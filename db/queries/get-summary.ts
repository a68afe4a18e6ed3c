import { asc, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { seizures } from '../schema';
import { filterConditions, totals, type Period } from './filter-conditions';
import { comparisonPeriod, type Filters } from '../../lib/filters';

export interface Totals {
  count: number;
  kgEq: number;
  valueUsd: number;
}

export interface PeriodSummary extends Totals {
  period: Period;
  syntheticCount: number;
  bySubstance: (Totals & { substance: string })[];
}

export interface Summary extends PeriodSummary {
  comparison: PeriodSummary | null;
  /** Relative change against the comparison period (0.25 = +25%); null where it has no base. */
  change: { count: number | null; kgEq: number | null; valueUsd: number | null } | null;
}

async function summarise(db: Db, filters: Filters, period: Period): Promise<PeriodSummary> {
  const rows = await db
    .select({
      substance: seizures.substance,
      ...totals,
      syntheticCount: sql<number>`count(*) FILTER (WHERE ${seizures.synthetic})`.mapWith(Number),
    })
    .from(seizures)
    .where(filterConditions(filters, period))
    .groupBy(seizures.substance)
    .orderBy(asc(seizures.substance));
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

const change = (now: number, before: number) => (before === 0 ? null : (now - before) / before);

/** Count, kg-eq and value, by substance, for the filters and for their comparison period. */
export async function getSummary(db: Db, filters: Filters): Promise<Summary> {
  const current = await summarise(db, filters, { from: filters.from, to: filters.to });
  const previous = comparisonPeriod(filters);
  const comparison = previous ? await summarise(db, filters, previous) : null;
  return {
    ...current,
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

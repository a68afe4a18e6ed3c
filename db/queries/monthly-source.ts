/**
 * A subquery of per-month totals that reads whole months from `seizure_monthly` and the rest from
 * `seizures` (see rollup-plan.ts). Callers group it further. Setting `useRollup: false` answers from
 * the raw table alone: the tests compare the two.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Filters } from '../../lib/filters';
import { seizureMonthly, seizures } from '../schema';
import { filterConditions, MONTHLY_COLUMNS, type Period } from './filter-conditions';
import { planRollup } from './rollup-plan';

/** Dimensions a caller may keep; each maps to a fixed column (never to user text). */
const DIMENSIONS = {
  month: { rollup: sql`${seizureMonthly.month}`, raw: sql`date_trunc('month', ${seizures.seizedOn})::date` },
  substance: { rollup: sql`${seizureMonthly.substance}`, raw: sql`${seizures.substance}` },
  synthetic: { rollup: sql`${seizureMonthly.synthetic}`, raw: sql`${seizures.synthetic}` },
  nearest_blo: { rollup: sql`${seizureMonthly.nearestBlo}`, raw: sql`${seizures.nearestBlo}` },
} as const;
export type Dimension = keyof typeof DIMENSIONS;

export interface SourceOptions {
  useRollup?: boolean;
}

/**
 * `(SELECT <dims>, n, kg_eq, value_usd, last_seized_on …) AS src` for the filters over `period`.
 * Rows may repeat a dimension tuple (one from the rollup, one per raw edge): always re-aggregate.
 */
export function monthlySource(filters: Filters, period: Period, dims: readonly Dimension[], options: SourceOptions = {}): SQL {
  const plan = options.useRollup === false ? { months: null, raw: [period] } : planRollup(filters, period);
  const named = (side: 'rollup' | 'raw') => sql.join(dims.map((d) => sql`${DIMENSIONS[d][side]} AS ${sql.identifier(d)}`), sql`, `);
  const parts: SQL[] = [];
  if (plan.months) {
    const conditions = [
      filterConditions(filters, { from: null, to: null }, MONTHLY_COLUMNS),
      plan.months.from ? sql`${seizureMonthly.month} >= ${plan.months.from}` : undefined,
      plan.months.to ? sql`${seizureMonthly.month} <= ${plan.months.to}` : undefined,
    ].filter((c): c is SQL => c !== undefined);
    parts.push(sql`
      SELECT ${named('rollup')}, ${seizureMonthly.n} AS n, ${seizureMonthly.kgEq} AS kg_eq, ${seizureMonthly.valueUsd} AS value_usd,
             ${seizureMonthly.lastSeizedOn} AS last_seized_on
        FROM ${seizureMonthly}
       WHERE ${conditions.length ? sql.join(conditions, sql` AND `) : sql`true`}`);
  }
  for (const range of plan.raw) {
    parts.push(sql`
      SELECT ${named('raw')}, count(*)::int AS n, sum(${seizures.kgEq}) AS kg_eq, sum(${seizures.valueUsd}) AS value_usd,
             max(${seizures.seizedOn}) AS last_seized_on
        FROM ${seizures}
       WHERE ${filterConditions(filters, range) ?? sql`true`}
       GROUP BY ${sql.join(dims.map((d) => DIMENSIONS[d].raw), sql`, `)}`);
  }
  return sql`(${sql.join(parts, sql` UNION ALL `)}) AS src`;
}

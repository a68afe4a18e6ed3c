/**
 * Per-(H3 cell, substance) totals at a resolution ≤ 6 from the `seizure_cells` rollup (whole months)
 * plus `seizures` (edge days) — from `seizure_cells_all` when the period is all time — or from
 * `seizures` alone at finer resolutions, or when a filter needs columns the rollups do not keep. Columns: cell, substance, n, kg_eq, value_usd, first_seized_on,
 * last_seized_on, sum_lng, sum_lat.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Filters } from '@/lib/url/filters';
import { seizureCells, seizureCellsAll, seizures } from '@/db/schema';
import { filterConditions, type Period } from './filter-conditions';
import { onlySubstanceAndPeriod, planRollup, type RollupPlan } from './rollup-plan';
import type { SourceOptions } from './monthly-source';

export const CELL_ROLLUP_RESOLUTION = 6;

export function canUseCellRollup(filters: Filters, resolution: number): boolean {
  return resolution <= CELL_ROLLUP_RESOLUTION && onlySubstanceAndPeriod(filters);
}

export function cellsSource(filters: Filters, period: Period, resolution: number, options: SourceOptions = {}): SQL {
  const plan: RollupPlan = options.useRollup !== false && canUseCellRollup(filters, resolution)
    ? planRollup(filters, period)
    : { months: null, raw: [period] };
  const parts: SQL[] = [];
  if (plan.months) {
    // All time (no month bounds, so no raw edges either): the rollup without the month.
    const { from, to } = plan.months;
    const t = from === null && to === null ? seizureCellsAll : seizureCells;
    const conditions = [
      filterConditions(filters, { from: null, to: null }, { substance: t.substance, synthetic: t.synthetic }),
      from ? sql`${seizureCells.month} >= ${from}` : undefined,
      to ? sql`${seizureCells.month} <= ${to}` : undefined,
    ].filter((c): c is SQL => c !== undefined);
    parts.push(sql`
      SELECT h3_parent(${t.cell}, ${resolution}) AS cell, ${t.substance} AS substance, ${t.n} AS n, ${t.kgEq} AS kg_eq,
             ${t.valueUsd} AS value_usd, ${t.firstSeizedOn} AS first_seized_on, ${t.lastSeizedOn} AS last_seized_on,
             ${t.sumLng} AS sum_lng, ${t.sumLat} AS sum_lat
        FROM ${t}
       WHERE ${conditions.length ? sql.join(conditions, sql` AND `) : sql`true`}`);
  }
  for (const range of plan.raw) {
    parts.push(sql`
      SELECT h3_parent(${seizures.cell}, ${resolution}) AS cell, ${seizures.substance} AS substance, count(*)::int AS n,
             sum(${seizures.kgEq}) AS kg_eq, sum(${seizures.valueUsd}) AS value_usd, min(${seizures.seizedOn}) AS first_seized_on,
             max(${seizures.seizedOn}) AS last_seized_on, sum(ST_X(${seizures.geom})) AS sum_lng, sum(ST_Y(${seizures.geom})) AS sum_lat
        FROM ${seizures}
       WHERE ${filterConditions(filters, range) ?? sql`true`}
       GROUP BY 1, 2`);
  }
  return sql`(${sql.join(parts, sql` UNION ALL `)}) AS src`;
}

/**
 * Emerging hot spot analysis (lib/analysis) over the seizures matching the filters: the cube of H3
 * cells × steps is read from the monthly cell rollup (`seizure_cells`, resolution 6 by month: the
 * rollup-source rules, so partial edge months and filters the rollup cannot apply come from
 * `seizures`), made dense in TypeScript and analysed there.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { blos, seizures } from '@/db/schema';
import { rowsOf } from '@/db/result-rows';
import { rollupSource, type SourceOptions } from './rollup-source';
import { scopeCondition } from './filter-conditions';
import { CELLS_ROLLUP } from './rollups';
import type { ScopedFilters } from '@/lib/access/country-scope';
import type { EmergingAnswer } from '@/lib/api/api-types';
import { emergingAnswer, type EmergingRequest } from '@/lib/analysis/emerging-answer';
import { stepOf, stepStarts } from '@/lib/analysis/space-time-cube';
import { monthStart } from '@/lib/time/dates';
import { denseStart } from '@/lib/time/month-table';

export async function getEmerging(
  db: Db,
  filters: ScopedFilters,
  request: EmergingRequest,
  options: SourceOptions = {},
): Promise<EmergingAnswer> {
  const { detail } = filters;
  const resolution = detail.level === 'aggregates' ? Math.min(request.resolution, detail.maxResolution) : request.resolution;
  const source = rollupSource(
    {
      rollups: [CELLS_ROLLUP],
      rollupColumns: ({ table: t }) =>
        sql`h3_parent(${t.cell}, ${resolution}) AS cell, ${t.month} AS month, ${t.n} AS n, ${t.kgEq} AS kg_eq`,
      rawColumns: sql`h3_parent(${seizures.cell}, ${resolution}) AS cell, date_trunc('month', ${seizures.seizedOn})::date AS month,
             count(*)::int AS n, sum(${seizures.kgEq}) AS kg_eq`,
      rawGroupBy: sql`1, 2`,
    },
    filters,
    filters,
    options,
  );
  const [binRows, postRows] = await Promise.all([
    db.execute(sql`
      SELECT to_hex(cell) AS cell, to_char(month, 'YYYY-MM-DD') AS month, sum(n)::int AS n, sum(kg_eq)::float8 AS kg
        FROM ${source}
       GROUP BY cell, month
      HAVING sum(n) > 0
       ORDER BY cell, month`),
    // The posts the account sees: those of its countries.
    db.execute(sql`
      SELECT ${blos.code} AS code, ST_X(${blos.geom}) AS lng, ST_Y(${blos.geom}) AS lat
        FROM ${blos}
       WHERE ${scopeCondition(filters.scope, blos.country)}
       ORDER BY ${blos.code}`),
  ]);
  const bins = rowsOf<{ cell: string; month: string; n: number; kg: number }>(binRows);
  const posts = rowsOf<{ code: string; lng: number; lat: number }>(postRows).map((p) => ({
    code: String(p.code),
    lngLat: [Number(p.lng), Number(p.lat)] as [number, number],
  }));
  const effective = { ...request, resolution };
  if (bins.length === 0) return emergingAnswer({ request: effective, steps: [], cube: [], posts, detail, earlier: 0 });

  // The analysed period: the filters', in whole steps; an open start begins where the data becomes
  // dense (as the dashboard's chart does), so a few early events do not add years of empty steps.
  const monthly = new Map<string, number>();
  for (const b of bins) monthly.set(String(b.month), (monthly.get(String(b.month)) ?? 0) + Number(b.n));
  const months = [...monthly.keys()].sort();
  const to = filters.to ?? months[months.length - 1];
  let from = filters.from;
  if (from === null) {
    const all = stepStarts(months[0], months[months.length - 1], 'month');
    from = all[denseStart(all.map((m) => ({ count: monthly.get(m) ?? 0 })))];
  }
  const steps = stepStarts(from, monthStart(to), request.step);
  const first = steps[0];
  const earlier = bins.filter((b) => String(b.month) < first).reduce((n, b) => n + Number(b.n), 0);
  const stepIndex = new Map(steps.map((s, i) => [s, i]));
  const cube = new Map<string, { cell: string; values: number[]; count: number }>();
  for (const b of bins) {
    if (String(b.month) < first) continue;
    const cell = String(b.cell);
    let entry = cube.get(cell);
    if (!entry) cube.set(cell, (entry = { cell, values: new Array<number>(steps.length).fill(0), count: 0 }));
    const t = stepIndex.get(stepOf(String(b.month), request.step));
    if (t === undefined) throw new Error(`month ${b.month} is outside the analysed steps ${steps[0]}–${steps.at(-1)}`);
    entry.values[t] += request.value === 'count' ? Number(b.n) : Number(b.kg);
    entry.count += Number(b.n);
  }
  return emergingAnswer({ request: effective, steps, cube: [...cube.values()], posts, detail, earlier });
}

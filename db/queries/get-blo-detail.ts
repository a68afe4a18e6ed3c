import { and, desc, eq, gte, sql, type SQL } from 'drizzle-orm';
import type { BloDetailAnswer, CatchmentSeizure } from '@/lib/api/api-types';
import type { Db } from '@/db/client';
import { blos, seizureBloRings, seizures } from '@/db/schema';
import { rowsOf } from '@/db/result-rows';
import { rollupSource, type SourceOptions } from './rollup-source';
import { BLO_RINGS_ROLLUP } from './rollups';
import { filterConditions, scopeCondition } from './filter-conditions';
import { listBlos } from './list-blos';
import type { ScopedFilters } from '@/lib/access/country-scope';
import { requireEvents } from '@/lib/access/detail';
import { protectBloDetail } from '@/lib/access/suppression';
import { DEFAULT_CATCHMENT_KM, MAX_CATCHMENT_KM } from '@/lib/url/api-params';

/** Seizures the panel lists, newest first. */
export const RECENT_SEIZURES = 10;

interface Catchment {
  here: SQL;
  /** Seizures within the radius: an index-friendly box, then the great-circle distance. */
  near: SQL;
}

/** The post's position (one indexed row) and its catchment; null for a post unknown or outside the account's countries. */
async function catchmentOf(db: Db, code: string, filters: ScopedFilters, radiusKm: number): Promise<Catchment | null> {
  const [position] = await db
    .select({ lng: sql<number>`ST_X(${blos.geom})`.mapWith(Number), lat: sql<number>`ST_Y(${blos.geom})`.mapWith(Number) })
    .from(blos)
    .where(and(eq(blos.code, code), scopeCondition(filters.scope, blos.country)));
  // Unknown, or outside the account's countries: the same answer, so a scope does not leak a post.
  if (!position) return null;
  const metres = radiusKm * 1000;
  const { lng, lat } = position;
  const here = sql`ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326)`;
  // Index-friendly box first (degrees, 1% margin), then great-circle distance on the sphere
  // (mean Earth radius, the model turf uses): much cheaper than the spheroid, within 0.5% of it.
  const near = and(
    sql`${seizures.geom} && ST_Expand(${here}, ${(radiusKm * 1.01) / (111.32 * Math.cos((lat * Math.PI) / 180))}, ${(radiusKm * 1.01) / 110.57})`,
    sql`ST_DWithin(${seizures.geom}::geography, ${here}::geography, ${metres}, false)`,
  )!;
  return { here, near };
}

/** Everything the BLO panel shows, for seizures within `radiusKm` (great-circle) of the post, but its single seizures. */
export async function getBloDetail(
  db: Db,
  code: string,
  filters: ScopedFilters,
  radiusKm = DEFAULT_CATCHMENT_KM,
  options: SourceOptions = {},
): Promise<BloDetailAnswer | null> {
  const catchmentArea = await catchmentOf(db, code, filters, radiusKm);
  if (!catchmentArea) return null;
  const [all, groups] = await Promise.all([
    listBlos(db, filters, options),
    catchmentGroups(db, code, filters, radiusKm, catchmentArea.near, options),
  ]);
  const blo = all.find((b) => b.code === code)!;
  const paired = blo.pairedCode ? (all.find((b) => b.code === blo.pairedCode) ?? null) : null;
  const sum = <K extends string>(key: (g: (typeof groups)[number]) => K) => {
    const out = new Map<K, { count: number; kgEq: number; valueUsd: number }>();
    for (const g of groups) {
      const t = out.get(key(g)) ?? { count: 0, kgEq: 0, valueUsd: 0 };
      out.set(key(g), { count: t.count + g.count, kgEq: t.kgEq + g.kgEq, valueUsd: t.valueUsd + g.valueUsd });
    }
    return out;
  };
  const catchment = [...sum(() => 'all').values()][0] ?? { count: 0, kgEq: 0, valueUsd: 0 };
  const trend = [...sum((g) => g.month).entries()].map(([m, t]) => ({ month: m, ...t })).sort((a, b) => a.month.localeCompare(b.month));
  const topSubstances = [...sum((g) => g.substance).entries()]
    .map(([substance, t]) => ({ substance, ...t }))
    .sort((a, b) => b.kgEq - a.kgEq || a.substance.localeCompare(b.substance))
    .slice(0, 5);
  const exact = { catchment: { radiusKm, ...catchment }, trend, topSubstances };
  const { detail } = filters;
  if (detail.level === 'aggregates') return protectBloDetail(code, blo.pairedCode, all, exact, detail.minCount);
  return { blo, paired, ...exact };
}

/** The newest `limit` seizures within `radiusKm` of the post, with their distance; null for an unknown post. Single seizures: refused to aggregates-only accounts. */
export async function listCatchmentSeizures(
  db: Db,
  code: string,
  filters: ScopedFilters,
  radiusKm = DEFAULT_CATCHMENT_KM,
  limit = RECENT_SEIZURES,
): Promise<CatchmentSeizure[] | null> {
  requireEvents(filters.detail);
  const catchmentArea = await catchmentOf(db, code, filters, radiusKm);
  if (!catchmentArea) return null;
  const { here, near } = catchmentArea;
  // The months that hold the newest `limit` seizures, from the ring rollup: the scan below reads only those.
  const months = new Map<string, number>();
  for (const g of await catchmentGroups(db, code, filters, radiusKm, near, {})) months.set(g.month, (months.get(g.month) ?? 0) + g.count);
  const cutoff = recentCutoff(
    [...months.entries()].map(([month, count]) => ({ month, count })).sort((a, b) => a.month.localeCompare(b.month)),
    limit,
  );
  const rows = await db
    .select({
      id: seizures.id,
      seizedOn: seizures.seizedOn,
      substance: seizures.substance,
      quantity: seizures.quantity,
      unit: seizures.unit,
      kgEq: seizures.kgEq,
      valueUsd: seizures.valueUsd,
      synthetic: seizures.synthetic,
      lng: sql<number>`ST_X(${seizures.geom})`.mapWith(Number),
      lat: sql<number>`ST_Y(${seizures.geom})`.mapWith(Number),
      distanceKm: sql<number>`ST_Distance(${seizures.geom}::geography, ${here}::geography, false) / 1000.0`.mapWith(Number),
    })
    .from(seizures)
    .where(and(near, filterConditions(filters), gte(seizures.seizedOn, cutoff)))
    .orderBy(desc(seizures.seizedOn), desc(seizures.id))
    .limit(limit);
  return rows.map(({ lng, lat, ...r }) => ({ ...r, lngLat: [lng, lat] }));
}

interface CatchmentGroup {
  month: string;
  substance: string;
  count: number;
  kgEq: number;
  valueUsd: number;
}

/**
 * Totals per (month, substance) within the catchment: whole months from the ring rollup (which keeps
 * whole-km rings up to MAX_CATCHMENT_KM) when the filters allow, the rest from `seizures` with the
 * exact distance test `near`.
 */
async function catchmentGroups(
  db: Db,
  code: string,
  filters: ScopedFilters,
  radiusKm: number,
  near: SQL,
  options: SourceOptions,
): Promise<CatchmentGroup[]> {
  const ringsFit = Number.isInteger(radiusKm) && radiusKm <= MAX_CATCHMENT_KM;
  const source = rollupSource(
    {
      rollups: ringsFit ? [BLO_RINGS_ROLLUP] : [],
      rollupWhere: sql`${seizureBloRings.blo} = ${code} AND ${seizureBloRings.ring} <= ${radiusKm}`,
      rollupColumns: () => sql`${seizureBloRings.month} AS month, ${seizureBloRings.substance} AS substance, ${seizureBloRings.n} AS n,
             ${seizureBloRings.kgEq} AS kg_eq, ${seizureBloRings.valueUsd} AS value_usd`,
      rawWhere: near,
      rawColumns: sql`date_trunc('month', ${seizures.seizedOn})::date AS month, ${seizures.substance} AS substance, count(*)::int AS n,
             sum(${seizures.kgEq}) AS kg_eq, sum(${seizures.valueUsd}) AS value_usd`,
      rawGroupBy: sql`1, 2`,
    },
    filters,
    filters,
    options,
  );
  const result = await db.execute(sql`
    SELECT to_char(month, 'YYYY-MM-DD') AS month, substance, sum(n)::int AS n, sum(kg_eq) AS kg_eq, sum(value_usd) AS value_usd
      FROM ${source}
     GROUP BY 1, 2`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    month: String(r.month),
    substance: String(r.substance),
    count: Number(r.n),
    kgEq: Number(r.kg_eq),
    valueUsd: Number(r.value_usd),
  }));
}

/** First day of the latest months that together hold at least `limit` seizures (bounds the recent-list scan). */
function recentCutoff(months: { month: string; count: number }[], limit: number): string {
  let seen = 0;
  for (let i = months.length - 1; i >= 0; i--) {
    seen += months[i].count;
    if (seen >= limit) return months[i].month;
  }
  return '0001-01-01';
}

import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { blos, seizures } from '../schema';
import { filterConditions, totals } from './filter-conditions';
import { listBlos, type BloSummary, type BloTotals } from './list-blos';
import type { Filters } from '../../lib/filters';
import type { LngLat } from '../../lib/lng-lat';

export const MAX_CATCHMENT_KM = 200;
export const DEFAULT_CATCHMENT_KM = 25;

export interface CatchmentSeizure {
  id: number;
  seizedOn: string;
  substance: string;
  quantity: number;
  unit: string;
  kgEq: number;
  valueUsd: number;
  synthetic: boolean;
  lngLat: LngLat;
  distanceKm: number;
}

export interface BloDetail {
  blo: BloSummary & { totals: BloTotals };
  paired: (BloSummary & { totals: BloTotals }) | null;
  catchment: { radiusKm: number; count: number; kgEq: number; valueUsd: number };
  trend: { month: string; count: number; kgEq: number }[];
  topSubstances: { substance: string; count: number; kgEq: number; valueUsd: number }[];
  recent: CatchmentSeizure[];
}

/** Everything the BLO panel shows, for seizures within `radiusKm` (on the spheroid) of the post. */
export async function getBloDetail(db: Db, code: string, filters: Filters, radiusKm = DEFAULT_CATCHMENT_KM): Promise<BloDetail | null> {
  const all = await listBlos(db, filters);
  const blo = all.find((b) => b.code === code);
  if (!blo) return null;
  const paired = blo.pairedCode ? (all.find((b) => b.code === blo.pairedCode) ?? null) : null;

  const metres = radiusKm * 1000;
  const post = db.select({ geom: blos.geom }).from(blos).where(eq(blos.code, code));
  // Index-friendly box first (degrees, with 1% margin), then the exact distance on the spheroid.
  const within = and(
    filterConditions(filters),
    sql`${seizures.geom} && ST_Expand((${post}), ${(radiusKm * 1.01) / (111.32 * Math.cos((blo.lngLat[1] * Math.PI) / 180))}, ${(radiusKm * 1.01) / 110.57})`,
    sql`ST_DWithin(${seizures.geom}::geography, (${post})::geography, ${metres})`,
  );
  const month = sql<string>`to_char(date_trunc('month', ${seizures.seizedOn}::timestamp), 'YYYY-MM-DD')`;
  const [catchment] = await db.select(totals).from(seizures).where(within);
  const trend = await db.select({ month, count: totals.count, kgEq: totals.kgEq }).from(seizures).where(within).groupBy(month).orderBy(asc(month));
  const topSubstances = await db
    .select({ substance: seizures.substance, ...totals })
    .from(seizures)
    .where(within)
    .groupBy(seizures.substance)
    .orderBy(desc(totals.kgEq), asc(seizures.substance))
    .limit(5);
  const recent = await db
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
      distanceKm: sql<number>`ST_Distance(${seizures.geom}::geography, (${post})::geography) / 1000.0`.mapWith(Number),
    })
    .from(seizures)
    .where(within)
    .orderBy(desc(seizures.seizedOn), desc(seizures.id))
    .limit(10);
  return {
    blo,
    paired,
    catchment: { radiusKm, ...catchment },
    trend,
    topSubstances,
    recent: recent.map(({ lng, lat, ...r }) => ({ ...r, lngLat: [lng, lat] })),
  };
}

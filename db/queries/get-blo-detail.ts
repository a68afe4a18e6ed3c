import { and, desc, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { seizures } from '../schema';
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

/** Everything the BLO panel shows, for seizures within `radiusKm` (great-circle) of the post. */
export async function getBloDetail(db: Db, code: string, filters: Filters, radiusKm = DEFAULT_CATCHMENT_KM): Promise<BloDetail | null> {
  const all = await listBlos(db, filters);
  const blo = all.find((b) => b.code === code);
  if (!blo) return null;
  const paired = blo.pairedCode ? (all.find((b) => b.code === blo.pairedCode) ?? null) : null;

  const metres = radiusKm * 1000;
  const [lng, lat] = blo.lngLat;
  const here = sql`ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326)`;
  // Index-friendly box first (degrees, 1% margin), then great-circle distance on the sphere
  // (mean Earth radius, the model turf uses): much cheaper than the spheroid, within 0.5% of it.
  const within = and(
    filterConditions(filters),
    sql`${seizures.geom} && ST_Expand(${here}, ${(radiusKm * 1.01) / (111.32 * Math.cos((lat * Math.PI) / 180))}, ${(radiusKm * 1.01) / 110.57})`,
    sql`ST_DWithin(${seizures.geom}::geography, ${here}::geography, ${metres}, false)`,
  );
  const month = sql<string>`to_char(date_trunc('month', ${seizures.seizedOn}::timestamp), 'YYYY-MM-DD')`;
  // One pass over the catchment: totals per month and substance; the panel's figures are sums of these.
  const groups = await db
    .select({ month, substance: seizures.substance, ...totals })
    .from(seizures)
    .where(within)
    .groupBy(month, seizures.substance);
  const sum = <K extends string>(key: (g: (typeof groups)[number]) => K) => {
    const out = new Map<K, { count: number; kgEq: number; valueUsd: number }>();
    for (const g of groups) {
      const t = out.get(key(g)) ?? { count: 0, kgEq: 0, valueUsd: 0 };
      out.set(key(g), { count: t.count + g.count, kgEq: t.kgEq + g.kgEq, valueUsd: t.valueUsd + g.valueUsd });
    }
    return out;
  };
  const catchment = [...sum(() => 'all').values()][0] ?? { count: 0, kgEq: 0, valueUsd: 0 };
  const trend = [...sum((g) => g.month).entries()].map(([m, t]) => ({ month: m, count: t.count, kgEq: t.kgEq })).sort((a, b) => a.month.localeCompare(b.month));
  const topSubstances = [...sum((g) => g.substance).entries()]
    .map(([substance, t]) => ({ substance, ...t }))
    .sort((a, b) => b.kgEq - a.kgEq || a.substance.localeCompare(b.substance))
    .slice(0, 5);
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
      distanceKm: sql<number>`ST_Distance(${seizures.geom}::geography, ${here}::geography, false) / 1000.0`.mapWith(Number),
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

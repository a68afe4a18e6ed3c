import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { blos, countries } from '@/db/schema';
import { rowsOf } from '@/db/result-rows';
import { monthlySource } from './monthly-source';
import { scopeCondition } from './filter-conditions';
import type { SourceOptions } from './rollup-source';
import type { ScopedFilters } from '@/lib/access/country-scope';
import { protectFlows } from '@/lib/access/suppression';
import type { LngLat } from '@/lib/geo/lng-lat';
import type { RouteFlow } from '@/lib/api/api-types';
import type { RouteMode } from '@/lib/catalogue/vocabulary';

export type { RouteFlow };

/**
 * Flows for arcs. `country`: origin country → destination country. `blo`: origin country → the
 * BLO nearest to where the seizure was made. Countries are placed at a point inside their polygon;
 * a country outside the shipped polygons has no position (null). Heaviest flow first.
 */
/** West, south, east, north of the region route arcs are drawn in (Central Asia and its neighbours' near parts). */
const ROUTE_REGION = [50, 32, 82, 52] as const;

export async function listRoutes(db: Db, filters: ScopedFilters, mode: RouteMode, options: SourceOptions = {}): Promise<RouteFlow[]> {
  const destination = mode === 'country' ? 'destination_country' : 'nearest_blo';
  const result = await db.execute(sql`
    SELECT origin_country AS origin, ${sql.identifier(destination)} AS destination,
           sum(n)::int AS count, sum(kg_eq) AS kg_eq, sum(value_usd) AS value_usd
      FROM ${monthlySource(filters, filters, ['origin_country', destination], options)}
     WHERE origin_country IS NOT NULL AND ${sql.identifier(destination)} IS NOT NULL
       ${mode === 'blo' && filters.scope !== 'all' ? sql`AND nearest_blo IN (SELECT ${blos.code} FROM ${blos} WHERE ${scopeCondition(filters.scope, blos.country)})` : sql``}
     GROUP BY 1, 2
     ORDER BY kg_eq DESC, 1, 2`);
  const flows = rowsOf<Record<string, unknown>>(result).map((r) => ({
    origin: String(r.origin).trim(),
    destination: String(r.destination).trim(),
    count: Number(r.count),
    kgEq: Number(r.kg_eq),
    valueUsd: Number(r.value_usd),
  }));
  // Each country's arc end: a point inside the part of it within the region the map shows, so an
  // arc from Russia or China ends near Central Asia, not in Siberia (the whole country, if none is).
  const region = sql`ST_MakeEnvelope(${ROUTE_REGION[0]}, ${ROUTE_REGION[1]}, ${ROUTE_REGION[2]}, ${ROUTE_REGION[3]}, 4326)`;
  const near = sql`ST_Intersection(${countries.geom}, ${region})`;
  const anchor = sql`ST_PointOnSurface(CASE WHEN ST_IsEmpty(${near}) THEN ${countries.geom} ELSE ${near} END)`;
  const places = await db
    .select({
      iso2: countries.iso2,
      lng: sql<number>`ST_X(${anchor})`.mapWith(Number),
      lat: sql<number>`ST_Y(${anchor})`.mapWith(Number),
    })
    .from(countries);
  const posts =
    mode === 'blo'
      ? await db
          .select({
            code: blos.code,
            lng: sql<number>`ST_X(${blos.geom})`.mapWith(Number),
            lat: sql<number>`ST_Y(${blos.geom})`.mapWith(Number),
          })
          .from(blos)
      : [];
  const country = new Map(places.map((p) => [p.iso2, [p.lng, p.lat] as LngLat]));
  const post = new Map(posts.map((p) => [p.code, [p.lng, p.lat] as LngLat]));
  const placed = flows.map((f) => ({
    ...f,
    originLngLat: country.get(f.origin) ?? null,
    destinationLngLat: (mode === 'country' ? country.get(f.destination) : post.get(f.destination)) ?? null,
  }));
  return filters.detail.level === 'aggregates' ? protectFlows(placed, filters.detail.minCount) : placed;
}

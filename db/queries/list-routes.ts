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
import { POST_FRAME_MARGIN } from '@/lib/geo/post-frame';
import type { RouteFlow } from '@/lib/api/api-types';
import type { RouteMode } from '@/lib/catalogue/vocabulary';

export type { RouteFlow };

/** Where arcs end: each country's anchor, and each post's position. */
interface RoutePlaces {
  country: Map<string, LngLat>;
  post: Map<string, LngLat>;
}

/**
 * Reference data only, read once per database. Each country's arc end lies within the posts' frame
 * (lib/geo/post-frame.ts): a point inside the part of the country in the frame, or, for a country
 * outside it (Russia, Europe), the point of the frame's edge nearest to the country, so its arcs come
 * in from its side.
 */
const placesOf = new WeakMap<Db, Promise<RoutePlaces>>();

function routePlaces(db: Db): Promise<RoutePlaces> {
  let places = placesOf.get(db);
  if (!places) {
    places = (async () => {
      const frame = sql`(SELECT ST_SetSRID(ST_Expand(ST_Extent(${blos.geom}), ${POST_FRAME_MARGIN})::geometry, 4326) FROM ${blos})`;
      const [anchors, posts] = await Promise.all([
        db.execute(sql`
          WITH framed AS (
            SELECT ${countries.iso2} AS iso2, ${countries.geom} AS geom, f.frame, ST_Intersection(${countries.geom}, f.frame) AS inside
              FROM ${countries}, (SELECT ${frame} AS frame) f
          ), anchored AS (
            SELECT iso2, CASE WHEN ST_IsEmpty(inside) THEN ST_ClosestPoint(frame, geom) ELSE ST_PointOnSurface(inside) END AS anchor
              FROM framed
          )
          SELECT iso2, ST_X(anchor) AS lng, ST_Y(anchor) AS lat FROM anchored`),
        db
          .select({
            code: blos.code,
            lng: sql<number>`ST_X(${blos.geom})`.mapWith(Number),
            lat: sql<number>`ST_Y(${blos.geom})`.mapWith(Number),
          })
          .from(blos),
      ]);
      return {
        country: new Map(
          rowsOf<Record<string, unknown>>(anchors).map((r) => [String(r.iso2).trim(), [Number(r.lng), Number(r.lat)] as LngLat]),
        ),
        post: new Map(posts.map((p) => [p.code, [p.lng, p.lat] as LngLat])),
      };
    })();
    // A failed reading is not kept: the next request tries again.
    places.catch(() => placesOf.delete(db));
    placesOf.set(db, places);
  }
  return places;
}

/**
 * Flows for arcs. `country`: origin country → destination country. `blo`: origin country → the
 * BLO nearest to where the seizure was made. Countries are placed at their anchor (routePlaces);
 * a country outside the shipped polygons has no position (null). Heaviest flow first.
 */
export async function listRoutes(db: Db, filters: ScopedFilters, mode: RouteMode, options: SourceOptions = {}): Promise<RouteFlow[]> {
  const destination = mode === 'country' ? 'destination_country' : 'nearest_blo';
  const [result, { country, post }] = await Promise.all([
    db.execute(sql`
    SELECT origin_country AS origin, ${sql.identifier(destination)} AS destination,
           sum(n)::int AS count, sum(kg_eq) AS kg_eq, sum(value_usd) AS value_usd
      FROM ${monthlySource(filters, filters, ['origin_country', destination], options)}
     WHERE origin_country IS NOT NULL AND ${sql.identifier(destination)} IS NOT NULL
       ${mode === 'blo' && filters.scope !== 'all' ? sql`AND nearest_blo IN (SELECT ${blos.code} FROM ${blos} WHERE ${scopeCondition(filters.scope, blos.country)})` : sql``}
     GROUP BY 1, 2
     ORDER BY kg_eq DESC, 1, 2`),
    routePlaces(db),
  ]);
  const flows = rowsOf<Record<string, unknown>>(result).map((r) => ({
    origin: String(r.origin).trim(),
    destination: String(r.destination).trim(),
    count: Number(r.count),
    kgEq: Number(r.kg_eq),
    valueUsd: Number(r.value_usd),
  }));
  const placed = flows.map((f) => ({
    ...f,
    originLngLat: country.get(f.origin) ?? null,
    destinationLngLat: (mode === 'country' ? country.get(f.destination) : post.get(f.destination)) ?? null,
  }));
  return filters.detail.level === 'aggregates' ? protectFlows(placed, filters.detail.minCount) : placed;
}

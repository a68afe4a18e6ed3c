import { and, desc, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { blos, countries, seizures } from '../schema';
import { filterConditions, totals } from './filter-conditions';
import type { Filters } from '../../lib/filters';
import type { LngLat } from '../../lib/lng-lat';
import type { RouteFlow } from '../../lib/api-types';

export type { RouteFlow };
import type { RouteMode } from '../../lib/vocabulary';



/**
 * Flows for arcs. `country`: origin country → destination country. `blo`: origin country → the
 * BLO nearest to where the seizure was made. Countries are placed at a point inside their polygon;
 * a country outside the shipped polygons has no position (null).
 */
export async function listRoutes(db: Db, filters: Filters, mode: RouteMode): Promise<RouteFlow[]> {
  const destination = mode === 'country' ? seizures.destinationCountry : seizures.nearestBlo;
  const flows = await db
    .select({ origin: sql<string>`${seizures.originCountry}`, destination: sql<string>`${destination}`, ...totals })
    .from(seizures)
    .where(and(filterConditions(filters), isNotNull(seizures.originCountry), isNotNull(destination)))
    .groupBy(seizures.originCountry, destination)
    .orderBy(desc(totals.kgEq));
  const places = await db
    .select({ iso2: countries.iso2, lng: sql<number>`ST_X(ST_PointOnSurface(${countries.geom}))`.mapWith(Number), lat: sql<number>`ST_Y(ST_PointOnSurface(${countries.geom}))`.mapWith(Number) })
    .from(countries);
  const posts = mode === 'blo'
    ? await db.select({ code: blos.code, lng: sql<number>`ST_X(${blos.geom})`.mapWith(Number), lat: sql<number>`ST_Y(${blos.geom})`.mapWith(Number) }).from(blos)
    : [];
  const country = new Map(places.map((p) => [p.iso2, [p.lng, p.lat] as LngLat]));
  const post = new Map(posts.map((p) => [p.code, [p.lng, p.lat] as LngLat]));
  return flows.map((f) => ({
    ...f,
    origin: f.origin.trim(),
    destination: f.destination.trim(),
    originLngLat: country.get(f.origin.trim()) ?? null,
    destinationLngLat: (mode === 'country' ? country.get(f.destination.trim()) : post.get(f.destination)) ?? null,
  }));
}

import { customType } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { decodeEwkbPoint } from '@/lib/geo/ewkb';
import type { LngLat } from '@/lib/geo/lng-lat';

/**
 * `geometry(Point,4326)`. drizzle's built-in `geometry()` declares the column without its SRID
 * (SRID 0), which breaks `ST_Transform` and comparisons with 4326 geometries; this one keeps it.
 */
export const pointColumn = customType<{ data: LngLat; driverData: string }>({
  dataType: () => 'geometry(Point,4326)',
  toDriver: ([lng, lat]) => sql`ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326)`,
  fromDriver: (hex) => decodeEwkbPoint(hex),
});

/** Geometry columns written and read only through SQL functions (GeoJSON in, GeoJSON out). */
export const multiPolygonColumn = customType<{ data: string; driverData: string }>({
  dataType: () => 'geometry(MultiPolygon,4326)',
});

export const multiLineStringColumn = customType<{ data: string; driverData: string }>({
  dataType: () => 'geometry(MultiLineString,4326)',
});

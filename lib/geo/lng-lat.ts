/** Coordinates are always [lng, lat] in WGS84 (SRID 4326). */
export type LngLat = [lng: number, lat: number];

/** A bounding box [west, south, east, north] in degrees, SRID 4326. */
export type Bbox = [west: number, south: number, east: number, north: number];

export const SRID = 4326;

export function isValidLngLat([lng, lat]: LngLat): boolean {
  return Number.isFinite(lng) && Number.isFinite(lat) && lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90;
}

/** Coordinates are always [lng, lat] in WGS84 (SRID 4326). */
export type LngLat = [lng: number, lat: number];

/** A bounding box [west, south, east, north] in degrees, SRID 4326. */
export type Bbox = [west: number, south: number, east: number, north: number];

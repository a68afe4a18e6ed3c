/**
 * The rivers and lakes shipped in data/water.json (GeoJSON), checked against their schema once when first
 * read, and where each one's name may be written: a lake's inside its largest part, a river's at
 * points along it (the map writes it at the one nearest the middle of the screen).
 */
import { along, length, lineString, pointOnFeature, polygon } from '@turf/turf';
import { z } from 'zod';
import waterJson from '@/data/water.json';
import type { LngLat } from '@/lib/geo/lng-lat';
import { waterFeatureSchema, type WaterFeature } from './water-record';

export const WATER: readonly WaterFeature[] = z.object({ features: z.array(waterFeatureSchema) }).parse(waterJson).features;

export const WATER_COLLECTION = { type: 'FeatureCollection' as const, features: WATER };

/** Spacing of the points along a river where its name may be written, km. */
const RIVER_LABEL_SPACING_KM = 30;

/** Where `feature`'s name may be written: one point inside a lake, points every RIVER_LABEL_SPACING_KM along a river. */
export function waterLabelPoints(feature: WaterFeature): LngLat[] {
  const g = feature.geometry;
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const ringArea = (ring: number[][]) =>
      Math.abs(ring.reduce((s, p, i) => s + (i ? ring[i - 1][0] * p[1] - p[0] * ring[i - 1][1] : 0), 0));
    const largest = parts.reduce((a, b) => (ringArea(b[0]) > ringArea(a[0]) ? b : a));
    return [pointOnFeature(polygon(largest)).geometry.coordinates as LngLat];
  }
  const lines = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
  return lines.flatMap((c) => {
    const line = lineString(c);
    const km = length(line);
    const n = Math.max(1, Math.floor(km / RIVER_LABEL_SPACING_KM));
    return Array.from({ length: n }, (_, i) => along(line, ((i + 0.5) * km) / n).geometry.coordinates as LngLat);
  });
}

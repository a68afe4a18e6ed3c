/**
 * Independent oracles computed in TypeScript from the shipped country polygons (data/countries.geojson),
 * never from PostGIS. Neighbours share their border's vertices exactly (the build simplifies each shared
 * line once), so the border of two countries is the set of edges both polygons have.
 */
import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import type { Feature, MultiLineString, MultiPolygon, Position } from 'geojson';
import type { LngLat } from '@/lib/geo/lng-lat';

export const countryFeatures = (
  JSON.parse(readFileSync('data/countries.geojson', 'utf8')) as {
    features: Feature<MultiPolygon, { iso2: string; isoNumeric: string }>[];
  }
).features;

export function countryPolygon(iso2: string): Feature<MultiPolygon> {
  const f = countryFeatures.find((c) => c.properties.iso2 === iso2);
  if (!f) throw new Error(`no polygon for ${iso2}`);
  return f;
}

const vertexKey = (p: Position) => `${p[0]},${p[1]}`;
const edgeKey = (a: Position, b: Position) => [vertexKey(a), vertexKey(b)].sort().join(';');

function edgesOf(iso2: string): [Position, Position][] {
  return countryPolygon(iso2).geometry.coordinates.flatMap((polygon) =>
    polygon.flatMap((ring) => ring.slice(1).map((p, i): [Position, Position] => [ring[i], p])),
  );
}

const bordersCache = new Map<string, MultiLineString>();

/** The border two countries share: the edges both polygons use, one two-point line each. */
export function sharedBorder(a: string, b: string): MultiLineString {
  const key = [a, b].sort().join('-');
  let lines = bordersCache.get(key);
  if (!lines) {
    const inA = new Set(edgesOf(a).map(([p, q]) => edgeKey(p, q)));
    lines = { type: 'MultiLineString', coordinates: edgesOf(b).filter(([p, q]) => inA.has(edgeKey(p, q))) };
    bordersCache.set(key, lines);
  }
  return lines;
}

export function lineLengthKm(lines: MultiLineString): number {
  return lines.coordinates.reduce((sum, c) => sum + turf.length(turf.lineString(c), { units: 'kilometers' }), 0);
}

export function distanceToLinesKm(point: LngLat, lines: MultiLineString): number {
  let best = Infinity;
  for (const c of lines.coordinates) {
    best = Math.min(best, turf.pointToLineDistance(turf.point(point), turf.lineString(c), { units: 'kilometers' }));
  }
  return best;
}

export function isInside(point: LngLat, iso2: string): boolean {
  return turf.booleanPointInPolygon(turf.point(point), countryPolygon(iso2));
}

/**
 * Independent oracles computed in TypeScript from the shipped files: country polygons
 * (data/countries.geojson) and shared borders straight from the Natural Earth TopoJSON arcs
 * (topojson `mesh`), never from PostGIS.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as turf from '@turf/turf';
import { mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, MultiLineString, MultiPolygon } from 'geojson';
import type { LngLat } from '@/lib/geo/lng-lat';

const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
const countriesObject = topology.objects.countries as GeometryCollection;

export const countryFeatures = (
  JSON.parse(readFileSync('data/countries.geojson', 'utf8')) as {
    features: Feature<MultiPolygon, { iso2: string; isoNumeric: string }>[];
  }
).features;

const numericOf = new Map(countryFeatures.map((f) => [f.properties.iso2, f.properties.isoNumeric]));

export function countryPolygon(iso2: string): Feature<MultiPolygon> {
  const f = countryFeatures.find((c) => c.properties.iso2 === iso2);
  if (!f) throw new Error(`no polygon for ${iso2}`);
  return f;
}

/** The border two countries share, from the TopoJSON arcs they both use. */
export function sharedBorder(a: string, b: string): MultiLineString {
  const [na, nb] = [numericOf.get(a), numericOf.get(b)];
  return mesh(
    topology,
    countriesObject,
    (x, y) => (String(x.id) === na && String(y.id) === nb) || (String(x.id) === nb && String(y.id) === na),
  );
}

export function lineLengthKm(lines: MultiLineString): number {
  return lines.coordinates.reduce((sum, c) => sum + turf.length(turf.lineString(c), { units: 'kilometers' }), 0);
}

export function distanceToLinesKm(point: LngLat, lines: MultiLineString): number {
  return Math.min(
    ...lines.coordinates.map((c) => turf.pointToLineDistance(turf.point(point), turf.lineString(c), { units: 'kilometers' })),
  );
}

export function isInside(point: LngLat, iso2: string): boolean {
  return turf.booleanPointInPolygon(turf.point(point), countryPolygon(iso2));
}

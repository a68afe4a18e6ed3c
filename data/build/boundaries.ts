/**
 * Converts Natural Earth admin-0 (1:50m) from the `world-atlas` TopoJSON into the committed
 * `data/countries.geojson`. Run once when the source changes: `npm run data:boundaries`.
 * Coordinates are [lng, lat] WGS84 (SRID 4326), rounded to 5 decimals (~1 m), which keeps arcs
 * shared between neighbours identical so PostGIS can derive their common border as lines.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import countries from '../countries.json';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Central Asia and its neighbours, by ISO 3166-1 numeric (the TopoJSON's feature id). */
const COUNTRIES = new Map(countries.map((c) => [c.isoNumeric, c]));

const require = createRequire(import.meta.url);
const topoPath = require.resolve('world-atlas/countries-50m.json');
const topology = JSON.parse(readFileSync(topoPath, 'utf8')) as Topology;
const collection = feature(topology, topology.objects.countries as GeometryCollection);

const round = (p: Position): Position => [Math.round(p[0] * 1e5) / 1e5, Math.round(p[1] * 1e5) / 1e5];

function toMultiPolygon(g: Polygon | MultiPolygon): MultiPolygon {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return { type: 'MultiPolygon', coordinates: polys.map((rings) => rings.map((ring) => ring.map(round))) };
}

const features = collection.features
  .filter((f) => COUNTRIES.has(String(f.id)))
  .map((f) => {
    const meta = COUNTRIES.get(String(f.id))!;
    return {
      type: 'Feature' as const,
      properties: { iso2: meta.iso2, isoNumeric: String(f.id), name: meta.name, nameRu: meta.nameRu },
      geometry: toMultiPolygon(f.geometry as Polygon | MultiPolygon),
    };
  })
  .sort((a, b) => a.properties.iso2.localeCompare(b.properties.iso2));

if (features.length !== COUNTRIES.size) {
  throw new Error(`expected ${COUNTRIES.size} countries, found ${features.length}`);
}

const out = new URL('../countries.geojson', import.meta.url);
writeFileSync(out, JSON.stringify({ type: 'FeatureCollection', features }) + '\n');
console.log(`wrote ${features.length} countries to ${out.pathname}`);

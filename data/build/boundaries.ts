/**
 * Builds the committed `data/countries.geojson` from OpenStreetMap boundaries. Run once when the
 * source changes: `npm run data:boundaries`.
 *
 * Sources (not project dependencies: together about 100 MB), installed for the run with
 *   npm install --no-save @osm_borders/maritime_10m@1.1.0 @geo-maps/earth-seas-10m@0.6.0 mapshaper@0.7.70
 * or found under BOUNDARY_SOURCE_DIR (a node_modules directory that holds them):
 * - `@osm_borders/maritime_10m` — OSM admin-0 boundaries with their territorial waters, ~10 m
 *   resolution (ODbL). Land borders come from here.
 * - `@geo-maps/earth-seas-10m` — OSM seas, the Caspian included (ODbL). Erased from the countries so
 *   that the coast, not the maritime limit, is drawn; its Caspian shore is coarser (vertices ~2–3 km
 *   apart) than the land borders.
 * - `mapshaper` — clipping, erasing and a topological simplification: a line shared by two countries
 *   is simplified once, so both polygons keep exactly the same vertices and PostGIS can derive their
 *   common border as line work (db/queries/borders.ts).
 *
 * Coordinates are [lng, lat] WGS84 (SRID 4326), rounded to 5 decimals (~1 m). The simplification
 * keeps every vertex of a land border within SIMPLIFY_M of the source line; the script measures that
 * on the Central Asian borders and stops if any source vertex ends up further than MAX_DEVIATION_M.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import countries from '../countries.json';

/** The dashboard's region: the five countries whole, their neighbours clipped to it. [west, south, east, north] */
const REGION_BBOX = [45, 29, 88, 56.5] as const;
/** Douglas–Peucker tolerance in metres (mapshaper measures it on the sphere for lng/lat data). */
const SIMPLIFY_M = 60;
/** The check: no source vertex of a Central Asian land border further than this from the result. */
const MAX_DEVIATION_M = 100;
/** The land borders of the five countries: each must come out of the build as shared line work. */
const CENTRAL_ASIAN_BORDERS = [
  'KZ–CN', 'KZ–RU', 'KZ–TM', 'KZ–UZ', 'KG–CN', 'KG–KZ', 'KG–TJ', 'KG–UZ',
  'TJ–AF', 'TJ–CN', 'TJ–UZ', 'TM–AF', 'TM–IR', 'TM–UZ', 'UZ–AF',
];
/** The simplified shared line is shorter than the source (bends cut; KZ–RU and TM–IR lose their stretch at sea) but must cover it: at least this share of its length. */
const MIN_LENGTH_SHARE = 0.95;

const SOURCES = ['@osm_borders/maritime_10m', '@geo-maps/earth-seas-10m', 'mapshaper'];
const require = createRequire(import.meta.url);
function resolveSource(name: string, file: string): string {
  const dir = process.env.BOUNDARY_SOURCE_DIR;
  const candidate = dir ? path.join(dir, name, file) : null;
  if (candidate && existsSync(candidate)) return candidate;
  try {
    return require.resolve(`${name}/${file}`);
  } catch {
    console.error(`missing ${name}: npm install --no-save ${SOURCES.map((s) => `${s}@${VERSIONS[s]}`).join(' ')}`);
    process.exit(1);
  }
}
const VERSIONS: Record<string, string> = {
  '@osm_borders/maritime_10m': '1.1.0',
  '@geo-maps/earth-seas-10m': '0.6.0',
  mapshaper: '0.7.70',
};

type Rings = Position[][];
const polygonsOf = (g: Geometry): Rings[] => {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(polygonsOf);
  return [];
};
const touchesRegion = (rings: Rings) =>
  rings[0].some(([x, y]) => x >= REGION_BBOX[0] && x <= REGION_BBOX[2] && y >= REGION_BBOX[1] && y <= REGION_BBOX[3]);

function readCountries(): Feature<MultiPolygon, { iso2: string }>[] {
  const wanted = new Set(countries.map((c) => c.iso2));
  const source = JSON.parse(readFileSync(resolveSource('@osm_borders/maritime_10m', 'borders.geo.json'), 'utf8')) as FeatureCollection<
    Geometry,
    { isoA2: string }
  >;
  const picked = source.features
    .filter((f) => wanted.has(f.properties.isoA2))
    .map((f) => ({
      type: 'Feature' as const,
      properties: { iso2: f.properties.isoA2 },
      geometry: { type: 'MultiPolygon' as const, coordinates: polygonsOf(f.geometry).filter(touchesRegion) },
    }));
  if (picked.length !== wanted.size) throw new Error(`expected ${wanted.size} countries, found ${picked.length}`);
  return picked;
}

/** The sea polygons that reach into the region (the Caspian). */
function readSeas(): Feature<MultiPolygon>[] {
  const source = JSON.parse(readFileSync(resolveSource('@geo-maps/earth-seas-10m', 'map.geo.json'), 'utf8')) as Geometry;
  return polygonsOf(source)
    .filter(touchesRegion)
    .map((rings) => ({ type: 'Feature' as const, properties: {}, geometry: { type: 'MultiPolygon' as const, coordinates: [rings] } }));
}

interface Mapshaper {
  applyCommands(commands: string, input: Record<string, unknown>): Promise<Record<string, string | Buffer>>;
}

async function simplify(land: Feature[], seas: Feature[]): Promise<FeatureCollection<Polygon | MultiPolygon, { iso2: string }>> {
  const mapshaper = require(resolveSource('mapshaper', 'mapshaper.js')) as Mapshaper;
  const commands = [
    '-i land.json seas.json combine-files',
    `-clip target=land bbox=${REGION_BBOX.join(',')}`,
    '-erase target=land seas',
    `-simplify dp target=land interval=${SIMPLIFY_M} keep-shapes`,
    '-filter-slivers target=land min-area=0.05km2',
    '-o target=land format=geojson precision=0.00001 out.json',
  ].join(' ');
  const out = await mapshaper.applyCommands(commands, {
    'land.json': { type: 'FeatureCollection', features: land },
    'seas.json': { type: 'FeatureCollection', features: seas },
  });
  return JSON.parse(String(out['out.json']));
}

const toMultiPolygon = (g: Polygon | MultiPolygon): MultiPolygon =>
  g.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [g.coordinates] } : g;

/** Vertex keys of a polygon, to find the line two neighbours share (their common vertices). */
const key = (p: Position) => `${p[0].toFixed(5)},${p[1].toFixed(5)}`;

/** Source vertices of a land border: the vertices two countries' source polygons have in common. */
function sharedVertices(a: Feature<MultiPolygon>, b: Feature<MultiPolygon>): Position[] {
  const inA = new Set(a.geometry.coordinates.flat(2).map(key));
  return b.geometry.coordinates.flat(2).filter((p) => inA.has(key(p)));
}

/** Segments of the result both neighbours use, as lines (for the deviation check). */
function sharedSegments(a: MultiPolygon, b: MultiPolygon): Position[][] {
  const edges = (g: MultiPolygon) =>
    new Set(g.coordinates.flatMap((poly) => poly.flatMap((ring) => ring.slice(1).map((p, i) => [key(ring[i]), key(p)].sort().join(';')))));
  const inA = edges(a);
  return b.coordinates.flatMap((poly) =>
    poly.flatMap((ring) => ring.slice(1).flatMap((p, i) => (inA.has([key(ring[i]), key(p)].sort().join(';')) ? [[ring[i], p]] : []))),
  );
}

/**
 * The worst distance, in metres, from a source border vertex to the simplified border. Distances are
 * local (a few hundred metres), so a plane tangent at each vertex is exact enough; segments are found
 * through a grid of CELL_DEG cells. Vertices further than MAX_DEVIATION_M are returned, so the caller
 * can tell a maritime limit the coast erased (at sea) from a border that moved.
 */
function borderDeviation(source: Position[], segments: Position[][]): { worstM: number; far: Position[] } {
  const CELL_DEG = 0.02;
  const cellKey = (x: number, y: number) => `${Math.floor(x / CELL_DEG)},${Math.floor(y / CELL_DEG)}`;
  const grid = new Map<string, Position[][]>();
  for (const s of segments) {
    const [x0, x1] = [Math.min(s[0][0], s[1][0]), Math.max(s[0][0], s[1][0])];
    const [y0, y1] = [Math.min(s[0][1], s[1][1]), Math.max(s[0][1], s[1][1])];
    for (let x = Math.floor(x0 / CELL_DEG); x <= Math.floor(x1 / CELL_DEG); x++) {
      for (let y = Math.floor(y0 / CELL_DEG); y <= Math.floor(y1 / CELL_DEG); y++) {
        const k = `${x},${y}`;
        grid.set(k, [...(grid.get(k) ?? []), s]);
      }
    }
  }
  const M_PER_DEG = 111_320;
  let worst = 0;
  const far: Position[] = [];
  for (const p of source) {
    const kx = M_PER_DEG * Math.cos((p[1] * Math.PI) / 180);
    let best = Infinity;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const [a, b] of grid.get(cellKey(p[0] + dx * CELL_DEG, p[1] + dy * CELL_DEG)) ?? []) {
          const [ax, ay, bx, by] = [(a[0] - p[0]) * kx, (a[1] - p[1]) * M_PER_DEG, (b[0] - p[0]) * kx, (b[1] - p[1]) * M_PER_DEG];
          const [vx, vy] = [bx - ax, by - ay];
          const t = Math.max(0, Math.min(1, -(ax * vx + ay * vy) / (vx * vx + vy * vy || 1)));
          best = Math.min(best, Math.hypot(ax + t * vx, ay + t * vy));
        }
      }
    }
    if (best > MAX_DEVIATION_M) far.push(p);
    else worst = Math.max(worst, best);
  }
  return { worstM: worst, far };
}

async function main() {
  const land = readCountries();
  const seas = readSeas();
  const result = await simplify(land, seas);
  const onLand = (p: Position) => !seas.some((sea) => turf.booleanPointInPolygon(p, sea));
  const meta = new Map(countries.map((c) => [c.iso2, c]));
  const features = result.features
    .map((f) => {
      const c = meta.get(f.properties.iso2)!;
      return {
        type: 'Feature' as const,
        properties: { iso2: c.iso2, isoNumeric: c.isoNumeric, name: c.name, nameRu: c.nameRu },
        geometry: toMultiPolygon(f.geometry),
      };
    })
    .sort((a, b) => a.properties.iso2.localeCompare(b.properties.iso2));
  if (features.length !== meta.size) throw new Error(`expected ${meta.size} countries after clipping, found ${features.length}`);

  const byIso = new Map(features.map((f) => [f.properties.iso2, f]));
  const sourceByIso = new Map(land.map((f) => [f.properties.iso2, f]));
  const lengthKm = (segments: Position[][]) => segments.reduce((km, s) => km + turf.distance(s[0], s[1]), 0);
  for (const pair of CENTRAL_ASIAN_BORDERS) {
    const [a, b] = pair.split('–');
    const source = sharedVertices(sourceByIso.get(a)!, sourceByIso.get(b)!);
    const segments = sharedSegments(byIso.get(a)!.geometry, byIso.get(b)!.geometry);
    if (source.length === 0 || segments.length === 0) throw new Error(`${pair}: no shared border in the ${source.length ? 'result' : 'source'}`);
    const { worstM, far } = borderDeviation(source, segments);
    const moved = far.filter(onLand);
    // Both ways: no source vertex strays from the result, and the result's shared line covers the source's.
    const share = lengthKm(segments) / lengthKm(sharedSegments(sourceByIso.get(a)!.geometry, sourceByIso.get(b)!.geometry));
    console.log(
      `${pair}: ${source.length} source vertices (${far.length - moved.length} at sea), ${segments.length} segments, ` +
        `worst ${worstM.toFixed(0)} m, ${(share * 100).toFixed(1)}% of the source's length`,
    );
    if (moved.length > 0) throw new Error(`${pair} border moved more than ${MAX_DEVIATION_M} m from its source at ${moved[0].join(', ')}`);
    if (share < MIN_LENGTH_SHARE) throw new Error(`${pair}: the shared line covers only ${(share * 100).toFixed(1)}% of the source's`);
  }

  const out = new URL('../countries.geojson', import.meta.url);
  // One feature per line: diffs stay readable, the file stays small.
  writeFileSync(out, `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`);
  const vertices = features.reduce((n, f) => n + f.geometry.coordinates.flat(2).length, 0);
  console.log(`wrote ${features.length} countries, ${vertices} vertices, to ${out.pathname}`);
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});

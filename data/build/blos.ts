/**
 * Builds `data/blos.json`, the 24 Border Liaison Offices, from `data/sources/crossings.json`.
 * Run once when the sources change: `npx tsx data/build/blos.ts`.
 *
 * The published coordinates were snapped to OpenStreetMap border lines; the map and the spatial
 * queries use Natural Earth 1:50m boundaries, generalised by up to a few km. A post published as
 * 0.4 km inside Kazakhstan can therefore fall inside Uzbekistan's 50m polygon. Where that happens
 * (or the post ends up more than 3 km from the 50m border), the position is moved to the nearest
 * point 0.5 km inside its own country from the 50m shared border, and the published coordinate is
 * kept in `sourceLon`/`sourceLat` with a note. Posts that really stand inland keep their position.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as turf from '@turf/turf';
import { mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, MultiLineString, MultiPolygon, Polygon } from 'geojson';

interface Crossing {
  name: string;
  alt_names: string[];
  country: string;
  neighbor: string;
  lon: number;
  lat: number;
  kind: 'road' | 'rail' | 'river';
  blo: 'confirmed' | 'plausible';
  source: string;
  confidence: 'high' | 'medium' | 'low';
}

/** The 24 posts: 19 named by a public source, 5 most likely (shown as unconfirmed). */
const SELECTION: Record<string, { code: string; nameRu: string; openedYear?: number; paired?: string; inlandKm?: number; inlandReason?: string }> = {
  'Kordai': { code: 'kordai', nameRu: 'Кордай', openedYear: 2016, paired: 'ak-zhol' },
  'Ak-Zhol': { code: 'ak-zhol', nameRu: 'Ак-Жол', paired: 'kordai' },
  'Sypatai Batyr': { code: 'sypatai-batyr', nameRu: 'Сыпатай Батыр', openedYear: 2022 },
  'B. Konysbaev': { code: 'b-konysbaev', nameRu: 'Б. Конысбаев', openedYear: 2021 },
  'Kainda (rail)': {
    code: 'kainda-rail', nameRu: 'Каинды (ж/д)', openedYear: 2022, inlandKm: 13,
    inlandReason: 'Rail border post at Kaindy station, about 13 km south of the KG–KZ border',
  },
  'Dostuk': { code: 'dostuk', nameRu: 'Достук', openedYear: 2015, paired: 'dustlik' },
  'Dustlik': { code: 'dustlik', nameRu: 'Дустлик', openedYear: 2015, paired: 'dostuk' },
  'Karamyk (KG)': { code: 'karamyk-kg', nameRu: 'Карамык (КР)', paired: 'karamyk-tj' },
  'Karamyk (TJ)': { code: 'karamyk-tj', nameRu: 'Карамык (РТ)', paired: 'karamyk-kg' },
  'Bor-Dobo': {
    code: 'bor-dobo', nameRu: 'Бор-Добо', paired: 'kyzyl-art', inlandKm: 6,
    inlandReason: 'Kyrgyz post on the Pamir Highway north of the no-man\'s land below the Kyzyl-Art pass, about 6 km from the border line',
  },
  'Kyzyl-Bel': { code: 'kyzyl-bel', nameRu: 'Кызыл-Бел' },
  'Fotehobod': { code: 'fotehobod', nameRu: 'Фотехобод', paired: 'oybek' },
  'Oybek': { code: 'oybek', nameRu: 'Ойбек', openedYear: 2014, paired: 'fotehobod' },
  'Dusti': { code: 'dusti', nameRu: 'Дусти', paired: 'sariosiyo' },
  'Sariosiyo': { code: 'sariosiyo', nameRu: 'Сариасия', openedYear: 2014, paired: 'dusti' },
  'Pakhtaobod (rail)': { code: 'pakhtaobod-rail', nameRu: 'Пахтаобод (ж/д)', openedYear: 2021, paired: 'kudukli-rail' },
  'Kudukli (rail)': { code: 'kudukli-rail', nameRu: 'Кудукли (ж/д)', openedYear: 2021, paired: 'pakhtaobod-rail' },
  'Kyzyl-Art': { code: 'kyzyl-art', nameRu: 'Кызыл-Арт', paired: 'bor-dobo' },
  'Panji Poyon': { code: 'panji-poyon', nameRu: 'Нижний Пяндж' },
  'Ayritom': { code: 'ayritom', nameRu: 'Айритом' },
  'Alat': { code: 'alat', nameRu: 'Алат', openedYear: 2023, paired: 'farap' },
  'Farap': { code: 'farap', nameRu: 'Фарап', paired: 'alat' },
  'Imamnazar': { code: 'imamnazar', nameRu: 'Имамназар' },
  'Serhetabat': { code: 'serhetabat', nameRu: 'Серхетабат' },
};

/** Unconfirmed posts named by the reference as most likely among the 5 unnamed BLOs. */
const UNCONFIRMED = new Set(['Ak-Zhol', 'Farap', 'Imamnazar', 'Serhetabat', 'Kyzyl-Bel']);
const ISO_NUMERIC: Record<string, string> = {
  KZ: '398', KG: '417', TJ: '762', TM: '795', UZ: '860', AF: '004', CN: '156', IR: '364', RU: '643', PK: '586',
};
const MAX_BORDER_KM = 3;
const INSET_KM = 0.5;

const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
const countriesObject = topology.objects.countries as GeometryCollection;
const countries = JSON.parse(readFileSync(new URL('../countries.geojson', import.meta.url), 'utf8')) as {
  features: Feature<MultiPolygon, { iso2: string }>[];
};
const polygonOf = (iso2: string) => {
  const f = countries.features.find((c) => c.properties.iso2 === iso2);
  if (!f) throw new Error(`no polygon for ${iso2}`);
  return f;
};
const sharedBorder = (a: string, b: string): MultiLineString =>
  mesh(topology, countriesObject, (x, y) =>
    (String(x.id) === ISO_NUMERIC[a] && String(y.id) === ISO_NUMERIC[b]) ||
    (String(x.id) === ISO_NUMERIC[b] && String(y.id) === ISO_NUMERIC[a]));

function distanceToLinesKm(point: [number, number], lines: MultiLineString): number {
  let best = Infinity;
  for (const coords of lines.coordinates) {
    best = Math.min(best, turf.pointToLineDistance(turf.point(point), turf.lineString(coords), { units: 'kilometers' }));
  }
  return best;
}

function nearestOnLines(point: [number, number], lines: MultiLineString): [number, number] {
  const hit = turf.nearestPointOnLine(turf.multiLineString(lines.coordinates), turf.point(point), { units: 'kilometers' });
  return hit.geometry.coordinates as [number, number];
}

const round5 = (v: number) => Math.round(v * 1e5) / 1e5;

const crossings = JSON.parse(readFileSync(new URL('../sources/crossings.json', import.meta.url), 'utf8')) as Crossing[];
const blos = crossings
  .filter((c) => c.name in SELECTION)
  .map((c) => {
    const pick = SELECTION[c.name];
    const own = polygonOf(c.country) as Feature<Polygon | MultiPolygon>;
    const border = sharedBorder(c.country, c.neighbor);
    const published: [number, number] = [c.lon, c.lat];
    const inside = turf.booleanPointInPolygon(turf.point(published), own);
    const km = distanceToLinesKm(published, border);
    let position = published;
    let positionNote: string | null = null;
    if (!pick.inlandKm && (!inside || km > MAX_BORDER_KM)) {
      const anchor = nearestOnLines(published, border);
      const candidates = Array.from({ length: 72 }, (_, i) =>
        turf.destination(turf.point(anchor), INSET_KM, i * 5, { units: 'kilometers' }).geometry.coordinates as [number, number])
        .filter((p) => turf.booleanPointInPolygon(turf.point(p), own) && distanceToLinesKm(p, border) >= INSET_KM * 0.8)
        .sort((p, q) => turf.distance(p, published) - turf.distance(q, published));
      if (candidates.length === 0) throw new Error(`cannot place ${c.name} inside ${c.country}`);
      position = [round5(candidates[0][0]), round5(candidates[0][1])];
      const shift = turf.distance(position, published, { units: 'kilometers' });
      positionNote = `Published point is ${inside ? `${km.toFixed(1)} km from` : 'across'} the Natural Earth 1:50m ` +
        `${c.country}–${c.neighbor} border; shown ${INSET_KM} km inside ${c.country} at the nearest border point (moved ${shift.toFixed(1)} km).`;
    }
    return {
      code: pick.code,
      name: c.name,
      nameRu: pick.nameRu,
      altNames: c.alt_names,
      country: c.country,
      neighbor: c.neighbor,
      kind: c.kind,
      status: UNCONFIRMED.has(c.name) ? 'unconfirmed' : 'confirmed',
      pairedCode: pick.paired ?? null,
      openedYear: pick.openedYear ?? null,
      confidence: c.confidence,
      source: c.source,
      lon: position[0],
      lat: position[1],
      sourceLon: c.lon,
      sourceLat: c.lat,
      positionNote,
      inlandKm: pick.inlandKm ?? null,
      inlandReason: pick.inlandReason ?? null,
    };
  });

if (blos.length !== 24) throw new Error(`expected 24 BLOs, found ${blos.length}`);
const confirmed = blos.filter((b) => b.status === 'confirmed').length;
if (confirmed !== 19) throw new Error(`expected 19 confirmed BLOs, found ${confirmed}`);
writeFileSync(new URL('../blos.json', import.meta.url), JSON.stringify(blos, null, 2) + '\n');
console.log(`wrote ${blos.length} BLOs; moved ${blos.filter((b) => b.positionNote).length} onto the 1:50m boundaries`);

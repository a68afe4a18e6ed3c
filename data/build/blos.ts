/**
 * Builds `data/blos.json`, the 24 Border Liaison Offices, from `data/sources/crossings.json`.
 * Run once when the sources change: `npx tsx data/build/blos.ts`.
 *
 * Every post stands at its published coordinate (mostly the crossing point on the OpenStreetMap
 * border line, data/sources/crossings.json). The script checks each against the committed borders
 * (data/countries.geojson, from the same OpenStreetMap lines): a crossing post within MAX_BORDER_KM of
 * the border it serves and at most MAX_WRONG_SIDE_KM across it; an inland post inside its country, at
 * its recorded distance (±0.5 km), with its reason.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon } from 'geojson';

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
  'Pakhtaobod (rail)': {
    code: 'pakhtaobod-rail', nameRu: 'Пахтаобод (ж/д)', openedYear: 2021, paired: 'kudukli-rail', inlandKm: 1.5,
    inlandReason: 'Rail border station on the Tursunzoda–Sariosiyo line, about 1.5 km inside Tajikistan (position estimated from the line)',
  },
  'Kudukli (rail)': {
    code: 'kudukli-rail', nameRu: 'Кудукли (ж/д)', openedYear: 2021, paired: 'pakhtaobod-rail', inlandKm: 1.4,
    inlandReason: 'Rail border station on the Sariosiyo–Tursunzoda line, about 1.4 km inside Uzbekistan (position estimated from the line)',
  },
  'Kyzyl-Art': { code: 'kyzyl-art', nameRu: 'Кызыл-Арт', paired: 'bor-dobo' },
  'Panji Poyon': { code: 'panji-poyon', nameRu: 'Нижний Пяндж' },
  'Ayritom': { code: 'ayritom', nameRu: 'Айритом' },
  'Alat': { code: 'alat', nameRu: 'Алат', openedYear: 2023, paired: 'farap' },
  'Farap': { code: 'farap', nameRu: 'Фарап', paired: 'alat' },
  'Imamnazar': {
    code: 'imamnazar', nameRu: 'Имамназар', inlandKm: 1.3,
    inlandReason: 'The checkpoint at Ymamnazar stands about 1.3 km north of the Turkmen–Afghan border line, facing Aqina',
  },
  'Serhetabat': { code: 'serhetabat', nameRu: 'Серхетабат' },
};

/** Unconfirmed posts named by the reference as most likely among the 5 unnamed BLOs. */
const UNCONFIRMED = new Set(['Ak-Zhol', 'Farap', 'Imamnazar', 'Serhetabat', 'Kyzyl-Bel']);
const MAX_BORDER_KM = 1;
const MAX_WRONG_SIDE_KM = 0.3;

const countries = JSON.parse(readFileSync(new URL('../countries.geojson', import.meta.url), 'utf8')) as {
  features: Feature<MultiPolygon, { iso2: string }>[];
};
const polygonOf = (iso2: string) => {
  const f = countries.features.find((c) => c.properties.iso2 === iso2);
  if (!f) throw new Error(`no polygon for ${iso2}`);
  return f;
};
/** The edges of a country's rings, keyed by their two ends (neighbours share their border's vertices). */
const edgesOf = (iso2: string) =>
  polygonOf(iso2).geometry.coordinates.flatMap((polygon) =>
    polygon.flatMap((ring) => ring.slice(1).map((p, i) => ({ key: [String(ring[i]), String(p)].sort().join(';'), line: [ring[i], p] }))));
/** Kilometres from a point to the border two countries share (the edges both polygons have). */
function distanceToBorderKm(point: [number, number], a: string, b: string): number {
  const inA = new Set(edgesOf(a).map((e) => e.key));
  const shared = edgesOf(b).filter((e) => inA.has(e.key));
  if (shared.length === 0) throw new Error(`${a} and ${b} share no border`);
  return Math.min(...shared.map((e) => turf.pointToLineDistance(point, turf.lineString(e.line), { units: 'kilometers' })));
}

const crossings = JSON.parse(readFileSync(new URL('../sources/crossings.json', import.meta.url), 'utf8')) as Crossing[];
const blos = crossings
  .filter((c) => c.name in SELECTION)
  .map((c) => {
    const pick = SELECTION[c.name];
    const published: [number, number] = [c.lon, c.lat];
    const inside = turf.booleanPointInPolygon(published, polygonOf(c.country));
    const km = distanceToBorderKm(published, c.country, c.neighbor);
    const fits = pick.inlandKm
      ? inside && Math.abs(km - pick.inlandKm) < 0.5
      : km <= MAX_BORDER_KM && (inside || km <= MAX_WRONG_SIDE_KM);
    if (!fits) throw new Error(`${c.name} is ${km.toFixed(2)} km ${inside ? 'from' : 'across'} the ${c.country}–${c.neighbor} border`);
    console.log(`${c.name.padEnd(18)} ${inside ? 'inside ' : 'across '} ${km.toFixed(2)} km from the ${c.country}–${c.neighbor} border`);
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
      lon: c.lon,
      lat: c.lat,
      sourceLon: c.lon,
      sourceLat: c.lat,
      positionNote: null,
      inlandKm: pick.inlandKm ?? null,
      inlandReason: pick.inlandReason ?? null,
    };
  });

if (blos.length !== 24) throw new Error(`expected 24 BLOs, found ${blos.length}`);
const confirmed = blos.filter((b) => b.status === 'confirmed').length;
if (confirmed !== 19) throw new Error(`expected 19 confirmed BLOs, found ${confirmed}`);
writeFileSync(new URL('../blos.json', import.meta.url), JSON.stringify(blos, null, 2) + '\n');
console.log(`wrote ${blos.length} BLOs, each at its published position`);

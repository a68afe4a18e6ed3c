/**
 * Deterministic generator of a clearly labelled synthetic sample of seizures, by default from
 * January 2019 to December 2025 (the app seeds it up to the last full month before the day it seeds).
 * Same seed and options → the same rows, in the same order, on every machine.
 *
 * The model, in plain terms: most seizures happen at a crossing, the rest on the roads inland from it;
 * volume follows the northern route (Afghan border → Tajik/Uzbek/Turkmen crossings → Kyrgyz/Kazakh
 * crossings → Russia) with opiates and cannabis dominant in the south and synthetics growing in the
 * north; precursors travel the other way. Seizures peak after the opium harvest (Jun–Oct).
 * Quantities are log-normal: many small finds, a few very large ones.
 *
 * One emerging hot spot is built in, for the analysis to find: over the sample's last 18 months,
 * finds at Dusti (TJ, on the Uzbek border) rise until, in the last month, one find in six of the whole
 * sample is made there: an already busy crossing that becomes an intensifying hot spot.
 *
 * Posts do not report every month (`unreportedPostMonths`): a few gaps of one to three months at
 * random, one named gap (Dostuk, three months, half a year before the end) and late reports (three
 * posts have not reported the sample's last month). No seizure is drawn for a post in a month it
 * did not report: such a draw goes to another post that reported that month, and a find inland that
 * would lie nearer a post that did not report is made at the crossing instead. Every other
 * post-month of the sample is reported, as seizures or as a nil report.
 */
import { isoDay, monthsIn } from '@/lib/time/dates';
import { createRandom, type Random } from './random';
import { estimateValue, getSubstance, toKgEq } from '@/lib/catalogue/substances';
import type { LngLat } from '@/lib/geo/lng-lat';
import type { SeizureInput } from '@/lib/catalogue/seizure-input';
import type { BloKind, Concealment, CountryCode, DetectionMethod, TransportMode, Unit } from '@/lib/catalogue/vocabulary';
import type { PostMonthKey } from '@/lib/import/coverage';

export interface GeneratorBlo {
  code: string;
  country: CountryCode;
  neighbor: CountryCode;
  kind: BloKind;
  lngLat: LngLat;
  /** Compass bearing (degrees) pointing from the border into the BLO's own country. */
  inlandBearing: number;
}

/** The sample's default first and last day. */
export const SYNTHETIC_FROM = '2019-01-01';
export const SYNTHETIC_THROUGH = '2025-12-31';

export interface GeneratorOptions {
  rows: number;
  seed: number;
  /** First and last month of the sample, inclusive: any day of each (default January 2019 – December 2025). */
  from?: string;
  through?: string;
}

/** The named gap in reporting: the post, how many months, and how many months before the sample's last it ends. */
export const REPORTING_GAP = { post: 'dostuk', months: 3, endsBefore: 6 } as const;
/** Posts (other than the surge's and the named gap's; at most half of them) that have not yet reported the sample's last month. */
const LATE_POSTS = 3;
/** Chance that a post-month starts a random gap, and the longest such gap in months. */
const GAP_CHANCE = 0.008;
const GAP_MAX_MONTHS = 3;

/**
 * The post-months of the sample that were not reported, in post then month order (a function of
 * the posts, the seed and the sample's months alone, drawn from a stream of its own). The surge's
 * post reports every month.
 */
export function unreportedPostMonths(codes: readonly string[], options: Omit<GeneratorOptions, 'rows'>): PostMonthKey[] {
  const { seed, from = SYNTHETIC_FROM, through = SYNTHETIC_THROUGH } = options;
  const months = monthsIn(from, through);
  const rnd = createRandom(seed + 0x9a95);
  const posts = [...codes].sort().filter((c) => c !== EMERGING_POST);
  // LATE_POSTS of the candidates, each set of them equally likely (selection sampling).
  const candidates = posts.filter((c) => c !== REPORTING_GAP.post);
  const late = new Set<string>();
  // A small network keeps at least half its posts reporting.
  const lateCount = Math.min(LATE_POSTS, Math.floor(candidates.length / 2));
  candidates.forEach((c, i) => {
    if (rnd.next() < (lateCount - late.size) / (candidates.length - i)) late.add(c);
  });
  const gapEnd = months.length - 1 - REPORTING_GAP.endsBefore;
  const out: PostMonthKey[] = [];
  for (const post of posts) {
    let left = 0;
    months.forEach((month, i) => {
      if (left === 0 && rnd.next() < GAP_CHANCE) left = 1 + Math.floor(rnd.next() * GAP_MAX_MONTHS);
      const named = post === REPORTING_GAP.post && i <= gapEnd && i > gapEnd - REPORTING_GAP.months;
      if (left > 0 || named || (late.has(post) && i === months.length - 1)) out.push({ post, month });
      if (left > 0) left--;
    });
  }
  return out;
}

/** The months from `from`'s to `through`'s, inclusive, as [year, month 0–11]. */
function monthsOf(from: string, through: string): [number, number][] {
  const months = monthsIn(from, through).map((m): [number, number] => [Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1]);
  if (months.length === 0) throw new Error(`the sample's first month (${from}) is after its last (${through})`);
  return months;
}

type Zone = 'afghan-border' | 'tajik-uzbek' | 'fergana' | 'northern-exit' | 'turkmen-uzbek';

function zoneOf(b: GeneratorBlo): Zone {
  if (b.neighbor === 'AF') return 'afghan-border';
  if (b.country === 'KZ' || b.neighbor === 'KZ') return 'northern-exit';
  if ((b.country === 'TM' && b.neighbor === 'UZ') || (b.country === 'UZ' && b.neighbor === 'TM')) return 'turkmen-uzbek';
  if ((b.country === 'KG' && b.neighbor === 'UZ') || (b.country === 'UZ' && b.neighbor === 'KG')) return 'fergana';
  return 'tajik-uzbek';
}

/** Relative seizure activity per zone (busier crossings see more finds). */
const ZONE_WEIGHT: Record<Zone, number> = {
  'afghan-border': 1.6,
  'tajik-uzbek': 1.2,
  fergana: 0.9,
  'northern-exit': 1.3,
  'turkmen-uzbek': 0.7,
};

/** Substance mix per zone; `synthetics` is scaled up year by year in the north. */
const ZONE_MIX: Record<Zone, Partial<Record<string, number>>> = {
  'afghan-border': { heroin: 30, opium: 25, hashish: 30, 'cannabis-herb': 5, 'hash-oil': 3, methamphetamine: 4, 'acetic-anhydride': 3 },
  'tajik-uzbek': {
    heroin: 30,
    opium: 12,
    hashish: 30,
    'cannabis-herb': 10,
    'hash-oil': 4,
    methamphetamine: 5,
    'psychotropic-tablets': 4,
    'acetic-anhydride': 3,
    'poppy-straw': 2,
  },
  fergana: { heroin: 22, opium: 10, hashish: 28, 'cannabis-herb': 18, methamphetamine: 8, 'psychotropic-tablets': 8, tramadol: 6 },
  'northern-exit': {
    heroin: 22,
    hashish: 22,
    'cannabis-herb': 16,
    methamphetamine: 10,
    mephedrone: 8,
    'alpha-pvp': 8,
    'psychotropic-tablets': 6,
    methadone: 2,
    tramadol: 3,
    'acetic-anhydride': 3,
  },
  'turkmen-uzbek': { heroin: 30, opium: 25, hashish: 25, methamphetamine: 8, tramadol: 7, 'acetic-anhydride': 5 },
};
const SYNTHETICS = new Set(['methamphetamine', 'mephedrone', 'alpha-pvp', 'psychotropic-tablets']);

/** Median quantity (in the substance's default unit) and log-normal spread. */
const QUANTITY: Record<string, { median: number; sigma: number; max: number }> = {
  heroin: { median: 2.5, sigma: 1.5, max: 1500 },
  opium: { median: 3, sigma: 1.4, max: 2000 },
  'poppy-straw': { median: 15, sigma: 1.2, max: 3000 },
  hashish: { median: 4, sigma: 1.5, max: 3000 },
  'cannabis-herb': { median: 6, sigma: 1.4, max: 3000 },
  'hash-oil': { median: 3, sigma: 1.2, max: 500 },
  methamphetamine: { median: 0.4, sigma: 1.6, max: 500 },
  mephedrone: { median: 0.3, sigma: 1.5, max: 300 },
  'alpha-pvp': { median: 0.2, sigma: 1.5, max: 200 },
  'psychotropic-tablets': { median: 400, sigma: 1.4, max: 500_000 },
  methadone: { median: 0.2, sigma: 1.2, max: 50 },
  tramadol: { median: 600, sigma: 1.3, max: 1_000_000 },
  'acetic-anhydride': { median: 30, sigma: 1.1, max: 20_000 },
};

/** Month weights, Jan..Dec: low in winter, highest after the opium harvest. */
const SEASON = [0.6, 0.6, 0.8, 0.9, 1.0, 1.1, 1.25, 1.35, 1.4, 1.3, 1.0, 0.75];

const TRANSPORT_ROAD: Partial<Record<TransportMode, number>> = { truck: 50, car: 32, bus: 6, pedestrian: 12 };
const TRANSPORT_RAIL: Partial<Record<TransportMode, number>> = { rail: 85, car: 10, pedestrian: 5 };
const CONCEALMENT: Record<TransportMode, Partial<Record<Concealment, number>>> = {
  truck: { cargo: 55, 'vehicle-cache': 38, unknown: 7 },
  car: { 'vehicle-cache': 60, luggage: 20, 'on-person': 12, unknown: 8 },
  bus: { luggage: 55, 'on-person': 25, body: 10, 'vehicle-cache': 10 },
  rail: { cargo: 60, 'vehicle-cache': 30, luggage: 10 },
  pedestrian: { 'on-person': 45, luggage: 30, body: 20, terrain: 5 },
  river: { terrain: 60, cargo: 40 },
  unknown: { unknown: 1 },
};
const DETECTION: Partial<Record<DetectionMethod, number>> = {
  dog: 25,
  'x-ray': 15,
  'risk-profiling': 25,
  intelligence: 20,
  inspection: 15,
};

/** The post of the surge, over how many final months, and the share of all finds it reaches in the last. */
export const EMERGING_POST = 'dusti';
export const EMERGING_MONTHS = 18;
const EMERGING_SHARE = 1 / 6;

const EARTH_KM = 6371.0088;

/** Great-circle distance in km (haversine, the sphere of `destination`). */
function sphereKm([lng1, lat1]: LngLat, [lng2, lat2]: LngLat): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.sqrt(h));
}

/** Point at `km` along `bearing` from `origin`, on a sphere (same model as turf's destination). */
function destination([lng, lat]: LngLat, km: number, bearingDeg: number): LngLat {
  const rad = Math.PI / 180;
  const d = km / EARTH_KM;
  const b = bearingDeg * rad;
  const lat1 = lat * rad;
  const lng1 = lng * rad;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
  const lng2 = lng1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
  return [Math.round((lng2 / rad) * 1e5) / 1e5, Math.round((lat2 / rad) * 1e5) / 1e5];
}

function routeOf(zone: Zone, b: GeneratorBlo, substance: string, rnd: Random): [CountryCode | null, CountryCode | null] {
  if (substance === 'acetic-anhydride') return [rnd.pick({ CN: 3, KZ: 2, RU: 2 }), 'AF'];
  const northward = rnd.pick<CountryCode>({ RU: 6, KZ: 2, KG: 1 });
  switch (zone) {
    case 'afghan-border':
    case 'turkmen-uzbek':
      return ['AF', northward];
    case 'tajik-uzbek':
    case 'fergana':
      return [rnd.pick<CountryCode>({ AF: 6, TJ: 3 }), northward];
    case 'northern-exit':
      return SYNTHETICS.has(substance)
        ? [rnd.pick<CountryCode>({ CN: 3, RU: 2, KG: 1 }), b.country]
        : [rnd.pick<CountryCode>({ AF: 5, TJ: 2, UZ: 2, KG: 1 }), 'RU'];
  }
}

function* seizuresFor(blos: readonly GeneratorBlo[], options: GeneratorOptions): Generator<SeizureInput> {
  const { rows, seed, from = SYNTHETIC_FROM, through = SYNTHETIC_THROUGH } = options;
  const rnd = createRandom(seed);
  const bloWeights = Object.fromEntries(blos.map((b, i) => [String(i), ZONE_WEIGHT[zoneOf(b)]]));
  const months = monthsOf(from, through);
  // Gentle growth (about 6% more finds each year) over the seasons.
  const monthWeights = Object.fromEntries(months.map(([, m], i) => [String(i), Math.pow(1.06, i / 12) * SEASON[m]]));
  const span = Math.max(1, months.length - 1);
  // The surge draws from a stream of its own, so every other row is the one the seed always gave.
  const surge = createRandom(seed + 0x5eed);
  const surgePost = blos.find((b) => b.code === EMERGING_POST);
  const surgeFrom = months.length - EMERGING_MONTHS;
  // Month index → the posts that did not report it. A draw in a month its post did not report goes
  // to another post that did, from a stream of its own.
  const monthIndex = new Map(monthsIn(from, through).map((m, i) => [m, i]));
  const silentPosts = new Map<number, GeneratorBlo[]>();
  const codes = blos.map((b) => b.code);
  for (const k of unreportedPostMonths(codes, options)) {
    const i = monthIndex.get(k.month)!;
    silentPosts.set(i, [...(silentPosts.get(i) ?? []), blos.find((b) => b.code === k.post)!]);
  }
  const reassign = createRandom(seed + 0x6a95);

  for (let n = 0; n < rows; n++) {
    let blo = blos[Number(rnd.pick(bloWeights))];
    const index = Number(rnd.pick(monthWeights));
    // Rising from nothing before the surge's first month to EMERGING_SHARE in the last.
    const surgeShare = (EMERGING_SHARE * Math.max(0, index - surgeFrom + 1)) / EMERGING_MONTHS;
    if (surge.next() < surgeShare && surgePost) blo = surgePost;
    const silent = silentPosts.get(index);
    const open = silent?.includes(blo) ? blos.filter((b) => !silent.includes(b)) : [];
    if (open.length > 0) {
      blo = open[Number(reassign.pick(Object.fromEntries(open.map((b, i) => [String(i), ZONE_WEIGHT[zoneOf(b)]]))))];
    }
    const zone = zoneOf(blo);
    const [year, month] = months[index];
    const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const day = 1 + Math.floor(rnd.next() * daysInMonth);
    const seizedOn = isoDay(new Date(Date.UTC(year, month, day)));

    // Synthetics grow from ×1 in the first month to ×3.5 in the last, north of the Afghan border.
    const growth = zone === 'afghan-border' ? 1 : 1 + (2.5 * index) / span;
    const mix = Object.fromEntries(Object.entries(ZONE_MIX[zone]).map(([s, w]) => [s, SYNTHETICS.has(s) ? (w ?? 0) * growth : (w ?? 0)]));
    const substance = rnd.pick(mix);
    const catalogued = getSubstance(substance);
    if (!catalogued) throw new Error(`synthetic mix names unknown substance ${substance}`);
    const unit: Unit = catalogued.defaultUnit;
    const q = QUANTITY[substance];
    const raw = q.median * Math.exp(q.sigma * rnd.normal());
    const quantity = Math.min(
      q.max,
      Math.max(unit === 'units' ? 1 : 0.001, unit === 'units' ? Math.round(raw) : Math.round(raw * 1000) / 1000),
    );
    const kgEq = toKgEq(quantity, unit);
    const { valueUsd, priceUsdPerKg } = estimateValue(substance, kgEq);

    let atCrossing = rnd.next() < 0.65;
    let lngLat = atCrossing
      ? destination(blo.lngLat, 0.3 * rnd.next(), 360 * rnd.next())
      : destination(blo.lngLat, Math.min(80, 2 + 12 * Math.exp(0.8 * rnd.normal())), blo.inlandBearing + 50 * rnd.normal());
    // A find inland that would lie nearer a post that did not report this month is drawn again
    // (from the stream of reassignments), and after a few tries made at the crossing.
    const nearerSilent = (p: LngLat) => silent!.some((b) => sphereKm(b.lngLat, p) < sphereKm(blo.lngLat, p));
    for (let tries = 0; !atCrossing && silent && nearerSilent(lngLat); tries++) {
      if (tries === 8) {
        atCrossing = true;
        lngLat = destination(blo.lngLat, 0.3 * reassign.next(), 360 * reassign.next());
      } else {
        lngLat = destination(
          blo.lngLat,
          Math.min(80, 2 + 12 * Math.exp(0.8 * reassign.normal())),
          blo.inlandBearing + 50 * reassign.normal(),
        );
      }
    }

    const transport = rnd.pick(blo.kind === 'rail' ? TRANSPORT_RAIL : TRANSPORT_ROAD);
    const [originCountry, destinationCountry] = routeOf(zone, blo, substance, rnd);
    yield {
      seizedOn,
      datePrecision: 'day',
      substance,
      quantity,
      unit,
      kgEq,
      valueUsd,
      priceUsdPerKg,
      lngLat,
      locationPrecision: atCrossing ? 'crossing' : 'place',
      country: blo.country,
      transport,
      concealment: rnd.pick(CONCEALMENT[transport]),
      detection: rnd.pick(DETECTION),
      originCountry,
      destinationCountry,
      sourceRef: null,
      notes: null,
      synthetic: true,
    };
  }
}

/** Streams `options.rows` synthetic seizures; iterate lazily for large counts. */
export function generateSyntheticSeizures(blos: readonly GeneratorBlo[], options: GeneratorOptions): Generator<SeizureInput> {
  if (blos.length === 0) throw new Error('the generator needs at least one BLO');
  if (!Number.isInteger(options.rows) || options.rows < 0) throw new Error('rows must be a whole number ≥ 0');
  return seizuresFor(blos, options);
}

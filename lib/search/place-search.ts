/**
 * Search over posts and places by any of their names, Latin or Cyrillic, with typos forgiven.
 *
 * Names are compared as folded keys (`foldName`): one transliteration of Cyrillic (Russian and the
 * Kazakh, Kyrgyz, Tajik and Uzbek letters) into Latin, then a folding that sends the usual spelling
 * variants of Central Asian names to one form: Ойбек and Oybek meet, as do Худжанд, Khujand and Hujand.
 * A query matches a name exactly, as its prefix, as the prefix of one of its words, inside it, or
 * within a small edit distance; the kinds rank in that order.
 */
import type { BloRecord } from '@/lib/catalogue/blo-record';
import type { PlaceRecord } from '@/lib/catalogue/place-record';
import type { LngLat } from '@/lib/geo/lng-lat';

export interface SearchEntry {
  kind: 'post' | 'place';
  /** Post code or GeoNames id (as a string); unique within a kind. */
  id: string;
  label: string;
  labelRu: string | null;
  /** Other names (aliases). `label` and `labelRu` are searched too and rank above these. */
  names: string[];
  lngLat: LngLat;
  /** Tie-breaker after the match kind: population for places, 0 for posts (posts rank first on ties anyway). */
  weight: number;
}

export const MATCH_KINDS = ['exact', 'prefix', 'word-prefix', 'substring', 'fuzzy'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

export interface SearchHit {
  entry: SearchEntry;
  /** The name that matched best, as written in the entry. */
  matched: string;
  match: MatchKind;
  /** Higher is better: the match kind, less 2 per edit for fuzzy matches, less 1 when an alias matched rather than the label. */
  score: number;
}

interface IndexedName {
  text: string;
  key: string;
  words: string[];
  primary: boolean;
}

export interface SearchIndex {
  entries: { entry: SearchEntry; names: IndexedName[] }[];
}

const BASE_SCORE: Record<MatchKind, number> = { exact: 100, prefix: 80, 'word-prefix': 60, substring: 40, fuzzy: 20 };
/** Queries of fewer letters and digits than this, as typed (Ш is one), answer nothing. */
export const MIN_QUERY_LENGTH = 2;
export const DEFAULT_LIMIT = 8;

/** Edits forgiven for a folded query of this length: none under 4, 1 for 4–6, 2 for 7 and more. */
export const maxTypos = (keyLength: number): number => (keyLength < 4 ? 0 : keyLength <= 6 ? 1 : 2);

/** Letter-for-letter table from two spellings of an alphabet, the Latin side space-separated ('-' for none). */
function letters(from: string, to: string): [string, string][] {
  const latin = to.split(' ').map((l) => (l === '-' ? '' : l));
  if (latin.length !== [...from].length) throw new Error(`transliteration table: ${from}`);
  return [...from].map((c, i) => [c, latin[i]]);
}

const CYRILLIC_TO_LATIN: Record<string, string> = Object.fromEntries([
  ...letters('абвгдеёжзийклмнопрстуфхцчшщъыьэюя', 'a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya'),
  // Kazakh, Kyrgyz, Tajik and Uzbek. Uzbek ў is written ŭ by the BGN romanisation GeoNames follows (Yangiyŭl): u, not o'.
  ...letters('әғқңөұүһіўҳҷӣӯ', 'a gh q ng o u u h i u h j i u'),
  // Ukrainian and Serbian letters found in GeoNames' alternate names.
  ...letters('їєґј', 'yi ye g j'),
]);

/** Latin letters whose diacritic changes the sound (Turkmen ş, Czech š, Turkish ç, Azeri ə), and ligatures. */
const LATIN_SPECIAL: Record<string, string> = Object.fromEntries(
  letters('şșšŝçčĉžğıəłøæœßđħŋ', 'sh sh sh sh ch ch ch zh gh i a l o ae oe ss d h ng'),
);

/** Apostrophes and spacing modifier letters (ʻ ʼ ˌ …), removed: O‘sh, Oʻsh and O'sh are Osh. */
const APOSTROPHES = /['`´‘’‛′\u02B0-\u02FF\u200C\u200D]/g;

/**
 * A name in plain lower-case Latin: Cyrillic transliterated, diacritics and apostrophes removed,
 * hyphens and punctuation as single spaces ("Qo‘qon" → "qoqon", "Кара-Балта" → "kara balta").
 */
export function plainName(name: string): string {
  let s = '';
  for (const ch of name.normalize('NFC').toLowerCase()) s += CYRILLIC_TO_LATIN[ch] ?? LATIN_SPECIAL[ch] ?? ch;
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(APOSTROPHES, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The key names are compared by: the plain name (`plainName`) with the usual spelling variants
 * folded together. Digraphs become one placeholder letter (upper case, never produced otherwise),
 * so that an edit distance counts `sh` against `s` as one edit: S = sh/ş/š, C = ch/č, H = kh/h/x,
 * J = j/zh/dzh/dj, Z = ts/c. Then q → k, gh → g, w → v, y → i, a j after a vowel and before a
 * consonant or the end → i (Kordaj = Kordai), ou → u, doubled letters single, ie → e.
 * Returns '' for a name in another script.
 */
export function foldName(name: string): string {
  return plainName(name)
    .replace(/ou/g, 'u')
    .replace(/tsch/g, 'C')
    .replace(/shch|sch/g, 'S')
    .replace(/dzh|zh|dj/g, 'J')
    .replace(/sh/g, 'S')
    .replace(/ch/g, 'C')
    .replace(/kh/g, 'H')
    .replace(/gh/g, 'g')
    .replace(/ts/g, 'Z')
    .replace(/([aeiouy])j(?![aeiouy])/g, '$1i')
    .replace(/j/g, 'J')
    .replace(/[xh]/g, 'H')
    .replace(/c/g, 'Z')
    .replace(/q/g, 'k')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i')
    .replace(/([a-zA-Z])\1+/g, '$1')
    .replace(/ie/g, 'e')
    .replace(/([a-zA-Z])\1+/g, '$1');
}

/**
 * Damerau–Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and
 * transpositions of neighbours), giving up with `max + 1` once the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

/** A trailing qualifier in parentheses is optional: "Kainda (rail)" is found as "Kainda", "Hairatan (AF side)" as "Hairatan". */
const withoutQualifier = (name: string): string => name.replace(/\s*\([^)]*\)\s*$/, '').trim();

export function buildSearchIndex(entries: readonly SearchEntry[]): SearchIndex {
  return {
    entries: entries.map((entry) => {
      const seen = new Set<string>();
      const names: IndexedName[] = [];
      const add = (text: string, primary: boolean) => {
        for (const form of [text, withoutQualifier(text)]) {
          const key = foldName(form);
          if (!key || seen.has(key)) continue;
          seen.add(key);
          names.push({ text: form, key, words: key.split(' '), primary });
        }
      };
      add(entry.label, true);
      if (entry.labelRu) add(entry.labelRu, true);
      for (const name of entry.names) add(name, false);
      return { entry, names };
    }),
  };
}

function matchName(query: string, name: IndexedName): { match: MatchKind; distance: number } | null {
  if (name.key === query) return { match: 'exact', distance: 0 };
  if (name.key.startsWith(query)) return { match: 'prefix', distance: 0 };
  if (name.words.slice(1).some((w) => w.startsWith(query))) return { match: 'word-prefix', distance: 0 };
  if (name.key.includes(query)) return { match: 'substring', distance: 0 };
  const max = maxTypos(query.length);
  if (max === 0) return null;
  let distance = editDistance(query, name.key, max);
  if (name.words.length > 1) for (const w of name.words) distance = Math.min(distance, editDistance(query, w, max));
  return distance <= max ? { match: 'fuzzy', distance } : null;
}

/** Best hit first: match kind (and edits), label before alias, posts before places, then weight, then label. */
function compareHits(a: SearchHit, b: SearchHit): number {
  return (
    b.score - a.score ||
    (a.entry.kind === b.entry.kind ? 0 : a.entry.kind === 'post' ? -1 : 1) ||
    b.entry.weight - a.entry.weight ||
    (a.entry.label < b.entry.label ? -1 : a.entry.label > b.entry.label ? 1 : 0)
  );
}

/** Entries whose names match the query, each once (by its best-matching name), best first. */
export function searchNames(index: SearchIndex, query: string, limit = DEFAULT_LIMIT): SearchHit[] {
  if ((query.normalize('NFC').match(/[\p{L}\p{N}]/gu) ?? []).length < MIN_QUERY_LENGTH || limit <= 0) return [];
  const key = foldName(query);
  if (!key) return [];
  const hits: SearchHit[] = [];
  for (const { entry, names } of index.entries) {
    let best: SearchHit | null = null;
    for (const name of names) {
      const m = matchName(key, name);
      if (!m) continue;
      const score = BASE_SCORE[m.match] - 2 * m.distance - (name.primary ? 0 : 1);
      if (!best || score > best.score) best = { entry, matched: name.text, match: m.match, score };
    }
    if (best) hits.push(best);
  }
  return hits.sort(compareHits).slice(0, limit);
}

/** A post: its English and Russian names are the labels, its other names the aliases. */
export function postSearchEntry(blo: Pick<BloRecord, 'code' | 'name' | 'nameRu' | 'altNames'> & { lngLat: LngLat }): SearchEntry {
  return {
    kind: 'post',
    id: blo.code,
    label: blo.name,
    labelRu: blo.nameRu,
    names: blo.altNames,
    lngLat: blo.lngLat,
    weight: 0,
  };
}

/** A place: labels as shipped, ranked among places by population. */
export function placeSearchEntry(place: PlaceRecord): SearchEntry {
  return {
    kind: 'place',
    id: String(place.id),
    label: place.name,
    labelRu: place.nameRu,
    names: place.altNames,
    lngLat: [place.lon, place.lat],
    weight: place.population,
  };
}

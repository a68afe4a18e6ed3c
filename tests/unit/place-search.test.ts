import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bloRecordSchema } from '@/lib/catalogue/blo-record';
import { placeRecordSchema } from '@/lib/catalogue/place-record';
import {
  buildSearchIndex,
  foldName,
  placeSearchEntry,
  postSearchEntry,
  searchNames,
  type SearchEntry,
  type SearchIndex,
} from '@/lib/search/place-search';

function createPost(id: string, label: string, labelRu: string, names: string[] = []): SearchEntry {
  return { kind: 'post', id, label, labelRu, names, lngLat: [69, 40], weight: 0 };
}

function createPlace(id: string, label: string, labelRu: string | null, weight: number, names: string[] = []): SearchEntry {
  return { kind: 'place', id, label, labelRu, names, lngLat: [69, 40], weight };
}

/** Posts and places as the app will hold them; populations chosen so that weight alone would order them otherwise. */
function createIndex(): SearchIndex {
  return buildSearchIndex([
    createPost('oybek', 'Oybek', 'Ойбек', ['Aybek']),
    createPost('dostuk', 'Dostuk', 'Достук'),
    createPost('ayritom', 'Ayritom', 'Айритом', ['Termez', 'Hairatan (AF side)']),
    createPlace('termez', 'Termez', 'Термез', 182_800, ['Tirmiz', 'Termiz']),
    createPlace('khujand', 'Khujand', 'Худжанд', 191_000, ['Xoʻjand', 'Leninabad']),
    createPlace('dushanbe', 'Dushanbe', 'Душанбе', 679_400, ['Stalinabad']),
    createPlace('osh', 'Osh', 'Ош', 322_164, ['O‘sh']),
    createPlace('kara-balta', 'Kara-Balta', null, 48_278),
    createPlace('village-dostuk', 'Dostuk', null, 1_200),
    createPlace('dostukobod', 'Dostukobod', null, 90_000),
    // The ladder of match kinds for "Batken", each rung more populous than the one above it.
    createPlace('batken', 'Batken', 'Баткен', 27_730),
    createPlace('batkenabad', 'Batkenabad', null, 100_000),
    createPlace('kyzyl-batken', 'Kyzyl-Batken', null, 200_000),
    createPlace('akbatken', 'Akbatken', null, 300_000),
    createPlace('bakten', 'Bakten', null, 400_000),
  ]);
}

const ids = (index: SearchIndex, query: string) => searchNames(index, query).map((h) => h.entry.id);
const first = (index: SearchIndex, query: string) => searchNames(index, query)[0]?.entry.id;

describe('name folding', () => {
  it('brings Latin and Cyrillic spellings of one name to one key', () => {
    expect(foldName('Ойбек')).toBe(foldName('Oybek'));
    expect(foldName('Термез')).toBe(foldName('Termez'));
    expect(foldName('Худжанд')).toBe(foldName('Khujand'));
    expect(foldName('Hujand')).toBe(foldName('Khujand'));
    expect(foldName('Кордай')).toBe(foldName('Kordaj'));
    expect(foldName('Қордай')).toBe(foldName('Korday'));
    expect(foldName('Türkmenbaşy')).toBe(foldName('Turkmenbashi'));
    expect(foldName('Jizzax')).toBe(foldName('Jizzakh'));
    expect(foldName('Янгийўл')).toBe(foldName('Yangiyŭl'));
  });

  it('ignores case, diacritics and apostrophes, and treats hyphens as spaces', () => {
    expect(foldName('O‘sh')).toBe(foldName('osh'));
    expect(foldName('Oʻsh')).toBe(foldName('OSH'));
    expect(foldName("Qo'qon")).toBe(foldName('Qo`qon'));
    expect(foldName('Kara-Balta')).toBe(foldName('kara  balta'));
    expect(foldName('Dŭstí')).toBe(foldName('Dusti'));
  });

  it('keeps different names apart', () => {
    expect(foldName('Osh')).not.toBe(foldName('Os'));
    expect(foldName('Termez')).not.toBe(foldName('Tirmiz'));
  });

  it('writes a digraph as one letter, so that an edit distance counts sh against s as one edit', () => {
    expect(foldName('Сары-Таш')).toBe('sari taS');
    expect(foldName('Khujand')).toBe('HuJand');
  });

  it('folds a name in another script to nothing', () => {
    expect(foldName('ترمذ')).toBe('');
  });
});

describe('searchNames over fixtures', () => {
  const index = createIndex();

  it('finds a post by its Cyrillic name, its Latin name in any case, and a variant', () => {
    expect(first(index, 'Ойбек')).toBe('oybek');
    expect(first(index, 'oybek')).toBe('oybek');
    expect(first(index, 'OYBEK')).toBe('oybek');
    expect(first(index, 'Aybek')).toBe('oybek');
  });

  it('finds Termez by its Russian name and by its Uzbek spellings', () => {
    expect(first(index, 'Термез')).toBe('termez');
    expect(first(index, 'Termiz')).toBe('termez');
    expect(first(index, 'Tirmiz')).toBe('termez');
  });

  it('finds Khujand by Худжанд, Khujand, Hujand, the Uzbek Xoʻjand and the former Leninabad', () => {
    for (const q of ['Худжанд', 'Khujand', 'Hujand', "Xo'jand", 'Leninabad']) expect(first(index, q), q).toBe('khujand');
  });

  it('forgives typos: a dropped letter, a wrong one, two swapped', () => {
    expect(first(index, 'Oybk')).toBe('oybek');
    expect(first(index, 'Termes')).toBe('termez');
    expect(first(index, 'Dushnabe')).toBe('dushanbe');
    expect(searchNames(index, 'Dushnabe')[0]).toMatchObject({ match: 'fuzzy', matched: 'Dushanbe' });
  });

  it('finds a Latin-only entry by a Cyrillic query', () => {
    expect(first(index, 'Кара-Балта')).toBe('kara-balta');
    expect(searchNames(index, 'кара балта')[0]).toMatchObject({ match: 'exact', matched: 'Kara-Balta' });
  });

  it('treats hyphens and spaces alike', () => {
    expect(searchNames(index, 'Kara Balta')[0]).toMatchObject({ match: 'exact', entry: { id: 'kara-balta' } });
  });

  it('answers a two-letter query, as Ош is', () => {
    expect(first(index, 'Ош')).toBe('osh');
    expect(first(index, 'O‘sh')).toBe('osh');
  });

  it('ranks exact over prefix over word prefix over substring over fuzzy, whatever the populations', () => {
    expect(ids(index, 'Batken')).toEqual(['batken', 'batkenabad', 'kyzyl-batken', 'akbatken', 'bakten']);
    expect(searchNames(index, 'Batken').map((h) => h.match)).toEqual(['exact', 'prefix', 'word-prefix', 'substring', 'fuzzy']);
  });

  it('ranks a post over a place of the same name, and both over a longer name', () => {
    expect(ids(index, 'Dostuk')).toEqual(['dostuk', 'village-dostuk', 'dostukobod']);
    expect(ids(index, 'Достук')).toEqual(['dostuk', 'village-dostuk', 'dostukobod']);
  });

  it('ranks a match on the label over the same match on an alias', () => {
    // Ayritom lists Termez among its names; the town is called Termez.
    expect(ids(index, 'Termez')).toEqual(['termez', 'ayritom']);
    expect(ids(index, 'Термез')).toEqual(['termez', 'ayritom']);
  });

  it('returns each entry once, by its best-matching name', () => {
    const hits = searchNames(index, 'Termiz');
    expect(hits.map((h) => h.entry.id)).toEqual(['termez', 'ayritom']);
    expect(hits[0]).toMatchObject({ matched: 'Termiz', match: 'exact' });
    expect(hits[1]).toMatchObject({ matched: 'Termez', match: 'fuzzy' });
  });

  it('finds a post by a qualified alias without its qualifier', () => {
    expect(first(index, 'Hairatan')).toBe('ayritom');
  });

  it('answers nothing to a query under two characters', () => {
    expect(searchNames(index, 'x')).toEqual([]);
    expect(searchNames(index, '')).toEqual([]);
    expect(searchNames(index, ' - ')).toEqual([]);
    expect(searchNames(index, 'Ш')).toEqual([]);
  });

  it('forgives no typo under four letters', () => {
    expect(searchNames(index, 'Osk')).toEqual([]);
  });

  it('finds nothing for an unrelated word', () => {
    expect(searchNames(index, 'Moscow')).toEqual([]);
    expect(searchNames(index, 'Москва')).toEqual([]);
  });

  it('returns at most `limit` hits', () => {
    expect(searchNames(index, 'Batken', 2).map((h) => h.entry.id)).toEqual(['batken', 'batkenabad']);
    expect(searchNames(index, 'Batken', 0)).toEqual([]);
  });
});

describe('searchNames over data/places.json and data/blos.json', () => {
  const places = z.array(placeRecordSchema).parse(JSON.parse(readFileSync('data/places.json', 'utf8')));
  const blos = z.array(bloRecordSchema).parse(JSON.parse(readFileSync('data/blos.json', 'utf8')));
  const index = buildSearchIndex([...blos.map((b) => postSearchEntry({ ...b, lngLat: [b.lon, b.lat] })), ...places.map(placeSearchEntry)]);
  const top = (query: string) => {
    const hit = searchNames(index, query)[0];
    return hit && `${hit.entry.kind}:${hit.entry.id}:${hit.entry.label}`;
  };

  it('ships places with unique GeoNames ids', () => {
    expect(new Set(places.map((p) => p.id)).size).toBe(places.length);
  });

  it('refuses a place whose rank does not match its population', () => {
    const termez = places.find((p) => p.id === 1215957);
    expect(termez).toMatchObject({ name: 'Termez', nameRu: 'Термез', rank: 'town' });
    expect(placeRecordSchema.safeParse({ ...termez, rank: 'city' }).success).toBe(false);
    expect(placeRecordSchema.safeParse({ ...termez, rank: 'capital' }).success).toBe(true);
  });

  it('puts the expected post or town first', () => {
    expect(top('Ойбек')).toBe('post:oybek:Oybek');
    expect(top('oybek')).toBe('post:oybek:Oybek');
    expect(top('Termiz')).toBe('place:1215957:Termez');
    expect(top('Термез')).toBe('place:1215957:Termez');
    expect(top('Osh')).toBe('place:1527534:Osh');
    expect(top('Ош')).toBe('place:1527534:Osh');
    expect(top('Khujand')).toBe('place:1514879:Khujand');
    expect(top('Худжанд')).toBe('place:1514879:Khujand');
  });

  it('puts the post first where a village shares its name', () => {
    expect(top('Kainda')).toBe('post:kainda-rail:Kainda (rail)');
    expect(top('Farap')).toBe('post:farap:Farap');
  });

  it('answers a query well under 5 ms', () => {
    const queries = ['Ойбек', 'oybek', 'Termiz', 'Термез', 'Osh', 'Khujand', 'Dushnabe', 'Samarkn', 'Бишкек', 'Leninabad'];
    const rounds = 20;
    const start = performance.now();
    for (let i = 0; i < rounds; i++) for (const q of queries) searchNames(index, q);
    const perQuery = (performance.now() - start) / (rounds * queries.length);
    expect(perQuery).toBeLessThan(5);
  });
});

import blos from '@/data/blos.json';

/** Codes of the shipped BLOs (data/blos.json), for validating `blo=` parameters without a query. */
export const BLO_CODES: readonly string[] = blos.map((b) => b.code);

const NAMES = new Map(blos.map((b) => [b.code, { name: b.name, nameRu: b.nameRu }]));

/** A shipped BLO's names in Latin and Cyrillic, for writing a `blo=` filter in words; undefined for an unknown code. */
export const getBloNames = (code: string): { name: string; nameRu: string } | undefined => NAMES.get(code);

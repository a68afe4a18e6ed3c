import blos from '@/data/blos.json';

/** Codes of the shipped BLOs (data/blos.json), for validating `blo=` parameters without a query. */
export const BLO_CODES: readonly string[] = blos.map((b) => b.code);

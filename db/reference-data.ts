/**
 * Reads the shipped data files (data/): the 24 BLOs, country polygons and the public seizures.
 * Each is validated on load; a malformed file stops the seed with the file's name.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { bloRecordSchema, type BloRecord } from '@/lib/catalogue/blo-record';
import { COUNTRY_CODES } from '@/lib/catalogue/vocabulary';

const countryFeatureSchema = z.object({
  type: z.literal('Feature'),
  properties: z.object({ iso2: z.enum(COUNTRY_CODES), isoNumeric: z.string().length(3), name: z.string(), nameRu: z.string() }),
  geometry: z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.unknown()) }),
});
export type CountryFeature = z.infer<typeof countryFeatureSchema>;

export interface ReferenceData {
  blos: BloRecord[];
  countries: CountryFeature[];
  /** Raw rows of data/public-seizures.csv, header keys. */
  publicSeizures: Record<string, string>[];
  /** SHA-256 (hex) of the files the spatial derivations depend on, by name under data/. */
  hashes: { 'blos.json': string; 'countries.geojson': string };
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}

function parseFile<T>(file: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`${file}: ${result.error.issues[0].path.join('.')} ${result.error.issues[0].message}`);
  return result.data;
}

/** Loads data/ under `root` (the project directory). */
export function loadReferenceData(root = process.cwd()): ReferenceData {
  const dataDir = path.join(root, 'data');
  const blosFile = path.join(dataDir, 'blos.json');
  const countriesFile = path.join(dataDir, 'countries.geojson');
  const publicFile = path.join(dataDir, 'public-seizures.csv');
  return {
    blos: parseFile(blosFile, z.array(bloRecordSchema).length(24), readJson(blosFile)),
    countries: parseFile(countriesFile, z.object({ features: z.array(countryFeatureSchema) }), readJson(countriesFile)).features,
    publicSeizures: parse(readFileSync(publicFile, 'utf8'), { columns: true, skip_empty_lines: true, bom: true }),
    hashes: { 'blos.json': sha256(blosFile), 'countries.geojson': sha256(countriesFile) },
  };
}

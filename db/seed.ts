/**
 * Loads reference data (substances, countries, borders, BLOs), the public seizures and a synthetic
 * sample, as one data version. Re-running replaces the seeded seizures (marked removed, kept for
 * as-of links) and keeps imported ones.
 */
import { eq, sql } from 'drizzle-orm';
import { copyInto, type BulkTransaction, type Database, type Db } from './client';
import { blos, countries, importBatches, referenceFiles, substances } from './schema';
import { writeVersion } from './data-versions';
import { insertSeizuresInBulk } from './seizures-bulk';
import { deriveBorders } from '@/db/queries/borders';
import { rowsOf } from './result-rows';
import type { ReferenceData } from './reference-data';
import { SUBSTANCES } from '@/lib/catalogue/substances';
import { toCsvLine } from '@/lib/csv/csv-line';
import { cellOf, cellToDecimal } from '@/lib/geo/h3-cell';
import { publicRowToInput } from '@/lib/import/public-seizure-row';
import {
  generateSyntheticSeizures,
  SYNTHETIC_FROM,
  SYNTHETIC_THROUGH,
  unreportedPostMonths,
  type GeneratorBlo,
} from '@/lib/synthetic/synthetic-seizures';
import { writeCoverage } from './import-seizures';
import { monthsIn } from '@/lib/time/dates';
import type { SeizureInput } from '@/lib/catalogue/seizure-input';
import type { PostMonthKey } from '@/lib/import/coverage';
import type { LngLat } from '@/lib/geo/lng-lat';
import type { BatchKind, CountryCode } from '@/lib/catalogue/vocabulary';

export const SEIZURE_COPY_COLUMNS = [
  'seized_on',
  'date_precision',
  'substance',
  'quantity',
  'unit',
  'kg_eq',
  'value_usd',
  'price_usd_per_kg',
  'geom',
  'location_precision',
  'country',
  'transport',
  'concealment',
  'detection',
  'origin_country',
  'destination_country',
  'source_ref',
  'notes',
  'synthetic',
  'batch_id',
  'dedupe_key',
  'cell',
  'added_in',
] as const;

/** Where a seeded or loaded row comes from: its batch and the data version that adds it. */
export interface RowOrigin {
  batchId: number;
  version: number;
}

/** One seizure as a CSV line for COPY, columns as SEIZURE_COPY_COLUMNS; the point as EWKT. */
export function seizureCsvLine(s: SeizureInput, origin: RowOrigin, dedupeKey: string | null): string {
  return toCsvLine([
    s.seizedOn,
    s.datePrecision,
    s.substance,
    s.quantity,
    s.unit,
    s.kgEq,
    s.valueUsd,
    s.priceUsdPerKg,
    `SRID=4326;POINT(${s.lngLat[0]} ${s.lngLat[1]})`,
    s.locationPrecision,
    s.country,
    s.transport,
    s.concealment,
    s.detection,
    s.originCountry,
    s.destinationCountry,
    s.sourceRef,
    s.notes,
    s.synthetic,
    origin.batchId,
    dedupeKey,
    cellToDecimal(cellOf(s.lngLat)),
    origin.version,
  ]);
}

export async function seedReferenceData(db: Db, data: ReferenceData): Promise<{ borders: number }> {
  return db.transaction((tx) => writeReferenceData(tx, data));
}

/** Substances, countries, posts and the files' hashes, then the borders derived: inside the caller's transaction. */
export async function writeReferenceData(tx: Db, data: ReferenceData): Promise<{ borders: number }> {
  for (const s of SUBSTANCES) {
    const values = {
      code: s.code,
      group: s.group,
      nameEn: s.en,
      nameRu: s.ru,
      defaultUnit: s.defaultUnit,
      priceUsdPerKg: s.priceUsdPerKg,
    };
    await tx.insert(substances).values(values).onConflictDoUpdate({ target: substances.code, set: values });
  }
  for (const f of data.countries) {
    // ST_MakeValid: a few Natural Earth rings self-touch (Arctic Russia), which GEOS rejects in overlays.
    const geom = sql`ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(f.geometry)}), 4326)), 3))`;
    const values = { iso2: f.properties.iso2, isoNumeric: f.properties.isoNumeric, name: f.properties.name, nameRu: f.properties.nameRu };
    await tx
      .insert(countries)
      .values({ ...values, geom })
      .onConflictDoUpdate({ target: countries.iso2, set: { ...values, geom } });
  }
  for (const b of data.blos) {
    const { lon, lat, ...rest } = b;
    const values = { ...rest, geom: [lon, lat] as LngLat };
    await tx.insert(blos).values(values).onConflictDoUpdate({ target: blos.code, set: values });
  }
  for (const [file, sha256] of Object.entries(data.hashes)) {
    await tx
      .insert(referenceFiles)
      .values({ file, sha256 })
      .onConflictDoUpdate({ target: referenceFiles.file, set: { sha256, loadedAt: sql`now()` } });
  }
  return { borders: await deriveBorders(tx) };
}

async function createBatch(db: Db, kind: BatchKind, label: string, version: number): Promise<number> {
  const [row] = await db.insert(importBatches).values({ kind, label, dataVersion: version }).returning({ id: importBatches.id });
  return row.id;
}

async function finishBatch(db: Db, id: number, rows: number): Promise<void> {
  await db
    .update(importBatches)
    .set({ rows, accepted: rows, finishedAt: sql`now()` })
    .where(eq(importBatches.id, id));
}

/** Marks the current seizures and coverage of earlier seeds (public and synthetic batches) removed in `version`, keeping imported ones. */
async function retireSeededSeizures(db: Db, version: number): Promise<void> {
  for (const table of [sql`seizures`, sql`reporting_coverage`]) {
    await db.execute(sql`
      UPDATE ${table} SET removed_in = ${version}
       WHERE removed_in IS NULL AND batch_id IN (SELECT id FROM import_batches WHERE kind IN ('public', 'synthetic'))`);
  }
}

async function seedPublicSeizures(tx: BulkTransaction, data: ReferenceData, version: number): Promise<number> {
  const positions = new Map(data.blos.map((b) => [b.code, [b.lon, b.lat] as LngLat]));
  const inputs = data.publicSeizures.map((row) => publicRowToInput(row, (code) => positions.get(code)));
  const batchId = await createBatch(tx.db, 'public', 'Publicly reported seizures (data/public-seizures.csv)', version);
  await copyInto(
    tx,
    'seizures',
    SEIZURE_COPY_COLUMNS,
    inputs.map((s) => seizureCsvLine(s, { batchId, version }, `public:${s.sourceRef}`)),
    'public_staging',
  );
  await finishBatch(tx.db, batchId, inputs.length);
  return inputs.length;
}

/** Each BLO with the compass bearing from the nearest point of its border into its own country. */
export async function listGeneratorBlos(db: Db): Promise<GeneratorBlo[]> {
  const result = await db.execute(sql`
    SELECT b.code, b.country, b.neighbor, b.kind, ST_X(b.geom) AS lng, ST_Y(b.geom) AS lat,
           degrees(ST_Azimuth(ST_ClosestPoint(br.geom, b.geom), b.geom)) AS bearing
      FROM blos b
      JOIN borders br ON (br.a, br.b) = (LEAST(b.country, b.neighbor), GREATEST(b.country, b.neighbor))
     ORDER BY b.code`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    code: String(r.code),
    country: String(r.country) as CountryCode,
    neighbor: String(r.neighbor) as CountryCode,
    kind: r.kind as GeneratorBlo['kind'],
    lngLat: [Number(r.lng), Number(r.lat)],
    // ST_Azimuth is null when the post lies exactly on the line; any bearing will do then.
    inlandBearing: r.bearing === null ? 0 : Number(r.bearing),
  }));
}

export interface SyntheticSeedOptions {
  rows: number;
  seed: number;
  /** Last day of the sample's last month (default 31 Dec 2025); the app and db:seed give the last full month before the day they seed. */
  through?: string;
}

export interface SeedOptions extends SyntheticSeedOptions {
  /** Who seeds: the command line's operator, or the app on its first start. */
  account: string;
}

/** The sample's reported post-months: every post and month of it but those the generator leaves unreported. */
export function syntheticCoverage(generatorBlos: readonly GeneratorBlo[], options: SyntheticSeedOptions): PostMonthKey[] {
  const codes = generatorBlos.map((b) => b.code);
  const missing = new Set(unreportedPostMonths(codes, options).map((k) => `${k.post} ${k.month}`));
  return monthsIn(SYNTHETIC_FROM, options.through ?? SYNTHETIC_THROUGH).flatMap((month) =>
    codes.filter((post) => !missing.has(`${post} ${month}`)).map((post) => ({ post, month })),
  );
}

async function seedSynthetic(tx: BulkTransaction, options: SyntheticSeedOptions, version: number): Promise<number> {
  const generatorBlos = await listGeneratorBlos(tx.db);
  if (generatorBlos.length === 0) throw new Error('no BLOs with a border: seed the reference data first');
  const covered = syntheticCoverage(generatorBlos, options);
  const unreported = generatorBlos.length * monthsIn(SYNTHETIC_FROM, options.through ?? SYNTHETIC_THROUGH).length - covered.length;
  // The batch's label says what the sample is, the post-months it leaves unreported included.
  const batchId = await createBatch(
    tx.db,
    'synthetic',
    `Synthetic sample: ${options.rows} rows, seed ${options.seed}${options.through ? `, up to ${options.through}` : ''}; ${covered.length} post-months reported, ${unreported} not`,
    version,
  );
  function* lines() {
    for (const s of generateSyntheticSeizures(generatorBlos, options)) yield seizureCsvLine(s, { batchId, version }, null);
  }
  await insertSeizuresInBulk(tx, SEIZURE_COPY_COLUMNS, lines(), 'synthetic_staging');
  await writeCoverage(tx.db, covered, batchId, version);
  await finishBatch(tx.db, batchId, options.rows);
  return options.rows;
}

/** Loads a synthetic sample alone, as its own data version (the import benchmark's raw path). */
export async function seedSyntheticSeizures(database: Database, options: SeedOptions): Promise<number> {
  return writeVersion(
    database,
    { action: 'seed', account: options.account, batchId: null, note: `Synthetic sample of ${options.rows} rows` },
    (tx, version) => seedSynthetic(tx, options, version),
  );
}

/** Removes the seeded seizures (public and synthetic) from the current state, as their own data version. */
export async function clearSeededSeizures(database: Database, account: string): Promise<void> {
  await writeVersion(database, { action: 'seed', account, batchId: null, note: 'Seeded seizures removed' }, (tx, version) =>
    retireSeededSeizures(tx.db, version),
  );
}

export interface SeedResult {
  borders: number;
  publicRows: number;
  syntheticRows: number;
}

export async function seedDatabase(database: Database, data: ReferenceData, options: SeedOptions): Promise<SeedResult> {
  const { borders } = await seedReferenceData(database.db, data);
  // One data version: the earlier seed's rows go and the new ones come in the same transaction.
  const { publicRows, syntheticRows } = await writeVersion(
    database,
    {
      action: 'seed',
      account: options.account,
      batchId: null,
      note: `Seed: public seizures and a synthetic sample of ${options.rows} rows (seed ${options.seed})`,
    },
    async (tx, version) => {
      await retireSeededSeizures(tx.db, version);
      return { publicRows: await seedPublicSeizures(tx, data, version), syntheticRows: await seedSynthetic(tx, options, version) };
    },
  );
  // The planner's statistics for the rows just written (the sample is stored in spatial order already).
  await database.db.execute(sql`ANALYZE seizures`);
  return { borders, publicRows, syntheticRows };
}

/** True when no BLOs are loaded yet: a new database that needs its first seed. */
export async function needsSeed(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(blos);
  return row.n === 0;
}

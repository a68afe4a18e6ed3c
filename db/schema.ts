/**
 * Tables of BLO Atlas. All geometries are SRID 4326, coordinates [lng, lat].
 * Closed vocabularies come from lib/catalogue/vocabulary.ts and become CHECK constraints here.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  BATCH_KINDS,
  BLO_KINDS,
  BLO_STATUSES,
  CONCEALMENTS,
  DATA_VERSION_ACTIONS,
  DATE_PRECISIONS,
  DETECTION_METHODS,
  LOCATION_CONFIDENCES,
  LOCATION_PRECISIONS,
  SUBSTANCE_GROUPS,
  TRANSPORT_MODES,
  UNITS,
} from '@/lib/catalogue/vocabulary';
import { multiLineStringColumn, multiPolygonColumn, pointColumn } from './geometry';

/** `column IN ('a','b')` from a vocabulary constant (never from user input). */
const oneOf = (column: string, values: readonly string[]) =>
  sql.raw(`${column} IN (${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`);

export const countries = pgTable(
  'countries',
  {
    iso2: char('iso2', { length: 2 }).primaryKey(),
    isoNumeric: char('iso_numeric', { length: 3 }).notNull(),
    name: text('name').notNull(),
    nameRu: text('name_ru').notNull(),
    geom: multiPolygonColumn('geom').notNull(),
  },
  (t) => [index('countries_geom_gist').using('gist', t.geom)],
);

/**
 * The shipped reference files (data/blos.json, data/countries.geojson) as last loaded, by content hash:
 * a start with changed files reloads them and re-derives what depends on them (db/reference-sync.ts).
 */
export const referenceFiles = pgTable('reference_files', {
  file: text('file').primaryKey(),
  /** SHA-256 of the file's bytes, hex. */
  sha256: text('sha256').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Land borders between two countries, derived by PostGIS from the shared edges of their polygons. */
export const borders = pgTable(
  'borders',
  {
    a: char('a', { length: 2 })
      .notNull()
      .references(() => countries.iso2, { onDelete: 'cascade' }),
    b: char('b', { length: 2 })
      .notNull()
      .references(() => countries.iso2, { onDelete: 'cascade' }),
    lengthKm: doublePrecision('length_km').notNull(),
    geom: multiLineStringColumn('geom').notNull(),
  },
  (t) => [
    uniqueIndex('borders_pair').on(t.a, t.b),
    check('borders_ordered_pair', sql`${t.a} < ${t.b}`),
    index('borders_geom_gist').using('gist', t.geom),
  ],
);

export const substances = pgTable(
  'substances',
  {
    code: text('code').primaryKey(),
    group: text('group_code').notNull(),
    nameEn: text('name_en').notNull(),
    nameRu: text('name_ru').notNull(),
    defaultUnit: text('default_unit').notNull(),
    priceUsdPerKg: doublePrecision('price_usd_per_kg').notNull(),
  },
  () => [check('substances_group', oneOf('group_code', SUBSTANCE_GROUPS)), check('substances_default_unit', oneOf('default_unit', UNITS))],
);

export const blos = pgTable(
  'blos',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    nameRu: text('name_ru').notNull(),
    altNames: text('alt_names')
      .array()
      .notNull()
      .default(sql`'{}'`),
    country: char('country', { length: 2 })
      .notNull()
      .references(() => countries.iso2),
    neighbor: char('neighbor', { length: 2 })
      .notNull()
      .references(() => countries.iso2),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    pairedCode: text('paired_code'),
    openedYear: smallint('opened_year'),
    confidence: text('confidence').notNull(),
    source: text('source').notNull(),
    geom: pointColumn('geom').notNull(),
    /** Coordinate as published by the source, degrees WGS84. */
    sourceLon: doublePrecision('source_lon').notNull(),
    sourceLat: doublePrecision('source_lat').notNull(),
    positionNote: text('position_note'),
    inlandKm: doublePrecision('inland_km'),
    inlandReason: text('inland_reason'),
  },
  (t) => [
    check('blos_kind', oneOf('kind', BLO_KINDS)),
    check('blos_status', oneOf('status', BLO_STATUSES)),
    check('blos_confidence', oneOf('confidence', LOCATION_CONFIDENCES)),
    check('blos_inland_has_reason', sql`(${t.inlandKm} IS NULL) = (${t.inlandReason} IS NULL)`),
    index('blos_geom_gist').using('gist', t.geom),
  ],
);

/**
 * Every write that changes seizures (a seed, an import, an undo) is one data version, numbered 1, 2, 3…
 * without gaps (allocated under an advisory lock, db/data-versions.ts). A seizure carries the version
 * that added it and, once removed, the one that removed it: the database as it stood at version V is
 * the rows with `added_in <= V` and no `removed_in <= V`.
 */
export const dataVersions = pgTable(
  'data_versions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Who made it: an account's email, or the command line's operator. */
    account: text('account'),
    action: text('action').notNull(),
    /** The import batch it added or removed, when there is one. */
    batchId: bigint('batch_id', { mode: 'number' }),
    added: integer('added').notNull().default(0),
    removed: integer('removed').notNull().default(0),
    /** One line for people: "Import of march.csv (batch 7)". */
    note: text('note').notNull(),
  },
  () => [check('data_versions_action', oneOf('action', DATA_VERSION_ACTIONS))],
);

export const importBatches = pgTable(
  'import_batches',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    label: text('label').notNull(),
    fileName: text('file_name'),
    /** Who imported it (an account's email, or the command line's operator); null for seeds. */
    account: text('account'),
    /** The data version that added its rows (null when it added none, or for a dry run). */
    dataVersion: bigint('data_version', { mode: 'number' }).references(() => dataVersions.id),
    /** The data version that undid it, once undone. */
    undoneIn: bigint('undone_in', { mode: 'number' }).references(() => dataVersions.id),
    /** For a re-import of an undone batch: that batch. */
    reimportOf: bigint('reimport_of', { mode: 'number' }),
    rows: integer('rows').notNull().default(0),
    accepted: integer('accepted').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  () => [check('import_batches_kind', oneOf('kind', BATCH_KINDS))],
);

export const importRejections = pgTable(
  'import_rejections',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    batchId: bigint('batch_id', { mode: 'number' })
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    /** 1-based line (CSV) or feature index (GeoJSON) in the uploaded file. */
    line: integer('line').notNull(),
    raw: jsonb('raw').notNull(),
    reasons: text('reasons').array().notNull(),
  },
  (t) => [index('import_rejections_batch').on(t.batchId, t.line)],
);

export const seizures = pgTable(
  'seizures',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    seizedOn: date('seized_on', { mode: 'string' }).notNull(),
    datePrecision: text('date_precision').notNull(),
    substance: text('substance')
      .notNull()
      .references(() => substances.code),
    quantity: doublePrecision('quantity').notNull(),
    unit: text('unit').notNull(),
    /** Quantity in kg-equivalent under the catalogue's conversion rules at write time. */
    kgEq: doublePrecision('kg_eq').notNull(),
    valueUsd: doublePrecision('value_usd').notNull(),
    /** Indicative price used for `value_usd`, USD per kg-equivalent. */
    priceUsdPerKg: doublePrecision('price_usd_per_kg').notNull(),
    geom: pointColumn('geom').notNull(),
    locationPrecision: text('location_precision').notNull(),
    /** Set by the `seizures_nearest_blo` trigger from `geom`: nearest BLO on the spheroid. */
    nearestBlo: text('nearest_blo').references(() => blos.code),
    nearestBloKm: doublePrecision('nearest_blo_km'),
    /** H3 cell (resolution 8) of `geom`, as a signed 64-bit integer; written with the row (lib/h3-cell.ts). */
    cell: bigint('cell', { mode: 'bigint' }).notNull(),
    country: char('country', { length: 2 })
      .notNull()
      .references(() => countries.iso2),
    transport: text('transport').notNull(),
    concealment: text('concealment').notNull(),
    detection: text('detection').notNull(),
    originCountry: char('origin_country', { length: 2 }),
    destinationCountry: char('destination_country', { length: 2 }),
    sourceRef: text('source_ref'),
    notes: text('notes'),
    synthetic: boolean('synthetic').notNull(),
    batchId: bigint('batch_id', { mode: 'number' })
      .notNull()
      .references(() => importBatches.id),
    /** Identity of a row for re-import: its source_ref, else a hash of its normalised fields. */
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The data version that added the row. */
    addedIn: bigint('added_in', { mode: 'number' })
      .notNull()
      .references(() => dataVersions.id),
    /** The data version that removed it (an undo, a re-seed); null while current. Rows are never deleted. */
    removedIn: bigint('removed_in', { mode: 'number' }).references(() => dataVersions.id),
  },
  (t) => [
    check('seizures_quantity_positive', sql`${t.quantity} > 0`),
    check('seizures_kg_eq_nonnegative', sql`${t.kgEq} >= 0 AND ${t.valueUsd} >= 0`),
    check('seizures_unit', oneOf('unit', UNITS)),
    check('seizures_date_precision', oneOf('date_precision', DATE_PRECISIONS)),
    check('seizures_location_precision', oneOf('location_precision', LOCATION_PRECISIONS)),
    check('seizures_transport', oneOf('transport', TRANSPORT_MODES)),
    check('seizures_concealment', oneOf('concealment', CONCEALMENTS)),
    check('seizures_detection', oneOf('detection', DETECTION_METHODS)),
    check('seizures_geom_in_range', sql`ST_X(${t.geom}) BETWEEN -180 AND 180 AND ST_Y(${t.geom}) BETWEEN -90 AND 90`),
    index('seizures_geom_gist').using('gist', t.geom),
    // The same over current rows: a bbox of current data finds them without reading each row's
    // removed_in (the last column, expensive to reach); the full index serves as-of requests.
    index('seizures_geom_current')
      .using('gist', t.geom)
      .where(sql`${t.removedIn} IS NULL`),
    index('seizures_seized_on').on(t.seizedOn),
    index('seizures_substance_seized_on').on(t.substance, t.seizedOn),
    index('seizures_nearest_blo').on(t.nearestBlo),
    index('seizures_batch').on(t.batchId),
    // Among current rows only: an undone batch keeps its rows for as-of links and can be imported again.
    uniqueIndex('seizures_dedupe_key')
      .on(t.dedupeKey)
      .where(sql`${t.removedIn} IS NULL`),
    check('seizures_removed_after_added', sql`${t.removedIn} > ${t.addedIn}`),
    index('seizures_added_in').on(t.addedIn),
    index('seizures_removed_in')
      .on(t.removedIn)
      .where(sql`${t.removedIn} IS NOT NULL`),
  ],
);

/**
 * What imports declared they cover: for each post and month, the import is its complete report, so
 * the month holds a nil report where no seizure was recorded (else it has no report). Versioned like
 * `seizures`: an undo marks its batch's rows removed, and a pinned link reads them as of its version.
 */
export const reportingCoverage = pgTable(
  'reporting_coverage',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    post: text('post')
      .notNull()
      .references(() => blos.code),
    /** First day of the month covered. */
    month: date('month', { mode: 'string' }).notNull(),
    batchId: bigint('batch_id', { mode: 'number' })
      .notNull()
      .references(() => importBatches.id),
    addedIn: bigint('added_in', { mode: 'number' })
      .notNull()
      .references(() => dataVersions.id),
    removedIn: bigint('removed_in', { mode: 'number' }).references(() => dataVersions.id),
  },
  (t) => [
    check('reporting_coverage_month_start', sql`extract(day from ${t.month}) = 1`),
    check('reporting_coverage_removed_after_added', sql`${t.removedIn} > ${t.addedIn}`),
    uniqueIndex('reporting_coverage_current')
      .on(t.post, t.month, t.batchId)
      .where(sql`${t.removedIn} IS NULL`),
    index('reporting_coverage_batch').on(t.batchId),
  ],
);

export * from './rollup-schema';
export * from './auth-schema';
export * from './audit-schema';

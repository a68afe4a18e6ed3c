/**
 * The rollup tables of `seizures`: per-month (or all-time) sums of the current seizures, kept exact by
 * the statement-level refresh on `seizures` (seizure_rollups_refresh, last defined in migration 0013).
 * Every rollup also sums by `added_in`, the data version that added the rows: the figures as of an
 * earlier version are its rows with `added_in` up to that version, plus the few rows removed since
 * (db/queries/rollup-source.ts). How queries read them: db/queries/rollups.ts.
 */
import { bigint, boolean, char, date, doublePrecision, index, integer, pgTable, smallint, text } from 'drizzle-orm/pg-core';

/**
 * Rollup of seizures by month × substance × synthetic × nearest BLO × country × transport ×
 * concealment, kept exact by statement-level triggers on `seizures` (seizure_rollups_refresh, last
 * defined in migration 0009): every write recomputes the (month, substance) slices it touched.
 */
export const seizureMonthly = pgTable(
  'seizure_monthly',
  {
    month: date('month', { mode: 'string' }).notNull(),
    substance: text('substance').notNull(),
    synthetic: boolean('synthetic').notNull(),
    nearestBlo: text('nearest_blo'),
    country: char('country', { length: 2 }).notNull(),
    transport: text('transport').notNull(),
    concealment: text('concealment').notNull(),
    n: integer('n').notNull(),
    kgEq: doublePrecision('kg_eq').notNull(),
    valueUsd: doublePrecision('value_usd').notNull(),
    lastSeizedOn: date('last_seized_on', { mode: 'string' }).notNull(),
    /** The data version that added the rows summed here. */
    addedIn: bigint('added_in', { mode: 'number' }).notNull(),
  },
  (t) => [index('seizure_monthly_month_substance').on(t.month, t.substance)],
);

/**
 * The same rollup without country, transport and concealment (about a tenth of its rows): what the
 * BLO list, KPIs and monthly series read when those filters are not set. Rebuilt from
 * `seizure_monthly` for the touched slices by the same refresh (migration 0009).
 */
export const seizureMonthlyBlo = pgTable(
  'seizure_monthly_blo',
  {
    month: date('month', { mode: 'string' }).notNull(),
    substance: text('substance').notNull(),
    synthetic: boolean('synthetic').notNull(),
    nearestBlo: text('nearest_blo'),
    n: integer('n').notNull(),
    kgEq: doublePrecision('kg_eq').notNull(),
    valueUsd: doublePrecision('value_usd').notNull(),
    lastSeizedOn: date('last_seized_on', { mode: 'string' }).notNull(),
    /** The data version that added the rows summed here. */
    addedIn: bigint('added_in', { mode: 'number' }).notNull(),
  },
  (t) => [index('seizure_monthly_blo_month_substance').on(t.month, t.substance)],
);

/** Rollup by month × substance × synthetic × H3 cell at resolution 6, for hexagons and tiles at low zoom. */
export const seizureCells = pgTable(
  'seizure_cells',
  {
    month: date('month', { mode: 'string' }).notNull(),
    substance: text('substance').notNull(),
    synthetic: boolean('synthetic').notNull(),
    /** H3 index at resolution 6 (signed 64-bit). */
    cell: bigint('cell', { mode: 'bigint' }).notNull(),
    n: integer('n').notNull(),
    kgEq: doublePrecision('kg_eq').notNull(),
    valueUsd: doublePrecision('value_usd').notNull(),
    firstSeizedOn: date('first_seized_on', { mode: 'string' }).notNull(),
    lastSeizedOn: date('last_seized_on', { mode: 'string' }).notNull(),
    /** Sums of longitude and latitude (degrees) of the seizures, for their centroid. */
    sumLng: doublePrecision('sum_lng').notNull(),
    sumLat: doublePrecision('sum_lat').notNull(),
    /** The data version that added the rows summed here. */
    addedIn: bigint('added_in', { mode: 'number' }).notNull(),
  },
  (t) => [index('seizure_cells_month_substance').on(t.month, t.substance)],
);

/**
 * Rollup for flows: month × substance × synthetic × origin country × destination country × nearest
 * BLO, what the route arcs read when no country, transport or concealment filter is set. Kept exact
 * by the same statement triggers as the other rollups (migration 0008).
 */
export const seizureRoutesMonthly = pgTable(
  'seizure_routes_monthly',
  {
    month: date('month', { mode: 'string' }).notNull(),
    substance: text('substance').notNull(),
    synthetic: boolean('synthetic').notNull(),
    nearestBlo: text('nearest_blo'),
    originCountry: char('origin_country', { length: 2 }),
    destinationCountry: char('destination_country', { length: 2 }),
    n: integer('n').notNull(),
    kgEq: doublePrecision('kg_eq').notNull(),
    valueUsd: doublePrecision('value_usd').notNull(),
    lastSeizedOn: date('last_seized_on', { mode: 'string' }).notNull(),
    /** The data version that added the rows summed here. */
    addedIn: bigint('added_in', { mode: 'number' }).notNull(),
  },
  (t) => [index('seizure_routes_monthly_month_substance').on(t.month, t.substance)],
);

/**
 * `seizure_cells` without the month: substance × synthetic × H3 cell (resolution 6), ten times
 * fewer rows, for hexagons and low-zoom tiles over all time (the dashboard's opening view). Rebuilt
 * from `seizure_cells` for the substances a write touches, by the same refresh (migration 0008).
 */
export const seizureCellsAll = pgTable(
  'seizure_cells_all',
  {
    substance: text('substance').notNull(),
    synthetic: boolean('synthetic').notNull(),
    /** H3 index at resolution 6 (signed 64-bit). */
    cell: bigint('cell', { mode: 'bigint' }).notNull(),
    n: integer('n').notNull(),
    kgEq: doublePrecision('kg_eq').notNull(),
    valueUsd: doublePrecision('value_usd').notNull(),
    firstSeizedOn: date('first_seized_on', { mode: 'string' }).notNull(),
    lastSeizedOn: date('last_seized_on', { mode: 'string' }).notNull(),
    sumLng: doublePrecision('sum_lng').notNull(),
    sumLat: doublePrecision('sum_lat').notNull(),
    /** The data version that added the rows summed here. */
    addedIn: bigint('added_in', { mode: 'number' }).notNull(),
  },
  (t) => [index('seizure_cells_all_substance').on(t.substance)],
);

/**
 * Rollup for BLO catchments: seizures within 100 km of each BLO by whole-km distance ring
 * (ring = ⌈great-circle km⌉), month, substance and synthetic. "Within R km" for a whole R is the
 * sum of rings ≤ R. Kept exact by the same triggers as the other rollups.
 */
export const seizureBloRings = pgTable(
  'seizure_blo_rings',
  {
    blo: text('blo').notNull(),
    ring: smallint('ring').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    substance: text('substance').notNull(),
    synthetic: boolean('synthetic').notNull(),
    n: integer('n').notNull(),
    kgEq: doublePrecision('kg_eq').notNull(),
    valueUsd: doublePrecision('value_usd').notNull(),
    lastSeizedOn: date('last_seized_on', { mode: 'string' }).notNull(),
    /** The data version that added the rows summed here. */
    addedIn: bigint('added_in', { mode: 'number' }).notNull(),
  },
  (t) => [index('seizure_blo_rings_blo_ring').on(t.blo, t.ring), index('seizure_blo_rings_month_substance').on(t.month, t.substance)],
);

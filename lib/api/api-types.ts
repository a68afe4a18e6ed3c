/**
 * The shapes of API answers that both the server (db/) and the page (app/, lib/ layer builders)
 * handle: defined once here, so the two sides cannot drift apart.
 */
import type { LngLat } from '@/lib/geo/lng-lat';
import type { TimeInterval } from '@/lib/catalogue/vocabulary';

export interface HotspotCell {
  /** H3 index (hex) at `resolution`. */
  cell: string;
  count: number;
  kgEq: number;
  valueUsd: number;
  /** Most frequent substance in the cell (ties: alphabetical). */
  topSubstance: string;
  firstSeizedOn: string;
  lastSeizedOn: string;
  /** Mean position of the seizures in the cell. */
  centroid: LngLat;
}

export interface RouteFlow {
  origin: string;
  destination: string;
  originLngLat: LngLat | null;
  destinationLngLat: LngLat | null;
  count: number;
  kgEq: number;
  valueUsd: number;
}

export interface SeizureListItem {
  id: number;
  seizedOn: string;
  datePrecision: string;
  substance: string;
  quantity: number;
  unit: string;
  kgEq: number;
  valueUsd: number;
  priceUsdPerKg: number;
  lngLat: LngLat;
  locationPrecision: string;
  nearestBlo: string | null;
  nearestBloKm: number | null;
  country: string;
  transport: string;
  concealment: string;
  detection: string;
  originCountry: string | null;
  destinationCountry: string | null;
  sourceRef: string | null;
  notes: string | null;
  synthetic: boolean;
}

export interface ImportSummary {
  fileName: string;
  rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  /** The batch id, or null for a dry run. */
  batch: number | null;
  dryRun: boolean;
  /** The most frequent reasons for rejection, most frequent first (at most 10). */
  reasons: { reason: string; count: number }[];
}

/** The columns of a /api/timeseries row, in order. */
export const SERIES_COLUMNS = ['period', 'substance', 'count', 'kgEq', 'valueUsd'] as const;

/** First day of the bucket (YYYY-MM-DD), substance, seizures, kg-eq, USD. */
export type SeriesRow = [period: string, substance: string, count: number, kgEq: number, valueUsd: number];

/**
 * /api/timeseries: one row per bucket and substance as an array under `columns` rather than an
 * object each — a long series (1,100 rows for all months × substances) is half the bytes to encode,
 * send and parse.
 */
export interface SeriesAnswer {
  interval: TimeInterval;
  columns: typeof SERIES_COLUMNS;
  rows: SeriesRow[];
}

/** Series rows as objects. */
export const seriesPoints = (rows: SeriesRow[]) =>
  rows.map(([period, substance, count, kgEq, valueUsd]) => ({ period, substance, count, kgEq, valueUsd }));

import { desc, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { seizures } from '../schema';
import { filterConditions } from './filter-conditions';
import type { Filters } from '../../lib/filters';
import type { LngLat } from '../../lib/lng-lat';

export const MAX_PAGE = 5000;

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

/** The filtered seizures, newest first, one page at a time, with the total they come from. */
export async function listSeizures(db: Db, filters: Filters, page: { limit: number; offset: number }): Promise<{ total: number; rows: SeizureListItem[] }> {
  const where = filterConditions(filters);
  const [{ total }] = await db.select({ total: sql<number>`count(*)`.mapWith(Number) }).from(seizures).where(where);
  const rows = await db
    .select({
      id: seizures.id,
      seizedOn: seizures.seizedOn,
      datePrecision: seizures.datePrecision,
      substance: seizures.substance,
      quantity: seizures.quantity,
      unit: seizures.unit,
      kgEq: seizures.kgEq,
      valueUsd: seizures.valueUsd,
      priceUsdPerKg: seizures.priceUsdPerKg,
      lng: sql<number>`ST_X(${seizures.geom})`.mapWith(Number),
      lat: sql<number>`ST_Y(${seizures.geom})`.mapWith(Number),
      locationPrecision: seizures.locationPrecision,
      nearestBlo: seizures.nearestBlo,
      nearestBloKm: seizures.nearestBloKm,
      country: seizures.country,
      transport: seizures.transport,
      concealment: seizures.concealment,
      detection: seizures.detection,
      originCountry: seizures.originCountry,
      destinationCountry: seizures.destinationCountry,
      sourceRef: seizures.sourceRef,
      notes: seizures.notes,
      synthetic: seizures.synthetic,
    })
    .from(seizures)
    .where(where)
    .orderBy(desc(seizures.seizedOn), desc(seizures.id))
    .limit(Math.min(page.limit, MAX_PAGE))
    .offset(page.offset);
  return { total, rows: rows.map(({ lng, lat, ...r }) => ({ ...r, lngLat: [lng, lat] })) };
}

export interface SeizureColumns {
  count: number;
  /** lng, lat pairs, degrees. */
  positions: Float32Array;
  kgEq: Float32Array;
  /** Days since 1970-01-01 (UTC). */
  days: Uint16Array;
  /** Index into the catalogue's substance codes. */
  substance: Uint8Array;
}

/**
 * The filtered seizures as typed columns for deck.gl, at most `limit` rows (newest first).
 * `substanceCodes` fixes the index each substance gets.
 */
export async function listSeizureColumns(db: Db, filters: Filters, limit: number, substanceCodes: readonly string[]): Promise<SeizureColumns> {
  const rows = await db
    .select({
      lng: sql<number>`ST_X(${seizures.geom})`,
      lat: sql<number>`ST_Y(${seizures.geom})`,
      kgEq: seizures.kgEq,
      day: sql<number>`${seizures.seizedOn} - DATE '1970-01-01'`,
      substance: seizures.substance,
    })
    .from(seizures)
    .where(filterConditions(filters))
    .orderBy(desc(seizures.seizedOn), desc(seizures.id))
    .limit(limit);
  const index = new Map(substanceCodes.map((c, i) => [c, i]));
  const n = rows.length;
  const columns: SeizureColumns = {
    count: n,
    positions: new Float32Array(2 * n),
    kgEq: new Float32Array(n),
    days: new Uint16Array(n),
    substance: new Uint8Array(n),
  };
  rows.forEach((r, i) => {
    columns.positions[2 * i] = Number(r.lng);
    columns.positions[2 * i + 1] = Number(r.lat);
    columns.kgEq[i] = Number(r.kgEq);
    columns.days[i] = Number(r.day);
    columns.substance[i] = index.get(r.substance) ?? 255;
  });
  return columns;
}

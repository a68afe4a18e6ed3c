import { and, asc, desc, gt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { seizures } from '@/db/schema';
import { filterConditions } from './filter-conditions';
import { monthlySource } from './monthly-source';
import type { SourceOptions } from './rollup-source';
import { rowsOf } from '@/db/result-rows';
import type { ScopedFilters } from '@/lib/access/country-scope';
import { requireEvents } from '@/lib/access/detail';
import type { SeizureListItem } from '@/lib/api/api-types';
import { MAX_JSON_ROWS } from '@/lib/url/api-params';

export type { SeizureListItem };

/** The columns of a seizure as the API lists and exports it. */
const SEIZURE_FIELDS = {
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
};

/**
 * The filtered seizures, newest first, one page at a time, with the total they come from (counted
 * from the monthly rollups where the filters allow: a count of every seizure is a full scan).
 */
export async function listSeizures(
  db: Db,
  filters: ScopedFilters,
  page: { limit: number; offset: number },
  options: SourceOptions = {},
): Promise<{ total: number; rows: SeizureListItem[] }> {
  requireEvents(filters.detail);
  const [total, rows] = await Promise.all([
    countSeizures(db, filters, options),
    db
      .select(SEIZURE_FIELDS)
      .from(seizures)
      .where(filterConditions(filters))
      .orderBy(desc(seizures.seizedOn), desc(seizures.id))
      .limit(Math.min(page.limit, MAX_JSON_ROWS))
      .offset(page.offset),
  ]);
  return { total, rows: rows.map(withLngLat) };
}

/** How many seizures the filters select, counted from the monthly rollups where the filters allow. */
export async function countSeizures(db: Db, filters: ScopedFilters, options: SourceOptions = {}): Promise<number> {
  const result = await db.execute(
    sql`SELECT coalesce(sum(n), 0)::int AS total FROM ${monthlySource(filters, filters, ['substance'], options)}`,
  );
  return Number(rowsOf<{ total: number }>(result)[0].total);
}

const withLngLat = ({ lng, lat, ...r }: { lng: number; lat: number } & Omit<SeizureListItem, 'lngLat'>): SeizureListItem => ({
  ...r,
  lngLat: [lng, lat],
});

/** Every filtered seizure in id order, a page at a time (keyset paging: the same on both backends, never one huge result). */
export async function* streamSeizures(db: Db, filters: ScopedFilters, pageSize = 5000): AsyncGenerator<SeizureListItem[]> {
  requireEvents(filters.detail);
  let after = 0;
  for (;;) {
    const rows = await db
      .select(SEIZURE_FIELDS)
      .from(seizures)
      .where(and(filterConditions(filters), gt(seizures.id, after)))
      .orderBy(asc(seizures.id))
      .limit(pageSize);
    if (rows.length === 0) return;
    yield rows.map(withLngLat);
    after = rows[rows.length - 1].id;
  }
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
 * The filtered seizures as typed columns for deck.gl: all of them in storage order when they number
 * at most `limit`, else the newest `limit`. `substanceCodes` fixes the index each substance gets.
 */
export async function listSeizureColumns(
  db: Db,
  filters: ScopedFilters,
  limit: number,
  substanceCodes: readonly string[],
): Promise<SeizureColumns> {
  requireEvents(filters.detail);
  // Packed in SQL: one bytea of 18-byte big-endian records (lng f4, lat f4, kg f4, day i4, substance
  // index i2), so neither driver builds a JS object per row. 0-based index; 255 when not listed.
  const packed = (newestOnly: boolean, rows: number) =>
    db.execute(sql`
    SELECT count(*)::int AS n,
           string_agg(float4send(ST_X(geom)::float4) || float4send(ST_Y(geom)::float4) || float4send(kg_eq::float4)
                      || int4send(day) || int2send(coalesce(array_position(ARRAY[${sql.join(
                        substanceCodes.map((c) => sql`${c}`),
                        sql`, `,
                      )}]::text[], substance) - 1, 255)::int2),
                      ''::bytea) AS packed
      FROM (SELECT ${seizures.geom} AS geom, ${seizures.kgEq} AS kg_eq, (${seizures.seizedOn} - DATE '1970-01-01') AS day,
                   ${seizures.substance} AS substance
              FROM ${seizures}
             WHERE ${filterConditions(filters) ?? sql`true`}
             ${newestOnly ? sql`ORDER BY ${seizures.seizedOn} DESC, ${seizures.id} DESC` : sql``}
             LIMIT ${rows}) s`);
  // Sorting every selected row is only needed to choose which to keep: first read one more than the
  // limit unsorted; only if that many exist, read the newest `limit`.
  let result = await packed(false, limit + 1);
  if (Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0) > limit) result = await packed(true, limit);
  const [row] = rowsOf<{ n: number; packed: Uint8Array | null }>(result);
  const n = Number(row?.n ?? 0);
  const columns: SeizureColumns = {
    count: n,
    positions: new Float32Array(2 * n),
    kgEq: new Float32Array(n),
    days: new Uint16Array(n),
    substance: new Uint8Array(n),
  };
  if (n === 0 || !row.packed) return columns;
  const view = new DataView(row.packed.buffer, row.packed.byteOffset, row.packed.byteLength);
  for (let i = 0, o = 0; i < n; i++, o += 18) {
    columns.positions[2 * i] = view.getFloat32(o);
    columns.positions[2 * i + 1] = view.getFloat32(o + 4);
    columns.kgEq[i] = view.getFloat32(o + 8);
    columns.days[i] = view.getInt32(o + 12);
    columns.substance[i] = view.getInt16(o + 16);
  }
  return columns;
}

import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { blos, countries } from '../schema';
import { monthlySource, type SourceOptions } from './monthly-source';
import { DEFAULT_FILTERS, type Filters } from '../../lib/filters';
import { rowsOf } from '../result-rows';
import type { LngLat } from '../../lib/lng-lat';
import type { BloKind, BloStatus, LocationConfidence } from '../../lib/vocabulary';

export interface BloSummary {
  code: string;
  name: string;
  nameRu: string;
  altNames: string[];
  country: string;
  countryName: string;
  neighbor: string;
  kind: BloKind;
  status: BloStatus;
  pairedCode: string | null;
  openedYear: number | null;
  confidence: LocationConfidence;
  source: string;
  lngLat: LngLat;
  positionNote: string | null;
  inlandKm: number | null;
  inlandReason: string | null;
}

export interface BloTotals {
  /** Seizures whose nearest BLO is this one, under the filters. */
  count: number;
  kgEq: number;
  valueUsd: number;
  lastSeizedOn: string | null;
}

/** All BLOs, ordered by country then name, each with the totals of the seizures nearest to it. */
export async function listBlos(db: Db, filters: Filters = DEFAULT_FILTERS, options: SourceOptions = {}): Promise<(BloSummary & { totals: BloTotals })[]> {
  const totalsQuery = db.execute(sql`
    SELECT nearest_blo AS code, sum(n)::int AS count, sum(kg_eq) AS kg_eq, sum(value_usd) AS value_usd, max(last_seized_on)::text AS last
      FROM ${monthlySource(filters, filters, ['nearest_blo'], options)}
     GROUP BY nearest_blo`);
  const rowsQuery = db
    .select({
      code: blos.code,
      name: blos.name,
      nameRu: blos.nameRu,
      altNames: blos.altNames,
      country: blos.country,
      countryName: countries.name,
      neighbor: blos.neighbor,
      kind: blos.kind,
      status: blos.status,
      pairedCode: blos.pairedCode,
      openedYear: blos.openedYear,
      confidence: blos.confidence,
      source: blos.source,
      lng: sql<number>`ST_X(${blos.geom})`.mapWith(Number),
      lat: sql<number>`ST_Y(${blos.geom})`.mapWith(Number),
      positionNote: blos.positionNote,
      inlandKm: blos.inlandKm,
      inlandReason: blos.inlandReason,
    })
    .from(blos)
    .innerJoin(countries, eq(countries.iso2, blos.country))
    .orderBy(asc(blos.country), asc(blos.name));
  // The totals and the BLO records are independent: run them together.
  const [totalsResult, rows] = await Promise.all([totalsQuery, rowsQuery]);
  const perBlo = new Map(rowsOf<Record<string, unknown>>(totalsResult).map((r) => [String(r.code), {
    count: Number(r.count), kgEq: Number(r.kg_eq), valueUsd: Number(r.value_usd), lastSeizedOn: r.last === null ? null : String(r.last),
  }]));
  return rows.map(({ lng, lat, ...row }) => ({
    ...row,
    kind: row.kind as BloKind,
    status: row.status as BloStatus,
    confidence: row.confidence as LocationConfidence,
    lngLat: [lng, lat],
    totals: perBlo.get(row.code) ?? { count: 0, kgEq: 0, valueUsd: 0, lastSeizedOn: null },
  }));
}

export interface BloBorderCheck {
  code: string;
  country: string;
  neighbor: string;
  insideCountry: boolean;
  /** Spheroid distance to the land border shared with `neighbor`, km; null when no such border. */
  borderKm: number | null;
  inlandKm: number | null;
}

/** For each BLO: is it inside its country's polygon, and how far is it from the border it serves? */
export async function checkBloPositions(db: Db): Promise<BloBorderCheck[]> {
  const rows = await db.execute(sql`
    SELECT b.code, b.country, b.neighbor, b.inland_km AS "inlandKm",
           ST_Covers(c.geom, b.geom) AS "insideCountry",
           (SELECT ST_Distance(b.geom::geography, br.geom::geography) / 1000.0
              FROM borders br
             WHERE (br.a, br.b) = (LEAST(b.country, b.neighbor), GREATEST(b.country, b.neighbor))) AS "borderKm"
      FROM blos b JOIN countries c ON c.iso2 = b.country
     ORDER BY b.code`);
  return rowsOf<Record<string, unknown>>(rows).map((r) => ({
    code: String(r.code),
    country: String(r.country),
    neighbor: String(r.neighbor),
    // PGlite and postgres-js both parse booleans; compare strictly.
    insideCountry: r.insideCountry === true,
    borderKm: r.borderKm === null ? null : Number(r.borderKm),
    inlandKm: r.inlandKm === null ? null : Number(r.inlandKm),
  }));
}

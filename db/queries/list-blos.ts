import { sql } from 'drizzle-orm';
import type { BloListItem } from '@/lib/api/api-types';
import type { Db } from '@/db/client';
import { blos, countries } from '@/db/schema';
import { monthlySource } from './monthly-source';
import { scopeCondition } from './filter-conditions';
import type { SourceOptions } from './rollup-source';
import type { ScopedFilters } from '@/lib/access/country-scope';
import { protectBlos } from '@/lib/access/suppression';
import { rowsOf } from '@/db/result-rows';
import type { LngLat } from '@/lib/geo/lng-lat';
import type { BloKind, BloStatus, LocationConfidence } from '@/lib/catalogue/vocabulary';

/** The BLOs in the scope's countries, ordered by country then name, each with the totals of the seizures nearest to it. One statement. */
export async function listBlos(db: Db, filters: ScopedFilters, options: SourceOptions = {}): Promise<BloListItem[]> {
  const result = await db.execute(sql`
    SELECT ${blos.code} AS code, ${blos.name} AS name, ${blos.nameRu} AS name_ru, ${blos.altNames} AS alt_names, ${blos.country} AS country,
           ${countries.name} AS country_name, ${blos.neighbor} AS neighbor, ${blos.kind} AS kind, ${blos.status} AS status,
           ${blos.pairedCode} AS paired_code, ${blos.openedYear} AS opened_year, ${blos.confidence} AS confidence, ${blos.source} AS source,
           ST_X(${blos.geom}) AS lng, ST_Y(${blos.geom}) AS lat, ${blos.positionNote} AS position_note, ${blos.inlandKm} AS inland_km,
           ${blos.inlandReason} AS inland_reason, t.count, t.kg_eq, t.value_usd, t.last
      FROM ${blos}
      JOIN ${countries} ON ${countries.iso2} = ${blos.country}
      LEFT JOIN (
        SELECT nearest_blo AS code, sum(n)::int AS count, sum(kg_eq) AS kg_eq, sum(value_usd) AS value_usd, max(last_seized_on)::text AS last
          FROM ${monthlySource(filters, filters, ['nearest_blo'], options)}
         GROUP BY nearest_blo) t ON t.code = ${blos.code}
     WHERE ${scopeCondition(filters.scope, blos.country)}
     ORDER BY ${blos.country}, ${blos.name}`);
  const list = rowsOf<Record<string, unknown>>(result).map((r) => ({
    code: String(r.code),
    name: String(r.name),
    nameRu: String(r.name_ru),
    altNames: r.alt_names as string[],
    country: String(r.country),
    countryName: String(r.country_name),
    neighbor: String(r.neighbor),
    kind: r.kind as BloKind,
    status: r.status as BloStatus,
    pairedCode: r.paired_code === null ? null : String(r.paired_code),
    openedYear: r.opened_year === null ? null : Number(r.opened_year),
    confidence: r.confidence as LocationConfidence,
    source: String(r.source),
    lngLat: [Number(r.lng), Number(r.lat)] as LngLat,
    positionNote: r.position_note === null ? null : String(r.position_note),
    inlandKm: r.inland_km === null ? null : Number(r.inland_km),
    inlandReason: r.inland_reason === null ? null : String(r.inland_reason),
    totals:
      r.count === null
        ? { count: 0, kgEq: 0, valueUsd: 0, lastSeizedOn: null }
        : {
            count: Number(r.count),
            kgEq: Number(r.kg_eq),
            valueUsd: Number(r.value_usd),
            lastSeizedOn: r.last === null ? null : String(r.last),
          },
  }));
  return filters.detail.level === 'aggregates' ? protectBlos(list, filters.detail.minCount) : list;
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

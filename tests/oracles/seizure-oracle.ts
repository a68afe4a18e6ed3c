/**
 * A plain-TypeScript model of the seizures table for the query tests: the same input rows the seed
 * wrote, with each row's nearest BLO worked out by turf, and the filter semantics written again here
 * (not imported from db/) so the two implementations check each other.
 */
import * as turf from '@turf/turf';
import type { Filters } from '@/lib/url/filters';
import type { LngLat } from '@/lib/geo/lng-lat';
import type { SeizureInput } from '@/lib/catalogue/seizure-input';

export interface OracleRow extends SeizureInput {
  nearestBlo: string;
  nearestBloKm: number;
}

export function withNearestBlo(rows: SeizureInput[], blos: { code: string; lngLat: LngLat }[]): OracleRow[] {
  return rows.map((r) => {
    let best = { code: '', km: Infinity };
    for (const b of blos) {
      const km = turf.distance(b.lngLat, r.lngLat, { units: 'kilometers' });
      if (km < best.km) best = { code: b.code, km };
    }
    return { ...r, nearestBlo: best.code, nearestBloKm: best.km };
  });
}

export function matches(r: OracleRow, f: Filters, period: { from: string | null; to: string | null } = f): boolean {
  if (f.substances.length && !f.substances.includes(r.substance)) return false;
  if (period.from && r.seizedOn < period.from) return false;
  if (period.to && r.seizedOn > period.to) return false;
  if (f.countries.length && !f.countries.includes(r.country)) return false;
  if (f.blos.length && !f.blos.includes(r.nearestBlo)) return false;
  if (f.transport.length && !f.transport.includes(r.transport)) return false;
  if (f.concealment.length && !f.concealment.includes(r.concealment)) return false;
  if (f.minKg !== null && r.kgEq < f.minKg) return false;
  if (f.bbox && !turf.booleanPointInPolygon(turf.point(r.lngLat), turf.bboxPolygon(f.bbox))) return false;
  if (f.synthetic === 'exclude' && r.synthetic) return false;
  if (f.synthetic === 'only' && !r.synthetic) return false;
  return true;
}

export interface Tally {
  count: number;
  kgEq: number;
  valueUsd: number;
}

export function tally(rows: OracleRow[]): Tally {
  return rows.reduce((t, r) => ({ count: t.count + 1, kgEq: t.kgEq + r.kgEq, valueUsd: t.valueUsd + r.valueUsd }), {
    count: 0,
    kgEq: 0,
    valueUsd: 0,
  });
}

export function groupTally<K extends string>(rows: OracleRow[], key: (r: OracleRow) => K): Map<K, Tally> {
  const groups = new Map<K, OracleRow[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return new Map([...groups.entries()].map(([k, v]) => [k, tally(v)]));
}

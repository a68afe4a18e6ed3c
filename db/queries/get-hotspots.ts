import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rowsOf } from '@/db/result-rows';
import { cellsSource } from './cells-source';
import type { SourceOptions } from './rollup-source';
import type { ScopedFilters } from '@/lib/access/country-scope';
import { H3_EDGE_KM, resolutionForZoom } from '@/lib/geo/h3-resolution';
import type { Bbox, LngLat } from '@/lib/geo/lng-lat';
import { roundTo } from '@/lib/url/numbers';
import type { HotspotCluster, HotspotsAnswer } from '@/lib/api/api-types';
import { protectHotspots, type ExactCell as Cell } from '@/lib/access/suppression';

/**
 * Seizures aggregated into H3 hexagons sized for `zoom` (never finer than an aggregates-only
 * account's limit), plus density clusters: DBSCAN over the cells' centroids (neighbouring busy cells
 * join), each cluster with its totals.
 */
export async function getHotspots(db: Db, filters: ScopedFilters, zoom: number, options: SourceOptions = {}): Promise<HotspotsAnswer> {
  const { detail } = filters;
  const resolution = Math.min(resolutionForZoom(zoom), detail.level === 'aggregates' ? detail.maxResolution : Infinity);
  // Cells closer than ~2 edges belong together; degrees at mid-latitudes of the region (~40° N).
  const epsDegrees = (2.2 * H3_EDGE_KM[resolution]) / 85;
  const result = await db.execute(sql`
    WITH per_substance AS (
      SELECT cell, substance, sum(n) AS n, sum(kg_eq) AS kg, sum(value_usd) AS usd, min(first_seized_on) AS first,
             max(last_seized_on) AS last, sum(sum_lng) AS sum_lng, sum(sum_lat) AS sum_lat
        FROM ${cellsSource(filters, filters, resolution, options)}
       GROUP BY cell, substance
    ), cells AS (
      SELECT cell, sum(n) AS n, sum(kg) AS kg, sum(usd) AS usd, min(first)::text AS first, max(last)::text AS last,
             sum(sum_lng) / sum(n) AS lng, sum(sum_lat) / sum(n) AS lat,
             (array_agg(substance ORDER BY n DESC, substance))[1] AS top
        FROM per_substance
       GROUP BY cell
    )
    SELECT to_hex(cell) AS cell, n, kg, usd, top, first, last, lng, lat,
           ST_ClusterDBSCAN(ST_SetSRID(ST_MakePoint(lng, lat), 4326), ${epsDegrees}, 2) OVER () AS cluster
      FROM cells
     ORDER BY n DESC, cell`);
  const rows = rowsOf<Record<string, unknown>>(result);
  const cells: Cell[] = rows.map((r) => ({
    cell: String(r.cell),
    count: Number(r.n),
    kgEq: Number(r.kg),
    valueUsd: Number(r.usd),
    topSubstance: String(r.top),
    firstSeizedOn: String(r.first),
    lastSeizedOn: String(r.last),
    centroid: [Number(r.lng), Number(r.lat)],
    cluster: r.cluster === null ? null : Number(r.cluster),
  }));
  if (detail.level === 'aggregates') return protectHotspots({ zoom, resolution }, cells, detail.minCount);
  return {
    zoom,
    resolution,
    total: cells.reduce((t, c) => ({ count: t.count + c.count, kgEq: t.kgEq + c.kgEq, valueUsd: t.valueUsd + c.valueUsd }), {
      count: 0,
      kgEq: 0,
      valueUsd: 0,
    }),
    // Per-cell figures to 1 g, 1 USD and ~1 m: what a map shows, and a third less JSON (totals stay exact).
    cells: cells.map(({ cluster: _cluster, ...c }) => ({
      ...c,
      kgEq: roundTo(c.kgEq, 3),
      valueUsd: Math.round(c.valueUsd),
      centroid: [roundTo(c.centroid[0], 5), roundTo(c.centroid[1], 5)] as LngLat,
    })),
    clusters: clustersOf(cells),
  };
}

function clustersOf(cells: Cell[]): HotspotCluster[] {
  const groups = new Map<number, Cell[]>();
  for (const c of cells) {
    if (c.cluster === null) continue;
    const members = groups.get(c.cluster);
    if (members) members.push(c);
    else groups.set(c.cluster, [c]);
  }
  return [...groups.entries()]
    .map(([id, members]) => {
      const count = members.reduce((t, m) => t + m.count, 0);
      const bySubstance = new Map<string, number>();
      for (const m of members) bySubstance.set(m.topSubstance, (bySubstance.get(m.topSubstance) ?? 0) + m.count);
      return {
        id,
        cells: members.length,
        count,
        kgEq: members.reduce((t, m) => t + m.kgEq, 0),
        valueUsd: members.reduce((t, m) => t + m.valueUsd, 0),
        topSubstance: [...bySubstance.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0],
        centroid: [
          members.reduce((t, m) => t + m.centroid[0] * m.count, 0) / count,
          members.reduce((t, m) => t + m.centroid[1] * m.count, 0) / count,
        ] as LngLat,
        bbox: [
          Math.min(...members.map((m) => m.centroid[0])),
          Math.min(...members.map((m) => m.centroid[1])),
          Math.max(...members.map((m) => m.centroid[0])),
          Math.max(...members.map((m) => m.centroid[1])),
        ] as Bbox,
      };
    })
    .sort((a, b) => b.count - a.count)
    .map((c, i) => ({ ...c, id: i + 1 }));
}

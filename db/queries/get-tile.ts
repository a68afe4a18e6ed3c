/**
 * Mapbox Vector Tiles of seizures, layer `seizures`, extent 4096, buffer 64 px. Seizures are merged
 * per tile-pixel cell (16 px below zoom 9, 4 px to zoom 11, 1 px beyond), each feature carrying
 * `count`, `kg` (kg-eq), `substance` (most frequent; ties alphabetical) and `last` (days since
 * 1970-01-01), placed at the mean position of what it merges. Up to zoom 7 the seizures of one
 * H3 resolution-6 cell (~3 km) and substance count as one point at their centroid, when the cell
 * rollups can answer the filters.
 * Both backends compute the same features in SQL; the server encodes them with ST_AsMVT, the
 * embedded backend (PostGIS without protobuf) with @maplibre/vt-pbf.
 */
import Point from '@mapbox/point-geometry';
import { fromVectorTileJs, type VectorTileFeatureLike } from '@maplibre/vt-pbf';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { seizures } from '@/db/schema';
import { filterConditions } from './filter-conditions';
import { cellRollupsAnswer, cellsSource, CELL_ROLLUP_RESOLUTION } from './cells-source';
import type { SourceOptions } from './rollup-source';
import { rowsOf } from '@/db/result-rows';
import type { ScopedFilters } from '@/lib/access/country-scope';
import { requireEvents } from '@/lib/access/detail';

export const TILE_LAYER = 'seizures';
const TILE_EXTENT = 4096;
const BUFFER = 64;

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

function mergeCellPx(z: number): number {
  if (z < 9) return 16;
  if (z < 12) return 4;
  return 1;
}

/**
 * Up to this zoom, when the cell rollups can answer the filters, a tile draws one point per (H3 res-6
 * cell, substance) at its centroid. Whether the rollup or `seizures` computes it (`useRollup`), the
 * points are the same.
 */
export const TILE_ROLLUP_MAX_ZOOM = 7;

/** Tiles draw single seizures (merged only per pixel): refused to aggregates-only accounts. */
function featuresQuery(tile: TileAddress, filters: ScopedFilters, options: SourceOptions) {
  requireEvents(filters.detail);
  const g = mergeCellPx(tile.z);
  const margin = BUFFER / TILE_EXTENT;
  const byCell = tile.z <= TILE_ROLLUP_MAX_ZOOM && cellRollupsAnswer(filters);
  const area = sql`ST_Transform(ST_TileEnvelope(${tile.z}, ${tile.x}, ${tile.y}, margin => ${margin}), 4326)`;
  const points = byCell
    ? sql`
      SELECT substance, n, kg, last, ST_SetSRID(ST_MakePoint(lng, lat), 4326) AS geom FROM (
        SELECT substance, sum(n) AS n, sum(kg_eq) AS kg, max(last_seized_on) - DATE '1970-01-01' AS last,
               sum(sum_lng) / sum(n) AS lng, sum(sum_lat) / sum(n) AS lat
          FROM ${cellsSource(filters, filters, CELL_ROLLUP_RESOLUTION, options)}
         GROUP BY cell, substance) c
       WHERE ST_SetSRID(ST_MakePoint(lng, lat), 4326) && ${area}`
    : sql`
      SELECT ${seizures.substance} AS substance, 1 AS n, ${seizures.kgEq} AS kg, ${seizures.seizedOn} - DATE '1970-01-01' AS last,
             ${seizures.geom} AS geom
        FROM ${seizures}
       WHERE ${seizures.geom} && ${area} AND ${filterConditions(filters) ?? sql`true`}`;
  // Web Mercator tile pixels straight from degrees (the EPSG:3857 formulas), cheaper than ST_Transform.
  const n = 2 ** tile.z;
  // Every point lies in the tile's envelope with its buffer (the && test above): no second test in
  // pixels. `OFFSET 0` keeps the subquery whole, so each point's pixel is computed once, not once per use.
  return sql`
    WITH pts AS (
      SELECT p.substance, p.n, p.kg, p.last,
             ((ST_X(p.geom) + 180.0) / 360.0 * ${n} - ${tile.x}) * ${TILE_EXTENT} AS tx,
             ((1.0 - ln(tan(radians(ST_Y(p.geom))) + 1.0 / cos(radians(ST_Y(p.geom)))) / pi()) / 2.0 * ${n} - ${tile.y}) * ${TILE_EXTENT} AS ty
        FROM (${points}) p
      OFFSET 0
    ),
    inside AS (
      SELECT floor(tx / ${g}) AS gx, floor(ty / ${g}) AS gy, substance, sum(n) AS n, sum(kg) AS kg, max(last) AS last,
             sum(tx * n) AS stx, sum(ty * n) AS sty
        FROM pts
       GROUP BY 1, 2, 3
    )
    SELECT round(sum(stx) / sum(n))::int AS tx, round(sum(sty) / sum(n))::int AS ty, sum(n)::int AS count, sum(kg) AS kg,
           (array_agg(substance ORDER BY n DESC, substance))[1] AS substance, max(last)::int AS last
      FROM inside
     GROUP BY gx, gy`;
}

export interface TileFeature {
  tx: number;
  ty: number;
  count: number;
  kg: number;
  substance: string;
  last: number;
}

/** The features of a tile in tile coordinates, as both encoders receive them. */
export async function listTileFeatures(
  database: Database,
  tile: TileAddress,
  filters: ScopedFilters,
  options: SourceOptions = {},
): Promise<TileFeature[]> {
  const rows = rowsOf<Record<string, unknown>>(await database.db.execute(featuresQuery(tile, filters, options)));
  return rows.map((r) => ({
    tx: Number(r.tx),
    ty: Number(r.ty),
    count: Number(r.count),
    kg: Number(r.kg),
    substance: String(r.substance),
    last: Number(r.last),
  }));
}

/** The tile as MVT bytes (empty tile → zero bytes). */
export async function getTile(
  database: Database,
  tile: TileAddress,
  filters: ScopedFilters,
  options: SourceOptions = {},
): Promise<Uint8Array> {
  if (database.backend === 'postgres') {
    const result = await database.db.execute(sql`
      SELECT ST_AsMVT(f, ${TILE_LAYER}, ${TILE_EXTENT}, 'geom') AS mvt
        FROM (SELECT ST_SetSRID(ST_MakePoint(tx, ty), 0) AS geom, count, kg, substance, last FROM (${featuresQuery(tile, filters, options)}) q) f`);
    const mvt = rowsOf<{ mvt: Uint8Array | null }>(result)[0]?.mvt;
    return mvt ? new Uint8Array(mvt) : new Uint8Array(0);
  }
  const features = await listTileFeatures(database, tile, filters, options);
  if (features.length === 0) return new Uint8Array(0);
  const feature = (i: number): VectorTileFeatureLike => {
    const f = features[i];
    return {
      type: 1,
      id: undefined,
      extent: TILE_EXTENT,
      properties: { count: f.count, kg: f.kg, substance: f.substance, last: f.last },
      loadGeometry: () => [[new Point(f.tx, f.ty)]],
    };
  };
  return fromVectorTileJs({
    layers: { [TILE_LAYER]: { version: 2, name: TILE_LAYER, extent: TILE_EXTENT, length: features.length, feature } },
  });
}

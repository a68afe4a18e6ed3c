/**
 * Mapbox Vector Tiles of seizures, layer `seizures`, extent 4096, buffer 64 px. Seizures are merged
 * per tile-pixel cell (16 px below zoom 9, 4 px to zoom 11, 1 px beyond), each feature carrying
 * `count`, `kg` (kg-eq), `substance` (most frequent) and `last` (days since 1970-01-01).
 * Both backends compute the same features in SQL; the server encodes them with ST_AsMVT, the
 * embedded backend (PostGIS without protobuf) with @maplibre/vt-pbf.
 */
import Point from '@mapbox/point-geometry';
import { fromVectorTileJs, type VectorTileFeatureLike } from '@maplibre/vt-pbf';
import { sql } from 'drizzle-orm';
import type { Database } from '../client';
import { seizures } from '../schema';
import { filterConditions } from './filter-conditions';
import { rowsOf } from '../result-rows';
import type { Filters } from '../../lib/filters';

export const TILE_LAYER = 'seizures';
export const TILE_EXTENT = 4096;
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

function featuresQuery(tile: TileAddress, filters: Filters) {
  const g = mergeCellPx(tile.z);
  const margin = BUFFER / TILE_EXTENT;
  return sql`
    WITH env AS (SELECT ST_TileEnvelope(${tile.z}, ${tile.x}, ${tile.y}) AS e),
    pts AS (
      SELECT ${seizures.substance} AS substance, ${seizures.kgEq} AS kg, ${seizures.seizedOn} - DATE '1970-01-01' AS day,
             (ST_X(p) - ST_XMin(env.e)) / (ST_XMax(env.e) - ST_XMin(env.e)) * ${TILE_EXTENT} AS tx,
             (ST_YMax(env.e) - ST_Y(p)) / (ST_YMax(env.e) - ST_YMin(env.e)) * ${TILE_EXTENT} AS ty
        FROM ${seizures}, env, LATERAL ST_Transform(${seizures.geom}, 3857) AS p
       WHERE ${seizures.geom} && ST_Transform(ST_TileEnvelope(${tile.z}, ${tile.x}, ${tile.y}, margin => ${margin}), 4326)
         AND ${filterConditions(filters) ?? sql`true`}
    )
    SELECT round(avg(tx))::int AS tx, round(avg(ty))::int AS ty, count(*)::int AS count, sum(kg) AS kg,
           mode() WITHIN GROUP (ORDER BY substance) AS substance, max(day)::int AS last
      FROM pts
     WHERE tx >= ${-BUFFER} AND tx < ${TILE_EXTENT + BUFFER} AND ty >= ${-BUFFER} AND ty < ${TILE_EXTENT + BUFFER}
     GROUP BY floor(tx / ${g}), floor(ty / ${g})`;
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
export async function listTileFeatures(database: Database, tile: TileAddress, filters: Filters): Promise<TileFeature[]> {
  const rows = rowsOf<Record<string, unknown>>(await database.db.execute(featuresQuery(tile, filters)));
  return rows.map((r) => ({ tx: Number(r.tx), ty: Number(r.ty), count: Number(r.count), kg: Number(r.kg), substance: String(r.substance), last: Number(r.last) }));
}

/** The tile as MVT bytes (empty tile → zero bytes). */
export async function getTile(database: Database, tile: TileAddress, filters: Filters): Promise<Uint8Array> {
  if (database.backend === 'postgres') {
    const result = await database.db.execute(sql`
      SELECT ST_AsMVT(f, ${TILE_LAYER}, ${TILE_EXTENT}, 'geom') AS mvt
        FROM (SELECT ST_SetSRID(ST_MakePoint(tx, ty), 0) AS geom, count, kg, substance, last FROM (${featuresQuery(tile, filters)}) q) f`);
    const mvt = rowsOf<{ mvt: Uint8Array | null }>(result)[0]?.mvt;
    return mvt ? new Uint8Array(mvt) : new Uint8Array(0);
  }
  const features = await listTileFeatures(database, tile, filters);
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
  return fromVectorTileJs({ layers: { [TILE_LAYER]: { version: 2, name: TILE_LAYER, extent: TILE_EXTENT, length: features.length, feature } } });
}

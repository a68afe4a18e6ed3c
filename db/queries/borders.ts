import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { borders } from '@/db/schema';
import { rowsOf } from '@/db/result-rows';

/**
 * Re-derives the land borders from the country polygons, inside the caller's transaction: the shared
 * edges of each pair of touching countries, as MultiLineStrings (SRID 4326). Neighbours share their
 * border's vertices exactly (data/build/boundaries.ts), so the intersection of two is line work.
 */
export async function deriveBorders(tx: Db): Promise<number> {
  await tx.delete(borders);
  const inserted = await tx.execute(sql`
    INSERT INTO borders (a, b, length_km, geom)
    SELECT a, b, ST_Length(line::geography) / 1000.0, line
    FROM (
      SELECT x.iso2 AS a, y.iso2 AS b,
             ST_Multi(ST_LineMerge(ST_CollectionExtract(ST_Intersection(x.geom, y.geom), 2))) AS line
      FROM countries x
      JOIN countries y ON x.iso2 < y.iso2 AND ST_Intersects(x.geom, y.geom)
    ) pairs
    WHERE NOT ST_IsEmpty(line)
    RETURNING a`);
  return rowsOf(inserted).length;
}

export interface BorderSummary {
  a: string;
  b: string;
  lengthKm: number;
}

export async function listBorders(db: Db): Promise<BorderSummary[]> {
  return db.select({ a: borders.a, b: borders.b, lengthKm: borders.lengthKm }).from(borders).orderBy(borders.a, borders.b);
}

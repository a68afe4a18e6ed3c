/**
 * Keeps a database in step with the shipped reference files. When data/blos.json or
 * data/countries.geojson changed since they were last loaded (their SHA-256 in `reference_files`),
 * the countries, land borders and posts are reloaded and every current seizure that a moved post
 * touches is re-derived, as one data version: the old rows are marked removed and copies added (a
 * seizure recorded at a crossing moves with its post), so the rollups follow through their triggers.
 * Counts by nearest post, by country and by period asked of an earlier version keep their figures; a
 * catchment asked of an earlier version is measured from the post where it stands now (post positions
 * are reference data, not versioned).
 */
import { sql } from 'drizzle-orm';
import type { Database, Db } from './client';
import { closeVersion, lockDataWriters, openVersion } from './data-versions';
import { rowsOf } from './result-rows';
import { SEIZURE_COPY_COLUMNS, writeReferenceData } from './seed';
import type { ReferenceData } from './reference-data';
import { cellOf, cellToDecimal } from '@/lib/geo/h3-cell';
import type { LngLat } from '@/lib/geo/lng-lat';

/**
 * Catchment rings reach 100 km on the sphere (migration 0013): a row this close to a moved post may
 * change ring. Measured on the sphere as the rings are, with a margin for rounding.
 */
const RING_REACH_M = 101_000;

/** True when a reference file differs from what the database last loaded (or it never recorded one). */
export async function referenceChanged(db: Db, data: ReferenceData): Promise<boolean> {
  const stored = new Map(
    rowsOf<{ file: string; sha256: string }>(await db.execute(sql`SELECT file, sha256 FROM reference_files`)).map((r) => [
      r.file,
      r.sha256,
    ]),
  );
  return Object.entries(data.hashes).some(([file, hash]) => stored.get(file) !== hash);
}

async function postPositions(db: Db): Promise<Map<string, LngLat>> {
  const rows = rowsOf<{ code: string; lng: number; lat: number }>(
    await db.execute(sql`SELECT code, ST_X(geom) AS lng, ST_Y(geom) AS lat FROM blos`),
  );
  return new Map(rows.map((r) => [r.code, [Number(r.lng), Number(r.lat)]]));
}

interface PostMove {
  from: LngLat;
  to: LngLat;
  /** H3 cell of `to` (the seizure cell resolution), decimal. */
  cell: string;
}

/**
 * Re-derives the current rows that moved posts touch, as data version `version`: rows within the
 * rings' reach of a move's old or new position, and rows whose nearest post or its distance changes.
 * A row recorded at a crossing (its point is the post's) moves with the post. Returns the rows re-derived.
 */
async function rederiveSeizures(db: Db, version: number, moves: PostMove[]): Promise<number> {
  const moved = JSON.stringify(moves);
  await db.execute(sql`DROP TABLE IF EXISTS rederived`);
  await db.execute(sql`
    CREATE TEMP TABLE rederived ON COMMIT DROP AS
    SELECT s.id
      FROM seizures s
      CROSS JOIN LATERAL (
        SELECT b.code, ST_Distance(b.geom::geography, s.geom::geography) / 1000.0 AS km
          FROM blos b
         ORDER BY b.geom::geography <-> s.geom::geography
         LIMIT 1) n
     WHERE s.removed_in IS NULL
       AND (s.nearest_blo IS DISTINCT FROM n.code
            OR s.nearest_blo_km IS DISTINCT FROM n.km
            OR EXISTS (SELECT 1
                         FROM jsonb_array_elements(${moved}::jsonb) m, LATERAL (VALUES (m->'from'), (m->'to')) p(at)
                        WHERE ST_DWithin(s.geom::geography,
                                         ST_SetSRID(ST_MakePoint((p.at->>0)::float8, (p.at->>1)::float8), 4326)::geography,
                                         ${RING_REACH_M}, false)))`);
  // Removed first, so the copies do not collide with them on the current rows' dedupe key; the
  // nearest-post trigger derives the copies' nearest post from the posts as they now stand.
  await db.execute(sql`UPDATE seizures SET removed_in = ${version} WHERE id IN (SELECT id FROM rederived)`);
  const kept = [...SEIZURE_COPY_COLUMNS.filter((c) => c !== 'added_in' && c !== 'geom' && c !== 'cell'), 'created_at'];
  const columns = sql.raw(kept.join(', '));
  const fromOld = sql.raw(kept.map((c) => `s.${c}`).join(', '));
  const inserted = await db.execute(sql`
    WITH moves AS (
      SELECT (m->'from'->>0)::float8 AS from_lng, (m->'from'->>1)::float8 AS from_lat,
             (m->'to'->>0)::float8 AS to_lng, (m->'to'->>1)::float8 AS to_lat, (m->>'cell')::bigint AS cell
        FROM jsonb_array_elements(${moved}::jsonb) m)
    INSERT INTO seizures (${columns}, geom, cell, added_in)
    SELECT ${fromOld},
           coalesce(ST_SetSRID(ST_MakePoint(mv.to_lng, mv.to_lat), 4326), s.geom),
           coalesce(mv.cell, s.cell),
           ${version}::bigint
      FROM seizures s
      LEFT JOIN moves mv
        ON s.location_precision = 'crossing' AND ST_X(s.geom) = mv.from_lng AND ST_Y(s.geom) = mv.from_lat
     WHERE s.id IN (SELECT id FROM rederived)
     ORDER BY s.id
    RETURNING id`);
  return rowsOf(inserted).length;
}

export interface ReferenceSync {
  /** Posts whose position changed. */
  moved: string[];
  /** Current seizures re-derived (0 when none is stored near a moved post). */
  rederived: number;
}

/**
 * Loads the reference data when the files changed, and re-derives the seizures a moved post touches.
 * Null when the database already holds these files. Everything happens under the data writers' lock
 * (db/data-versions.ts), checked again once it is held: two processes starting together reload once,
 * and no import writes nearest posts against positions about to change.
 */
export async function syncReferenceData(database: Database, data: ReferenceData, account: string): Promise<ReferenceSync | null> {
  if (!(await referenceChanged(database.db, data))) return null;
  return database.bulkTransaction(async (tx) => {
    await lockDataWriters(tx.db);
    if (!(await referenceChanged(tx.db, data))) return null;
    const before = await postPositions(tx.db);
    const moves = new Map<string, PostMove>();
    for (const b of data.blos) {
      const from = before.get(b.code);
      if (from && (from[0] !== b.lon || from[1] !== b.lat)) {
        moves.set(b.code, { from, to: [b.lon, b.lat], cell: cellToDecimal(cellOf([b.lon, b.lat])) });
      }
    }
    const [{ any }] = rowsOf<{ any: boolean }>(
      await tx.db.execute(sql`SELECT EXISTS (SELECT 1 FROM seizures WHERE removed_in IS NULL) AS any`),
    );
    // Always a data version, even when no stored seizure moves (a post renamed, a border redrawn, an
    // empty database): answers kept by data version, on every instance, must not outlive the change.
    const rederive = any && moves.size > 0;
    const version = await openVersion(tx.db, {
      action: 'seed',
      account,
      batchId: null,
      note: rederive
        ? `Reference data reloaded: ${moves.size} posts at new positions, nearest posts re-derived`
        : `Reference data reloaded: ${moves.size} posts at new positions, no stored seizure re-derived`,
    });
    await writeReferenceData(tx.db, data);
    const rederived = rederive ? await rederiveSeizures(tx.db, version, [...moves.values()]) : 0;
    await closeVersion(tx.db, version);
    return { moved: [...moves.keys()], rederived };
  });
}

/**
 * Keeps a database in step with the shipped reference files. When data/blos.json or
 * data/countries.geojson changed since they were last loaded (their SHA-256 in `reference_files`),
 * the countries, land borders and posts are reloaded and every current seizure whose nearest post,
 * its distance or its catchment rings depend on a post that moved is re-derived, as one data version:
 * the old rows are marked removed and copies added, so the rollups follow through their triggers and
 * a link pinned to an earlier version still reads the figures it was briefed with.
 */
import { sql } from 'drizzle-orm';
import type { Database, Db } from './client';
import { writeVersion } from './data-versions';
import { rowsOf } from './result-rows';
import { SEIZURE_COPY_COLUMNS, seedReferenceData, writeReferenceData } from './seed';
import type { ReferenceData } from './reference-data';
import type { LngLat } from '@/lib/geo/lng-lat';

/** Catchment rings reach 100 km (migration 0013): a row this close to a moved post changes ring. */
const RING_REACH_M = 100_000;

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

/**
 * Re-derives the current rows that a change of post positions touches, as data version `version`.
 * `moved` holds each moved post's old and new positions. Returns the number of rows re-derived.
 */
async function rederiveSeizures(db: Db, version: number, moved: LngLat[]): Promise<number> {
  const columns = sql.raw([...SEIZURE_COPY_COLUMNS.filter((c) => c !== 'added_in'), 'created_at'].join(', '));
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
                         FROM jsonb_array_elements(${JSON.stringify(moved)}::jsonb) p
                        WHERE ST_DWithin(s.geom::geography,
                                         ST_SetSRID(ST_MakePoint((p->>0)::float8, (p->>1)::float8), 4326)::geography,
                                         ${RING_REACH_M})))`);
  // Removed first, so the copies do not collide with them on the current rows' dedupe key; the
  // nearest-post trigger derives the copies' nearest post from the posts as they now stand.
  await db.execute(sql`UPDATE seizures SET removed_in = ${version} WHERE id IN (SELECT id FROM rederived)`);
  const inserted = await db.execute(sql`
    INSERT INTO seizures (${columns}, added_in)
    SELECT ${columns}, ${version}::bigint FROM seizures WHERE id IN (SELECT id FROM rederived) ORDER BY id
    RETURNING id`);
  return rowsOf(inserted).length;
}

export interface ReferenceSync {
  /** Posts whose position changed. */
  moved: string[];
  /** Current seizures re-derived (0 when no seizure is stored). */
  rederived: number;
}

/**
 * Loads the reference data when the files changed; re-derives the seizures a moved post touches.
 * Null when the database already holds these files.
 */
export async function syncReferenceData(database: Database, data: ReferenceData, account: string): Promise<ReferenceSync | null> {
  if (!(await referenceChanged(database.db, data))) return null;
  const before = await postPositions(database.db);
  const movedPosts = data.blos.filter((b) => {
    const old = before.get(b.code);
    return old !== undefined && (old[0] !== b.lon || old[1] !== b.lat);
  });
  const [{ any }] = rowsOf<{ any: boolean }>(
    await database.db.execute(sql`SELECT EXISTS (SELECT 1 FROM seizures WHERE removed_in IS NULL) AS any`),
  );
  if (!any || movedPosts.length === 0) {
    await seedReferenceData(database.db, data);
    return { moved: movedPosts.map((b) => b.code), rederived: 0 };
  }
  return writeVersion(
    database,
    {
      action: 'seed',
      account,
      batchId: null,
      note: `Reference data reloaded: ${movedPosts.length} posts at new positions, nearest posts re-derived`,
    },
    async (tx, version) => {
      await writeReferenceData(tx.db, data);
      const positions = movedPosts.flatMap((b) => [before.get(b.code)!, [b.lon, b.lat] as LngLat]);
      return { moved: movedPosts.map((b) => b.code), rederived: await rederiveSeizures(tx.db, version, positions) };
    },
  );
}

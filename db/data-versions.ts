/**
 * Data versions: every write that changes seizures (a seed, an import, an undo, a re-import) runs in
 * one transaction that opens a version first and closes it last. Versions are numbered without gaps
 * and in commit order: opening one takes a transaction-scoped advisory lock that the next writer waits
 * for, so a version is never committed after a higher one (a pinned link never gains rows later).
 * Rows are never deleted by these paths: an undo sets `removed_in`.
 */
import { sql } from 'drizzle-orm';
import type { BulkTransaction, Database, Db } from './client';
import { rowsOf } from './result-rows';
import type { DataVersionAction } from '@/lib/catalogue/vocabulary';
import type { DataVersion } from '@/lib/api/api-types';

/** Key of the advisory lock that serialises data writers (an arbitrary constant of this app). */
const WRITER_LOCK = 7_240_513;

export interface NewVersion {
  action: DataVersionAction;
  account: string | null;
  batchId: number | null;
  note: string;
}

/**
 * Waits until no other transaction writes seizures, and keeps them waiting until this one ends. Taken
 * before reading what a write depends on (an import's duplicate check); `openVersion` takes it too.
 */
export async function lockDataWriters(tx: Db): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${WRITER_LOCK})`);
}

/** Opens the next data version inside the caller's transaction; the caller writes rows with it, then calls `closeVersion`. */
export async function openVersion(tx: Db, version: NewVersion): Promise<number> {
  await lockDataWriters(tx);
  const [row] = rowsOf<{ id: number }>(
    await tx.execute(sql`
      INSERT INTO data_versions (id, action, account, batch_id, note)
      SELECT coalesce(max(id), 0) + 1, ${version.action}, ${version.account}, ${version.batchId}, ${version.note} FROM data_versions
      RETURNING id`),
  );
  return Number(row.id);
}

/** Records what version `id` added and removed, once its rows are written. */
export async function closeVersion(tx: Db, id: number): Promise<{ added: number; removed: number }> {
  const [row] = rowsOf<{ added: number; removed: number }>(
    await tx.execute(sql`
      UPDATE data_versions
         SET added = (SELECT count(*) FROM seizures WHERE added_in = ${id}),
             removed = (SELECT count(*) FROM seizures WHERE removed_in = ${id})
       WHERE id = ${id}
      RETURNING added, removed`),
  );
  return { added: Number(row.added), removed: Number(row.removed) };
}

/** Runs `work` in one transaction as data version `version`: opened first, closed once `work` has written its rows. */
export async function writeVersion<T>(
  database: Database,
  version: NewVersion,
  work: (tx: BulkTransaction, id: number) => Promise<T>,
): Promise<T> {
  return database.bulkTransaction(async (tx) => {
    const id = await openVersion(tx.db, version);
    const result = await work(tx, id);
    await closeVersion(tx.db, id);
    return result;
  });
}

/** The latest data version; 0 for a database that never held a seizure. */
export async function currentVersion(db: Db): Promise<number> {
  const [row] = rowsOf<{ id: number }>(await db.execute(sql`SELECT coalesce(max(id), 0) AS id FROM data_versions`));
  return Number(row.id);
}

const versionOf = (r: Record<string, unknown>): DataVersion => ({
  id: Number(r.id),
  at: new Date(String(r.created_at)).toISOString(),
  account: r.account === null ? null : String(r.account),
  action: String(r.action) as DataVersionAction,
  batchId: r.batch_id === null ? null : Number(r.batch_id),
  added: Number(r.added),
  removed: Number(r.removed),
  note: String(r.note),
});

/** One data version, or null. */
export async function getDataVersion(db: Db, id: number): Promise<DataVersion | null> {
  const rows = rowsOf<Record<string, unknown>>(await db.execute(sql`SELECT * FROM data_versions WHERE id = ${id}`));
  return rows.length ? versionOf(rows[0]) : null;
}

/** The data versions after `after`, oldest first (at most `limit`). */
export async function listDataVersions(db: Db, after: number, limit = 200): Promise<DataVersion[]> {
  return rowsOf<Record<string, unknown>>(
    await db.execute(sql`SELECT * FROM data_versions WHERE id > ${after} ORDER BY id LIMIT ${limit}`),
  ).map(versionOf);
}

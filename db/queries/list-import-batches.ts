import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rowsOf } from '@/db/result-rows';
import type { ImportBatch } from '@/lib/api/api-types';

export type { ImportBatch };

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : new Date(String(v)).toISOString());
const idOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

const batchOf = (r: Record<string, unknown>): ImportBatch => ({
  id: Number(r.id),
  fileName: r.file_name === null ? null : String(r.file_name),
  account: r.account === null ? null : String(r.account),
  rows: Number(r.rows),
  accepted: Number(r.accepted),
  rejected: Number(r.rejected),
  duplicates: Number(r.duplicates),
  startedAt: iso(r.started_at) ?? '',
  finishedAt: iso(r.finished_at),
  dataVersion: idOrNull(r.data_version),
  undoneIn: idOrNull(r.undone_in),
  reimportOf: idOrNull(r.reimport_of),
  current: Number(r.current),
});

const BATCH_COLUMNS = sql`b.id, b.file_name, b.account, b.rows, b.accepted, b.rejected, b.duplicates, b.started_at, b.finished_at,
       b.data_version, b.undone_in, b.reimport_of,
       (SELECT count(*) FROM seizures s WHERE s.batch_id = b.id AND s.removed_in IS NULL) AS current`;

/** Finished imports, newest first, `limit` at a time, before batch `before` (keyset paging). */
export async function listImportBatches(db: Db, limit: number, before: number | null = null): Promise<ImportBatch[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT ${BATCH_COLUMNS}
        FROM import_batches b
       WHERE b.kind = 'import' AND b.finished_at IS NOT NULL ${before === null ? sql`` : sql`AND b.id < ${before}`}
       ORDER BY b.id DESC
       LIMIT ${limit}`),
  );
  return rows.map(batchOf);
}

/** One import batch, or null. */
export async function getImportBatch(db: Db, id: number): Promise<ImportBatch | null> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`SELECT ${BATCH_COLUMNS} FROM import_batches b WHERE b.id = ${id} AND b.kind = 'import'`),
  );
  return rows.length ? batchOf(rows[0]) : null;
}

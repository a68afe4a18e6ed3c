/**
 * Undoing an import and bringing an undone one back, each one transaction and one data version, like
 * an import. Nothing is deleted: an undo marks the batch's current rows removed (as-of links still
 * see them); a re-import copies them back as a new batch, skipping any that are current again
 * under another batch (the same identity imported since).
 */
import { sql } from 'drizzle-orm';
import type { Database, Db } from './client';
import { rowsOf } from './result-rows';
import { closeVersion, lockDataWriters, openVersion } from './data-versions';
import { SEIZURE_COPY_COLUMNS } from './seed';
import type { BatchChange } from '@/lib/api/api-types';

/** A batch that cannot be undone or re-imported in its state; the message says why. */
export class BatchStateError extends Error {
  override name = 'BatchStateError';
}

/** Asked for a batch that is not an import. */
export class BatchNotFound extends Error {
  override name = 'BatchNotFound';
}

interface BatchRow {
  id: number;
  fileName: string | null;
  undoneIn: number | null;
}

async function lockedBatch(tx: Db, batch: number): Promise<BatchRow> {
  await lockDataWriters(tx);
  const [row] = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`SELECT id, file_name, undone_in FROM import_batches WHERE id = ${batch} AND kind = 'import' FOR UPDATE`),
  );
  if (!row) throw new BatchNotFound(`no import batch ${batch}`);
  return {
    id: Number(row.id),
    fileName: row.file_name === null ? null : String(row.file_name),
    undoneIn: row.undone_in === null ? null : Number(row.undone_in),
  };
}

const named = (b: BatchRow) => `batch ${b.id}${b.fileName ? ` (${b.fileName})` : ''}`;

/** Removes the current seizures of import `batch` as a new data version. */
export async function undoImport(database: Database, batch: number, account: string): Promise<BatchChange> {
  return database.bulkTransaction(async ({ db }) => {
    const b = await lockedBatch(db, batch);
    if (b.undoneIn !== null) throw new BatchStateError(`${named(b)} was already undone, in data version ${b.undoneIn}`);
    const [{ n }] = rowsOf<{ n: number }>(
      await db.execute(sql`
        SELECT (SELECT count(*) FROM seizures WHERE batch_id = ${batch} AND removed_in IS NULL)
             + (SELECT count(*) FROM reporting_coverage WHERE batch_id = ${batch} AND removed_in IS NULL) AS n`),
    );
    if (Number(n) === 0) throw new BatchStateError(`${named(b)} has no current seizures or declared coverage to undo`);
    const version = await openVersion(db, { action: 'undo', account, batchId: batch, note: `Undo of ${named(b)}` });
    await db.execute(sql`UPDATE seizures SET removed_in = ${version} WHERE batch_id = ${batch} AND removed_in IS NULL`);
    await db.execute(sql`UPDATE reporting_coverage SET removed_in = ${version} WHERE batch_id = ${batch} AND removed_in IS NULL`);
    await db.execute(sql`UPDATE import_batches SET undone_in = ${version} WHERE id = ${batch}`);
    const { added, removed } = await closeVersion(db, version);
    return { batch, dataVersion: version, added, removed, duplicates: 0 };
  });
}

/** The columns a re-import copies: what a seed or load writes, but the batch and the version that added it. */
const COPIED = sql.raw(SEIZURE_COPY_COLUMNS.filter((c) => c !== 'batch_id' && c !== 'added_in').join(', '));

/**
 * Brings back the seizures an undo removed from import `batch`, as a new batch (`reimport_of`) and a
 * new data version; rows whose identity is current again are counted as duplicates. Answers the new batch.
 */
export async function reimportBatch(database: Database, batch: number, account: string): Promise<BatchChange> {
  return database.bulkTransaction(async ({ db }) => {
    const b = await lockedBatch(db, batch);
    if (b.undoneIn === null) throw new BatchStateError(`${named(b)} is not undone: its seizures are current`);
    const [row] = rowsOf<{ id: number }>(
      await db.execute(sql`
        INSERT INTO import_batches (kind, label, file_name, account, reimport_of)
        VALUES ('import', ${`Re-import of ${named(b)}`}, ${b.fileName}, ${account}, ${batch})
        RETURNING id`),
    );
    const copy = Number(row.id);
    const version = await openVersion(db, {
      action: 'reimport',
      account,
      batchId: copy,
      note: `Re-import of ${named(b)} as batch ${copy}`,
    });
    const [{ n: rows }] = rowsOf<{ n: number }>(
      await db.execute(sql`SELECT count(*)::int AS n FROM seizures WHERE batch_id = ${batch} AND removed_in = ${b.undoneIn}`),
    );
    await db.execute(sql`
      INSERT INTO seizures (${COPIED}, batch_id, added_in)
      SELECT ${COPIED}, ${copy}, ${version}
        FROM seizures
       WHERE batch_id = ${batch} AND removed_in = ${b.undoneIn}
       ORDER BY id
      ON CONFLICT (dedupe_key) WHERE removed_in IS NULL DO NOTHING`);
    // Its declared coverage comes back with it.
    const covered = rowsOf<{ id: number }>(
      await db.execute(sql`
        INSERT INTO reporting_coverage (post, month, batch_id, added_in)
        SELECT post, month, ${copy}, ${version} FROM reporting_coverage WHERE batch_id = ${batch} AND removed_in = ${b.undoneIn}
        RETURNING id`),
    ).length;
    const { added, removed } = await closeVersion(db, version);
    if (added === 0 && covered === 0) {
      throw new BatchStateError(`every seizure of ${named(b)} is current again under another batch: nothing to re-import`);
    }
    await db.execute(sql`
      UPDATE import_batches
         SET rows = ${Number(rows)}, accepted = ${added}, duplicates = ${Number(rows) - added}, data_version = ${version}, finished_at = now()
       WHERE id = ${copy}`);
    return { batch: copy, dataVersion: version, added, removed, duplicates: Number(rows) - added };
  });
}

/**
 * Archiving old audit rows: the one path that deletes from the audit log. The rows go to a CSV file
 * first (written whole, flushed to disk and read back); only then, in one transaction, the append-only
 * trigger is set aside, exactly those rows are deleted, the trigger is restored and a row recording
 * the archive (file, its SHA-256, the count) is added. If anything differs, nothing is deleted.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { rowsOf } from '@/db/result-rows';
import { insertAuditEvents, streamAuditEvents } from '@/db/queries/audit';
import { AUDIT_CSV_COLUMNS, auditCsvRow } from '@/lib/audit/audit-csv';

export class ArchiveError extends Error {}

export interface ArchiveResult {
  file: string;
  rows: number;
  sha256: string;
}

/** The day before `day` (YYYY-MM-DD): the archive takes rows up to the end of that day. */
function previousDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function linesOf(file: string): Promise<number> {
  let n = 0;
  for await (const _line of createInterface({ input: createReadStream(file) })) n++;
  return n;
}

/**
 * Archives every audit row from before `before` into `file` (which must not exist), then deletes
 * those rows, as `operator` (who ran it, for the row that records it). `origin` prefixes the links
 * back to dashboard views.
 */
export async function archiveAuditLog(
  database: Database,
  { before, file, operator, origin }: { before: string; file: string; operator: string; origin: string },
): Promise<ArchiveResult> {
  const { db } = database;
  if (existsSync(file)) throw new ArchiveError(`${file} exists already; an archive is never overwritten`);
  const [{ n, last }] = rowsOf<{ n: number | string; last: number | string | null }>(
    await db.execute(sql`SELECT count(*)::int AS n, max(id) AS last FROM audit_log WHERE at < ${before}::date`),
  );
  const count = Number(n);
  const lastId = last === null ? 0 : Number(last);

  // 1. The file, whole and on disk, before anything is deleted.
  const partial = `${file}.partial`;
  const handle = await open(partial, 'wx');
  let written = 0;
  try {
    await handle.write(`${AUDIT_CSV_COLUMNS.join(',')}\n`);
    if (count > 0) {
      // Newest first, as the audit page lists them: ids up to lastId, days before `before`.
      for await (const page of streamAuditEvents(db, { before: lastId + 1, to: previousDay(before) })) {
        await handle.write(`${page.map((e) => auditCsvRow(e, origin)).join('\n')}\n`);
        written += page.length;
      }
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (written !== count || (await linesOf(partial)) < count + 1) {
    await rm(partial);
    throw new ArchiveError(`wrote ${written} of ${count} rows; nothing was deleted`);
  }
  await rename(partial, file);
  const sha256 = await sha256Of(file);

  // 2. Exactly those rows go, in one transaction that also records the archive.
  await database.bulkTransaction(async (tx) => {
    await tx.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`);
    const deleted = rowsOf(
      await tx.db.execute(sql`DELETE FROM audit_log WHERE at < ${before}::date AND id <= ${lastId} RETURNING id`),
    ).length;
    await tx.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete`);
    if (deleted !== count) throw new ArchiveError(`${deleted} rows matched instead of the ${count} archived; nothing was deleted`);
    await insertAuditEvents(tx.db, [
      {
        at: new Date(),
        action: 'audit-archived',
        accountId: null,
        email: operator,
        role: null,
        target: path.basename(file),
        params: { before, file: path.resolve(file), sha256 },
        status: 200,
        rows: count,
        address: null,
        userAgent: 'npm run audit:archive',
      },
    ]);
  });
  return { file, rows: count, sha256 };
}

import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { importBatches } from '@/db/schema';

export interface ImportBatch {
  id: number;
  fileName: string | null;
  rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  startedAt: string;
  finishedAt: string | null;
}

/** The latest finished imports, newest first. */
export async function listImportBatches(db: Db, limit: number): Promise<ImportBatch[]> {
  const rows = await db
    .select({
      id: importBatches.id,
      fileName: importBatches.fileName,
      rows: importBatches.rows,
      accepted: importBatches.accepted,
      rejected: importBatches.rejected,
      duplicates: importBatches.duplicates,
      startedAt: importBatches.startedAt,
      finishedAt: importBatches.finishedAt,
    })
    .from(importBatches)
    .where(eq(importBatches.kind, 'import'))
    .orderBy(desc(importBatches.id))
    .limit(limit);
  return rows.map((r) => ({
    ...r,
    startedAt: new Date(r.startedAt).toISOString(),
    finishedAt: r.finishedAt ? new Date(r.finishedAt).toISOString() : null,
  }));
}

/** One import batch, or null. */
export async function getImportBatch(db: Db, id: number): Promise<ImportBatch | null> {
  const [row] = await db.select().from(importBatches).where(eq(importBatches.id, id));
  if (!row || row.kind !== 'import') return null;
  return {
    id: row.id,
    fileName: row.fileName,
    rows: row.rows,
    accepted: row.accepted,
    rejected: row.rejected,
    duplicates: row.duplicates,
    startedAt: new Date(row.startedAt).toISOString(),
    finishedAt: row.finishedAt ? new Date(row.finishedAt).toISOString() : null,
  };
}

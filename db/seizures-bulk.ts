/**
 * The seed's way to add many seizures at once, inside the caller's transaction. Row by row, a
 * million seizures cost a million insertions into each of nine indexes, six foreign-key lookups
 * each and a million calls of the nearest-post trigger. Here the secondary indexes and foreign keys
 * are dropped and built again after the rows are in (one sort per index, one join per key), and the
 * nearest post comes from one join through the trigger's own function (`nearest_blo_of`, migration
 * 0017). Rows are written in spatial order, so neighbours share pages, with ids still in the order
 * of the lines. The table is held for the transaction: readers wait until it commits.
 */
import { sql } from 'drizzle-orm';
import { stageTyped, type BulkTransaction, type Db } from './client';
import { rowsOf } from './result-rows';

interface Rebuild {
  drop: string;
  create: string;
}

/** The indexes no constraint owns (the primary key stays) and the foreign keys of seizures, as drop and create statements. */
async function secondaryStructures(db: Db): Promise<Rebuild[]> {
  const result = await db.execute(sql`
    SELECT format('DROP INDEX %I', c.relname) AS drop, pg_get_indexdef(i.indexrelid) AS create
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indexrelid
     WHERE i.indrelid = 'seizures'::regclass
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = i.indrelid AND k.conindid = i.indexrelid)
    UNION ALL
    SELECT format('ALTER TABLE seizures DROP CONSTRAINT %I', conname),
           format('ALTER TABLE seizures ADD CONSTRAINT %I %s', conname, pg_get_constraintdef(oid))
      FROM pg_constraint
     WHERE conrelid = 'seizures'::regclass AND contype = 'f'`);
  return rowsOf<Rebuild>(result);
}

/**
 * Adds one seizure per CSV line (columns as `columns`, which must not name the nearest post):
 * every line lands, with its nearest post, or the transaction fails.
 */
export async function insertSeizuresInBulk(
  tx: BulkTransaction,
  columns: readonly string[],
  lines: Iterable<string> | AsyncIterable<string>,
  staging: string,
): Promise<void> {
  if (columns.includes('nearest_blo') || columns.includes('nearest_blo_km')) throw new Error('the nearest post is worked out, not loaded');
  const casts = await stageTyped(tx, 'seizures', columns, lines, staging);
  const rebuilds = await secondaryStructures(tx.db);
  for (const r of rebuilds) await tx.db.execute(sql.raw(r.drop));
  await tx.db.execute(sql`ALTER TABLE seizures DISABLE TRIGGER seizures_nearest_blo`);
  // nextval in a subquery of its own is evaluated as the staging table is read, before the sort.
  await tx.db.execute(
    sql.raw(`
      INSERT INTO seizures (id, ${columns.join(', ')}, nearest_blo, nearest_blo_km) OVERRIDING SYSTEM VALUE
      SELECT s.*, n.code, n.km
        FROM (SELECT nextval(pg_get_serial_sequence('seizures', 'id')) AS id, ${casts} FROM ${staging}) s
        CROSS JOIN LATERAL nearest_blo_of(s.geom) n
       ORDER BY s.geom`),
  );
  await tx.db.execute(sql`ALTER TABLE seizures ENABLE TRIGGER seizures_nearest_blo`);
  for (const r of rebuilds) await tx.db.execute(sql.raw(r.create));
}

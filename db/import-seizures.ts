/**
 * Imports seizure rows in one transaction per file (a batch): every row is staged with its verdict
 * (COPY into a temporary table), PostGIS places points in a country (or rejects them as outside
 * the region), duplicates are found against the database and within the file, and only then are
 * the accepted rows inserted and the rejected ones recorded with their line, raw text and reasons.
 * A failure or a kill at any point leaves the database as it was. Always:
 * accepted + rejected + duplicates = rows.
 */
import { sql } from 'drizzle-orm';
import type { BulkTransaction, Database, Db } from './client';
import { blos } from './schema';
import { rowsOf } from './result-rows';
import { closeVersion, lockDataWriters, openVersion } from './data-versions';
import { toCsvLine } from '@/lib/csv/csv-line';
import type { RawRow } from '@/lib/import/import-file';
import { normaliseImportRow, type ImportBlo, type ImportContext } from '@/lib/import/import-row';
import { decodeImportReason } from '@/lib/import/import-reasons';
import type { PostMonthKey } from '@/lib/import/coverage';
import type { ImportRejection, ImportSummary } from '@/lib/api/api-types';

export type { ImportSummary };

export interface ImportOptions {
  fileName: string;
  /** Who imports: an account's email, or the command line's operator (kept with the batch and its data version). */
  account: string;
  /** Check everything and report, then roll back: nothing is written. */
  dryRun?: boolean;
  today: string;
  maxKg: number;
  /** Called every PROGRESS_EVERY rows read, and once at the end of reading. */
  onProgress?: (rowsRead: number) => void;
  /** How many rejected rows (the first, in file order) the summary lists; none unless asked. */
  listRejections?: number;
  /** The posts and months the file is the complete report of (lib/import/coverage.ts). */
  covers?: readonly PostMonthKey[];
  /**
   * Aborted when the process is asked to stop: the import throws the signal's reason at its next
   * row or step, and its transaction rolls back (no partial batch).
   */
  signal?: AbortSignal;
}

const PROGRESS_EVERY = 5000;

const STAGING_COLUMNS = [
  'line',
  'status',
  'raw',
  'reasons',
  'seized_on',
  'date_precision',
  'substance',
  'quantity',
  'unit',
  'kg_eq',
  'value_usd',
  'price_usd_per_kg',
  'lng',
  'lat',
  'location_precision',
  'country',
  'cell',
  'transport',
  'concealment',
  'detection',
  'origin_country',
  'destination_country',
  'source_ref',
  'notes',
  'dedupe_key',
] as const;

/** The BLOs by every name, for rows located by `blo`. */
async function listImportBlos(db: Db): Promise<ImportBlo[]> {
  const rows = await db
    .select({
      code: blos.code,
      name: blos.name,
      nameRu: blos.nameRu,
      altNames: blos.altNames,
      country: blos.country,
      lng: sql<number>`ST_X(${blos.geom})`.mapWith(Number),
      lat: sql<number>`ST_Y(${blos.geom})`.mapWith(Number),
    })
    .from(blos);
  return rows.map((b) => ({ code: b.code, names: [b.name, b.nameRu, ...b.altNames], lngLat: [b.lng, b.lat], country: b.country }));
}

class DryRunRollback extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run: rolled back');
  }
}

async function* stagingLines(
  rows: AsyncIterable<RawRow>,
  ctx: ImportContext,
  onProgress?: (n: number) => void,
  signal?: AbortSignal,
): AsyncGenerator<string> {
  let n = 0;
  const empty = Array<null>(STAGING_COLUMNS.length - 4).fill(null);
  for await (const row of rows) {
    signal?.throwIfAborted();
    n++;
    if (n % PROGRESS_EVERY === 0) onProgress?.(n);
    const raw = JSON.stringify(row.raw);
    if ('error' in row) {
      yield toCsvLine([row.line, 'rejected', raw, JSON.stringify([row.error]), ...empty]);
      continue;
    }
    const result = normaliseImportRow(row.fields, ctx);
    if (!result.ok) {
      yield toCsvLine([row.line, 'rejected', raw, JSON.stringify(result.reasons), ...empty]);
      continue;
    }
    const s = result.seizure;
    yield toCsvLine([
      row.line,
      'ok',
      raw,
      null,
      s.seizedOn,
      s.datePrecision,
      s.substance,
      s.quantity,
      s.unit,
      s.kgEq,
      s.valueUsd,
      s.priceUsdPerKg,
      s.lngLat[0],
      s.lngLat[1],
      s.locationPrecision,
      s.country,
      s.cell,
      s.transport,
      s.concealment,
      s.detection,
      s.originCountry,
      s.destinationCountry,
      s.sourceRef,
      s.notes,
      s.dedupeKey,
    ]);
  }
  onProgress?.(n);
}

async function classify(tx: BulkTransaction) {
  const { db } = tx;
  await db.execute(sql`CREATE INDEX ON import_staging (dedupe_key)`);
  await db.execute(sql`ANALYZE import_staging`);
  // Points: the shipped country they fall in; none means outside Central Asia and its neighbours.
  await db.execute(sql`
    UPDATE import_staging s
       SET country = (SELECT c.iso2 FROM countries c
                       WHERE ST_Covers(c.geom, ST_SetSRID(ST_MakePoint(s.lng::float8, s.lat::float8), 4326))
                       ORDER BY c.iso2 LIMIT 1)
     WHERE s.status = 'ok' AND s.country IS NULL`);
  // The reason as lib/import/import-reasons.ts codes it ('outside-region', with lon and lat as staged).
  await db.execute(sql`
    UPDATE import_staging
       SET status = 'rejected',
           reasons = json_build_array(json_build_object('code', 'outside-region', 'lon', lng, 'lat', lat))::text
     WHERE status = 'ok' AND country IS NULL`);
  // Duplicates: the same identity among the current seizures, or earlier in this file.
  await db.execute(sql`
    UPDATE import_staging s
       SET status = 'duplicate'
     WHERE s.status = 'ok'
       AND (EXISTS (SELECT 1 FROM seizures z WHERE z.dedupe_key = s.dedupe_key AND z.removed_in IS NULL)
            OR EXISTS (SELECT 1 FROM import_staging t WHERE t.dedupe_key = s.dedupe_key AND t.status = 'ok' AND t.line::int < s.line::int))`);
}

async function write(tx: BulkTransaction, batch: number, version: number | null) {
  if (version !== null) {
    await tx.db.execute(sql`
      INSERT INTO seizures (seized_on, date_precision, substance, quantity, unit, kg_eq, value_usd, price_usd_per_kg, geom,
                            location_precision, cell, country, transport, concealment, detection, origin_country, destination_country,
                            source_ref, notes, synthetic, batch_id, dedupe_key, added_in)
      SELECT seized_on::date, date_precision, substance, quantity::float8, unit, kg_eq::float8, value_usd::float8, price_usd_per_kg::float8,
             ST_SetSRID(ST_MakePoint(lng::float8, lat::float8), 4326), location_precision, cell::bigint, country, transport, concealment,
             detection, origin_country, destination_country, source_ref, notes, false, ${batch}, dedupe_key, ${version}
        FROM import_staging
       WHERE status = 'ok'
       ORDER BY line::int`);
  }
  await tx.db.execute(sql`
    INSERT INTO import_rejections (batch_id, line, raw, reasons)
    SELECT ${batch}, line::int, raw::jsonb, ARRAY(SELECT jsonb_array_elements_text(reasons::jsonb))
      FROM import_staging
     WHERE status = 'rejected'`);
}

/** The declared post-months, as rows of the batch added in `version`. */
export async function writeCoverage(db: Db, covers: readonly PostMonthKey[], batch: number, version: number): Promise<void> {
  // In slices: each row is four parameters, well under a statement's limit.
  for (let i = 0; i < covers.length; i += 2000) {
    const rows = covers.slice(i, i + 2000).map((c) => sql`(${c.post}, ${c.month}::date, ${batch}, ${version})`);
    await db.execute(sql`INSERT INTO reporting_coverage (post, month, batch_id, added_in) VALUES ${sql.join(rows, sql`, `)}`);
  }
}

/** Rejected rows as the summary and the download carry them: stored reasons decoded, raw as read. */
const rejection = (r: { line: number; reasons: unknown[]; raw: unknown }): ImportRejection => ({
  line: Number(r.line),
  reasons: r.reasons.map(decodeImportReason),
  raw: r.raw,
});

/** The first `limit` rejected rows of the staged file, in file order. */
async function firstRejections(tx: BulkTransaction, limit: number): Promise<ImportRejection[]> {
  if (limit <= 0) return [];
  const rows = rowsOf<{ line: number; reasons: string; raw: string }>(
    await tx.db.execute(sql`
      SELECT line::int AS line, reasons, raw FROM import_staging
       WHERE status = 'rejected'
       ORDER BY line::int
       LIMIT ${limit}`),
  );
  // Staged as JSON text: a reason array of objects, and the raw line (a JSON string) or feature.
  return rows.map((r) => rejection({ line: r.line, reasons: JSON.parse(r.reasons) as unknown[], raw: JSON.parse(r.raw) }));
}

async function tally(tx: BulkTransaction) {
  const counts = rowsOf<{ status: string; n: number }>(
    await tx.db.execute(sql`SELECT status, count(*)::int AS n FROM import_staging GROUP BY status`),
  );
  const reasons = rowsOf<{ reason: string; n: number }>(
    await tx.db.execute(sql`
      SELECT r AS reason, count(*)::int AS n
        FROM import_staging, jsonb_array_elements_text(reasons::jsonb) r
       WHERE status = 'rejected'
       GROUP BY r ORDER BY n DESC, r LIMIT 10`),
  );
  const of = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0);
  return {
    accepted: of('ok'),
    rejected: of('rejected'),
    duplicates: of('duplicate'),
    rows: counts.reduce((t, c) => t + Number(c.n), 0),
    reasons: reasons.map((r) => ({ reason: decodeImportReason(String(r.reason)), count: Number(r.n) })),
  };
}

/**
 * Imports the rows of one file as one batch and, when it accepts any, one data version. Throws (and
 * writes nothing) if the file cannot be read. Imports wait for each other (`lockDataWriters`), so the
 * duplicate check always sees what the import before it wrote.
 */
export async function importSeizures(database: Database, rows: AsyncIterable<RawRow>, options: ImportOptions): Promise<ImportSummary> {
  const ctx: ImportContext = { today: options.today, maxKg: options.maxKg, blos: await listImportBlos(database.db) };
  try {
    return await database.bulkTransaction(async (tx) => {
      const [{ id }] = rowsOf<{ id: number }>(
        await tx.db.execute(sql`
          INSERT INTO import_batches (kind, label, file_name, account)
          VALUES ('import', ${`Import of ${options.fileName}`}, ${options.fileName}, ${options.account})
          RETURNING id`),
      );
      const batch = Number(id);
      await tx.stage('import_staging', STAGING_COLUMNS, stagingLines(rows, ctx, options.onProgress, options.signal));
      options.signal?.throwIfAborted();
      if (!options.dryRun) await lockDataWriters(tx.db);
      await classify(tx);
      const counts = await tally(tx);
      const covers = options.covers ?? [];
      const summary = {
        fileName: options.fileName,
        ...counts,
        covered: covers.length,
        rejections: await firstRejections(tx, options.listRejections ?? 0),
        dryRun: Boolean(options.dryRun),
      };
      if (options.dryRun) throw new DryRunRollback({ ...summary, batch: null, dataVersion: null });
      const version =
        counts.accepted > 0 || covers.length > 0
          ? await openVersion(tx.db, {
              action: 'import',
              account: options.account,
              batchId: batch,
              note: `Import of ${options.fileName} (batch ${batch})`,
            })
          : null;
      options.signal?.throwIfAborted();
      await write(tx, batch, version);
      if (version !== null) {
        await writeCoverage(tx.db, covers, batch, version);
        await closeVersion(tx.db, version);
      }
      await tx.db.execute(sql`
        UPDATE import_batches
           SET rows = ${counts.rows}, accepted = ${counts.accepted}, rejected = ${counts.rejected}, duplicates = ${counts.duplicates},
               data_version = ${version}, finished_at = now()
         WHERE id = ${batch}`);
      return { ...summary, batch, dataVersion: version };
    });
  } catch (e) {
    if (e instanceof DryRunRollback) return e.summary;
    throw e;
  }
}

export type Rejection = ImportRejection;

/**
 * The rejected rows of a batch in file order, a page at a time: a file of garbage may leave a
 * million of them, and a download must not hold them all.
 */
export async function* streamRejections(db: Db, batch: number, pageSize = 5000): AsyncGenerator<Rejection[]> {
  let after = { line: -1, id: 0 };
  for (;;) {
    const rows = rowsOf<{ id: number; line: number; reasons: string[]; raw: unknown }>(
      await db.execute(sql`
        SELECT id, line, reasons, raw FROM import_rejections
         WHERE batch_id = ${batch} AND (line, id) > (${after.line}, ${after.id})
         ORDER BY line, id
         LIMIT ${pageSize}`),
    );
    if (rows.length > 0) yield rows.map(rejection);
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1];
    after = { line: Number(last.line), id: Number(last.id) };
  }
}

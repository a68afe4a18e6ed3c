/**
 * One factory, two backends: embedded PGlite + PostGIS (default) or a PostgreSQL + PostGIS server.
 * Both run the same SQL migrations and the same query functions; only connection and bulk COPY differ.
 * This module never reads the environment: callers pass the settings in.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import postgres from 'postgres';
// `sqlTag`: drizzle's SQL template (`sql` names the postgres-js client in openPostgres).
import { sql as sqlTag, type Logger } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import * as schema from './schema';
import { rowsOf } from './result-rows';

export type Schema = typeof schema;
/** The drizzle handle every query function takes first; the same type on both backends. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Backend = 'pglite' | 'postgres';

export interface DatabaseSettings {
  /** postgres:// URL of a PostgreSQL + PostGIS server; when absent the embedded database is used. */
  url?: string;
  /** Server only: a read replica of `url` for read-only queries (`Database.reader`); never migrated from here. */
  readUrl?: string;
  /** Embedded database directory, or `memory://`. */
  dataDir?: string;
  /** Folder of SQL migrations; defaults to `db/migrations` under the working directory. */
  migrationsFolder?: string;
  /** Sees every statement drizzle sends (the benchmark replays them through the bare driver). */
  logger?: Logger;
  /** Server only: connections in the pool (default 10). */
  poolSize?: number;
  /**
   * Server only: how long opening a connection may take, and how long one statement may run outside
   * bulk transactions (imports, seeds), in ms. Unset: no limit (commands); the app sets one so a
   * database that stops answering gives an error in bounded time.
   */
  timeoutMs?: number;
}

export interface Database {
  db: Db;
  /**
   * Where read-only questions go: the read replica when one is set, else `db`. It may lag `db` by
   * the replication delay: read the data version from it too, so figures and version agree.
   */
  reader: Db;
  backend: Backend;
  /**
   * Bulk-loads CSV lines (no header, one field per column, as `toCsvLine` writes them) into
   * `table (columns)` inside one transaction: either every line lands or none does.
   */
  copyCsv(table: string, columns: readonly string[], lines: Iterable<string> | AsyncIterable<string>): Promise<void>;
  /**
   * Runs `work` in one transaction with a drizzle handle bound to it and `stage`, which COPYs CSV
   * lines into a new all-text temporary table (dropped at commit). Throwing rolls everything back.
   */
  bulkTransaction<T>(work: (tx: BulkTransaction) => Promise<T>): Promise<T>;
  /** Runs one SQL statement with positional parameters straight through the driver, bypassing drizzle. */
  runRaw(query: string, params: unknown[]): Promise<unknown[]>;
  /**
   * Runs `work` while holding the database-wide maintenance lock: processes opening one server
   * database together migrate and load reference data one after the other, never at once. (The
   * embedded database belongs to one process: no lock is needed there.)
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Connections the pool may open (the embedded database runs one query at a time: 1). */
  poolSize: number;
  close(): Promise<void>;
}

export interface BulkTransaction {
  db: Db;
  /** Creates temp table `table (columns… text)` and COPYs the lines (as `toCsvLine` writes them) into it. */
  stage(table: string, columns: readonly string[], lines: Iterable<string> | AsyncIterable<string>): Promise<void>;
}

const DEFAULT_MIGRATIONS = () => path.resolve(process.cwd(), 'db/migrations');
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Bulk load, the same on both backends: COPY the CSV into an all-text temporary table, then one
 * INSERT … SELECT with casts (column types from the catalogue) into the real table. A line that
 * breaks a constraint fails the INSERT (a normal query error, rolled back with its transaction)
 * rather than the COPY stream: postgres-js 3.4.9 never settles a COPY writable that the server
 * rejects after its last byte. `staging` names the temporary table (one per call in a transaction).
 */
export async function copyInto(
  tx: BulkTransaction,
  table: string,
  columns: readonly string[],
  lines: Iterable<string> | AsyncIterable<string>,
  staging = 'copy_staging',
): Promise<void> {
  const casts = await stageTyped(tx, table, columns, lines, staging);
  await tx.db.execute(sqlTag.raw(`INSERT INTO ${table} (${columns.join(', ')}) SELECT ${casts} FROM ${staging}`));
}

/**
 * COPYs `lines` into the all-text temporary table `staging` and answers the SELECT list that
 * casts its columns to `table`'s types (`c::type AS c, …`), for the caller's INSERT … SELECT.
 */
export async function stageTyped(
  tx: BulkTransaction,
  table: string,
  columns: readonly string[],
  lines: Iterable<string> | AsyncIterable<string>,
  staging: string,
): Promise<string> {
  const types = new Map(
    rowsOf<{ name: string; type: string }>(
      await tx.db.execute(sqlTag`
        SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
         WHERE attrelid = ${table}::regclass AND attnum > 0 AND NOT attisdropped`),
    ).map((r) => [r.name, r.type]),
  );
  for (const name of [table, staging, ...columns]) if (!IDENTIFIER.test(name)) throw new Error(`not a plain identifier: ${name}`);
  for (const name of columns) if (!types.has(name)) throw new Error(`${table} has no column ${name}`);
  await tx.stage(staging, columns, lines);
  return columns.map((c) => `${c}::${types.get(c)} AS ${c}`).join(', ');
}

const copyCsvVia =
  (bulkTransaction: Database['bulkTransaction']): Database['copyCsv'] =>
  (table, columns, lines) =>
    bulkTransaction((tx) => copyInto(tx, table, columns, lines));

/** CREATE and COPY statements for an all-text temporary staging table. */
function stagingTable(table: string, columns: readonly string[], source: string) {
  for (const name of [table, ...columns]) if (!IDENTIFIER.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return {
    create: `CREATE TEMP TABLE ${table} (${columns.map((c) => `${c} text`).join(', ')}) ON COMMIT DROP`,
    copy: `COPY ${table} (${columns.join(', ')}) FROM ${source} WITH (FORMAT csv)`,
  };
}

/** Bytes per PGlite COPY chunk: bounds the size of the in-memory blob PGlite reads from. */
const PGLITE_COPY_CHUNK_BYTES = 16 * 1024 * 1024;

/** COPY from in-memory blobs of at most PGLITE_COPY_CHUNK_BYTES each (PGlite reads COPY input from a blob). */
async function pgliteCopy(tx: Transaction, copy: string, lines: Iterable<string> | AsyncIterable<string>) {
  let parts: string[] = [];
  let size = 0;
  const flush = async () => {
    if (parts.length === 0) return;
    await tx.query(copy, [], { blob: new Blob(parts) });
    parts = [];
    size = 0;
  };
  for await (const line of lines) {
    parts.push(line, '\n');
    size += line.length + 1;
    if (size >= PGLITE_COPY_CHUNK_BYTES) await flush();
  }
  await flush();
}

async function openPglite(settings: DatabaseSettings): Promise<Database> {
  const dataDir = settings.dataDir ?? 'memory://';
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir, { extensions: { postgis } });
  await client.waitReady;
  const db = drizzlePglite({ client, schema, logger: settings.logger });
  await migratePglite(db, { migrationsFolder: settings.migrationsFolder ?? DEFAULT_MIGRATIONS() });
  const bulkTransaction: Database['bulkTransaction'] = (work) =>
    client.transaction(async (tx) => {
      const txDb = drizzlePglite({ client: tx as unknown as PGlite, schema, logger: settings.logger }) as unknown as Db;
      return work({
        db: txDb,
        async stage(table, columns, lines) {
          const statements = stagingTable(table, columns, `'/dev/blob'`);
          await tx.exec(statements.create);
          await pgliteCopy(tx, statements.copy, lines);
        },
      });
    });
  return {
    db: db as unknown as Db,
    reader: db as unknown as Db,
    backend: 'pglite',
    copyCsv: copyCsvVia(bulkTransaction),
    bulkTransaction,
    runRaw: async (query, params) => (await client.query(query, params)).rows,
    exclusive: (work) => work(),
    poolSize: 1,
    close: () => client.close(),
  };
}

/** A postgres-js pool with the app's session settings. */
function pool(url: string, settings: DatabaseSettings): postgres.Sql {
  const timeout = settings.timeoutMs;
  return postgres(url, {
    max: settings.poolSize ?? 10,
    onnotice: () => {},
    // Seconds; a server that does not answer is an error after this rather than a hang.
    ...(timeout ? { connect_timeout: Math.max(1, Math.ceil(timeout / 1000)) } : {}),
    // Connections idle this long are closed: after an outage the pool refills with live ones.
    idle_timeout: 60,
    // Dashboard queries are short aggregates, but PostGIS's high cost estimates make PostgreSQL
    // JIT-compile them, which costs more than running them: this session turns JIT off.
    // Statements are prepared (see `preparing`) but planned for each call's values: a generic plan,
    // which PostgreSQL may switch to after five calls, would ignore how selective a bbox or period is.
    connection: {
      application_name: 'blo-atlas',
      jit: 'off',
      plan_cache_mode: 'force_custom_plan',
      ...(timeout ? { statement_timeout: timeout } : {}),
    },
  });
}

/** Key of the session advisory lock held while migrating and loading reference data (an arbitrary constant of this app). */
const MAINTENANCE_LOCK = 7_240_514;

async function openPostgres(settings: DatabaseSettings & { url: string }): Promise<Database> {
  const sql = pool(settings.url, settings);
  const replica = settings.readUrl ? pool(settings.readUrl, settings) : null;
  const timeout = settings.timeoutMs;
  const exclusive: Database['exclusive'] = async (work) => {
    const held = await sql.reserve();
    try {
      await held`SELECT pg_advisory_lock(${MAINTENANCE_LOCK})`;
      return await work();
    } finally {
      await held`SELECT pg_advisory_unlock(${MAINTENANCE_LOCK})`.catch(() => {});
      held.release();
    }
  };
  const db = drizzlePostgres({ client: preparing(sql), schema, logger: settings.logger });
  await exclusive(() => migratePostgres(db, { migrationsFolder: settings.migrationsFolder ?? DEFAULT_MIGRATIONS() }));
  const bulkTransaction: Database['bulkTransaction'] = async (work) =>
    (await sql.begin(async (tx) => {
      // Bulk work (an import, a seed) may take minutes: no statement limit inside it.
      if (timeout) await tx`SET LOCAL statement_timeout = 0`;
      // drizzle reads the client's parser options, which a transaction handle does not carry: lend it the pool's.
      const client = Object.assign(tx, { options: sql.options }) as unknown as postgres.Sql;
      const txDb = drizzlePostgres({ client, schema, logger: settings.logger }) as unknown as Db;
      return work({
        db: txDb,
        async stage(table, columns, lines) {
          const statements = stagingTable(table, columns, 'STDIN');
          await tx.unsafe(statements.create);
          // Into all-text columns COPY cannot fail on a value, so the stream always settles.
          await pipeline(Readable.from(withNewlines(lines)), await tx.unsafe(statements.copy).writable());
        },
      });
    })) as Awaited<ReturnType<typeof work>>;
  return {
    db: db as unknown as Db,
    reader: replica
      ? (drizzlePostgres({ client: preparing(replica), schema, logger: settings.logger }) as unknown as Db)
      : (db as unknown as Db),
    backend: 'postgres',
    copyCsv: copyCsvVia(bulkTransaction),
    bulkTransaction,
    runRaw: async (query, params) => [...(await sql.unsafe(query, params as postgres.ParameterOrJSON<never>[]))],
    exclusive,
    poolSize: settings.poolSize ?? 10,
    close: async () => {
      await Promise.all([sql.end({ timeout: 5 }), replica?.end({ timeout: 5 })]);
    },
  };
}

/**
 * The pool as drizzle should use it: drizzle runs `db.execute()` unprepared, and postgres-js then
 * makes two round trips per query with parameters (Parse/Describe, then Bind/Execute). Prepared,
 * a statement is parsed once per connection and each repeat is one round trip. Plans stay per
 * call (`plan_cache_mode`, see openPostgres).
 */
function preparing(sql: postgres.Sql): postgres.Sql {
  return new Proxy(sql, {
    get(target, key, receiver) {
      if (key !== 'unsafe') return Reflect.get(target, key, receiver);
      return (query: string, params?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
        target.unsafe(query, params, { ...options, prepare: true });
    },
  });
}

async function* withNewlines(lines: Iterable<string> | AsyncIterable<string>): AsyncGenerator<string> {
  // Batch lines into ~1 MB strings: one stream chunk per line would dominate the load time.
  let buffer = '';
  for await (const line of lines) {
    buffer += line + '\n';
    if (buffer.length >= 1 << 20) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/** The migrations shipped with the app, by tag, in order (drizzle-kit's journal). */
export function shippedMigrations(folder = DEFAULT_MIGRATIONS()): string[] {
  const journal = JSON.parse(readFileSync(path.join(folder, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.map((e) => e.tag);
}

/** Opens the database the settings name, applying pending migrations first. */
export async function openDatabase(settings: DatabaseSettings): Promise<Database> {
  return settings.url ? openPostgres({ ...settings, url: settings.url }) : openPglite(settings);
}

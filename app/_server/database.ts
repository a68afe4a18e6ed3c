/**
 * The process-wide database: opened once (kept on globalThis so dev reloads reuse it), migrated,
 * and seeded on first start of an empty embedded database. Route handlers await `getDatabase()`.
 */
import { getEnv } from '@/lib/env';
import { openDatabase, type Database } from '@/db/client';
import { loadReferenceData } from '@/db/reference-data';
import { prepareDatabase, preparedText } from '@/db/prepare';
import { monthEnd, todayIso } from '@/lib/time/dates';
import { logger } from './observe';
import { withDeadline } from './served';

const KEY = Symbol.for('blo-atlas.database');
type Holder = { [KEY]?: Promise<Database> };

async function open(): Promise<Database> {
  const env = getEnv();
  const started = performance.now();
  const database = await openDatabase({
    url: env.DATABASE_URL,
    readUrl: env.DATABASE_READ_URL,
    dataDir: env.PGLITE_DATA_DIR,
    poolSize: env.DB_POOL_SIZE,
    timeoutMs: env.DB_TIMEOUT_MS,
  });
  try {
    const prepared = await prepareDatabase(database, loadReferenceData(), {
      sampleRows: env.SEED_ROWS,
      // Up to the last full month before today: the sample always reaches the recent past.
      through: monthEnd(todayIso(), -1),
      account: 'first start',
      syncServer: false,
    });
    const text = preparedText(prepared);
    if (text) logger()[prepared.kind === 'reference-stale' ? 'warn' : 'info'](text);
  } catch (e) {
    await database.close().catch(() => {});
    throw e;
  }
  logger().info(
    { backend: database.backend, seconds: Math.round(performance.now() - started) / 1000 },
    `${database.backend} database ready`,
  );
  return database;
}

/** Whether the database answers a trivial query within `ms`: tells a failure of ours from an outage. */
export async function databaseAnswers(ms = 1000): Promise<boolean> {
  try {
    const database = await getDatabase();
    await withDeadline(database.runRaw('SELECT 1', []), ms);
    return true;
  } catch {
    return false;
  }
}

export function getDatabase(): Promise<Database> {
  const holder = globalThis as Holder;
  holder[KEY] ??= open().catch((e: unknown) => {
    delete holder[KEY]; // let the next request retry rather than caching the failure
    throw e;
  });
  return holder[KEY];
}

/**
 * The process-wide database: opened once (kept on globalThis so dev reloads reuse it), migrated,
 * and seeded on first start of an empty embedded database. Route handlers await `getDatabase()`.
 */
import { getEnv } from '@/lib/env';
import { openDatabase, type Database } from '@/db/client';
import { loadReferenceData } from '@/db/reference-data';
import { needsSeed, seedDatabase } from '@/db/seed';
import { referenceChanged, syncReferenceData } from '@/db/reference-sync';
import { monthEnd, todayIso } from '@/lib/time/dates';

const KEY = Symbol.for('blo-atlas.database');
type Holder = { [KEY]?: Promise<Database> };

async function open(): Promise<Database> {
  const env = getEnv();
  const started = performance.now();
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR });
  const empty = await needsSeed(database.db);
  if (database.backend === 'pglite' && empty) {
    const result = await seedDatabase(database, loadReferenceData(), {
      rows: env.SEED_ROWS,
      seed: 20240531,
      // Up to the last full month before today: the sample always reaches the recent past.
      through: monthEnd(todayIso(), -1),
      account: 'first start',
    });
    console.log(`blo-atlas: seeded the new embedded database (${result.publicRows} public + ${result.syntheticRows} synthetic seizures)`);
  } else if (!empty) {
    const data = loadReferenceData();
    if (database.backend === 'pglite') {
      // Shipped data newer than the database's: posts and borders reloaded, nearest posts re-derived.
      const sync = await syncReferenceData(database, data, 'reference data update');
      if (sync) console.log(`blo-atlas: reference data reloaded (${sync.moved.length} posts moved, ${sync.rederived} seizures re-derived)`);
    } else if (await referenceChanged(database.db, data)) {
      // On a server the re-derivation may take minutes: a command does it, not the first request.
      console.warn("blo-atlas: the shipped posts or borders differ from the database's: run `npm run db:migrate` to bring them up to date");
    }
  }
  console.log(`blo-atlas: ${database.backend} database ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return database;
}

export function getDatabase(): Promise<Database> {
  const holder = globalThis as Holder;
  holder[KEY] ??= open().catch((e: unknown) => {
    delete holder[KEY]; // let the next request retry rather than caching the failure
    throw e;
  });
  return holder[KEY];
}

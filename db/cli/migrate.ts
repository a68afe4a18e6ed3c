/**
 * `npm run db:migrate`: applies pending migrations (db/migrations) to the configured database,
 * DATABASE_URL or else the embedded one, brings a seeded database's reference data up to the
 * shipped files (db/reference-sync.ts: posts moved, the seizures they touch re-derived), and prints
 * what it holds. The app and the other commands
 * migrate on open as well; this runs it alone, e.g. before starting the app on a new server.
 * With the embedded database, run it while the app is stopped (one process per data directory).
 */
import path from 'node:path';
import { getEnv } from '@/lib/env';
import { openDatabase, shippedMigrations } from '@/db/client';
import { appliedMigrations } from '@/db/queries/get-health';
import { loadReferenceData } from '@/db/reference-data';
import { prepareDatabase, preparedText } from '@/db/prepare';
import { monthEnd, todayIso } from '@/lib/time/dates';
import { commandLineOperator } from './operator';

const MIGRATIONS = path.resolve(process.cwd(), 'db/migrations');

async function main(): Promise<void> {
  const env = getEnv();
  const shipped = shippedMigrations(MIGRATIONS);
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR, migrationsFolder: MIGRATIONS });
  try {
    const applied = await appliedMigrations(database.db);
    console.log(`migrated ${database.backend}: ${applied} of ${shipped.length} migrations applied, latest ${shipped.at(-1) ?? 'none'}`);
    // A new database gets its reference data as at the app's first start; a loaded one is brought up to the shipped files.
    const prepared = await prepareDatabase(database, loadReferenceData(), {
      sampleRows: env.SEED_ROWS,
      through: monthEnd(todayIso(), -1),
      account: commandLineOperator(),
      syncServer: true,
    });
    console.log(preparedText(prepared) ?? 'reference data: as shipped');
  } finally {
    await database.close();
  }
}

main().catch((e: unknown) => {
  const cause = (e as Error).cause as Error | undefined;
  console.error(`db:migrate: ${(e as Error).message.split('\n')[0]}${cause ? ` (${cause.message.split('\n')[0]})` : ''}`);
  process.exit(1);
});

/**
 * `npm run db:migrate`: applies pending migrations (db/migrations) to the configured database,
 * DATABASE_URL or else the embedded one, brings a seeded database's reference data up to the
 * shipped files (db/reference-sync.ts: posts moved, the seizures they touch re-derived), and prints
 * what it holds. The app and the other commands
 * migrate on open as well; this runs it alone, e.g. before starting the app on a new server.
 * With the embedded database, run it while the app is stopped (one process per data directory).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { getEnv } from '@/lib/env';
import { openDatabase } from '@/db/client';
import { rowsOf } from '@/db/result-rows';
import { loadReferenceData } from '@/db/reference-data';
import { syncReferenceData } from '@/db/reference-sync';
import { needsSeed } from '@/db/seed';
import { commandLineOperator } from './operator';

const MIGRATIONS = path.resolve(process.cwd(), 'db/migrations');

async function main(): Promise<void> {
  const env = getEnv();
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR, migrationsFolder: MIGRATIONS });
  try {
    // drizzle's own record of applied migrations, one row per file.
    const [row] = rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`));
    const latest = journal.entries[journal.entries.length - 1]?.tag ?? 'none';
    console.log(`migrated ${database.backend}: ${Number(row.n)} of ${journal.entries.length} migrations applied, latest ${latest}`);
    if (!(await needsSeed(database.db))) {
      const sync = await syncReferenceData(database, loadReferenceData(), commandLineOperator());
      console.log(
        sync
          ? `reference data reloaded: ${sync.moved.length} posts moved, ${sync.rederived} seizures re-derived`
          : 'reference data: as shipped',
      );
    }
  } finally {
    await database.close();
  }
}

main().catch((e: unknown) => {
  const cause = (e as Error).cause as Error | undefined;
  console.error(`db:migrate: ${(e as Error).message.split('\n')[0]}${cause ? ` (${cause.message.split('\n')[0]})` : ''}`);
  process.exit(1);
});

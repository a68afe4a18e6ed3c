/**
 * `npm run db:seed [-- --rows N] [--seed S]`: loads reference data, the public seizures and N synthetic
 * seizures into the configured database (DATABASE_URL, else the embedded one). Prints rows/s.
 * An entry point like app/: it alone reads settings (lib/env) and hands them to db/.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { getEnv } from '@/lib/env';
import { commandLineOperator } from './operator';
import { openDatabase } from '@/db/client';
import { loadReferenceData } from '@/db/reference-data';
import { needsSeed, seedDatabase } from '@/db/seed';
import { syncReferenceData } from '@/db/reference-sync';
import { monthEnd, todayIso } from '@/lib/time/dates';

const argsSchema = z.object({
  rows: z.coerce
    .number({ error: '--rows must be a number' })
    .int('--rows must be a whole number')
    .min(0, '--rows must be ≥ 0')
    .max(5_000_000, '--rows must be ≤ 5000000')
    .optional(),
  seed: z.coerce.number({ error: '--seed must be a number' }).int('--seed must be a whole number').default(20240531),
});

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rows: { type: 'string' }, seed: { type: 'string' } }, strict: true });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues[0].message);
  const env = getEnv();
  const rows = parsed.data.rows ?? env.SEED_ROWS;
  const started = performance.now();
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR });
  try {
    const opened = performance.now();
    const data = loadReferenceData();
    // Imported rows stay through a re-seed: their nearest posts follow the shipped positions first.
    if (!(await needsSeed(database.db))) {
      const sync = await syncReferenceData(database, data, commandLineOperator());
      if (sync) console.log(`reference data reloaded: ${sync.moved.length} posts moved, ${sync.rederived} seizures re-derived`);
    }
    const result = await seedDatabase(database, data, {
      rows,
      seed: parsed.data.seed,
      through: monthEnd(todayIso(), -1),
      account: commandLineOperator(),
    });
    const seconds = (performance.now() - opened) / 1000;
    const total = result.publicRows + result.syntheticRows;
    console.log(
      `seeded ${database.backend}: ${result.borders} borders, ${result.publicRows} public + ${result.syntheticRows} synthetic seizures ` +
        `in ${seconds.toFixed(1)} s (${Math.round(total / seconds).toLocaleString('en')} rows/s; open+migrate ${((opened - started) / 1000).toFixed(1)} s)`,
    );
  } finally {
    await database.close();
  }
}

main().catch((e: unknown) => {
  const cause = (e as Error).cause as Error | undefined;
  console.error(`db:seed: ${(e as Error).message.split('\n')[0]}${cause ? ` (${cause.message})` : ''}`);
  process.exit(1);
});

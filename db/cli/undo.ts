/**
 * `npm run db:undo -- BATCH [--reimport]`: undoes import batch BATCH (its seizures leave the current
 * data as a new data version, kept for links pinned to earlier versions), or with --reimport brings
 * an undone batch back as a new batch. Prints the JSON result; exit code 1 with the reason otherwise.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { getEnv } from '@/lib/env';
import { openForCommand } from './open';
import { reimportBatch, undoImport } from '@/db/undo-import';
import { commandLineOperator } from './operator';

const batchSchema = z
  .string()
  .regex(/^\d{1,12}$/, 'BATCH must be a batch number (see the import history)')
  .transform(Number);

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { reimport: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new Error('usage: npm run db:undo -- BATCH [--reimport]');
  const parsed = batchSchema.safeParse(positionals[0]);
  if (!parsed.success) throw new Error(parsed.error.issues[0].message);
  const env = getEnv();
  const database = await openForCommand(env, 'db:undo');
  try {
    const result = await (values.reimport ? reimportBatch : undoImport)(database, parsed.data, commandLineOperator());
    process.stderr.write(
      values.reimport
        ? `batch ${parsed.data} re-imported as batch ${result.batch}: ${result.added} seizures back, ${result.duplicates} already current (data version ${result.dataVersion})\n`
        : `batch ${parsed.data} undone: ${result.removed} seizures removed (data version ${result.dataVersion})\n`,
    );
    console.log(JSON.stringify(result));
  } finally {
    await database.close();
  }
}

main().catch((e: unknown) => {
  console.error(`db:undo: ${(e as Error).message.split('\n')[0]}`);
  process.exit(1);
});

/**
 * How a command opens the configured database (DATABASE_URL, else the embedded one): migrated and
 * prepared exactly as the app's first start prepares it (db/prepare.ts), so a command run on a new
 * database finds the posts and countries it checks rows against.
 */
import { openDatabase, type Database } from '@/db/client';
import { prepareDatabase, preparedText } from '@/db/prepare';
import { loadReferenceData } from '@/db/reference-data';
import type { Env } from '@/lib/env';
import { monthEnd, todayIso } from '@/lib/time/dates';
import { commandLineOperator } from './operator';

export async function openForCommand(env: Env, command: string): Promise<Database> {
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR });
  try {
    const prepared = await prepareDatabase(database, loadReferenceData(), {
      sampleRows: env.SEED_ROWS,
      through: monthEnd(todayIso(), -1),
      account: commandLineOperator(),
      syncServer: false,
    });
    const text = preparedText(prepared);
    if (text) process.stderr.write(`${command}: ${text}\n`);
    return database;
  } catch (e) {
    await database.close();
    throw e;
  }
}

import { EnvError, getEnv } from '@/lib/env';
import { getDatabase } from './database';
import { announceFirstRun } from './first-run';

/**
 * Start-up: check the environment (a bad value stops the server with one line naming the
 * variable), then open the database in the background so the first request does not wait for it,
 * and print the first-run link while it has no account.
 */
export function boot(): void {
  try {
    getEnv();
  } catch (e) {
    if (e instanceof EnvError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  getDatabase()
    .then(announceFirstRun)
    .catch((e: unknown) => console.error(`blo-atlas: database failed to open: ${(e as Error).message}`));
}

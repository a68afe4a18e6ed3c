/**
 * With no account in the database, the server prints one line: a one-time link (random token,
 * valid 24 hours) to the page that creates the first admin. Each start issues a new one and
 * withdraws the last; once an account exists nothing is printed.
 */
import { issueFirstRunToken } from '@/db/queries/accounts';
import { localOrigin } from '@/lib/access/auth-settings';
import { getEnv } from '@/lib/env';
import type { Database } from '@/db/client';
import { logger } from './observe';

const VALID_HOURS = 24;

export async function announceFirstRun(database: Database): Promise<void> {
  const token = await issueFirstRunToken(database.db, VALID_HOURS);
  if (token === null) return;
  const env = getEnv();
  const origin = env.APP_URL ?? localOrigin(env);
  logger().warn(`no accounts yet. Create the first admin (link valid ${VALID_HOURS} h, once): ${origin}/setup?token=${token}`);
}

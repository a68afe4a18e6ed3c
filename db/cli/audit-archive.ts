/**
 * `npm run audit:archive -- --before YYYY-MM-DD [--out FILE]`: moves the audit rows from before that
 * day into a CSV file (default `audit-archive-before-YYYY-MM-DD.csv`), written before anything is
 * deleted, and records the archive in the log. Without `--before`, AUDIT_RETENTION_DAYS decides.
 * With the embedded database, run it while the app is stopped.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { getEnv } from '@/lib/env';
import { openForCommand } from './open';
import { commandLineOperator } from './operator';
import { ArchiveError, archiveAuditLog } from '@/db/audit-archive';
import { isoDateSchema, isoDay } from '@/lib/time/dates';

const USAGE = 'usage: npm run audit:archive -- --before YYYY-MM-DD [--out FILE]   (or set AUDIT_RETENTION_DAYS)';

class UsageError extends Error {}

const argsSchema = z.object({
  before: isoDateSchema.optional(),
  out: z.string().min(1, 'must name a file').optional(),
});

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({ options: { before: { type: 'string' }, out: { type: 'string' } }, strict: true }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${USAGE}`);
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--${String(issue.path[0])} ${issue.message}`);
  }
  const env = getEnv();
  let before = parsed.data.before;
  if (!before && env.AUDIT_RETENTION_DAYS) {
    const day = new Date();
    day.setUTCDate(day.getUTCDate() - env.AUDIT_RETENTION_DAYS);
    before = isoDay(day);
  }
  if (!before) throw new UsageError(`--before is required when AUDIT_RETENTION_DAYS is not set\n${USAGE}`);
  if (before > isoDay(new Date())) throw new UsageError(`--before ${before} is in the future`);
  const file = parsed.data.out ?? `audit-archive-before-${before}.csv`;
  const database = await openForCommand(env, 'audit:archive');
  try {
    const result = await archiveAuditLog(database, { before, file, operator: commandLineOperator(), origin: env.APP_URL ?? '' });
    console.log(`archived ${result.rows} audit rows from before ${before} to ${result.file} (sha256 ${result.sha256})`);
  } finally {
    await database.close();
  }
}

main().catch((e: unknown) => {
  if (e instanceof UsageError || e instanceof ArchiveError) console.error(`audit:archive: ${e.message}`);
  else console.error(`audit:archive: ${(e as Error).message.split('\n')[0]}`);
  process.exit(1);
});

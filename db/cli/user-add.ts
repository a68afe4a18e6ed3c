/**
 * `npm run user:add -- --email E --role R [--countries KZ,UZ|all] [--name N]`: creates an account in
 * the configured database (DATABASE_URL, else the embedded one; with the embedded one, while the app
 * is stopped). The password comes from USER_PASSWORD, else it is asked for (not echoed).
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { getEnv } from '@/lib/env';
import { openForCommand } from './open';
import { createAuth } from '@/db/auth';
import { AccountError, createAccount } from '@/db/accounts';
import { getOrCreateSecret } from '@/db/queries/accounts';
import { authSettingsOf } from '@/lib/access/auth-settings';
import { describeScope } from '@/lib/access/country-scope';
import { newAccountSchema } from '@/lib/access/new-account';
import { ROLES } from '@/lib/access/roles';

const USAGE = `usage: npm run user:add -- --email E --role ${ROLES.join('|')} [--countries KZ,UZ|all] [--name NAME]`;

class UsageError extends Error {}

/** Reads a password from the terminal without echoing it, or one line from piped input. */
function askPassword(): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
    if (process.stdin.isTTY) {
      process.stdout.write('password (12+ characters): ');
      // Swallow the echo of what is typed.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
    }
    rl.once('line', (line) => {
      rl.close();
      if (process.stdin.isTTY) process.stdout.write('\n');
      resolve(line);
    });
    rl.once('close', () => reject(new UsageError('no password given (set USER_PASSWORD or type one)')));
  });
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { email: { type: 'string' }, role: { type: 'string' }, countries: { type: 'string' }, name: { type: 'string' } },
      strict: true,
    }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${USAGE}`);
  }
  if (!values.email || !values.role) throw new UsageError(`--email and --role are required\n${USAGE}`);
  const env = getEnv();
  const password = env.USER_PASSWORD ?? (await askPassword());
  const parsed = newAccountSchema.safeParse({ ...values, password });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue.path[0]);
    throw new UsageError(`${key === 'password' ? 'the password' : `--${key}`} ${issue.message}`);
  }
  const database = await openForCommand(env, 'user:add');
  try {
    const secret = env.AUTH_SECRET ?? (await getOrCreateSecret(database.db, 'auth'));
    const auth = createAuth(database.db, authSettingsOf(env, secret));
    await createAccount(database.db, auth, parsed.data);
    const { email, role, scope } = parsed.data;
    console.log(`created ${role} ${email} (${describeScope(scope)}) in the ${database.backend} database`);
  } finally {
    await database.close();
  }
}

main().catch((e: unknown) => {
  if (e instanceof UsageError || e instanceof AccountError) console.error(`user:add: ${e.message}`);
  else console.error(`user:add: ${(e as Error).message.split('\n')[0]}`);
  process.exit(1);
});

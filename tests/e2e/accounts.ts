/**
 * The accounts the browser tests sign in as. The first-run setup (first-run.setup.ts) creates the
 * admin from the link the server prints, then the others; each one's signed-in browser state is
 * saved here for the specs to start from.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Role } from '@/lib/access/roles';

export const PORT = 3210;
export const ORIGIN = `http://127.0.0.1:${PORT}`;
/** Where `npm start` writes what it prints during the browser tests (see playwright.config.ts). */
export const SERVER_LOG = '.data/e2e-server.log';
const STATE_DIR = path.join(process.cwd(), 'test-results/.auth');

export interface TestAccount {
  email: string;
  name: string;
  password: string;
  role: Role;
  countries: string;
}

const account = (name: string, role: Role, countries = 'all'): TestAccount => ({
  email: `${name}@example.org`,
  name,
  password: `${name} passphrase for tests`,
  role,
  countries,
});

export const ACCOUNTS = {
  admin: account('admin', 'admin'),
  editor: account('editor', 'editor'),
  viewer: account('viewer', 'viewer'),
  kzAnalyst: account('kz-analyst', 'analyst', 'KZ'),
} satisfies Record<string, TestAccount>;
export type AccountName = keyof typeof ACCOUNTS;

/** The saved browser state (session cookie) of an account. */
export const stateOf = (name: AccountName): string => path.join(STATE_DIR, `${name}.json`);

/** The first-run link from the server's output: the line a new user copies. */
export function firstRunLink(): string | null {
  if (!existsSync(SERVER_LOG)) return null;
  const lines = readFileSync(SERVER_LOG, 'utf8').split('\n');
  const line = lines.findLast((l) => l.includes('Create the first admin'));
  return line ? (/(http:\/\/\S+\/setup\?token=[A-Za-z0-9_-]+)/.exec(line)?.[1] ?? null) : null;
}

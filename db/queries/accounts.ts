/**
 * Accounts as BLO Atlas sees them (role, country scope, disabled), the first-run link, the
 * per-account count of failed sign-ins and the secrets every instance shares. better-auth owns
 * sign-in and sessions (db/auth.ts); these are the parts it does not know.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { appSecrets, firstRunTokens, signInFailures, users } from '@/db/schema';
import { scopeOf, type CountryScope } from '@/lib/access/country-scope';
import { roleSchema, type Role } from '@/lib/access/roles';
import type { AccountSummary } from '@/lib/api/api-types';

export async function countAccounts(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(users);
  return row.n;
}

/** Accounts, by email; `id` narrows to one. */
async function selectAccounts(db: Db, id?: string): Promise<AccountSummary[]> {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      allCountries: users.allCountries,
      countries: users.countries,
      banned: users.banned,
      createdAt: users.createdAt,
      // Spelled out: drizzle leaves column names unqualified here, and "id" would then mean the session's.
      activeSessions: sql<number>`(SELECT count(*) FROM sessions s WHERE s.user_id = users.id AND s.expires_at > now())`.mapWith(Number),
    })
    .from(users)
    .where(id === undefined ? undefined : eq(users.id, id))
    .orderBy(asc(users.email));
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: roleSchema.parse(r.role),
    scope: scopeOf(r.allCountries, r.countries),
    disabled: r.banned === true,
    createdAt: r.createdAt.toISOString(),
    activeSessions: r.activeSessions,
  }));
}

export const listAccounts = (db: Db): Promise<AccountSummary[]> => selectAccounts(db);

export async function findAccountId(db: Db, email: string): Promise<string | null> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase()));
  return row?.id ?? null;
}

/** Sets an account's role and the countries it may see. */
export async function setAccountAccess(db: Db, id: string, role: Role, scope: CountryScope): Promise<boolean> {
  const updated = await db
    .update(users)
    .set({ role, allCountries: scope === 'all', countries: scope === 'all' ? [] : [...scope], updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning({ id: users.id });
  return updated.length === 1;
}

// ——— Failed sign-ins per account ————————————————————————————————————————————————

/** Whether `email` has had `max` failed sign-ins within the last `windowSeconds`. */
export async function isSignInLocked(db: Db, email: string, max: number, windowSeconds: number): Promise<boolean> {
  const [row] = await db
    .select({ failures: signInFailures.failures })
    .from(signInFailures)
    .where(
      and(
        eq(signInFailures.email, email.toLowerCase()),
        gt(signInFailures.firstFailedAt, sql`now() - make_interval(secs => ${windowSeconds})`),
      ),
    );
  return (row?.failures ?? 0) >= max;
}

/** Counts one failed sign-in for `email`; a window that has run out starts again at one. */
export async function recordSignInFailure(db: Db, email: string, windowSeconds: number): Promise<void> {
  await db
    .insert(signInFailures)
    .values({ email: email.toLowerCase(), failures: 1, firstFailedAt: sql`now()` })
    .onConflictDoUpdate({
      target: signInFailures.email,
      set: {
        failures: sql`CASE WHEN ${signInFailures.firstFailedAt} > now() - make_interval(secs => ${windowSeconds}) THEN ${signInFailures.failures} + 1 ELSE 1 END`,
        firstFailedAt: sql`CASE WHEN ${signInFailures.firstFailedAt} > now() - make_interval(secs => ${windowSeconds}) THEN ${signInFailures.firstFailedAt} ELSE now() END`,
      },
    });
}

export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.email, email.toLowerCase()));
}

// ——— First run ————————————————————————————————————————————————————————————————————

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * A new one-time token for creating the first admin, valid `hours`; older unused ones are
 * withdrawn. Returns null when an account exists already (the link is for an empty database only).
 */
export async function issueFirstRunToken(db: Db, hours: number): Promise<string | null> {
  return db.transaction(async (tx) => {
    // One start at a time (instances starting together): the lock ends with the transaction.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('blo-atlas.first-run'))`);
    if ((await countAccounts(tx)) > 0) return null;
    const token = randomBytes(32).toString('base64url');
    await tx.delete(firstRunTokens).where(isNull(firstRunTokens.usedAt));
    await tx.insert(firstRunTokens).values({ tokenHash: sha256(token), expiresAt: sql`now() + make_interval(hours => ${hours})` });
    return token;
  });
}

/** Whether `token` is an unused, unexpired first-run token while no account exists. */
export async function isFirstRunTokenValid(db: Db, token: string): Promise<boolean> {
  const [row] = await db
    .select({ hash: firstRunTokens.tokenHash })
    .from(firstRunTokens)
    .where(and(eq(firstRunTokens.tokenHash, sha256(token)), isNull(firstRunTokens.usedAt), gt(firstRunTokens.expiresAt, sql`now()`)));
  return row !== undefined && (await countAccounts(db)) === 0;
}

/**
 * Uses up `token`, then runs `create`: of two browsers racing with one link, one creates the admin.
 * False (and nothing created) when the token is not valid; if `create` fails the token is given back.
 */
export async function consumeFirstRunToken(db: Db, token: string, create: () => Promise<void>): Promise<boolean> {
  const used = await db
    .update(firstRunTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(firstRunTokens.tokenHash, sha256(token)), isNull(firstRunTokens.usedAt), gt(firstRunTokens.expiresAt, sql`now()`)))
    .returning({ hash: firstRunTokens.tokenHash });
  if (used.length !== 1 || (await countAccounts(db)) > 0) return false;
  try {
    await create();
  } catch (e) {
    await db
      .update(firstRunTokens)
      .set({ usedAt: null })
      .where(eq(firstRunTokens.tokenHash, sha256(token)));
    throw e;
  }
  return true;
}

// ——— Shared secrets ———————————————————————————————————————————————————————————————

/** The secret named `name`, generated on first use and then the same for every instance. */
export async function getOrCreateSecret(db: Db, name: string): Promise<string> {
  await db
    .insert(appSecrets)
    .values({ name, value: randomBytes(48).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, name));
  return row.value;
}

export async function getAccountSummary(db: Db, id: string): Promise<AccountSummary | null> {
  return (await selectAccounts(db, id))[0] ?? null;
}

/** Disables (or enables) an account; a disabled one cannot sign in, and the caller ends its sessions. */
export async function setAccountDisabled(db: Db, id: string, disabled: boolean): Promise<void> {
  await db
    .update(users)
    .set({ banned: disabled, banReason: disabled ? 'disabled by an administrator' : null, updatedAt: new Date() })
    .where(eq(users.id, id));
}

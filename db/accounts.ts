/**
 * Creating and changing accounts: better-auth writes the account and its password hash, BLO Atlas
 * adds the role and country scope. Used by `npm run user:add`, the first-run page and /admin/users.
 */
import { APIError } from 'better-auth/api';
import type { Auth } from '@/db/auth';
import type { Db } from '@/db/client';
import { findAccountId, setAccountAccess } from '@/db/queries/accounts';
import type { NewAccount } from '@/lib/access/new-account';

export class AccountError extends Error {
  override name = 'AccountError';
}

/** Creates an account; an email already in use is an `AccountError`. Returns the new account's id. */
export async function createAccount(db: Db, auth: Auth, account: NewAccount): Promise<string> {
  if ((await findAccountId(db, account.email)) !== null) throw new AccountError(`an account with email ${account.email} exists already`);
  let id: string;
  try {
    const created = await auth.api.createUser({
      body: { email: account.email, name: account.name, password: account.password, role: account.role },
    });
    id = created.user.id;
  } catch (e) {
    if (e instanceof APIError) throw new AccountError(`the account could not be created: ${e.message}`);
    throw e;
  }
  // Until this runs the account sees no country (the column's default): never more than it should.
  await setAccountAccess(db, id, account.role, account.scope);
  return id;
}

/** Sets a new password and ends every session of the account. */
export async function resetPassword(auth: Auth, userId: string, password: string): Promise<void> {
  const context = await auth.$context;
  await context.internalAdapter.updatePassword(userId, await context.password.hash(password));
  await context.internalAdapter.deleteUserSessions(userId);
}

/** Ends every session of an account (sign-out everywhere). */
export async function endSessions(auth: Auth, userId: string): Promise<void> {
  await (await auth.$context).internalAdapter.deleteUserSessions(userId);
}

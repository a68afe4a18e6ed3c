/**
 * The one access check. Every API route and every page asks it, with the permission it needs;
 * the answer is the account (with its country scope, which the queries apply) or a refusal:
 * 401 JSON without a session, 403 JSON naming the missing permission, and for pages a redirect
 * to sign-in that comes back to the same URL.
 */
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { can, leastRoleFor, UNSCOPED_PERMISSIONS, type Permission } from '@/lib/access/roles';
import { currentAccount, type Account } from './auth';
import { auditRequest } from './audit';

/** Why `account` may not use `permission`, or null when it may. */
export function refusalOf(account: Account, permission: Permission): string | null {
  if (!can(account.role, permission)) {
    return `your account (${account.role}) lacks the "${permission}" permission: it needs the ${leastRoleFor(permission)} role or above`;
  }
  if (UNSCOPED_PERMISSIONS.includes(permission) && account.scope !== 'all') {
    return `the "${permission}" permission needs an account that sees all countries; yours is limited to some`;
  }
  return null;
}

function refusal(status: 401 | 403, message: string, permission?: Permission): Response {
  return Response.json(
    { error: { message, ...(permission ? { permission } : {}) } },
    { status, headers: { 'Cache-Control': 'no-store', ...(status === 401 ? { 'WWW-Authenticate': 'Session' } : {}) } },
  );
}

/** The 403 for `account`, which may not use `permission` (`reason`), audited. */
export function deny(request: Request, account: Account, permission: Permission, reason: string): Response {
  auditRequest(request, account, 'denied', { status: 403, params: { permission, query: new URL(request.url).search } });
  return refusal(403, reason, permission);
}

/**
 * The account a request comes from when it may use every one of `permissions`; else the 401/403
 * answer to send (naming the first permission missing).
 */
export async function authorize(request: Request, permissions: Permission | readonly Permission[]): Promise<Account | Response> {
  const account = await currentAccount(request.headers);
  if (!account) {
    const needed = typeof permissions === 'string' ? permissions : permissions.join(',');
    auditRequest(request, null, 'denied', { status: 401, params: { permission: needed, query: new URL(request.url).search } });
    return refusal(401, 'sign in first: this needs a session (POST /api/auth/sign-in/email)');
  }
  return permitted(request, account, permissions);
}

/** `account` when it may use every one of `permissions`; else the 403 (audited) naming the first one missing. */
export function permitted(request: Request, account: Account, permissions: Permission | readonly Permission[]): Account | Response {
  for (const permission of typeof permissions === 'string' ? [permissions] : permissions) {
    const reason = refusalOf(account, permission);
    if (reason !== null) return deny(request, account, permission, reason);
  }
  return account;
}

/** Why a page is refused: the permission it needs, and whether the role or the country scope falls short. */
export interface PageRefusal {
  permission: Permission;
  cause: 'role' | 'scope';
}

export type PageAccess = { account: Account; refused: PageRefusal | null };

/**
 * For pages: the account, or a redirect to sign-in that returns to `returnPath`: the page's path
 * with every key of its query, in order (Next.js hands pages the query parsed, so a `,` typed in a
 * link comes back as `%2C`, which reads the same). A signed-in account without `permission` gets
 * the page's refusal to show.
 */
export async function authorizePage(permission: Permission, returnPath: string): Promise<PageAccess> {
  const account = await currentAccount(await headers());
  if (!account) redirect(`/sign-in?next=${encodeURIComponent(returnPath)}`);
  if (refusalOf(account, permission) === null) return { account, refused: null };
  return { account, refused: { permission, cause: can(account.role, permission) ? 'scope' : 'role' } };
}

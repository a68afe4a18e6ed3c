import { PERMISSIONS } from '@/lib/access/roles';
import type { SignedIn } from '@/app/_components/access/account-menu';
import { refusalOf } from './access';
import type { Account } from './auth';

/** What a page tells its client components about the account: only what they need to show. */
export const signedIn = (account: Account): SignedIn => ({
  email: account.email,
  role: account.role,
  scope: account.scope,
  permissions: PERMISSIONS.filter((p) => refusalOf(account, p) === null),
  minCount: account.detail.level === 'aggregates' ? account.detail.minCount : null,
});

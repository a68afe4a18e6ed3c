'use client';
import '@/app/_components/browser-zod';
import { t } from '@/lib/i18n/i18n';
import type { Language } from '@/lib/url/view-state';
import type { Permission, Role } from '@/lib/access/roles';
import type { CountryScope } from '@/lib/access/country-scope';
import { roleName, scopeText } from './access-text';
import { pageHref } from '@/app/_components/page-links';
import { signOut, signOutEverywhere } from './auth-fetch';

/** Who is signed in, as the pages show it: never more than the server decided. */
export interface SignedIn {
  email: string;
  role: Role;
  scope: CountryScope;
  permissions: Permission[];
  /** Aggregates only: figures from fewer seizures than this are withheld. Null: single seizures are shown. */
  minCount: number | null;
}

/** The signed-in account (with sign-out on every device), the users page for admins, and sign-out. */
export function AccountMenu({ account, lang }: { account: SignedIn; lang: Language }) {
  return (
    <div className="account-menu" data-testid="account-menu">
      <details className="export-menu account-details">
        <summary className="account-line" title={t(lang, 'signedInAs', { email: account.email })}>
          {account.email} ▾
        </summary>
        <ul>
          <li className="account-access">
            <span className="sr-only">{account.email} · </span>
            {roleName(lang, account.role)} · {scopeText(lang, account.scope)}
          </li>
          <li>
            <button type="button" onClick={() => void signOutEverywhere(lang)}>
              {t(lang, 'endSessions')}
            </button>
          </li>
        </ul>
      </details>
      {account.permissions.includes('users') ? (
        <>
          <a className="button secondary" href={pageHref('/admin/users', lang)}>
            {t(lang, 'usersLink')}
          </a>
          <a className="button secondary" href={pageHref('/admin/audit', lang)}>
            {t(lang, 'auditLink')}
          </a>
        </>
      ) : null}
      <button type="button" className="secondary" onClick={() => void signOut(lang)}>
        {t(lang, 'signOut')}
      </button>
    </div>
  );
}

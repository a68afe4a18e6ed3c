import { t, type TextKey } from '@/lib/i18n/i18n';
import { leastRoleFor, type Permission } from '@/lib/access/roles';
import type { PageRefusal } from '@/app/_server/access';
import { roleName } from './access-text';
import type { Language } from '@/lib/url/view-state';
import { pageHref } from '@/app/_components/page-links';
import { AccountMenu, type SignedIn } from './account-menu';

const ACTION: Record<Permission, TextKey> = {
  view: 'actionView',
  events: 'actionEvents',
  export: 'actionExport',
  import: 'actionImport',
  users: 'actionUsers',
};

/** What a signed-in account sees on a page its role does not open: why, in one line, and a way on. */
export function Forbidden({ lang, refused, account }: { lang: Language; refused: PageRefusal; account: SignedIn }) {
  const values = {
    role: roleName(lang, account.role),
    action: t(lang, ACTION[refused.permission]),
    least: roleName(lang, leastRoleFor(refused.permission)),
  };
  const reason = t(lang, refused.cause === 'role' ? 'forbiddenRole' : 'forbiddenScope', values);
  return (
    <main className="page access-page" lang={lang}>
      <div className="access-card">
        <h1>{t(lang, 'forbiddenTitle')}</h1>
        <p role="alert" className="form-error">
          {reason}
        </p>
        <p>
          <a href={pageHref('/', lang)}>{t(lang, 'backToDashboard')}</a>
        </p>
        <AccountMenu account={account} lang={lang} />
      </div>
    </main>
  );
}

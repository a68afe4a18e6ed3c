import { t } from '@/lib/i18n/i18n';
import type { Language } from '@/lib/url/view-state';
import { pageHref } from '@/app/_components/page-links';
import { AccountMenu, type SignedIn } from './account-menu';

/** What a signed-in account sees on a page its role does not open: why, in one line, and a way on. */
export function Forbidden({ lang, reason, account }: { lang: Language; reason: string; account: SignedIn }) {
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

import { getDatabase } from '@/app/_server/database';
import { authorizePage } from '@/app/_server/access';
import { signedIn } from '@/app/_server/signed-in';
import { listAccounts } from '@/db/queries/accounts';
import { t } from '@/lib/i18n/i18n';
import { Forbidden } from '@/app/_components/access/forbidden';
import { AccountMenu } from '@/app/_components/access/account-menu';
import { UsersAdmin } from '@/app/_components/access/users-admin';
import { otherLanguage, pageHref, pageLanguage, pageMetadata, pagePath } from '@/app/_components/page-links';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageMetadata('usersTitle');

type SearchParams = Record<string, string | string[] | undefined>;

/** Accounts: create, change role or countries, disable, reset password, end sessions. Admins only. */
export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await searchParams;
  const lang = pageLanguage(query.lang);
  const access = await authorizePage('users', pagePath('/admin/users', query));
  const account = signedIn(access.account);
  if (access.refused) return <Forbidden lang={lang} refused={access.refused} account={account} />;
  const accounts = await listAccounts((await getDatabase()).db);
  const other = otherLanguage(lang);
  return (
    <main className="page users-page" lang={lang}>
      <div className="page-head">
        <a href={pageHref('/', lang)}>{t(lang, 'backToDashboard')}</a>
        <a className="language-link" href={pageHref('/admin/users', other)} lang={other} hrefLang={other}>
          {t(lang, 'language')}
        </a>
        <AccountMenu account={account} lang={lang} />
      </div>
      <h1>{t(lang, 'usersTitle')}</h1>
      <p className="lede">{t(lang, 'usersLede')}</p>
      <UsersAdmin lang={lang} initial={accounts} selfId={access.account.id} />
    </main>
  );
}

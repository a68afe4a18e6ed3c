import { getDatabase } from '@/app/_server/database';
import { isFirstRunTokenValid } from '@/db/queries/accounts';
import { t } from '@/lib/i18n/i18n';
import { SetupForm } from '@/app/_components/access/setup-form';
import { pageLanguage, pageMetadata } from '@/app/_components/page-links';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageMetadata('setupTitle');

type SearchParams = Record<string, string | string[] | undefined>;

/** Creates the first admin from the one-time link the server prints while the database has no account. */
export default async function SetupPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const lang = pageLanguage(params.lang);
  const token = typeof params.token === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(params.token) ? params.token : null;
  const valid = token !== null && (await isFirstRunTokenValid((await getDatabase()).db, token));
  return (
    <main className="page access-page" lang={lang}>
      <div className="access-card">
        <p className="access-brand">
          <span>{t(lang, 'title')}</span>
        </p>
        <h1>{t(lang, 'setupTitle')}</h1>
        {valid ? (
          <>
            <p className="lede">{t(lang, 'setupLede')}</p>
            <SetupForm lang={lang} token={token} />
          </>
        ) : (
          <p role="alert" className="form-error">
            {t(lang, 'setupInvalid')}
          </p>
        )}
      </div>
    </main>
  );
}

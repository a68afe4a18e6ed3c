import { redirect } from 'next/navigation';
import { currentAccount } from '@/app/_server/auth';
import { headers } from 'next/headers';
import { getEnv } from '@/lib/env';
import { t } from '@/lib/i18n/i18n';
import { safeReturnPath } from '@/lib/access/return-to';
import { SignInForm } from '@/app/_components/access/sign-in-form';
import { otherLanguage, pageLanguage, pageMetadata } from '@/app/_components/page-links';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageMetadata('signInTitle');

type SearchParams = Record<string, string | string[] | undefined>;

/** Sign-in. `next` is where to return (a path of this app only); the page speaks the language of that link. */
export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const next = safeReturnPath(typeof params.next === 'string' ? params.next : null);
  if (await currentAccount(await headers())) redirect(next);
  const lang = pageLanguage(params.lang ?? new URL(next, 'http://app.invalid').searchParams.get('lang'));
  const other = otherLanguage(lang);
  const env = getEnv();
  const switchHref = `/sign-in?${new URLSearchParams({ next, ...(other === 'en' ? {} : { lang: other }) })}`;
  return (
    <main className="page access-page" lang={lang}>
      <div className="access-card">
        <p className="access-brand">
          <span>{t(lang, 'title')}</span>
          <a className="language-link" href={switchHref} lang={other} hrefLang={other}>
            {t(lang, 'language')}
          </a>
        </p>
        <h1>{t(lang, 'signInTitle')}</h1>
        <p className="lede">{t(lang, 'signInLede')}</p>
        {next !== '/' ? <p className="access-note">{t(lang, 'signInReturn')}</p> : null}
        <SignInForm lang={lang} next={next} ssoLabel={env.OIDC_ISSUER ? env.OIDC_LABEL : null} />
      </div>
    </main>
  );
}

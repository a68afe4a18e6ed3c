import { getDatabase } from '@/app/_server/database';
import { authorizePage } from '@/app/_server/access';
import { signedIn } from '@/app/_server/signed-in';
import { listAuditEvents } from '@/db/queries/audit';
import { getEnv } from '@/lib/env';
import { t } from '@/lib/i18n/i18n';
import { parseAuditQuery } from '@/lib/audit/audit-query';
import { Forbidden } from '@/app/_components/access/forbidden';
import { AccountMenu } from '@/app/_components/access/account-menu';
import { AuditLog } from '@/app/_components/access/audit-log';
import { otherLanguage, pageHref, pageLanguage, pageMetadata, pagePath } from '@/app/_components/page-links';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageMetadata('auditTitle');

type SearchParams = Record<string, string | string[] | undefined>;

const PAGE_ROWS = 50;

/** The audit log, newest first, filtered by account, action, days and text, a page at a time. Admins only. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await searchParams;
  const lang = pageLanguage(query.lang);
  const path = pagePath('/admin/audit', query);
  const access = await authorizePage('users', path);
  const account = signedIn(access.account);
  if (access.refused) return <Forbidden lang={lang} refused={access.refused} account={account} />;
  const parsed = parseAuditQuery(new URLSearchParams(path.split('?')[1] ?? ''), ['lang']);
  // 50 rows a page unless the link says how many (`limit`, up to 500).
  const page =
    'param' in parsed
      ? null
      : await listAuditEvents((await getDatabase()).db, { ...parsed.query, limit: parsed.raw.limit ? parsed.query.limit : PAGE_ROWS });
  const retention = getEnv().AUDIT_RETENTION_DAYS;
  const other = otherLanguage(lang);
  return (
    <main className="page audit-page" lang={lang}>
      <div className="page-head">
        <a href={pageHref('/', lang)}>{t(lang, 'backToDashboard')}</a>
        <a className="language-link" href={languageSwitched(path, other)} lang={other} hrefLang={other}>
          {t(lang, 'language')}
        </a>
        <AccountMenu account={account} lang={lang} />
      </div>
      <h1>{t(lang, 'auditTitle')}</h1>
      <p className="lede">
        {t(lang, 'auditLede')} {retention ? t(lang, 'auditKeptDays', { days: retention }) : t(lang, 'auditKeptForever')}
      </p>
      <AuditLog
        lang={lang}
        filters={'param' in parsed ? {} : parsed.raw}
        problem={'param' in parsed ? parsed.message : null}
        events={page?.events ?? []}
        next={page?.next ?? null}
      />
    </main>
  );
}

/** The same page and query in the other language. */
function languageSwitched(path: string, lang: string): string {
  const [page, search] = path.split('?');
  const params = new URLSearchParams(search ?? '');
  if (lang === 'en') params.delete('lang');
  else params.set('lang', lang);
  const query = params.toString();
  return query ? `${page}?${query}` : page;
}

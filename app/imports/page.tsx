import { getDatabase } from '@/app/_server/database';
import { authorizePage } from '@/app/_server/access';
import { signedIn } from '@/app/_server/signed-in';
import { listImportBatches } from '@/db/queries/list-import-batches';
import { formatCount, t } from '@/lib/i18n/i18n';
import { rejectionsPath } from '@/lib/import/rejections-csv';
import { urlNumber } from '@/lib/url/url-number';
import { Forbidden } from '@/app/_components/access/forbidden';
import { AccountMenu } from '@/app/_components/access/account-menu';
import { BatchActions } from '@/app/_components/import/batch-actions';
import { pageHref, pageLanguage, pageMetadata, pagePath } from '@/app/_components/page-links';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageMetadata('importHistory');

const PAGE_ROWS = 50;
const beforeSchema = urlNumber({ min: 1, max: 1e12, whole: true, name: 'before' });

/** Every import, newest first, with undo and re-import. Editors and admins (permission `import`). */
export default async function ImportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const lang = pageLanguage(query.lang);
  const access = await authorizePage('import', pagePath('/imports', query));
  const account = signedIn(access.account);
  if (access.refused) return <Forbidden lang={lang} refused={access.refused} account={account} />;
  const before = typeof query.before === 'string' ? beforeSchema.safeParse(query.before) : null;
  const batches = await listImportBatches((await getDatabase()).db, PAGE_ROWS + 1, before?.success ? before.data : null);
  const shown = batches.slice(0, PAGE_ROWS);
  const at = new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const href = (extra: Record<string, string>) => {
    const params = new URLSearchParams({ ...(lang === 'ru' ? { lang } : {}), ...extra });
    return `/imports${params.size ? `?${params}` : ''}`;
  };
  return (
    <main className="page imports-page" lang={lang}>
      <div className="page-head">
        <a href={pageHref('/', lang)}>{t(lang, 'backToDashboard')}</a>
        <a href={pageHref('/import', lang)}>{t(lang, 'importAFile')}</a>
        <AccountMenu account={account} lang={lang} />
      </div>
      <h1>{t(lang, 'importHistory')}</h1>
      <p className="lede">{t(lang, 'importsLede')}</p>
      {before && !before.success ? (
        <p className="error" role="alert">
          {before.error.issues[0].message}
        </p>
      ) : null}
      {shown.length === 0 ? (
        <p className="note" data-testid="no-imports">
          {t(lang, 'noImports')}
        </p>
      ) : (
        <table className="imports-table" data-testid="imports-table">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'colBatch')}</th>
              <th scope="col">{t(lang, 'colImportedAt')}</th>
              <th scope="col">{t(lang, 'colBy')}</th>
              <th scope="col">{t(lang, 'colFile')}</th>
              <th scope="col" className="num">
                {t(lang, 'colRows')}
              </th>
              <th scope="col" className="num">
                {t(lang, 'colAccepted')}
              </th>
              <th scope="col" className="num">
                {t(lang, 'colRejected')}
              </th>
              <th scope="col" className="num">
                {t(lang, 'colDuplicates')}
              </th>
              <th scope="col" className="num">
                {t(lang, 'colDataVersion')}
              </th>
              <th scope="col">{t(lang, 'colStatus')}</th>
              <th scope="col">
                <span className="visually-hidden">{t(lang, 'undo')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((b) => (
              <tr key={b.id} data-testid={`batch-${b.id}`} className={b.undoneIn !== null ? 'undone' : undefined}>
                <td className="num">{b.id}</td>
                <td>{at.format(new Date(b.startedAt))} UTC</td>
                <td>{b.account ?? '—'}</td>
                <td>{b.fileName ?? '—'}</td>
                <td className="num">{formatCount(lang, b.rows)}</td>
                <td className="num">{formatCount(lang, b.accepted)}</td>
                <td className="num">
                  {b.rejected > 0 ? (
                    <>
                      <a href={rejectionsPath(b.id, lang)} download data-testid={`rejections-${b.id}`}>
                        {formatCount(lang, b.rejected)} (CSV)
                      </a>{' '}
                      <a
                        href={rejectionsPath(b.id, lang, true)}
                        download
                        data-testid={`rejections-excel-${b.id}`}
                        aria-label={t(lang, 'downloadRejectedExcel')}
                        title={t(lang, 'rejectedExcelTitle')}
                      >
                        Excel
                      </a>
                    </>
                  ) : (
                    0
                  )}
                </td>
                <td className="num">{formatCount(lang, b.duplicates)}</td>
                <td className="num">{b.dataVersion ?? '—'}</td>
                <td data-testid={`batch-status-${b.id}`}>
                  {b.undoneIn !== null
                    ? t(lang, 'batchUndone', { version: b.undoneIn })
                    : b.current > 0
                      ? t(lang, 'batchCurrent', { count: b.current })
                      : t(lang, 'batchEmpty')}
                  {b.reimportOf !== null ? ` · ${t(lang, 'batchReimportOf', { batch: b.reimportOf })}` : ''}
                </td>
                <td>
                  <BatchActions lang={lang} batch={b} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pager">
        {before?.success ? <a href={href({})}>{t(lang, 'newestImports')}</a> : null}
        {batches.length > PAGE_ROWS ? <a href={href({ before: String(shown[shown.length - 1].id) })}>{t(lang, 'olderImports')}</a> : null}
      </nav>
    </main>
  );
}

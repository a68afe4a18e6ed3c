/**
 * The audit page's body, rendered on the server: a filter form that is a plain GET (each filter in
 * the page's URL, so a view of the log can be shared with another admin), the rows newest first
 * with a link back to the dashboard view of every export, paging by the id of the last row, and the
 * same rows as CSV.
 */
import { t, type TextKey } from '@/lib/i18n/i18n';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '@/lib/audit/audit-event';
import { auditViewPath } from '@/lib/audit/audit-view';
import type { Language } from '@/lib/url/view-state';
import { DateField } from '@/app/_components/date-field';

const ACTION_TEXT: Record<AuditAction, TextKey> = {
  'sign-in': 'actionSignIn',
  'sign-in-failed': 'actionSignInFailed',
  'sign-out': 'actionSignOut',
  'sessions-revoked': 'actionSessionsRevoked',
  'account-created': 'actionAccountCreated',
  'account-changed': 'actionAccountChanged',
  import: 'actionImported',
  'import-dry-run': 'actionImportDryRun',
  'import-undone': 'actionImportUndone',
  'import-reimported': 'actionImportReimported',
  export: 'actionExported',
  events: 'actionSingleSeizures',
  denied: 'actionDenied',
  'audit-archived': 'actionArchived',
};

interface Props {
  lang: Language;
  /** The filters as given (the form's values, and the keys of the CSV link and the pages). */
  filters: Record<string, string>;
  /** A filter at fault, in one line; nothing is listed then. */
  problem: string | null;
  events: AuditEntry[];
  /** `before` of the next page, or null on the last. */
  next: number | null;
}

/** `?key=value…` of the filters with `change` applied (null removes a key), the language kept on the page. */
function linkTo(base: string, lang: Language, filters: Record<string, string>, change: Record<string, string | null>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...change })) if (v !== null) params.set(k, v);
  if (lang !== 'en' && base.startsWith('/admin')) params.set('lang', lang);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

/** Parameters as `key=value` pairs, one line. */
const paramsText = (params: Record<string, unknown>): string =>
  Object.entries(params)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' · ');

export function AuditLog({ lang, filters, problem, events, next }: Props) {
  return (
    <section className="audit-log">
      <form method="get" action="/admin/audit" className="audit-filters" data-testid="audit-filters">
        {lang !== 'en' && <input type="hidden" name="lang" value={lang} />}
        {filters.limit && <input type="hidden" name="limit" value={filters.limit} />}
        <label>
          {t(lang, 'auditActor')}
          <input type="email" name="actor" defaultValue={filters.actor ?? ''} autoComplete="off" />
        </label>
        <label>
          {t(lang, 'auditAction')}
          <select name="action" defaultValue={filters.action ?? ''}>
            <option value="">{t(lang, 'auditAnyAction')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(lang, ACTION_TEXT[a])}
              </option>
            ))}
          </select>
        </label>
        {/* Shown in the page's language; each submits its ISO day under its name, as the URL wants. */}
        <DateField lang={lang} label={t(lang, 'from')} name="from" defaultValue={filters.from ?? null} />
        <DateField lang={lang} label={t(lang, 'to')} name="to" defaultValue={filters.to ?? null} />
        <label>
          {t(lang, 'auditText')}
          <input type="search" name="q" defaultValue={filters.q ?? ''} maxLength={100} />
        </label>
        <button type="submit">{t(lang, 'auditFilter')}</button>
        <a className="button secondary" href={linkTo('/admin/audit', lang, {}, {})}>
          {t(lang, 'auditClear')}
        </a>
        <a
          className="button secondary"
          href={linkTo('/api/audit/csv', lang, filters, { before: null, limit: null })}
          download
          data-testid="audit-csv"
        >
          {t(lang, 'auditCsv')}
        </a>
      </form>

      {problem ? (
        <p className="form-error" role="alert" data-testid="audit-problem">
          {t(lang, 'auditBadQuery')}: {problem}
        </p>
      ) : events.length === 0 ? (
        <p className="note" data-testid="audit-empty">
          {t(lang, 'auditNone')}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="audit-table" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'auditTime')}</th>
                <th scope="col">{t(lang, 'auditWho')}</th>
                <th scope="col">{t(lang, 'auditAction')}</th>
                <th scope="col">{t(lang, 'auditTarget')}</th>
                <th scope="col">{t(lang, 'auditParams')}</th>
                <th scope="col">{t(lang, 'auditResult')}</th>
                <th scope="col">{t(lang, 'auditClient')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => {
                const view = auditViewPath(e);
                return (
                  <tr
                    key={e.id}
                    data-testid="audit-row"
                    data-id={e.id}
                    data-action={e.action}
                    className={e.status >= 400 ? 'refused' : undefined}
                  >
                    <td className="num">{e.at.slice(0, 19).replace('T', ' ')}</td>
                    <td>
                      {e.email ?? '—'}
                      {e.role ? <span className="note"> · {e.role}</span> : null}
                    </td>
                    <td>{t(lang, ACTION_TEXT[e.action])}</td>
                    <td className="target">
                      {e.target}
                      {view ? (
                        <>
                          {' '}
                          <a href={view} data-testid="audit-view">
                            {t(lang, 'auditView')}
                          </a>
                        </>
                      ) : null}
                    </td>
                    <td className="params">{paramsText(e.params)}</td>
                    <td className="num">
                      {e.status}
                      {e.rows !== null ? ` · ${t(lang, 'auditRows', { n: e.rows })}` : ''}
                    </td>
                    <td className="client" title={e.userAgent ?? undefined}>
                      {e.address ?? '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <nav className="pager" aria-label={t(lang, 'auditTitle')}>
        {filters.before ? <a href={linkTo('/admin/audit', lang, filters, { before: null })}>{t(lang, 'auditNewest')}</a> : null}
        {next !== null ? (
          <a href={linkTo('/admin/audit', lang, filters, { before: String(next) })} data-testid="audit-older">
            {t(lang, 'auditOlder')}
          </a>
        ) : null}
      </nav>
    </section>
  );
}

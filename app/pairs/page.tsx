import { getDatabase } from '@/app/_server/database';
import { authorizePage } from '@/app/_server/access';
import { signedIn } from '@/app/_server/signed-in';
import { currentVersion } from '@/db/data-versions';
import { getPairs } from '@/db/queries/get-pairs';
import { listBlos } from '@/db/queries/list-blos';
import { relativeChange, type PairSide } from '@/lib/api/api-types';
import { bloName, countryName, describeFilters, formatChange, formatCount, formatFigure, formatKg, formatMonth, t } from '@/lib/i18n/i18n';
import { linkProblemsText } from '@/lib/i18n/param-problem-text';
import { parseViewState, serializeViewState } from '@/lib/url/view-state';
import type { DateRange } from '@/lib/time/dates';
import type { Language } from '@/lib/url/view-state';
import type { ScopedFilters } from '@/lib/access/country-scope';
import { Forbidden } from '@/app/_components/access/forbidden';
import { AccountMenu } from '@/app/_components/access/account-menu';
import { PairedChart } from '@/app/_components/panels/post-months-chart';
import { otherLanguage, pageMetadata, pagePath } from '@/app/_components/page-links';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageMetadata('pairs');

const months = (lang: Language, p: DateRange) => `${formatMonth(lang, p.from)} – ${formatMonth(lang, p.to)}`;

/**
 * The paired posts (`/pairs?<the dashboard's keys>`): each pair of posts facing each other across a
 * border, both sides' seizures over the period against the previous one of the same length, how many
 * months each reported, and both on one chart. Pinned links keep their figures.
 */
export default async function PairsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const path = pagePath('/pairs', query);
  const access = await authorizePage('view', path);
  const account = signedIn(access.account);
  const params = new URLSearchParams(path.split('?')[1] ?? '');
  const { view, problems } = parseViewState(params);
  const { lang } = view;
  if (access.refused) return <Forbidden lang={lang} refused={access.refused} account={account} />;

  const { db } = await getDatabase();
  const current = await currentVersion(db);
  if (view.filters.asOf !== null && view.filters.asOf > current) {
    return (
      <main className="page" lang={lang}>
        <p className="error" role="alert">
          {t(lang, 'noDataVersion', { asked: view.filters.asOf, current })}
        </p>
      </main>
    );
  }
  const scoped: ScopedFilters = { ...view.filters, scope: access.account.scope, detail: access.account.detail };
  const [answer, blos] = await Promise.all([getPairs(db, scoped), listBlos(db, { ...scoped, from: null, to: null })]);
  const byCode = new Map(blos.map((b) => [b.code, b]));
  const name = (code: string) => {
    const b = byCode.get(code);
    return b ? bloName(lang, b) : code;
  };
  const dashboard = `/?${serializeViewState(view)}`;
  const other = `/pairs?${serializeViewState({ ...view, lang: otherLanguage(lang) })}`;

  const sideRow = (side: PairSide | null, partner: PairSide | null) => {
    if (!side) {
      const code = partner ? byCode.get(partner.code)?.pairedCode : null;
      return (
        <tr className="outside">
          <th scope="row">{code ?? '—'}</th>
          <td colSpan={4} className="note">
            {t(lang, 'pairedOutside')}
          </td>
        </tr>
      );
    }
    const b = byCode.get(side.code);
    return (
      <tr data-testid="pair-side" data-code={side.code} data-count={side.count ?? ''} data-before={side.previous.count ?? ''}>
        <th scope="row">
          {name(side.code)} <span className="note">{b ? countryName(lang, b.country) : ''}</span>
        </th>
        <td className="num">
          {formatFigure(lang, side.count, formatCount)} · {formatFigure(lang, side.kgEq, formatKg)}
        </td>
        <td className="num">{formatFigure(lang, side.previous.count, formatCount)}</td>
        <td className="num">{formatChange(lang, relativeChange(side.count, side.previous.count))}</td>
        <td className="num" data-testid="pair-reported">
          {t(lang, 'reportingCount', { n: side.reported, of: side.months.length })}
          {side.reportedBefore !== side.reported && (
            <span className="note">
              {' '}
              ({t(lang, 'pairBefore').toLowerCase()}: {t(lang, 'reportingCount', { n: side.reportedBefore, of: side.months.length })})
            </span>
          )}
        </td>
      </tr>
    );
  };

  return (
    <main className="page pairs-page" lang={lang} data-testid="pairs">
      <div className="page-head">
        <a href={dashboard}>{t(lang, 'backToDashboard')}</a>
        <a href={other} lang={otherLanguage(lang)}>
          {t(lang, 'language')}
        </a>
        <AccountMenu account={account} lang={lang} />
      </div>
      <h1>{t(lang, 'pairsTitle')}</h1>
      <p className="lede">{t(lang, 'pairsLede')}</p>
      {problems.length > 0 && (
        <p className="warning" role="alert">
          {linkProblemsText(lang, problems)}
        </p>
      )}
      <p className="note" data-testid="pairs-period">
        {answer.period && answer.previous
          ? t(lang, 'pairsPeriod', { period: months(lang, answer.period), previous: months(lang, answer.previous) })
          : ''}{' '}
        · {describeFilters(lang, view.filters)}
      </p>
      {answer.pairs.length === 0 ? (
        <p className="note" data-testid="pairs-empty">
          {t(lang, 'pairsEmpty')}
        </p>
      ) : (
        <div className="pairs-grid">
          {answer.pairs.map(({ a, b }) => {
            const key = `${a?.code ?? ''}-${b?.code ?? ''}`;
            return (
              <section key={key} className="pair-card" data-testid="pair" data-pair={key}>
                <h2>
                  {a ? name(a.code) : '—'} ⇄ {b ? name(b.code) : '—'}
                </h2>
                <table className="pair-table">
                  <thead>
                    <tr>
                      <th scope="col">{t(lang, 'pairSide')}</th>
                      <th scope="col" className="num">
                        {t(lang, 'pairNow')}
                      </th>
                      <th scope="col" className="num">
                        {t(lang, 'pairBefore')}
                      </th>
                      <th scope="col" className="num">
                        {t(lang, 'pairChange')}
                      </th>
                      <th scope="col" className="num">
                        {t(lang, 'pairReported')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {sideRow(a, b)}
                    {sideRow(b, a)}
                  </tbody>
                </table>
                {a && b && (
                  <PairedChart
                    lang={lang}
                    post={{ code: a.code, name: name(a.code), months: a.months }}
                    partner={{ code: b.code, name: name(b.code), months: b.months }}
                  />
                )}
              </section>
            );
          })}
        </div>
      )}
    </main>
  );
}

import QRCode from 'qrcode';
import { getEnv } from '@/lib/env';
import { getDatabase } from '@/app/_server/database';
import { authorizePage } from '@/app/_server/access';
import { signedIn } from '@/app/_server/signed-in';
import { pageOrigin } from '@/app/_server/page-origin';
import { currentVersion, getDataVersion } from '@/db/data-versions';
import { getSummary } from '@/db/queries/get-summary';
import { listBlos } from '@/db/queries/list-blos';
import { listRoutes } from '@/db/queries/list-routes';
import { getReporting } from '@/db/queries/get-reporting';
import { periodCompleteness, postsOfFilters, reportingGrid } from '@/lib/analysis/completeness';
import { briefLanguages, topBlos, topRoutes } from '@/lib/brief/brief-model';
import {
  completenessText,
  countryName,
  describeFilters,
  formatChange,
  formatCount,
  formatDay,
  formatFigure,
  formatKg,
  formatUsd,
  t,
  type TextKey,
} from '@/lib/i18n/i18n';
import { linkProblemsText } from '@/lib/i18n/param-problem-text';
import { comparisonPeriod } from '@/lib/url/filters';
import { parseViewState, serializeViewState, type Language } from '@/lib/url/view-state';
import { todayIso } from '@/lib/time/dates';
import type { ScopedFilters } from '@/lib/access/country-scope';
import { Forbidden } from '@/app/_components/access/forbidden';
import { BriefMap } from '@/app/_components/brief/brief-map';
import { BriefChart, BriefMonths } from '@/app/_components/brief/brief-chart';
import { PrintButton } from '@/app/_components/brief/print-button';
import { pageMetadata, pagePath } from '@/app/_components/page-links';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageMetadata('briefing');

type SearchParams = Record<string, string | string[] | undefined>;

/** Text in each of the briefing's languages, side by side. */
function Both({ langs, text }: { langs: Language[]; text: (lang: Language) => string }) {
  return (
    <>
      {langs.map((lang, i) => (
        <span key={lang} lang={lang} className={i > 0 ? 'other-language' : undefined}>
          {i > 0 ? <span className="sep"> / </span> : null}
          {text(lang)}
        </span>
      ))}
    </>
  );
}

/**
 * An A4 landscape briefing of a dashboard view (`/brief?<the dashboard's keys>`), for print and PDF:
 * the map with its legend, the KPIs against the comparison period, the five posts with most seizures,
 * the largest flows, the monthly chart, and the pinned link with its QR code. Always pinned to a data
 * version (the link's, else the current one), so the printed figures and the link agree.
 */
export default async function BriefPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await searchParams;
  const path = pagePath('/brief', query);
  const access = await authorizePage('view', path);
  const account = signedIn(access.account);
  const langs = briefLanguages(typeof query.lang === 'string' ? query.lang : undefined);
  const lang: Language = 'error' in langs ? 'en' : langs[0];
  if (access.refused) return <Forbidden lang={lang} refused={access.refused} account={account} />;
  if ('error' in langs) {
    return (
      <main className="page">
        <p className="error" role="alert">
          {langs.error}
        </p>
      </main>
    );
  }

  const params = new URLSearchParams(path.split('?')[1] ?? '');
  params.delete('lang');
  const { view, problems } = parseViewState(params);
  const { db } = await getDatabase();
  const current = await currentVersion(db);
  const asked = view.filters.asOf;
  if (asked !== null && asked > current) {
    return (
      <main className="page">
        <p className="error" role="alert">
          {t(lang, 'noDataVersion', { asked, current })}
        </p>
      </main>
    );
  }
  const pinned = asked ?? current;
  const filters = { ...view.filters, asOf: pinned };
  const pinnedView = { ...view, filters, lang };
  const search = serializeViewState(pinnedView).toString();
  const link = `${await pageOrigin()}/?${search}`;

  const full = access.account;
  const scoped: ScopedFilters = { ...filters, scope: full.scope, detail: full.detail };
  const previous = comparisonPeriod(scoped);
  const [summary, blosNow, blosBefore, flows, allTime, version, qr, reported] = await Promise.all([
    getSummary(db, scoped),
    listBlos(db, scoped),
    previous ? listBlos(db, { ...scoped, from: previous.from, to: previous.to }) : null,
    listRoutes(db, scoped, 'country'),
    listBlos(db, { ...scoped, from: null, to: null }),
    getDataVersion(db, pinned),
    QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
    getReporting(db, scoped),
  ]);
  // How completely the posts briefed on reported over the period, and over the comparison period.
  const grid = reportingGrid(reported);
  const completenessOf = periodCompleteness(grid, postsOfFilters(filters, allTime), filters, previous);
  const upTo = allTime
    .map((b) => b.totals.lastSeizedOn)
    .reduce<string | null>((m, d) => (d !== null && (m === null || d > m) ? d : m), null);
  const posts = topBlos(blosNow, blosBefore);
  const routes = topRoutes(flows);
  const marking = getEnv().BRIEF_MARKING;
  const tt = (key: TextKey, values: Record<string, string | number> = {}) => <Both langs={langs} text={(l) => t(l, key, values)} />;
  const markingLine = <p className="brief-marking">{marking ?? tt('defaultMarking')}</p>;
  const kpis = [
    { key: 'count', label: 'seizures', value: summary.count, change: summary.change?.count ?? null, format: formatCount },
    { key: 'kgEq', label: 'kgEq', value: summary.kgEq, change: summary.change?.kgEq ?? null, format: formatKg },
    { key: 'valueUsd', label: 'value', value: summary.valueUsd, change: summary.change?.valueUsd ?? null, format: formatUsd },
  ] as const;
  const synthetic = summary.syntheticCount !== null && summary.syntheticCount > 0;

  const both = langs.length > 1;
  /** A table's head row: the first column's text, then numeric columns. */
  const head = (first: TextKey, numeric: TextKey[]) => (
    <thead>
      <tr>
        <th scope="col">{tt(first)}</th>
        {numeric.map((key) => (
          <th key={key} scope="col" className="num">
            {tt(key)}
          </th>
        ))}
      </tr>
    </thead>
  );
  // Two languages take more room: the flows go to the second page.
  const flowsTable = (
    <>
      <h2>{tt('briefTopRoutes')}</h2>
      {routes.length === 0 ? (
        <p className="note">{tt('briefNoRoutes')}</p>
      ) : (
        <table className="brief-table" data-testid="brief-routes">
          {head('briefFlow', ['seizures', 'kgEq'])}
          <tbody>
            {routes.map((r) => (
              <tr key={`${r.origin}-${r.destination}`}>
                <td>
                  {countryName(lang, r.origin)} → {countryName(lang, r.destination)}
                </td>
                <td className="num">{formatFigure(lang, r.count, formatCount)}</td>
                <td className="num">{formatFigure(lang, r.kgEq, formatKg)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );

  return (
    <main className={both ? 'brief brief-both' : 'brief'} lang={lang} data-testid="brief" data-version={pinned}>
      <div className="brief-tools">
        <PrintButton label={t(lang, 'briefPrint')} />
        {problems.length > 0 && (
          <p className="warning" role="alert">
            {linkProblemsText(lang, problems)}
          </p>
        )}
      </div>
      <section className="brief-page">
        {markingLine}
        <header className="brief-head">
          <h1>{tt('briefingTitle')}</h1>
          <p className="brief-filters" data-testid="brief-filters">
            <Both langs={langs} text={(l) => describeFilters(l, filters)} />
          </p>
          <p className="brief-meta" data-testid="brief-meta">
            <Both
              langs={langs}
              text={(l) =>
                [
                  t(l, 'briefDataVersion', { version: pinned, date: version ? formatDay(l, version.at.slice(0, 10)) : '—' }),
                  t(l, 'briefDataUpTo', { date: upTo ? formatDay(l, upTo) : '—' }),
                  t(l, 'briefMade', { date: formatDay(l, todayIso()), account: full.email }),
                ].join(' · ')
              }
            />
          </p>
        </header>
        <div className="brief-body">
          <BriefMap
            search={search}
            styleUrl={getEnv().BASEMAP_STYLE_URL ?? null}
            events={account.permissions.includes('events')}
            minCount={account.minCount}
          />
          <div className="brief-side">
            <div className="brief-kpis">
              {kpis.map((k) => (
                <div key={k.key} className="kpi" data-testid={`brief-kpi-${k.key}`} data-value={k.value ?? ''}>
                  <div className="kpi-label">{tt(k.label)}</div>
                  <div className="kpi-value">{formatFigure(lang, k.value, k.format)}</div>
                  <div className="kpi-change">{summary.comparison ? formatChange(lang, k.change) : ''}</div>
                </div>
              ))}
            </div>
            <p className="brief-comparison">
              {summary.comparison ? (
                <Both
                  langs={langs}
                  text={(l) =>
                    t(l, 'briefComparedWith', {
                      period: `${formatDay(l, summary.comparison!.period.from!)} – ${formatDay(l, summary.comparison!.period.to!)}`,
                    })
                  }
                />
              ) : (
                tt('briefNoComparison')
              )}
            </p>
            {completenessOf.now && completenessOf.now.months > 0 && (
              <p className="brief-comparison" data-testid="brief-completeness" data-reported={completenessOf.now.reported}>
                <Both
                  langs={langs}
                  text={(l) => {
                    const { line, differs } = completenessText(l, { ...completenessOf, now: completenessOf.now! });
                    return differs ? `${line} ${differs}` : line;
                  }}
                />
              </p>
            )}
            <h2>{tt('briefTopBlos')}</h2>
            <table className="brief-table" data-testid="brief-blos">
              {head('briefPost', ['seizures', 'kgEq', 'briefChange'])}
              <tbody>
                {posts.map((p) => (
                  <tr key={p.code} data-code={p.code}>
                    <td>
                      {lang === 'ru' ? p.nameRu : p.name} <span className="muted">({countryName(lang, p.country)})</span>
                      {both ? (
                        <span lang={langs[1]} className="other-language">
                          {langs[1] === 'ru' ? p.nameRu : p.name}
                        </span>
                      ) : null}
                    </td>
                    <td className="num">{formatFigure(lang, p.count, formatCount)}</td>
                    <td className="num">{formatFigure(lang, p.kgEq, formatKg)}</td>
                    <td className="num">{summary.comparison ? formatChange(lang, p.change) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {both ? null : flowsTable}
          </div>
        </div>
        <footer className="brief-foot">
          <div className="brief-link">
            <p>
              <strong>{tt('briefLink')}:</strong>{' '}
              <a href={link} data-testid="brief-link">
                {link}
              </a>
            </p>
            {synthetic && (
              <p className="brief-synthetic" data-testid="brief-synthetic">
                {tt(filters.synthetic === 'only' ? 'syntheticOnlyBanner' : 'syntheticBanner')}
              </p>
            )}
            {markingLine}
            <p className="brief-attribution" data-testid="brief-attribution">
              {tt('boundaryNote')}
            </p>
          </div>
          <figure className="brief-qr">
            <div data-testid="brief-qr" dangerouslySetInnerHTML={{ __html: qr }} />
            <figcaption>{tt('briefQrNote', { version: pinned })}</figcaption>
          </figure>
        </footer>
      </section>
      <section className="brief-page brief-page-2">
        {markingLine}
        <h2>{tt('briefMonthly')}</h2>
        <p className="brief-filters">
          <Both langs={langs} text={(l) => describeFilters(l, filters)} />
        </p>
        <BriefChart lang={lang} filters={filters} />
        <div className="brief-page-2-body">
          <BriefMonths langs={langs} filters={filters} />
          {both ? <div className="brief-flows">{flowsTable}</div> : null}
        </div>
        <p className="brief-meta">
          <Both
            langs={langs}
            text={(l) => t(l, 'briefDataVersion', { version: pinned, date: version ? formatDay(l, version.at.slice(0, 10)) : '—' })}
          />{' '}
          · {link}
        </p>
        {markingLine}
      </section>
    </main>
  );
}

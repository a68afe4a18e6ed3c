'use client';
import { useState } from 'react';
import { t } from '@/lib/i18n/i18n';
import type { Filters } from '@/lib/url/filters';
import { apiSearch, type Language } from '@/lib/url/view-state';
import { otherLanguage, pageHref } from '@/app/_components/page-links';
import { AccountMenu, type SignedIn } from '@/app/_components/access/account-menu';

interface Props {
  lang: Language;
  /** The filters the export files hold. */
  filters: Filters;
  /** The data version of the figures shown (what "Copy link" pins); null until known. */
  dataVersion: number | null;
  /** The briefing page of this view. */
  briefHref: string;
  account: SignedIn;
  onLanguage(lang: Language): void;
  onExportPng(): void;
}

/** Export files; seizure files hold single seizures, so they need `events` too. */
const EXPORTS = [
  { file: 'seizures.csv', text: 'exportSeizuresCsv', events: true },
  { file: 'seizures.geojson', text: 'exportSeizuresGeojson', events: true },
  { file: 'blos.csv', text: 'exportBlosCsv', events: false },
  { file: 'blos.geojson', text: 'exportBlosGeojson', events: false },
] as const;

/** This page's link pinned to data `version` (its figures as shown), or live (no `asof`) when null. */
export function pinnedLink(href: string, version: number | null): string {
  const url = new URL(href);
  if (version !== null) url.searchParams.set('asof', String(version));
  else url.searchParams.delete('asof');
  return url.toString();
}

/** Title, language, the import page, the export menu (files for roles that may export), the link to this view, the account. */
export function TopBar({ lang, filters, dataVersion, briefHref, account, onLanguage, onExportPng }: Props) {
  const may = (p: SignedIn['permissions'][number]) => account.permissions.includes(p);
  const [copied, setCopied] = useState<{ state: 'idle' } | { state: 'done'; text: string } | { state: 'failed'; link: string }>({
    state: 'idle',
  });
  const other = otherLanguage(lang);

  // Pinned by default (a link in a briefing shows the figures as briefed); live on request.
  const copyLink = async (pinned: boolean) => {
    const link = pinnedLink(window.location.href, pinned ? dataVersion : null);
    try {
      await navigator.clipboard.writeText(link);
      setCopied({
        state: 'done',
        text: pinned && dataVersion !== null ? t(lang, 'copiedPinned', { version: dataVersion }) : t(lang, 'copiedLive'),
      });
    } catch {
      setCopied({ state: 'failed', link });
    }
    setTimeout(() => setCopied({ state: 'idle' }), 6000);
  };

  return (
    <header className="topbar">
      <div>
        <h1>{t(lang, 'title')}</h1>
        <p className="lede">{t(lang, 'subtitle')}</p>
      </div>
      <div className="topbar-actions">
        <button type="button" className="secondary" lang={other} onClick={() => onLanguage(other)}>
          {t(lang, 'language')}
        </button>
        {may('import') ? (
          <a className="button secondary" href={pageHref('/import', lang)}>
            {t(lang, 'importData')}
          </a>
        ) : null}
        <a className="button secondary" href={briefHref} target="_blank" rel="noopener" data-testid="briefing-link">
          {t(lang, 'briefing')}
        </a>
        <details className="export-menu" data-testid="export-menu">
          <summary className="button secondary">{t(lang, 'exportData')} ▾</summary>
          {/* A choice made closes the menu. */}
          <ul onClick={(e) => (e.target as Element).closest('a, button') && e.currentTarget.closest('details')?.removeAttribute('open')}>
            {EXPORTS.filter((e) => may('export') && (may('events') || !e.events)).map((e) => (
              <li key={e.file}>
                <a href={`/api/export/${e.file}${apiSearch(filters)}`} download data-testid={`export-${e.file}`}>
                  {t(lang, e.text)}
                </a>
              </li>
            ))}
            {may('export') && !may('events') ? (
              <li className="note" data-testid="export-events-hidden">
                {t(lang, 'seizureFilesHidden')}
              </li>
            ) : null}
            {may('export') ? (
              <li>
                <button type="button" data-testid="export-png" onClick={onExportPng}>
                  {t(lang, 'exportPng')}
                </button>
              </li>
            ) : null}
          </ul>
        </details>
        <span className="copy-links">
          <button type="button" data-testid="copy-link" title={t(lang, 'copyLinkTitle')} onClick={() => void copyLink(true)}>
            {t(lang, 'copyLink')}
          </button>
          <button
            type="button"
            className="secondary"
            data-testid="copy-live-link"
            title={t(lang, 'copyLiveLinkTitle')}
            onClick={() => void copyLink(false)}
          >
            {t(lang, 'copyLiveLink')}
          </button>
        </span>
        <span role="status" className="copy-status" data-testid="copy-status">
          {copied.state === 'done' ? (
            copied.text
          ) : copied.state === 'failed' ? (
            <input readOnly value={copied.link} onFocus={(e) => e.target.select()} aria-label="Link" />
          ) : (
            ''
          )}
        </span>
        <AccountMenu account={account} lang={lang} />
      </div>
    </header>
  );
}

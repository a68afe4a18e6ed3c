'use client';
import { useState } from 'react';
import { t } from '@/lib/i18n/i18n';
import type { Filters } from '@/lib/url/filters';
import { apiSearch, type Language } from '@/lib/url/view-state';
import { otherLanguage, pageHref } from '@/app/_components/page-links';
import { AccountMenu, type SignedIn } from '@/app/_components/access/account-menu';
import { AbbrText } from '@/app/_components/abbr-text';

interface Props {
  lang: Language;
  /** The filters the export files hold. */
  filters: Filters;
  /** The data version of the figures shown (what "Copy link" pins); null until known. */
  dataVersion: number | null;
  /** The briefing page of this view. */
  briefHref: string;
  /** The paired posts' page, for these filters. */
  pairsHref: string;
  onReporting(): void;
  account: SignedIn;
  onLanguage(lang: Language): void;
  onExportPng(): void;
}

/**
 * Export files; seizure files hold single seizures, so they need `events` too. The `excel` CSVs are
 * for Excel set to Russian (`;`, decimal commas, a byte-order mark).
 */
const EXPORTS = [
  { file: 'seizures.csv', excel: false, text: 'exportSeizuresCsv', events: true },
  { file: 'seizures.csv', excel: true, text: 'exportSeizuresExcel', events: true },
  { file: 'seizures.geojson', excel: false, text: 'exportSeizuresGeojson', events: true },
  { file: 'blos.csv', excel: false, text: 'exportBlosCsv', events: false },
  { file: 'blos.csv', excel: true, text: 'exportBlosExcel', events: false },
  { file: 'blos.geojson', excel: false, text: 'exportBlosGeojson', events: false },
] as const;

/** An export file of these filters; `lang` is the language of the link the file holds (English, the default, left out). */
const exportHref = (e: (typeof EXPORTS)[number], filters: Filters, lang: Language) =>
  `/api/export/${e.file}${apiSearch(filters, { lang: lang === 'en' ? undefined : lang, excel: e.excel ? 1 : undefined })}`;

/** This page's link pinned to data `version` (its figures as shown), or live (no `asof`) when null. */
export function pinnedLink(href: string, version: number | null): string {
  const url = new URL(href);
  if (version !== null) url.searchParams.set('asof', String(version));
  else url.searchParams.delete('asof');
  return url.toString();
}

/** Title, language, the import page, the reporting grid, the paired posts, the export menu (files for roles that may export), the link to this view, the account. */
export function TopBar({ lang, filters, dataVersion, briefHref, pairsHref, account, onLanguage, onReporting, onExportPng }: Props) {
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
        <h1>
          <AbbrText text={t(lang, 'title')} abbr={t(lang, 'blo')} title={t(lang, 'bloFull')} />
        </h1>
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
        <button
          type="button"
          className="secondary"
          data-testid="reporting-open"
          title={t(lang, 'reportingButtonTitle')}
          onClick={onReporting}
        >
          {t(lang, 'reporting')}
        </button>
        <a className="button secondary" href={pairsHref} data-testid="pairs-link">
          {t(lang, 'pairs')}
        </a>
        <a className="button secondary" href={briefHref} target="_blank" rel="noopener" data-testid="briefing-link">
          {t(lang, 'briefing')}
        </a>
        <details
          className="export-menu"
          data-testid="export-menu"
          // Escape closes the menu (and nothing else: the key is used) and gives focus back to its button.
          onKeyDown={(e) => {
            const menu = e.currentTarget;
            if (e.key !== 'Escape' || !menu.open) return;
            e.preventDefault();
            menu.open = false;
            menu.querySelector('summary')?.focus();
          }}
          // Focus or a click leaving the menu closes it.
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) e.currentTarget.open = false;
          }}
        >
          <summary className="button secondary">{t(lang, 'exportData')} ▾</summary>
          {/* A choice made closes the menu. */}
          <ul onClick={(e) => (e.target as Element).closest('a, button') && e.currentTarget.closest('details')?.removeAttribute('open')}>
            {EXPORTS.filter((e) => may('export') && (may('events') || !e.events)).map((e) => (
              <li key={`${e.file}${e.excel ? '-excel' : ''}`}>
                <a
                  href={exportHref(e, filters, lang)}
                  download
                  data-testid={`export-${e.file}${e.excel ? '-excel' : ''}`}
                  title={e.excel ? t(lang, 'exportExcelTitle') : undefined}
                >
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
            <input readOnly value={copied.link} onFocus={(e) => e.target.select()} aria-label={t(lang, 'link')} />
          ) : (
            ''
          )}
        </span>
        <AccountMenu account={account} lang={lang} />
      </div>
    </header>
  );
}

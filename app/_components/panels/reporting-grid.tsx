'use client';
/**
 * The reporting grid: posts × months, each cell seizures reported, a nil report or no report, for
 * the months of the period (its last 36 when longer). A modal dialog opened from the header; Escape
 * or the close button shuts it and gives focus back to what opened it.
 */
import { useEffect, useRef } from 'react';
import { bloName, countryName, formatCount, formatMonth, t, type TextKey } from '@/lib/i18n/i18n';
import type { BloListItem } from '@/lib/api/api-types';
import { encodeStatuses, monthsWithin, type ReportingGrid } from '@/lib/analysis/completeness';
import type { ReportStatus } from '@/lib/analysis/seasonal-baseline';
import type { DateRange } from '@/lib/time/dates';
import type { Language } from '@/lib/url/view-state';

/** Most months the grid shows: the period's last ones. */
const MAX_MONTHS = 36;

const STATUS_TEXT: Record<ReportStatus, TextKey> = { seizures: 'statusSeizures', nil: 'statusNil', none: 'statusNone' };

interface Props {
  lang: Language;
  open: boolean;
  grid: ReportingGrid | null;
  blos: BloListItem[];
  /** The posts the figures are about (the others are left out). */
  posts: readonly string[];
  period: DateRange | null;
  onClose(): void;
}

export function ReportingGridDialog({ lang, open, grid, blos, posts, period, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const all = grid && period ? monthsWithin(grid, period.from, period.to) : [];
  const months = all.slice(-MAX_MONTHS);
  const years: [string, number][] = [];
  for (const m of months) {
    const last = years.at(-1);
    if (last && last[0] === m.slice(0, 4)) last[1]++;
    else years.push([m.slice(0, 4), 1]);
  }
  const shown = blos
    .filter((b) => posts.includes(b.code))
    .sort((a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name));
  return (
    <dialog ref={dialog} className="reporting-dialog" data-testid="reporting-grid" aria-labelledby="reporting-title" onClose={onClose}>
      <header>
        <h2 id="reporting-title">{t(lang, 'reportingTitle')}</h2>
        <button type="button" className="icon" aria-label={t(lang, 'close')} onClick={onClose}>
          ×
        </button>
      </header>
      <p className="note">
        {months.length > 0 && `${formatMonth(lang, months[0])} – ${formatMonth(lang, months[months.length - 1])}. `}
        {t(lang, 'reportingGridNote')}
      </p>
      <p className="chart-key">
        {(['seizures', 'nil', 'none'] as const).map((s) => (
          <span key={s} className="key-item">
            <span className={`cell-swatch status-${s}`} aria-hidden /> {t(lang, STATUS_TEXT[s])}
          </span>
        ))}
      </p>
      {/* The grid (posts × months, a thousand cells) is drawn only while the dialog is open. */}
      {!open ? null : !grid ? (
        <p>{t(lang, 'loading')}</p>
      ) : months.length === 0 || shown.length === 0 ? (
        <p>{t(lang, 'reportingEmpty')}</p>
      ) : (
        <div className="reporting-scroll">
          <table className="reporting-table">
            <thead>
              <tr>
                <th rowSpan={2} scope="col">
                  {t(lang, 'pairSide')}
                </th>
                {years.map(([year, n]) => (
                  <th key={year} colSpan={n} scope="colgroup" className="year">
                    {year}
                  </th>
                ))}
                <th rowSpan={2} scope="col">
                  {t(lang, 'pairReported')}
                </th>
              </tr>
              <tr>
                {months.map((m) => (
                  <th key={m} scope="col" className="month" title={formatMonth(lang, m)}>
                    {Number(m.slice(5, 7))}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((b) => {
                const statuses = months.map((m) => grid.posts.get(b.code)?.get(m) ?? 'none');
                const reported = statuses.filter((s) => s !== 'none').length;
                return (
                  <tr key={b.code} data-code={b.code} data-statuses={encodeStatuses(statuses)}>
                    <th scope="row">
                      {bloName(lang, b)} <span className="note">{countryName(lang, b.country)}</span>
                    </th>
                    {statuses.map((s, i) => (
                      <td
                        key={months[i]}
                        className={`status-${s}`}
                        title={`${bloName(lang, b)}, ${formatMonth(lang, months[i])}: ${t(lang, STATUS_TEXT[s])}`}
                      />
                    ))}
                    <td className="num">
                      {t(lang, 'reportingCount', { n: formatCount(lang, reported), of: formatCount(lang, months.length) })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </dialog>
  );
}

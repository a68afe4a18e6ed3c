'use client';
import { useState } from 'react';
import type { BaselineMonth, BloListItem } from '@/lib/api/api-types';
import { relativeChange } from '@/lib/api/api-types';
import {
  bloName,
  bloOtherName,
  borderName,
  formatChange,
  formatCount,
  formatDay,
  formatMonth,
  formatNumber,
  t,
  type TextKey,
} from '@/lib/i18n/i18n';
import type { DateRange } from '@/lib/time/dates';
import type { Language } from '@/lib/url/view-state';
import { otherLanguage } from '@/app/_components/page-links';
import { Figure, WithheldNote } from './figure';

interface Props {
  lang: Language;
  blos: BloListItem[];
  /** The posts' totals over the comparison period; null when there is none (or it is loading). */
  before: BloListItem[] | null;
  comparison: DateRange | null;
  selected: string | null;
  /** Aggregates only: the threshold below which figures are withheld. */
  minCount: number | null;
  /** Each post's latest month against its seasonal baseline (null until known). */
  latest?: ReadonlyMap<string, BaselineMonth> | null;
  onSelect(code: string): void;
}

type Column = 'name' | 'border' | 'kind' | 'status' | 'opened' | 'paired' | 'count' | 'change' | 'kgEq' | 'last';
interface Row {
  blo: BloListItem;
  name: string;
  border: string;
  paired: string;
  change: number | null;
}

/** Sort keys of a row, text or number; a missing figure (withheld, no base) always sorts last. */
const KEYS: Record<Column, (r: Row, lang: Language) => string | number | null> = {
  name: (r) => r.name,
  border: (r) => r.border,
  kind: (r, lang) => t(lang, r.blo.kind as TextKey),
  status: (r) => r.blo.status,
  opened: (r) => r.blo.openedYear,
  paired: (r) => r.paired,
  count: (r) => r.blo.totals.count,
  change: (r) => r.change,
  kgEq: (r) => r.blo.totals.kgEq,
  last: (r) => r.blo.totals.lastSeizedOn,
};
/** Figures start with the largest, words with A. */
const NUMERIC: ReadonlySet<Column> = new Set(['count', 'change', 'kgEq', 'opened', 'last']);

/** "▲ Unusually high: Nov 2026", with the month's count and the usual range in its title; nothing for a usual month. */
function UnusualBadge({ lang, month }: { lang: Language; month: BaselineMonth | undefined }) {
  if (!month?.flag) return null;
  const title = t(lang, 'unusualTitle', {
    month: formatMonth(lang, month.month),
    count: month.count === null ? '—' : formatCount(lang, month.count),
    low: month.low === null ? '—' : formatCount(lang, month.low),
    high: month.high === null ? '—' : formatCount(lang, month.high),
    years: month.years,
  });
  return (
    <span className={`badge badge-unusual badge-${month.flag}`} data-testid="unusual-badge" data-flag={month.flag} title={title}>
      {month.flag === 'high' ? '▲ ' : '▼ '}
      {t(lang, month.flag === 'high' ? 'unusuallyHigh' : 'unusuallyLow', { month: formatMonth(lang, month.month) })}
      <span className="visually-hidden"> ({title})</span>
    </span>
  );
}

/**
 * Every BLO with its totals under the filters and their change against the comparison period, one
 * unit per column (kg-eq always in kg); any column heading sorts (again: the other way). A name
 * opens the post's panel.
 */
export function BloTable({ lang, blos, before, comparison, selected, minCount, latest = null, onSelect }: Props) {
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({ column: 'count', descending: true });
  const byCode = new Map(blos.map((b) => [b.code, b]));
  const beforeByCode = new Map((before ?? []).map((b) => [b.code, b]));
  const rows: Row[] = blos.map((b) => {
    const paired = b.pairedCode === null ? undefined : byCode.get(b.pairedCode);
    const then = beforeByCode.get(b.code);
    return {
      blo: b,
      name: bloName(lang, b),
      border: borderName(lang, b.country, b.neighbor),
      paired: paired ? bloName(lang, paired) : '—',
      change: then ? relativeChange(b.totals.count, then.totals.count) : null,
    };
  });
  const key = KEYS[sort.column];
  const collator = new Intl.Collator(lang);
  rows.sort((a, b) => {
    const [x, y] = [key(a, lang), key(b, lang)];
    if (x === null || y === null) return x === y ? collator.compare(a.name, b.name) : x === null ? 1 : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return (sort.descending ? -order : order) || collator.compare(a.name, b.name);
  });
  const heading = (column: Column, label: string, numeric = false) => {
    const active = sort.column === column;
    return (
      <th scope="col" className={numeric ? 'num' : undefined} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
        <button
          type="button"
          className="sort"
          data-testid={`sort-${column}`}
          onClick={() => setSort(active ? { column, descending: !sort.descending } : { column, descending: NUMERIC.has(column) })}
        >
          {label}
          <span aria-hidden>{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
        </button>
      </th>
    );
  };
  return (
    // Named, the section is a region landmark: the table sits outside the dashboard's <main>.
    <section className="posts" id="posts" tabIndex={-1} aria-label={t(lang, 'allPosts')}>
      <h2>{t(lang, 'allPosts')}</h2>
      {comparison && (
        <p className="note" data-testid="posts-comparison">
          {t(lang, 'changeAgainst', { period: `${formatDay(lang, comparison.from)} – ${formatDay(lang, comparison.to)}` })}
        </p>
      )}
      {latest && [...latest.values()].some((m) => m.flag !== null) && (
        <p className="note" data-testid="unusual-rule">
          {t(lang, 'unusualRule')}
        </p>
      )}
      <table data-testid="blo-table" data-sort={`${sort.column}:${sort.descending ? 'desc' : 'asc'}`}>
        <thead>
          <tr>
            {heading('name', t(lang, 'blo'))}
            {heading('border', t(lang, 'border'))}
            {heading('kind', t(lang, 'kind'))}
            {heading('status', t(lang, 'status'))}
            {heading('opened', t(lang, 'opened'), true)}
            {heading('paired', t(lang, 'paired'))}
            {heading('count', t(lang, 'seizures'), true)}
            {heading('change', t(lang, 'changeColumn'), true)}
            {heading('kgEq', `${t(lang, 'kgEq')} (${t(lang, 'kgUnit')})`, true)}
            {heading('last', t(lang, 'lastSeizure'))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ blo: b, name, border, paired, change }) => (
            <tr key={b.code} data-testid="blo-row" data-code={b.code} data-status={b.status} aria-selected={b.code === selected}>
              <td>
                <button type="button" className="linklike" onClick={() => onSelect(b.code)}>
                  <strong>{name}</strong>
                </button>
                <span className="ru" lang={otherLanguage(lang)}>
                  {bloOtherName(lang, b)}
                </span>
                <UnusualBadge lang={lang} month={latest?.get(b.code)} />
              </td>
              <td>{border}</td>
              <td>{t(lang, b.kind)}</td>
              <td>
                <span className={`badge badge-${b.status}`}>{t(lang, b.status)}</span>
              </td>
              <td className="num">{b.openedYear ?? '—'}</td>
              <td>{paired}</td>
              <td className="num" data-count={b.totals.count ?? ''}>
                <Figure lang={lang} value={b.totals.count} format={formatCount} />
              </td>
              <td className="num" data-change={change ?? ''}>
                {comparison && before ? formatChange(lang, change) : '—'}
              </td>
              <td className="num" data-kg={b.totals.kgEq ?? ''}>
                <Figure lang={lang} value={b.totals.kgEq} format={(l, kg) => formatNumber(l, Math.round(kg))} />
              </td>
              <td>{b.totals.lastSeizedOn ? formatDay(lang, b.totals.lastSeizedOn) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {minCount !== null && blos.some((b) => b.totals.count === null) && <WithheldNote lang={lang} minCount={minCount} />}
      <p className="note">{t(lang, 'boundaryNote')}</p>
    </section>
  );
}

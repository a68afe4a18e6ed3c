'use client';
import type { BloListItem } from '@/lib/api/api-types';
import { bloName, bloOtherName, formatCount, formatDay, formatKg, t } from '@/lib/i18n/i18n';
import type { Language } from '@/lib/url/view-state';
import { otherLanguage } from '@/app/_components/page-links';
import { Figure, WithheldNote } from './figure';

interface Props {
  lang: Language;
  blos: BloListItem[];
  selected: string | null;
  /** Aggregates only: the threshold below which figures are withheld. */
  minCount: number | null;
  onSelect(code: string): void;
}

/** Every BLO with its totals under the filters; a name opens the post's panel. */
export function BloTable({ lang, blos, selected, minCount, onSelect }: Props) {
  const byCode = new Map(blos.map((b) => [b.code, b]));
  const pairedName = (code: string | null) => {
    const paired = code === null ? undefined : byCode.get(code);
    return paired ? bloName(lang, paired) : '—';
  };
  return (
    <section className="posts">
      <h2>{t(lang, 'allPosts')}</h2>
      <table data-testid="blo-table">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'blo')}</th>
            <th scope="col">{t(lang, 'border')}</th>
            <th scope="col">{t(lang, 'kind')}</th>
            <th scope="col">{t(lang, 'status')}</th>
            <th scope="col">{t(lang, 'opened')}</th>
            <th scope="col">{t(lang, 'paired')}</th>
            <th scope="col" className="num">
              {t(lang, 'seizures')}
            </th>
            <th scope="col" className="num">
              {t(lang, 'kgEq')}
            </th>
            <th scope="col">{t(lang, 'lastSeizure')}</th>
          </tr>
        </thead>
        <tbody>
          {blos.map((b) => (
            <tr key={b.code} data-testid="blo-row" data-code={b.code} data-status={b.status} aria-selected={b.code === selected}>
              <td>
                <button type="button" className="linklike" onClick={() => onSelect(b.code)}>
                  <strong>{bloName(lang, b)}</strong>
                </button>
                <span className="ru" lang={otherLanguage(lang)}>
                  {bloOtherName(lang, b)}
                </span>
              </td>
              <td>
                {b.country} → {b.neighbor}
              </td>
              <td>{t(lang, b.kind)}</td>
              <td>
                <span className={`badge badge-${b.status}`}>{t(lang, b.status)}</span>
              </td>
              <td>{b.openedYear ?? '—'}</td>
              <td>{pairedName(b.pairedCode)}</td>
              <td className="num" data-count={b.totals.count ?? ''}>
                <Figure lang={lang} value={b.totals.count} format={formatCount} />
              </td>
              <td className="num">
                <Figure lang={lang} value={b.totals.kgEq} format={formatKg} />
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

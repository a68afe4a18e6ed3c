'use client';
import { CATALOGUE, SUBSTANCES } from '@/lib/catalogue/substances';
import { formatNumber, formatUsd, t } from '@/lib/i18n/i18n';
import type { Language } from '@/lib/url/view-state';

/**
 * How the figures are made, a click away: kg-equivalent, the estimated value and its prices (from the
 * substance catalogue, with which ones have a source), the * of the synthetic sample, and whose data it is.
 */
export function FiguresHelp({ lang }: { lang: Language }) {
  const { litreKg, tabletMg } = CATALOGUE.conversions;
  return (
    <details className="figures-help" data-testid="figures-help">
      <summary>{t(lang, 'aboutFigures')}</summary>
      <div className="figures-help-body">
        <p>{t(lang, 'aboutKgEq', { litreKg: formatNumber(lang, litreKg), tabletMg: formatNumber(lang, tabletMg) })}</p>
        <p>{t(lang, 'aboutValue')}</p>
        <table className="prices">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'substance')}</th>
              <th scope="col" className="num">
                {t(lang, 'pricePerKg')}
              </th>
              <th scope="col">{t(lang, 'source')}</th>
            </tr>
          </thead>
          <tbody>
            {SUBSTANCES.map((s) => (
              <tr key={s.code} data-code={s.code}>
                <td>{s[lang]}</td>
                <td className="num">{formatUsd(lang, s.priceUsdPerKg)}</td>
                {/* The catalogue cites its sources in English: named on hover in the English view only. */}
                <td title={s.priceBasis === 'anchor' && lang === 'en' ? s.priceSource : undefined}>
                  {t(lang, s.priceBasis === 'anchor' ? 'priceSourced' : 'pricePlaceholder')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>{t(lang, 'aboutSynthetic')}</p>
        <p>{t(lang, 'aboutOwners')}</p>
      </div>
    </details>
  );
}

'use client';
import { formatChange, formatCount, formatKg, formatUsd, t } from '@/lib/i18n/i18n';
import { Figure } from './figure';
import type { SummaryAnswer } from '@/lib/api/api-types';
import type { Language } from '@/lib/url/view-state';

interface Props {
  lang: Language;
  summary: SummaryAnswer | undefined;
  loading: boolean;
}

/** Count, kg-eq, value and their change against the comparison period. Raw figures sit in data-value for tests and exports. */
export function KpiCards({ lang, summary, loading }: Props) {
  const cards = [
    {
      key: 'count',
      label: t(lang, 'seizures'),
      value: summary?.count,
      format: formatCount,
      change: summary?.change?.count,
    },
    {
      key: 'kgEq',
      label: t(lang, 'kgEq'),
      value: summary?.kgEq,
      format: formatKg,
      change: summary?.change?.kgEq,
    },
    {
      key: 'valueUsd',
      label: t(lang, 'value'),
      value: summary?.valueUsd,
      format: formatUsd,
      change: summary?.change?.valueUsd,
    },
  ] as const;
  return (
    <section className="kpis" aria-label="Key figures" aria-busy={loading}>
      {cards.map((c) => (
        <div
          key={c.key}
          className={`kpi${loading ? ' is-loading' : ''}`}
          data-testid={`kpi-${c.key}`}
          data-value={c.value ?? ''}
          data-withheld={c.value === null || undefined}
        >
          <div className="kpi-label">{c.label}</div>
          <div className="kpi-value">{c.value === undefined ? '—' : <Figure lang={lang} value={c.value} format={c.format} />}</div>
          <div className={`kpi-change${c.change == null ? '' : c.change > 0 ? ' up' : c.change < 0 ? ' down' : ''}`}>
            {summary?.comparison ? `${formatChange(lang, c.change ?? null)} ${t(lang, 'change')}` : t(lang, 'noComparison')}
          </div>
        </div>
      ))}
    </section>
  );
}

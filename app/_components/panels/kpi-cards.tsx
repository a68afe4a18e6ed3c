'use client';
import { formatChange, formatCount, formatKg, formatUsd, t } from '@/lib/i18n/i18n';
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
      text: summary ? formatCount(lang, summary.count) : '—',
      change: summary?.change?.count,
    },
    {
      key: 'kgEq',
      label: t(lang, 'kgEq'),
      value: summary?.kgEq,
      text: summary ? formatKg(lang, summary.kgEq) : '—',
      change: summary?.change?.kgEq,
    },
    {
      key: 'valueUsd',
      label: t(lang, 'value'),
      value: summary?.valueUsd,
      text: summary ? formatUsd(lang, summary.valueUsd) : '—',
      change: summary?.change?.valueUsd,
    },
  ] as const;
  return (
    <section className="kpis" aria-label="Key figures" aria-busy={loading}>
      {cards.map((c) => (
        <div key={c.key} className={`kpi${loading ? ' is-loading' : ''}`} data-testid={`kpi-${c.key}`} data-value={c.value ?? ''}>
          <div className="kpi-label">{c.label}</div>
          <div className="kpi-value">{c.text}</div>
          <div className={`kpi-change${c.change == null ? '' : c.change > 0 ? ' up' : c.change < 0 ? ' down' : ''}`}>
            {summary?.comparison ? `${formatChange(lang, c.change ?? null)} ${t(lang, 'change')}` : t(lang, 'noComparison')}
          </div>
        </div>
      ))}
    </section>
  );
}

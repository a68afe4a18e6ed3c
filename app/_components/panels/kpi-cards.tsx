'use client';
import { completenessText, formatChange, formatCount, formatDay, formatKg, formatMonth, formatUsd, t } from '@/lib/i18n/i18n';
import { Figure } from './figure';
import { FiguresHelp } from './figures-help';
import type { SummaryAnswer } from '@/lib/api/api-types';
import type { Completeness } from '@/lib/analysis/completeness';
import type { DateRange } from '@/lib/time/dates';
import type { CompareMode } from '@/lib/url/filters';
import type { Language } from '@/lib/url/view-state';

interface Props {
  lang: Language;
  summary: SummaryAnswer | undefined;
  loading: boolean;
  /** The period the figures cover, its open ends closed by the data's first and last month; null until known. */
  period: DateRange | null;
  compare: CompareMode;
  /** The days the map shows while the period plays back; null when not playing. */
  playbackWindow: DateRange | null;
  /** How completely the posts shown reported over the period and the comparison period; null until known. */
  reporting: { now: Completeness | null; before: Completeness | null; since: string | null } | null;
  onReporting(): void;
}

/** "19 of 24 posts reported every month of the period", and how the comparison period differs. */
function CompletenessLine({
  lang,
  reporting,
  comparing,
  onReporting,
}: {
  lang: Language;
  reporting: NonNullable<Props['reporting']>;
  comparing: boolean;
  onReporting(): void;
}) {
  const { now, before, since } = reporting;
  if (!now || now.months === 0) return null;
  const { line, differs, points } = completenessText(lang, { now, before: comparing ? before : null, since });
  return (
    <>
      <p
        className="note kpi-note"
        data-testid="kpi-completeness"
        data-complete={now.completePosts}
        data-posts={now.posts}
        data-reported={now.reported}
        data-expected={now.expected}
      >
        <button type="button" className="link" onClick={onReporting} title={t(lang, 'reportingButtonTitle')}>
          {line}
        </button>
      </p>
      {differs && (
        <p
          className={`${Math.abs(points) >= 5 ? 'warning' : 'note'} kpi-note`}
          role="status"
          data-testid="completeness-differs"
          data-points={points}
        >
          {differs}
        </p>
      )}
    </>
  );
}

const range = (lang: Language, p: DateRange<string | null>) =>
  p.from && p.to ? `${formatDay(lang, p.from)} – ${formatDay(lang, p.to)}` : '';

/** ▲ / ▼ / = and the change in per cent: neutral, for more seizures is not in itself good or bad news. */
function arrow(change: number): string {
  const pct = Math.round(change * 100);
  return pct > 0 ? '▲' : pct < 0 ? '▼' : '=';
}

/**
 * Count, kg-eq and value for the period, each against the comparison period (its figure and dates
 * shown, the change in neutral colours), under one line that says which days the figures cover and
 * how recent the data is. Raw figures sit in data-value for tests and exports.
 */
export function KpiCards({ lang, summary, loading, period, compare, playbackWindow, reporting, onReporting }: Props) {
  const through = summary?.dataThrough ?? null;
  const throughText = through ? (through.precision === 'day' ? formatDay(lang, through.on) : formatMonth(lang, through.on)) : null;
  // A period that starts after the latest data has nothing yet; one that ends after it, not all of it.
  const afterData = through !== null && period !== null && period.from > through.on;
  const pastData = through !== null && period !== null && !afterData && period.to > through.on;
  const comparison = summary?.comparison ?? null;
  const cards = [
    {
      key: 'count',
      label: t(lang, 'seizures'),
      format: formatCount,
      value: summary?.count,
      before: comparison?.count,
      change: summary?.change?.count,
    },
    {
      key: 'kgEq',
      label: t(lang, 'kgEq'),
      format: formatKg,
      value: summary?.kgEq,
      before: comparison?.kgEq,
      change: summary?.change?.kgEq,
    },
    {
      key: 'valueUsd',
      label: t(lang, 'value'),
      format: formatUsd,
      value: summary?.valueUsd,
      before: comparison?.valueUsd,
      change: summary?.change?.valueUsd,
    },
  ] as const;
  const noComparison = compare === 'none' ? t(lang, 'noComparisonOff') : t(lang, 'noComparisonAll');
  return (
    <section className="kpis-block" aria-label={t(lang, 'keyFigures')}>
      <div className="kpi-head">
        <p className="kpi-caption" data-testid="kpi-caption">
          {period && <span data-testid="kpi-period">{t(lang, 'figuresFor', { period: range(lang, period) })}</span>}
          {comparison && period && (
            <span data-testid="kpi-comparison-period"> · {t(lang, 'comparedWith', { period: range(lang, comparison.period) })}</span>
          )}
          {throughText && (
            <span className="data-through" data-testid="data-through" data-on={through!.on}>
              {' '}
              · {t(lang, 'dataThrough', { date: throughText })}
            </span>
          )}
        </p>
        <FiguresHelp lang={lang} />
      </div>
      {(afterData || pastData) && throughText && (
        <p className={afterData ? 'warning' : 'note'} role={afterData ? 'alert' : 'status'} data-testid="period-past-data">
          {t(lang, afterData ? 'periodAfterData' : 'periodPastData', { date: throughText })}
        </p>
      )}
      <div className="kpis" aria-busy={loading}>
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
            <div className="kpi-change" data-testid={`kpi-${c.key}-change`} data-change={c.change ?? ''}>
              {!summary || loading ? (
                ' '
              ) : !comparison ? (
                <span title={noComparison}>{t(lang, 'noComparison')}</span>
              ) : afterData ? (
                <span title={t(lang, 'comparisonPastData')}>{t(lang, 'noComparison')}</span>
              ) : (
                <>
                  {typeof c.change === 'number' && (
                    <span className="kpi-arrow" aria-hidden>
                      {arrow(c.change)}{' '}
                    </span>
                  )}
                  {formatChange(lang, c.change ?? null)}{' '}
                  <span className="kpi-before">
                    (
                    {t(lang, 'wasValue', {
                      value: c.before === null || c.before === undefined ? t(lang, 'withheld') : c.format(lang, c.before),
                    })}
                    )
                  </span>
                </>
              )}
            </div>
          </div>
        ))}
      </div>
      {reporting && <CompletenessLine lang={lang} reporting={reporting} comparing={comparison !== null} onReporting={onReporting} />}
      {!comparison && summary && !loading && (
        <p className="note kpi-note" data-testid="no-comparison-reason">
          {noComparison}
        </p>
      )}
      {playbackWindow && (
        <p className="note kpi-note" data-testid="kpi-playback-note">
          {t(lang, 'kpisDuringPlayback', { window: range(lang, playbackWindow) })}
        </p>
      )}
    </section>
  );
}

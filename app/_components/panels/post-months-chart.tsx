'use client';
/**
 * Two charts of a post's months (from /api/baselines) for the BLO panel: its seizures against the
 * usual range of the same month in the years before, unusual months marked; and the post with its
 * partner across the border on one scale. A month with no report is hatched, never drawn as zero.
 */
import { formatCount, formatMonth, t } from '@/lib/i18n/i18n';
import type { BaselineMonth, BaselinesAnswer } from '@/lib/api/api-types';
import type { Language } from '@/lib/url/view-state';
import { niceMax } from '@/lib/chart/axis';
import { HatchSwatch, NoReportKey, useHatch } from './no-report';

const W = 280;
const PAD = { left: 4, right: 4, top: 14, bottom: 14 };

/** The x of each month's column and the y of a count, for `n` months up to `max`, `h` high. */
function scales(n: number, max: number, h: number) {
  const inner = { w: W - PAD.left - PAD.right, h: h - PAD.top - PAD.bottom };
  const bw = n ? inner.w / n : 0;
  return { bw, inner, x: (i: number) => PAD.left + i * bw, y: (v: number) => PAD.top + inner.h - (v / max) * inner.h };
}

function MonthAxis({ lang, months, h }: { lang: Language; months: string[]; h: number }) {
  if (months.length === 0) return null;
  return (
    <>
      <text x={PAD.left} y={h - 2} className="axis">
        {formatMonth(lang, months[0])}
      </text>
      <text x={W - PAD.right} y={h - 2} className="axis" textAnchor="end">
        {formatMonth(lang, months[months.length - 1])}
      </text>
    </>
  );
}

/** Lines at 0 and at the top, the top's count written above it. */
function CountAxis({ lang, max, y }: { lang: Language; max: number; y: (v: number) => number }) {
  return (
    <>
      <line x1={PAD.left} x2={W - PAD.right} y1={y(max)} y2={y(max)} className="gridline" />
      <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className="gridline" />
      <text x={PAD.left} y={PAD.top - 4} className="axis">
        {formatCount(lang, max)}
      </text>
    </>
  );
}

/** The post's monthly seizures as bars, the band of the same month in earlier reported years behind them. */
export function PostMonthsChart({ lang, months, rule }: { lang: Language; months: BaselineMonth[]; rule: BaselinesAnswer['rule'] }) {
  const hatch = useHatch();
  const H = 112;
  // Room above the plot: the top value's label, then the row of ▲ / ▼.
  const FLAGS = 10;
  const max = niceMax(Math.max(1, ...months.map((m) => Math.max(m.count ?? 0, m.high ?? 0))));
  const { bw, inner, x, y: plotY } = scales(months.length, max, H - FLAGS);
  const y = (v: number) => plotY(v) + FLAGS;
  const flagged = months.filter((m) => m.flag);
  const latest = months.at(-1);
  return (
    <figure className="post-months" data-testid="post-months-chart" data-flags={flagged.length} data-latest-flag={latest?.flag ?? ''}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${t(lang, 'postMonths')}: ${flagged.map((m) => t(lang, m.flag === 'high' ? 'unusuallyHigh' : 'unusuallyLow', { month: formatMonth(lang, m.month) })).join('; ')}`}
      >
        {hatch.defs}
        <CountAxis lang={lang} max={max} y={y} />
        {months.map((m, i) => {
          const title = `${formatMonth(lang, m.month)}: ${
            m.status === 'none' ? t(lang, 'statusNone') : m.count === null ? t(lang, 'withheld') : formatCount(lang, m.count)
          }${m.low !== null && m.high !== null ? ` (${formatCount(lang, m.low)}–${formatCount(lang, m.high)})` : ''}`;
          return (
            <g key={m.month} data-testid="post-month" data-month={m.month} data-status={m.status} data-flag={m.flag ?? ''}>
              <title>{title}</title>
              {m.status === 'none' ? (
                <rect x={x(i) + 0.5} width={Math.max(0.5, bw - 1)} y={y(max)} height={inner.h} fill={hatch.fill} className="no-report" />
              ) : (
                <>
                  {m.low !== null && m.high !== null && (
                    <rect x={x(i)} width={bw} y={y(m.high)} height={Math.max(1, y(m.low) - y(m.high))} className="band" />
                  )}
                  {m.count !== null && m.count > 0 && (
                    <rect
                      x={x(i) + bw * 0.2}
                      width={Math.max(0.5, bw * 0.6)}
                      y={y(m.count)}
                      height={y(0) - y(m.count)}
                      className={`bar${m.flag ? ` flag-${m.flag}` : ''}`}
                    />
                  )}
                  {m.expected !== null && <line x1={x(i)} x2={x(i) + bw} y1={y(m.expected)} y2={y(m.expected)} className="expected" />}
                  {m.flag && (
                    <text x={x(i) + bw / 2} y={y(max) - 3} textAnchor="middle" className={`flag-mark flag-${m.flag}`}>
                      {m.flag === 'high' ? '▲' : '▼'}
                    </text>
                  )}
                </>
              )}
            </g>
          );
        })}
        <MonthAxis lang={lang} months={months.map((m) => m.month)} h={H} />
      </svg>
      <p className="chart-key note">
        <span className="key-item">
          <span className="cell-swatch band" aria-hidden /> {t(lang, 'bandKey')}
        </span>{' '}
        <span className="key-item">
          <span className="cell-swatch expected" aria-hidden /> {t(lang, 'expectedKey')}
        </span>{' '}
        <NoReportKey lang={lang} />
      </p>
      <p className="note" data-testid="baseline-rule">
        {t(lang, 'baselineRule', { years: rule.years, minYears: rule.minYears, minExpected: rule.minExpected })}
      </p>
    </figure>
  );
}

export interface PairedSeries {
  code: string;
  name: string;
  months: Pick<BaselineMonth, 'month' | 'status' | 'count'>[];
}

/** The post and its partner as two lines on one scale; under them, a strip per side hatched where it did not report. */
export function PairedChart({ lang, post, partner }: { lang: Language; post: PairedSeries; partner: PairedSeries }) {
  const hatch = useHatch();
  const H = 118;
  const STRIP = 6;
  const plotBottom = H - 2 * (STRIP + 2);
  const sides = [post, partner];
  const max = niceMax(Math.max(1, ...sides.flatMap((s) => s.months.map((m) => m.count ?? 0))));
  const n = post.months.length;
  const { bw, x, y } = scales(n, max, plotBottom);
  const line = (s: PairedSeries) => {
    const runs: string[][] = [[]];
    s.months.forEach((m, i) => {
      // A month with no report, or withheld, breaks the line.
      if (m.status === 'none' || m.count === null) runs.push([]);
      else runs[runs.length - 1].push(`${x(i) + bw / 2},${y(m.count)}`);
    });
    return runs.filter((r) => r.length > 0);
  };
  const reported = (s: PairedSeries) => s.months.filter((m) => m.status !== 'none').length;
  return (
    <figure className="paired-chart" data-testid="paired-chart" data-post={post.code} data-partner={partner.code}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${t(lang, 'pairedChart')}: ${post.name}, ${partner.name}`}>
        {hatch.defs}
        <CountAxis lang={lang} max={max} y={y} />
        {sides.map((s, k) =>
          line(s).map((r, i) =>
            r.length === 1 ? (
              <circle
                key={`${k}-${i}`}
                cx={Number(r[0].split(',')[0])}
                cy={Number(r[0].split(',')[1])}
                r={1.8}
                className={`pair-dot side-${k}`}
              />
            ) : (
              <polyline key={`${k}-${i}`} points={r.join(' ')} className={`pair-line side-${k}`} />
            ),
          ),
        )}
        {sides.map((s, k) =>
          s.months.map((m, i) =>
            m.status === 'none' ? (
              <rect
                key={`${k}-${m.month}`}
                x={x(i)}
                width={bw}
                y={plotBottom - 10 + k * (STRIP + 2)}
                height={STRIP}
                fill={hatch.fill}
                className={`strip-gap side-${k}`}
                data-testid="paired-gap"
                data-side={s.code}
                data-month={m.month}
              />
            ) : null,
          ),
        )}
        <MonthAxis lang={lang} months={post.months.map((m) => m.month)} h={H} />
      </svg>
      <ul className="pair-key note">
        {sides.map((s, k) => (
          <li key={s.code} data-testid="paired-side" data-code={s.code} data-reported={reported(s)} data-months={s.months.length}>
            <span className={`line-swatch side-${k}`} aria-hidden />{' '}
            {t(lang, 'pairedReported', { post: s.name, n: reported(s), of: s.months.length })}
          </li>
        ))}
        <li>
          <HatchSwatch /> {t(lang, 'statusNone')}
        </li>
      </ul>
    </figure>
  );
}

'use client';
/**
 * Monthly kg-eq by substance as stacked bars over the whole span of the data, the filter period
 * highlighted, the playback window marked. A month no post reported is a hatched gap, not a zero; a
 * month some posts did not report carries a hatched mark along the top. Dragging across the chart
 * sets the period.
 */
import { useMemo, useRef, useState } from 'react';
import { countOf, formatCount, formatKg, formatMonth, t } from '@/lib/i18n/i18n';
import { monthOverlaps, monthSpan, totalsWithin, type MonthRow } from '@/lib/time/month-table';
import { monthEnd, type DateRange as Period } from '@/lib/time/dates';
import { barScale, stackedBarPaths } from '@/lib/chart/stacked-bars';
import { substanceCss } from '@/lib/map/colors';
import type { Language } from '@/lib/url/view-state';
import { niceMax } from '@/lib/chart/axis';
import { NoReportKey, HatchSwatch, useHatch } from './no-report';

interface Props {
  lang: Language;
  rows: MonthRow[];
  period: { from: string | null; to: string | null };
  /** The comparison period, marked on the chart; null when there is none. */
  comparison: Period | null;
  visible: Period | null;
  /** Posts that reported each month, out of how many posts the figures are about; null until known. */
  reporting: { perMonth: ReadonlyMap<string, number>; posts: number } | null;
  loading: boolean;
  onPeriod(period: Period): void;
}

const W = 1000;
const H = 170;
const PAD = { left: 56, right: 8, top: 8, bottom: 22 };
/** The bars' area. */
const PLOT = { left: PAD.left, top: PAD.top, width: W - PAD.left - PAD.right, height: H - PAD.top - PAD.bottom };
/** Opacity of the months outside the filter period. */
const DIM = 0.28;

export function SeriesChart({ lang, rows, period, comparison, visible, reporting, loading, onPeriod }: Props) {
  const hatch = useHatch();
  const svg = useRef<SVGSVGElement>(null);
  const [brush, setBrush] = useState<{ a: number; b: number } | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  const max = useMemo(() => niceMax(Math.max(0, ...rows.map((r) => r.kgEq))), [rows]);
  const scale = useMemo(() => barScale(rows.length, max, PLOT), [rows.length, max]);
  const { column: bw, x, y } = scale;
  const within = totalsWithin(rows, period.from, period.to);
  // Which kinds of gap the chart draws, for its key: months no post reported, months some did not.
  const gapKinds = new Set(
    rows.flatMap((r) => {
      const n = reporting && reporting.posts > 0 ? reporting.perMonth.get(r.month) : undefined;
      return n === undefined || n === reporting!.posts ? [] : [n === 0 ? 'none' : 'part'];
    }),
  );

  const indexAt = (clientX: number) => {
    const r = svg.current!.getBoundingClientRect();
    const sx = ((clientX - r.left) / r.width) * W;
    return Math.max(0, Math.min(rows.length - 1, Math.floor((sx - PAD.left) / bw)));
  };

  const bars = useMemo(() => stackedBarPaths(rows, period, scale), [rows, period, scale]);
  const years = rows.map((r, i) => ({ i, r })).filter(({ r }) => r.month.endsWith('-01-01'));

  return (
    <figure
      className="series"
      data-testid="series-chart"
      data-months={rows.length}
      data-first={rows[0]?.month ?? ''}
      data-period-count={within.count}
      data-period-kg={within.kgEq}
      aria-busy={loading}
    >
      <figcaption>
        {t(lang, 'series')} <span className="note">— {t(lang, 'brushHint')}</span>
      </figcaption>
      {rows.length === 0 ? (
        <div className="chart-empty">{loading ? t(lang, 'loading') : t(lang, 'noMatch')}</div>
      ) : (
        <svg
          ref={svg}
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label={`${t(lang, 'series')}: ${countOf(lang, within.count, 'seizure')}, ${formatKg(lang, within.kgEq)}`}
          onPointerDown={(e) => {
            (e.target as Element).setPointerCapture?.(e.pointerId);
            const i = indexAt(e.clientX);
            setBrush({ a: i, b: i });
          }}
          onPointerMove={(e) => {
            const i = indexAt(e.clientX);
            setHover(i);
            if (brush) setBrush({ ...brush, b: i });
          }}
          onPointerLeave={() => setHover(null)}
          onPointerUp={() => {
            if (!brush) return;
            const [a, b] = [Math.min(brush.a, brush.b), Math.max(brush.a, brush.b)];
            setBrush(null);
            onPeriod({ from: rows[a].month, to: monthEnd(rows[b].month) });
          }}
        >
          {hatch.defs}
          {[0, 0.5, 1].map((f) => (
            <g key={f}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(max * f)} y2={y(max * f)} className="gridline" />
              <text x={PAD.left - 6} y={y(max * f) + 4} textAnchor="end" className="axis">
                {f === 0 ? '0' : formatKg(lang, max * f)}
              </text>
            </g>
          ))}
          {comparison &&
            (() => {
              const [a, b] = monthSpan(rows, comparison.from, comparison.to);
              return a >= 0 && b >= a ? (
                <g data-testid="comparison-band">
                  <rect x={x(a)} y={PAD.top} width={(b - a + 1) * bw} height={PLOT.height} className="comparison-window" />
                  <text x={x(a) + 3} y={PAD.top + 10} className="axis comparison-label">
                    {t(lang, 'comparisonMark')}
                  </text>
                </g>
              ) : null;
            })()}
          {visible &&
            (() => {
              const [a, b] = monthSpan(rows, visible.from, visible.to);
              return a >= 0 && b >= a ? (
                <rect
                  x={x(a)}
                  y={PAD.top}
                  width={(b - a + 1) * bw}
                  height={PLOT.height}
                  className="playback-window"
                  data-testid="playback-window"
                />
              ) : null;
            })()}
          {rows.map((r, i) => {
            const dim = !monthOverlaps(r.month, period.from, period.to);
            const reported = reporting && reporting.posts > 0 ? reporting.perMonth.get(r.month) : undefined;
            const marks = [
              reported === 0 && (
                <rect
                  key="none"
                  x={x(i) + 0.5}
                  width={Math.max(0.5, bw - 1)}
                  y={PAD.top}
                  height={PLOT.height}
                  fill={hatch.fill}
                  className="no-report"
                  data-testid="no-report-month"
                  data-month={r.month}
                />
              ),
              reported !== undefined && reported > 0 && reported < reporting!.posts && (
                <rect
                  key="part"
                  x={x(i) + 0.5}
                  width={Math.max(0.5, bw - 1)}
                  y={PAD.top}
                  height={6}
                  fill={hatch.fill}
                  className="part-report"
                  data-testid="part-report-month"
                  data-month={r.month}
                />
              ),
              r.withheld > 0 && (
                // A month with withheld figures: a hatched mark on the axis (its bars show only what is shown).
                <rect
                  key="withheld"
                  x={x(i) + 0.5}
                  width={Math.max(0.5, bw - 1)}
                  y={y(0) - 4}
                  height={4}
                  className="withheld-mark"
                  data-testid="withheld-month"
                />
              ),
            ].filter(Boolean);
            return marks.length === 0 ? null : (
              <g key={r.month} opacity={dim ? DIM : 1}>
                {marks}
              </g>
            );
          })}
          {/* The bars: one shape per substance, in the period and outside it (dimmed), not a thousand rectangles. */}
          {bars.map(({ substance, outside, d }) => (
            <path key={`${substance} ${outside}`} d={d} fill={substanceCss(substance)} opacity={outside ? DIM : 1} />
          ))}
          {years.map(({ i, r }) => (
            <text key={r.month} x={x(i)} y={H - 6} className="axis">
              {r.month.slice(0, 4)}
            </text>
          ))}
          {brush && (
            <rect
              x={x(Math.min(brush.a, brush.b))}
              y={PAD.top}
              width={(Math.abs(brush.b - brush.a) + 1) * bw}
              height={PLOT.height}
              className="brush"
            />
          )}
          {hover !== null && rows[hover] && <rect x={x(hover)} y={PAD.top} width={bw} height={PLOT.height} className="hover-col" />}
        </svg>
      )}
      {hover !== null && rows[hover] && (
        <div className="chart-tip" role="status">
          <strong>{formatMonth(lang, rows[hover].month)}</strong>: {formatCount(lang, rows[hover].count)} ·{' '}
          {formatKg(lang, rows[hover].kgEq)}
          {rows[hover].withheld > 0 ? ` (+ ${t(lang, 'withheld')})` : ''}
          {reporting?.perMonth.has(rows[hover].month) &&
            ` · ${t(lang, 'postsReported', { n: reporting.perMonth.get(rows[hover].month)!, of: reporting.posts })}`}
        </div>
      )}
      {gapKinds.size > 0 && (
        <p className="note chart-key" data-testid="series-reporting-key">
          {gapKinds.has('none') && <NoReportKey lang={lang} text="keyNoReport" />}{' '}
          {gapKinds.has('part') && (
            <span className="key-item">
              <HatchSwatch className="thin" /> {t(lang, 'keyPartReport')}
            </span>
          )}
        </p>
      )}
    </figure>
  );
}

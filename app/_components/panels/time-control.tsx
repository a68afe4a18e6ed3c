'use client';
/**
 * The period slider: a histogram of the filtered seizures per month, two handles for the period
 * (arrow keys move them a month at a time), and playback — play/pause, moving window or
 * cumulative, window length and speed. The map follows the playback; KPIs stay on the period.
 */
import { countOf, formatDay, formatMonth, formatNumber, t } from '@/lib/i18n/i18n';
import { monthSpan, type MonthRow } from '@/lib/time/month-table';
import { monthEnd, monthStart, type DateRange as Period } from '@/lib/time/dates';
import { PLAYBACK_MODES, type Language, type Playback } from '@/lib/url/view-state';

/** Playback speeds; at 1× the map moves a month every 900 ms. */
const SPEEDS = [0.5, 1, 2, 4] as const;

interface Props {
  lang: Language;
  rows: MonthRow[];
  /** The few early months the slider leaves out, when it does. */
  earlier: { count: number; from: string; to: string | null } | null;
  period: Period | null;
  filterPeriod: { from: string | null; to: string | null };
  playback: Playback;
  visible: Period | null;
  playing: boolean;
  speed: number;
  onPeriod(period: { from: string | null; to: string | null }): void;
  onPlayback(playback: Playback): void;
  onPlaying(playing: boolean): void;
  onSpeed(speed: number): void;
}

export function TimeControl(props: Props) {
  const { lang, rows, playback, visible } = props;
  if (rows.length === 0 || !props.period) return <div className="time-control empty" />;
  const last = rows.length - 1;
  const [firstIn, lastIn] = monthSpan(rows, props.filterPeriod.from, props.filterPeriod.to);
  const fromIndex = Math.max(0, firstIn);
  const toIndex = lastIn < 0 ? last : lastIn;
  const max = Math.max(1, ...rows.map((r) => r.count));
  const setRange = (a: number, b: number) => {
    const lo = Math.max(0, Math.min(a, b));
    const hi = Math.min(last, Math.max(a, b));
    props.onPeriod({
      from: lo === 0 && hi === last ? null : rows[lo].month,
      to: lo === 0 && hi === last ? null : monthEnd(rows[hi].month),
    });
  };
  const [visibleFrom, visibleTo] = visible ? monthSpan(rows, visible.from, visible.to) : [-1, -1];

  return (
    <section className="time-control" aria-label={t(lang, 'period')}>
      <div className="histogram" aria-hidden>
        {rows.map((r, i) => (
          <span
            key={r.month}
            className={`bin${i >= fromIndex && i <= toIndex ? ' in' : ''}${playback.at && i >= visibleFrom && i <= visibleTo ? ' playing' : ''}`}
            style={{ height: `${Math.max(r.count > 0 ? 2 : 0, (r.count / max) * 100)}%` }}
          />
        ))}
      </div>
      <div className="range">
        <input
          type="range"
          min={0}
          max={last}
          value={fromIndex}
          data-testid="period-slider-from"
          aria-label={`${t(lang, 'from')}: ${formatMonth(lang, rows[fromIndex].month)}`}
          aria-valuetext={formatMonth(lang, rows[fromIndex].month)}
          onChange={(e) => setRange(Number(e.target.value), toIndex)}
        />
        <input
          type="range"
          min={0}
          max={last}
          value={toIndex}
          data-testid="period-slider-to"
          aria-label={`${t(lang, 'to')}: ${formatMonth(lang, rows[toIndex].month)}`}
          aria-valuetext={formatMonth(lang, rows[toIndex].month)}
          onChange={(e) => setRange(fromIndex, Number(e.target.value))}
        />
      </div>
      <div className="playback">
        <button
          type="button"
          className="play"
          data-testid="play"
          aria-pressed={props.playing}
          onClick={() => props.onPlaying(!props.playing)}
        >
          {props.playing ? `❚❚ ${t(lang, 'pause')}` : `▶ ${t(lang, 'play')}`}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!playback.at}
          onClick={() => {
            props.onPlaying(false);
            props.onPlayback({ ...playback, at: null });
          }}
        >
          {t(lang, 'stop')}
        </button>
        <label>
          <span className="sr-only">{t(lang, 'playbackMode')}</span>
          <select value={playback.mode} onChange={(e) => props.onPlayback({ ...playback, mode: e.target.value as Playback['mode'] })}>
            {PLAYBACK_MODES.map((m) => (
              <option key={m} value={m}>
                {t(lang, m === 'window' ? 'modeWindow' : 'modeCumulative')}
              </option>
            ))}
          </select>
        </label>
        {playback.mode === 'window' && (
          <label>
            {t(lang, 'windowMonths')}
            <select value={playback.windowMonths} onChange={(e) => props.onPlayback({ ...playback, windowMonths: Number(e.target.value) })}>
              {[1, 3, 6, 12].map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t(lang, 'speed')}
          <select value={props.speed} onChange={(e) => props.onSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {formatNumber(lang, s)}×
              </option>
            ))}
          </select>
        </label>
        <output data-testid="map-period" data-from={visible?.from ?? ''} data-to={visible?.to ?? ''} aria-live="polite">
          {t(lang, 'showing')}: {visible ? `${formatDay(lang, visible.from)} – ${formatDay(lang, visible.to)}` : '—'}
        </output>
      </div>
      {props.earlier && props.earlier.to && (
        <p className="note" data-testid="earlier-months">
          {t(lang, 'earlierMonths', {
            month: formatMonth(lang, props.earlier.to),
            count: countOf(lang, props.earlier.count, 'seizure'),
            from: formatMonth(lang, props.earlier.from),
            to: formatMonth(lang, monthStart(props.earlier.to, -1)),
          })}
        </p>
      )}
    </section>
  );
}

/**
 * The period filter's presets and playback windows (dates: see dates.ts).
 */
import type { Playback } from '@/lib/url/view-state';
import { daysToIso, isoToDays, monthEnd, monthStart, type DateRange as Period } from './dates';

export const PERIOD_PRESETS = ['all', 'last12', 'thisYear', 'lastYear'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** The dates of a preset as seen on `today` (null for all dates). */
export function presetPeriod(preset: PeriodPreset, today: string): Period | null {
  const year = Number(today.slice(0, 4));
  switch (preset) {
    case 'all':
      return null;
    case 'last12':
      return { from: monthStart(today, -11), to: today };
    case 'thisYear':
      return { from: `${year}-01-01`, to: today };
    case 'lastYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}

/** Which preset a period is, if any ('custom' otherwise). */
export function presetOf(period: { from: string | null; to: string | null }, today: string): PeriodPreset | 'custom' {
  for (const preset of PERIOD_PRESETS) {
    const p = presetPeriod(preset, today);
    if (p === null ? !period.from && !period.to : p.from === period.from && p.to === period.to) return preset;
  }
  return 'custom';
}

/** The days the map shows: the whole period, or the playback window ending at `playback.at`. */
export function visiblePeriod(period: Period, playback: Playback): Period {
  if (!playback.at) return period;
  const at = playback.at < period.from ? period.from : playback.at > period.to ? period.to : playback.at;
  if (playback.mode === 'cumulative') return { from: period.from, to: at };
  const start = daysToIso(isoToDays(monthEnd(at, -playback.windowMonths)) + 1);
  return { from: start > period.from ? start : period.from, to: at };
}

/** The next playback position (a month later, at a month's end), or null past the period's end. */
export function nextPlaybackStep(period: Period, at: string | null, playback: Pick<Playback, 'mode' | 'windowMonths'>): string | null {
  if (at === null) {
    // Start with the first full window (cumulative: the first month).
    const first = monthEnd(period.from, playback.mode === 'window' ? playback.windowMonths - 1 : 0);
    return first < period.to ? first : period.to;
  }
  if (at >= period.to) return null;
  const next = monthEnd(at, 1);
  return next > period.to ? period.to : next;
}

import { describe, expect, it } from 'vitest';
import { daysToIso, isoToDays, monthEnd } from '@/lib/time/dates';
import { nextPlaybackStep, presetOf, presetPeriod, visiblePeriod } from '@/lib/time/periods';
import { chartStart, denseStart, monthOverlaps, monthSpan, monthTable, totalsWithin } from '@/lib/time/month-table';
import { hotspotZoom, resolutionForZoom } from '@/lib/geo/h3-resolution';

describe('periods and playback', () => {
  it('counts days from 1970-01-01 and back', () => {
    expect(isoToDays('1970-01-02')).toBe(1);
    expect(isoToDays('2024-05-31')).toBe(19_874);
    expect(daysToIso(19_874)).toBe('2024-05-31');
  });

  it('month ends handle leap years and year ends', () => {
    expect(monthEnd('2024-02-10')).toBe('2024-02-29');
    expect(monthEnd('2023-02-10')).toBe('2023-02-28');
    expect(monthEnd('2024-11-30', 1)).toBe('2024-12-31');
    expect(monthEnd('2024-12-31', 1)).toBe('2025-01-31');
    expect(monthEnd('2024-04-30', -3)).toBe('2024-01-31');
  });

  it('presets as seen on 28 Nov 2026, and recognised back', () => {
    const today = '2026-11-28';
    expect(presetPeriod('last12', today)).toEqual({ from: '2025-12-01', to: today });
    expect(presetPeriod('thisYear', today)).toEqual({ from: '2026-01-01', to: today });
    expect(presetPeriod('lastYear', today)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(presetOf({ from: '2025-01-01', to: '2025-12-31' }, today)).toBe('lastYear');
    expect(presetOf({ from: null, to: null }, today)).toBe('all');
    expect(presetOf({ from: '2025-01-02', to: '2025-12-31' }, today)).toBe('custom');
  });

  it('a 3-month window steps a month at a time to the end of the period, then stops', () => {
    const period = { from: '2024-01-01', to: '2024-12-31' };
    const playback = { mode: 'window' as const, windowMonths: 3 };
    const steps: string[] = [];
    for (let at = nextPlaybackStep(period, null, playback); at !== null; at = nextPlaybackStep(period, at, playback)) steps.push(at);
    expect(steps).toEqual([
      '2024-03-31',
      '2024-04-30',
      '2024-05-31',
      '2024-06-30',
      '2024-07-31',
      '2024-08-31',
      '2024-09-30',
      '2024-10-31',
      '2024-11-30',
      '2024-12-31',
    ]);
    expect(visiblePeriod(period, { ...playback, at: '2024-04-30' })).toEqual({ from: '2024-02-01', to: '2024-04-30' });
    expect(visiblePeriod(period, { ...playback, at: '2024-02-29' })).toEqual({ from: '2024-01-01', to: '2024-02-29' });
    expect(visiblePeriod(period, { mode: 'cumulative', windowMonths: 3, at: '2024-04-30' })).toEqual({
      from: '2024-01-01',
      to: '2024-04-30',
    });
    expect(visiblePeriod(period, { ...playback, at: null })).toEqual(period);
  });
});

describe('month table for the chart', () => {
  const points = [
    { period: '2024-01-01', substance: 'heroin', count: 2, kgEq: 10 },
    { period: '2024-01-01', substance: 'hashish', count: 1, kgEq: 3 },
    { period: '2024-04-01', substance: 'heroin', count: 5, kgEq: 1 },
  ];

  it('fills the months with no seizures, and sums per month', () => {
    const rows = monthTable(points);
    expect(rows.map((r) => r.month)).toEqual(['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01']);
    expect(rows[0]).toMatchObject({ count: 3, kgEq: 13, bySubstance: { heroin: { count: 2, kgEq: 10 }, hashish: { count: 1, kgEq: 3 } } });
    expect(rows[1]).toMatchObject({ count: 0, kgEq: 0 });
    expect(totalsWithin(rows, '2024-02-01', '2024-04-30')).toEqual({ count: 5, kgEq: 1, withheld: 0 });
    expect(totalsWithin(rows, null, null)).toEqual({ count: 8, kgEq: 14, withheld: 0 });
  });

  it('counts withheld rows per month without adding them to the figures', () => {
    const rows = monthTable([...points, { period: '2024-04-01', substance: 'opium', count: null, kgEq: null }]);
    expect(rows[3]).toMatchObject({ count: 5, kgEq: 1, withheld: 1, bySubstance: { heroin: { count: 5, kgEq: 1 } } });
    expect(totalsWithin(rows, null, null)).toEqual({ count: 8, kgEq: 14, withheld: 1 });
  });

  it('finds the months a period overlaps, partial months included', () => {
    const rows = monthTable(points);
    expect(monthSpan(rows, '2024-02-15', '2024-03-01')).toEqual([1, 2]);
    expect(monthSpan(rows, null, null)).toEqual([0, 3]);
    expect(monthSpan(rows, '2025-01-01', null)).toEqual([-1, 3]);
    expect(monthOverlaps('2024-02-01', '2024-02-29', '2024-02-29')).toBe(true);
    expect(monthOverlaps('2024-03-01', '2024-02-01', '2024-02-29')).toBe(false);
  });
});

describe('hotspot zoom', () => {
  it('asks with one zoom per H3 resolution, so zooming inside a resolution reuses the answer', () => {
    for (let z = 0; z <= 14; z += 0.25) expect(resolutionForZoom(hotspotZoom(z))).toBe(resolutionForZoom(Math.floor(z)));
    expect(hotspotZoom(7.9)).toBe(hotspotZoom(7.1));
  });
});

describe('denseStart', () => {
  const row = (month: string, count: number) => ({ month, count, kgEq: count, bySubstance: {}, withheld: 0 });
  it('skips the few early months before the series becomes dense (hand-counted)', () => {
    // Months with seizures: 1, 1, 40, 50, 60, 55 → median of (1, 1, 40, 50, 55, 60) is 40; a fifth is 8.
    const rows = [row('2012-03-01', 1), row('2012-04-01', 0), row('2016-01-01', 1), row('2019-01-01', 40), row('2019-02-01', 50)];
    rows.push(row('2019-03-01', 60), row('2019-04-01', 55));
    expect(denseStart(rows)).toBe(3);
  });
  it('starts a chart at the dense month, or at the period when it starts earlier', () => {
    const rows = [row('2012-03-01', 1), row('2012-04-01', 0), row('2016-01-01', 1), row('2019-01-01', 40), row('2019-02-01', 50)];
    rows.push(row('2019-03-01', 60), row('2019-04-01', 55));
    expect(chartStart(rows, null)).toBe(3);
    expect(chartStart(rows, '2012-04-15')).toBe(1);
    expect(chartStart(rows, '2019-02-10')).toBe(3);
  });

  it('keeps a series that is sparse throughout, or dense from its start, whole', () => {
    expect(denseStart([row('2012-03-01', 1), row('2012-04-01', 0), row('2016-01-01', 2)])).toBe(0);
    expect(denseStart([row('2019-01-01', 30), row('2019-02-01', 3), row('2019-03-01', 40)])).toBe(0);
    expect(denseStart([])).toBe(0);
  });
});

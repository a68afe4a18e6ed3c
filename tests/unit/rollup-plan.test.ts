import { describe, expect, it } from 'vitest';
import { planRollup } from '@/db/queries/rollup-plan';
import { daysToIso, isoToDays, type DateRange } from '@/lib/time/dates';

const FIRST = isoToDays('2023-11-01');
const LAST = isoToDays('2025-02-28');

/** How many parts of the plan answer `day`: a month of the rollup covers every day of that month. */
function coverage(plan: ReturnType<typeof planRollup>, day: string): number {
  const month = `${day.slice(0, 7)}-01`;
  const inRange = (r: DateRange<string | null>, v: string) => (r.from === null || v >= r.from) && (r.to === null || v <= r.to);
  return (plan.months && inRange(plan.months, month) ? 1 : 0) + plan.raw.filter((r) => inRange(r, day)).length;
}

describe('rollup plan', () => {
  it('answers every day of the period exactly once and no day outside it, for partial, single-day and open periods', () => {
    const days = Array.from({ length: LAST - FIRST + 1 }, (_, i) => daysToIso(FIRST + i));
    const ends = ['2024-03-10', '2024-05-20', '2024-03-01', '2024-03-31', '2024-02-29', '2024-12-31', '2025-01-01', '2024-07-15'];
    const periods: DateRange<string | null>[] = [{ from: null, to: null }];
    for (const a of ends) {
      periods.push({ from: a, to: null }, { from: null, to: a }, { from: a, to: a });
      for (const b of ends) if (a < b) periods.push({ from: a, to: b });
    }
    for (const period of periods) {
      const plan = planRollup(period);
      const wrong = days.filter(
        (d) => coverage(plan, d) !== ((period.from === null || d >= period.from) && (period.to === null || d <= period.to) ? 1 : 0),
      );
      expect({ period, wrong }).toEqual({ period, wrong: [] });
      // With whole months from the rollup, the raw parts are only the partial months at the edges.
      expect(plan.raw.length).toBeLessThanOrEqual(2);
      if (plan.months) for (const r of plan.raw) expect({ period, raw: r.from!.slice(0, 7) }).toEqual({ period, raw: r.to!.slice(0, 7) });
    }
  });

  it('reads 2024-03-10 → 2024-05-20 as April from the rollup and the two edges raw', () => {
    expect(planRollup({ from: '2024-03-10', to: '2024-05-20' })).toEqual({
      months: { from: '2024-04-01', to: '2024-04-01' },
      raw: [
        { from: '2024-03-10', to: '2024-03-31' },
        { from: '2024-05-01', to: '2024-05-20' },
      ],
    });
  });

  it('reads a single day, or days inside one month, from the raw table alone', () => {
    expect(planRollup({ from: '2024-03-15', to: '2024-03-15' })).toEqual({ months: null, raw: [{ from: '2024-03-15', to: '2024-03-15' }] });
    expect(planRollup({ from: '2024-03-01', to: '2024-03-01' })).toEqual({ months: null, raw: [{ from: '2024-03-01', to: '2024-03-01' }] });
    expect(planRollup({ from: '2024-02-29', to: '2024-02-29' })).toEqual({ months: null, raw: [{ from: '2024-02-29', to: '2024-02-29' }] });
  });

  it('reads whole months and all time from the rollup alone', () => {
    expect(planRollup({ from: '2024-01-01', to: '2024-12-31' })).toEqual({ months: { from: '2024-01-01', to: '2024-12-01' }, raw: [] });
    expect(planRollup({ from: null, to: null })).toEqual({ months: { from: null, to: null }, raw: [] });
  });
});

/**
 * Seasonal baselines against hand-worked months: the same calendar month of up to three earlier
 * years, reported ones only (a nil report is a zero, no report is nothing), median and band, and the
 * flag's four conditions one by one.
 */
import { describe, expect, it } from 'vitest';
import { seasonalBaselines, type PostMonth, type ReportStatus } from '@/lib/analysis/seasonal-baseline';

const m = (month: string, status: ReportStatus, count = 0, kgEq = 0): PostMonth => ({ month: `${month}-01`, status, count, kgEq });
const of = (series: PostMonth[], month: string) => seasonalBaselines(series).find((b) => b.month === `${month}-01`)!;

describe('seasonal baselines', () => {
  // March of four years at one post: 8, 12, 20 seizures, then the month judged.
  const marches = (last: PostMonth) => [
    m('2021-03', 'seizures', 8, 4),
    m('2022-03', 'seizures', 12, 9),
    m('2023-03', 'seizures', 20, 1),
    last,
  ];

  it('the median and the band of the same month of the three years before', () => {
    const b = of(marches(m('2024-03', 'seizures', 13, 2)), '2024-03');
    expect(b.basis).toEqual(['2021-03-01', '2022-03-01', '2023-03-01']);
    expect(b.countBand).toEqual({ expected: 12, low: 8, high: 20 });
    expect(b.kgBand).toEqual({ expected: 4, low: 1, high: 9 });
    expect(b.flag).toBeNull();
  });

  it('flags a month above the band as high and one below it as low', () => {
    expect(of(marches(m('2024-03', 'seizures', 21)), '2024-03').flag).toBe('high');
    expect(of(marches(m('2024-03', 'seizures', 7)), '2024-03').flag).toBe('low');
    // On the band's edges: not unusual.
    expect(of(marches(m('2024-03', 'seizures', 20)), '2024-03').flag).toBeNull();
    expect(of(marches(m('2024-03', 'seizures', 8)), '2024-03').flag).toBeNull();
  });

  it('a nil report is a zero in the band and can be flagged low; a month with no report is neither', () => {
    const nil = of(marches(m('2024-03', 'nil')), '2024-03');
    expect(nil.flag).toBe('low');
    const none = of(marches(m('2024-03', 'none')), '2024-03');
    expect(none.flag).toBeNull();
    expect(none.countBand).toEqual({ expected: 12, low: 8, high: 20 });
    // An unreported year leaves the band: two years remain, and their median is the mean of the two.
    const gap = of(
      [m('2021-03', 'seizures', 8), m('2022-03', 'none'), m('2023-03', 'seizures', 20), m('2024-03', 'seizures', 30)],
      '2024-03',
    );
    expect(gap.basis).toEqual(['2021-03-01', '2023-03-01']);
    expect(gap.countBand).toEqual({ expected: 14, low: 8, high: 20 });
    expect(gap.flag).toBe('high');
    // A nil year is in it, as a zero: median of 0, 8, 20 is 8.
    const withNil = of(
      [m('2021-03', 'seizures', 8), m('2022-03', 'nil'), m('2023-03', 'seizures', 20), m('2024-03', 'seizures', 30)],
      '2024-03',
    );
    expect(withNil.countBand).toEqual({ expected: 8, low: 0, high: 20 });
  });

  it('needs two reported years and an expected count of at least 5 before it flags', () => {
    const one = of([m('2022-03', 'none'), m('2023-03', 'seizures', 20), m('2024-03', 'seizures', 90)], '2024-03');
    expect(one.countBand).toEqual({ expected: 20, low: 20, high: 20 });
    expect(one.flag).toBeNull();
    const tiny = of(
      [m('2021-03', 'seizures', 2), m('2022-03', 'seizures', 4), m('2023-03', 'seizures', 3), m('2024-03', 'seizures', 40)],
      '2024-03',
    );
    expect(tiny.countBand!.expected).toBe(3);
    expect(tiny.flag).toBeNull();
    // Four years back is not in it; another calendar month is not either.
    const far = of([m('2020-03', 'seizures', 50), m('2023-02', 'seizures', 50), m('2024-03', 'seizures', 1)], '2024-03');
    expect(far.basis).toEqual([]);
    expect(far.countBand).toBeNull();
    expect(far.flag).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { completeness, decodeStatuses, encodeStatuses, monthsWithin, reportedPerMonth, reportingGrid } from '@/lib/analysis/completeness';
import type { ReportStatus } from '@/lib/analysis/seasonal-baseline';

const months = ['2025-01-01', '2025-02-01', '2025-03-01'];
const reports = new Map<string, Map<string, ReportStatus>>([
  // Every month: seizures, nil, seizures — complete (a nil report is a report).
  [
    'oybek',
    new Map<string, ReportStatus>([
      ['2025-01-01', 'seizures'],
      ['2025-02-01', 'nil'],
      ['2025-03-01', 'seizures'],
    ]),
  ],
  // February missing: 2 of 3.
  [
    'dostuk',
    new Map<string, ReportStatus>([
      ['2025-01-01', 'seizures'],
      ['2025-03-01', 'nil'],
    ]),
  ],
  // Marked no report explicitly in March: 2 of 3.
  [
    'kordai',
    new Map<string, ReportStatus>([
      ['2025-01-01', 'nil'],
      ['2025-02-01', 'nil'],
      ['2025-03-01', 'none'],
    ]),
  ],
]);

describe('reporting completeness', () => {
  it('counts reported post-months, nil reports included, and the posts that reported every month', () => {
    // A post never heard from (alat) counts as three months without a report.
    expect(completeness(['oybek', 'dostuk', 'kordai', 'alat'], months, reports)).toEqual({
      posts: 4,
      completePosts: 1,
      months: 3,
      reported: 3 + 2 + 2 + 0,
      expected: 12,
    });
  });

  it('over a period the posts all reported: complete', () => {
    expect(completeness(['oybek', 'dostuk', 'kordai'], ['2025-01-01'], reports)).toMatchObject({
      completePosts: 3,
      reported: 3,
      expected: 3,
    });
  });
});

describe('the reporting grid of /api/reporting', () => {
  const answer = {
    from: '2024-11-01',
    posts: [
      { code: 'oybek', months: 'sn-s' },
      { code: 'dostuk', months: '--nn' },
    ],
  };

  it('writes one character a month and reads it back; an unknown character is an error', () => {
    expect(encodeStatuses(['seizures', 'nil', 'none', 'seizures'])).toBe('sn-s');
    expect(decodeStatuses('sn-s')).toEqual(['seizures', 'nil', 'none', 'seizures']);
    expect(() => decodeStatuses('sx')).toThrow('unknown reporting status character "x"');
  });

  it('lays the months out from the first, across a year end, and counts the posts that reported each', () => {
    const grid = reportingGrid(answer);
    expect(grid.months).toEqual(['2024-11-01', '2024-12-01', '2025-01-01', '2025-02-01']);
    expect(grid.posts.get('dostuk')?.get('2025-01-01')).toBe('nil');
    // Nov: oybek; Dec: oybek (nil); Jan: dostuk; Feb: both.
    expect([...reportedPerMonth(grid).values()]).toEqual([1, 1, 1, 2]);
    expect([...reportedPerMonth(grid, ['dostuk']).values()]).toEqual([0, 0, 1, 1]);
    expect(monthsWithin(grid, '2024-12-15', '2025-01-31')).toEqual(['2024-12-01', '2025-01-01']);
    expect(monthsWithin(grid, null, '2024-12-01')).toEqual(['2024-11-01', '2024-12-01']);
    expect(reportingGrid({ from: null, posts: [] }).months).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  completeness,
  completenessChange,
  decodeStatuses,
  encodeStatuses,
  monthsWithin,
  periodCompleteness,
  postsOfFilters,
  reportedPerMonth,
  reportingGrid,
} from '@/lib/analysis/completeness';
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

describe('completeness of a period, as the KPIs and the briefing give it', () => {
  // Three posts over six months: before March most posts have no report (the early public seizures).
  const grid = reportingGrid({
    from: '2025-01-01',
    posts: [
      { code: 'oybek', months: 's--sns' },
      { code: 'dostuk', months: '--nn-s' },
      { code: 'kordai', months: '--ssss' },
    ],
  });
  const posts = ['oybek', 'dostuk', 'kordai'];

  it('picks the posts the filters name, else those of the countries named, else all', () => {
    const list = [
      { code: 'oybek', country: 'UZ' },
      { code: 'dostuk', country: 'KG' },
      { code: 'kordai', country: 'KZ' },
    ];
    expect(postsOfFilters({ blos: ['kordai'], countries: ['UZ'] }, list)).toEqual(['kordai']);
    expect(postsOfFilters({ blos: [], countries: ['UZ', 'KG'] }, list)).toEqual(['oybek', 'dostuk']);
    expect(postsOfFilters({ blos: [], countries: [] }, list)).toEqual(['oybek', 'dostuk', 'kordai']);
  });

  it('counts an open start from the first month at least half the posts reported', () => {
    // Jan: 1 of 3 reported, Feb: 0, Mar: 2 → since March; Mar–Jun: oybek 3/4, dostuk 3/4, kordai 4/4.
    const open = periodCompleteness(grid, posts, { from: null, to: '2025-06-30' }, null);
    expect(open.since).toBe('2025-03-01');
    expect(open.now).toEqual({ posts: 3, completePosts: 1, months: 4, reported: 10, expected: 12 });
    expect(open.before).toBeNull();
    // A period with a start is counted from it; the comparison period over its own months.
    const closed = periodCompleteness(grid, posts, { from: '2025-04-01', to: '2025-06-30' }, { from: '2025-01-01', to: '2025-03-31' });
    expect(closed.since).toBeNull();
    expect(closed.now).toEqual({ posts: 3, completePosts: 2, months: 3, reported: 8, expected: 9 });
    expect(closed.before).toEqual({ posts: 3, completePosts: 0, months: 3, reported: 3, expected: 9 });
    // 8/9 against 3/9: +56 percentage points.
    expect(completenessChange(closed.now, closed.before)).toBe(56);
    expect(completenessChange(closed.now, null)).toBe(0);
  });
});

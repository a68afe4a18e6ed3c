import { describe, expect, it } from 'vitest';
import { completeness } from '@/lib/analysis/completeness';
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

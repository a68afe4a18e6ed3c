import { describe, expect, it } from 'vitest';
import { MAX_COVERED, parseCoverage } from '@/lib/import/coverage';

describe('an import’s declared coverage', () => {
  it('reads posts and a range of months, each post-month once', () => {
    expect(parseCoverage('oybek,dostuk:2024-11..2025-01')).toEqual([
      { post: 'dostuk', month: '2024-11-01' },
      { post: 'dostuk', month: '2024-12-01' },
      { post: 'dostuk', month: '2025-01-01' },
      { post: 'oybek', month: '2024-11-01' },
      { post: 'oybek', month: '2024-12-01' },
      { post: 'oybek', month: '2025-01-01' },
    ]);
    // One month; several groups; overlaps counted once.
    expect(parseCoverage('oybek:2024-03; oybek, kordai:2024-03..2024-04')).toEqual([
      { post: 'kordai', month: '2024-03-01' },
      { post: 'kordai', month: '2024-04-01' },
      { post: 'oybek', month: '2024-03-01' },
      { post: 'oybek', month: '2024-04-01' },
    ]);
  });

  it('refuses what it cannot read, naming it', () => {
    expect(() => parseCoverage('')).toThrow('covers nothing');
    expect(() => parseCoverage('oybek')).toThrow('"oybek" must be posts:months');
    expect(() => parseCoverage('oybek:2024-13')).toThrow('must be a month such as 2024-01');
    expect(() => parseCoverage('nowhere:2024-01')).toThrow('not a known BLO code');
    expect(() => parseCoverage('oybek:2024-06..2024-01')).toThrow('the first month is after the last');
    expect(() => parseCoverage(`oybek,dostuk,kordai:1990-01..2100-12`)).toThrow(`more than ${MAX_COVERED}`);
  });
});

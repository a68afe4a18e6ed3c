import { describe, expect, it } from 'vitest';
import { coverageText, MAX_COVERED, parseCoverage, parseReportingPeriods } from '@/lib/import/coverage';

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

describe('declarations written back, and reporting-periods files', () => {
  it('writes post-months as one group per run of months, which reads back as the same post-months', () => {
    const keys = parseCoverage('oybek:2024-11..2025-02; dostuk:2024-01; dostuk:2024-03..2024-04');
    const text = coverageText(keys);
    expect(text).toBe('dostuk:2024-01;dostuk:2024-03..2024-04;oybek:2024-11..2025-02');
    expect(parseCoverage(text)).toEqual(keys);
  });

  it('reads post, month, status: reported and nil cover the month, none does not', () => {
    const file =
      '\uFEFFpost,month,status\r\noybek,2024-01,reported\r\noybek,2024-02,nil\r\noybek,2024-03,none\r\ndostuk;2024-02;NIL\r\n\r\n';
    expect(parseReportingPeriods(file)).toEqual([
      { post: 'dostuk', month: '2024-02-01' },
      { post: 'oybek', month: '2024-01-01' },
      { post: 'oybek', month: '2024-02-01' },
    ]);
  });

  it('names the line and the field of the first bad row', () => {
    expect(() => parseReportingPeriods('post,month\noybek,2024-01')).toThrow('starts with the line post,month,status');
    expect(() => parseReportingPeriods('post,month,status\noybek,2024-01,reported\natlantis,2024-02,nil')).toThrow(
      'line 3: post "atlantis" names a post that is not a known BLO code',
    );
    expect(() => parseReportingPeriods('post,month,status\noybek,2024-13,nil')).toThrow(
      'line 2: month "2024-13" must be a month such as 2024-01',
    );
    expect(() => parseReportingPeriods('post,month,status\noybek,2024-01,late')).toThrow(
      'line 2: status "late" must be one of reported, nil, none',
    );
    expect(() => parseReportingPeriods('post,month,status\noybek,2024-01,none')).toThrow('reports no post-month');
  });
});

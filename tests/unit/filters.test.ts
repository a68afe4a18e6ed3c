import { describe, expect, it } from 'vitest';
import { comparisonPeriod, DEFAULT_FILTERS, ParamError, parseFilters, serializeFilters, type Filters } from '@/lib/url/filters';

const parse = (q: string) => parseFilters(new URLSearchParams(q));
const errorOf = (q: string) => {
  try {
    parse(q);
  } catch (e) {
    return e as ParamError;
  }
  throw new Error(`no error for ${q}`);
};

describe('filter parser map', () => {
  it('reads every filter key', () => {
    expect(
      parse(
        'substance=opium,heroin&from=2023-01-01&to=2023-12-31&country=TJ&blo=oybek&transport=truck&concealment=cargo&minkg=2.5&bbox=67,37,70.5,39&synthetic=exclude&compare=year&asof=12',
      ),
    ).toEqual({
      substances: ['heroin', 'opium'],
      from: '2023-01-01',
      to: '2023-12-31',
      countries: ['TJ'],
      blos: ['oybek'],
      transport: ['truck'],
      concealment: ['cargo'],
      minKg: 2.5,
      bbox: [67, 37, 70.5, 39],
      synthetic: 'exclude',
      compare: 'year',
      asOf: 12,
    } satisfies Filters);
  });

  it('gives the defaults for an empty query and leaves them out when writing', () => {
    expect(parse('')).toEqual(DEFAULT_FILTERS);
    expect(serializeFilters(DEFAULT_FILTERS).toString()).toBe('');
  });

  it('round-trips: write then read gives the same filters, in a canonical order', () => {
    const filters = parse('to=2024-02-29&substance=hashish,heroin,hashish&bbox=60.123456,35,75,45&minkg=10');
    const written = serializeFilters(filters).toString();
    expect(written).toBe('substance=hashish%2Cheroin&to=2024-02-29&minkg=10&bbox=60.12346%2C35%2C75%2C45');
    expect(parse(written)).toEqual({ ...filters, bbox: [60.12346, 35, 75, 45] });
  });

  it.each([
    ['substance=chalk', 'substance', /unknown substance "chalk"/],
    ['from=2024-13-01', 'from', /date/],
    ['from=2023-02-29', 'from', /not a real calendar date/],
    ['from=2024-05-01&to=2024-04-01', 'from', /after to/],
    ['bbox=1,2,3', 'bbox', /four numbers/],
    ['bbox=10,20,5,30', 'bbox', /west must be less than east/],
    ['bbox=0,-95,10,10', 'bbox', /south must be ≥ -90/],
    ['bbox=a,b,c,d', 'bbox', /must be a number/],
    ['minkg=-1', 'minkg', /must be a number/],
    ['minkg=1e9', 'minkg', /must be a number/],
    ['minkg=99999999', 'minkg', /≤ 1000000/],
    ['synthetic=maybe', 'synthetic', /include, exclude, only/],
    ['asof=0', 'asof', /data version must be ≥ 1/],
    ['asof=1.5', 'asof', /data version must be a whole number/],
    ['asof=99999999999', 'asof', /data version must be ≤ 2147483647/],
    ['country=XX', 'country', /unknown country/],
    ['blo=atlantis', 'blo', /unknown BLO/],
    ["substance=heroin'%3B DROP TABLE seizures;--", 'substance', /unknown substance/],
    ['from=2024-01-01&from=2024-02-01', 'from', /more than once/],
    [`substance=${'heroin,'.repeat(200)}`, 'substance', /longer than/],
  ])('rejects %s naming %s', (query, param, message) => {
    const error = errorOf(query);
    expect(error).toBeInstanceOf(ParamError);
    expect(error.param).toBe(param);
    expect(error.message).toMatch(message);
  });
});

describe('comparison period', () => {
  it('takes the same number of whole months just before a period of whole months', () => {
    expect(comparisonPeriod({ from: '2024-03-01', to: '2024-03-31', compare: 'previous' })).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(comparisonPeriod({ from: '2025-01-01', to: '2025-12-31', compare: 'previous' })).toEqual({
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(comparisonPeriod({ from: '2024-01-01', to: '2024-02-29', compare: 'previous' })).toEqual({
      from: '2023-11-01',
      to: '2023-12-31',
    });
  });

  it('takes the same number of days just before any other period', () => {
    expect(comparisonPeriod({ from: '2024-03-10', to: '2024-03-19', compare: 'previous' })).toEqual({
      from: '2024-02-29',
      to: '2024-03-09',
    });
    expect(comparisonPeriod({ from: '2024-03-01', to: '2024-03-30', compare: 'previous' })).toEqual({
      from: '2024-01-31',
      to: '2024-02-29',
    });
  });

  it('takes the same dates a year earlier, 29 February becoming 28', () => {
    expect(comparisonPeriod({ from: '2024-02-01', to: '2024-02-29', compare: 'year' })).toEqual({ from: '2023-02-01', to: '2023-02-28' });
  });

  it('has none without a period or when switched off', () => {
    expect(comparisonPeriod({ from: null, to: '2024-01-01', compare: 'previous' })).toBeNull();
    expect(comparisonPeriod({ from: '2024-01-01', to: '2024-02-01', compare: 'none' })).toBeNull();
  });
});

/**
 * Filter sets the query and rollup tests run through: each narrows along another dimension, and the
 * periods cover how a rollup splits them (whole months, partial first and last months, one day, a
 * month's first and last day, open ends). Dates are days of the seeded fixture that hold seizures.
 */
import { expect } from 'vitest';
import { DEFAULT_FILTERS } from '@/lib/url/filters';
import type { ScopedFilters } from '@/lib/access/country-scope';
import { EVENT_DETAIL } from '@/lib/access/detail';

/** Filters as an account that sees every country asks them (scope tests set their own). */
export const f = (over: Partial<ScopedFilters>): ScopedFilters => ({ ...DEFAULT_FILTERS, scope: 'all', detail: EVENT_DETAIL, ...over });
/** Equal to 4 decimals; a withheld figure (null) never is. */
export const close = (a: number | null, b: number | null) => {
  expect(b).not.toBeNull();
  expect(a).toBeCloseTo(b!, 4);
};

export const CASES: [string, ScopedFilters][] = [
  ['no filter', f({})],
  ['heroin and opium in 2023', f({ substances: ['heroin', 'opium'], from: '2023-01-01', to: '2023-12-31' })],
  ['Tajikistan, trucks, synthetic excluded', f({ countries: ['TJ'], transport: ['truck'], synthetic: 'exclude' })],
  ['two BLOs, at least 5 kg, a mid-month period', f({ blos: ['oybek', 'kordai'], minKg: 5, from: '2021-03-17', to: '2024-08-09' })],
  ['Fergana valley bbox, cargo or vehicle caches', f({ bbox: [70, 39.5, 73.5, 41.5], concealment: ['cargo', 'vehicle-cache'] })],
  ['public rows only', f({ synthetic: 'exclude' })],
  [
    'heroin and hashish, partial first and last months (2024-03-10 to 2024-05-20)',
    f({ substances: ['heroin', 'hashish'], from: '2024-03-10', to: '2024-05-20' }),
  ],
  ['a partial first month and a whole last month (2024-03-10 to 2024-04-30)', f({ from: '2024-03-10', to: '2024-04-30' })],
  ['days inside one month (2024-03-05 to 2024-03-25)', f({ from: '2024-03-05', to: '2024-03-25' })],
  ['a single mid-month day (2022-07-06)', f({ from: '2022-07-06', to: '2022-07-06' })],
  ['a single day that starts a month (2025-07-01)', f({ from: '2025-07-01', to: '2025-07-01' })],
  ['a single day that ends a month, synthetic only (2022-08-31)', f({ from: '2022-08-31', to: '2022-08-31', synthetic: 'only' })],
  ['from a mid-month day on, no end (2024-10-15 →)', f({ from: '2024-10-15' })],
  ['up to a mid-month day, no start (→ 2020-02-10)', f({ to: '2020-02-10', substances: ['heroin', 'hashish', 'opium'] })],
];

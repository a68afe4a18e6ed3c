/**
 * The one filter model of the dashboard: what the page URL, the API and the query functions share.
 * `FILTER_PARAMS` is the parser map: each URL key with its parser and serialiser. Defaults are left
 * out of URLs so links stay short; a key, once shipped, is never renamed.
 */
import { z } from 'zod';
import { addDays, addYears, daysInRange, isoDateSchema, monthStart, wholeMonths, type DateRange } from '@/lib/time/dates';
import { BLO_CODES } from '@/lib/catalogue/blo-codes';
import type { Bbox } from '@/lib/geo/lng-lat';
import { roundTo } from './numbers';
import { urlNumber } from './url-number';
import { problemOf, problemParams, type ParamProblem } from './param-problem';
import { SUBSTANCE_CODES } from '@/lib/catalogue/substances';
import { CONCEALMENTS, COUNTRY_CODES, TRANSPORT_MODES } from '@/lib/catalogue/vocabulary';

export const SYNTHETIC_MODES = ['include', 'exclude', 'only'] as const;
export type SyntheticMode = (typeof SYNTHETIC_MODES)[number];

/** previous: the same number of days just before; year: the same dates a year earlier; none. */
export const COMPARE_MODES = ['previous', 'year', 'none'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

/** Earliest and latest dates a filter may name. */
const MIN_DATE = '1990-01-01';
const MAX_DATE = '2100-12-31';
/** Largest single seizure a `minkg` may ask for, kg-equivalent. */
export const MAX_MIN_KG = 1_000_000;
const MAX_LIST = 30;

export interface Filters {
  substances: string[];
  from: string | null;
  to: string | null;
  countries: string[];
  blos: string[];
  transport: string[];
  concealment: string[];
  minKg: number | null;
  bbox: Bbox | null;
  synthetic: SyntheticMode;
  compare: CompareMode;
  /** The data version the figures are pinned to (a link "as briefed"); null: the current data. */
  asOf: number | null;
}

export const DEFAULT_FILTERS: Filters = {
  substances: [],
  from: null,
  to: null,
  countries: [],
  blos: [],
  transport: [],
  concealment: [],
  minKg: null,
  bbox: null,
  synthetic: 'include',
  compare: 'previous',
  asOf: null,
};

/** Highest data version a URL may name (far beyond any real history; keeps the number exact in JS and SQL). */
export const MAX_DATA_VERSION = 2 ** 31 - 1;

/**
 * Thrown for a parameter a user got wrong; `param` names it, `message` says what is wrong in English
 * (what the API answers), `problem` says it as data, for a page to say in its language.
 */
export class ParamError extends Error {
  override name = 'ParamError';
  constructor(
    readonly param: string,
    message: string,
    readonly problem: ParamProblem = { kind: 'invalid' },
  ) {
    super(`${param}: ${message}`);
  }
}

/** The error of `param` from the first issue of a failed parse. */
export const issueError = (param: string, issue: z.core.$ZodIssue): ParamError => new ParamError(param, issue.message, problemOf(issue));

const isoDate = isoDateSchema.refine((s) => s >= MIN_DATE && s <= MAX_DATE, {
  message: `must be between ${MIN_DATE} and ${MAX_DATE}`,
  params: problemParams({ kind: 'date-out-of-range', min: MIN_DATE, max: MAX_DATE }),
});

function list<T extends string>(allowed: readonly T[], what: string) {
  return z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    )
    .superRefine((values, ctx) => {
      if (values.length > MAX_LIST)
        ctx.addIssue({ code: 'custom', message: `at most ${MAX_LIST} values`, params: problemParams({ kind: 'too-many', max: MAX_LIST }) });
      const unknown = values.find((v) => !(allowed as readonly string[]).includes(v));
      if (unknown !== undefined)
        ctx.addIssue({
          code: 'custom',
          message: `unknown ${what} "${unknown.slice(0, 40)}"`,
          params: problemParams({ kind: 'unknown-value', value: unknown.slice(0, 40) }),
        });
    })
    .transform((values) => [...new Set(values)].sort() as T[]);
}

const bboxSchema = z
  .string()
  .transform((s) => s.split(','))
  .pipe(z.array(z.string()).length(4, 'must be four numbers west,south,east,north'))
  .transform((parts) => parts.map((p) => p.trim()))
  .pipe(
    z
      .tuple([
        urlNumber({ min: -180, max: 180, signed: true, name: 'west' }),
        urlNumber({ min: -90, max: 90, signed: true, name: 'south' }),
        urlNumber({ min: -180, max: 180, signed: true, name: 'east' }),
        urlNumber({ min: -90, max: 90, signed: true, name: 'north' }),
      ])
      .refine(([w, , e]) => w < e, { message: 'west must be less than east', params: problemParams({ kind: 'bad-box' }) })
      .refine(([, s, , n]) => s < n, { message: 'south must be less than north', params: problemParams({ kind: 'bad-box' }) }),
  );

interface ParamCodec<K extends keyof Filters> {
  field: K;
  schema: z.ZodType<Filters[K], string>;
  serialize(value: Filters[K]): string;
}

const codec = <K extends keyof Filters>(
  field: K,
  schema: z.ZodType<Filters[K], string>,
  serialize: (v: Filters[K]) => string,
): ParamCodec<K> => ({ field, schema, serialize });
const joinList = (v: string[]) => v.join(',');
const roundCoord = (v: number) => String(roundTo(v, 5));

/** The parser map: URL key → filter field, parser and serialiser. */
export const FILTER_PARAMS = {
  substance: codec('substances', list(SUBSTANCE_CODES, 'substance'), joinList),
  from: codec('from', isoDate, (v) => v ?? ''),
  to: codec('to', isoDate, (v) => v ?? ''),
  country: codec('countries', list(COUNTRY_CODES, 'country'), joinList),
  blo: codec('blos', list(BLO_CODES, 'BLO'), joinList),
  transport: codec('transport', list(TRANSPORT_MODES, 'transport mode'), joinList),
  concealment: codec('concealment', list(CONCEALMENTS, 'concealment'), joinList),
  minkg: codec('minKg', urlNumber({ min: 0, max: MAX_MIN_KG }), (v) => (v === null ? '' : String(v))),
  bbox: codec('bbox', bboxSchema, (v) => (v ? v.map(roundCoord).join(',') : '')),
  synthetic: codec('synthetic', z.enum(SYNTHETIC_MODES, `must be one of ${SYNTHETIC_MODES.join(', ')}`), String),
  compare: codec('compare', z.enum(COMPARE_MODES, `must be one of ${COMPARE_MODES.join(', ')}`), String),
  asof: codec('asOf', urlNumber({ min: 1, max: MAX_DATA_VERSION, whole: true, name: 'data version' }), (v) =>
    v === null ? '' : String(v),
  ),
} as const;

type FilterParam = keyof typeof FILTER_PARAMS;
export const FILTER_PARAM_KEYS = Object.keys(FILTER_PARAMS) as FilterParam[];

/** Longest value accepted for any one parameter: longer is an error, not a truncation. */
export const MAX_PARAM_LENGTH = 600;
/** Longest query string a route reads. */
export const MAX_QUERY_LENGTH = 4096;

/**
 * Reads the filters from URL search params. Throws `ParamError` naming the first bad parameter.
 * Keys other than filter keys are ignored here (routes check their own keys).
 */
export function parseFilters(params: URLSearchParams): Filters {
  const filters: Filters = { ...DEFAULT_FILTERS };
  for (const key of FILTER_PARAM_KEYS) {
    const values = params.getAll(key);
    if (values.length === 0) continue;
    if (values.length > 1) throw new ParamError(key, 'given more than once', { kind: 'repeated' });
    const raw = values[0];
    if (raw.length > MAX_PARAM_LENGTH)
      throw new ParamError(key, `longer than ${MAX_PARAM_LENGTH} characters`, { kind: 'too-long', max: MAX_PARAM_LENGTH });
    if (raw === '') continue;
    const { field, schema } = FILTER_PARAMS[key];
    const result = schema.safeParse(raw);
    if (!result.success) throw issueError(key, result.error.issues[0]);
    (filters as unknown as Record<string, unknown>)[field] = result.data;
  }
  if (filters.from && filters.to && filters.from > filters.to)
    throw new ParamError('from', `${filters.from} is after to (${filters.to})`, {
      kind: 'from-after-to',
      from: filters.from,
      to: filters.to,
    });
  return filters;
}

/** Writes the filters as URL search params, leaving out defaults (short, stable links). */
export function serializeFilters(filters: Filters, into = new URLSearchParams()): URLSearchParams {
  for (const key of FILTER_PARAM_KEYS) {
    const { field, serialize } = FILTER_PARAMS[key];
    const value = filters[field];
    const fallback = DEFAULT_FILTERS[field];
    if (JSON.stringify(value) === JSON.stringify(fallback)) continue;
    const text = (serialize as (v: unknown) => string)(value);
    if (text !== '') into.set(key, text);
  }
  return into;
}

/**
 * The comparison period for the filters' period, or null when there is none to compare with.
 * `previous` is the same number of whole months just before when the period is whole months
 * (2025 → 2024, March → February), else the same number of days just before.
 */
export function comparisonPeriod(filters: Pick<Filters, 'from' | 'to' | 'compare'>): DateRange | null {
  if (filters.compare === 'none' || !filters.from || !filters.to) return null;
  if (filters.compare === 'year') return { from: addYears(filters.from, -1), to: addYears(filters.to, -1) };
  const months = wholeMonths(filters.from, filters.to);
  if (months !== null) return { from: monthStart(filters.from, -months), to: addDays(filters.from, -1) };
  return { from: addDays(filters.from, -daysInRange(filters.from, filters.to)), to: addDays(filters.from, -1) };
}

/**
 * Filters → SQL conditions: the one place where a filter field meets a column. The same filters
 * apply to `seizures` and to its rollups, each of which declares the columns it keeps
 * (`FilterColumns`); a table lacking the column of a filter that is set cannot answer it.
 * Every value is a bound parameter; nothing from the user is spliced into SQL text.
 *
 * It is also where an account's country scope meets the data: every query's conditions include
 * the scope (`scopeCondition`), default-deny, whatever the URL asked for.
 *
 * And where a data version meets `seizures`: the raw table holds every version's rows, so its
 * conditions always say which are visible (`visibleAt`): the current ones, or those of `asof`. The
 * rollups hold the current state only; rollup-source.ts handles an `asof` for them.
 */
import { eq, gte, inArray, lte, and, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DateRange } from '@/lib/time/dates';
import type { CountryScope, ScopedFilters } from '@/lib/access/country-scope';
import { seizures } from '@/db/schema';
import { DEFAULT_FILTERS } from '@/lib/url/filters';

/** Columns a filter can meet; an absent one means the table cannot answer that filter. */
export interface FilterColumns {
  substance?: AnyColumn;
  synthetic?: AnyColumn;
  country?: AnyColumn;
  nearestBlo?: AnyColumn;
  transport?: AnyColumn;
  concealment?: AnyColumn;
  seizedOn?: AnyColumn;
  kgEq?: AnyColumn;
  geom?: AnyColumn;
  /** The data versions of a row (`seizures` only): present, they always get a visibility condition. */
  addedIn?: AnyColumn;
  removedIn?: AnyColumn;
}

const SEIZURE_COLUMNS: FilterColumns = seizures;

interface Condition {
  column: keyof FilterColumns;
  /** What the filter is called in the error when a table lacks its column. */
  label: string;
  on(column: AnyColumn): SQL;
}

/** The conditions that `filters` over `period` set, each with the column it needs; unset filters give none. */
function conditionsOf(filters: ScopedFilters, period: DateRange<string | null>): Condition[] {
  const { substances, countries, blos, transport, concealment, minKg, bbox, synthetic, scope } = filters;
  const all: (Condition | false)[] = [
    // The account's countries, always: default-deny, and no URL filter can widen it.
    scope !== 'all' && { column: 'country', label: 'country scope', on: (c) => scopeCondition(scope, c) },
    substances.length > 0 && { column: 'substance', label: 'substance', on: (c) => inArray(c, substances) },
    period.from !== null && { column: 'seizedOn', label: 'date', on: (c) => gte(c, period.from) },
    period.to !== null && { column: 'seizedOn', label: 'date', on: (c) => lte(c, period.to) },
    countries.length > 0 && { column: 'country', label: 'country', on: (c) => inArray(c, countries) },
    blos.length > 0 && { column: 'nearestBlo', label: 'BLO', on: (c) => inArray(c, blos) },
    transport.length > 0 && { column: 'transport', label: 'transport', on: (c) => inArray(c, transport) },
    concealment.length > 0 && { column: 'concealment', label: 'concealment', on: (c) => inArray(c, concealment) },
    minKg !== null && { column: 'kgEq', label: 'minimum quantity', on: (c) => gte(c, minKg) },
    bbox !== null && {
      column: 'geom',
      label: 'bbox',
      on: (c) => sql`${c} && ST_MakeEnvelope(${bbox[0]}, ${bbox[1]}, ${bbox[2]}, ${bbox[3]}, 4326)`,
    },
    synthetic === 'exclude' && { column: 'synthetic', label: 'synthetic', on: (c) => eq(c, false) },
    synthetic === 'only' && { column: 'synthetic', label: 'synthetic', on: (c) => eq(c, true) },
  ];
  return all.filter((c): c is Condition => c !== false);
}

const ALL_TIME: DateRange<string | null> = { from: null, to: null };

/** Whether a table with `columns` can apply every filter that is set (the period aside: rollups answer it by month). */
export function canFilter(filters: ScopedFilters, columns: FilterColumns): boolean {
  return conditionsOf(filters, ALL_TIME).every((c) => columns[c.column] !== undefined);
}

/**
 * Conditions for `filters` on `columns`; `period` replaces the filters' own from/to (comparison
 * periods, rollup edges). Throws when `columns` lacks a filter's column: see `canFilter`.
 */
export function filterConditions(
  filters: ScopedFilters,
  period: DateRange<string | null> = filters,
  columns: FilterColumns = SEIZURE_COLUMNS,
): SQL | undefined {
  const { addedIn, removedIn } = columns;
  return and(
    addedIn && removedIn ? visibleAt(filters.asOf, addedIn, removedIn) : undefined,
    ...conditionsOf(filters, period).map((c) => {
      const column = columns[c.column];
      if (!column) throw new Error(`this table cannot filter by ${c.label}`);
      return c.on(column);
    }),
  );
}

/**
 * The filters of everything the account may see at the link's data version, of the kind shown
 * (synthetic or not), the other filters aside: how recent the data is, whether a post reported.
 */
export const everythingVisible = (filters: ScopedFilters): ScopedFilters => ({
  ...DEFAULT_FILTERS,
  scope: filters.scope,
  detail: filters.detail,
  asOf: filters.asOf,
  synthetic: filters.synthetic,
});

/** Rows of the database as it stood at data version `asOf` (null: as it stands now). */
export function visibleAt(asOf: number | null, addedIn: AnyColumn, removedIn: AnyColumn): SQL {
  if (asOf === null) return sql`${removedIn} IS NULL`;
  return sql`${addedIn} <= ${asOf} AND (${removedIn} IS NULL OR ${removedIn} > ${asOf})`;
}

/**
 * Rows whose country `column` is in `scope`: true for all countries, false for none. Used for
 * seizures (through `filterConditions`) and for the posts themselves (a post's own country).
 */
export function scopeCondition(scope: CountryScope, column: AnyColumn): SQL {
  if (scope === 'all') return sql`true`;
  if (scope.length === 0) return sql`false`;
  return inArray(column, [...scope]);
}

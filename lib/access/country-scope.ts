/**
 * The countries an account may see. Default-deny: an account limited to no country sees nothing;
 * only an explicit "all" sees every country. The database applies a scope in one place
 * (db/queries/filter-conditions.ts); nothing from a URL can widen it.
 */
import { z } from 'zod';
import { COUNTRY_CODES, type CountryCode } from '@/lib/catalogue/vocabulary';
import type { Filters } from '@/lib/url/filters';
import type { Detail } from './detail';

export type CountryScope = 'all' | readonly CountryCode[];

export const ALL_COUNTRIES: CountryScope = 'all';

/** `all`, or a comma-separated list of country codes (`KZ,UZ`); case-insensitive, duplicates dropped. */
export const countryScopeSchema = z
  .string()
  .trim()
  .transform((s, ctx): CountryScope => {
    if (s.toLowerCase() === 'all') return 'all';
    const codes = [...new Set(s.split(',').map((c) => c.trim().toUpperCase()))].filter((c) => c !== '');
    const unknown = codes.filter((c) => !(COUNTRY_CODES as readonly string[]).includes(c));
    if (unknown.length) {
      ctx.addIssue({ code: 'custom', message: `unknown country ${unknown.join(', ')} (known: ${COUNTRY_CODES.join(', ')}, or all)` });
      return z.NEVER;
    }
    return codes.sort() as CountryCode[];
  });

/** What an account row stores (`all_countries`, `countries`) as a scope. */
export function scopeOf(allCountries: boolean, countries: readonly string[]): CountryScope {
  if (allCountries) return 'all';
  return countries.filter((c): c is CountryCode => (COUNTRY_CODES as readonly string[]).includes(c));
}

export const inScope = (scope: CountryScope, country: string): boolean => scope === 'all' || scope.includes(country as CountryCode);

/** One line for people: "all countries", "KZ, UZ", "no country". */
export const describeScope = (scope: CountryScope): string =>
  scope === 'all' ? 'all countries' : scope.length ? scope.join(', ') : 'no country';

/**
 * Filters with what the account asking may see: its countries and its level of detail (single
 * seizures, or aggregates only). What every query function takes.
 */
export type ScopedFilters = Filters & { readonly scope: CountryScope; readonly detail: Detail };

/**
 * The language a page is shown in, decided from its URL alone, so that the proxy can pass it to the
 * root layout for `<html lang>` (what screen readers and browsers read) before the page renders.
 * The same rules as the pages: `?lang=ru`, English otherwise; a briefing's first language
 * (`lang=ru,en`); the sign-in page's own `lang`, else the one of the page it returns to (`next`).
 */
import { safeReturnPath } from '@/lib/access/return-to';
import { briefLanguages } from '@/lib/brief/brief-model';
import { DEFAULT_VIEW, LANGUAGES, type Language } from '@/lib/url/view-state';

/** The request header the proxy sets with the page's language (anything a client sends is replaced). */
export const PAGE_LANGUAGE_HEADER = 'x-page-language';

/** An interface language, or the default one for anything else (a missing, repeated or unknown value). */
export const languageOf = (requested: unknown): Language => LANGUAGES.find((l) => l === requested) ?? DEFAULT_VIEW.lang;

/** A query key as a page's `searchParams` hold it: absent, one value, or every value of a repeated key. */
function searchParam(search: URLSearchParams, key: string): string | string[] | undefined {
  const all = search.getAll(key);
  return all.length > 1 ? all : all[0];
}

/** The language of the page at `pathname` with the query `search`. */
export function urlLanguage(pathname: string, search: URLSearchParams): Language {
  const lang = searchParam(search, 'lang');
  if (pathname === '/brief') {
    const langs = briefLanguages(typeof lang === 'string' ? lang : undefined);
    return 'error' in langs ? DEFAULT_VIEW.lang : langs[0];
  }
  if (pathname === '/sign-in' && lang === undefined) {
    const next = searchParam(search, 'next');
    const target = safeReturnPath(typeof next === 'string' ? next : null);
    return languageOf(new URL(target, 'http://app.invalid').searchParams.get('lang'));
  }
  return languageOf(lang);
}

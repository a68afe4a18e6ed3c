import type { Metadata } from 'next';
import { t, type TextKey } from '@/lib/i18n/i18n';
import { languageOf } from '@/lib/i18n/page-language';
import { DEFAULT_VIEW, LANGUAGES, type Language } from '@/lib/url/view-state';

/** A page of the app in `lang`; the default language is left out of links, as in the dashboard's own. */
export const pageHref = (
  path: '/' | '/import' | '/imports' | '/brief' | '/admin/users' | '/admin/audit' | '/sign-in',
  lang: Language,
): string => (lang === DEFAULT_VIEW.lang ? path : `${path}?lang=${lang}`);

/** The other interface language: the language switch's target, and the script of a BLO's second name. */
export const otherLanguage = (lang: Language): Language => LANGUAGES.find((l) => l !== lang)!;

/** The language a page is asked for in (`?lang=ru`), English otherwise. */
export const pageLanguage = languageOf;

/** The path and query of a page, as a sign-in should return to it. */
export function pagePath(path: string, searchParams: Record<string, string | string[] | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/**
 * A page's `generateMetadata`: its title in the language it is asked for ("Users · BLO Atlas",
 * "Пользователи · Атлас ППК"); `null` for the app's name alone (the dashboard).
 */
export const pageMetadata =
  (key: TextKey | null) =>
  async ({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }): Promise<Metadata> => {
    const lang = pageLanguage((await searchParams).lang);
    return { title: key ? `${t(lang, key)} · ${t(lang, 'title')}` : t(lang, 'title') };
  };

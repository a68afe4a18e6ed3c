import { DEFAULT_VIEW, LANGUAGES, type Language } from '@/lib/url/view-state';

/** A page of the app in `lang`; the default language is left out of links, as in the dashboard's own. */
export const pageHref = (path: '/' | '/import', lang: Language): string => (lang === DEFAULT_VIEW.lang ? path : `${path}?lang=${lang}`);

/** The other interface language: the language switch's target, and the script of a BLO's second name. */
export const otherLanguage = (lang: Language): Language => LANGUAGES.find((l) => l !== lang)!;

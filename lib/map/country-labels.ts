/**
 * The countries' names written on the map: HTML over it (like the posts' names), in the page's
 * language, each at its point in COUNTRY_LABEL_POINTS. The page writes them in capitals (CSS).
 */
import { countryName } from '@/lib/i18n/i18n';
import type { LngLat } from '@/lib/geo/lng-lat';
import type { Language } from '@/lib/url/view-state';
import { COUNTRY_LABEL_POINTS } from './basemap-style';

export interface CountryLabel {
  /** ISO 3166-1 alpha-2. */
  iso2: string;
  text: string;
  position: LngLat;
}

const labelsByLang = new Map<Language, CountryLabel[]>();

/** Every country's name in `lang`, the same array for every call. */
export function countryLabels(lang: Language): CountryLabel[] {
  let labels = labelsByLang.get(lang);
  if (!labels) {
    labels = Object.entries(COUNTRY_LABEL_POINTS).map(([iso2, position]) => ({ iso2, text: countryName(lang, iso2), position }));
    labelsByLang.set(lang, labels);
  }
  return labels;
}

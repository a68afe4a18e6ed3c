/**
 * The countries the dashboard names (data/countries.json): Central Asia and its neighbours, with
 * their names in English and Russian and the other spellings an import file may use. The one place
 * a country's name is written; data/countries.geojson takes its names from here when rebuilt.
 */
import countries from '@/data/countries.json';
import type { CountryCode } from './vocabulary';

export interface Country {
  iso2: CountryCode;
  isoNumeric: string;
  name: string;
  nameRu: string;
  /** Other names seen in source files (Latin or Cyrillic). */
  aliases: string[];
}

export const COUNTRIES: readonly Country[] = countries as Country[];

const BY_CODE = new Map(COUNTRIES.map((c) => [c.iso2 as string, c]));

export const getCountry = (iso2: string): Country | undefined => BY_CODE.get(iso2);

/** Every name a country goes by: English, Russian and the other spellings. */
export const countryNames = (c: Country): string[] => [c.name, c.nameRu, ...c.aliases];

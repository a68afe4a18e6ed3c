/**
 * The names an import file may use for substances, countries, units and vocabulary values, in
 * English and Russian with common spellings, and how names are compared.
 */
import { COUNTRIES, countryNames } from '@/lib/catalogue/countries';
import { SUBSTANCES } from '@/lib/catalogue/substances';

export const IMPORT_UNITS = ['kg', 'g', 'l', 'ml', 'units'] as const;
export type ImportUnit = (typeof IMPORT_UNITS)[number];

/** Lower case, single spaces, ё → е, typographic quotes and dashes made plain: how names are compared. */
export function normaliseName(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[‐-―]/g, '-')
    .replace(/[«»“”„"']/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Substance code by any of its names or aliases, normalised. */
export const substanceByName = new Map<string, string>();
for (const s of SUBSTANCES) for (const name of [s.code, s.en, s.ru, ...s.aliases]) substanceByName.set(normaliseName(name), s.code);

/** ISO 3166-1 alpha-2 by any of a country's names, normalised. */
export const countryByName = new Map(COUNTRIES.flatMap((c) => countryNames(c).map((name) => [normaliseName(name), c.iso2] as const)));

/** Unit spellings (Latin and Cyrillic) → the import's units. */
export const UNIT_NAMES: Record<string, ImportUnit> = {
  kg: 'kg',
  kgs: 'kg',
  kilogram: 'kg',
  kilograms: 'kg',
  кг: 'kg',
  килограмм: 'kg',
  g: 'g',
  gr: 'g',
  gram: 'g',
  grams: 'g',
  г: 'g',
  гр: 'g',
  грамм: 'g',
  l: 'l',
  litre: 'l',
  liter: 'l',
  litres: 'l',
  liters: 'l',
  л: 'l',
  литр: 'l',
  ml: 'ml',
  мл: 'ml',
  units: 'units',
  unit: 'units',
  tablets: 'units',
  tablet: 'units',
  pcs: 'units',
  шт: 'units',
  таб: 'units',
  таблеток: 'units',
};

/** Russian and other words for the transport, concealment and detection vocabularies. */
export const VOCAB_ALIASES: Record<string, string> = {
  грузовик: 'truck',
  фура: 'truck',
  легковой: 'car',
  автомобиль: 'car',
  автобус: 'bus',
  'ж/д': 'rail',
  поезд: 'rail',
  railway: 'rail',
  train: 'rail',
  пешком: 'pedestrian',
  foot: 'pedestrian',
  речной: 'river',
  boat: 'river',
  неизвестно: 'unknown',
  'в грузе': 'cargo',
  тайник: 'vehicle-cache',
  cache: 'vehicle-cache',
  багаж: 'luggage',
  'в теле': 'body',
  internal: 'body',
  'при себе': 'on-person',
  'на местности': 'terrain',
  собака: 'dog',
  k9: 'dog',
  рентген: 'x-ray',
  xray: 'x-ray',
  'профилирование рисков': 'risk-profiling',
  разведка: 'intelligence',
  досмотр: 'inspection',
  патруль: 'patrol',
};

/**
 * The substance catalogue (data/substances.json): groups, names in English and Russian, default unit,
 * the kg-equivalent rules and indicative prices. All numbers live in the data file, none here.
 */
import { z } from 'zod';
import catalogueJson from '@/data/substances.json';
import { SUBSTANCE_GROUPS, UNITS, type Unit } from './vocabulary';

export const substanceSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]*$/),
  group: z.enum(SUBSTANCE_GROUPS),
  en: z.string().min(1),
  ru: z.string().min(1),
  defaultUnit: z.enum(UNITS),
  aliases: z.array(z.string().min(1)),
  /** Indicative price, USD per kg-equivalent. */
  priceUsdPerKg: z.number().nonnegative(),
  /** `anchor`: from a cited source; `placeholder`: illustrative, no source found. */
  priceBasis: z.enum(['anchor', 'placeholder']),
  priceSource: z.string().min(1),
});
export type Substance = z.infer<typeof substanceSchema>;

export const catalogueSchema = z.object({
  conversions: z.object({
    /** kg counted per litre. */
    litreKg: z.number().positive(),
    litreNote: z.string(),
    /** Assumed mass of one tablet, milligrams. */
    tabletMg: z.number().positive(),
    tabletNote: z.string(),
  }),
  substances: z.array(substanceSchema).min(1),
});
export type Catalogue = z.infer<typeof catalogueSchema>;

export const CATALOGUE: Catalogue = catalogueSchema.parse(catalogueJson);
export const SUBSTANCES: readonly Substance[] = CATALOGUE.substances;
export const SUBSTANCE_CODES = SUBSTANCES.map((s) => s.code);

const byCode = new Map(SUBSTANCES.map((s) => [s.code, s]));

export function getSubstance(code: string): Substance | undefined {
  return byCode.get(code);
}

/** kg-equivalent of one unit of measure, per the catalogue's conversion rules. */
export function kgPerUnit(unit: Unit, catalogue: Catalogue = CATALOGUE): number {
  switch (unit) {
    case 'kg':
      return 1;
    case 'l':
      return catalogue.conversions.litreKg;
    case 'units':
      return catalogue.conversions.tabletMg / 1e6;
  }
}

export function toKgEq(quantity: number, unit: Unit, catalogue: Catalogue = CATALOGUE): number {
  return quantity * kgPerUnit(unit, catalogue);
}

/** Estimated value in USD and the price used, for a quantity of a catalogued substance. */
export function estimateValue(code: string, kgEq: number): { valueUsd: number; priceUsdPerKg: number } {
  const s = byCode.get(code);
  if (!s) throw new Error(`unknown substance ${code}`);
  return { valueUsd: kgEq * s.priceUsdPerKg, priceUsdPerKg: s.priceUsdPerKg };
}

import { describe, expect, it } from 'vitest';
import { CATALOGUE, SUBSTANCES, estimateValue, getSubstance, kgPerUnit, toKgEq } from '@/lib/catalogue/substances';

describe('substance catalogue', () => {
  it('names every substance in English and Russian with a sourced or labelled price', () => {
    expect(SUBSTANCES.length).toBeGreaterThanOrEqual(10);
    for (const s of SUBSTANCES) {
      expect(s.ru).toMatch(/[А-Яа-яЁё]/);
      expect(s.priceSource.length).toBeGreaterThan(10);
      if (s.priceBasis === 'placeholder') expect(s.priceSource).toMatch(/placeholder/i);
    }
  });

  it('has unique codes and aliases that point to one substance each', () => {
    const codes = SUBSTANCES.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    const aliases = SUBSTANCES.flatMap((s) => s.aliases.map((a) => a.toLowerCase()));
    expect(new Set(aliases).size).toBe(aliases.length);
  });

  it('converts litres at 1 kg and tablets at the configured milligrams', () => {
    expect(kgPerUnit('kg')).toBe(1);
    expect(toKgEq(12.355, 'l')).toBeCloseTo(12.355 * CATALOGUE.conversions.litreKg, 9);
    expect(toKgEq(5000, 'units')).toBeCloseTo((5000 * CATALOGUE.conversions.tabletMg) / 1e6, 9);
    const halfGramTablets = { ...CATALOGUE, conversions: { ...CATALOGUE.conversions, tabletMg: 500 } };
    expect(toKgEq(1000, 'units', halfGramTablets)).toBeCloseTo(0.5, 9);
  });

  it('values the record 775 kg heroin seizure at over USD 15 million', () => {
    const { valueUsd, priceUsdPerKg } = estimateValue('heroin', 775);
    expect(priceUsdPerKg).toBe(getSubstance('heroin')!.priceUsdPerKg);
    expect(valueUsd).toBeGreaterThan(15_000_000);
    expect(valueUsd).toBeLessThan(16_000_000);
  });
});

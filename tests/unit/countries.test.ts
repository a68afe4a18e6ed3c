import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COUNTRIES, getCountry } from '@/lib/catalogue/countries';
import { COUNTRY_CODES } from '@/lib/catalogue/vocabulary';
import { countryName } from '@/lib/i18n/i18n';
import { normaliseName } from '@/lib/import/import-names';

describe('country catalogue', () => {
  it('names exactly the countries of the closed vocabulary', () => {
    expect(COUNTRIES.map((c) => c.iso2).sort()).toEqual([...COUNTRY_CODES].sort());
  });

  it('is where the shipped boundaries take their names from', () => {
    const geo = JSON.parse(readFileSync('data/countries.geojson', 'utf8')) as { features: { properties: Record<string, string> }[] };
    for (const { properties: p } of geo.features) {
      expect(getCountry(p.iso2), p.iso2).toMatchObject({ isoNumeric: p.isoNumeric, name: p.name, nameRu: p.nameRu });
    }
    expect(geo.features).toHaveLength(COUNTRIES.length);
  });

  it('gives the interface name in either language, the code when unknown', () => {
    expect(countryName('en', 'KG')).toBe('Kyrgyzstan');
    expect(countryName('ru', 'KG')).toBe('Кыргызстан');
    expect(countryName('ru', 'XX')).toBe('XX');
  });

  it('has no two countries sharing a name once names are normalised', () => {
    const names = COUNTRIES.flatMap((c) => [c.name, c.nameRu, ...c.aliases].map(normaliseName));
    expect(new Set(names).size).toBe(names.length);
  });
});

import { describe, expect, it } from 'vitest';
import { COUNTRY_LABEL_POINTS } from '@/lib/map/basemap-style';
import { countryLabels } from '@/lib/map/country-labels';

describe('countryLabels', () => {
  it('names every labelled country in the interface language, at its label point', () => {
    const byIso = (lang: 'en' | 'ru') => Object.fromEntries(countryLabels(lang).map((l) => [l.iso2, l]));
    expect(byIso('en').KZ).toEqual({ iso2: 'KZ', text: 'Kazakhstan', position: [67.5, 48.3] });
    expect(byIso('ru').KZ.text).toBe('Казахстан');
    expect(byIso('ru').TJ.text).toBe('Таджикистан');
    expect(
      countryLabels('en')
        .map((l) => l.iso2)
        .sort(),
    ).toEqual(Object.keys(COUNTRY_LABEL_POINTS).sort());
  });

  it('gives the same array for every call in one language, another in the other', () => {
    expect(countryLabels('ru')).toBe(countryLabels('ru'));
    expect(countryLabels('en')).not.toBe(countryLabels('ru'));
  });
});

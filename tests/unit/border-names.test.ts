/**
 * Borders and posts in words, never as codes: the countries' names come from data/countries.json, so
 * the expectations are written out by hand for a few borders, and every post of data/blos.json is
 * checked for Latin letters and ISO codes in Russian.
 */
import { describe, expect, it } from 'vitest';
import blos from '@/data/blos.json';
import { borderName, describeFilters } from '@/lib/i18n/i18n';
import { DEFAULT_FILTERS } from '@/lib/url/filters';
import { COUNTRY_CODES } from '@/lib/catalogue/vocabulary';

const CODE = new RegExp(`\\b(${COUNTRY_CODES.join('|')})\\b`);

describe('borderName: a border by its two countries', () => {
  it.each([
    ['KZ', 'KG', 'Kazakhstan–Kyrgyzstan', 'Казахстан — Кыргызстан'],
    ['TJ', 'AF', 'Tajikistan–Afghanistan', 'Таджикистан — Афганистан'],
    ['TM', 'UZ', 'Turkmenistan–Uzbekistan', 'Туркменистан — Узбекистан'],
  ])('%s/%s reads "%s" and "%s"', (a, b, en, ru) => {
    expect(borderName('en', a, b)).toBe(en);
    expect(borderName('ru', a, b)).toBe(ru);
  });

  it('names every post’s border in Cyrillic only, with no country code', () => {
    for (const b of blos) {
      const text = borderName('ru', b.country, b.neighbor);
      expect(text, b.code).not.toMatch(/[A-Za-z]/);
      expect(borderName('en', b.country, b.neighbor), b.code).not.toMatch(CODE);
    }
  });
});

describe('the posts’ Russian names', () => {
  it('carry no Latin letters (the two Karamyk posts are told apart as КР and РТ)', () => {
    for (const b of blos) expect(b.nameRu, b.code).not.toMatch(/[A-Za-z]/);
    expect(blos.find((b) => b.code === 'karamyk-kg')?.nameRu).toBe('Карамык (КР)');
    expect(blos.find((b) => b.code === 'karamyk-tj')?.nameRu).toBe('Карамык (РТ)');
  });
});

describe('describeFilters: the filters in words', () => {
  it('names the chosen posts, not their codes', () => {
    const filters = { ...DEFAULT_FILTERS, blos: ['ak-zhol', 'kordai'] };
    expect(describeFilters('ru', filters)).toContain('ППК: Ак-Жол, Кордай');
    expect(describeFilters('en', filters)).toContain('BLO: Ak-Zhol, Kordai');
  });
});

/**
 * Counted nouns: the forms are written out by hand below from Russian grammar (one: 1, 21, 101…;
 * few: 2–4, 22–24…; many: 0, 5–20, 25–30, 111…; a fraction takes the genitive singular), so the test
 * does not ask Intl.PluralRules what it itself uses.
 */
import { describe, expect, it } from 'vitest';
import { countOf, t } from '@/lib/i18n/i18n';
import { plural, type PluralForms } from '@/lib/i18n/plural';

const NBSP = '\u00a0';

describe('countOf: a number with its noun', () => {
  it.each([
    [1, '1 изъятие'],
    [2, '2 изъятия'],
    [4, '4 изъятия'],
    [5, '5 изъятий'],
    [11, '11 изъятий'],
    [12, '12 изъятий'],
    [14, '14 изъятий'],
    [21, '21 изъятие'],
    [22, '22 изъятия'],
    [25, '25 изъятий'],
    [101, '101 изъятие'],
    [111, '111 изъятий'],
    [115, '115 изъятий'],
    [0, '0 изъятий'],
    [1.5, '1,5 изъятия'],
    [12345, `12${NBSP}345 изъятий`],
  ])('%s in Russian reads "%s"', (n, text) => {
    expect(countOf('ru', n, 'seizure')).toBe(text);
  });

  it.each([
    [1, '1 seizure'],
    [0, '0 seizures'],
    [2, '2 seizures'],
    [21, '21 seizures'],
    [1.5, '1.5 seizures'],
    [12345, '12,345 seizures'],
  ])('%s in English reads "%s"', (n, text) => {
    expect(countOf('en', n, 'seizure')).toBe(text);
  });

  it('uses the genitive after "fewer than" in Russian: 1 изъятия, 3 изъятий, 21 изъятия', () => {
    expect(countOf('ru', 1, 'seizureOf')).toBe('1 изъятия');
    expect(countOf('ru', 3, 'seizureOf')).toBe('3 изъятий');
    expect(countOf('ru', 5, 'seizureOf')).toBe('5 изъятий');
    expect(countOf('ru', 21, 'seizureOf')).toBe('21 изъятия');
  });

  it('counts rows: 1 строка, 3 строки, 5 строк, 1 row, 2 rows', () => {
    expect([1, 3, 5, 11, 22].map((n) => countOf('ru', n, 'row'))).toEqual(['1 строка', '3 строки', '5 строк', '11 строк', '22 строки']);
    expect([1, 2].map((n) => countOf('en', n, 'row'))).toEqual(['1 row', '2 rows']);
  });
});

describe('plural: the form after a count', () => {
  const verb: PluralForms = {
    en: { one: 'import changed', other: 'imports changed' },
    ru: { one: 'импорт изменил', few: 'импорта изменили', many: 'импортов изменили', other: 'импорта изменили' },
  };

  it('does not depend on the sign: −1 like 1, −5 like 5', () => {
    expect(plural('ru', -1, verb)).toBe('импорт изменил');
    expect(plural('ru', -5, verb)).toBe('импортов изменили');
    expect(plural('en', -1, verb)).toBe('import changed');
  });

  it('picks each of the four Russian forms', () => {
    expect([1, 3, 7, 2.5].map((n) => plural('ru', n, verb))).toEqual([
      'импорт изменил',
      'импорта изменили',
      'импортов изменили',
      'импорта изменили',
    ]);
  });
});

describe('t: a {name:noun} placeholder writes the count with its noun', () => {
  it('in the texts that count seizures', () => {
    expect(t('ru', 'batchCurrent', { count: 1 })).toBe('1 изъятие в текущих данных');
    expect(t('ru', 'batchCurrent', { count: 115 })).toBe('115 изъятий в текущих данных');
    expect(t('en', 'batchCurrent', { count: 1 })).toBe('1 seizure current');
    expect(t('en', 'batchCurrent', { count: 10 })).toBe('10 seizures current');
  });

  it('in the withheld note, in the genitive', () => {
    expect(t('ru', 'withheldNote', { k: 3 })).toContain('менее чем из 3 изъятий,');
    expect(t('ru', 'withheldNote', { k: 1 })).toContain('менее чем из 1 изъятия,');
    expect(t('en', 'withheldNote', { k: 1 })).toContain('fewer than 1 seizure,');
  });

  it('leaves a placeholder without a value as it is', () => {
    expect(t('en', 'batchCurrent')).toBe('{count:seizure} current');
  });
});

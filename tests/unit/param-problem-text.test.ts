/**
 * The bad-link warning in the reader's language: the parsers attach what is wrong as data, and the
 * Russian warning is written from it, naming each setting in words. English stays the parser's own
 * message (the words the API answers with).
 */
import { describe, expect, it } from 'vitest';
import { linkProblemsText, paramProblemText } from '@/lib/i18n/param-problem-text';
import { parseViewState } from '@/lib/url/view-state';

const problems = (query: string) => parseViewState(new URLSearchParams(query)).problems;
const russian = (query: string) => problems(query).map((p) => paramProblemText('ru', p));

describe('link problems in Russian', () => {
  it.each([
    ['from=2024-13-45', 'начало периода — такой даты нет в календаре'],
    ['to=2024-02-30', 'конец периода — такой даты нет в календаре'],
    ['from=yesterday', 'начало периода — нужна дата в виде ГГГГ-ММ-ДД'],
    ['from=1900-01-01', 'начало периода — дата должна быть между 1 янв. 1990 г. и 31 дек. 2100 г.'],
    ['c=200,40,5', 'долгота — нужно не больше 180'],
    ['c=60,40', 'положение карты — нужны три числа через запятую: долгота, широта, масштаб'],
    ['r=0', 'радиус зоны охвата — нужно не меньше 1 км'],
    ['r=2.5', 'радиус зоны охвата — нужно целое число'],
    ['bbox=1,2,3', 'область карты — нужны четыре числа через запятую: запад, юг, восток, север'],
    ['bbox=10,2,5,3', 'область карты — запад должен быть левее востока, а юг — ниже севера'],
    ['minkg=-5', 'минимум, кг-экв. — нужно число'],
    ['asof=0', 'версия данных — нужно не меньше 1'],
    ['sel=nowhere', 'выбранный ППК — такого значения нет'],
    ['lang=de', 'язык — допустимо: en, ru'],
    ['from=2024-06-01&to=2024-01-01', 'начало периода (1 июн. 2024 г.) позже его конца (1 янв. 2024 г.); обе даты пропущены'],
    ['from=2024-01-01&from=2024-02-01', 'начало периода — указано несколько раз'],
    ['zzz=1', 'параметр «zzz» не относится к панели и пропущен'],
  ])('%s reads "%s"', (query, text) => {
    expect(russian(query)).toEqual([text]);
  });

  it('writes no Latin letter where the link holds none of its own', () => {
    for (const query of ['from=2024-13-45', 'c=200,40,5', 'r=0', 'bbox=1,2,3', 'minkg=-5', 'pw=99', 'b=400', 'p=90', 't=2024-02-31']) {
      expect(russian(query).join(' '), query).not.toMatch(/[A-Za-z]/);
    }
  });

  it('names an unknown value as the link wrote it', () => {
    expect(russian('substance=heroine')).toEqual(['вещество — неизвестное значение «heroine»']);
  });

  it('puts the problems after the warning', () => {
    expect(linkProblemsText('ru', problems('from=2024-13-45&r=0'))).toBe(
      'Часть ссылки не распознана и заменена значением по умолчанию: начало периода — такой даты нет в календаре; радиус зоны охвата — нужно не меньше 1 км',
    );
  });
});

describe('link problems in English', () => {
  it('are the parser’s own messages, naming the key', () => {
    expect(problems('from=2024-13-45&c=200,40,5').map((p) => paramProblemText('en', p))).toEqual([
      'from: is not a real calendar date',
      'c: longitude must be ≤ 180',
    ]);
  });
});

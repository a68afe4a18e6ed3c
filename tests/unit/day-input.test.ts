/**
 * The date field's words: what it shows in each language and what it reads back. Expected days are
 * worked out by hand (2024 is a leap year, 2025 is not; numbers are read day first).
 */
import { describe, expect, it } from 'vitest';
import { formatDayInput, isIsoDayText, parseDayInput } from '@/lib/time/day-input';
import { formatDay } from '@/lib/i18n/i18n';

describe('formatDayInput: the day as the field shows it', () => {
  it('writes day, short month and year in English, and day-first numbers in Russian', () => {
    expect(formatDayInput('en', '2024-12-31')).toBe('31 Dec 2024');
    expect(formatDayInput('en', '2025-01-05')).toBe('5 Jan 2025');
    expect(formatDayInput('ru', '2024-12-31')).toBe('31.12.2024');
    expect(formatDayInput('ru', '2025-01-05')).toBe('05.01.2025');
  });

  it.each(['2024-01-15', '2024-05-01', '2024-06-30', '2024-07-04', '2024-09-09', '2025-02-28'])(
    'shows %s in English exactly as formatDay does elsewhere on the page',
    (iso) => {
      expect(formatDayInput('en', iso)).toBe(formatDay('en', iso));
    },
  );

  it('writes September as en-GB does ("Sept")', () => {
    expect(formatDayInput('en', '2024-09-01')).toBe('1 Sept 2024');
  });

  it.each(['2024-02-29', '2025-12-31', '2019-01-01'])('reads back %s from its own form in both languages', (iso) => {
    expect(parseDayInput(formatDayInput('en', iso))).toEqual({ ok: true, iso });
    expect(parseDayInput(formatDayInput('ru', iso))).toEqual({ ok: true, iso });
  });
});

describe('parseDayInput: what a user may type', () => {
  it.each([
    ['2024-12-31', '2024-12-31'],
    ['2024-1-5', '2024-01-05'],
    ['31.12.2024', '2024-12-31'],
    ['31/12/2024', '2024-12-31'],
    ['31-12-2024', '2024-12-31'],
    ['5.1.2025', '2025-01-05'],
    ['31.12.2024 г.', '2024-12-31'],
    ['31 Dec 2024', '2024-12-31'],
    ['31 dec 2024', '2024-12-31'],
    ['31 December 2024', '2024-12-31'],
    ['31 Dec. 2024', '2024-12-31'],
    ['1 Sept 2024', '2024-09-01'],
    ['1 Sep 2024', '2024-09-01'],
    ['31dec2024', '2024-12-31'],
    ['  31   Dec   2024  ', '2024-12-31'],
    ['31 дек. 2024 г.', '2024-12-31'],
    ['31\u00a0дек.\u00a02024\u00a0г.', '2024-12-31'],
    ['31 декабря 2024', '2024-12-31'],
    ['31 декабря 2024 года', '2024-12-31'],
    ['1 МАЯ 2024', '2024-05-01'],
    ['1 май 2024', '2024-05-01'],
    ['1 мар 2024', '2024-03-01'],
    ['1 июн 2024', '2024-06-01'],
    ['1 июл 2024', '2024-07-01'],
    ['1 сент. 2024', '2024-09-01'],
    ['1 февр. 2024', '2024-02-01'],
    ['1 нояб. 2024', '2024-11-01'],
    ['29.02.2024', '2024-02-29'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseDayInput(text)).toEqual({ ok: true, iso });
  });

  it('reads an empty field as no day (an open end of the period)', () => {
    expect(parseDayInput('')).toEqual({ ok: true, iso: null });
    expect(parseDayInput('   ')).toEqual({ ok: true, iso: null });
    expect(parseDayInput('', { min: '2024-01-01', max: '2024-12-31' })).toEqual({ ok: true, iso: null });
  });

  it.each([
    'yesterday',
    '31.12.24',
    '31/12/24',
    '24-12-31',
    '31.12/2024',
    '31122024',
    '2024/12/31',
    '31 De 2024',
    '31 Foo 2024',
    'Dec 31 2024',
    '31 Dec',
    '2024-12-31T00:00',
    '31.12.2024 12:00',
    '-1.12.2024',
    '١٢.١٢.٢٠٢٤',
  ])('refuses %j as not a form it reads', (text) => {
    expect(parseDayInput(text)).toEqual({ ok: false, problem: 'format' });
  });

  it.each([
    '31.02.2025',
    '29.02.2025',
    '29 Feb 2025',
    '2025-02-29',
    '31.04.2024',
    '31 апреля 2024',
    '0.1.2024',
    '1.0.2024',
    '1.13.2024',
    '2024-13-01',
  ])('refuses %j as a day the calendar lacks', (text) => {
    expect(parseDayInput(text)).toEqual({ ok: false, problem: 'no-such-day' });
  });

  it('reads numbers day first: the US 12/31/2024 is refused, 01/02/2024 is 1 February', () => {
    expect(parseDayInput('12/31/2024')).toEqual({ ok: false, problem: 'no-such-day' });
    expect(parseDayInput('01/02/2024')).toEqual({ ok: true, iso: '2024-02-01' });
  });

  it('accepts the bounds themselves and refuses a day beyond either', () => {
    const bounds = { min: '2024-01-01', max: '2024-12-31' };
    expect(parseDayInput('01.01.2024', bounds)).toEqual({ ok: true, iso: '2024-01-01' });
    expect(parseDayInput('31 Dec 2024', bounds)).toEqual({ ok: true, iso: '2024-12-31' });
    expect(parseDayInput('31.12.2023', bounds)).toEqual({ ok: false, problem: 'before-min' });
    expect(parseDayInput('2025-01-01', bounds)).toEqual({ ok: false, problem: 'after-max' });
  });

  it('leaves an end open when its bound is null', () => {
    expect(parseDayInput('1.1.1990', { min: null, max: '2024-12-31' })).toEqual({ ok: true, iso: '1990-01-01' });
    expect(parseDayInput('1.1.2090', { min: '2024-01-01', max: null })).toEqual({ ok: true, iso: '2090-01-01' });
  });

  it('names a missing day before a bound: 31.02 is no day, whatever the bounds', () => {
    expect(parseDayInput('31.02.2030', { max: '2024-12-31' })).toEqual({ ok: false, problem: 'no-such-day' });
  });
});

describe('isIsoDayText: a whole ISO day, as a program writes it', () => {
  it('is true only for YYYY-MM-DD', () => {
    expect(isIsoDayText('2024-01-01')).toBe(true);
    expect(isIsoDayText(' 2024-01-01 ')).toBe(true);
    expect(isIsoDayText('2024-01-0')).toBe(false);
    expect(isIsoDayText('2024-1-01')).toBe(false);
    expect(isIsoDayText('01.01.2024')).toBe(false);
  });
});

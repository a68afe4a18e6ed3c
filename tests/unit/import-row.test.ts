/**
 * One import row: dates written ISO or day first (Russian documents write 14.05.2025), quantities
 * that are numbers but not more than 0, and decimal commas in coordinates. Expected values are worked
 * out by hand from the row as written.
 */
import { describe, expect, it } from 'vitest';
import { normaliseImportRow, type ImportContext, type RowResult } from '@/lib/import/import-row';
import { importReasonText } from '@/lib/import/import-reasons';

const ctx: ImportContext = {
  today: '2026-11-28',
  maxKg: 50_000,
  blos: [{ code: 'dusti', names: ['Dusti', 'Дусти'], lngLat: [68.93, 37.35], country: 'TJ' }],
};

/** A good row (opium, 5 kg at a point in Uzbekistan) with some fields replaced. */
const row = (fields: Record<string, string>): RowResult =>
  normaliseImportRow({ date: '2024-03-01', substance: 'opium', quantity: '5', unit: 'kg', lon: '69.2', lat: '41.4', ...fields }, ctx);

const dateOf = (result: RowResult) => (result.ok ? [result.seizure.seizedOn, result.seizure.datePrecision] : result.reasons);
const reasonsOf = (result: RowResult, lang: 'en' | 'ru' = 'en') => (result.ok ? [] : result.reasons.map((r) => importReasonText(lang, r)));

describe('import dates', () => {
  it.each([
    ['14.05.2025', '2025-05-14'],
    ['4.5.2025', '2025-05-04'],
    ['04.5.2025', '2025-05-04'],
    // Day first, never month first: 1 December, not 12 January.
    ['01.12.2024', '2024-12-01'],
    ['29.02.2024', '2024-02-29'],
  ])('reads %s day first, as %s', (written, iso) => {
    expect(dateOf(row({ date: written }))).toEqual([iso, 'day']);
  });

  it('reads MM.YYYY as a month, like YYYY-MM', () => {
    expect(dateOf(row({ date: '05.2025' }))).toEqual(['2025-05-01', 'month']);
    expect(dateOf(row({ date: '2025-05' }))).toEqual(['2025-05-01', 'month']);
  });

  it('still reads ISO days', () => {
    expect(dateOf(row({ date: '2025-05-14' }))).toEqual(['2025-05-14', 'day']);
    expect(dateOf(row({ date: ' 2024-02-29 ' }))).toEqual(['2024-02-29', 'day']);
  });

  it.each(['31.02.2025', '29.02.2023', '31.04.2024', '00.05.2025', '14.13.2025', '14.00.2025'])(
    'refuses %s: no such day, named as written',
    (written) => {
      expect(reasonsOf(row({ date: written }))).toEqual([`date "${written}" is not a real calendar date`]);
    },
  );

  it.each(['14.05.25', '2025/05/14', '14-05-2025', '14.05.2025 г.', '5/14/2025', 'May 2025'])(
    'refuses %s as not a known form',
    (written) => {
      expect(reasonsOf(row({ date: written }))).toEqual([`date "${written}" is not YYYY-MM-DD, DD.MM.YYYY, YYYY-MM or MM.YYYY`]);
    },
  );

  it('applies the same limits to dotted dates: not in the future, not before 1990', () => {
    expect(reasonsOf(row({ date: '01.01.2099' }))).toEqual(['date 01.01.2099 is in the future']);
    expect(reasonsOf(row({ date: '31.12.1989' }))).toEqual(['date 31.12.1989 is before 1990-01-01']);
    expect(dateOf(row({ date: '28.11.2026' }))).toEqual(['2026-11-28', 'day']);
  });

  it('words the date reasons in Russian too', () => {
    expect(reasonsOf(row({ date: '31.02.2025' }), 'ru')).toEqual(['даты «31.02.2025» нет в календаре']);
    expect(reasonsOf(row({ date: '' }), 'ru')).toEqual(['не указана дата (date)']);
  });
});

describe('import quantities', () => {
  it.each(['-5', '−5', '-0,5', '0', '0.0', '-0'])('reads %s as a number that is not more than 0', (written) => {
    expect(reasonsOf(row({ quantity: written }))).toEqual([`quantity "${written}" must be more than 0`]);
  });

  it('says so in Russian', () => {
    expect(reasonsOf(row({ quantity: '-5' }), 'ru')).toEqual(['количество «-5» должно быть больше 0']);
  });

  it.each(['x', '5kg', '1e3', '--5', '5-'])('refuses %s as not a number', (written) => {
    expect(reasonsOf(row({ quantity: written }))).toEqual([`quantity "${written}" is not a number`]);
  });

  it('reads thousands spaces, decimal commas and a plus sign', () => {
    const result = row({ quantity: '+1 234,5', unit: 'g' });
    expect(result.ok && result.seizure.quantity).toBeCloseTo(1.2345, 12);
  });
});

describe('import coordinates', () => {
  it('reads a decimal comma (a spreadsheet set to Russian writes one) as a decimal point', () => {
    const result = row({ lon: '69,25', lat: '41,5' });
    expect(result.ok && result.seizure.lngLat).toEqual([69.25, 41.5]);
  });

  it('refuses other text, naming both values', () => {
    expect(reasonsOf(row({ lon: '69°12′', lat: '41.4' }))).toEqual(['lon/lat "69°12′", "41.4" are not decimal degrees']);
  });
});

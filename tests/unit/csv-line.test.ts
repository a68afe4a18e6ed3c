import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsvLine } from '../../lib/csv-line';

describe('toCsvLine', () => {
  it('round-trips through a CSV parser, quotes, commas, line breaks and Cyrillic included', () => {
    const values = ['plain', 'with, comma', 'with "quotes"', 'two\nlines', 'Гашиш', '', 12.5, true];
    const [parsed] = parse(toCsvLine(values)) as string[][];
    expect(parsed).toEqual(values.map(String));
  });

  it('writes null as an empty, unquoted field', () => {
    expect(toCsvLine(['a', null, 'b'])).toBe('a,,b');
  });
});

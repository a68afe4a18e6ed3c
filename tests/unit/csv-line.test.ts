import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsvLine, toCsvLine } from '@/lib/csv/csv-line';

describe('toCsvLine', () => {
  it('round-trips through a CSV parser, quotes, commas, line breaks and Cyrillic included', () => {
    const values = ['plain', 'with, comma', 'with "quotes"', 'two\nlines', 'Гашиш', '', 12.5, true];
    const [parsed] = parse(toCsvLine(values)) as string[][];
    expect(parsed).toEqual(values.map(String));
  });

  it('with a semicolon delimiter, quotes fields holding one and leaves commas alone', () => {
    const values = ['12,5', 'a; b', 'with "quotes"', 'Гашиш'];
    expect(toCsvLine(values, ';')).toBe('12,5;"a; b";"with ""quotes""";Гашиш');
    const [parsed] = parse(toCsvLine(values, ';'), { delimiter: ';' }) as string[][];
    expect(parsed).toEqual(values);
  });

  it('writes null as an empty, unquoted field', () => {
    expect(toCsvLine(['a', null, 'b'])).toBe('a,,b');
  });
});

describe('parseCsvLine', () => {
  it('agrees with csv-parse on well-formed lines, with either delimiter', () => {
    const lines = ['a,b,c', '"a, b",c,', '"he said ""hi""",x', ',,', 'Гашиш,"12,5",кг', '""', '"a""b"'];
    for (const line of lines) expect(parseCsvLine(line, ',')).toEqual((parse(line, { relax_column_count: true }) as string[][])[0] ?? ['']);
    expect(parseCsvLine('2023-11-02;гашиш;12,5;"a; b"', ';')).toEqual(['2023-11-02', 'гашиш', '12,5', 'a; b']);
  });

  it('returns null for broken quoting instead of guessing', () => {
    expect(parseCsvLine('a,"open', ',')).toBeNull();
    expect(parseCsvLine('a,"closed"junk,b', ',')).toBeNull();
    expect(parseCsvLine('a,b"c,d', ',')).toBeNull();
  });

  it('detects the delimiter of a header line', () => {
    expect(detectDelimiter('date,substance,quantity')).toBe(',');
    expect(detectDelimiter('date;substance;quantity')).toBe(';');
    expect(detectDelimiter('"a;b",c')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
  });
});

import { describe, expect, it } from 'vitest';
import { urlNumber } from '@/lib/url/url-number';

const read = (schema: ReturnType<typeof urlNumber>, text: string) => {
  const result = schema.safeParse(text);
  return result.success ? result.data : result.error.issues[0].message;
};

describe('URL number parser', () => {
  it('reads plain decimals within the range', () => {
    const kg = urlNumber({ min: 0, max: 1_000_000 });
    expect(read(kg, '2.5')).toBe(2.5);
    expect(read(kg, '0')).toBe(0);
    expect(read(kg, '1000000')).toBe(1_000_000);
  });

  it.each(['abc', '1e3', '0x10', 'Infinity', 'NaN', '1,000', ' 5', '5.', '.5', '-5', '+5', ''])('refuses %j as not a number', (text) => {
    expect(read(urlNumber({ min: 0, max: 10 }), text)).toBe('must be a number');
  });

  it('names the limit it breaks, with the subject and unit when given', () => {
    expect(read(urlNumber({ min: 0, max: 10 }), '11')).toBe('must be ≤ 10');
    expect(read(urlNumber({ min: -180, max: 180, signed: true, name: 'longitude' }), '-200')).toBe('longitude must be ≥ -180');
    expect(read(urlNumber({ min: -180, max: 180, signed: true, name: 'longitude' }), '-12.5')).toBe(-12.5);
    expect(read(urlNumber({ min: 1, max: 100, whole: true, unit: 'km' }), '0')).toBe('must be ≥ 1 km');
    expect(read(urlNumber({ min: 1, max: 100, whole: true, unit: 'km' }), '2.5')).toBe('must be whole km');
    expect(read(urlNumber({ min: 1, max: 100, whole: true }), '2.5')).toBe('must be a whole number');
  });

  it('reports a number too long to hold as beyond the maximum', () => {
    expect(read(urlNumber({ min: 0, max: 10_000_000, whole: true }), '9'.repeat(400))).toBe('must be ≤ 10000000');
  });
});

import { describe, expect, it } from 'vitest';
import { decodeColumns, encodeColumns } from '@/lib/api/seizure-columns-codec';

describe('binary seizure columns', () => {
  it('round-trips columns and stays within 16 bytes a point', () => {
    const n = 1000;
    const columns = {
      count: n,
      positions: Float32Array.from({ length: 2 * n }, (_, i) => (i % 2 ? 40 : 68) + i / 1e4),
      kgEq: Float32Array.from({ length: n }, (_, i) => i * 0.5),
      days: Uint16Array.from({ length: n }, (_, i) => 19_000 + i),
      substance: Uint8Array.from({ length: n }, (_, i) => i % 13),
    };
    const bytes = encodeColumns(columns, { substances: ['a', 'b'], dayEpoch: '1970-01-01' });
    expect(bytes.length / n).toBeLessThanOrEqual(16);
    const back = decodeColumns(bytes);
    expect(back.count).toBe(n);
    expect(back.header.substances).toEqual(['a', 'b']);
    expect([...back.positions]).toEqual([...columns.positions]);
    expect([...back.kgEq]).toEqual([...columns.kgEq]);
    expect([...back.days]).toEqual([...columns.days]);
    expect([...back.substance]).toEqual([...columns.substance]);
  });

  it('rejects a buffer that is not in the format', () => {
    expect(() => decodeColumns(new TextEncoder().encode('{"type":"FeatureCollection"}'))).toThrow(/not a BLO1/);
  });
});

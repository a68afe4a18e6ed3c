import { describe, expect, it } from 'vitest';
import { cellOf, cellToDecimal, decimalToCell } from '@/lib/geo/h3-cell';
import { resolutionForZoom } from '@/lib/geo/h3-resolution';

describe('H3 cells', () => {
  it('picks coarser cells for smaller zooms', () => {
    expect([3, 5, 6, 8, 12].map(resolutionForZoom)).toEqual([3, 4, 5, 6, 8]);
  });

  it('stores a cell as a decimal of the same 64 bits and reads it back', () => {
    const cell = cellOf([68.677, 40.964]);
    expect(cell).toMatch(/^88[0-9a-f]{13}$/);
    expect(decimalToCell(cellToDecimal(cell))).toBe(cell);
    expect(BigInt(cellToDecimal(cell))).toBeLessThan(2n ** 63n);
  });
});

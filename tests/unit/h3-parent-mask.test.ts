import { cellToParent, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { parentMasks } from '../../lib/h3-parent-mask';
import { cellToDecimal, resolutionForZoom } from '../../lib/h3-cell';
import { createRandom } from '../../lib/random';

/** PostgreSQL bigint arithmetic: (cell & clear) | set on signed 64-bit values. */
const parentBySql = (cell: string, resolution: number) => {
  const { clear, set } = parentMasks(resolution);
  const value = BigInt.asIntN(64, BigInt(cellToDecimal(cell)));
  return BigInt.asUintN(64, (value & clear) | set).toString(16);
};

describe('H3 parent by bit masks', () => {
  it('equals h3-js cellToParent for 2000 random points at every coarser resolution', () => {
    const rnd = createRandom(42);
    for (let i = 0; i < 2000; i++) {
      const cell = latLngToCell(35 + 20 * rnd.next(), 50 + 35 * rnd.next(), 8);
      for (let r = 0; r <= 8; r++) expect(parentBySql(cell, r)).toBe(cellToParent(cell, r));
    }
  });

  it('picks coarser cells for smaller zooms', () => {
    expect([3, 5, 6, 8, 12].map(resolutionForZoom)).toEqual([3, 4, 5, 6, 8]);
  });
});

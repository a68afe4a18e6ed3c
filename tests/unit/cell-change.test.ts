import { describe, expect, it } from 'vitest';
import type { HotspotCell } from '@/lib/api/api-types';
import { cellChanges, largestChange } from '@/lib/map/cell-change';
import { CHANGE_RAMP, WITHHELD_COLOR } from '@/lib/map/colors';
import { dashboardLayers } from '@/lib/map/dashboard-layers';
import * as cellLayers from '@/lib/map/cell-layers';

const cell = (id: string, count: number | null, kgEq: number | null = count === null ? null : count * 2): HotspotCell =>
  ({
    cell: id,
    ...(count === null ? { count: null, kgEq: null, valueUsd: null, suppressed: true } : { count, kgEq, valueUsd: 0 }),
    topSubstance: null,
    firstSeizedOn: null,
    lastSeizedOn: null,
    centroid: [69, 41],
  }) as HotspotCell;

describe('cellChanges', () => {
  // By hand: a 10 → 4 (−6), b 3 → 8 (+5), c only now 2 (+2), d only before 7 (−7), e 5 → 5 (0).
  const now = [cell('a', 4), cell('b', 8), cell('c', 2), cell('e', 5)];
  const before = [cell('a', 10), cell('b', 3), cell('d', 7), cell('e', 5)];

  it('is this period minus the comparison, cell by cell, a cell missing from one period counting 0 there', () => {
    const changes = cellChanges(now, before);
    expect(Object.fromEntries(changes.map((c) => [c.cell, [c.now, c.before, c.change]]))).toEqual({
      a: [4, 10, -6],
      b: [8, 3, 5],
      c: [2, 0, 2],
      d: [0, 7, -7],
      e: [5, 5, 0],
    });
    expect(changes.find((c) => c.cell === 'b')?.kgChange).toBe(10);
  });

  it('lists the largest change either way first, and its size is the scale', () => {
    const changes = cellChanges(now, before);
    expect(changes.map((c) => c.cell)).toEqual(['d', 'a', 'b', 'c', 'e']);
    expect(largestChange(changes)).toBe(7);
    expect(largestChange([])).toBe(1);
  });

  it('knows no change for a cell withheld in either period', () => {
    const changes = cellChanges([cell('a', null), cell('b', 6)], [cell('a', 9), cell('b', null)]);
    expect(changes.map((c) => [c.cell, c.change, c.kgChange])).toEqual([
      ['a', null, null],
      ['b', null, null],
    ]);
    expect(largestChange(changes)).toBe(1);
  });

  it('gives the same array for the same two answers (deck.gl keeps the layer)', () => {
    expect(cellChanges(now, before)).toBe(cellChanges(now, before));
  });
});

describe('the change layer', () => {
  it('is drawn above the hexagons, purple for the largest fall, orange for the largest rise, grey when withheld', () => {
    const cells = cellChanges([cell('a', 4), cell('b', 8), cell('w', null)], [cell('a', 10), cell('b', 2)]);
    const layers = dashboardLayers(
      {
        layers: ['hexagons', 'changes'],
        cells: [cell('a', 4)],
        changes: { cells, scale: largestChange(cells) },
        flows: undefined,
        points: undefined,
        tileTemplate: null,
        onTilesLoaded: () => {},
        visible: null,
        catchment: null,
      },
      cellLayers,
    );
    expect(layers.map((l) => l.id)).toEqual(['hotspot-hexagons', 'change-hexagons']);
    const fill = (layers[1].props as unknown as { getFillColor: (c: unknown) => number[] }).getFillColor;
    const rgb = (id: string) => fill(cells.find((c) => c.cell === id)).slice(0, 3);
    // Both changes are 6 (a: −6, b: +6), the scale's ends.
    expect(rgb('a')).toEqual(CHANGE_RAMP[0]);
    expect(rgb('b')).toEqual(CHANGE_RAMP[4]);
    expect(rgb('w')).toEqual(WITHHELD_COLOR);
  });
});

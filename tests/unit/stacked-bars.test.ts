import { describe, expect, it } from 'vitest';
import { barScale, stackedBarPaths } from '@/lib/chart/stacked-bars';
import type { MonthRow } from '@/lib/time/month-table';

const row = (month: string, kg: Record<string, number>): MonthRow => ({
  month,
  count: Object.keys(kg).length,
  kgEq: Object.values(kg).reduce((a, b) => a + b, 0),
  bySubstance: Object.fromEntries(Object.entries(kg).map(([code, kgEq]) => [code, { count: 1, kgEq }])),
  withheld: 0,
});

// A plot 100 wide and 50 tall from (10, 5): two months → columns 50 wide; 0..100 kg-eq → 0.5 unit per kg.
const BOX = { left: 10, top: 5, width: 100, height: 50 };

describe('the chart’s stacked bars', () => {
  it('stack each month’s substances in the catalogue’s order from the axis up, one path per substance and side of the period', () => {
    const rows = [row('2024-01-01', { hashish: 20, heroin: 40 }), row('2024-02-01', { heroin: 100 })];
    const paths = stackedBarPaths(rows, { from: '2024-02-01', to: '2024-02-29' }, barScale(rows.length, 100, BOX));
    // January is outside the period: heroin (first in the catalogue) from the axis (y 55) up 40 kg = 20 units
    // to y 35; hashish on top of it, 20 kg = 10 units, y 25..35. Columns: x 10.5, width 49 (half a unit each side).
    // February, inside: heroin 100 kg fills the plot, y 5..55, from x 60.5.
    expect(paths).toEqual([
      { substance: 'heroin', outside: true, d: 'M10.5 35h49v20h-49z' },
      { substance: 'hashish', outside: true, d: 'M10.5 25h49v10h-49z' },
      { substance: 'heroin', outside: false, d: 'M60.5 5h49v50h-49z' },
    ]);
  });

  it('draw nothing for a month without kg-eq, keep a tiny figure at least half a unit tall, and take open periods as all months', () => {
    const rows = [row('2024-01-01', {}), row('2024-02-01', { opium: 0.01 }), row('2024-03-01', { opium: 0 })];
    const paths = stackedBarPaths(rows, { from: null, to: null }, barScale(rows.length, 100, { left: 0, top: 0, width: 90, height: 100 }));
    // Three columns of 30: February's from x 30.5, 29 wide; 0.01 kg is 0.01 units, drawn 0.5 tall from y 99.99.
    expect(paths).toEqual([{ substance: 'opium', outside: false, d: 'M30.5 99.99h29v0.5h-29z' }]);
  });

  it('place a month’s column and a figure’s height on the one scale the chart’s axis, bands and brush use', () => {
    const scale = barScale(4, 200, BOX);
    // Four months across 100 units: columns 25 wide from x 10; 200 kg-eq over 50 units: 0.25 unit per kg.
    expect(scale.column).toBe(25);
    expect([0, 1, 3].map(scale.x)).toEqual([10, 35, 85]);
    expect([0, 100, 200].map(scale.y)).toEqual([55, 30, 5]);
    expect(barScale(0, 200, BOX).column).toBe(0);
  });
});

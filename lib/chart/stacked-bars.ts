/**
 * A monthly chart's stacked bars as SVG path data: one path per substance and side of the period (the
 * months in it, the months outside it, drawn dimmed), instead of one rectangle per month and substance.
 */
import { SUBSTANCE_CODES } from '@/lib/catalogue/substances';
import { monthOverlaps, type MonthRow } from '@/lib/time/month-table';

/** The plot area, in the chart's own units. */
export interface PlotBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface BarPath {
  substance: string;
  /** The months outside the period (drawn dimmed). */
  outside: boolean;
  /** Path data: one closed rectangle per month. */
  d: string;
}

/** A monthly chart's scale: each month a column of the plot's width / months, kg-eq 0..`max` from the plot's bottom up. */
export interface BarScale {
  /** Width of one month's column. */
  column: number;
  /** Left edge of month `i`'s column. */
  x: (i: number) => number;
  /** Height in the chart of `kg` kg-eq. */
  y: (kg: number) => number;
}

export function barScale(months: number, max: number, box: PlotBox): BarScale {
  const column = months ? box.width / months : 0;
  return {
    column,
    x: (i) => box.left + i * column,
    y: (kg) => box.top + box.height - (kg / max) * box.height,
  };
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Each month a rectangle per substance with kg-eq, in its column on `scale` (half a unit of gap each side,
 * at least half a unit wide and tall), stacked in the catalogue's order from the axis up to the month's total.
 */
export function stackedBarPaths(rows: MonthRow[], period: { from: string | null; to: string | null }, scale: BarScale): BarPath[] {
  const { column, y } = scale;
  const paths = new Map<string, { substance: string; outside: boolean; d: string[] }>();
  rows.forEach((row, i) => {
    const outside = !monthOverlaps(row.month, period.from, period.to);
    const x = round2(scale.x(i) + 0.5);
    const w = round2(Math.max(0.5, column - 1));
    let stacked = 0;
    for (const substance of SUBSTANCE_CODES) {
      const kg = row.bySubstance[substance]?.kgEq ?? 0;
      if (kg <= 0) continue;
      const bottom = y(stacked);
      stacked += kg;
      const top = y(stacked);
      const key = `${substance} ${outside}`;
      if (!paths.has(key)) paths.set(key, { substance, outside, d: [] });
      paths.get(key)!.d.push(`M${x} ${round2(top)}h${w}v${round2(Math.max(0.5, bottom - top))}h${-w}z`);
    }
  });
  return [...paths.values()].map((p) => ({ ...p, d: p.d.join('') }));
}

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

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Each month a column of the plot's width / months, a rectangle per substance with kg-eq (half a unit of
 * gap each side, at least half a unit wide and tall), stacked in the catalogue's order from the axis up to
 * the month's total on a 0..`max` scale.
 */
export function stackedBarPaths(
  rows: MonthRow[],
  period: { from: string | null; to: string | null },
  max: number,
  box: PlotBox,
): BarPath[] {
  const column = rows.length ? box.width / rows.length : 0;
  const y = (v: number) => box.top + box.height - (v / max) * box.height;
  const paths = new Map<string, { substance: string; outside: boolean; d: string[] }>();
  rows.forEach((row, i) => {
    const outside = !monthOverlaps(row.month, period.from, period.to);
    const x = round2(box.left + i * column + 0.5);
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

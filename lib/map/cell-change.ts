/**
 * The change per hexagon between two periods: this period's seizures minus the comparison
 * period's, cell by cell. A cell with no seizure in one period counts 0 there; a cell whose figure
 * is withheld in either period (aggregates-only accounts) has no known change.
 */
import type { HotspotCell } from '@/lib/api/api-types';
import type { LngLat } from '@/lib/geo/lng-lat';

export interface CellChange {
  /** H3 index (hex). */
  cell: string;
  /** Where the cell's seizures are (this period's, else the comparison's). */
  centroid: LngLat;
  /** Seizures in this period and in the comparison period; null when withheld. */
  now: number | null;
  before: number | null;
  /** now − before; null when either is withheld. */
  change: number | null;
  /** kg-equivalent in each period (null when withheld), and its change. */
  kgNow: number | null;
  kgBefore: number | null;
  kgChange: number | null;
}

const kept = new WeakMap<HotspotCell[], WeakMap<HotspotCell[], CellChange[]>>();

/** Every cell with seizures in either period, the largest change (either way) first. */
export function cellChanges(now: HotspotCell[], before: HotspotCell[]): CellChange[] {
  const cached = kept.get(now)?.get(before);
  if (cached) return cached;
  const earlier = new Map(before.map((c) => [c.cell, c]));
  const out: CellChange[] = now.map((c) => {
    const b = earlier.get(c.cell);
    earlier.delete(c.cell);
    return changeOf(c.cell, c.centroid, c, b);
  });
  for (const b of earlier.values()) out.push(changeOf(b.cell, b.centroid, undefined, b));
  out.sort((a, b) => Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0) || a.cell.localeCompare(b.cell));
  if (!kept.has(now)) kept.set(now, new WeakMap());
  kept.get(now)!.set(before, out);
  return out;
}

function changeOf(cell: string, centroid: LngLat, now: HotspotCell | undefined, before: HotspotCell | undefined): CellChange {
  const count = (c: HotspotCell | undefined) => (c ? c.count : 0);
  const kg = (c: HotspotCell | undefined) => (c ? c.kgEq : 0);
  const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  return {
    cell,
    centroid,
    now: count(now),
    before: count(before),
    change: minus(count(now), count(before)),
    kgNow: kg(now),
    kgBefore: kg(before),
    kgChange: minus(kg(now), kg(before)),
  };
}

/** The largest change either way (at least 1): the two ends of the colour scale are −it and +it. */
export const largestChange = (changes: readonly CellChange[]): number => Math.max(1, ...changes.map((c) => Math.abs(c.change ?? 0)));

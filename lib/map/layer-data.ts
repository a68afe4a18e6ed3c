/**
 * What the map's deck.gl layers are made from, without deck.gl: the layers' ids, the seizures' per-point
 * attributes (worked out once per load) and the properties of a seizure tile's features. The page
 * uses these before the map's code has loaded (lib/map/map-layers.ts builds the layers from them).
 */
import type { DecodedColumns } from '@/lib/api/seizure-columns-codec';
import { substanceColor } from './colors';

export const LAYER_IDS = {
  points: 'seizure-points',
  tiles: 'seizure-tiles',
  hexagons: 'hotspot-hexagons',
  changes: 'change-hexagons',
  emerging: 'emerging-hexagons',
  routes: 'route-arcs',
} as const;

/** Pixel radius of a seizure of `kg` kg-eq: area ∝ kg above a 1.5 px floor, at most 16 px (≈ 900 kg). */
export const pointRadiusPx = (kg: number): number => Math.min(16, 1.5 + Math.sqrt(Math.max(0, kg)) * 0.5);

/** Per-point attributes derived once per load (colours and radii), for the binary scatterplot. */
export interface PointAttributes {
  count: number;
  positions: Float32Array;
  radii: Float32Array;
  colors: Uint8Array;
  days: Float32Array;
  columns: DecodedColumns;
}

export function pointAttributes(columns: DecodedColumns): PointAttributes {
  const n = columns.count;
  const radii = new Float32Array(n);
  const colors = new Uint8Array(4 * n);
  const days = new Float32Array(n);
  const palette = columns.header.substances.map((code) => substanceColor(code));
  for (let i = 0; i < n; i++) {
    radii[i] = pointRadiusPx(columns.kgEq[i]);
    const c = palette[columns.substance[i]] ?? [80, 80, 80];
    colors.set([c[0], c[1], c[2], 170], 4 * i);
    days[i] = columns.days[i];
  }
  return { count: n, positions: columns.positions, radii, colors, days, columns };
}

export interface TileProps {
  count: number;
  kg: number;
  substance: string;
  last: number;
}

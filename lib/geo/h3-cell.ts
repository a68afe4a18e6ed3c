/**
 * H3 hexagonal cells for hotspot aggregation. Each seizure stores its cell at the finest
 * resolution used (SEIZURE_CELL_RESOLUTION); coarser cells are its parents. In the database a cell
 * is the H3 index as a signed 64-bit integer (H3 indexes fit: their top bit is always 0).
 */
import { latLngToCell } from 'h3-js';
import type { LngLat } from './lng-lat';

/** Average H3 hexagon edge length by resolution, km (H3's documentation). */
export const H3_EDGE_KM = [
  1281.256, 483.057, 182.513, 68.979, 26.072, 9.854, 3.725, 1.406, 0.531, 0.201, 0.076, 0.029, 0.011, 0.004, 0.002, 0.001,
];

/** Resolution 8: hexagons of ~0.74 km², edge ~0.46 km. */
export const SEIZURE_CELL_RESOLUTION = 8;

/** H3 resolution shown at a map zoom level: about 12–20 hexagons across a 1280 px wide view. */
export function resolutionForZoom(zoom: number): number {
  const z = Math.max(0, Math.min(22, zoom));
  if (z < 4.5) return 3;
  if (z < 5.5) return 4;
  if (z < 7) return 5;
  if (z < 8.5) return 6;
  if (z < 10) return 7;
  return SEIZURE_CELL_RESOLUTION;
}

export function cellOf([lng, lat]: LngLat, resolution = SEIZURE_CELL_RESOLUTION): string {
  return latLngToCell(lat, lng, resolution);
}

/** H3 index (hex string) → decimal string of the same 64 bits, for a bigint column. */
export function cellToDecimal(cell: string): string {
  return BigInt(`0x${cell}`).toString();
}

export function decimalToCell(decimal: string | bigint): string {
  return BigInt(decimal).toString(16);
}

/**
 * The smallest whole zoom showing the same H3 resolution as `zoom`: hotspot requests use it, so
 * zooming within one resolution reuses the answer already loaded.
 */
export function hotspotZoom(zoom: number): number {
  const resolution = resolutionForZoom(Math.floor(zoom));
  for (let z = 0; z <= 22; z++) if (resolutionForZoom(z) === resolution) return z;
  return Math.floor(zoom);
}

/**
 * H3 hexagonal cells for hotspot aggregation. Each seizure stores its cell at the finest resolution
 * used (SEIZURE_CELL_RESOLUTION); coarser cells are its parents. In the database a cell is the H3
 * index as a signed 64-bit integer (H3 indexes fit: their top bit is always 0). Which resolution the
 * map shows at which zoom: ./h3-resolution.ts.
 */
import { latLngToCell } from 'h3-js';
import type { LngLat } from './lng-lat';
import { SEIZURE_CELL_RESOLUTION } from './h3-resolution';

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

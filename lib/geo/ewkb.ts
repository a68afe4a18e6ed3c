import type { LngLat } from './lng-lat';

/**
 * Decodes a PostGIS point returned as hex (E)WKB, e.g. `0101000020E6100000…`.
 * Handles both byte orders and the optional SRID flag; rejects anything but a 2D point.
 */
export function decodeEwkbPoint(hex: string): LngLat {
  const bytes = Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
  const view = new DataView(bytes.buffer);
  const little = view.getUint8(0) === 1;
  const type = view.getUint32(1, little);
  const hasSrid = (type & 0x20000000) !== 0;
  const baseType = type & 0x0fffffff;
  if (baseType !== 1 || (type & 0xc0000000) !== 0) throw new Error(`not a 2D point (type ${type.toString(16)})`);
  const offset = hasSrid ? 9 : 5;
  return [view.getFloat64(offset, little), view.getFloat64(offset + 8, little)];
}

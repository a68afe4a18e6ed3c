import { describe, expect, it } from 'vitest';
import { decodeEwkbPoint } from '@/lib/geo/ewkb';

function ewkbPoint(lng: number, lat: number, { little = true, srid = 4326 as number | null } = {}): string {
  const buf = Buffer.alloc(srid === null ? 21 : 25);
  buf.writeUInt8(little ? 1 : 0, 0);
  const type = srid === null ? 1 : 0x20000001;
  if (little) buf.writeUInt32LE(type, 1);
  else buf.writeUInt32BE(type, 1);
  let o = 5;
  if (srid !== null) {
    if (little) buf.writeUInt32LE(srid, 5);
    else buf.writeUInt32BE(srid, 5);
    o = 9;
  }
  if (little) {
    buf.writeDoubleLE(lng, o);
    buf.writeDoubleLE(lat, o + 8);
  } else {
    buf.writeDoubleBE(lng, o);
    buf.writeDoubleBE(lat, o + 8);
  }
  return buf.toString('hex').toUpperCase();
}

describe('decodeEwkbPoint', () => {
  it('reads the little-endian EWKB PostGIS returns for a 4326 point', () => {
    expect(decodeEwkbPoint('0101000020E6100000000000000000F03F0000000000000040')).toEqual([1, 2]);
    expect(decodeEwkbPoint(ewkbPoint(68.677, 40.964))).toEqual([68.677, 40.964]);
  });

  it('reads big-endian and SRID-less WKB', () => {
    expect(decodeEwkbPoint(ewkbPoint(-73.5, 42.8, { little: false }))).toEqual([-73.5, 42.8]);
    expect(decodeEwkbPoint(ewkbPoint(10, -20, { srid: null }))).toEqual([10, -20]);
  });

  it('rejects a linestring', () => {
    expect(() => decodeEwkbPoint('0102000000000000000000')).toThrow(/not a 2D point/);
  });
});

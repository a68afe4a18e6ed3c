/**
 * The binary format of `/api/seizures?format=bin`: typed columns deck.gl reads without parsing.
 * Little-endian. 15 bytes a point plus a small header:
 *   0  'BLO1'                       magic and version
 *   4  uint32 count
 *   8  uint32 header length H       JSON: substance codes by index, day epoch
 *  12  header (UTF-8 JSON, padded with spaces to a multiple of 4)
 *      float32[2·count] lng, lat   degrees, SRID 4326
 *      float32[count]   kg-eq
 *      uint16[count]    days since 1970-01-01 (UTC)
 *      uint8[count]     substance index (255 = not in the table)
 */
export const COLUMNS_MAGIC = 'BLO1';

export interface ColumnsHeader {
  substances: string[];
  dayEpoch: '1970-01-01';
}

export interface DecodedColumns {
  count: number;
  header: ColumnsHeader;
  positions: Float32Array;
  kgEq: Float32Array;
  days: Uint16Array;
  substance: Uint8Array;
}

export function encodeColumns(columns: Omit<DecodedColumns, 'header'>, header: ColumnsHeader): Uint8Array {
  const n = columns.count;
  let json = JSON.stringify(header);
  const jsonBytes = () => new TextEncoder().encode(json);
  while (jsonBytes().length % 4 !== 0) json += ' ';
  const headerBytes = jsonBytes();
  const offsets = { positions: 12 + headerBytes.length };
  const kgAt = offsets.positions + 8 * n;
  const daysAt = kgAt + 4 * n;
  const substanceAt = daysAt + 2 * n;
  const out = new Uint8Array(substanceAt + n);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode(COLUMNS_MAGIC), 0);
  view.setUint32(4, n, true);
  view.setUint32(8, headerBytes.length, true);
  out.set(headerBytes, 12);
  // Typed arrays are platform-endian; every platform this runs on is little-endian, checked here.
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('big-endian platforms are not supported');
  out.set(new Uint8Array(columns.positions.buffer, columns.positions.byteOffset, 8 * n), offsets.positions);
  out.set(new Uint8Array(columns.kgEq.buffer, columns.kgEq.byteOffset, 4 * n), kgAt);
  out.set(new Uint8Array(columns.days.buffer, columns.days.byteOffset, 2 * n), daysAt);
  out.set(columns.substance.subarray(0, n), substanceAt);
  return out;
}

export function decodeColumns(bytes: ArrayBuffer | Uint8Array): DecodedColumns {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  if (new TextDecoder().decode(u8.subarray(0, 4)) !== COLUMNS_MAGIC) throw new Error('not a BLO1 columns buffer');
  const n = view.getUint32(4, true);
  const h = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(u8.subarray(12, 12 + h))) as ColumnsHeader;
  // Copy each column into its own aligned buffer (the payload offsets need not be aligned for views).
  const take = (from: number, length: number) => u8.slice(from, from + length).buffer;
  const p = 12 + h;
  return {
    count: n,
    header,
    positions: new Float32Array(take(p, 8 * n)),
    kgEq: new Float32Array(take(p + 8 * n, 4 * n)),
    days: new Uint16Array(take(p + 12 * n, 2 * n)),
    substance: new Uint8Array(take(p + 14 * n, n)),
  };
}

/**
 * Text kept inside a PNG (iTXt chunks, UTF-8, uncompressed), so a picture pasted into a briefing
 * still carries its title, what it shows and the link back to the view. Inserted before the
 * image data; any reader that does not know them skips them, as the PNG format requires.
 */

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as PNG chunks carry it (over the chunk type and data). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One iTXt chunk: keyword (Latin letters, 1–79), then the text in UTF-8. */
function itxtChunk(keyword: string, text: string): Uint8Array {
  if (!/^[A-Za-z][A-Za-z ]{0,78}$/.test(keyword)) throw new Error(`PNG text keyword "${keyword}" is not 1–79 Latin letters`);
  const encoder = new TextEncoder();
  // keyword \0, compression flag 0, method 0, no language tag \0, no translated keyword \0, text.
  const data = new Uint8Array([...encoder.encode(keyword), 0, 0, 0, 0, 0, ...encoder.encode(text)]);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(encoder.encode('iTXt'), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

/** `png` with `texts` added as iTXt chunks right after its header chunk (IHDR). */
export function withPngText(png: Uint8Array, texts: Record<string, string>): Uint8Array {
  if (!SIGNATURE.every((b, i) => png[i] === b)) throw new Error('not a PNG');
  // The signature (8 bytes), then IHDR: 4 length + 4 type + 13 data + 4 CRC.
  const afterHeader = 8 + 25;
  const chunks = Object.entries(texts).map(([k, v]) => itxtChunk(k, v));
  const out = new Uint8Array(png.length + chunks.reduce((n, c) => n + c.length, 0));
  out.set(png.subarray(0, afterHeader), 0);
  let at = afterHeader;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(afterHeader), at);
  return out;
}

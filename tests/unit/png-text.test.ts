import { crc32 as nodeCrc32 } from 'node:zlib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { crc32, withPngText } from '@/lib/export/png-text';

/** The iTXt chunks of a PNG, read by walking its chunks (each CRC checked with Node's zlib). */
function itxt(png: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length), `CRC of ${type}`).toBe(nodeCrc32(png.subarray(at + 4, at + 8 + length)));
    if (type === 'iTXt') {
      const keyword = data.subarray(0, data.indexOf(0)).toString('latin1');
      // keyword \0 flag method language \0 translated \0 text
      const afterLanguage = data.indexOf(0, data.indexOf(0) + 3) + 1;
      const textStart = data.indexOf(0, afterLanguage) + 1;
      out[keyword] = data.subarray(textStart).toString('utf8');
    }
    at += 12 + length;
  }
  return out;
}

describe('withPngText', () => {
  const picture = PNG.sync.write(Object.assign(new PNG({ width: 3, height: 2 }), { data: Buffer.alloc(3 * 2 * 4, 200) }));

  it('computes the CRC-32 PNG chunks use', () => {
    for (const s of ['', 'IEND', 'iTXtTitle', 'Граница: 25 км']) {
      const bytes = new TextEncoder().encode(s);
      expect(crc32(bytes)).toBe(nodeCrc32(bytes));
    }
  });

  it('adds the texts, Cyrillic included, and leaves a picture every reader still decodes the same', () => {
    const texts = { Title: 'Атлас ППК — изъятия', Description: 'Зоны охвата: 25 / 12,5 км', Source: 'https://atlas.example.org/?lang=ru' };
    const out = Buffer.from(withPngText(picture, texts));
    expect(itxt(out)).toEqual(texts);
    const decoded = PNG.sync.read(out);
    expect([decoded.width, decoded.height]).toEqual([3, 2]);
    expect(decoded.data.equals(PNG.sync.read(picture).data)).toBe(true);
  });

  it('refuses what is not a PNG, and a keyword PNG does not allow', () => {
    expect(() => withPngText(new Uint8Array([1, 2, 3]), {})).toThrow('not a PNG');
    expect(() => withPngText(picture, { Ключ: 'x' })).toThrow('is not 1–79 Latin letters');
  });
});

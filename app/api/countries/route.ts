import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

let cached: Promise<{ plain: Buffer; gzip: Buffer }> | undefined;

/** The basemap's country polygons (Natural Earth 1:50m, public domain): static, cacheable by anyone. */
export async function GET(request: Request): Promise<Response> {
  cached ??= readFile(path.join(process.cwd(), 'data/countries.geojson')).then((plain) => ({ plain, gzip: gzipSync(plain) }));
  const { plain, gzip } = await cached;
  const headers = { 'Content-Type': 'application/geo+json', 'Cache-Control': 'public, max-age=86400', Vary: 'Accept-Encoding' };
  if (/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) {
    return new Response(new Uint8Array(gzip), { headers: { ...headers, 'Content-Encoding': 'gzip' } });
  }
  return new Response(new Uint8Array(plain), { headers });
}

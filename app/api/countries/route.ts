import { readRoute } from '@/app/_server/api-route';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

let cached: Promise<{ body: Buffer; etag: string }> | undefined;

/**
 * The basemap's country polygons (OpenStreetMap, ODbL; data/countries.geojson). The browser keeps
 * them but asks again on each load with their hash: new borders shipped with new post positions are
 * drawn at once, and unchanged ones cost a 304. (Next drops a route's Content-Encoding, so the file
 * is sent as it is; a compressing proxy in front shrinks it to a third.)
 */
export const GET = readRoute('view', async (request: Request): Promise<Response> => {
  cached ??= readFile(path.join(process.cwd(), 'data/countries.geojson')).then((body) => ({
    body,
    etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`,
  }));
  const { body, etag } = await cached;
  const headers = { ETag: etag, 'Cache-Control': 'private, no-cache' };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(body), { headers: { ...headers, 'Content-Type': 'application/geo+json' } });
});

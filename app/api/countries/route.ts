import { readRoute } from '@/app/_server/api-route';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

let cached: Promise<Buffer> | undefined;

/** The basemap's country polygons (Natural Earth 1:50m, public domain): static, cacheable by anyone. */
export const GET = readRoute('view', async (): Promise<Response> => {
  cached ??= readFile(path.join(process.cwd(), 'data/countries.geojson'));
  return new Response(new Uint8Array(await cached), {
    headers: { 'Content-Type': 'application/geo+json', 'Cache-Control': 'private, max-age=86400' },
  });
});

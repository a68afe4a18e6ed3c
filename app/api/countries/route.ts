import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The basemap's country polygons (Natural Earth 1:50m, public domain): static, cacheable by anyone. */
export async function GET(): Promise<Response> {
  const body = await readFile(path.join(process.cwd(), 'data/countries.geojson'));
  return new Response(body, { headers: { 'Content-Type': 'application/geo+json', 'Cache-Control': 'public, max-age=86400' } });
}

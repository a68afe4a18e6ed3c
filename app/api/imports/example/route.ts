import { readRoute } from '@/app/_server/api-route';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The example import file (data/import-example.csv), to download and fill in. */
export const GET = readRoute('import', async (): Promise<Response> => {
  const body = await readFile(path.join(process.cwd(), 'data/import-example.csv'));
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="blo-atlas-import-example.csv"',
      'Cache-Control': 'private, max-age=3600',
    },
  });
});

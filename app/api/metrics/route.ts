import { readRoute } from '@/app/_server/api-route';
import { observers } from '@/app/_server/observe';

export const dynamic = 'force-dynamic';

/** Prometheus metrics of this instance (request durations, pool, imports, cache), for admins; a scraper uses METRICS_PORT. */
export const GET = readRoute('users', async (): Promise<Response> => {
  const { registry } = observers();
  return new Response(await registry.metrics(), { headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' } });
});

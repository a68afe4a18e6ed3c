import { createServer } from 'node:http';
import { EnvError, getEnv } from '@/lib/env';
import { getDatabase } from './database';
import { announceFirstRun } from './first-run';
import { localOrigin } from '@/lib/access/auth-settings';
import { handleShutdown } from './lifecycle';
import { logger, observers } from './observe';

/**
 * Start-up: check the environment (a bad value stops the server with one line naming the
 * variable), install the shutdown handler, serve metrics on METRICS_PORT when set, then open the
 * database in the background so the first request does not wait for it, print the first-run
 * link while it has no account, and say where the app answers once its database is open.
 */
export function boot(): void {
  let env;
  try {
    env = getEnv();
  } catch (e) {
    if (e instanceof EnvError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  handleShutdown(async () => {
    const database = await getDatabase().catch(() => null);
    await database?.close();
  });
  if (env.METRICS_PORT) serveMetrics(env.METRICS_HOST, env.METRICS_PORT);
  getDatabase()
    .then(async (database) => {
      observers().poolSize.set(database.poolSize);
      await announceFirstRun(database);
      logger().info(`ready: ${env.APP_URL ?? localOrigin(env)}`);
    })
    .catch((e: unknown) => logger().error({ err: e }, `database failed to open: ${(e as Error).message}`));
}

/** `GET /metrics` in Prometheus's text format, on its own port and interface, for a scraper that holds no session. */
function serveMetrics(host: string, port: number): void {
  const { registry } = observers();
  createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/metrics') {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('only GET /metrics\n');
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'Content-Type': registry.contentType }).end(text),
      (e: unknown) => response.writeHead(500, { 'Content-Type': 'text/plain' }).end(`${(e as Error).message}\n`),
    );
  })
    .on('error', (e) => logger().error({ err: e }, `metrics port ${port}: ${e.message}`))
    .listen(port, host, () => logger().info(`metrics at http://${host}:${port}/metrics`));
}

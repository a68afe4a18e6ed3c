/**
 * What the server tells its operators: structured JSON logs (pino, one object per line on stdout;
 * one sentence a line at a terminal)
 * and Prometheus metrics (prom-client), both kept once per process on globalThis so every route
 * module shares them. Metrics are read at /api/metrics (admins) or on METRICS_PORT (app/_server/boot.ts).
 */
import pino from 'pino';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { getEnv } from '@/lib/env';
import { textLogLine } from '@/lib/log/text-line';

/** JSON lines, or at a terminal (or with LOG_FORMAT=text) one sentence a line. */
function logStream(format: 'json' | 'text' | undefined): pino.DestinationStream {
  if (format === 'json' || (format === undefined && !process.stdout.isTTY)) return process.stdout;
  return { write: (line: string) => process.stdout.write(textLogLine(line)) };
}

function createObservers() {
  const env = getEnv();
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'blo_atlas_' });
  return {
    log: pino({ level: env.LOG_LEVEL, base: { app: 'blo-atlas' }, timestamp: pino.stdTimeFunctions.isoTime }, logStream(env.LOG_FORMAT)),
    registry,
    requestSeconds: new Histogram({
      name: 'blo_atlas_http_request_duration_seconds',
      help: 'Time to answer an API request (until the answer starts), by route pattern, method and status',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    inFlight: new Gauge({
      name: 'blo_atlas_http_requests_in_flight',
      help: 'API requests being answered now',
      registers: [registry],
    }),
    poolSize: new Gauge({
      name: 'blo_atlas_db_pool_size',
      help: 'Connections the database pool may open (1 for the embedded database)',
      registers: [registry],
    }),
    dbWaiting: new Gauge({
      name: 'blo_atlas_db_requests_in_flight',
      help: 'Requests waiting on the database now (for a connection or a query); above the pool size they queue',
      registers: [registry],
    }),
    unavailable: new Counter({
      name: 'blo_atlas_db_unavailable_total',
      help: 'Requests answered 503 because the database could not answer',
      registers: [registry],
    }),
    imports: new Counter({
      name: 'blo_atlas_imports_total',
      help: 'Imports by outcome (written, dry-run, failed, aborted)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    importedRows: new Counter({
      name: 'blo_atlas_imported_rows_total',
      help: 'Seizure rows accepted by imports',
      registers: [registry],
    }),
    cache: new Counter({
      name: 'blo_atlas_answer_cache_total',
      help: 'API answers looked up in the in-process cache, by result (hit, miss)',
      labelNames: ['result'] as const,
      registers: [registry],
    }),
    cacheBytes: new Gauge({
      name: 'blo_atlas_answer_cache_bytes',
      help: 'Bytes of answers held in the in-process cache',
      registers: [registry],
    }),
  };
}

export type Observers = ReturnType<typeof createObservers>;

const KEY = Symbol.for('blo-atlas.observers');
type Holder = { [KEY]?: Observers };

export function observers(): Observers {
  const holder = globalThis as Holder;
  holder[KEY] ??= createObservers();
  return holder[KEY];
}

/** The process's logger. */
export const logger = () => observers().log;

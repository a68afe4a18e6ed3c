/**
 * Shutting down on SIGTERM or SIGINT (a container stopping, a deploy, Ctrl-C): the readiness answer
 * turns 503 so a proxy stops sending requests, new API requests are answered 503, imports under way
 * are aborted (their transaction rolls back: no partial batch), requests in flight finish, then the
 * database is closed (the embedded one flushed to its directory) and the process exits, within
 * SHUTDOWN_LIMIT_MS whatever still runs. This replaces Next.js's own handler, which exits without
 * closing the database.
 */
import { logger } from './observe';

/** The longest a stop takes: within the 10 s a container engine gives before it kills. */
const SHUTDOWN_LIMIT_MS = 8000;

const KEY = Symbol.for('blo-atlas.lifecycle');
type Holder = { [KEY]?: { stopping: AbortController; inFlight: number } };

function state() {
  const holder = globalThis as Holder;
  holder[KEY] ??= { stopping: new AbortController(), inFlight: 0 };
  return holder[KEY];
}

/** Aborted once the process has been asked to stop: long work (an import) passes it down and gives up. */
export const stoppingSignal = (): AbortSignal => state().stopping.signal;

export const isStopping = (): boolean => state().stopping.signal.aborted;

/** Counts `work` as a request in flight (answers streamed after their handler returns count too): a stop waits for it. */
export async function inFlight<T>(work: () => Promise<T>): Promise<T> {
  state().inFlight += 1;
  try {
    return await work();
  } finally {
    state().inFlight -= 1;
  }
}

/** Installs the signal handlers (once per process, from boot); `close` closes the database. */
export function handleShutdown(close: () => Promise<void>): void {
  const stop = async (signal: NodeJS.Signals) => {
    if (isStopping()) return;
    const started = Date.now();
    logger().info({ signal }, 'stopping: imports under way roll back, requests in flight finish');
    state().stopping.abort(new Error('the server is shutting down'));
    const deadline = started + SHUTDOWN_LIMIT_MS;
    while (state().inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    if (state().inFlight > 0) logger().warn({ inFlight: state().inFlight }, 'stopping: requests still running at the limit');
    const closed = await Promise.race([
      close().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((r) => setTimeout(() => r(false), Math.max(500, deadline + 1500 - Date.now()))),
    ]);
    logger().info({ ms: Date.now() - started, databaseClosed: closed }, 'stopped');
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, (s) => void stop(s));
  }
}

/**
 * Which failures mean "the database cannot answer now" (stopped, restarting, unreachable, out of
 * connections, too slow) rather than a fault in a query: the app answers those 503 with Retry-After,
 * and they pass by themselves when the server returns.
 */

/** Node's socket errors and postgres-js's own connection codes. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
]);

/**
 * SQLSTATEs: class 08 (connection exception), 53300 (too many connections), 57P01–57P03 (shut down,
 * crashed, cannot connect now: starting or in recovery), 57014 (statement timeout or cancel).
 */
const UNAVAILABLE_STATES = /^(08...|53300|57P0[123]|57014)$/;

/** Raised when the database did not answer within the app's limit (DB_TIMEOUT_MS). */
export class DatabaseTimeout extends Error {
  override name = 'DatabaseTimeout';
}

/** True when `error` (or an error it wraps, as drizzle wraps the driver's) means the database is unavailable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof DatabaseTimeout) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || UNAVAILABLE_STATES.test(code))) return true;
    // AggregateError (a host with several addresses, all refused).
    if (e instanceof AggregateError && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
  }
  return false;
}

/**
 * Around every API handler: a request id (the caller's `X-Request-Id` when it is a plain token, else
 * a new one, sent back), one JSON log line and one metric observation per request, and the rule for
 * a database that cannot answer: a 503 with `Retry-After` within DB_TIMEOUT_MS, never a 500 or a
 * hang. A request that arrives while the server stops is a 503 too.
 */
import { randomUUID } from 'node:crypto';
import { DatabaseTimeout, isDatabaseUnavailable } from '@/db/unavailable';
import { getEnv } from '@/lib/env';
import { routeLabel } from '@/lib/http/route-label';
import { inFlight, isStopping } from './lifecycle';
import { observers } from './observe';

/** Seconds a client is asked to wait before trying again. */
export const RETRY_AFTER_S = 5;

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export function unavailableResponse(message: string): Response {
  return Response.json(
    { error: { message } },
    { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': String(RETRY_AFTER_S) } },
  );
}

/** `work`, or a DatabaseTimeout once `ms` have passed (the work itself is left to end or fail on its own). */
export async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseTimeout(`the database did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The 503 for a failure that means the database cannot answer now, else null. */
export function unavailableAnswer(error: unknown): Response | null {
  if (!isDatabaseUnavailable(error)) return null;
  observers().unavailable.inc();
  return unavailableResponse(
    error instanceof DatabaseTimeout
      ? `${error.message}; try again in a few seconds`
      : 'the database is unavailable; try again in a few seconds',
  );
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** How long a read waits before its one retry after a lost connection. */
const RETRY_DELAY_MS = 250;

/**
 * A read (GET) that lost its connection (a server restarting, a connection the pool held from before
 * an outage) is asked once more after a moment: the first readers after the database returns get
 * answers, not a 503. Writes are never repeated; a statement that ran too long is not either.
 */
async function readOnceMore(request: Request, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (e) {
    if (request.method !== 'GET' || e instanceof DatabaseTimeout || !isDatabaseUnavailable(e)) throw e;
    await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
    return work();
  }
}

/** Wraps an API handler as described above. */
export function served<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const o = observers();
    const started = performance.now();
    const given = request.headers.get('x-request-id');
    const id = given && REQUEST_ID.test(given) ? given : randomUUID();
    const url = new URL(request.url);
    const route = routeLabel(url.pathname);
    o.inFlight.inc();
    let response: Response;
    try {
      if (isStopping()) response = unavailableResponse('the server is restarting; try again in a few seconds');
      else
        response = await inFlight(() =>
          withDeadline(
            readOnceMore(request, () => handler(request, context)),
            getEnv().DB_TIMEOUT_MS,
          ),
        );
    } catch (e) {
      const answer = unavailableAnswer(e);
      if (!answer) o.log.error({ id, route, err: e }, 'request failed');
      response =
        answer ?? Response.json({ error: { message: 'internal error; the request was valid and has been logged' } }, { status: 500 });
    } finally {
      o.inFlight.dec();
    }
    const ms = performance.now() - started;
    o.requestSeconds.observe({ route, method: request.method, status: String(response.status) }, ms / 1000);
    o.log.info(
      {
        id,
        method: request.method,
        route,
        status: response.status,
        ms: Math.round(ms * 10) / 10,
        dataVersion: Number(response.headers.get('data-version')) || undefined,
        cache: response.headers.get('x-cache') ?? undefined,
      },
      'request',
    );
    try {
      response.headers.set('X-Request-Id', id);
    } catch {
      // A response with immutable headers (a redirect made by Response.redirect) keeps its own.
    }
    return response;
  };
}

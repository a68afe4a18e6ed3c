/**
 * The shape every API route shares: ask the access check (401/403 before anything else is read),
 * check the query string (only known keys, each once, each
 * valid), parse the filters with the shared parser map, run a query, answer with caching headers.
 * A user's mistake is a 400 naming the parameter; only our own failures are a 500.
 *
 * Every answer names the current data version (`Data-Version`); its ETag includes the version the
 * figures are of (`asof`, else the current one), so no browser keeps figures across an import.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { FILTER_PARAM_KEYS, ParamError, parseFilters, MAX_PARAM_LENGTH, MAX_QUERY_LENGTH } from '@/lib/url/filters';
import type { ScopedFilters } from '@/lib/access/country-scope';
import type { Permission } from '@/lib/access/roles';
import { API_PARAMS, type ApiParam, type ApiParamValues } from '@/lib/url/api-params';
import type { Database } from '@/db/client';
import { currentVersion } from '@/db/data-versions';
import { getDatabase } from './database';
import { getEnv } from '@/lib/env';
import { crossSiteRefusal } from '@/lib/http/cross-site';
import { authorize, deny, permitted } from './access';
import { EventsRefused } from '@/lib/access/detail';
import type { Account } from './auth';
import { served } from './served';
import { answerKey, cachedAnswer, cachedBytes, keepAnswer, wantsFresh } from './answer-cache';
import { auditRequest } from './audit';
import { logger, observers } from './observe';

export type ApiAnswer = (
  | { json: unknown; status?: number }
  /** JSON already encoded (e.g. written by the database). */
  | { jsonText: string }
  | { bytes: Uint8Array; contentType: string }
  /** A download streamed as it is produced (exports): never cached, never held whole in memory. */
  | { stream: AsyncIterable<string>; contentType: string; fileName: string }
) & {
  /** Rows of single seizures the answer shows (null: not counted, a tile): apiRoute audits every serving of it, from the cache too. */
  auditRows?: number | null;
};

/** An answer encoded, as sent and as the answer cache keeps it. */
interface Encoded {
  body: Uint8Array;
  contentType: string;
  status: number;
}

function encode(result: Exclude<ApiAnswer, { stream: unknown }>): Encoded {
  return {
    body: 'bytes' in result ? result.bytes : new TextEncoder().encode('json' in result ? JSON.stringify(result.json) : result.jsonText),
    contentType: 'bytes' in result ? result.contentType : 'application/json; charset=utf-8',
    status: 'json' in result ? (result.status ?? 200) : 200,
  };
}

/** A download streamed as it is produced, never cached; a failure midway is logged and cuts the download. */
export function streamResponse(answer: { stream: AsyncIterable<string>; contentType: string; fileName: string }): Response {
  const encoder = new TextEncoder();
  const iterator = answer.stream[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (e) {
        logger().error({ err: e, file: answer.fileName }, 'export cut short');
        controller.error(e);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': answer.contentType,
      'Content-Disposition': `attachment; filename="${answer.fileName}"`,
      'Cache-Control': 'no-store',
    },
  });
}

export interface ApiContext<P extends ApiParam> {
  request: Request;
  database: Database;
  account: Account;
  /** The URL's filters with the account's country scope: what every query takes. */
  filters: ScopedFilters;
  params: Partial<Pick<ApiParamValues, P>>;
  path: Record<string, string>;
}

export interface ApiSpec<P extends ApiParam> {
  /**
   * What the caller must be allowed to do (lib/access/roles.ts): one permission, several, or a
   * function of the path's segments as sent (e.g. a seizures export needs `events` besides `export`).
   */
  permission: Permission | readonly Permission[] | ((path: Record<string, string>) => readonly Permission[]);
  /** Route-specific keys accepted besides the filters. */
  params?: readonly P[];
  /** Whether the answer may be cached (ETag + Cache-Control). */
  cacheable?: boolean;
  /** Validates path segments; a failure is a 400 (or the 404 the schema's message asks for). */
  path?: z.ZodType<Record<string, unknown>>;
}

export class NotFoundError extends Error {}

/**
 * The origin the browser addressed: the scheme the server saw and the Host header it sent (Next.js
 * writes `localhost` into `request.url` whatever the host, so a page opened at 127.0.0.1 would
 * otherwise look foreign to itself). A forged request cannot choose the victim's Host header.
 */
export function ownOrigin(request: Request): string {
  const url = new URL(request.url);
  return hostOrigin(url.protocol, request.headers.get('host')) ?? url.origin;
}

/** `protocol//host` for a Host header that is a host name or address and a port, nothing else; else null. */
export function hostOrigin(protocol: string, host: string | null): string | null {
  return host && /^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? `${protocol}//${host.toLowerCase()}` : null;
}

/** Origins besides the request's own that may write: a proxy's (TRUSTED_ORIGINS) and the public one (APP_URL). */
function trustedOrigins(): string[] {
  const { TRUSTED_ORIGINS, APP_URL } = getEnv();
  return APP_URL ? [...TRUSTED_ORIGINS, APP_URL] : TRUSTED_ORIGINS;
}

/**
 * The one check on every request that changes state: a write from another site is a 403 before
 * anything is read or written (lib/http/cross-site.ts says which requests that is).
 */
export function refuseCrossSite(request: Request): Response | null {
  const reason = crossSiteRefusal({
    method: request.method,
    ownOrigin: ownOrigin(request),
    origin: request.headers.get('origin'),
    secFetchSite: request.headers.get('sec-fetch-site'),
    trustedOrigins: trustedOrigins(),
  });
  return reason === null ? null : errorResponse(403, null, reason);
}

/** Wraps a write that needs no account (signing in): it still refuses cross-site requests. */
export function publicWriteRoute<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return served(async (request: Request, context: C): Promise<Response> => refuseCrossSite(request) ?? handler(request, context));
}

/** A handler that is given the account allowed to call it. */
type Handler<C> = (request: Request, context: C, account: Account) => Promise<Response>;

/** Wraps a handler that reads: only an account with `permission` reaches it (401/403 otherwise). */
export function readRoute<C>(permission: Permission, handler: Handler<C>) {
  return served(authorized(permission, handler));
}

/** `handler` behind the access check: only an account with `permission` reaches it. */
function authorized<C>(permission: Permission, handler: Handler<C>) {
  return async (request: Request, context: C): Promise<Response> => {
    const account = await authorize(request, permission);
    return account instanceof Response ? account : handler(request, context, account);
  };
}

/**
 * Wraps every handler that changes state (POST, PUT, PATCH, DELETE): cross-site requests never
 * reach it, and only an account with `permission` does.
 */
export function writeRoute<C>(permission: Permission, handler: Handler<C>) {
  const allowed = authorized(permission, handler);
  return served(async (request: Request, context: C): Promise<Response> => refuseCrossSite(request) ?? allowed(request, context));
}

/**
 * A JSON request body read with `schema`: the value, or a 400 naming the first field at fault.
 * `whole(message)` words the error when the body as a whole is wrong (not JSON, not an object, a
 * rule across fields).
 */
export async function readJsonBody<T>(request: Request, schema: z.ZodType<T>, whole: (message: string) => string): Promise<T | Response> {
  const parsed = schema.safeParse(await request.json().catch(() => null));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue.path.length === 0) return errorResponse(400, 'body', whole(issue.message));
  const param = String(issue.path[0]);
  return errorResponse(400, param, `${param} ${issue.message}`);
}

export function errorResponse(status: number, param: string | null, message: string, more: Record<string, unknown> = {}): Response {
  return Response.json({ error: { ...(param ? { param } : {}), message, ...more } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

function readParams<P extends ApiParam>(search: URLSearchParams, allowed: readonly P[]): Partial<Pick<ApiParamValues, P>> {
  const known = new Set<string>([...FILTER_PARAM_KEYS, ...allowed]);
  for (const key of new Set(search.keys())) {
    if (!known.has(key)) throw new ParamError(key.slice(0, 40), `unknown parameter (accepted: ${[...known].join(', ')})`);
  }
  const values: Partial<Record<P, unknown>> = {};
  for (const key of allowed) {
    const all = search.getAll(key);
    if (all.length === 0 || all[0] === '') continue;
    if (all.length > 1) throw new ParamError(key, 'given more than once');
    if (all[0].length > MAX_PARAM_LENGTH) throw new ParamError(key, `longer than ${MAX_PARAM_LENGTH} characters`);
    const result = API_PARAMS[key].safeParse(all[0]);
    if (!result.success) throw new ParamError(key, result.error.issues[0].message);
    values[key] = result.data;
  }
  return values as Partial<Pick<ApiParamValues, P>>;
}

function answer(request: Request, { body, contentType, status }: Encoded, cacheable: boolean, version: number): Response {
  const headers = new Headers({ 'Content-Type': contentType });
  if (cacheable && status === 200) {
    const etag = `"v${version}-${createHash('sha1').update(body).digest('base64url')}"`;
    headers.set('ETag', etag);
    // Law-enforcement data: browsers may keep it, shared caches never. Always revalidated (a 304
    // when unchanged), so figures are current the moment an import lands.
    headers.set('Cache-Control', 'private, no-cache');
    // Answers differ by account (its country scope).
    headers.set('Vary', 'Cookie');
    const wanted = request.headers.get('if-none-match');
    if (
      wanted &&
      wanted
        .split(',')
        .map((t) => t.trim().replace(/^W\//, ''))
        .includes(etag)
    ) {
      return new Response(null, { status: 304, headers });
    }
  } else {
    headers.set('Cache-Control', 'no-store');
  }
  return new Response(body as BodyInit, { status, headers });
}

/** A GET handler, and its answer for an account a page has already signed in (its first questions, answered with its HTML). */
export type ApiHandler = ((request: Request, context?: { params?: Promise<Record<string, string>> }) => Promise<Response>) & {
  /** The answer `request` would get from `account`: the same permission check, parameters, cache and headers. */
  answerFor(request: Request, account: Account, path?: Record<string, string>): Promise<Response>;
};

/** Builds a GET handler from a spec and a function from parsed input to an answer. */
export function apiRoute<P extends ApiParam = never>(spec: ApiSpec<P>, run: (ctx: ApiContext<P>) => Promise<ApiAnswer>): ApiHandler {
  const needs = (path: Record<string, string>) => (typeof spec.permission === 'function' ? spec.permission(path) : spec.permission);
  const answerFor = async (request: Request, account: Account, rawPath: Record<string, string> = {}): Promise<Response> => {
    const allowed = permitted(request, account, needs(rawPath));
    return allowed instanceof Response ? allowed : respond(spec, run, request, allowed, rawPath, performance.now());
  };
  const handler = served(async (request: Request, context?: { params?: Promise<Record<string, string>> }): Promise<Response> => {
    const started = performance.now();
    const rawPath = (await context?.params) ?? {};
    const account = await authorize(request, needs(rawPath));
    return account instanceof Response ? account : respond(spec, run, request, account, rawPath, started);
  });
  return Object.assign(handler, { answerFor });
}

/** The answer to a request from an account allowed to ask it: parameters checked, figures read (or kept), headers set. */
async function respond<P extends ApiParam>(
  spec: ApiSpec<P>,
  run: (ctx: ApiContext<P>) => Promise<ApiAnswer>,
  request: Request,
  account: Account,
  rawPath: Record<string, string>,
  started: number,
): Promise<Response> {
  let ctx: Omit<ApiContext<P>, 'database' | 'request' | 'account'>;
  try {
    const url = new URL(request.url);
    if (url.search.length > MAX_QUERY_LENGTH) return errorResponse(414, null, `query string longer than ${MAX_QUERY_LENGTH} characters`);
    let path: Record<string, string> = rawPath;
    if (spec.path) {
      const parsed = spec.path.safeParse(rawPath);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const param = issue.path.length ? String(issue.path[0]) : Object.keys(rawPath).join('/');
        const notFound = issue.message.startsWith('is not a known');
        return errorResponse(notFound ? 404 : 400, param, `${param} ${issue.message}`);
      }
      path = parsed.data as Record<string, string>;
    }
    ctx = {
      filters: { ...parseFilters(url.searchParams), scope: account.scope, detail: account.detail },
      params: readParams(url.searchParams, spec.params ?? []),
      path,
    };
  } catch (e) {
    if (e instanceof ParamError) return errorResponse(400, e.param, e.message);
    if (e instanceof URIError) return errorResponse(400, null, 'malformed query string');
    throw e;
  }
  const waiting = observers().dbWaiting;
  waiting.inc();
  try {
    const primary = await getDatabase();
    const queried = performance.now();
    const { asOf } = ctx.filters;
    // Questions go to the read replica when there is one. The version first, the figures after, both
    // from the same place: an answer is never older than the version it is kept under.
    let database: Database = primary.reader === primary.db ? primary : { ...primary, db: primary.reader };
    let current = await currentVersion(database.db);
    if (asOf !== null && asOf > current && database !== primary) {
      // A link pinned to a version the replica has not received yet: the primary has it.
      database = primary;
      current = await currentVersion(database.db);
    }
    if (asOf !== null && asOf > current)
      return errorResponse(400, 'asof', `asof: there is no data version ${asOf} (the latest is ${current})`);
    const cacheable = spec.cacheable ?? true;
    const key = cacheable ? answerKey(primary, new URL(request.url), current, ctx.filters) : null;
    const hit = key && !wantsFresh(request) ? cachedAnswer(key) : undefined;
    let encoded: Encoded;
    let auditRows: number | null | undefined;
    if (hit) {
      encoded = { body: hit.body, contentType: hit.contentType, status: 200 };
      auditRows = hit.auditRows;
    } else {
      const result = await run({ ...ctx, database, request, account });
      if ('stream' in result) return streamResponse(result);
      encoded = encode(result);
      auditRows = result.auditRows;
      if (key && encoded.status === 200) {
        keepAnswer(key, { body: encoded.body, contentType: encoded.contentType, auditRows });
        observers().cacheBytes.set(cachedBytes());
      }
    }
    if (key) observers().cache.inc({ result: hit ? 'hit' : 'miss' });
    if (auditRows !== undefined) auditRequest(request, account, 'events', { status: 200, rows: auditRows });
    const ran = performance.now();
    const response = answer(request, encoded, cacheable, asOf ?? current);
    response.headers.set('Data-Version', String(current));
    if (key) response.headers.set('X-Cache', hit ? 'hit' : 'miss');
    // Where the time went, for browsers' network panels and the benchmark.
    const ms = (a: number, b: number) => (b - a).toFixed(1);
    response.headers.set(
      'Server-Timing',
      `parse;dur=${ms(started, queried)}, db;dur=${ms(queried, ran)}, encode;dur=${ms(ran, performance.now())}`,
    );
    return response;
  } catch (e) {
    if (e instanceof ParamError) return errorResponse(400, e.param, e.message);
    if (e instanceof NotFoundError) return errorResponse(404, null, e.message);
    // A query for single seizures reached with aggregates-only detail: still a refusal.
    if (e instanceof EventsRefused) return deny(request, account, 'events', e.message);
    throw e; // served(): a 503 when the database cannot answer, else logged and a 500
  } finally {
    waiting.dec();
  }
}

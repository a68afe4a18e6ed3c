/**
 * A dashboard page's first questions answered while the page is rendered, for an account the page
 * has signed in: each goes through its API route's own answer (the same permission check,
 * parameters, cache, audit and headers) with the page request's headers, so the HTML carries the
 * same figures the browser would have asked for. An answer that fails is left out: the browser asks
 * for it and shows what went wrong as it would have.
 */
import { headers } from 'next/headers';
import type { SeededAnswer } from '@/app/_components/dashboard/seeded-answers';
import { GET as blos } from '@/app/api/blos/route';
import { GET as bloDetail } from '@/app/api/blos/[code]/route';
import { GET as bloSeizures } from '@/app/api/blos/[code]/seizures/route';
import { GET as summary } from '@/app/api/summary/route';
import { GET as timeseries } from '@/app/api/timeseries/route';
import { GET as baselines } from '@/app/api/baselines/route';
import { GET as reporting } from '@/app/api/reporting/route';
import type { ApiHandler } from './api-route';
import type { Account } from './auth';
import { logger } from './observe';

/** The routes a page may answer in place, by path (named groups are the path's segments). */
const ROUTES: readonly [RegExp, ApiHandler][] = [
  [/^\/api\/blos$/, blos],
  [/^\/api\/blos\/(?<code>[^/]+)$/, bloDetail],
  [/^\/api\/blos\/(?<code>[^/]+)\/seizures$/, bloSeizures],
  [/^\/api\/summary$/, summary],
  [/^\/api\/timeseries$/, timeseries],
  [/^\/api\/baselines$/, baselines],
  [/^\/api\/reporting$/, reporting],
];

/** Headers of the page request that would mislead an API answer (conditional requests, content negotiation). */
const DROPPED = ['if-none-match', 'if-modified-since', 'accept', 'content-type', 'content-length'];

async function answerOne(url: string, account: Account, pageHeaders: Headers): Promise<SeededAnswer | null> {
  const target = new URL(url, 'http://localhost');
  const route = ROUTES.map(([pattern, handler]) => ({ match: pattern.exec(target.pathname), handler })).find((r) => r.match);
  if (!route) throw new Error(`no route answers ${target.pathname} in a page`);
  const path = Object.fromEntries(Object.entries(route.match!.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
  const response = await route.handler.answerFor(new Request(target, { headers: pageHeaders }), account, path);
  if (response.status !== 200) return null;
  const version = Number(response.headers.get('data-version'));
  return { url, data: await response.json(), version: Number.isInteger(version) && version > 0 ? version : null };
}

/** The answers to `urls` (nulls skipped) that could be given, in order. */
export async function answersForPage(urls: readonly (string | null)[], account: Account): Promise<SeededAnswer[]> {
  const pageHeaders = new Headers(await headers());
  for (const name of DROPPED) pageHeaders.delete(name);
  const answers = await Promise.all(
    urls
      .filter((u): u is string => u !== null)
      .map((url) =>
        answerOne(url, account, pageHeaders).catch((err: unknown) => {
          logger().warn({ err, url }, 'a first answer was left to the browser');
          return null;
        }),
      ),
  );
  return answers.filter((a): a is SeededAnswer => a !== null);
}

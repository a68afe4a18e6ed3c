import { headers } from 'next/headers';
import { getEnv } from '@/lib/env';
import { hostOrigin, ownOrigin } from './api-route';

/**
 * The origin a page's absolute links use: APP_URL when the app is served under one name, else the
 * Host header the browser sent (checked as for API routes: `hostOrigin`).
 */
export async function pageOrigin(): Promise<string> {
  return getEnv().APP_URL ?? hostOrigin('http:', (await headers()).get('host')) ?? 'http://127.0.0.1:3000';
}

/**
 * The same for links an API answer carries (the link inside an export): APP_URL, else the origin
 * the request came by (`ownOrigin`), never the address the server listens on.
 */
export function requestOrigin(request: Request): string {
  return getEnv().APP_URL ?? ownOrigin(request);
}

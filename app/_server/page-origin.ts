import { headers } from 'next/headers';
import { getEnv } from '@/lib/env';
import { hostOrigin } from './api-route';

/**
 * The origin a page's absolute links use: APP_URL when the app is served under one name, else the
 * Host header the browser sent (checked as for API routes: `hostOrigin`).
 */
export async function pageOrigin(): Promise<string> {
  return getEnv().APP_URL ?? hostOrigin('http:', (await headers()).get('host')) ?? 'http://127.0.0.1:3000';
}

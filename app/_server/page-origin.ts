import { headers } from 'next/headers';
import { getEnv } from '@/lib/env';

/**
 * The origin a page's absolute links use: APP_URL when the app is served under one name, else the
 * Host header the browser sent (checked: a host name or address and a port, nothing else).
 */
export async function pageOrigin(): Promise<string> {
  const { APP_URL } = getEnv();
  if (APP_URL) return APP_URL;
  const host = (await headers()).get('host') ?? '';
  return /^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)
    ? `http://${host.toLowerCase()}`
    : 'http://127.0.0.1:3000';
}

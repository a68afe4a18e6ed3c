/**
 * Pages only: a fresh nonce and the Content-Security-Policy for every page response (Next.js puts
 * the nonce on its own scripts from the request's CSP header), and the page's language for the root
 * layout's `<html lang>` (a layout is not given the query string). API routes are left out on purpose:
 * with a proxy in front of them Next.js buffers request bodies (10 MB at most), which would cut
 * streamed imports short; their answers are JSON, files and tiles, which a CSP does not protect.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { getEnv } from '@/lib/env';
import { contentSecurityPolicy } from '@/lib/http/content-security-policy';
import { PAGE_LANGUAGE_HEADER, urlLanguage } from '@/lib/i18n/page-language';

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const style = getEnv().BASEMAP_STYLE_URL;
  const policy = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === 'development',
    basemapOrigins: style ? [new URL(style).origin] : [],
  });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', policy);
  headers.set(PAGE_LANGUAGE_HEADER, urlLanguage(request.nextUrl.pathname, request.nextUrl.searchParams));
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)',
      // Prefetches of pages carry no HTML to protect.
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};

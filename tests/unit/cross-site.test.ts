import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossSiteRefusal, type WriteRequest } from '@/lib/http/cross-site';

const OWN = 'http://localhost:3000';
const request = (over: Partial<WriteRequest>): WriteRequest => ({
  method: 'POST',
  ownOrigin: OWN,
  origin: null,
  secFetchSite: null,
  trustedOrigins: [],
  ...over,
});

describe('cross-site writes', () => {
  it('refuses a POST whose Origin is another site, an opaque origin or another port of this host', () => {
    for (const origin of ['http://evil.example', 'null', 'http://localhost:3001', 'https://localhost:3000', 'http://localhost']) {
      expect(crossSiteRefusal(request({ origin })), origin).toMatch(/only this site may write/);
    }
  });

  it('refuses a write without Origin that fetch metadata marks as from another site', () => {
    for (const secFetchSite of ['cross-site', 'same-site']) {
      expect(crossSiteRefusal(request({ secFetchSite })), secFetchSite).toMatch(/from another site/);
    }
    for (const method of ['PUT', 'PATCH', 'DELETE', 'post']) {
      expect(crossSiteRefusal(request({ method, origin: 'http://evil.example' })), method).not.toBeNull();
    }
  });

  it('lets this site, a trusted proxy origin and non-browser clients write', () => {
    expect(crossSiteRefusal(request({ origin: OWN, secFetchSite: 'same-origin' }))).toBeNull();
    expect(crossSiteRefusal(request({ origin: 'https://atlas.example.org', trustedOrigins: ['https://atlas.example.org'] }))).toBeNull();
    expect(crossSiteRefusal(request({ secFetchSite: 'same-origin' }))).toBeNull();
    expect(crossSiteRefusal(request({ secFetchSite: 'none' }))).toBeNull();
    expect(crossSiteRefusal(request({}))).toBeNull();
  });

  it('never stands in the way of reading', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      expect(crossSiteRefusal(request({ method, origin: 'http://evil.example', secFetchSite: 'cross-site' }))).toBeNull();
    }
  });

  it('guards every route handler: writes refuse cross-site requests, and every handler asks the access check', () => {
    const routes = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const p = path.join(dir, name);
        return statSync(p).isDirectory() ? routes(p) : name === 'route.ts' ? [p] : [];
      });
    // Handlers open to everyone on purpose: liveness, readiness, and signing in (whose POST is still a guarded write).
    const PUBLIC = new Set(['app/api/health/route.ts GET', 'app/api/ready/route.ts GET', 'app/api/auth/[...all]/route.ts GET']);
    const handlers = routes('app').flatMap((file) =>
      [
        ...readFileSync(file, 'utf8').matchAll(
          /export\s+(?:async\s+function|const|function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE)\b(?:\s*=\s*(\w+)\()?/g,
        ),
      ].map((m) => ({
        handler: `${file.split(path.sep).join('/')} ${m[1]}`,
        write: m[1] !== 'GET' && m[1] !== 'HEAD',
        wrapper: m[2] ?? null,
      })),
    );
    expect(handlers.length).toBeGreaterThan(15);
    const unguarded = handlers.filter(({ handler, write, wrapper }) =>
      write
        ? wrapper !== 'writeRoute' && wrapper !== 'publicWriteRoute'
        : wrapper !== 'apiRoute' && wrapper !== 'readRoute' && !(PUBLIC.has(handler) && wrapper === 'served'),
    );
    expect(unguarded).toEqual([]);
    // The open ones are still served(): logged, measured, a 503 when the database cannot answer.
    expect(handlers.filter((h) => PUBLIC.has(h.handler)).map((h) => h.wrapper)).toEqual(['served', 'served', 'served']);
    // Only sign-in and the first-run page write without an account.
    expect(handlers.filter((h) => h.wrapper === 'publicWriteRoute').map((h) => h.handler)).toEqual([
      'app/api/auth/[...all]/route.ts POST',
      'app/api/setup/route.ts POST',
    ]);
  });
});

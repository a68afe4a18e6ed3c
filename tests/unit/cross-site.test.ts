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

  it('guards every route handler that can change state', () => {
    const routes = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const p = path.join(dir, name);
        return statSync(p).isDirectory() ? routes(p) : name === 'route.ts' ? [p] : [];
      });
    const writes = routes('app').flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(/export\s+(?:async\s+function|const|function)\s+(POST|PUT|PATCH|DELETE)\b(\s*=\s*writeRoute\()?/g)].map(
        (m) => ({ file, method: m[1], guarded: m[2] !== undefined }),
      );
    });
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.filter((w) => !w.guarded)).toEqual([]);
  });
});

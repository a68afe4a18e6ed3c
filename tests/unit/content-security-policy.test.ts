import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '@/lib/http/content-security-policy';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));

describe('content security policy', () => {
  it('runs scripts only from this origin with the nonce, reads data only from here, and is never framed', () => {
    const d = directives(contentSecurityPolicy({ nonce: 'abc123==', dev: false, basemapOrigins: [] }));
    expect(d.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect([...d.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it('allows eval only under next dev, and a hosted basemap only by its origin', () => {
    expect(directives(contentSecurityPolicy({ nonce: 'n', dev: true, basemapOrigins: [] })).get('script-src')).toContain("'unsafe-eval'");
    const d = directives(contentSecurityPolicy({ nonce: 'n', dev: false, basemapOrigins: ['https://tiles.example.org'] }));
    expect(d.get('connect-src')).toEqual(["'self'", 'https://tiles.example.org']);
    expect(d.get('img-src')).toEqual(["'self'", 'blob:', 'data:', 'https://tiles.example.org']);
    expect(d.get('script-src')).not.toContain('https://tiles.example.org');
  });
});

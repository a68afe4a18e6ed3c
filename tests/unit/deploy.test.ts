/**
 * The deployment files agree with each other and with the app (no container engine runs in the test
 * environment, so the image itself is not built here): the compose file builds stages the Dockerfile
 * has, the proxy balances over the app services compose defines, and the image's health check and
 * the proxy's ask the readiness route the app serves.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const dockerfile = readFileSync('deploy/Dockerfile', 'utf8');
const caddyfile = readFileSync('deploy/Caddyfile', 'utf8');
const compose = parse(readFileSync('deploy/compose.yaml', 'utf8'), { merge: true }) as {
  services: Record<
    string,
    { build?: { context: string; dockerfile: string; target: string }; image?: string; environment?: Record<string, string> }
  >;
};

describe('deployment files', () => {
  const stages = [...dockerfile.matchAll(/^FROM \S+ AS (\S+)$/gm)].map((m) => m[1]);

  it('builds in stages and runs the standalone server as an unprivileged user, with a readiness health check', () => {
    expect(stages).toEqual(['deps', 'tools', 'build', 'app']);
    const last = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    expect(last).toMatch(/^COPY --from=build --chown=node:node \/src\/\.next\/standalone \.\/$/m);
    expect(last).toMatch(/^USER node$/m);
    expect(last).toMatch(/^HEALTHCHECK .*\n.*\/api\/ready/m);
    expect(last).toMatch(/^CMD \["node", "compressed-server\.mjs"\]$/m);
    // npm run build puts that entry point and its helper beside server.js, and precompresses the scripts.
    expect(JSON.parse(readFileSync('package.json', 'utf8')).scripts.build).toMatch(
      /precompress\.mjs \.next\/standalone\/\.next\/static && cp deploy\/compressed-server\.mjs deploy\/precompressed-files\.mjs \.next\/standalone\//,
    );
    expect(existsSync('app/api/ready/route.ts')).toBe(true);
    // npm run build writes the standalone server the image copies.
    expect(JSON.parse(readFileSync('package.json', 'utf8')).scripts.build).toContain('.next/standalone');
    expect(readFileSync('next.config.js', 'utf8')).toMatch(/output: 'standalone'/);
  });

  it('runs two app instances on one PostGIS database behind the proxy, which balances over both', () => {
    const apps = Object.entries(compose.services).filter(([, s]) => s.build?.target === 'app');
    expect(apps.map(([name]) => name)).toEqual(['app-1', 'app-2']);
    for (const [, service] of Object.entries(compose.services)) {
      if (!service.build) continue;
      expect(service.build).toMatchObject({ context: '..', dockerfile: 'deploy/Dockerfile' });
      expect(stages).toContain(service.build.target);
    }
    for (const [, app] of apps)
      expect(app.environment?.DATABASE_URL).toMatch(/^postgres:\/\/atlas:\$\{POSTGRES_PASSWORD[^}]*\}@db:5432\/blo_atlas$/);
    expect(compose.services.db.image).toMatch(/^postgis\/postgis:15-/);
    expect(caddyfile).toMatch(/reverse_proxy app-1:3000 app-2:3000 \{/);
    expect(caddyfile).toMatch(/health_uri \/api\/ready/);
    expect(caddyfile).toMatch(/encode zstd gzip/);
  });
});

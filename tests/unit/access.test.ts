import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { can, leastRoleFor, PERMISSIONS, ROLES } from '@/lib/access/roles';
import { detailFor } from '@/lib/access/detail';
import { countryScopeSchema, describeScope, inScope, scopeOf } from '@/lib/access/country-scope';
import { accessFits, newAccountSchema } from '@/lib/access/new-account';
import { safeReturnPath } from '@/lib/access/return-to';
import { hashPassword, verifyPassword } from '@/lib/access/password-hash';
import { authSettingsOf, localOrigin } from '@/lib/access/auth-settings';
import { parseEnv } from '@/lib/env';

describe('roles', () => {
  it('grants each role what the one before has and one thing more', () => {
    const table = Object.fromEntries(ROLES.map((r) => [r, PERMISSIONS.filter((p) => can(r, p))]));
    expect(table).toEqual({
      viewer: ['view', 'export'],
      analyst: ['view', 'events', 'export'],
      editor: ['view', 'events', 'export', 'import'],
      admin: ['view', 'events', 'export', 'import', 'users'],
    });
    expect(PERMISSIONS.map(leastRoleFor)).toEqual(['viewer', 'analyst', 'viewer', 'editor', 'admin']);
  });

  it('gives single seizures to analysts and above, and viewers aggregates within the settings', () => {
    const settings = { minCount: 3, maxResolution: 5 };
    expect(detailFor('viewer', settings)).toEqual({ level: 'aggregates', minCount: 3, maxResolution: 5 });
    for (const role of ['analyst', 'editor', 'admin'] as const) expect(detailFor(role, settings)).toEqual({ level: 'events' });
  });
});

describe('country scope', () => {
  it('reads all or a list of known codes, and names an unknown one', () => {
    expect(countryScopeSchema.parse('all')).toBe('all');
    expect(countryScopeSchema.parse('ALL')).toBe('all');
    expect(countryScopeSchema.parse('uz, kz,KZ')).toEqual(['KZ', 'UZ']);
    expect(countryScopeSchema.parse('')).toEqual([]);
    const bad = countryScopeSchema.safeParse('KZ,XX');
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].message).toMatch(/^unknown country XX/);
  });

  it('is default-deny: no flag and no country is nothing', () => {
    expect(scopeOf(false, [])).toEqual([]);
    expect(scopeOf(true, [])).toBe('all');
    expect(scopeOf(false, ['KZ', 'junk'])).toEqual(['KZ']);
    expect(inScope([], 'KZ')).toBe(false);
    expect(inScope(['KZ'], 'UZ')).toBe(false);
    expect(inScope('all', 'UZ')).toBe(true);
    expect(describeScope([])).toBe('no country');
  });

  it('keeps editors and admins to all countries', () => {
    expect(accessFits('analyst', ['KZ'])).toBe(true);
    expect(accessFits('viewer', [])).toBe(true);
    expect(accessFits('editor', ['KZ'])).toBe(false);
    expect(accessFits('admin', 'all')).toBe(true);
  });
});

describe('new account', () => {
  const valid = { email: ' Analyst@Example.ORG ', password: 'twelve chars!', role: 'analyst', countries: 'kz' };
  it('normalises the email and defaults the name and the countries', () => {
    expect(newAccountSchema.parse(valid)).toEqual({
      email: 'analyst@example.org',
      name: 'analyst',
      password: 'twelve chars!',
      role: 'analyst',
      scope: ['KZ'],
    });
    expect(newAccountSchema.parse({ ...valid, countries: undefined }).scope).toBe('all');
  });
  it('names what is wrong', () => {
    const issue = (over: object) => {
      const r = newAccountSchema.safeParse({ ...valid, ...over });
      return r.success ? null : `${r.error.issues[0].path.join('.')}: ${r.error.issues[0].message}`;
    };
    expect(issue({ email: 'not-an-email' })).toBe('email: is not an email address');
    expect(issue({ password: 'short' })).toBe('password: must have at least 12 characters');
    expect(issue({ role: 'root' })).toBe('role: must be one of viewer, analyst, editor, admin');
    expect(issue({ role: 'editor' })).toMatch(/^countries: must be all for an editor or admin/);
  });
});

describe('return after sign-in', () => {
  it('keeps a path of this app exactly, every key in place', () => {
    const link = '/?lang=ru&s=heroin,opium&from=2024-01-01&to=2025-12-31&blo=oybek&l=routes#map';
    expect(safeReturnPath(link)).toBe(link);
    expect(safeReturnPath('/import?lang=ru')).toBe('/import?lang=ru');
  });
  it('never leaves the app', () => {
    for (const evil of [
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      'javascript:alert(1)',
      'http:evil.example',
      '',
      null,
      undefined,
      '/sign-in?next=//evil.example',
      '/api/auth/sign-out',
    ]) {
      expect(safeReturnPath(evil), String(evil)).toBe('/');
    }
  });
});

describe('password hashing', () => {
  it('stores Argon2id at OWASP parameters, salted, and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(a, 'correct horse battery ')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});

describe('sign-in settings', () => {
  it('answers on loopback and HOST over http by default, with cookies not Secure', () => {
    const settings = authSettingsOf(parseEnv({ HOST: '10.0.0.5', PORT: '8080' }), 's'.repeat(40));
    expect(settings.baseURL).toEqual({
      allowedHosts: ['localhost:*', '127.0.0.1:*', '[::1]:*', '10.0.0.5:*', 'localhost', '127.0.0.1', '[::1]', '10.0.0.5'],
      protocol: 'http',
      fallback: 'http://10.0.0.5:8080',
    });
    expect(settings.secureCookies).toBe(false);
    expect(settings.oidc).toBeUndefined();
    expect(settings.signInLimit).toEqual({ max: 50, windowSeconds: 900 });
    expect(localOrigin({ HOST: '0.0.0.0', PORT: 3000 })).toBe('http://127.0.0.1:3000');
  });

  it('uses the public origin when given, with Secure cookies under https', () => {
    const settings = authSettingsOf(
      parseEnv({ APP_URL: 'https://atlas.example.org', TRUSTED_ORIGINS: 'https://proxy.example.org' }),
      's'.repeat(40),
    );
    expect(settings.baseURL).toBe('https://atlas.example.org');
    expect(settings.trustedOrigins).toEqual(['https://atlas.example.org', 'https://proxy.example.org']);
    expect(settings.secureCookies).toBe(true);
  });

  it('configures single sign-on from the issuer, client id and secret', () => {
    const settings = authSettingsOf(
      parseEnv({
        OIDC_ISSUER: 'https://sso.example.org/realms/blo/',
        OIDC_CLIENT_ID: 'blo-atlas',
        OIDC_CLIENT_SECRET: 's3cret',
        OIDC_LABEL: 'Keycloak',
      }),
      's'.repeat(40),
    );
    expect(settings.oidc).toEqual({
      providerId: 'sso',
      label: 'Keycloak',
      discoveryUrl: 'https://sso.example.org/realms/blo/.well-known/openid-configuration',
      clientId: 'blo-atlas',
      clientSecret: 's3cret',
    });
  });
});

describe('pages', () => {
  it('every page asks the access check, except signing in and the first-run page', () => {
    const pages = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const p = path.join(dir, name);
        return statSync(p).isDirectory() ? pages(p) : name === 'page.tsx' ? [p.split(path.sep).join('/')] : [];
      });
    const all = pages('app');
    expect(all.length).toBeGreaterThanOrEqual(5);
    const open = all.filter((p) => !/\bauthorizePage\(/.test(readFileSync(p, 'utf8')));
    expect(open.sort()).toEqual(['app/setup/page.tsx', 'app/sign-in/page.tsx']);
  });
});

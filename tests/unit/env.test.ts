import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '@/lib/env';

describe('parseEnv', () => {
  it('defaults to the embedded database in .data/pglite', () => {
    expect(parseEnv({})).toEqual({
      PGLITE_DATA_DIR: '.data/pglite',
      SEED_ROWS: 20_000,
      IMPORT_MAX_KG: 50_000,
      IMPORT_MAX_MB: 100,
      TRUSTED_ORIGINS: [],
      HOST: '127.0.0.1',
      PORT: 3000,
      SIGN_IN_MAX_ATTEMPTS: 5,
      SIGN_IN_WINDOW_MINUTES: 15,
      OIDC_LABEL: 'Single sign-on',
      MIN_CELL_COUNT: 3,
      VIEWER_MAX_H3_RESOLUTION: 5,
      DB_POOL_SIZE: 10,
      DB_TIMEOUT_MS: 5000,
      ANSWER_CACHE_MB: 64,
      LOG_LEVEL: 'info',
      METRICS_HOST: '127.0.0.1',
    });
  });

  it('reads the operations settings and names one that is wrong', () => {
    expect(
      parseEnv({ DB_POOL_SIZE: '20', DB_TIMEOUT_MS: '3000', LOG_LEVEL: 'warn', METRICS_PORT: '9464', ANSWER_CACHE_MB: '0' }),
    ).toMatchObject({
      ANSWER_CACHE_MB: 0,
      DB_POOL_SIZE: 20,
      DB_TIMEOUT_MS: 3000,
      LOG_LEVEL: 'warn',
      METRICS_PORT: 9464,
    });
    expect(() => parseEnv({ DB_TIMEOUT_MS: '100' })).toThrow(/: DB_TIMEOUT_MS .*500/);
    expect(() => parseEnv({ DB_POOL_SIZE: '0' })).toThrow(/: DB_POOL_SIZE /);
    expect(() => parseEnv({ DATABASE_READ_URL: 'postgres://replica/atlas' })).toThrow(/: DATABASE_READ_URL needs DATABASE_URL/);
    expect(parseEnv({ DATABASE_URL: 'postgres://primary/atlas', DATABASE_READ_URL: 'postgres://replica/atlas' })).toMatchObject({
      DATABASE_READ_URL: 'postgres://replica/atlas',
    });
    expect(() => parseEnv({ LOG_LEVEL: 'loud' })).toThrow(/: LOG_LEVEL /);
    expect(parseEnv({ LOG_FORMAT: 'text' })).toMatchObject({ LOG_FORMAT: 'text' });
    expect(() => parseEnv({ LOG_FORMAT: 'yaml' })).toThrow(/: LOG_FORMAT /);
    expect(() => parseEnv({ METRICS_PORT: '70000' })).toThrow(/: METRICS_PORT /);
  });

  it('reads the level-of-detail settings and names one out of range', () => {
    expect(parseEnv({ MIN_CELL_COUNT: '5', VIEWER_MAX_H3_RESOLUTION: '4', AUDIT_RETENTION_DAYS: '730' })).toMatchObject({
      MIN_CELL_COUNT: 5,
      VIEWER_MAX_H3_RESOLUTION: 4,
      AUDIT_RETENTION_DAYS: 730,
    });
    expect(() => parseEnv({ MIN_CELL_COUNT: '1' })).toThrow(/MIN_CELL_COUNT/);
    expect(() => parseEnv({ VIEWER_MAX_H3_RESOLUTION: '9' })).toThrow(/VIEWER_MAX_H3_RESOLUTION/);
  });

  it('reads the public origin and the sign-in settings, and names a bad one', () => {
    expect(parseEnv({ APP_URL: 'https://atlas.example.org', PORT: '8080', AUTH_SECRET: 'x'.repeat(32) })).toMatchObject({
      APP_URL: 'https://atlas.example.org',
      PORT: 8080,
      AUTH_SECRET: 'x'.repeat(32),
    });
    expect(() => parseEnv({ APP_URL: 'https://atlas.example.org/briefings' })).toThrow(
      /^Invalid environment: APP_URL must be a bare origin/,
    );
    expect(() => parseEnv({ AUTH_SECRET: 'short' })).toThrow('AUTH_SECRET must be at least 32 characters');
    expect(() => parseEnv({ PORT: '70000' })).toThrow(/^Invalid environment: PORT/);
    expect(() => parseEnv({ SIGN_IN_MAX_ATTEMPTS: '0' })).toThrow(/^Invalid environment: SIGN_IN_MAX_ATTEMPTS/);
  });

  it('takes single sign-on settings all together or not at all', () => {
    const oidc = { OIDC_ISSUER: 'https://sso.example.org/realms/blo', OIDC_CLIENT_ID: 'blo-atlas', OIDC_CLIENT_SECRET: 's3cret' };
    expect(parseEnv(oidc)).toMatchObject(oidc);
    expect(() => parseEnv({ OIDC_ISSUER: oidc.OIDC_ISSUER })).toThrow(
      'OIDC_CLIENT_ID must be set with OIDC_ISSUER (single sign-on needs all of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)',
    );
    expect(() => parseEnv({ ...oidc, OIDC_ISSUER: 'ldap://sso' })).toThrow(/^Invalid environment: OIDC_ISSUER/);
  });

  it('reads the trusted origins of a proxy in front, and refuses anything but bare http(s) origins', () => {
    expect(parseEnv({ TRUSTED_ORIGINS: 'https://atlas.example.org, http://10.0.0.5:8080' }).TRUSTED_ORIGINS).toEqual([
      'https://atlas.example.org',
      'http://10.0.0.5:8080',
    ]);
    for (const bad of ['https://atlas.example.org/dashboard', 'atlas.example.org', 'javascript:alert(1)', 'https://atlas.example.org/']) {
      expect(() => parseEnv({ TRUSTED_ORIGINS: bad }), bad).toThrow(/^Invalid environment: TRUSTED_ORIGINS/);
    }
    expect(() => parseEnv({ HOST: 'evil host;rm' })).toThrow(/^Invalid environment: HOST must be a host name or an IP address/);
    expect(parseEnv({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });

  it('reads the import ceilings and the basemap style, and names a bad one', () => {
    expect(parseEnv({ IMPORT_MAX_KG: '2000', BASEMAP_STYLE_URL: 'https://tiles.example.org/style.json' })).toMatchObject({
      IMPORT_MAX_KG: 2000,
      BASEMAP_STYLE_URL: 'https://tiles.example.org/style.json',
    });
    expect(() => parseEnv({ IMPORT_MAX_KG: '-1' })).toThrow(/^Invalid environment: IMPORT_MAX_KG/);
    expect(() => parseEnv({ BASEMAP_STYLE_URL: 'file:///etc/passwd' })).toThrow(
      'BASEMAP_STYLE_URL must be an http(s) URL of a MapLibre style JSON',
    );
  });

  it('accepts a postgres URL and treats an empty value as unset', () => {
    expect(parseEnv({ DATABASE_URL: 'postgresql://u@127.0.0.1:5432/x' }).DATABASE_URL).toBe('postgresql://u@127.0.0.1:5432/x');
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ DATABASE_URL: 'notaurl' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'http://example.invalid/db' }, 'DATABASE_URL'],
    [{ SEED_ROWS: 'many' }, 'SEED_ROWS'],
    [{ SEED_ROWS: '-5' }, 'SEED_ROWS'],
  ])('rejects %j with one line naming %s', (source, variable) => {
    let error: unknown;
    try {
      parseEnv(source);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    expect(message).toContain(variable);
    expect(message).not.toContain('\n');
  });

  it('does not echo a bad DATABASE_URL back (it may hold a password)', () => {
    expect(() => parseEnv({ DATABASE_URL: 'ftp://user:secret@host/db' })).toThrow(/^(?!.*secret).*$/);
  });
});

describe('a command started with a bad environment', () => {
  it('exits 1 at once with one line naming the variable', async () => {
    const run = promisify(execFile);
    const result = await run('npx', ['tsx', 'db/cli/seed.ts'], {
      env: { ...process.env, DATABASE_URL: 'notaurl' },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('DATABASE_URL');
  });
});

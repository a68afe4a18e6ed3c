/**
 * The process environment, parsed once by zod. The only module that reads `process.env`.
 * A bad value stops start-up with one line naming the variable.
 */
import { z } from 'zod';

const postgresUrl = z.string().refine((v) => {
  try {
    return ['postgres:', 'postgresql:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
}, 'must be a postgres:// or postgresql:// URL');

/** A bare http(s) origin: scheme://host[:port], no path. */
const origin = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) origin such as https://atlas.example.org' })
  .refine((o) => URL.canParse(o) && new URL(o).origin === o, 'must be a bare origin (scheme://host[:port], no path)');

const OIDC_KEYS = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;

export const envSchema = z
  .object({
    /** When set, the app uses this PostgreSQL + PostGIS server instead of the embedded database. */
    DATABASE_URL: postgresUrl.optional(),
    /**
     * A read replica of that server: the dashboard's questions (every GET of apiRoute) are answered
     * there; sign-in, writes and what must be current (imports, accounts, audit) stay on DATABASE_URL.
     */
    DATABASE_READ_URL: postgresUrl.optional(),
    /** Connections each app instance keeps to the server database. */
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /**
     * How long, in ms, the app waits on the server database: to connect, for a free connection, and
     * for one statement. Past it the request is answered 503 with Retry-After, never left hanging.
     */
    DB_TIMEOUT_MS: z.coerce.number().int().min(500).max(600_000).default(5000),
    /**
     * Megabytes of API answers each instance keeps in memory (keyed by data version and access, so
     * never stale); 0 turns the cache off.
     */
    ANSWER_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
    /** Least level of the log lines written to stdout. */
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** How log lines are written: `json` (one object a line) or `text` (one sentence a line); unset: text at a terminal, else JSON. */
    LOG_FORMAT: z.enum(['json', 'text']).optional(),
    /**
     * A port on which the server also answers `GET /metrics` (Prometheus) without a session, on
     * METRICS_HOST only; unset: metrics only at /api/metrics, for admins.
     */
    METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    METRICS_HOST: z
      .string()
      .regex(/^[A-Za-z0-9.:\[\]-]{1,253}$/, 'must be a host name or an IP address')
      .default('127.0.0.1'),
    /** Directory of the embedded database; `memory://` keeps it in memory (tests). */
    PGLITE_DATA_DIR: z.string().min(1).default('.data/pglite'),
    /** Rows of synthetic seizures loaded on first start of an empty embedded database. */
    SEED_ROWS: z.coerce.number().int().min(0).max(5_000_000).default(20_000),
    /** Largest kg-equivalent one imported seizure may have; larger rows are rejected, never clamped. */
    IMPORT_MAX_KG: z.coerce.number().positive().max(10_000_000).default(50_000),
    /** Largest file the upload page accepts, megabytes. */
    IMPORT_MAX_MB: z.coerce.number().positive().max(2048).default(100),
    /**
     * Origins besides the one a request arrives at that may send writes: the public origin of a reverse
     * proxy in front of the app (comma-separated, exact `https://host[:port]`).
     */
    TRUSTED_ORIGINS: z
      .string()
      .transform((s) =>
        s
          .split(',')
          .map((o) => o.trim())
          .filter((o) => o !== ''),
      )
      .pipe(z.array(origin))
      .default([]),
    /** Interface the server listens on (`npm run dev`, `npm start`); 127.0.0.1 unless set. */
    HOST: z
      .string()
      .regex(/^[A-Za-z0-9.:\[\]-]{1,253}$/, 'must be a host name or an IP address')
      .default('127.0.0.1'),
    /** Port the server listens on (`npm run dev`, `npm start`). */
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /**
     * The app's public origin (`https://atlas.example.org`) when it is served under one name, e.g.
     * behind a reverse proxy: links it prints use it, and cookies are Secure when it is https.
     */
    APP_URL: origin.optional(),
    /** Signs session cookies (32+ characters). When unset, one is generated once and kept in the database. */
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /**
     * Failed sign-ins allowed per account within SIGN_IN_WINDOW_MINUTES, then 429 for that account
     * whatever the address; one client address may make ten times as many attempts.
     */
    SIGN_IN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(5),
    SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    /** Single sign-on through OpenID Connect (e.g. a Keycloak realm's URL): all three or none. */
    OIDC_ISSUER: z.url({ protocol: /^https?$/, message: 'must be the http(s) URL of an OpenID Connect issuer' }).optional(),
    OIDC_CLIENT_ID: z.string().min(1).max(200).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).max(500).optional(),
    /** The new account's password for `npm run user:add` (else it asks); nothing else reads it. */
    USER_PASSWORD: z.string().optional(),
    /** The sign-in button's label for single sign-on. */
    OIDC_LABEL: z.string().min(1).max(60).default('Single sign-on'),
    /**
     * Viewers see aggregates only: a figure built from fewer seizures than this is withheld
     * ("fewer than 3"), with what secondary suppression adds.
     */
    MIN_CELL_COUNT: z.coerce.number().int().min(2).max(100).default(3),
    /** The finest H3 resolution of hexagons a viewer gets, whatever the zoom (5: ~250 km² cells). */
    VIEWER_MAX_H3_RESOLUTION: z.coerce.number().int().min(0).max(8).default(5),
    /**
     * Days the audit log is meant to keep; `npm run audit:archive` without `--before` archives what
     * is older. Unset: kept forever (the app itself never deletes an audit row).
     */
    AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).optional(),
    /**
     * The marking line printed at the top and bottom of every briefing page, as the organisation
     * words it ("For official use only"); unset: that phrase in the briefing's language(s).
     */
    BRIEF_MARKING: z.string().trim().min(1).max(120, 'must be at most 120 characters').optional(),
    /** A hosted MapLibre style (https) to draw under the data instead of the offline basemap. */
    BASEMAP_STYLE_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL of a MapLibre style JSON' }).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_READ_URL && !env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_READ_URL'], message: 'needs DATABASE_URL (the replica of which server?)' });
    }
    const set = OIDC_KEYS.filter((k) => env[k] !== undefined);
    if (set.length > 0 && set.length < OIDC_KEYS.length) {
      const missing = OIDC_KEYS.filter((k) => env[k] === undefined);
      ctx.addIssue({
        code: 'custom',
        path: [missing[0]],
        message: `must be set with ${set.join(', ')} (single sign-on needs all of ${OIDC_KEYS.join(', ')})`,
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = 'EnvError';
}

/** Parses an environment; throws an `EnvError` whose message is one line naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty string means "not set" (e.g. `DATABASE_URL= npm run dev`).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
  throw new EnvError(`Invalid environment: ${problems.join('; ')}`);
}

let cached: Env | undefined;

/** The environment of this process, parsed on first use. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

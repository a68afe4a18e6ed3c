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

export const envSchema = z.object({
  /** When set, the app uses this PostgreSQL + PostGIS server instead of the embedded database. */
  DATABASE_URL: postgresUrl.optional(),
  /** Directory of the embedded database; `memory://` keeps it in memory (tests). */
  PGLITE_DATA_DIR: z.string().min(1).default('.data/pglite'),
  /** Rows of synthetic seizures loaded on first start of an empty embedded database. */
  SEED_ROWS: z.coerce.number().int().min(0).max(5_000_000).default(20_000),
  /** Largest kg-equivalent one imported seizure may have; larger rows are rejected, never clamped. */
  IMPORT_MAX_KG: z.coerce.number().positive().max(10_000_000).default(50_000),
  /** Largest file the upload page accepts, megabytes. */
  IMPORT_MAX_MB: z.coerce.number().positive().max(2048).default(100),
  /** A hosted MapLibre style (https) to draw under the data instead of the offline basemap. */
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
    .pipe(
      z.array(
        z
          .url({ protocol: /^https?$/, message: 'must list http(s) origins such as https://atlas.example.org' })
          .refine((o) => URL.canParse(o) && new URL(o).origin === o, 'must list bare origins (scheme://host[:port], no path)'),
      ),
    )
    .default([]),
  /** Interface the server listens on (`npm run dev`, `npm start`); 127.0.0.1 unless set. */
  HOST: z
    .string()
    .regex(/^[A-Za-z0-9.:\[\]-]{1,253}$/, 'must be a host name or an IP address')
    .default('127.0.0.1'),
  BASEMAP_STYLE_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL of a MapLibre style JSON' }).optional(),
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

/**
 * Accounts and sessions. The tables better-auth reads and writes through its drizzle adapter
 * (export name = its model name, property = its field name), plus what BLO Atlas adds: each
 * account's role and country scope, the one-time first-run link, and failed sign-ins per account.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { ROLES } from '@/lib/access/roles';

const tz = (name: string) => timestamp(name, { withTimezone: true });

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email').notNull().unique(),
    emailVerified: boolean('email_verified').default(false).notNull(),
    image: text('image'),
    createdAt: tz('created_at').defaultNow().notNull(),
    updatedAt: tz('updated_at').defaultNow().notNull(),
    role: text('role').notNull().default('viewer'),
    /** Disabled accounts (better-auth's admin plugin calls it a ban): no sign-in, sessions revoked. */
    banned: boolean('banned').default(false),
    banReason: text('ban_reason'),
    banExpires: tz('ban_expires'),
    /** Sees every country; else only `countries` (ISO alpha-2), and nothing when that is empty. */
    allCountries: boolean('all_countries').notNull().default(false),
    countries: text('countries')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  () => [check('users_role', sql.raw(`role IN (${ROLES.map((r) => `'${r}'`).join(', ')})`))],
);

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    expiresAt: tz('expires_at').notNull(),
    token: text('token').notNull().unique(),
    createdAt: tz('created_at').defaultNow().notNull(),
    updatedAt: tz('updated_at').notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    impersonatedBy: text('impersonated_by'),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)],
);

export const accounts = pgTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: tz('access_token_expires_at'),
    refreshTokenExpiresAt: tz('refresh_token_expires_at'),
    scope: text('scope'),
    /** Argon2id hash in PHC format (lib/access/password-hash.ts). */
    password: text('password'),
    createdAt: tz('created_at').defaultNow().notNull(),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [index('accounts_user_id_idx').on(t.userId)],
);

export const verifications = pgTable(
  'verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: tz('expires_at').notNull(),
    createdAt: tz('created_at').defaultNow().notNull(),
    updatedAt: tz('updated_at').defaultNow().notNull(),
  },
  (t) => [index('verifications_identifier_idx').on(t.identifier)],
);

/** better-auth's request limiter, kept in the database so it holds across app instances. */
export const rateLimits = pgTable('rate_limits', {
  id: text('id').primaryKey(),
  key: text('key').notNull().unique(),
  count: integer('count').notNull(),
  lastRequest: bigint('last_request', { mode: 'number' }).notNull(),
});

/** Failed sign-ins per account (lower-cased email), whatever address they come from. */
export const signInFailures = pgTable('sign_in_failures', {
  email: text('email').primaryKey(),
  failures: integer('failures').notNull(),
  firstFailedAt: tz('first_failed_at').notNull(),
});

/** The one-time link that creates the first admin: only its SHA-256 is kept. */
export const firstRunTokens = pgTable('first_run_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  expiresAt: tz('expires_at').notNull(),
  usedAt: tz('used_at'),
});

/** Values the app generates once and every instance shares (the session-signing secret). */
export const appSecrets = pgTable('app_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: tz('created_at').defaultNow().notNull(),
});

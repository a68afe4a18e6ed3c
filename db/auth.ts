/**
 * Sign-in, built on better-auth with its drizzle adapter on our own drizzle handle, so the same
 * tables and migrations serve the embedded database and a server. Email and password only (plus
 * single sign-on when configured); no public sign-up: admins create accounts. Sessions live in the
 * database (revocable); the request limiter keeps its state there too, so it holds across instances.
 * This module never reads the environment: the caller passes `AuthSettings`.
 */
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { admin, genericOAuth } from 'better-auth/plugins';
import { createAccessControl } from 'better-auth/plugins/access';
import { adminAc, defaultStatements } from 'better-auth/plugins/admin/access';
import type { Db } from '@/db/client';
import * as schema from '@/db/schema';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, verifyPassword } from '@/lib/access/password-hash';
import type { Role } from '@/lib/access/roles';
import type { AuthSettings } from '@/lib/access/auth-settings';

/** Session length and how often its expiry slides forward. */
const SESSION_DAYS = 7;

const ac = createAccessControl(defaultStatements);
/** better-auth's admin plugin must know every role, else it accepts any string as one. */
const AUTH_ROLES: Record<Role, ReturnType<typeof ac.newRole>> = {
  viewer: ac.newRole({ user: [], session: [] }),
  analyst: ac.newRole({ user: [], session: [] }),
  editor: ac.newRole({ user: [], session: [] }),
  admin: adminAc,
};

export function createAuth(db: Db, settings: AuthSettings) {
  return betterAuth({
    appName: 'BLO Atlas',
    baseURL: settings.baseURL,
    secret: settings.secret,
    trustedOrigins: settings.trustedOrigins,
    database: drizzleAdapter(db, { provider: 'pg', schema, transaction: true }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      password: { hash: hashPassword, verify: ({ hash, password }) => verifyPassword(hash, password) },
      revokeSessionsOnPasswordReset: true,
    },
    user: {
      modelName: 'users',
      additionalFields: {
        allCountries: { type: 'boolean', required: false, defaultValue: false, input: false },
        countries: { type: 'string[]', required: false, defaultValue: [], input: false },
      },
    },
    session: { modelName: 'sessions', expiresIn: SESSION_DAYS * 24 * 3600, updateAge: 24 * 3600 },
    account: {
      modelName: 'accounts',
      // Single sign-on attaches to the account an admin created with the same email; nothing else links.
      accountLinking: { enabled: settings.oidc !== undefined, trustedProviders: settings.oidc ? [settings.oidc.providerId] : [] },
    },
    verification: { modelName: 'verifications' },
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'rateLimits',
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': { window: settings.signInLimit.windowSeconds, max: settings.signInLimit.max },
        // Every page and API request reads the session; it is not a guess at a password.
        '/get-session': false,
      },
    },
    advanced: {
      useSecureCookies: settings.secureCookies,
      // better-auth leaves these off when NODE_ENV is "test"; they stay on here whatever the environment.
      disableCSRFCheck: false,
      disableOriginCheck: false,
    },
    plugins: [
      admin({ defaultRole: 'viewer', adminRoles: ['admin'], ac, roles: AUTH_ROLES }),
      ...(settings.oidc
        ? [
            genericOAuth({
              config: [
                {
                  providerId: settings.oidc.providerId,
                  discoveryUrl: settings.oidc.discoveryUrl,
                  clientId: settings.oidc.clientId,
                  clientSecret: settings.oidc.clientSecret,
                  scopes: ['openid', 'email', 'profile'],
                  pkce: true,
                  // Only accounts an admin created may sign in: single sign-on never creates one.
                  disableImplicitSignUp: true,
                },
              ],
            }),
          ]
        : []),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

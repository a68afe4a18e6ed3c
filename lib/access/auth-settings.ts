/**
 * What sign-in needs from the environment, decided in one place: the origin(s) the app answers on,
 * whether cookies are Secure, the sign-in limit, and single sign-on when configured.
 */
import type { Env } from '@/lib/env';

/** A single sign-on provider (OpenID Connect, e.g. a Keycloak realm). */
export interface OidcSettings {
  providerId: string;
  label: string;
  discoveryUrl: string;
  clientId: string;
  clientSecret: string;
}

export interface AuthSettings {
  /** Signs session cookies; at least 32 characters. */
  secret: string;
  /** The app's public origin when known; else the hosts a request may name (checked against this list). */
  baseURL: string | { allowedHosts: string[]; protocol: 'http' | 'https'; fallback: string };
  /** Origins allowed to send writes besides the app's own (a reverse proxy's public origin). */
  trustedOrigins: string[];
  /** Secure cookies (with the `__Secure-` prefix): when the app is served over https. */
  secureCookies: boolean;
  oidc?: OidcSettings;
  /** Sign-in attempts per client address and window (better-auth's limiter), successful ones included. */
  signInLimit: { max: number; windowSeconds: number };
}

/** Sign-in attempts one client address may make, as a multiple of the failures one account may have. */
export const ADDRESS_FACTOR = 10;

/** The provider id in callback URLs: `/api/auth/oauth2/callback/sso`. */
export const OIDC_PROVIDER_ID = 'sso';

/** A host as URLs write it: an IPv6 address in brackets. */
const urlHost = (host: string): string => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::']);

/** Hosts a local server answers on: loopback names and the configured HOST, on any port. */
function localHosts(host: string): string[] {
  const hosts = new Set(['localhost', '127.0.0.1', '[::1]']);
  if (!WILDCARD_HOSTS.has(host)) hosts.add(urlHost(host));
  return [...hosts].map((h) => `${h}:*`).concat([...hosts]);
}

/** Where this server can be reached on this machine: http://HOST:PORT, loopback for a wildcard HOST. */
export function localOrigin(env: Pick<Env, 'HOST' | 'PORT'>): string {
  const host = env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST === '::' ? '[::1]' : urlHost(env.HOST);
  return `http://${host}:${env.PORT}`;
}

export function authSettingsOf(env: Env, secret: string): AuthSettings {
  const trusted = env.TRUSTED_ORIGINS;
  const https = env.APP_URL?.startsWith('https:') ?? false;
  return {
    secret,
    baseURL: env.APP_URL ?? {
      allowedHosts: [...localHosts(env.HOST), ...trusted.map((o) => new URL(o).host)],
      protocol: 'http',
      // For calls made outside a request (creating accounts from the command line).
      fallback: localOrigin(env),
    },
    trustedOrigins: [...(env.APP_URL ? [env.APP_URL] : []), ...trusted],
    secureCookies: https,
    // An office shares one address: it may sign in ten times as often as one account may fail.
    signInLimit: { max: env.SIGN_IN_MAX_ATTEMPTS * ADDRESS_FACTOR, windowSeconds: env.SIGN_IN_WINDOW_MINUTES * 60 },
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
        ? {
            providerId: OIDC_PROVIDER_ID,
            label: env.OIDC_LABEL,
            discoveryUrl: `${env.OIDC_ISSUER.replace(/\/+$/, '')}/.well-known/openid-configuration`,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
          }
        : undefined,
  };
}

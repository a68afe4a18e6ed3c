/**
 * Sign-in, sign-out and the session, served by better-auth under /api/auth/*. Only the endpoints
 * the app uses are reachable (others, such as its user-admin API, answer 404: /api/admin/* is the
 * way, through the access check). Failed sign-ins are also counted per account, so a guesser who
 * changes address still meets the limit.
 */
import { z } from 'zod';
import { toNextJsHandler } from 'better-auth/next-js';
import { errorResponse, publicWriteRoute, readJsonBody } from '@/app/_server/api-route';
import { currentAccount, getAuth } from '@/app/_server/auth';
import { auditRequest } from '@/app/_server/audit';
import { databaseAnswers, getDatabase } from '@/app/_server/database';
import { clearSignInFailures, isSignInLocked, recordSignInFailure } from '@/db/queries/accounts';
import { OIDC_PROVIDER_ID } from '@/lib/access/auth-settings';
import { MAX_PASSWORD_LENGTH } from '@/lib/access/password-hash';
import { roleSchema } from '@/lib/access/roles';
import { getEnv } from '@/lib/env';
import { served, unavailableResponse } from '@/app/_server/served';

export const dynamic = 'force-dynamic';

const handler = toNextJsHandler(async (request: Request) => (await getAuth()).handler(request));

/** Endpoints served, by method, as paths under /api/auth. */
function isServed(method: string, endpoint: string): boolean {
  const sso = getEnv().OIDC_ISSUER !== undefined;
  if (method === 'GET') return endpoint === '/get-session' || (sso && endpoint === `/oauth2/callback/${OIDC_PROVIDER_ID}`);
  return (
    endpoint === '/sign-in/email' ||
    endpoint === '/sign-out' ||
    // Sign-out on every device, for the account signed in.
    endpoint === '/revoke-sessions' ||
    (sso && endpoint === '/sign-in/oauth2')
  );
}

const endpointOf = (request: Request) => new URL(request.url).pathname.replace(/^\/api\/auth/, '');

const signInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254, 'is longer than 254 characters').pipe(z.email('is not an email address')),
  password: z.string().min(1, 'is required').max(MAX_PASSWORD_LENGTH, `is longer than ${MAX_PASSWORD_LENGTH} characters`),
  rememberMe: z.boolean().optional(),
});

const signedInUserSchema = z.object({ user: z.object({ id: z.string(), email: z.string(), role: roleSchema }) });

async function signIn(request: Request): Promise<Response> {
  const body = await readJsonBody(request, signInSchema, () => 'the body must be JSON: {"email": …, "password": …}');
  if (body instanceof Response) return body;
  const { email } = body;
  const env = getEnv();
  const windowSeconds = env.SIGN_IN_WINDOW_MINUTES * 60;
  const { db } = await getDatabase();
  if (await isSignInLocked(db, email, env.SIGN_IN_MAX_ATTEMPTS, windowSeconds)) {
    auditRequest(request, null, 'sign-in-failed', { email, target: email, params: { locked: true }, status: 429 });
    return Response.json(
      { error: { message: `too many failed sign-ins for this account: try again in ${env.SIGN_IN_WINDOW_MINUTES} minutes` } },
      { status: 429, headers: { 'Retry-After': String(windowSeconds), 'Cache-Control': 'no-store' } },
    );
  }
  const headers = new Headers(request.headers);
  headers.delete('content-length');
  const response = await outage(await handler.POST(new Request(request.url, { method: 'POST', headers, body: JSON.stringify(body) })));
  if (response.status === 401) await recordSignInFailure(db, email, windowSeconds);
  if (!response.ok) {
    auditRequest(request, null, 'sign-in-failed', { email, target: email, params: {}, status: response.status });
    return response;
  }
  await clearSignInFailures(db, email);
  // Who signed in, from the sign-in service's own answer (no second lookup of the new session).
  const signedIn = signedInUserSchema.safeParse(await response.json().catch(() => null));
  auditRequest(request, signedIn.success ? signedIn.data.user : null, 'sign-in', { email, target: email, params: {}, status: 200 });
  // The session token travels only in the httpOnly cookie, never in a body a script could read.
  const answer = new Headers(response.headers);
  answer.delete('content-length');
  answer.set('Cache-Control', 'no-store');
  return Response.json({ signedIn: email }, { status: 200, headers: answer });
}

/**
 * The sign-in service answers a failure of its database as a 500 of its own: when the database
 * does not answer, that is an outage, a 503 with Retry-After like every other route's.
 */
async function outage(response: Response): Promise<Response> {
  if (response.status < 500 || (await databaseAnswers())) return response;
  return unavailableResponse('the database is unavailable; try again in a few seconds');
}

export const GET = served(async (request: Request): Promise<Response> => {
  if (!isServed('GET', endpointOf(request))) return errorResponse(404, null, 'no such endpoint');
  return outage(await handler.GET(request));
});

export const POST = publicWriteRoute(async (request: Request): Promise<Response> => {
  const endpoint = endpointOf(request);
  if (!isServed('POST', endpoint)) return errorResponse(404, null, 'no such endpoint');
  if (endpoint === '/sign-in/email') return signIn(request);
  if (endpoint !== '/sign-out' && endpoint !== '/revoke-sessions') return outage(await handler.POST(request));
  // Who signs out, read before the session goes.
  const account = await currentAccount(request.headers);
  const response = await outage(await handler.POST(request));
  if (account) {
    auditRequest(request, account, endpoint === '/sign-out' ? 'sign-out' : 'sessions-revoked', {
      target: account.email,
      params: {},
      status: response.status,
    });
  }
  return response;
});

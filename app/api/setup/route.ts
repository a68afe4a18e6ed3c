/**
 * POST /api/setup {token, email, name, password}: creates the first admin (all countries) with the
 * one-time token the server printed while the database had no account. The token is used up by the
 * first valid request; any later one, or any once an account exists, is a 403.
 */
import { z } from 'zod';
import { errorResponse, publicWriteRoute, readJsonBody } from '@/app/_server/api-route';
import { getAuth } from '@/app/_server/auth';
import { auditRequest } from '@/app/_server/audit';
import { getDatabase } from '@/app/_server/database';
import { AccountError, createAccount } from '@/db/accounts';
import { consumeFirstRunToken } from '@/db/queries/accounts';
import { displayNameSchema, emailSchema, passwordSchema } from '@/lib/access/new-account';
import { logger } from '@/app/_server/observe';

export const dynamic = 'force-dynamic';

const bodySchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'is not a first-run token'),
  email: emailSchema,
  name: displayNameSchema,
  password: passwordSchema,
});

export const POST = publicWriteRoute(async (request: Request): Promise<Response> => {
  const body = await readJsonBody(request, bodySchema, () => 'the body must be JSON: {token, email, name, password}');
  if (body instanceof Response) return body;
  const { token, email, name, password } = body;
  const { db } = await getDatabase();
  const auth = await getAuth();
  try {
    const created = await consumeFirstRunToken(db, token, async () => {
      await createAccount(db, auth, { email, name, password, role: 'admin', scope: 'all' });
    });
    if (!created) return errorResponse(403, 'token', 'this first-run link has been used or has expired');
  } catch (e) {
    if (e instanceof AccountError) return errorResponse(409, 'email', e.message);
    throw e;
  }
  logger().info({ account: email }, 'first admin created from the first-run link');
  auditRequest(request, null, 'account-created', {
    email,
    target: email,
    params: { name, role: 'admin', countries: 'all', firstRun: true },
    status: 201,
  });
  return Response.json({ created: email }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
});

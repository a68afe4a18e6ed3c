/** GET: every account (role, countries, disabled, sessions). POST: creates one. Admins only. */
import { errorResponse, readJsonBody, readRoute, writeRoute } from '@/app/_server/api-route';
import { getAuth } from '@/app/_server/auth';
import { auditRequest } from '@/app/_server/audit';
import { getDatabase } from '@/app/_server/database';
import { AccountError, createAccount } from '@/db/accounts';
import { listAccounts } from '@/db/queries/accounts';
import { newAccountSchema } from '@/lib/access/new-account';
import { logger } from '@/app/_server/observe';

export const dynamic = 'force-dynamic';

export const GET = readRoute('users', async () => {
  const { db } = await getDatabase();
  return Response.json({ accounts: await listAccounts(db) }, { headers: { 'Cache-Control': 'no-store' } });
});

export const POST = writeRoute('users', async (request, _context, admin) => {
  const parsed = await readJsonBody(request, newAccountSchema, () => 'the body must be JSON: {email, name, password, role, countries}');
  if (parsed instanceof Response) return parsed;
  const { db } = await getDatabase();
  try {
    const id = await createAccount(db, await getAuth(), parsed);
    logger().info({ admin: admin.email, account: parsed.email, role: parsed.role }, 'account created');
    const { email, name, role, scope } = parsed;
    auditRequest(request, admin, 'account-created', { target: email, params: { name, role, countries: scope }, status: 201 });
    return Response.json({ id, email: parsed.email }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    if (e instanceof AccountError) return errorResponse(409, 'email', e.message);
    throw e;
  }
});

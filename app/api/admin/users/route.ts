/** GET: every account (role, countries, disabled, sessions). POST: creates one. Admins only. */
import { errorResponse, readRoute, writeRoute } from '@/app/_server/api-route';
import { getAuth } from '@/app/_server/auth';
import { auditRequest } from '@/app/_server/audit';
import { getDatabase } from '@/app/_server/database';
import { AccountError, createAccount } from '@/db/accounts';
import { listAccounts } from '@/db/queries/accounts';
import { newAccountSchema } from '@/lib/access/new-account';

export const dynamic = 'force-dynamic';

export const GET = readRoute('users', async () => {
  const { db } = await getDatabase();
  return Response.json({ accounts: await listAccounts(db) }, { headers: { 'Cache-Control': 'no-store' } });
});

export const POST = writeRoute('users', async (request, _context, admin) => {
  const parsed = newAccountSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = String(issue.path[0] ?? 'body');
    return errorResponse(
      400,
      param,
      issue.path.length ? `${param} ${issue.message}` : 'the body must be JSON: {email, name, password, role, countries}',
    );
  }
  const { db } = await getDatabase();
  try {
    const id = await createAccount(db, await getAuth(), parsed.data);
    console.log(`blo-atlas: ${admin.email} created ${parsed.data.role} ${parsed.data.email}`);
    const { email, name, role, scope } = parsed.data;
    auditRequest(request, admin, 'account-created', { target: email, params: { name, role, countries: scope }, status: 201 });
    return Response.json({ id, email: parsed.data.email }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    if (e instanceof AccountError) return errorResponse(409, 'email', e.message);
    throw e;
  }
});

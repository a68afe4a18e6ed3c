/**
 * PATCH /api/admin/users/ID {role?, countries?, disabled?, password?, endSessions?}: changes one
 * account. Disabling, a new password or endSessions end all its sessions. An admin cannot disable
 * or demote their own account (there would be no way back). Admins only.
 */
import { z } from 'zod';
import { errorResponse, readJsonBody, writeRoute } from '@/app/_server/api-route';
import { getAuth } from '@/app/_server/auth';
import { auditRequest } from '@/app/_server/audit';
import { getDatabase } from '@/app/_server/database';
import { endSessions, resetPassword } from '@/db/accounts';
import { getAccountSummary, setAccountAccess, setAccountDisabled } from '@/db/queries/accounts';
import { countryScopeSchema } from '@/lib/access/country-scope';
import { accessFits, passwordSchema, SCOPED_ROLE_MESSAGE } from '@/lib/access/new-account';
import { roleSchema } from '@/lib/access/roles';
import { logger } from '@/app/_server/observe';

export const dynamic = 'force-dynamic';

const changeSchema = z
  .object({
    role: roleSchema.optional(),
    countries: countryScopeSchema.optional(),
    disabled: z.boolean().optional(),
    password: passwordSchema.optional(),
    endSessions: z.literal(true).optional(),
  })
  .strict()
  .refine((c) => Object.keys(c).length > 0, 'names nothing to change (role, countries, disabled, password, endSessions)');

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const PATCH = writeRoute('users', async (request, context: { params: Promise<{ id: string }> }, admin) => {
  const id = idSchema.safeParse((await context.params).id);
  if (!id.success) return errorResponse(404, 'id', 'no such account');
  const change = await readJsonBody(request, changeSchema, (message) => `the body ${message}`);
  if (change instanceof Response) return change;
  const { db } = await getDatabase();
  const account = await getAccountSummary(db, id.data);
  if (!account) return errorResponse(404, 'id', 'no such account');
  const self = account.id === admin.id;
  if (self && (change.disabled === true || (change.role !== undefined && change.role !== 'admin'))) {
    return errorResponse(409, change.disabled ? 'disabled' : 'role', 'you cannot disable your own account or give up your own admin role');
  }
  const role = change.role ?? account.role;
  const scope = change.countries ?? account.scope;
  if (!accessFits(role, scope)) return errorResponse(400, 'countries', `countries ${SCOPED_ROLE_MESSAGE}`);
  const auth = await getAuth();
  if (change.role !== undefined || change.countries !== undefined) await setAccountAccess(db, account.id, role, scope);
  if (change.disabled !== undefined) await setAccountDisabled(db, account.id, change.disabled);
  if (change.password !== undefined) await resetPassword(auth, account.id, change.password);
  if (change.disabled === true || change.endSessions) await endSessions(auth, account.id);
  logger().info({ admin: admin.email, account: account.email, changed: Object.keys(change) }, 'account changed');
  // What changed, never the new password itself.
  const { password, ...shown } = change;
  auditRequest(request, admin, 'account-changed', {
    target: account.email,
    params: {
      ...shown,
      ...(password !== undefined ? { password: 'reset' } : {}),
      before: { role: account.role, countries: account.scope, disabled: account.disabled },
    },
    status: 200,
  });
  return Response.json({ account: await getAccountSummary(db, account.id) }, { headers: { 'Cache-Control': 'no-store' } });
});

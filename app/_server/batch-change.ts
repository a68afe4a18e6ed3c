/**
 * The handler of POST /api/imports/{batch}/undo and /reimport: one transaction and one data version
 * each, audited. The routes wrap it in `writeRoute('import', …)`: refused cross-site, editors and admins only.
 */
import { z } from 'zod';
import { errorResponse } from './api-route';
import type { Account } from './auth';
import { auditRequest } from './audit';
import { getDatabase } from './database';
import { BatchNotFound, BatchStateError, reimportBatch, undoImport } from '@/db/undo-import';
import { isDatabaseUnavailable } from '@/db/unavailable';
import { logger } from './observe';

const batchSchema = z
  .string()
  .regex(/^\d{1,12}$/, 'must be a batch number')
  .transform(Number);

const CHANGES = {
  undo: { run: undoImport, action: 'import-undone' },
  reimport: { run: reimportBatch, action: 'import-reimported' },
} as const;

export function batchChange(change: keyof typeof CHANGES) {
  const { run, action } = CHANGES[change];
  return async (request: Request, context: { params: Promise<{ batch: string }> }, account: Account): Promise<Response> => {
    if (new URL(request.url).search.length > 1) return errorResponse(400, null, `${change} takes no parameters`);
    const parsed = batchSchema.safeParse((await context.params).batch);
    if (!parsed.success) return errorResponse(400, 'batch', `batch ${parsed.error.issues[0].message}`);
    const batch = parsed.data;
    try {
      const result = await run(await getDatabase(), batch, account.email);
      auditRequest(request, account, action, {
        target: `batch ${batch}`,
        params: { ...result },
        status: 200,
        rows: result.added + result.removed,
      });
      return Response.json(result, { headers: { 'Cache-Control': 'no-store' } });
    } catch (e) {
      if (e instanceof BatchNotFound) return errorResponse(404, 'batch', e.message);
      if (e instanceof BatchStateError) {
        auditRequest(request, account, action, { target: `batch ${batch}`, params: { refused: e.message }, status: 409 });
        return errorResponse(409, 'batch', e.message);
      }
      if (isDatabaseUnavailable(e)) throw e; // served(): a 503
      logger().error({ err: e, batch }, `${change} failed`);
      return errorResponse(500, null, `the ${change} failed on our side; nothing was changed`);
    }
  };
}

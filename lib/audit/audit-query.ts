/** The audit log's query keys (GET /api/audit), each checked; unknown keys are refused. */
import { z } from 'zod';
import { isoDateSchema } from '@/lib/time/dates';
import { AUDIT_ACTIONS } from './audit-event';

export const MAX_AUDIT_PAGE = 500;

export const auditQuerySchema = z
  .object({
    /** The acting account's email (exact, case-insensitive). */
    actor: z.string().trim().toLowerCase().min(1).max(254, 'is longer than 254 characters').optional(),
    action: z.enum(AUDIT_ACTIONS, `must be one of ${AUDIT_ACTIONS.join(', ')}`).optional(),
    /** Days, inclusive, UTC. */
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    /** Text anywhere in the target, the email or the parameters. */
    q: z.string().trim().min(1).max(100, 'is longer than 100 characters').optional(),
    /** Keyset paging: events older than this id (the `next` of the previous page). */
    before: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').positive('must be positive').optional(),
    limit: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1).max(MAX_AUDIT_PAGE).default(100),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['from'], message: 'is after to' });

export type AuditQuery = z.infer<typeof auditQuerySchema>;

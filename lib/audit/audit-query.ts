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

export const AUDIT_QUERY_KEYS = ['actor', 'action', 'from', 'to', 'q', 'before', 'limit'] as const;

/**
 * Reads the audit log's keys from a query string: the query, and the keys as given (for links and
 * for the audit row of a download); or the first key at fault with a one-line message. `ignore`:
 * keys that belong to the page, not to the query (its language).
 */
export function parseAuditQuery(
  search: URLSearchParams,
  ignore: readonly string[] = [],
): { query: AuditQuery; raw: Record<string, string> } | { param: string; message: string } {
  const raw: Record<string, string> = {};
  for (const key of new Set(search.keys())) {
    if (ignore.includes(key)) continue;
    const name = key.slice(0, 40);
    if (search.getAll(key).length > 1) return { param: name, message: `${name} given more than once` };
    const value = search.get(key)!;
    if (value !== '') raw[key] = value;
  }
  const parsed = auditQuerySchema.safeParse(raw);
  if (parsed.success) return { query: parsed.data, raw };
  const issue = parsed.error.issues[0];
  const unknown = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const param = String(unknown ?? issue.path[0] ?? 'query').slice(0, 40);
  const message = unknown !== undefined ? `unknown parameter (accepted: ${AUDIT_QUERY_KEYS.join(', ')})` : issue.message;
  return { param, message: `${param} ${message}` };
}

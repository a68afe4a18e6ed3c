/**
 * What the audit log records: who did what, to what, with which parameters, and what came of it.
 * One row per event; the table refuses UPDATE, DELETE and TRUNCATE (migration 0011), save for the
 * archive command, which records itself (`audit-archived`).
 */
export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'sessions-revoked',
  'account-created',
  'account-changed',
  'import',
  'import-dry-run',
  'import-undone',
  'import-reimported',
  'export',
  'events',
  'denied',
  'audit-archived',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEvent {
  /** Set only when the id was reserved before the event was complete (an export names it in the file). */
  id?: number;
  action: AuditAction;
  /** The account acting, when known (a failed sign-in has only the email tried). */
  accountId: string | null;
  email: string | null;
  role: string | null;
  /** What was acted on: a route, an account's email, an import's file name. */
  target: string;
  /** The filters or parameters, as given (never a password). */
  params: Record<string, unknown>;
  /** The HTTP status answered. */
  status: number;
  /** Rows returned, written or imported, where that means something. */
  rows: number | null;
  /** The client's address as the server saw it, and its user agent. */
  address: string | null;
  userAgent: string | null;
}

/** One audit row as GET /api/audit answers it. */
export interface AuditEntry extends AuditEvent {
  id: number;
  /** ISO 8601, UTC. */
  at: string;
}

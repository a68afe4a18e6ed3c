/**
 * The audit log's writer. Events are queued and written together, one INSERT per half second (or
 * per 100 events), so a request never waits for its audit row; each keeps the time it happened.
 * `flushAudit` writes what is queued now (tests, shutdown).
 */
import { insertAuditEvents } from '@/db/queries/audit';
import type { AuditAction, AuditEvent } from '@/lib/audit/audit-event';
import type { Account } from './auth';
import { getDatabase } from './database';
import { logger } from './observe';

const FLUSH_MS = 500;
const FLUSH_SIZE = 100;

const KEY = Symbol.for('blo-atlas.audit-queue');
type Queue = { events: (AuditEvent & { at: Date })[]; timer: ReturnType<typeof setTimeout> | null; writing: Promise<void> };
const queue = ((globalThis as Record<symbol, Queue | undefined>)[KEY] ??= { events: [], timer: null, writing: Promise.resolve() });

export function flushAudit(): Promise<void> {
  if (queue.timer) clearTimeout(queue.timer);
  queue.timer = null;
  const batch = queue.events.splice(0);
  queue.writing = queue.writing.then(async () => {
    if (batch.length === 0) return;
    try {
      await insertAuditEvents((await getDatabase()).db, batch);
    } catch (e) {
      // Never lost silently: the server log keeps what the table could not.
      logger().error({ err: e, events: batch }, `audit: ${batch.length} events not written`);
    }
  });
  return queue.writing;
}

/** Queues `event`, stamped now unless it says when it happened (`at`). */
export function recordAudit(event: AuditEvent & { at?: Date }): void {
  queue.events.push({ at: new Date(), ...event });
  if (queue.events.length >= FLUSH_SIZE) void flushAudit();
  else if (!queue.timer) {
    queue.timer = setTimeout(() => void flushAudit(), FLUSH_MS);
    queue.timer.unref?.();
  }
}

/** The client's address as this server saw it (the first `x-forwarded-for` hop), and its user agent. */
export function clientOf(request: Request): Pick<AuditEvent, 'address' | 'userAgent'> {
  const forwarded = request.headers.get('x-forwarded-for');
  return {
    address: forwarded ? forwarded.split(',')[0].trim().slice(0, 64) : null,
    userAgent: request.headers.get('user-agent')?.slice(0, 300) ?? null,
  };
}

/** An event by `account` (or nobody) about `request`. */
export function auditRequest(
  request: Request,
  account: Pick<Account, 'id' | 'email' | 'role'> | null,
  action: AuditAction,
  fields: {
    target?: string;
    params?: Record<string, unknown>;
    status: number;
    rows?: number | null;
    email?: string | null;
    /** A reserved id, and when the event began (exports). */
    id?: number;
    at?: Date;
  },
): void {
  recordAudit({
    ...(fields.id === undefined ? {} : { id: fields.id }),
    ...(fields.at === undefined ? {} : { at: fields.at }),
    action,
    accountId: account?.id ?? null,
    email: account?.email ?? fields.email ?? null,
    role: account?.role ?? null,
    target: fields.target ?? new URL(request.url).pathname,
    params: fields.params ?? Object.fromEntries(new URL(request.url).searchParams),
    status: fields.status,
    rows: fields.rows ?? null,
    ...clientOf(request),
  });
}

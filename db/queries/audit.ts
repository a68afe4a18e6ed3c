/** The audit log: writing many events in one statement (the app batches them), and reading it back. */
import { and, desc, eq, gte, ilike, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { AuditAction, AuditEntry, AuditEvent } from '@/lib/audit/audit-event';
import type { AuditQuery } from '@/lib/audit/audit-query';
import { rowsOf } from '@/db/result-rows';

export async function insertAuditEvents(db: Db, events: readonly (AuditEvent & { at: Date })[]): Promise<void> {
  if (events.length === 0) return;
  await db.insert(auditLog).values(events.map((e) => ({ ...e })));
}

/**
 * An id for an audit row written later: an export names its entry in the file's first lines,
 * before the rows it will count are written.
 */
export async function reserveAuditId(db: Db): Promise<number> {
  const result = await db.execute(sql`SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))::bigint AS id`);
  return Number(rowsOf<{ id: string | number }>(result)[0].id);
}

/** Newest first, filtered; `next` is the id to pass as `before` for the page after, or null at the end. */
export async function listAuditEvents(db: Db, query: AuditQuery): Promise<{ events: AuditEntry[]; next: number | null }> {
  const like = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const conditions = [
    query.before !== undefined ? lt(auditLog.id, query.before) : undefined,
    query.actor ? sql`lower(${auditLog.email}) = ${query.actor}` : undefined,
    query.action ? eq(auditLog.action, query.action) : undefined,
    query.from ? gte(auditLog.at, sql`${query.from}::date`) : undefined,
    query.to ? lt(auditLog.at, sql`${query.to}::date + 1`) : undefined,
    like ? or(ilike(auditLog.target, like), ilike(auditLog.email, like), sql`${auditLog.params}::text ILIKE ${like}`) : undefined,
  ];
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    events: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      accountId: r.accountId,
      email: r.email,
      role: r.role,
      action: r.action as AuditAction,
      target: r.target,
      params: r.params as Record<string, unknown>,
      status: r.status,
      rows: r.rows,
      address: r.address,
      userAgent: r.userAgent,
    })),
    next: rows.length > query.limit ? page[page.length - 1].id : null,
  };
}

/** Every row the query selects, newest first, a page at a time (keyset: never one huge result). */
export async function* streamAuditEvents(db: Db, query: Omit<AuditQuery, 'limit'>, pageSize = 1000): AsyncGenerator<AuditEntry[]> {
  let before = query.before;
  for (;;) {
    const page = await listAuditEvents(db, { ...query, before, limit: pageSize });
    if (page.events.length) yield page.events;
    if (page.next === null) return;
    before = page.next;
  }
}

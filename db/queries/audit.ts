/** Writing the audit log: many events in one statement (the app batches them). */
import type { Db } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { AuditEvent } from '@/lib/audit/audit-event';

export async function insertAuditEvents(db: Db, events: readonly (AuditEvent & { at: Date })[]): Promise<void> {
  if (events.length === 0) return;
  await db.insert(auditLog).values(events.map((e) => ({ ...e })));
}

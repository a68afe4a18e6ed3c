/** The audit log: append-only (migration 0011 adds the triggers that refuse UPDATE, DELETE and TRUNCATE). */
import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { AUDIT_ACTIONS } from '@/lib/audit/audit-event';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    accountId: text('account_id'),
    email: text('email'),
    role: text('role'),
    action: text('action').notNull(),
    target: text('target').notNull(),
    params: jsonb('params').notNull().default({}),
    status: integer('status').notNull(),
    rows: integer('rows'),
    address: text('address'),
    userAgent: text('user_agent'),
  },
  (t) => [
    check('audit_log_action', sql.raw(`action IN (${AUDIT_ACTIONS.map((a) => `'${a}'`).join(', ')})`)),
    index('audit_log_at').on(t.at),
    index('audit_log_account_at').on(t.accountId, t.at),
  ],
);

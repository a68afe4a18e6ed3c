/**
 * The audit log as CSV: one line per row, with the dashboard link of what an export took. Text that
 * came from outside (an email tried at sign-in, a search) never starts a cell as a spreadsheet
 * formula: such a cell gets a leading apostrophe.
 */
import { toCsvLine } from '@/lib/csv/csv-line';
import type { AuditEntry } from './audit-event';
import { auditViewPath } from './audit-view';

export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'email',
  'role',
  'action',
  'target',
  'status',
  'rows',
  'address',
  'user_agent',
  'params',
  'view',
] as const;

/** A cell a spreadsheet would read as a formula (=, +, -, @, tab, return first), defused. */
export const safeCell = (s: string | null): string | null => (s !== null && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

export function auditCsvRow(entry: AuditEntry, origin: string): string {
  const view = auditViewPath(entry);
  return toCsvLine([
    entry.id,
    entry.at,
    safeCell(entry.email),
    entry.role,
    entry.action,
    safeCell(entry.target),
    entry.status,
    entry.rows,
    entry.address,
    safeCell(entry.userAgent),
    safeCell(JSON.stringify(entry.params)),
    view === null ? null : `${origin}${view}`,
  ]);
}

/**
 * The dashboard view an audit row came from: an export's or a single-seizure request's filters (and
 * the page's own keys, for a map picture) as a dashboard link, so the audit page can reopen exactly
 * what was taken.
 */
import { DASHBOARD_PARAM_KEYS } from '@/lib/url/view-state';
import type { AuditEntry } from './audit-event';

/** `/?…` for rows that carry a view (exports, single seizures), else null. */
export function auditViewPath(entry: Pick<AuditEntry, 'action' | 'target' | 'params'>): string | null {
  if (entry.action !== 'export' && entry.action !== 'events') return null;
  // A post's seizures: the view with that post selected.
  const post = /^\/api\/blos\/([a-z0-9-]+)\/seizures$/.exec(entry.target)?.[1];
  const given: Record<string, unknown> = post ? { sel: post, ...entry.params } : entry.params;
  // In the dashboard's own key order (the database keeps JSON keys in an order of its own).
  const params = new URLSearchParams();
  for (const key of DASHBOARD_PARAM_KEYS) {
    const value = given[key];
    if (typeof value === 'string') params.set(key, value);
  }
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

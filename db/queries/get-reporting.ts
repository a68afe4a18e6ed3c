/**
 * The reporting grid: every post the account sees, month by month, as seizures, nil report or no
 * report (listPostMonths), over the whole span of what the account sees.
 */
import { and, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { blos, reportingCoverage, seizures } from '@/db/schema';
import { rowsOf } from '@/db/result-rows';
import { listPostMonths } from './list-post-months';
import { everythingVisible, filterConditions, scopeCondition, visibleAt } from './filter-conditions';
import type { ScopedFilters } from '@/lib/access/country-scope';
import type { ReportingAnswer } from '@/lib/api/api-types';
import { encodeStatuses } from '@/lib/analysis/completeness';
import { monthEnd, monthStart } from '@/lib/time/dates';

export async function getReporting(db: Db, filters: ScopedFilters): Promise<ReportingAnswer> {
  const [span] = rowsOf<{ first: string | null; last: string | null }>(
    await db.execute(sql`
      SELECT least(s.first, c.first)::text AS first, greatest(s.last, c.last)::text AS last
        FROM (SELECT min(${seizures.seizedOn}) AS first, max(${seizures.seizedOn}) AS last
                FROM ${seizures} WHERE ${filterConditions(everythingVisible(filters))}) s,
             (SELECT min(${reportingCoverage.month}) AS first, max(${reportingCoverage.month}) AS last
                FROM ${reportingCoverage}
               WHERE ${and(
                 visibleAt(filters.asOf, reportingCoverage.addedIn, reportingCoverage.removedIn),
                 sql`${reportingCoverage.post} IN (SELECT ${blos.code} FROM ${blos} WHERE ${scopeCondition(filters.scope, blos.country)})`,
               )}) c`),
  );
  if (!span?.first || !span.last) return { from: null, to: null, posts: [] };
  const from = monthStart(String(span.first));
  const to = monthStart(String(span.last));
  const statuses = await listPostMonths(db, filters, { from, to: monthEnd(to) }, { figures: false });
  return { from, to, posts: [...statuses].map(([code, months]) => ({ code, months: encodeStatuses(months.map((m) => m.status)) })) };
}

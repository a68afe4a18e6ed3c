/**
 * What changed a view since a pinned data version: the later versions whose seizures fall inside
 * the view's filters, and the net change they made (count and kg-eq). A row added after the pin
 * counts +1 for the version that added it (if still current); a row of the pin removed since counts
 * −1 for the version that removed it. Read through the indexes on added_in and removed_in, so it
 * costs what changed, not what the table holds.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rowsOf } from '@/db/result-rows';
import { seizures } from '@/db/schema';
import { getDataVersion, currentVersion } from '@/db/data-versions';
import { filterConditions, type FilterColumns } from './filter-conditions';
import type { ScopedFilters } from '@/lib/access/country-scope';
import type { RevisionsAnswer } from '@/lib/api/api-types';

/** `seizures` without its version columns: the view's filters alone, visibility is chosen below. */
const VIEW_COLUMNS: FilterColumns = {
  substance: seizures.substance,
  synthetic: seizures.synthetic,
  country: seizures.country,
  nearestBlo: seizures.nearestBlo,
  transport: seizures.transport,
  concealment: seizures.concealment,
  seizedOn: seizures.seizedOn,
  kgEq: seizures.kgEq,
  geom: seizures.geom,
};

export async function getRevisions(db: Db, filters: ScopedFilters & { asOf: number }): Promise<RevisionsAnswer> {
  const [pinned, current] = await Promise.all([getDataVersion(db, filters.asOf), currentVersion(db)]);
  // Versions are numbered from 1 without gaps, and the route checked `asof` against the latest.
  if (!pinned) throw new Error(`there is no data version ${filters.asOf}`);
  const view = filterConditions(filters, filters, VIEW_COLUMNS) ?? sql`true`;
  const v = filters.asOf;
  const result = await db.execute(sql`
    SELECT d.id, d.action, d.note, d.created_at, c.count, c.kg_eq
      FROM (SELECT version, sum(sign)::int AS count, sum(sign * kg_eq) AS kg_eq
              FROM (SELECT ${seizures.addedIn} AS version, 1 AS sign, ${seizures.kgEq} AS kg_eq FROM ${seizures}
                     WHERE ${seizures.addedIn} > ${v} AND ${seizures.removedIn} IS NULL AND ${view}
                    UNION ALL
                    SELECT ${seizures.removedIn}, -1, ${seizures.kgEq} FROM ${seizures}
                     WHERE ${seizures.removedIn} > ${v} AND ${seizures.addedIn} <= ${v} AND ${view}) changed
             GROUP BY version) c
      JOIN data_versions d ON d.id = c.version
     ORDER BY d.id`);
  const versions = rowsOf<Record<string, unknown>>(result).map((r) => ({
    id: Number(r.id),
    action: String(r.action) as RevisionsAnswer['changes']['versions'][number]['action'],
    note: String(r.note),
    at: new Date(String(r.created_at)).toISOString(),
    count: Number(r.count),
    kgEq: Number(r.kg_eq),
  }));
  const count = versions.reduce((t, x) => t + x.count, 0);
  const kgEq = versions.reduce((t, x) => t + x.kgEq, 0);
  const { detail } = filters;
  // Aggregates only: per-version deltas are single seizures in all but name; the net change is
  // shown only when it moves at least the smallest count shown elsewhere.
  const withheld = detail.level === 'aggregates' && Math.abs(count) < detail.minCount;
  return {
    asOf: pinned,
    current,
    changes: {
      versions: versions.map((x) => (detail.level === 'aggregates' ? { ...x, count: null, kgEq: null } : x)),
      count: withheld ? null : count,
      kgEq: withheld ? null : kgEq,
    },
  };
}

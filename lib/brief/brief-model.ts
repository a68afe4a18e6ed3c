/**
 * What the briefing page shows beside the map, from the same answers as the dashboard: its
 * languages (`lang=en`, `ru`, or both side by side: `en,ru`), the posts with most seizures in view
 * with their change against the comparison period, and the largest flows.
 */
import { relativeChange, type BloListItem, type RouteFlow } from '@/lib/api/api-types';
import { LANGUAGES, type Language } from '@/lib/url/view-state';

/** `en`, `ru`, `en,ru` or `ru,en`; anything else is an error message. */
export function briefLanguages(raw: string | undefined): Language[] | { error: string } {
  if (raw === undefined || raw === '') return ['en'];
  const langs = raw.split(',').map((s) => s.trim());
  if (langs.length > 2 || new Set(langs).size !== langs.length || !langs.every((l) => (LANGUAGES as readonly string[]).includes(l))) {
    return { error: 'lang must be en, ru, or both (en,ru)' };
  }
  return langs as Language[];
}

export interface BriefBlo {
  code: string;
  name: string;
  nameRu: string;
  country: string;
  count: number | null;
  kgEq: number | null;
  /** Relative change of the count against the comparison period; null without one (or withheld). */
  change: number | null;
}

/** The `n` posts with most seizures (withheld ones last, then by name), with their change. */
export function topBlos(now: BloListItem[], before: BloListItem[] | null, n = 5): BriefBlo[] {
  const previous = new Map(before?.map((b) => [b.code, b.totals.count]) ?? []);
  return [...now]
    .filter((b) => b.totals.count !== 0)
    .sort((a, b) => (b.totals.count ?? -1) - (a.totals.count ?? -1) || a.name.localeCompare(b.name))
    .slice(0, n)
    .map((b) => {
      const was = previous.get(b.code);
      return {
        code: b.code,
        name: b.name,
        nameRu: b.nameRu,
        country: b.country,
        count: b.totals.count,
        kgEq: b.totals.kgEq,
        change: b.totals.count === null || was === undefined || was === null ? null : relativeChange(b.totals.count, was),
      };
    });
}

/** The `n` flows with most seizures (withheld ones left out: their size is unknown). */
export function topRoutes(flows: RouteFlow[], n = 5): RouteFlow[] {
  return flows
    .filter((f) => f.count !== null && f.count > 0)
    .sort((a, b) => b.count! - a.count! || a.origin.localeCompare(b.origin) || a.destination.localeCompare(b.destination))
    .slice(0, n);
}

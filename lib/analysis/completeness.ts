/**
 * Reporting completeness: of the post-months a period holds, how many were reported (with seizures
 * or as a nil report), and how many posts reported every month of it ("19 of 24 posts reported every
 * month of 2025"). A post-month absent from `reports` is no report.
 */
import type { ReportStatus } from './seasonal-baseline';
import { monthStart } from '@/lib/time/dates';

export interface Completeness {
  posts: number;
  /** Posts that reported every month of the period. */
  completePosts: number;
  months: number;
  /** Post-months reported (with seizures or nil) out of posts × months. */
  reported: number;
  expected: number;
}

/** `reports`: status by post, then by month (YYYY-MM-01); `months`: the period's months. */
export function completeness(
  posts: readonly string[],
  months: readonly string[],
  reports: ReadonlyMap<string, ReadonlyMap<string, ReportStatus>>,
): Completeness {
  let reported = 0;
  let completePosts = 0;
  for (const post of posts) {
    const byMonth = reports.get(post);
    const n = months.filter((m) => (byMonth?.get(m) ?? 'none') !== 'none').length;
    reported += n;
    if (n === months.length) completePosts++;
  }
  return { posts: posts.length, completePosts, months: months.length, reported, expected: posts.length * months.length };
}

/** A post's statuses month by month as one character each: `s` seizures, `n` nil report, `-` no report. */
const STATUS_CHAR: Record<ReportStatus, string> = { seizures: 's', nil: 'n', none: '-' };
const CHAR_STATUS = new Map(Object.entries(STATUS_CHAR).map(([status, c]) => [c, status as ReportStatus]));

export const encodeStatuses = (statuses: readonly ReportStatus[]): string => statuses.map((s) => STATUS_CHAR[s]).join('');

export function decodeStatuses(text: string): ReportStatus[] {
  return [...text].map((c) => {
    const status = CHAR_STATUS.get(c);
    if (!status) throw new Error(`unknown reporting status character ${JSON.stringify(c)}`);
    return status;
  });
}

/** The reporting grid of /api/reporting, decoded: the months, and each post's status by month. */
export interface ReportingGrid {
  months: string[];
  posts: Map<string, Map<string, ReportStatus>>;
}

export function reportingGrid(answer: { from: string | null; posts: readonly { code: string; months: string }[] }): ReportingGrid {
  const length = Math.max(0, ...answer.posts.map((p) => p.months.length));
  const months: string[] = [];
  if (answer.from) for (let m = answer.from; months.length < length; m = monthStart(m, 1)) months.push(m);
  const posts = new Map(
    answer.posts.map((p) => [p.code, new Map(decodeStatuses(p.months).map((status, i) => [months[i], status] as const))]),
  );
  return { months, posts };
}

/** How many of `posts` reported (seizures or nil) in each month of the grid, and out of how many. */
export function reportedPerMonth(grid: ReportingGrid, posts: readonly string[] = [...grid.posts.keys()]): Map<string, number> {
  return new Map(grid.months.map((m) => [m, posts.filter((p) => (grid.posts.get(p)?.get(m) ?? 'none') !== 'none').length]));
}

/** The months of the grid that overlap [from, to] (null ends are open). */
export const monthsWithin = (grid: ReportingGrid, from: string | null, to: string | null): string[] =>
  grid.months.filter((m) => (!from || m >= monthStart(from)) && (!to || m <= to));

/** The posts figures are about: those the filters pick, else those of the countries they pick, else all `posts`. */
export function postsOfFilters(
  filters: { blos: readonly string[]; countries: readonly string[] },
  posts: readonly { code: string; country: string }[],
): string[] {
  if (filters.blos.length) return [...filters.blos];
  if (filters.countries.length) return posts.filter((p) => filters.countries.includes(p.country)).map((p) => p.code);
  return posts.map((p) => p.code);
}

type Period = { from: string | null; to: string | null };

/**
 * How completely `posts` reported over the period and over the comparison period (null: none). A
 * period with no start is counted from `since`: the first month at least half the posts reported
 * (a few early public seizures would otherwise make every post incomplete).
 */
export function periodCompleteness(
  grid: ReportingGrid,
  posts: readonly string[],
  period: Period | null,
  before: Period | null,
): { now: Completeness | null; before: Completeness | null; since: string | null } {
  const perMonth = reportedPerMonth(grid, posts);
  const since = period && !period.from ? (grid.months.find((m) => 2 * perMonth.get(m)! >= posts.length) ?? null) : null;
  const within = (p: Period | null) => (p ? completeness(posts, monthsWithin(grid, p.from ?? since, p.to), grid.posts) : null);
  return { now: within(period), before: within(before), since };
}

/** The change in the share of post-months reported, in whole percentage points (0 when either is unknown). */
export function completenessChange(now: Completeness | null, before: Completeness | null): number {
  if (!now || !before || now.expected === 0 || before.expected === 0) return 0;
  return Math.round((now.reported / now.expected - before.reported / before.expected) * 100);
}

/**
 * Reporting completeness: of the post-months a period holds, how many were reported (with seizures
 * or as a nil report), and how many posts reported every month of it ("19 of 24 posts reported every
 * month of 2025"). A post-month absent from `reports` is no report.
 */
import type { ReportStatus } from './seasonal-baseline';

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

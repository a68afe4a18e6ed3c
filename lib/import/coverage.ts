/**
 * What an import declares it covers: the posts and months for which it is the complete report, so
 * that every covered post-month without a seizure becomes a nil report (reported, nothing seized)
 * rather than no report. Written `oybek,dostuk:2024-01..2024-06` (posts, a colon, a month or a range
 * of months); several groups joined by `;`.
 */
import { z } from 'zod';
import { BLO_CODES } from '@/lib/catalogue/blo-codes';
import { monthStart } from '@/lib/time/dates';

export interface PostMonthKey {
  post: string;
  /** First day of the month, YYYY-MM-01. */
  month: string;
}

/** Most post-months one declaration may cover (24 posts × 10 years). */
export const MAX_COVERED = 24 * 120;

const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month such as 2024-01')
  .transform((m) => `${m}-01`);

const groupSchema = z
  .string()
  .trim()
  .regex(/^[^:]+:[^:]+$/, 'must be posts:months, e.g. oybek,dostuk:2024-01..2024-06')
  .transform((g) => {
    const [posts, months] = g.split(':');
    const [from, to = from] = months.split('..');
    return { posts: posts.split(',').map((p) => p.trim()), from: from.trim(), to: to.trim() };
  })
  .pipe(
    z
      .object({
        posts: z.array(z.enum(BLO_CODES as [string, ...string[]], 'names a post that is not a known BLO code')).min(1),
        from: monthSchema,
        to: monthSchema,
      })
      .refine((g) => g.from <= g.to, 'the first month is after the last'),
  );

/** `keys` each once, in post then month order; more than MAX_COVERED is an error. */
export function coveredKeys(keys: Iterable<PostMonthKey>): PostMonthKey[] {
  const unique = new Map<string, PostMonthKey>();
  for (const k of keys) unique.set(`${k.post} ${k.month}`, k);
  if (unique.size > MAX_COVERED) throw new Error(`covers more than ${MAX_COVERED} post-months: declare a shorter period`);
  return [...unique.values()].sort((a, b) => a.post.localeCompare(b.post) || a.month.localeCompare(b.month));
}

/** The post-months a declaration covers, each once, in post then month order; throws with a one-line reason. */
export function parseCoverage(text: string): PostMonthKey[] {
  const groups = text
    .split(';')
    .map((g) => g.trim())
    .filter((g) => g !== '');
  if (groups.length === 0) throw new Error('covers nothing: write posts:months, e.g. oybek,dostuk:2024-01..2024-06');
  const keys = new Map<string, PostMonthKey>();
  for (const group of groups) {
    const parsed = groupSchema.safeParse(group);
    if (!parsed.success) throw new Error(`"${group.slice(0, 80)}" ${parsed.error.issues[0].message}`);
    const { posts, from, to } = parsed.data;
    for (const post of posts) {
      for (let month = from; month <= to; month = monthStart(month, 1)) {
        keys.set(`${post} ${month}`, { post, month });
        if (keys.size > MAX_COVERED) throw new Error(`covers more than ${MAX_COVERED} post-months: declare a shorter period`);
      }
    }
  }
  return coveredKeys(keys.values());
}

/** Longest declaration accepted from a request (a query string must stay well under a server's limit). */
export const MAX_COVERAGE_TEXT = 8000;

/** The declaration of `keys` as text: one `post:from..to` group per run of consecutive months, posts in order. */
export function coverageText(keys: readonly PostMonthKey[]): string {
  const byPost = new Map<string, string[]>();
  for (const k of keys) byPost.set(k.post, [...(byPost.get(k.post) ?? []), k.month]);
  const groups: string[] = [];
  for (const [post, months] of [...byPost].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...new Set(months)].sort();
    let start = sorted[0];
    sorted.forEach((m, i) => {
      const next = sorted[i + 1];
      if (next === monthStart(m, 1)) return;
      groups.push(`${post}:${start.slice(0, 7)}${m === start ? '' : `..${m.slice(0, 7)}`}`);
      start = next;
    });
  }
  return groups.join(';');
}

/** What a post's month is in a reporting-periods file. */
const PERIOD_STATUSES = ['reported', 'nil', 'none'] as const;

const periodRowSchema = z.object({
  post: z.enum(BLO_CODES as [string, ...string[]], 'names a post that is not a known BLO code'),
  month: monthSchema,
  status: z.enum(PERIOD_STATUSES, `must be one of ${PERIOD_STATUSES.join(', ')}`),
});

/**
 * A reporting-periods CSV (`post,month,status`, status `reported`, `nil` or `none`): the post-months
 * it says were reported, with or without seizures, as a declaration of coverage. `none` rows are
 * read and left out. Throws with the line and a one-line reason at the first bad row.
 */
export function parseReportingPeriods(text: string): PostMonthKey[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0].split(/[,;]/).map((h) => h.trim().toLowerCase());
  if (header.join(',') !== 'post,month,status') throw new Error('a reporting-periods file starts with the line post,month,status');
  const keys = new Map<string, PostMonthKey>();
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const [post = '', month = '', status = ''] = line.split(/[,;]/).map((c) => c.trim());
    const row = periodRowSchema.safeParse({ post, month, status: status.toLowerCase() });
    if (!row.success) {
      const issue = row.error.issues[0];
      throw new Error(
        `line ${i + 2}: ${String(issue.path[0])} ${JSON.stringify(String({ post, month, status }[issue.path[0] as 'post']).slice(0, 40))} ${issue.message}`,
      );
    }
    if (row.data.status !== 'none') keys.set(`${row.data.post} ${row.data.month}`, { post: row.data.post, month: row.data.month });
    if (keys.size > MAX_COVERED) throw new Error(`covers more than ${MAX_COVERED} post-months: split the file`);
  });
  if (keys.size === 0) throw new Error('the file reports no post-month');
  return coveredKeys(keys.values());
}

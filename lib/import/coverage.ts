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
  return [...keys.values()].sort((a, b) => a.post.localeCompare(b.post) || a.month.localeCompare(b.month));
}

/**
 * What is wrong with a URL parameter, as data: the parsers attach one to every issue they raise
 * (zod's `params`), so a page can say it in the reader's language (lib/i18n/param-problem-text.ts).
 * The English `message` of the same issue stays what the API answers with.
 */
import type { z } from 'zod';

export type ParamProblem = (
  | { kind: 'unknown-key' }
  | { kind: 'repeated' }
  | { kind: 'too-long'; max: number }
  | { kind: 'not-number'; whole: boolean }
  | { kind: 'below'; min: number }
  | { kind: 'above'; max: number }
  | { kind: 'too-many'; max: number }
  | { kind: 'unknown-value'; value: string }
  | { kind: 'not-date' }
  | { kind: 'no-such-day' }
  | { kind: 'date-out-of-range'; min: string; max: string }
  | { kind: 'from-after-to'; from: string; to: string }
  | { kind: 'not-choice'; choices: string[] }
  /** Not in the parameter's form (a bbox without four numbers, a camera without three). */
  | { kind: 'bad-shape' }
  /** A bbox whose west is not left of its east, or south not below its north. */
  | { kind: 'bad-box' }
  | { kind: 'invalid' }
) & {
  /** What the problem is about when it is part of the value ("longitude", "west"), as the parser names it. */
  subject?: string;
  /** Unit of the limits ("km"). */
  unit?: string;
};

/** The `params` of a zod issue that carries `problem`. */
export const problemParams = (problem: ParamProblem) => ({ problem });

/** The problem a zod issue carries, or what its code says when it carries none. */
export function problemOf(issue: z.core.$ZodIssue): ParamProblem {
  if (issue.code === 'custom' && issue.params && typeof issue.params.problem === 'object') return issue.params.problem as ParamProblem;
  if (issue.code === 'invalid_value') return { kind: 'not-choice', choices: issue.values.map(String) };
  if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'array') return { kind: 'bad-shape' };
  return { kind: 'invalid' };
}

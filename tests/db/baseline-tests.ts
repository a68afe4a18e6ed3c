/**
 * /api/baselines, /api/reporting and /api/pairs against figures worked out here from the fixture
 * rows and the coverage the seed declared (every month of the synthetic sample but the post-months
 * its generator leaves unreported): each post-month's status (seizures, nil report, no report), the
 * same calendar month of the three years before among the reported ones, their median and range,
 * the flag's rule written again, and both sides of each pair of posts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { getBaselines } from '@/db/queries/get-baselines';
import { getReporting } from '@/db/queries/get-reporting';
import { getPairs } from '@/db/queries/get-pairs';
import { listGeneratorBlos } from '@/db/seed';
import { unreportedPostMonths } from '@/lib/synthetic/synthetic-seizures';
import { BASELINE_RULE } from '@/lib/analysis/seasonal-baseline';
import { matches, type OracleRow } from '@/tests/oracles/seizure-oracle';
import { f } from './filter-cases';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
/** The month `n` months after `month` (YYYY-MM-01), written here without the app's date helpers. */
function shift(month: string, n: number): string {
  const i = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
}

export interface SampleOptions {
  seed: number;
  through?: string;
}

export function defineBaselineTests(getDatabase: () => Database, getRows: () => OracleRow[], sample: SampleOptions): void {
  describe('seasonal baselines, reporting and pairs against the fixture rows and coverage', () => {
    let rows: OracleRow[];
    let db: Database['db'];
    /** Post-months with a seizure, and post-months the seed declared covered. */
    let seized: Set<string>;
    let covered: Set<string>;
    let unreported: Set<string>;
    const status = (key: string) => (seized.has(key) ? 'seizures' : covered.has(key) ? 'nil' : 'none');

    beforeAll(async () => {
      rows = getRows();
      db = getDatabase().db;
      seized = new Set(rows.map((r) => `${r.nearestBlo} ${monthOf(r.seizedOn)}`));
      const codes = (await listGeneratorBlos(db)).map((b) => b.code);
      unreported = new Set(unreportedPostMonths(codes, sample).map((k) => `${k.post} ${k.month}`));
      covered = new Set();
      for (let m = '2019-01-01'; m <= (sample.through ?? '2025-12-31'); m = shift(m, 1)) {
        for (const post of codes) if (!unreported.has(`${post} ${m}`)) covered.add(`${post} ${m}`);
      }
    });

    const counted = (filters: ReturnType<typeof f>) => {
      const byKey = new Map<string, { count: number; kg: number }>();
      for (const r of rows.filter((r) => matches(r, { ...filters, from: null, to: null }))) {
        const k = `${r.nearestBlo} ${monthOf(r.seizedOn)}`;
        const t = byKey.get(k) ?? { count: 0, kg: 0 };
        byKey.set(k, { count: t.count + 1, kg: t.kg + r.kgEq });
      }
      return byKey;
    };

    it('the generated history leaves post-months unreported, none of them with a generated seizure nearest the post', () => {
      expect(unreported.size).toBeGreaterThan(20);
      const generated = new Set(rows.filter((r) => r.synthetic).map((r) => `${r.nearestBlo} ${monthOf(r.seizedOn)}`));
      expect([...unreported].filter((key) => generated.has(key))).toEqual([]);
    });

    it.each([
      ['every seizure, 2024–2025, the shipped rule', f({ from: '2024-01-01', to: '2025-12-31' }), BASELINE_RULE],
      [
        'every seizure, 2024–2025, flagged from an expected 1',
        f({ from: '2024-01-01', to: '2025-12-31' }),
        { ...BASELINE_RULE, minExpected: 1 },
      ],
      [
        'hashish only (a month without hashish is still reported), 2025, flagged from an expected 1',
        f({ substances: ['hashish'], from: '2025-01-01', to: '2025-12-31' }),
        { ...BASELINE_RULE, minExpected: 1 },
      ],
    ])('%s: every post-month’s status, count, band and flag', async (_label, filters, rule) => {
      const answer = await getBaselines(db, filters, rule);
      expect(answer.period).toEqual({ from: filters.from, to: filters.to });
      const figures = counted(filters);
      let checked = 0;
      let flagged = 0;
      let skippedYears = 0;
      let unreportedMonths = 0;
      for (const post of answer.posts) {
        for (const m of post.months) {
          const k = `${post.code} ${m.month}`;
          expect(m.status).toBe(status(k));
          expect(m.count).toBe(figures.get(k)?.count ?? 0);
          expect(m.kgEq).toBeCloseTo(figures.get(k)?.kg ?? 0, 6);
          // The same month of the three years before, those reported only: a month with no report is not a zero.
          const previous = [3, 2, 1].map((y) => `${post.code} ${shift(m.month, -12 * y)}`);
          const years = previous.filter((key) => status(key) !== 'none').map((key) => figures.get(key)?.count ?? 0);
          if (years.length < 3 && previous.some((key) => unreported.has(key))) skippedYears++;
          expect(m.years).toBe(years.length);
          expect(m.expected).toBe(years.length ? median(years) : null);
          expect([m.low, m.high]).toEqual(years.length ? [Math.min(...years), Math.max(...years)] : [null, null]);
          const judged = m.status !== 'none' && years.length >= rule.minYears && median(years) >= rule.minExpected;
          const want = !judged ? null : m.count! > Math.max(...years) ? 'high' : m.count! < Math.min(...years) ? 'low' : null;
          expect(m.flag).toBe(want);
          if (m.flag) flagged++;
          if (m.status === 'none') unreportedMonths++;
          checked++;
        }
        expect(post.latest).toEqual(post.months.at(-1));
        expect(post.reported).toBe(post.months.filter((m) => m.status !== 'none').length);
      }
      expect(checked).toBe(24 * answer.posts[0].months.length);
      // The cases reach what they are for: months with no report, baselines that skip one, and flags.
      expect(unreportedMonths).toBeGreaterThan(0);
      expect(skippedYears).toBeGreaterThan(0);
      // At 3,000 seizures over 7 years (~1.5 a post-month) few bands reach the shipped expected 5: the
      // cases flagged from an expected 1 are the ones that exercise the flags.
      if (rule.minExpected === 1) expect(flagged).toBeGreaterThan(10);
      expect(answer.completeness.expected).toBe(checked);
      expect(answer.completeness.reported).toBe(checked - unreportedMonths);
      expect(answer.completeness.completePosts).toBe(
        answer.posts.filter((p) => p.months.every((m) => status(`${p.code} ${m.month}`) !== 'none')).length,
      );
    });

    it('the reporting grid: every post’s status for every month from the first seizure to the last', async () => {
      const answer = await getReporting(db, f({}));
      const days = rows.map((r) => r.seizedOn).sort();
      expect(answer.from).toBe(monthOf(days[0]));
      expect(answer.to).toBe(monthOf(days.at(-1)!));
      expect(answer.posts).toHaveLength(24);
      const letter = { seizures: 's', nil: 'n', none: '-' } as const;
      for (const post of answer.posts) {
        let want = '';
        for (let m = answer.from!; m <= answer.to!; m = shift(m, 1)) want += letter[status(`${post.code} ${m}`)];
        expect(post.months).toBe(want);
      }
      // Generated months without a seizure are nil reports; the gaps and the years before the sample are not.
      const all = answer.posts.map((p) => p.months).join('');
      expect(all).toMatch(/n/);
      expect(all).toMatch(/-/);
    });

    it('pairs: both sides month by month, their totals over the period and the one before, and their reported months', async () => {
      const filters = f({ substances: ['heroin', 'hashish'], from: '2025-01-01', to: '2025-06-30' });
      const answer = await getPairs(db, filters);
      expect(answer.period).toEqual({ from: '2025-01-01', to: '2025-06-30' });
      expect(answer.previous).toEqual({ from: '2024-07-01', to: '2024-12-31' });
      const figures = counted(filters);
      const months = (from: string) => Array.from({ length: 6 }, (_, i) => shift(from, i));
      const sum = (post: string, ms: string[], key: 'count' | 'kg') =>
        ms.reduce((n, m) => n + (figures.get(`${post} ${m}`)?.[key] ?? 0), 0);
      // Eight pairs in data/blos.json, every side seen by an account of all countries.
      expect(answer.pairs).toHaveLength(8);
      for (const { a, b } of answer.pairs) {
        for (const side of [a!, b!]) {
          expect(side.months.map((m) => m.month)).toEqual(months('2025-01-01'));
          for (const m of side.months) {
            const k = `${side.code} ${m.month}`;
            expect(m.status).toBe(status(k));
            expect(m.count).toBe(figures.get(k)?.count ?? 0);
            expect(m.kgEq).toBeCloseTo(figures.get(k)?.kg ?? 0, 6);
          }
          expect(side.count).toBe(sum(side.code, months('2025-01-01'), 'count'));
          expect(side.kgEq).toBeCloseTo(sum(side.code, months('2025-01-01'), 'kg'), 6);
          expect(side.previous.count).toBe(sum(side.code, months('2024-07-01'), 'count'));
          expect(side.reported).toBe(months('2025-01-01').filter((m) => status(`${side.code} ${m}`) !== 'none').length);
          expect(side.reportedBefore).toBe(months('2024-07-01').filter((m) => status(`${side.code} ${m}`) !== 'none').length);
        }
        expect(a!.code < b!.code).toBe(true);
      }
      const weights = answer.pairs.map((p) => p.a!.count! + p.b!.count!);
      expect(weights).toEqual([...weights].sort((x, y) => y - x));
    });
  });
}

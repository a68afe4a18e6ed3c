/**
 * /api/baselines' query against figures worked out here from the fixture rows: each post's months
 * (seizures or no report: the fixture declares no coverage), the same calendar month of the three
 * years before among the reported ones, their median and range, and the flag's rule written again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { getBaselines } from '@/db/queries/get-baselines';
import { matches, type OracleRow } from '@/tests/oracles/seizure-oracle';
import { f } from './filter-cases';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export function defineBaselineTests(getDatabase: () => Database, getRows: () => OracleRow[]): void {
  describe('seasonal baselines against the fixture rows', () => {
    let rows: OracleRow[];
    let db: Database['db'];
    beforeAll(() => {
      rows = getRows();
      db = getDatabase().db;
    });

    it.each([
      ['every seizure, 2024–2025', f({ from: '2024-01-01', to: '2025-12-31' })],
      [
        'hashish only (a month without hashish is still reported), 2025',
        f({ substances: ['hashish'], from: '2025-01-01', to: '2025-12-31' }),
      ],
    ])('%s: every post-month’s status, count, band and flag', async (_label, filters) => {
      const answer = await getBaselines(db, filters);
      expect(answer.period).toEqual({ from: filters.from, to: filters.to });
      const month = (day: string) => `${day.slice(0, 7)}-01`;
      const reported = new Set(rows.map((r) => `${r.nearestBlo} ${month(r.seizedOn)}`));
      const counted = new Map<string, number>();
      for (const r of rows.filter((r) => matches(r, { ...filters, from: null, to: null }))) {
        const k = `${r.nearestBlo} ${month(r.seizedOn)}`;
        counted.set(k, (counted.get(k) ?? 0) + 1);
      }
      let checked = 0;
      for (const post of answer.posts) {
        for (const m of post.months) {
          const k = `${post.code} ${m.month}`;
          expect(m.status).toBe(reported.has(k) ? 'seizures' : 'none');
          expect(m.count).toBe(counted.get(k) ?? 0);
          const years = [3, 2, 1]
            .map((y) => `${post.code} ${Number(m.month.slice(0, 4)) - y}${m.month.slice(4)}`)
            .filter((key) => reported.has(key))
            .map((key) => counted.get(key) ?? 0);
          expect(m.years).toBe(years.length);
          expect(m.expected).toBe(years.length ? median(years) : null);
          expect([m.low, m.high]).toEqual(years.length ? [Math.min(...years), Math.max(...years)] : [null, null]);
          const judged = m.status !== 'none' && years.length >= 2 && median(years) >= 5;
          const want = !judged ? null : m.count! > Math.max(...years) ? 'high' : m.count! < Math.min(...years) ? 'low' : null;
          expect(m.flag).toBe(want);
          checked++;
        }
        expect(post.latest).toEqual(post.months.at(-1));
      }
      expect(checked).toBe(24 * answer.posts[0].months.length);
      // The fixture (3,000 seizures over 7 years, ~1.5 a post-month) never reaches an expected 5: the flags
      // are worked by hand in tests/unit/seasonal-baseline.test.ts; here every month is judged not unusual.
      expect(answer.completeness.expected).toBe(checked);
      expect(answer.completeness.reported).toBe(answer.posts.reduce((n, p) => n + p.reported, 0));
    });
  });
}

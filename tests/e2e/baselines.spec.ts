/**
 * The list of posts marks a post whose latest month is outside the range of the same month of the
 * three years before: on the app's data, Dusti's surge (lib/synthetic/synthetic-seizures.ts). The
 * expected badge is worked out from the post's monthly series (/api/timeseries), not from /api/baselines.
 */
import { expect, test } from '@playwright/test';
import type { SeriesAnswer } from '@/lib/api/api-types';
import { screenshotPath } from './screenshots';

test(
  'a post with an unusual latest month carries a badge in the list of posts, in English and Russian',
  { tag: '@screenshot' },
  async ({ page }) => {
    const series = (await (await page.request.get('/api/timeseries?blo=dusti')).json()) as SeriesAnswer;
    const perMonth = new Map<string, number>();
    for (const [month, , n] of series.rows) perMonth.set(month, (perMonth.get(month) ?? 0) + (n ?? 0));
    const months = [...perMonth.keys()].sort();
    const last = months[months.length - 1];
    const before = [3, 2, 1].map((y) => perMonth.get(`${Number(last.slice(0, 4)) - y}${last.slice(4)}`) ?? 0);
    // The surge puts the last month above every one of the three before it.
    expect(perMonth.get(last)!).toBeGreaterThan(Math.max(...before));
    expect(before.slice().sort((a, b) => a - b)[1]).toBeGreaterThanOrEqual(5);

    await page.goto('/');
    await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
    const badge = page.locator('[data-testid="blo-row"][data-code="dusti"] [data-testid="unusual-badge"]');
    await expect(badge).toHaveAttribute('data-flag', 'high');
    await expect(badge).toContainText('Unusually high');
    await expect(badge).toHaveAttribute(
      'title',
      new RegExp(`^\\w+ \\d{4}: ${perMonth.get(last)} seizures; ${Math.min(...before)}–${Math.max(...before)} in the same month`),
    );
    await expect(page.getByTestId('unusual-rule')).toContainText('outside the range of the same month');
    await page.getByTestId('blo-table').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('unusual-badge.png') });

    await page.goto('/?lang=ru');
    await expect(page.locator('[data-testid="blo-row"][data-code="dusti"] [data-testid="unusual-badge"]')).toContainText('Необычно много');
    await page.getByTestId('blo-table').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('unusual-badge-ru.png') });
  },
);

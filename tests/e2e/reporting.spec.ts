/**
 * Reporting completeness, seasonal baselines and paired posts on the app's data: the synthetic
 * sample leaves Dostuk unreported for three months (March–May of the year of its last month) and
 * three posts late for the last month; Dusti surges. What the pages should show is worked out here
 * from the raw answers (/api/reporting's characters, /api/pairs), not from the components.
 */
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { BaselinesAnswer, PairsAnswer, ReportingAnswer } from '@/lib/api/api-types';
import { screenshotPath } from './screenshots';

/** The month `n` months after `month` (YYYY-MM-01). */
function shift(month: string, n: number): string {
  const k = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-01`;
}
const lastDay = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

interface Grid {
  months: string[];
  last: string;
  status(post: string, month: string): string;
  /** The months of `post` with no report among `months`. */
  gaps(post: string, months: string[]): string[];
  /** The twelve months up to the data's last, and the twelve before. */
  year: string[];
  yearBefore: string[];
}

async function reporting(page: Page): Promise<Grid> {
  const answer = (await (await page.request.get('/api/reporting')).json()) as ReportingAnswer;
  const months = Array.from({ length: answer.posts[0].months.length }, (_, i) => shift(answer.from!, i));
  const byPost = new Map(answer.posts.map((p) => [p.code, p.months]));
  const status = (post: string, month: string) => byPost.get(post)![months.indexOf(month)];
  const last = months.at(-1)!;
  return {
    months,
    last,
    status,
    gaps: (post, ms) => ms.filter((m) => status(post, m) === '-'),
    year: Array.from({ length: 12 }, (_, i) => shift(last, i - 11)),
    yearBefore: Array.from({ length: 12 }, (_, i) => shift(last, i - 23)),
  };
}

/** The filters' period of the twelve months up to the data's last. */
const yearQuery = (grid: Grid) => `from=${grid.year[0]}&to=${lastDay(grid.last)}`;

test('the monthly chart hatches the months with no report; the KPIs say how complete the period is and how it differs', async ({
  page,
}) => {
  const grid = await reporting(page);
  // The named gap: Dostuk, three months ending six before the last (lib/synthetic/synthetic-seizures.ts).
  const gap = grid.gaps('dostuk', grid.year);
  expect(gap).toEqual(expect.arrayContaining([shift(grid.last, -8), shift(grid.last, -7), shift(grid.last, -6)]));
  const posts = ((await (await page.request.get('/api/blos')).json()) as { blos: { code: string }[] }).blos.map((b) => b.code);
  const complete = (months: string[]) => posts.filter((p) => grid.gaps(p, months).length === 0).length;
  const cells = (months: string[]) => posts.reduce((n, p) => n + months.length - grid.gaps(p, months).length, 0);

  // One post: its months without a report are hatched gaps across the chart, not zero bars.
  await page.goto(`/?blo=dostuk&${yearQuery(grid)}`);
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
  // Across the whole chart (the period and the months around it): exactly the months the grid has no report for.
  await expect(page.getByTestId('no-report-month').first()).toBeVisible();
  const hatched = await page.getByTestId('no-report-month').evaluateAll((els) => els.map((e) => e.getAttribute('data-month')!));
  const chart = page.getByTestId('series-chart');
  const first = grid.months.indexOf((await chart.getAttribute('data-first'))!);
  const chartMonths = grid.months.slice(first, first + Number(await chart.getAttribute('data-months')));
  expect(hatched).toEqual(grid.gaps('dostuk', chartMonths));
  expect(hatched.filter((m) => grid.year.includes(m))).toEqual(gap);
  await expect(page.getByTestId('kpi-completeness')).toHaveAttribute('data-complete', '0');
  await expect(page.getByTestId('kpi-completeness')).toContainText(
    `0 of 1 posts reported every month of the period (${12 - gap.length} of 12 post-months)`,
  );
  await page.getByTestId('series-chart').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('reporting-gaps.png') });
  await page.goto(`/?blo=dostuk&${yearQuery(grid)}&lang=ru`);
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
  await expect(page.getByTestId('kpi-completeness')).toContainText(
    `Каждый месяц периода отчитались 0 из 1 постов (${12 - gap.length} из 12`,
  );
  await expect(page.getByTestId('series-reporting-key')).toContainText('ни один пост не отчитался');
  await page.getByTestId('series-chart').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('reporting-gaps-ru.png') });

  // Every post, the last twelve months against the twelve before: a month some posts did not
  // report (the last: three posts are late) carries a mark along the top.
  await page.goto(`/?${yearQuery(grid)}`);
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
  const line = page.getByTestId('kpi-completeness');
  await expect(line).toHaveAttribute('data-complete', String(complete(grid.year)));
  await expect(line).toHaveAttribute('data-reported', String(cells(grid.year)));
  await expect(line).toHaveAttribute('data-expected', String(posts.length * 12));
  await expect(page.locator(`[data-testid="part-report-month"][data-month="${grid.last}"]`)).toHaveCount(1);
  await expect(page.getByTestId('series-reporting-key')).toBeVisible();
  const points = Math.round(((cells(grid.year) - cells(grid.yearBefore)) / (posts.length * 12)) * 100);
  if (points !== 0) await expect(page.getByTestId('completeness-differs')).toHaveAttribute('data-points', String(points));
  else await expect(page.getByTestId('completeness-differs')).toHaveCount(0);
  await page.getByTestId('kpi-completeness').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('reporting-kpis.png') });
});

test('the completeness grid opens from the header: posts × months, in English and Russian', { tag: '@screenshot' }, async ({ page }) => {
  const grid = await reporting(page);
  const shown = [...grid.yearBefore.slice(6), ...grid.year];
  const query = `from=${shown[0]}&to=${lastDay(grid.last)}`;
  await page.goto(`/?${query}`);
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
  await page.getByTestId('reporting-open').click();
  const dialog = page.getByTestId('reporting-grid');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('tbody tr')).toHaveCount(24);
  for (const post of ['dostuk', 'dusti', 'oybek']) {
    await expect(dialog.locator(`tr[data-code="${post}"]`)).toHaveAttribute(
      'data-statuses',
      shown.map((m) => grid.status(post, m)).join(''),
    );
  }
  await expect(dialog.locator('tr[data-code="dostuk"] td.status-none')).toHaveCount(grid.gaps('dostuk', shown).length);
  await page.screenshot({ path: screenshotPath('reporting-grid.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.goto(`/?${query}&lang=ru`);
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
  await page.getByTestId('reporting-open').click();
  await expect(page.getByTestId('reporting-grid')).toContainText('Кто отчитался, по месяцам');
  await expect(page.getByTestId('reporting-grid')).toContainText('Нет отчёта');
  await page.screenshot({ path: screenshotPath('reporting-grid-ru.png') });
});

test(
  'a post with an unusual latest month: its marker’s badge, its months against the band, the rule in one sentence',
  { tag: '@screenshot' },
  async ({ page }) => {
    const baselines = (await (await page.request.get('/api/baselines')).json()) as BaselinesAnswer;
    const flagged = baselines.posts.filter((p) => p.latest?.flag).map((p) => [p.code, p.latest!.flag]);
    expect(flagged).toContainEqual(['dusti', 'high']);
    await page.goto('/');
    await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
    // One badge per flagged post, on its marker, in the flag's direction; the legend explains it.
    await expect(page.getByTestId('marker-badge')).toHaveCount(flagged.length);
    await expect(page.locator('[data-testid="blo-marker"][data-code="dusti"] [data-testid="marker-badge"]')).toHaveAttribute(
      'data-flag',
      'high',
    );
    await expect(page.getByTestId('legend')).toContainText('Latest month unusually high');

    await page.locator('[data-testid="blo-row"][data-code="dusti"] button').click();
    const chart = page.getByTestId('post-months-chart');
    await expect(chart).toHaveAttribute('data-latest-flag', 'high');
    const dusti = baselines.posts.find((p) => p.code === 'dusti')!;
    await expect(chart.getByTestId('post-month')).toHaveCount(dusti.months.length);
    await expect(chart).toHaveAttribute('data-flags', String(dusti.months.filter((m) => m.flag).length));
    await expect(page.getByTestId('baseline-rule')).toContainText('outside the range of the same month in up to 3 previous years');
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('unusual-post.png') });

    await page.goto('/?lang=ru');
    await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
    await page.locator('[data-testid="blo-row"][data-code="dusti"] button').click();
    await expect(page.getByTestId('baseline-rule')).toContainText('Месяц необычен');
    await page.getByTestId('post-months-chart').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('unusual-post-ru.png') });
  },
);

test(
  'the paired chart: a post and its partner on one scale, each side’s gaps and months reported; the list of pairs',
  { tag: '@screenshot' },
  async ({ page }) => {
    const grid = await reporting(page);
    const gap = grid.gaps('dostuk', grid.year);
    const pairs = (await (await page.request.get(`/api/pairs?${yearQuery(grid)}`)).json()) as PairsAnswer;
    const pair = pairs.pairs.find((p) => p.a?.code === 'dostuk' && p.b?.code === 'dustlik')!;
    expect(pair.a!.reported).toBe(12 - gap.length);
    expect(pair.b!.reported).toBe(12 - grid.gaps('dustlik', grid.year).length);

    await page.goto(`/?${yearQuery(grid)}`);
    await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
    await page.locator('[data-testid="blo-row"][data-code="dostuk"] button').click();
    const chart = page.getByTestId('paired-chart');
    await expect(chart).toHaveAttribute('data-partner', 'dustlik');
    await expect(chart.locator('[data-testid="paired-side"][data-code="dostuk"]')).toHaveAttribute(
      'data-reported',
      String(12 - gap.length),
    );
    expect(
      await chart
        .locator('[data-testid="paired-gap"][data-side="dostuk"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-month'))),
    ).toEqual(gap);
    await expect(chart.locator('[data-testid="paired-side"][data-code="dustlik"]')).toHaveAttribute(
      'data-reported',
      String(pair.b!.reported),
    );
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('paired-chart.png') });
    await page.goto(`/?${yearQuery(grid)}&lang=ru`);
    await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
    await page.locator('[data-testid="blo-row"][data-code="dostuk"] button').click();
    await expect(page.getByTestId('paired-chart')).toContainText(`Достук: отчёты за ${12 - gap.length} из 12 мес.`);
    await page.getByTestId('paired-chart').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('paired-chart-ru.png') });
    await page.goto(`/?${yearQuery(grid)}`);

    // The list of pairs, a view of its own, with the same figures as /api/pairs.
    await page.getByTestId('pairs-link').click();
    await expect(page.getByTestId('pairs')).toBeVisible();
    await expect(page.getByTestId('pair')).toHaveCount(pairs.pairs.length);
    for (const p of pairs.pairs) {
      for (const side of [p.a!, p.b!]) {
        const row = page.locator(`[data-testid="pair-side"][data-code="${side.code}"]`);
        await expect(row).toHaveAttribute('data-count', String(side.count));
        await expect(row).toHaveAttribute('data-before', String(side.previous.count));
      }
    }
    await page.screenshot({ path: screenshotPath('pairs.png'), fullPage: true });
    await page.goto(`/pairs?${yearQuery(grid)}&lang=ru`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Парные посты по обе стороны границы');
    await page.screenshot({ path: screenshotPath('pairs-ru.png') });
  },
);

test('the upload page declares what a file covers, typed or from a reporting-periods file; a bad declaration is named before upload', async ({
  page,
}, info) => {
  const seizures = info.outputPath('nil-months.csv');
  writeFileSync(seizures, 'date,substance,quantity,unit,blo\n2018-02-10,heroin,2,kg,Oybek\n');
  const periods = info.outputPath('periods.csv');
  writeFileSync(periods, 'post,month,status\noybek,2018-01,nil\noybek,2018-02,reported\noybek,2018-03,nil\nkordai,2018-01,none\n');
  const before = await reporting(page);
  const status = (grid: Grid, month: string) => grid.status('oybek', month) ?? '-';

  await page.goto('/import');
  await page.getByTestId('import-covers').fill('oybek:2018-03..2018-01');
  await page.getByTestId('import-file').setInputFiles(seizures);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-covers-error')).toHaveText('"oybek:2018-03..2018-01" the first month is after the last');
  await expect(page.getByTestId('import-report')).toHaveCount(0);

  // The reporting-periods file fills the declaration in; a real import makes its empty months nil reports.
  await page.getByTestId('import-periods').setInputFiles(periods);
  await expect(page.getByTestId('import-covers')).toHaveValue('oybek:2018-01..2018-03');
  await expect(page.getByTestId('import-covers-error')).toHaveCount(0);
  await page.getByTestId('import-start').click();
  const report = page.getByTestId('import-report');
  await expect(report).toHaveAttribute('data-accepted', '1');
  await expect(report).toHaveAttribute('data-covered', '3');
  const after = await reporting(page);
  expect(['2018-01-01', '2018-02-01', '2018-03-01'].map((m) => status(after, m))).toEqual(['n', 's', 'n']);
  // Nothing else changed: every other post-month reads as before.
  for (const post of ['dostuk', 'kordai', 'dusti'])
    expect(after.months.filter((m) => before.months.includes(m)).map((m) => after.status(post, m))).toEqual(
      after.months.filter((m) => before.months.includes(m)).map((m) => before.status(post, m)),
    );
  await page.screenshot({ path: screenshotPath('import-covers.png') });

  // Undone, the months read as before.
  const batch = ((await (await page.request.get('/api/imports')).json()) as { batches: { id: number; fileName: string }[] }).batches.find(
    (b) => b.fileName === 'nil-months.csv',
  )!;
  await page.goto('/imports');
  await page.getByTestId(`undo-${batch.id}`).click();
  await page.getByTestId(`undo-yes-${batch.id}`).click();
  await expect(page.getByTestId(`batch-status-${batch.id}`)).toHaveText(/^undone in data version \d+$/);
  const restored = await reporting(page);
  expect(['2018-01-01', '2018-02-01', '2018-03-01'].map((m) => status(restored, m))).toEqual(
    ['2018-01-01', '2018-02-01', '2018-03-01'].map((m) => status(before, m)),
  );
});

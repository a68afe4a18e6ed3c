/**
 * Links that stay true. A manager copies the link of a filtered view (pinned to the data shown),
 * two late files are imported, and the link opened in a fresh browser still shows the briefed
 * figures with a banner saying what changed since (in both languages); "Show current figures" shows
 * the new ones. Undoing both imports from the history page brings the current figures back.
 * Writes to the database: runs after every other spec (files run in name order).
 */
import { expect, test, type Page } from '@playwright/test';
import { ORIGIN, stateOf } from './accounts';
import { screenshotPath } from './screenshots';

const VIEW = '/?substance=heroin&from=2025-01-01&to=2025-12-31&c=69.2,40.5,6';

/** `rows` heroin seizures at Oybek in 2025, `kg` each, with their own source references. */
function lateFile(tag: string, rows: number, kg: number): string {
  const lines = ['date,substance,quantity,unit,blo,source_ref'];
  for (let i = 0; i < rows; i++)
    lines.push(`2025-0${1 + (i % 9)}-${String(10 + (i % 18)).padStart(2, '0')},heroin,${kg},kg,oybek,${tag}-${i}`);
  return `${lines.join('\n')}\n`;
}

/** The same figures: the count exactly, kg-eq to a millionth (sums may be added in another order). */
function expectSame(got: { count: number; kgEq: number }, want: { count: number; kgEq: number }) {
  expect(got.count).toBe(want.count);
  expect(got.kgEq).toBeCloseTo(want.kgEq, 6);
}

async function kpis(page: Page): Promise<{ count: number; kgEq: number }> {
  await expect(page.getByTestId('kpi-count')).not.toHaveAttribute('data-value', '');
  await expect(page.locator('.kpis')).toHaveAttribute('aria-busy', 'false');
  return {
    count: Number(await page.getByTestId('kpi-count').getAttribute('data-value')),
    kgEq: Number(await page.getByTestId('kpi-kgEq').getAttribute('data-value')),
  };
}

/** Imports `csv` through the upload page; answers the batch number. */
async function importThroughPage(page: Page, name: string, csv: string): Promise<number> {
  await page.goto('/import');
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('import-start').click();
  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  await expect(report).toHaveAttribute('data-rejected', '0');
  const href = await page.getByTestId('import-history-link').getAttribute('href');
  expect(href).toBe('/imports');
  const batches = (await (await page.request.get('/api/imports')).json()) as { batches: { id: number; fileName: string }[] };
  return batches.batches.find((b) => b.fileName === name)!.id;
}

test(
  'a pinned link keeps its figures after two imports, says what changed, and undo brings the current figures back',
  { tag: '@screenshot' },
  async ({ browser, page, context }) => {
    test.setTimeout(180_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
    await page.goto(VIEW);
    await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
    const briefed = await kpis(page);
    await page.getByTestId('copy-link').click();
    await expect(page.getByTestId('copy-status')).toContainText(/Link copied: figures pinned to data version \d+/);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const pinned = Number(new URL(link).searchParams.get('asof'));
    expect(pinned).toBeGreaterThan(0);
    expect(new URL(link).searchParams.get('substance')).toBe('heroin');
    // The live link has no asof.
    await page.getByTestId('copy-live-link').click();
    await expect(page.getByTestId('copy-status')).toContainText('Live link copied');
    expect(new URL(await page.evaluate(() => navigator.clipboard.readText())).searchParams.has('asof')).toBe(false);

    // Two late files: 20 + 10 heroin seizures of 4 kg at Oybek in 2025.
    const first = await importThroughPage(page, 'late-agency-file.csv', lateFile('late-a', 20, 4));
    const second = await importThroughPage(page, 'late-agency-file-2.csv', lateFile('late-b', 10, 4));

    // The pinned link in a fresh browser: the briefed figures, and the banner with the change since.
    const fresh = await browser.newContext({ baseURL: ORIGIN, storageState: stateOf('editor') });
    const reader = await fresh.newPage();
    await reader.goto(link.replace(ORIGIN, ''));
    await expect(reader.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
    expectSame(await kpis(reader), briefed);
    const banner = reader.getByTestId('pinned-banner');
    await expect(banner).toContainText(new RegExp(`Figures as of \\d{1,2} \\w{3} \\d{4} \\(data version ${pinned}\\)\\.`));
    await expect(reader.getByTestId('pinned-since')).toHaveText('Since then 2 imports changed this view: +30 seizures, +120 kg.');
    await reader.screenshot({ path: screenshotPath('pinned-link-banner.png') });

    // The same link in Russian.
    await reader.goto(`${link.replace(ORIGIN, '')}&lang=ru`);
    await expect(reader.getByTestId('pinned-since')).toHaveText('С тех пор 2 импорта изменили этот вид: +30 изъятий, +120 кг.');
    await expect(reader.getByTestId('pinned-banner')).toContainText(`(версия данных ${pinned})`);
    await reader.screenshot({ path: screenshotPath('pinned-link-banner-ru.png') });

    // "Show current figures": the imports are in them.
    await reader.getByTestId('show-current').click();
    await expect(reader.getByTestId('pinned-banner')).toHaveCount(0);
    await expect(reader).not.toHaveURL(/asof=/);
    const current = await kpis(reader);
    expect(current.count).toBe(briefed.count + 30);
    expect(current.kgEq).toBeCloseTo(briefed.kgEq + 120, 6);
    await fresh.close();

    // The history: both imports, with their data versions; undo each after its confirm step.
    await page.goto('/imports');
    await expect(page.getByTestId(`batch-${first}`)).toContainText('late-agency-file.csv');
    await expect(page.getByTestId(`batch-status-${second}`)).toHaveText('10 seizures current');
    await page.screenshot({ path: screenshotPath('import-history.png'), fullPage: true });
    for (const batch of [second, first]) {
      await page.getByTestId(`undo-${batch}`).click();
      await expect(page.locator('.confirm')).toContainText(`Undo batch ${batch}`);
      await page.getByTestId(`undo-yes-${batch}`).click();
      await expect(page.getByTestId(`batch-status-${batch}`)).toHaveText(/^undone in data version \d+$/);
    }
    await expect(page.getByTestId(`reimport-${first}`)).toBeVisible();
    await page.screenshot({ path: screenshotPath('import-history-undone.png'), fullPage: true });

    // The current figures are what they were before the imports; the pinned link still shows them too.
    await page.goto(VIEW);
    expectSame(await kpis(page), briefed);
    await page.goto(link.replace(ORIGIN, ''));
    expectSame(await kpis(page), briefed);
    await expect(page.getByTestId('pinned-since')).toHaveText('No later change to the data affects this view.');
  },
);

/**
 * Data out and in through the browser: the exports of a filtered view (files and a map picture),
 * and the upload page on a 100,000-row file. This file writes to the database, so it runs last
 * (files run in name order, one worker).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { importCsvLines } from '@/tests/fixtures/import-csv';
import { SCREENSHOT_DIR, screenshotPath } from './screenshots';

const FILTERED = 'substance=heroin,hashish&from=2024-01-01&to=2024-12-31&l=points,hexagons&c=69.5,40.4,5.4';

async function openSettled(page: import('@playwright/test').Page, query: string) {
  await page.goto(`/?${query}`);
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
}

test.describe('exports', () => {
  test('the seizures CSV of a filtered view says what it holds and has one row per seizure counted', async ({ page }) => {
    await openSettled(page, FILTERED);
    const count = Number(await page.getByTestId('kpi-count').getAttribute('data-value'));
    await page.getByTestId('export-menu').locator('summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Seizures (CSV)' }).click()]);
    const text = readFileSync(await download.path(), 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('# BLO Atlas export: seizures');
    expect(lines[1]).toBe('# filters: substance=hashish,heroin&from=2024-01-01&to=2024-12-31');
    expect(lines[3]).toMatch(/^# data version: \d+$/);
    const version = lines[3].split(': ')[1];
    expect(lines[4]).toMatch(/^# synthetic data: included/);
    // The link is pinned to the version the file holds: it shows these figures again after later imports.
    expect(lines[5]).toMatch(
      new RegExp(`^# link: http://127\\.0\\.0\\.1:\\d+/\\?substance=hashish%2Cheroin&from=2024-01-01&to=2024-12-31&asof=${version}$`),
    );
    expect(lines[6]).toMatch(/^# exported by: editor@example\.org \(audit entry \d+\)$/);
    expect(lines[7]).toBe(
      'date,substance,quantity,unit,lon,lat,transport,concealment,detection,origin,destination,source_ref,notes,kg_eq,value_usd,country,nearest_blo,synthetic,date_precision,location_precision,id',
    );
    expect(lines.length - 8).toBe(count);
    expect(download.suggestedFilename()).toMatch(/^blo-atlas-seizures-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  test(
    'the map picture of a filtered view: title, legend, filters, data date and link, saved for review',
    { tag: '@screenshot' },
    async ({ page }) => {
      await openSettled(page, FILTERED);
      await page.getByTestId('export-menu').locator('summary').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
      const png = readFileSync(await download.path());
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      const map = (await page.getByTestId('map').boundingBox())!;
      expect(width).toBe(Math.round(map.width) * 2);
      expect(height).toBeGreaterThan(Math.round(map.height) * 2 + 200);
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      writeFileSync(screenshotPath('export-map.png'), png);
    },
  );
});

test.describe('import page', () => {
  test(
    'uploads a 100,000-row file with progress, reports it, and offers the rejected rows as CSV with a reason',
    { tag: '@screenshot' },
    async ({ page }, info) => {
      test.setTimeout(240_000);
      // 100,000 rows; every 5,000th has an unknown substance, and the last repeats the first.
      const lines = [...importCsvLines(100_000, 77)];
      for (let i = 5000; i < lines.length; i += 5000) lines[i] = lines[i].replace(/^([^,]*),[^,]*,/, '$1,cocaine,');
      lines.push(lines[1]);
      const file = info.outputPath('seizures-100k.csv');
      writeFileSync(file, `${lines.join('\n')}\n`);

      await page.goto('/import');
      await page.getByTestId('import-file').setInputFiles(file);
      await page.getByTestId('import-start').click();
      const progress = page.getByTestId('import-progress');
      await expect(progress).toBeVisible();
      await expect(progress.getByRole('status')).toContainText(/rows read|Writing/);
      const report = page.getByTestId('import-report');
      await expect(report).toBeVisible({ timeout: 200_000 });
      await expect(report).toHaveAttribute('data-rows', '100001');
      await expect(report).toHaveAttribute('data-rejected', '20');
      await expect(report).toHaveAttribute('data-duplicates', '1');
      await expect(report).toHaveAttribute('data-accepted', '99980');
      await expect(report).toContainText('unknown substance "cocaine"');
      await page.screenshot({ path: screenshotPath('import-report.png') });

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rejections-link').click()]);
      const rejected = readFileSync(await download.path(), 'utf8')
        .trimEnd()
        .split('\n');
      expect(rejected[1]).toBe('line,reason,row');
      expect(rejected).toHaveLength(2 + 20);
      expect(rejected[2]).toMatch(/^5001,"unknown substance ""cocaine"" \(known: heroin,/);
      expect(path.basename(download.suggestedFilename())).toMatch(/^rejected-rows-batch-\d+\.csv$/);
    },
  );
});

/**
 * The emerging hot spot layer on the app's data: the synthetic sample's built-in surge at Dusti
 * (lib/synthetic/synthetic-seizures.ts) is found as an intensifying hot spot, on the map, in its
 * tooltip and in the list of posts; a filtered view, a period too short to analyse, Russian, the
 * briefing and the exported picture. The Dusti cell is found from data/blos.json with h3-js, not
 * from what the page says.
 */
import { readFileSync } from 'node:fs';
import { cellToParent, latLngToCell } from 'h3-js';
import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { screenshotPath } from './screenshots';
import type { EmergingAnswer } from '@/lib/api/api-types';

const blos = JSON.parse(readFileSync('data/blos.json', 'utf8')) as { code: string; lon: number; lat: number }[];
const dusti = blos.find((b) => b.code === 'dusti')!;
const dustiCell = cellToParent(latLngToCell(dusti.lat, dusti.lon, 8), 5);

async function open(page: Page, query: string) {
  await page.goto(`/?${query}`);
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
}

const status = (page: Page) => page.getByTestId('emerging-status');

test.describe('emerging hot spots', () => {
  test(
    'the surge at Dusti: an intensifying hot spot on the map, in its tooltip and in the list of posts',
    { tag: '@screenshot' },
    async ({ page }) => {
      // The answer itself: Dusti's cell, rising over the last months of the sample.
      const answer = (await (await page.request.get('/api/emerging')).json()) as EmergingAnswer;
      expect(answer.status).toBe('ok');
      expect(answer.steps.length).toBeGreaterThanOrEqual(80);
      const cell = answer.cells.find((c) => c.cell === dustiCell)!;
      expect(cell.category).toBe('intensifying-hot');
      expect(cell.trend.s).toBeGreaterThan(0);
      expect(cell.trend.p).toBeLessThan(0.05);
      // Its last 18 months hold far more seizures than the 18 before them.
      const values = cell.values!;
      const sum = (a: number[]) => a.reduce((s, v) => s + v, 0);
      expect(sum(values.slice(-18))).toBeGreaterThan(2 * sum(values.slice(-36, -18)));

      await open(page, `l=emerging&c=68.6,38.7,7.4`);
      await expect(status(page)).toHaveAttribute('data-status', 'ok');
      await expect(status(page)).toContainText(/hexagons analysed over \d+ months/);
      const listed = page.locator('[data-testid="emerging-posts"] li[data-code="dusti"]');
      await expect(listed).toContainText('Intensifying hot spot');
      // The legend names the category with its count, and says how it is computed.
      const legend = page.getByTestId('legend').locator('[data-layer="emerging"]');
      await expect(legend).toContainText(/Intensifying hot spot \(\d+\)/);
      await legend.getByText('How this is computed').click();
      await expect(page.getByTestId('legend-help-emerging')).toContainText('Getis-Ord Gi*');
      await page.screenshot({ path: screenshotPath('emerging-dusti.png') });

      // Hover around the Dusti marker until the tooltip of an intensifying hot spot opens.
      const box = (await page.locator('[data-testid="blo-marker"][data-code="dusti"]').boundingBox())!;
      const [mx, my] = [box.x + box.width / 2, box.y + box.height / 2];
      const tip = page.getByTestId('map-tooltip');
      let found = false;
      for (const [dx, dy] of [
        [14, 0],
        [-14, 0],
        [0, 14],
        [0, -14],
        [10, 10],
        [-10, -10],
        [10, -10],
        [-10, 10],
      ]) {
        await page.mouse.move(mx + dx, my + dy);
        if ((await tip.isVisible()) && /Intensifying hot spot/.test((await tip.textContent()) ?? '')) {
          found = true;
          break;
        }
      }
      expect(found, 'an intensifying hot spot tooltip next to Dusti').toBe(true);
      await expect(tip).toContainText(/Intensifying hot spot: significant in \d+ of \d+ months, rising/);
      await expect(tip.locator('svg polyline')).toHaveCount(1);
      await page.screenshot({ path: screenshotPath('emerging-tooltip.png') });

      // The post's name opens its panel.
      await listed.getByRole('button').click();
      await expect(page.getByTestId('blo-panel-heading')).toContainText('Dusti');
    },
  );

  test(
    'a filtered view by quarter, kg-equivalent, resolution 4; the settings stay in the link',
    { tag: '@screenshot' },
    async ({ page }) => {
      await open(page, 'substance=heroin,opium,hashish&from=2021-01-01&l=emerging,rings&c=68.9,39.4,6.2');
      await expect(status(page)).toHaveAttribute('data-status', 'ok');
      await expect(status(page)).toContainText(/over 71 months/);
      await expect(page.locator('[data-testid="emerging-posts"] li[data-code="dusti"]')).toBeVisible();
      await page.screenshot({ path: screenshotPath('emerging-filtered.png'), fullPage: true });
      await page.getByTestId('emerging-step').selectOption('quarter');
      await page.getByTestId('emerging-value').selectOption('kg');
      await page.getByTestId('emerging-resolution').selectOption('4');
      await expect(page).toHaveURL(/eres=4/);
      await expect(page).toHaveURL(/estep=quarter/);
      await expect(page).toHaveURL(/evalue=kg/);
      await expect(status(page)).toHaveAttribute('data-status', 'ok');
      await expect(status(page)).toContainText(/over \d+ quarters/);
      await expect(page.getByTestId('legend').locator('[data-layer="emerging"]')).toContainText('H3 resolution 4');
      // What the page drew is what the API answers for the same question.
      const search = new URL(page.url()).searchParams;
      const api = (await (
        await page.request.get(`/api/emerging?substance=${search.get('substance')}&from=2021-01-01&res=4&step=quarter&value=kg`)
      ).json()) as EmergingAnswer;
      await expect(status(page)).toContainText(`${api.gridCells} hexagons`);
      await page.screenshot({ path: screenshotPath('emerging-filtered-quarters.png') });
      // Reloaded, the link reopens the same settings.
      await page.reload();
      await expect(page.getByTestId('emerging-step')).toHaveValue('quarter');
      await expect(page.getByTestId('emerging-resolution')).toHaveValue('4');
    },
  );

  test('a period too short to analyse says why, and suggests what to change', async ({ page }) => {
    await open(page, 'from=2025-01-01&to=2025-06-30&l=emerging');
    await expect(status(page)).toHaveAttribute('data-status', 'too-few-steps');
    await expect(status(page)).toContainText('the period holds 6 steps and at least 10 are needed');
  });

  test('in Russian', { tag: '@screenshot' }, async ({ page }) => {
    await open(page, 'lang=ru&l=emerging&c=68.6,38.7,7.4');
    await expect(status(page)).toHaveAttribute('data-status', 'ok');
    await expect(page.locator('[data-testid="emerging-posts"] li[data-code="dusti"]')).toContainText('Усиливающаяся горячая точка');
    const legend = page.getByTestId('legend').locator('[data-layer="emerging"]');
    await legend.getByText('Как это рассчитывается').click();
    await expect(page.getByTestId('legend-help-emerging')).toContainText('Гетиса–Орда');
    await page.screenshot({ path: screenshotPath('emerging-ru.png') });
  });

  test('the briefing and the exported picture carry the layer and its legend', { tag: '@screenshot' }, async ({ page }) => {
    await page.goto('/brief?l=emerging&c=68.6,38.7,7');
    await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
    await expect(page.getByTestId('legend').locator('[data-layer="emerging"]')).toContainText(/Intensifying hot spot \(\d+\)/);
    await page.screenshot({ path: screenshotPath('emerging-brief.png'), fullPage: true });

    await open(page, 'l=emerging&c=68.6,38.7,7');
    await expect(status(page)).toHaveAttribute('data-status', 'ok');
    await page.getByTestId('export-menu').locator('summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    const png = PNG.sync.read(readFileSync(await download.path()));
    // The legend's swatch of the category, drawn opaque (the map's hexagons are translucent).
    let swatch = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i] === 128 && png.data[i + 1] === 0 && png.data[i + 2] === 38) swatch++;
    expect(swatch).toBeGreaterThan(20);
  });
});

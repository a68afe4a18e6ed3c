/**
 * The views a manager works with, at the two screen sizes they use (1280×720 and 1920×1080), in
 * English and Russian: the default view, a filtered comparison, the change per hexagon, a post's panel, playback half-way,
 * the exported picture and the import report. Each is checked for what must be on it (the KPIs,
 * the data date, the legend under the map, the panel in view) and saved for people to look at:
 * test-results/screenshots/views-<size>-<lang>-<view>.png.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { screenshotPath } from './screenshots';

const SIZES = [
  { name: '1280', width: 1280, height: 720 },
  { name: '1920', width: 1920, height: 1080 },
] as const;

async function settled(page: Page) {
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
}

/** The page's visible part is wider than the window: something would need a sideways scroll. */
const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

for (const size of SIZES) {
  for (const lang of ['en', 'ru'] as const) {
    test(`views at ${size.width}×${size.height} in ${lang === 'en' ? 'English' : 'Russian'}`, async ({ page }, info) => {
      test.setTimeout(180_000);
      await page.setViewportSize({ width: size.width, height: size.height });
      const shot = (view: string) => page.screenshot({ path: screenshotPath(`views-${size.name}-${lang}-${view}.png`) });

      await page.goto(`/?lang=${lang}`);
      await settled(page);
      await expect(page.getByTestId('data-through')).toBeVisible();
      await expect(page.getByTestId('kpi-count')).not.toHaveAttribute('data-value', '');
      // Every post's marker is inside the map, framed at this size.
      const map = (await page.getByTestId('map').boundingBox())!;
      for (const marker of await page.getByTestId('blo-marker').all()) {
        const b = (await marker.boundingBox())!;
        expect(b.x >= map.x && b.x + b.width <= map.x + map.width && b.y >= map.y && b.y + b.height <= map.y + map.height).toBe(true);
      }
      expect(await overflowsSideways(page)).toBe(false);
      await shot('default');

      await page.goto(`/?lang=${lang}&substance=heroin&from=2024-01-01&to=2024-12-31&compare=year&l=hexagons,routes`);
      await settled(page);
      await expect(page.getByTestId('kpi-comparison-period')).toBeVisible();
      await shot('comparison');

      // The change per hexagon, 2024 against 2023.
      await page.goto(`/?lang=${lang}&substance=heroin&from=2024-01-01&to=2024-12-31&compare=year&l=changes`);
      await settled(page);
      await expect(page.locator('[data-testid="legend"] [data-layer="changes"] .ramp-labels')).toBeVisible();
      await shot('change');

      await page.goto(`/?lang=${lang}&substance=heroin&from=2024-01-01&to=2024-12-31&l=points,rings&sel=oybek&c=69.2,40.6,7.6`);
      await settled(page);
      await expect(page.getByTestId('blo-panel')).toBeInViewport();
      expect(await overflowsSideways(page)).toBe(false);
      await shot('panel');

      // Playback half-way through the data, paused.
      await page.goto(`/?lang=${lang}&l=hexagons&t=2022-06-30`);
      await settled(page);
      await expect(page.getByTestId('kpi-playback-note')).toBeVisible();
      await shot('playback');

      await page.goto(`/?lang=${lang}&substance=heroin&from=2024-01-01&to=2024-12-31&l=points,rings&sel=oybek&c=69.2,40.6,7.6`);
      await settled(page);
      await page.getByTestId('export-menu').locator('summary').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
      copyFileSync(await download.path(), screenshotPath(`views-${size.name}-${lang}-export.png`));

      const file = info.outputPath('rows.csv');
      writeFileSync(
        file,
        [
          'date,substance,quantity,unit,blo',
          '14.05.2025,heroin,2,kg,Dusti',
          '2025-03-01,opium,-5,kg,Dusti',
          '31.02.2025,opium,1,kg,Dusti',
          '',
        ].join('\n'),
      );
      await page.goto(`/import?lang=${lang}`);
      await page.getByTestId('import-file').setInputFiles(file);
      await page.getByTestId('import-dry-run').check();
      await page.getByTestId('import-start').click();
      await expect(page.getByTestId('import-report')).toHaveAttribute('data-rejected', '2');
      await shot('import-report');
    });
  }
}

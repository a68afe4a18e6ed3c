/**
 * Accessibility: axe-core finds no serious or critical violation on the dashboard (settled, with a
 * BLO's panel open, with the Export menu open, with the search's matches open, with the emerging hot spots on, with the
 * reporting grid open), the paired posts page, the import page and the signed-out sign-in page, in
 * English and in Russian. A failure lists each offending element with the rule and what to fix.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const BLOCKING = ['serious', 'critical'];

/**
 * Runs axe on the page as it stands and expects no serious or critical violation. Nothing is
 * excluded: the BLO labels drawn over the map canvas come back from axe as "incomplete" (it cannot
 * read a canvas's pixels to judge their contrast), not as violations.
 */
async function expectNoBlockingViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations
    .filter((v) => BLOCKING.includes(v.impact ?? ''))
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${(n.failureSummary ?? v.help).trim().replace(/\s*\n\s*/g, ' | ')}`,
      ),
    );
  expect(found, `axe: serious or critical violations on ${page.url()}`).toEqual([]);
}

/** The dashboard, settled: the map reports idle and the page speaks `lang`. */
async function openDashboard(page: Page, lang: 'en' | 'ru') {
  await page.goto(lang === 'ru' ? '/?lang=ru' : '/');
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

for (const lang of ['en', 'ru'] as const) {
  test.describe(`accessibility (${lang})`, () => {
    test('the settled dashboard has no serious or critical axe violation', async ({ page }) => {
      await openDashboard(page, lang);
      await expectNoBlockingViolations(page);
    });

    test("the dashboard with a BLO's panel open has no serious or critical axe violation", async ({ page }) => {
      await openDashboard(page, lang);
      // From the keyboard: at the default zoom the first marker lies under its neighbour's.
      const marker = page.getByTestId('blo-marker').first();
      const code = await marker.getAttribute('data-code');
      await marker.press('Enter');
      const panel = page.getByTestId('blo-panel');
      await expect(panel).toHaveAttribute('data-code', code!);
      await expect(panel).toHaveAttribute('aria-busy', 'false');
      await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
      await expectNoBlockingViolations(page);
    });

    test('the dashboard with the emerging hot spots on, their note open, has no serious or critical axe violation', async ({ page }) => {
      await page.goto(`/?l=emerging${lang === 'ru' ? '&lang=ru' : ''}`);
      await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
      await expect(page.getByTestId('emerging-status')).toHaveAttribute('data-status', 'ok');
      await page.getByTestId('legend-help-emerging').locator('summary').click();
      await expectNoBlockingViolations(page);
    });

    test('the dashboard with the Export menu open has no serious or critical axe violation', async ({ page }) => {
      await openDashboard(page, lang);
      const menu = page.getByTestId('export-menu');
      await menu.locator('summary').click();
      await expect(menu).toHaveAttribute('open', '');
      await expectNoBlockingViolations(page);
    });

    test("the dashboard with the search's matches open has no serious or critical axe violation", async ({ page }) => {
      await openDashboard(page, lang);
      await page.getByTestId('map-search').fill('kar');
      await expect(page.getByTestId('map-search-option').first()).toBeVisible();
      await expectNoBlockingViolations(page);
    });

    test('the dashboard with the reporting grid open, and the paired posts page, have no serious or critical axe violation', async ({
      page,
    }) => {
      await openDashboard(page, lang);
      await page.getByTestId('reporting-open').click();
      await expect(page.getByTestId('reporting-grid').locator('tbody tr')).toHaveCount(24);
      await expectNoBlockingViolations(page);
      await page.goto(lang === 'ru' ? '/pairs?lang=ru' : '/pairs');
      await expect(page.getByTestId('pair').first()).toBeVisible();
      await expectNoBlockingViolations(page);
    });

    test('the import page has no serious or critical axe violation', async ({ page }) => {
      await page.goto(lang === 'ru' ? '/import?lang=ru' : '/import');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('main')).toHaveAttribute('lang', lang);
      // Server-rendered: the page's language is on <html> from the first byte, not set by a script.
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expectNoBlockingViolations(page);
    });

    test.describe('signed out', () => {
      test.use({ storageState: { cookies: [], origins: [] } });

      test('the sign-in page has no serious or critical axe violation', async ({ page }) => {
        await page.goto(lang === 'ru' ? '/sign-in?lang=ru' : '/sign-in');
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.getByRole('main')).toHaveAttribute('lang', lang);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expectNoBlockingViolations(page);
      });
    });
  });
}

test.describe('the language on <html>, signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a page asked for in Russian sends to a sign-in whose <html> is in Russian, from the language of the link it returns to', async ({
    page,
  }) => {
    await page.goto('/import?lang=ru');
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.getByRole('main')).toHaveAttribute('lang', 'ru');
  });
});

import { expect, test } from '@playwright/test';
import { screenshotPath } from './screenshots';

test.describe('BLO list', () => {
  test('lists the 24 BLOs from the database, the 5 unconfirmed ones labelled', { tag: '@screenshot' }, async ({ page }) => {
    await page.goto('/');
    const rows = page.getByTestId('blo-row');
    await expect(rows).toHaveCount(24);
    const unconfirmed = page.locator('[data-testid="blo-row"][data-status="unconfirmed"]');
    await expect(unconfirmed).toHaveCount(5);
    for (const row of await unconfirmed.all()) await expect(row.getByText('Unconfirmed', { exact: true })).toBeVisible();
    await expect(page.locator('[data-testid="blo-row"][data-code="b-konysbaev"]')).toContainText('Б. Конысбаев');
    await expect(page.getByTestId('synthetic-banner')).toContainText('Synthetic');
    await page.getByTestId('blo-table').screenshot({ path: screenshotPath('blo-list.png') });
  });

  test('answers the health check with the seeded counts', async ({ request }) => {
    const health = await (await request.get('/api/health')).json();
    expect(health).toMatchObject({ status: 'ok', backend: 'pglite', blos: 24, seizures: 20_041, syntheticSeizures: 20_000 });
  });
});

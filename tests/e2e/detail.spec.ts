/**
 * Level of detail and the audit log in the browser: a viewer's dashboard (hexagons for points,
 * figures withheld where small, no single seizure asked for, no seizure file offered) in English and
 * Russian; the map picture carries its watermark; the admin's audit page lists, filters, pages, links
 * each export back to its view and downloads CSV, in both languages.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { BlosAnswer } from '@/lib/api/api-types';
import { ORIGIN, stateOf } from './accounts';
import { SCREENSHOT_DIR, screenshotPath } from './screenshots';

/** A week: enough seizures for a map, few enough per post that some are withheld. */
const PERIOD = 'from=2024-03-04&to=2024-03-10';

/** Requests for single seizures the page makes. */
function watchSingleSeizures(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path === '/api/seizures' || path.startsWith('/api/tiles/') || /^\/api\/blos\/[^/]+\/seizures$/.test(path)) asked.push(path);
  });
  return asked;
}

/** How many pixels differ between two PNGs, within rows [top, bottom) of the picture, in four quarters. */
async function differingPixels(page: Page, a: Buffer, b: Buffer, top: number, bottom: number): Promise<number[]> {
  return page.evaluate(
    async ({ a, b, top, bottom }) => {
      const pixels = async (b64: string) => {
        // Decoded here, not fetched: the page's CSP allows no data: connections.
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [x, y] = [await pixels(a), await pixels(b)];
      const quarters = [0, 0, 0, 0];
      for (let row = top; row < bottom; row++) {
        for (let col = 0; col < x.width; col++) {
          const i = (row * x.width + col) * 4;
          if (Math.abs(x.data[i] - y.data[i]) + Math.abs(x.data[i + 1] - y.data[i + 1]) + Math.abs(x.data[i + 2] - y.data[i + 2]) > 6) {
            quarters[(row < (top + bottom) / 2 ? 0 : 2) + (col < x.width / 2 ? 0 : 1)]++;
          }
        }
      }
      return quarters;
    },
    { a: a.toString('base64'), b: b.toString('base64'), top, bottom },
  );
}

test.describe('a viewer sees aggregates only', () => {
  test.use({ storageState: stateOf('viewer') });

  test(
    'hexagons stand in for points, small figures are withheld, nothing single is asked for',
    { tag: '@screenshot' },
    async ({ page }) => {
      // A post whose total that week the viewer is not shown.
      const list = (await (await page.request.get(`/api/blos?${PERIOD}`)).json()) as BlosAnswer;
      const withheld = list.blos.find((b) => b.totals.count === null);
      expect(withheld, 'some post is withheld that week').toBeDefined();
      const asked = watchSingleSeizures(page);
      for (const lang of ['en', 'ru'] as const) {
        await page.goto(`/?${PERIOD}&l=points,rings&sel=${withheld!.code}${lang === 'ru' ? '&lang=ru' : ''}`);
        await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
        await expect(page.getByTestId('aggregates-only')).toBeVisible();
        await expect(page.getByTestId('layer-points')).toBeDisabled();
        await expect(page.getByTestId('layer-points')).not.toBeChecked();
        await expect(page.getByTestId('layer-hexagons')).toBeChecked();
        const panel = page.getByTestId('blo-panel');
        await expect(panel).toHaveAttribute('data-code', withheld!.code);
        await expect(panel.getByTestId('recent-hidden')).toBeVisible();
        await expect(panel.locator('[data-withheld]').first()).toBeVisible();
        await expect(panel.getByTestId('withheld-note')).toContainText(lang === 'en' ? 'fewer than 3 seizures' : 'менее чем из 3 изъятий');
        await expect(page.locator(`[data-testid="blo-row"][data-code="${withheld!.code}"] [data-withheld]`)).toHaveCount(2);
        await page.getByTestId('export-menu').locator('summary').click();
        await expect(page.getByTestId('export-seizures.csv')).toHaveCount(0);
        await expect(page.getByTestId('export-blos.csv')).toBeVisible();
        await expect(page.getByTestId('export-events-hidden')).toBeVisible();
        await page.screenshot({ path: screenshotPath(`viewer-${lang}.png`) });
        await page.getByTestId('export-menu').locator('summary').click();
      }
      expect(asked).toEqual([]);
    },
  );

  test(
    'the map picture carries a watermark with the account and its audit entry, across the map',
    { tag: '@screenshot' },
    async ({ page }) => {
      await page.goto(`/?${PERIOD}&l=hexagons`);
      await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
      const pictures: Buffer[] = [];
      const entries: number[] = [];
      page.on('response', async (r) => {
        if (r.url().endsWith('/api/export/picture')) entries.push(((await r.json()) as { auditId: number }).auditId);
      });
      for (let i = 0; i < 2; i++) {
        await page.getByTestId('export-menu').locator('summary').click();
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
        pictures.push(readFileSync(await download.path()));
      }
      expect(entries).toHaveLength(2);
      expect(entries[1]).toBeGreaterThan(entries[0]);
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      writeFileSync(screenshotPath('viewer-export-map.png'), pictures[1]);
      // The same view drawn twice: only the audit entry differs, so every difference inside the map
      // is the watermark, and it covers all four quarters of the map.
      const map = (await page.getByTestId('map').boundingBox())!;
      const top = 62 * 2;
      const bottom = top + Math.round(map.height) * 2;
      const quarters = await differingPixels(page, pictures[0], pictures[1], top + 4, bottom - 4);
      for (const q of quarters) expect(q).toBeGreaterThan(20);
    },
  );
});

test.describe('the audit page', () => {
  test.use({ storageState: stateOf('admin') });

  test('lists, filters and pages the log, links an export to its view, downloads CSV', { tag: '@screenshot' }, async ({ page }) => {
    // An export to find: a map picture of a view with heroin in 2024.
    const view = '?substance=heroin&from=2024-01-01&to=2024-12-31&l=hexagons&lang=ru';
    const recorded = await page.request.post('/api/export/picture', { data: { view }, headers: { Origin: ORIGIN } });
    expect(recorded.status()).toBe(200);
    const { auditId } = (await recorded.json()) as { auditId: number };
    await expect.poll(async () => (await (await page.request.get('/api/audit?action=export&limit=5')).json()).events[0]?.id).toBe(auditId);

    for (const lang of ['en', 'ru'] as const) {
      await page.goto(`/admin/audit${lang === 'ru' ? '?lang=ru' : ''}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(lang === 'en' ? 'Audit log' : 'Журнал аудита');
      await expect(page.getByTestId('audit-row').first()).toBeVisible();
      await page.screenshot({ path: screenshotPath(`audit-${lang}.png`), fullPage: true });
    }

    // Filter by action through the form; every row shown is an export, the newest first.
    await page.goto('/admin/audit');
    await page.getByLabel('Action').selectOption('export');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/\/admin\/audit\?.*action=export/);
    const rows = page.getByTestId('audit-row');
    await expect(rows.first()).toHaveAttribute('data-id', String(auditId));
    for (const action of await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-action')))) expect(action).toBe('export');

    // The export's row opens the view it was made of.
    await rows.first().getByTestId('audit-view').click();
    await expect(page).toHaveURL(/\/\?/);
    const opened = new URL(page.url()).searchParams;
    expect(Object.fromEntries(opened)).toEqual({ substance: 'heroin', from: '2024-01-01', to: '2024-12-31', l: 'hexagons', lang: 'ru' });
    await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');

    // Pages by the id of the last row (5 a page here): the next page follows on, no row twice, none skipped.
    const ids = async () => page.getByTestId('audit-row').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('data-id'))));
    await page.goto('/admin/audit?limit=10');
    const ten = await ids();
    expect(ten).toHaveLength(10);
    // From the same newest row, whatever has been written since.
    await page.goto(`/admin/audit?limit=5&before=${ten[0] + 1}`);
    const first = await ids();
    await page.getByTestId('audit-older').click();
    await expect(page).toHaveURL(/limit=5/);
    const second = await ids();
    expect([...first, ...second]).toEqual(ten);

    // CSV of the same filter.
    await page.goto('/admin/audit?action=export');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-csv').click()]);
    const csv = readFileSync(await download.path(), 'utf8').split('\n');
    expect(csv[0]).toBe('id,at,email,role,action,target,status,rows,address,user_agent,params,view');
    expect(csv[1].startsWith(`${auditId},`)).toBe(true);

    // A bad filter is named in one line.
    await page.goto('/admin/audit?from=yesterday');
    await expect(page.getByTestId('audit-problem')).toContainText('from');
  });
});

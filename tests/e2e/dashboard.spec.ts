/**
 * The dashboard in Debian's Chromium on the seeded embedded database: the map settles, filters
 * change the KPIs and the chart to what the API answers, playback advances, a copied link restores
 * the same view in a fresh browser, and a BLO opens its panel. Screenshots: see ./screenshots.ts.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { SeriesAnswer } from '@/lib/api/api-types';
import { screenshotPath } from './screenshots';
import { ORIGIN, stateOf } from './accounts';

/** Page object: the dashboard and the figures it shows (read from data attributes, not pixels). */
class DashboardPage {
  constructor(readonly page: Page) {}

  map = () => this.page.getByTestId('map');

  async open(query = '') {
    await this.page.goto(`/${query ? `?${query}` : ''}`);
    await this.settled();
  }

  /** The map reports idle: style loaded, layers' data arrived and drawn, no tiles pending. */
  async settled() {
    await expect(this.map()).toHaveAttribute('data-map-state', 'idle');
  }

  async kpis() {
    const read = async (key: string) => Number(await this.page.getByTestId(`kpi-${key}`).getAttribute('data-value'));
    return { count: await read('count'), kgEq: await read('kgEq'), valueUsd: await read('valueUsd') };
  }

  search = () => new URL(this.page.url()).searchParams;
}

async function apiSummary(request: APIRequestContext, query: string) {
  const res = await request.get(`/api/summary?${query}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as { count: number; kgEq: number; valueUsd: number };
}

test.describe('dashboard', () => {
  test(
    'default view: map idle with 24 BLO markers, a legend and KPIs equal to the API',
    { tag: '@screenshot' },
    async ({ page, request }) => {
      const d = new DashboardPage(page);
      await d.open();
      await expect(page.getByTestId('blo-marker')).toHaveCount(24);
      await expect(page.locator('[data-testid="blo-marker"][data-status="unconfirmed"]')).toHaveCount(5);
      await expect(d.map()).toHaveAttribute('data-blo-markers', '24');
      await expect(page.getByTestId('legend')).toContainText('BLO, unconfirmed site');
      const api = await apiSummary(request, '');
      await expect.poll(async () => (await d.kpis()).count).toBe(api.count);
      expect((await d.kpis()).kgEq).toBeCloseTo(api.kgEq, 6);
      await expect(page.getByTestId('synthetic-banner')).toBeVisible();
      await page.screenshot({ path: screenshotPath('dashboard-default.png') });
    },
  );

  test('the pages are served under a strict Content-Security-Policy, and the map and its layers draw with no violation', async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Content-Security-Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`),
      );
    });
    const response = await page.goto('/?l=points,hexagons,heatmap,routes,rings&sel=oybek');
    const policy = response!.headers()['content-security-policy'];
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toContain('unsafe-eval');
    // A new nonce for every page.
    const again = (await page.request.get('/')).headers()['content-security-policy'];
    expect(again).not.toBe(policy);
    await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
    await expect(page.getByTestId('blo-marker')).toHaveCount(24);
    await page.goto('/import');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test('a substance and a period filter set the URL, and KPIs and chart show what the API returns', async ({ page, request }) => {
    const d = new DashboardPage(page);
    await d.open();
    const before = await d.kpis();
    await page.getByRole('checkbox', { name: 'Heroin' }).check();
    await page.getByTestId('period-preset').selectOption('lastYear');
    const year = new Date().getUTCFullYear() - 1;
    await expect.poll(() => d.search().toString()).toBe(`substance=heroin&from=${year}-01-01&to=${year}-12-31`);
    const query = `substance=heroin&from=${year}-01-01&to=${year}-12-31`;
    const api = await apiSummary(request, query);
    expect(api.count).toBeGreaterThan(0);
    expect(api.count).toBeLessThan(before.count);
    await expect.poll(async () => (await d.kpis()).count).toBe(api.count);
    const shown = await d.kpis();
    expect(shown.kgEq).toBeCloseTo(api.kgEq, 6);
    expect(shown.valueUsd).toBeCloseTo(api.valueUsd, 2);
    // The chart's months inside the period add up to the same figures, and to the monthly series.
    const chart = page.getByTestId('series-chart');
    await expect.poll(async () => Number(await chart.getAttribute('data-period-count'))).toBe(api.count);
    expect(Number(await chart.getAttribute('data-period-kg'))).toBeCloseTo(api.kgEq, 6);
    const series = (await (await request.get(`/api/timeseries?${query}`)).json()) as SeriesAnswer;
    expect(series.columns[2]).toBe('count');
    expect(series.rows.reduce((t, r) => t + r[2]!, 0)).toBe(api.count);
    await d.settled();
  });

  test('Back undoes a filter; an empty result offers a one-click reset', async ({ page, request }) => {
    const d = new DashboardPage(page);
    await d.open();
    const all = await apiSummary(request, '');
    await page.getByRole('checkbox', { name: 'Opium' }).check();
    const opium = await apiSummary(request, 'substance=opium');
    await expect.poll(async () => (await d.kpis()).count).toBe(opium.count);
    await page.goBack();
    await expect.poll(() => d.search().get('substance')).toBeNull();
    await expect.poll(async () => (await d.kpis()).count).toBe(all.count);
    await page.goForward();
    await expect.poll(async () => (await d.kpis()).count).toBe(opium.count);

    await d.open('minkg=999999');
    const minKg = page.getByRole('textbox', { name: 'Minimum kg-eq' });
    await expect(minKg).toHaveValue('999999');
    await expect(page.getByTestId('empty-state')).toContainText('No seizures match');
    await page.getByTestId('empty-state').getByRole('button').click();
    await expect.poll(async () => (await d.kpis()).count).toBe(all.count);
    expect(d.search().toString()).toBe('');
    await expect(minKg).toHaveValue('');
  });

  test('play advances the period the map shows, month by month', async ({ page }) => {
    const d = new DashboardPage(page);
    await d.open('from=2024-01-01&to=2024-12-31');
    const shown = page.getByTestId('map-period');
    await expect(shown).toHaveAttribute('data-to', '2024-12-31');
    await page.getByLabel('Speed').selectOption('0.5'); // a step every 1.8 s
    await page.getByTestId('play').press('Enter');
    await expect.poll(() => shown.getAttribute('data-to'), { intervals: [100] }).toBe('2024-03-31');
    await expect.poll(() => shown.getAttribute('data-to'), { intervals: [100] }).toBe('2024-04-30');
    expect(await shown.getAttribute('data-from')).toBe('2024-02-01'); // 3-month moving window
    await page.getByTestId('play').click();
    const at = d.search().get('t');
    expect(at === '2024-04-30' || at === '2024-05-31').toBe(true);
    // The KPIs stay on the filter period while the map plays.
    await expect(page.getByTestId('playback-window')).toBeVisible();
  });

  test('the period slider moves by keyboard, a month per arrow key', async ({ page }) => {
    const d = new DashboardPage(page);
    await d.open('from=2024-01-01&to=2024-12-31');
    await page.getByTestId('period-slider-to').focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => d.search().get('to')).toBe('2024-11-30');
    await expect.poll(() => d.search().get('from')).toBe('2024-01-01');
  });

  test('a copied link opens the same view, numbers and camera in a fresh browser', async ({ page, browser, baseURL }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    const d = new DashboardPage(page);
    await d.open('substance=hashish,heroin&from=2023-01-01&to=2024-06-30&l=points,hexagons&sel=oybek&r=50&c=69.5,40.6,6.2');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => d.search().get('c')).not.toBe('69.5,40.6,6.2');
    await d.settled();
    await page.getByTestId('copy-link').click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    // The page's own URL, pinned to the data version of the figures shown.
    const pinned = new URL(link);
    expect(pinned.searchParams.get('asof')).toMatch(/^\d+$/);
    pinned.searchParams.delete('asof');
    expect(pinned.toString()).toBe(page.url());
    const original = {
      kpis: await d.kpis(),
      camera: await d.map().getAttribute('data-camera'),
      catchment: await page.getByTestId('catchment').getAttribute('data-count'),
    };
    expect(original.camera).toMatch(/^69\.5000,40\.6000,7\.2\d,0\.0,0\.0$/);

    // Another manager's browser, signed in as themselves.
    const fresh = await browser.newContext({ baseURL: ORIGIN, storageState: stateOf('editor') });
    try {
      const other = new DashboardPage(await fresh.newPage());
      await other.page.goto(link);
      await other.settled();
      expect(other.page.url()).toBe(link);
      await expect.poll(async () => (await other.kpis()).count).toBe(original.kpis.count);
      expect(await other.kpis()).toEqual(original.kpis);
      expect(await other.map().getAttribute('data-camera')).toBe(original.camera);
      await expect(other.page.getByTestId('blo-panel')).toHaveAttribute('data-code', 'oybek');
      await expect(other.page.getByTestId('catchment')).toHaveAttribute('data-count', original.catchment!);
      await expect(other.page.getByTestId('layer-hexagons')).toBeChecked();
    } finally {
      await fresh.close();
    }
  });

  test(
    'clicking a BLO opens its panel with catchment figures from the API, and flies to its pair',
    { tag: '@screenshot' },
    async ({ page, request }) => {
      const d = new DashboardPage(page);
      await d.open('c=69.0,41.2,6.5');
      await page.locator('[data-testid="blo-marker"][data-code="b-konysbaev"]').click();
      const panel = page.getByTestId('blo-panel');
      await expect(panel).toHaveAttribute('data-code', 'b-konysbaev');
      await expect(panel).toContainText('B. Konysbaev');
      await expect(panel).toContainText('Б. Конысбаев');
      const detail = (await (await request.get('/api/blos/b-konysbaev?r=25')).json()) as {
        catchment: { count: number };
        paired: { code: string } | null;
      };
      await expect(page.getByTestId('catchment')).toHaveAttribute('data-count', String(detail.catchment.count));
      await expect(page.getByTestId('blo-sparkline')).toBeVisible();
      expect(d.search().get('sel')).toBe('b-konysbaev');
      await d.settled();
      await page.screenshot({ path: screenshotPath('dashboard-blo-panel.png') });
      if (detail.paired) {
        await page.getByTestId('fly-paired').click();
        await expect.poll(() => d.search().get('sel')).toBe(detail.paired!.code);
        await expect(panel).toHaveAttribute('data-code', detail.paired.code);
      }
    },
  );

  test('flying to a paired post animates; Back jumps to the camera before', async ({ page }) => {
    const d = new DashboardPage(page);
    await d.open('c=69.0,41.2,6.5&sel=oybek');
    const before = await d.map().getAttribute('data-camera');
    expect(before).toBe('69.0000,41.2000,6.50,0.0,0.0');
    await page.getByTestId('fly-paired').click();
    await expect(d.map()).toHaveAttribute('data-camera-move', 'fly');
    await expect.poll(() => d.search().get('sel')).toBe('fotehobod');
    await d.settled();
    expect(await d.map().getAttribute('data-camera')).not.toBe(before);
    await page.goBack();
    await expect.poll(() => d.search().get('sel')).toBe('oybek');
    await expect(d.map()).toHaveAttribute('data-camera-move', 'jump');
    await d.settled();
    expect(await d.map().getAttribute('data-camera')).toBe(before);
  });

  test('switching the language relabels the page and the map', async ({ page }) => {
    const d = new DashboardPage(page);
    await d.open();
    const canvas = d.map().locator('canvas.maplibregl-canvas');
    await expect(canvas).toHaveAttribute('aria-label', /^Map of BLOs and seizures/);
    await page.getByRole('button', { name: 'Язык: русский' }).click();
    await expect.poll(() => d.search().get('lang')).toBe('ru');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(canvas).toHaveAttribute('aria-label', /^Карта ППК и изъятий/);
    await expect(page.getByTestId('legend')).toContainText('ППК, место не подтверждено');
  });

  test('a filtered hotspot view: hexagons of hashish seizures', { tag: '@screenshot' }, async ({ page }) => {
    const d = new DashboardPage(page);
    await d.open('substance=hashish&l=hexagons,routes&c=70.5,39.8,5.6');
    await expect(page.getByTestId('legend')).toContainText('Hotspots');
    await page.screenshot({ path: screenshotPath('dashboard-hotspots.png') });
  });

  test(
    'with JavaScript off, a briefing link still shows its figures, the list of posts and the open post; the map says it needs JavaScript',
    { tag: '@screenshot' },
    async ({ browser, request }) => {
      const filters = 'substance=heroin&from=2024-01-01&to=2024-12-31';
      const context = await browser.newContext({ javaScriptEnabled: false, storageState: stateOf('editor') });
      const page = await context.newPage();
      const asked: string[] = [];
      page.on('request', (r) => {
        if (new URL(r.url()).pathname.startsWith('/api/')) asked.push(r.url());
      });
      await page.goto(`/?${filters}&c=69.3,41.2,6.5&sel=oybek&lang=ru`);
      // The figures as the API gives them, read from the HTML the server sent.
      const api = await apiSummary(request, filters);
      const shown = async (key: string) => Number(await page.getByTestId(`kpi-${key}`).getAttribute('data-value'));
      expect(api.count).toBeGreaterThan(0);
      expect(await shown('count')).toBe(api.count);
      expect(await shown('kgEq')).toBeCloseTo(api.kgEq, 6);
      const blos = (await (await request.get(`/api/blos?${filters}`)).json()) as { blos: { code: string }[] };
      expect(blos.blos).toHaveLength(24);
      expect((await page.getByTestId('blo-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')))).sort()).toEqual(
        blos.blos.map((b) => b.code).sort(),
      );
      await expect(page.getByTestId('blo-panel')).toBeVisible();
      await expect(page.getByTestId('blo-panel-heading')).toContainText('Ойбек');
      await expect(page.getByTestId('map-needs-js')).toBeVisible();
      await expect(page.getByTestId('map-needs-js')).toContainText('JavaScript');
      await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'loading');
      // Nothing says "loading": without scripts nothing will load.
      await expect(page.getByRole('status').filter({ hasText: 'Загрузка' })).toHaveCount(0);
      await page.screenshot({ path: screenshotPath('dashboard-no-javascript.png') });
      // Nothing was asked for but the points the map would draw (preloaded with the page).
      expect(asked.filter((u) => !new URL(u).pathname.startsWith('/api/seizures'))).toEqual([]);
      await context.close();
    },
  );

  test('the figures of a link are in its HTML and the browser does not ask for them again', async ({ page }) => {
    const asked: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/')) asked.push(url.pathname);
    });
    const d = new DashboardPage(page);
    await d.open('substance=heroin&sel=oybek');
    await expect(page.getByTestId('blo-panel')).toBeVisible();
    expect(asked.filter((p) => /^\/api\/(summary|blos|timeseries|baselines|reporting)/.test(p))).toEqual([]);
    // Asked once the filters change: the answers come from the API as before.
    await page.getByRole('checkbox', { name: 'Hashish' }).check();
    await expect.poll(() => asked.includes('/api/summary')).toBe(true);
  });

  test("a link's camera is the map's from its first frame, and so is the default view's framing of the posts", async ({ page }) => {
    const d = new DashboardPage(page);
    await d.open('substance=heroin&c=69.3,41.2,6.5&sel=oybek&l=points,rings');
    const first = await d.map().getAttribute('data-first-camera');
    expect(first).toBe('69.3000,41.2000,6.50,0.0,0.0');
    expect(await d.map().getAttribute('data-camera')).toBe(first);
    // No camera in the link: the posts are framed before anything is drawn, not after a first frame elsewhere.
    await d.open();
    const framed = await d.map().getAttribute('data-camera');
    expect(framed).not.toBe('66.8000,39.9000,4.35,0.0,0.0');
    expect(await d.map().getAttribute('data-first-camera')).toBe(framed);
  });

  test('panning asks the server for nothing already loaded', async ({ page }) => {
    const d = new DashboardPage(page);
    await d.open('l=points,hexagons&c=68.0,40.5,5.2');
    const asked: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) asked.push(r.url());
    });
    const box = (await d.map().boundingBox())!;
    const from = { x: box.x + box.width * 0.6, y: box.y + box.height * 0.6 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x - 220, from.y - 90, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => d.search().get('c')).not.toBe('68.0,40.5,5.2');
    await d.settled();
    expect(asked).toEqual([]);
  });

  test('a bad value in a pasted link is named, and the rest of the view still opens', async ({ page }) => {
    const d = new DashboardPage(page);
    await d.open('substance=heroin&from=2024-13-01&l=points,bogus');
    await expect(page.getByTestId('link-problems')).toContainText('from');
    await expect(page.getByTestId('link-problems')).toContainText('l');
    await expect(page.getByRole('checkbox', { name: 'Heroin' })).toBeChecked();
  });
});

/**
 * The dashboard in Russian (`lang=ru`) leaves no English behind: the map's scale and its buttons,
 * a bad link's warning, a post's panel (distances, borders, the abbreviation ППК spelled out, the
 * source notes) and the text of the whole page, read from the page itself.
 */
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { COUNTRY_LABEL_POINTS } from '@/lib/map/basemap-style';

/**
 * English words of the interface that must not show in Russian. Chosen so that the Latin text the
 * Russian page rightly keeps cannot match: the posts' Latin names shown beside the Cyrillic ones
 * ("Kainda (rail)", "Kyzyl-Art", "B. Konysbaev"), the account's email address, the language switch
 * written in its own language ("Language: English"), the map data source ("OpenStreetMap"),
 * format names (CSV, GeoJSON, PNG), units of currency ("$"). Matched as whole words, case as written,
 * so "km" does not match inside "Karamyk".
 */
const ENGLISH_WORDS = [
  'Seizures',
  'seizures',
  'Seizure',
  'Heroin',
  'Hashish',
  'Opium',
  'Zoom',
  'km',
  'kg',
  'Source',
  'Loading',
  'Previous period',
  'Filters',
  'Substance',
  'Period',
  'Legend',
  'Layers',
  'Routes',
  'Heatmap',
  'Hotspots',
  'Catchment',
  'Confirmed',
  'Unconfirmed',
  'Border',
  'Radius',
  'Recent',
  'Nearest',
  'Export',
  'Briefing',
  'Copy link',
  'Live link',
  'Play',
  'Pause',
  'Speed',
  'Map shows',
  'Estimated value',
  'kg-equivalent',
  'Withheld',
  'Sign out',
  'Compare with',
  'Reset filters',
  'Country',
  'Transport',
  'Concealment',
  'Synthetic',
  'All posts',
  'Last seizure',
  'Opened',
  'Key figures',
  'Mode',
  'per cell',
  'vs comparison',
  'opened',
  'Position',
];

/** The words of ENGLISH_WORDS that `text` contains. */
const englishIn = (text: string) =>
  ENGLISH_WORDS.filter((w) => new RegExp(`(^|[^A-Za-z])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z]|$)`).test(text));

/** A country code next to an arrow ("KG → KZ", "→ KZ"): borders are written with names. */
const BORDER_CODE = /\b[A-Z]{2}\s*→|→\s*[A-Z]{2}\b/;

class RussianDashboard {
  constructor(readonly page: Page) {}

  map = () => this.page.getByTestId('map');
  scale = () => this.page.getByTestId('map-scale');
  panel = () => this.page.getByTestId('blo-panel');

  async open(query = '') {
    await this.page.goto(`/?lang=ru${query ? `&${query}` : ''}`);
    await this.settled();
    await expect(this.page.locator('html')).toHaveAttribute('lang', 'ru');
  }

  async settled() {
    await expect(this.map()).toHaveAttribute('data-map-state', 'idle');
  }

  /** Every title and aria-label on the page, one a line. */
  labels = () =>
    this.page.evaluate(() =>
      [...document.querySelectorAll('[title], [aria-label]')]
        .flatMap((el) => [el.getAttribute('title'), el.getAttribute('aria-label')])
        .filter((v): v is string => Boolean(v))
        .join('\n'),
    );
}

test.describe('the dashboard in Russian', () => {
  test('the map scale writes км with a Russian number, never km', async ({ page }) => {
    const d = new RussianDashboard(page);
    await d.open();
    await expect(d.scale()).toHaveText(/^\d[\d\s,]*\s?км$/);
    await expect(d.scale()).not.toContainText('km');
    // Zoomed in far enough the scale is in metres.
    await d.open('c=68.66,40.97,15');
    await expect(d.scale()).toHaveText(/^\d+\s?м$/);
  });

  test("the map's buttons are named in Russian, and renamed when the language is switched", async ({ page }) => {
    const d = new RussianDashboard(page);
    await page.goto('/');
    await d.settled();
    const zoomIn = page.locator('.maplibregl-ctrl-zoom-in');
    await expect(zoomIn).toHaveAttribute('title', 'Zoom in');
    await expect(d.scale()).toHaveText(/km$/);
    // The countries' names on the map, written in capitals.
    const kazakhstan = page.locator('[data-testid="country-label"][data-country="KZ"]');
    await expect(kazakhstan).toHaveText('Kazakhstan');
    expect(await kazakhstan.innerText()).toBe('KAZAKHSTAN');

    await page.getByRole('button', { name: 'Язык: русский' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(zoomIn).toHaveAttribute('title', 'Приблизить');
    await expect(zoomIn).toHaveAttribute('aria-label', 'Приблизить');
    await expect(page.locator('.maplibregl-ctrl-zoom-out')).toHaveAttribute('aria-label', 'Отдалить');
    await expect(page.locator('.maplibregl-ctrl-compass')).toHaveAttribute('title', /^[^A-Za-z]+$/);
    await expect(d.scale()).toHaveText(/км$/);
    await expect(kazakhstan).toHaveText('Казахстан');
    expect(await kazakhstan.innerText()).toBe('КАЗАХСТАН');
    await expect(page.getByTestId('country-label')).toHaveCount(Object.keys(COUNTRY_LABEL_POINTS).length);

    // The same names when the page opens in Russian.
    await d.open();
    await expect(zoomIn).toHaveAttribute('title', 'Приблизить');
    await expect(kazakhstan).toHaveText('Казахстан');
  });

  test('a bad link is explained in Russian, without an English word or a URL key', async ({ page }) => {
    const d = new RussianDashboard(page);
    await d.open('from=2024-13-45');
    const warning = page.getByTestId('link-problems');
    await expect(warning).toContainText('Часть ссылки не распознана');
    await expect(warning).toContainText('начало периода — такой даты нет в календаре');
    expect(await warning.innerText()).not.toMatch(/[A-Za-z]/);
  });

  test("a post's panel: distances in км, borders by name, ППК spelled out, sources in plain Russian", async ({ page }) => {
    const d = new RussianDashboard(page);
    // Zoomed in on the post, so no neighbour's marker lies over its own.
    await d.open('c=68.66,40.97,8');
    await page.locator('[data-testid="blo-marker"][data-code="b-konysbaev"]').click();
    await expect(d.panel()).toHaveAttribute('data-code', 'b-konysbaev');
    await expect(d.panel()).toHaveAttribute('aria-busy', 'false');
    await d.settled();

    await expect(d.panel()).toContainText('пункт пограничного контроля (ППК)');
    await expect(d.panel()).toContainText('Граница: Казахстан — Узбекистан');
    // The newest seizures of the catchment, each with its distance from the post.
    const distances = d.panel().locator('table.recent td.num:last-child');
    await expect(distances.first()).toBeVisible();
    for (const text of await distances.allInnerTexts()) expect(text).toMatch(/^\d+,\d км$/);

    const source = d.panel().getByTestId('blo-source');
    await source.locator('summary').click();
    await expect(source).toContainText('Положение:');
    // Shown where it was published; distances are measured from that crossing point.
    await expect(source).not.toContainText('сдвинут');
    await expect(d.panel().getByTestId('catchment-note')).toContainText('от пункта пропуска, отмеченного на карте');
    const panelText = await d.panel().innerText();
    expect(panelText).not.toMatch(/\bkm\b/);
    expect(panelText).not.toMatch(BORDER_CODE);
    expect(panelText).not.toMatch(/Coord|npm|nudged|snapped/);
    expect(englishIn(panelText)).toEqual([]);
  });

  test('no English interface word anywhere on the page, in its text or its labels', async ({ page }) => {
    const d = new RussianDashboard(page);
    // Every layer on (the legend explains each), and a post's panel open.
    await d.open('l=points,hexagons,heatmap,routes,rings&sel=oybek');
    await expect(d.panel()).toHaveAttribute('aria-busy', 'false');
    await d.settled();
    const text = await page.evaluate(() => document.body.innerText);
    expect(englishIn(text)).toEqual([]);
    expect(text).not.toMatch(BORDER_CODE);
    expect(englishIn(await d.labels())).toEqual([]);
  });

  test('the import page too: its file button and the chosen file in Russian, not the browser’s English', async ({ page }, info) => {
    await page.goto('/import?lang=ru');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toMatch(/Choose File|No file chosen|Browse/);
    expect(englishIn(text)).toEqual([]);
    await expect(page.getByText('Выбрать файл…')).toBeVisible();
    await expect(page.getByTestId('import-file-name')).toHaveText('Файл не выбран');
    const file = info.outputPath('изъятия.csv');
    writeFileSync(file, 'date,substance,quantity,unit,blo\n');
    await page.getByTestId('import-file').setInputFiles(file);
    await expect(page.getByTestId('import-file-name')).toHaveText('изъятия.csv');
  });
});

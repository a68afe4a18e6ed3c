/**
 * The map read by its places: towns, rivers and lakes written around the posts at the region's zoom
 * and at a crossing's, in English and Russian, with no two names over each other; the search finds
 * posts and places by any of their names and flies there. Positions are checked against the shipped
 * data (data/places.json, data/blos.json), not against what the page says about itself.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { screenshotPath } from './screenshots';

interface Place {
  id: number;
  name: string;
  nameRu: string | null;
  lon: number;
  lat: number;
}
const places = JSON.parse(readFileSync('data/places.json', 'utf8')) as Place[];
const blos = JSON.parse(readFileSync('data/blos.json', 'utf8')) as { code: string; lon: number; lat: number }[];
const placeNamed = (name: string) => places.find((p) => p.name === name)!;
const post = (code: string) => blos.find((b) => b.code === code)!;

async function open(page: Page, query: string) {
  await page.goto(`/?${query}`);
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
}

interface Box {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every name written on the map (posts and places) with its box on screen: those inside the map's frame. */
async function writtenNames(page: Page): Promise<Box[]> {
  return page.evaluate(() => {
    const frame = document.querySelector('[data-testid="map"]')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('.blo-label, .place-label')]
      .filter((el) => getComputedStyle(el).visibility === 'visible' && el.offsetWidth > 0)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { text: el.textContent ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
      })
      .filter((b) => b.x < frame.right && b.x + b.width > frame.left && b.y < frame.bottom && b.y + b.height > frame.top);
  });
}

function overlapping(boxes: Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5) {
        out.push(`${a.text} × ${b.text}`);
      }
    }
  }
  return out;
}

/** The camera the map shows: [lng, lat, zoom]. */
async function shownCamera(page: Page): Promise<number[]> {
  const text = await page.getByTestId('map').getAttribute('data-camera');
  return text!.split(',').map(Number).slice(0, 3);
}

const VIEWS = [
  { name: 'region', query: '' },
  { name: 'fergana', query: 'c=70.9,40.6,6.6' },
  { name: 'oybek', query: `c=${post('oybek').lon},${post('oybek').lat},9.5` },
  { name: 'panji-poyon', query: `c=${post('panji-poyon').lon},${post('panji-poyon').lat},9.5` },
];

test.describe('places on the map', () => {
  for (const lang of ['en', 'ru'] as const) {
    for (const view of VIEWS) {
      test(`${view.name} (${lang}): towns written beside the posts, no name over another`, async ({ page }) => {
        await open(page, [view.query, `lang=${lang}`].filter(Boolean).join('&'));
        const names = await writtenNames(page);
        await page.screenshot({ path: screenshotPath(`places-${view.name}-${lang}.png`) });
        expect(overlapping(names)).toEqual([]);
        const written = new Set(names.map((n) => n.text));
        const nameOf = (city: string) => (lang === 'ru' ? placeNamed(city).nameRu! : city);
        if (view.name === 'region') {
          // Where the posts crowd, their names come first; cities are written in the room left.
          for (const city of ['Ashgabat', 'Samarkand', 'Bukhara', 'Nukus']) expect(written, city).toContain(nameOf(city));
        } else if (view.name === 'fergana') {
          // Closer in, the capitals and towns around the valley's posts, and its rivers (Osh stays
          // unwritten: it would touch Dostuk's name).
          for (const city of ['Tashkent', 'Khujand', 'Namangan', 'Andijan']) expect(written, city).toContain(nameOf(city));
          for (const river of lang === 'ru' ? ['Сырдарья', 'Нарын'] : ['Syr Darya', 'Naryn']) expect(written, river).toContain(river);
        } else if (view.name === 'oybek') {
          // At the crossing's zoom: the two posts facing each other, the village beside them, the river.
          const expected = lang === 'ru' ? ['Ойбек', 'Фотехобод', 'Бустон', 'Сырдарья'] : ['Oybek', 'Fotehobod', 'Buston', 'Syr Darya'];
          for (const name of expected) expect(written, name).toContain(name);
        } else {
          // The bridge over the Panj, which is the border here.
          for (const name of lang === 'ru' ? ['Нижний Пяндж', 'Пяндж'] : ['Panji Poyon', 'Panj']) expect(written, name).toContain(name);
        }
      });
    }
  }

  test('the basemap gets the shipped country polygons, and a reload only revalidates them', async ({ page }) => {
    await open(page, '');
    const answer = await page.evaluate(async () => {
      const first = await fetch('/api/countries');
      const body = (await first.json()) as { features: { properties: { iso2: string } }[] };
      const again = await fetch('/api/countries', { headers: { 'If-None-Match': first.headers.get('etag') ?? '' } });
      return { status: first.status, countries: body.features.map((f) => f.properties.iso2), again: again.status };
    });
    expect(answer.status).toBe(200);
    expect(answer.countries).toEqual(['AF', 'CN', 'IR', 'KG', 'KZ', 'PK', 'RU', 'TJ', 'TM', 'UZ']);
    expect(answer.again).toBe(304);
  });

  test('the post markers stand at their published positions', async ({ page }) => {
    const oybek = post('oybek');
    await open(page, `c=${oybek.lon},${oybek.lat},10`);
    const marker = (await page.locator('[data-testid="blo-marker"][data-code="oybek"]').boundingBox())!;
    const map = (await page.getByTestId('map').boundingBox())!;
    // The camera is centred on the published point: the marker is drawn at the map's centre.
    expect(Math.abs(marker.x + marker.width / 2 - (map.x + map.width / 2))).toBeLessThan(2);
    expect(Math.abs(marker.y + marker.height / 2 - (map.y + map.height / 2))).toBeLessThan(2);
  });
});

test.describe('search', () => {
  const cases = [
    { query: 'Ойбек', kind: 'post', id: 'oybek', at: [post('oybek').lon, post('oybek').lat] },
    { query: 'oybek', kind: 'post', id: 'oybek', at: [post('oybek').lon, post('oybek').lat] },
    { query: 'Termiz', kind: 'place', id: String(placeNamed('Termez').id), at: [placeNamed('Termez').lon, placeNamed('Termez').lat] },
    { query: 'Термез', kind: 'place', id: String(placeNamed('Termez').id), at: [placeNamed('Termez').lon, placeNamed('Termez').lat] },
  ];
  for (const c of cases) {
    test(`"${c.query}" finds ${c.id} first and flies there`, async ({ page }) => {
      await open(page, '');
      const box = page.getByTestId('map-search');
      await box.fill(c.query);
      const first = page.getByTestId('map-search-option').first();
      await expect(first).toHaveAttribute('data-kind', c.kind);
      await expect(first).toHaveAttribute('data-id', c.id);
      await box.press('Enter');
      await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
      await expect
        .poll(async () => {
          const [lng, lat] = await shownCamera(page);
          return Math.hypot(lng - c.at[0], lat - c.at[1]);
        })
        .toBeLessThan(0.01);
      if (c.kind === 'post') await expect(page.getByTestId('blo-panel-heading')).toBeFocused();
      else await expect(page.locator(`.place-marker.found[data-id="place:${c.id}"] .place-label`)).toBeVisible();
    });
  }

  test('says when nothing matches, and the arrows and Escape work', async ({ page }) => {
    await open(page, 'lang=ru');
    const box = page.getByTestId('map-search');
    await box.fill('Москва');
    await expect(page.getByTestId('map-search-results')).toContainText('Нет ППК или населённого пункта');
    await box.fill('Kar');
    await expect(page.getByTestId('map-search-option').first()).toHaveAttribute('aria-selected', 'true');
    await box.press('ArrowDown');
    await expect(page.getByTestId('map-search-option').nth(1)).toHaveAttribute('aria-selected', 'true');
    await box.press('Escape');
    await expect(box).toHaveValue('');
  });
});

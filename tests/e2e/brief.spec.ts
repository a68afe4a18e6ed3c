/**
 * The briefing page of a filtered view, printed to PDF by Chromium: its text (pdftotext, from
 * poppler-utils) holds the title, the KPIs /api/summary answers, the five posts /api/blos ranks
 * first, the data version and the link; its QR code (read from the page rendered by pdftoppm,
 * decoded by jsQR) is the link. The rendered pages are saved as screenshots.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { BlosAnswer, ReportingAnswer, SummaryAnswer } from '@/lib/api/api-types';
import { SCREENSHOT_DIR, screenshotPath } from './screenshots';

const VIEW = 'substance=heroin,hashish&from=2024-01-01&to=2024-12-31&compare=year&l=points,hexagons&c=69.5,40.4,5.4';

/** Opens the briefing and waits for its map and chart; answers the data version it is pinned to. */
async function openBrief(page: Page, query: string): Promise<number> {
  await page.goto(`/brief?${query}`);
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
  await expect(page.getByTestId('brief-chart')).toHaveAttribute('data-ready', 'true');
  return Number(await page.getByTestId('brief').getAttribute('data-version'));
}

/** Prints the page to PDF; answers its text and the PNG files of its pages (150 dpi). */
async function print(page: Page, dir: string, name: string): Promise<{ text: string; pages: string[] }> {
  await page.emulateMedia({ media: 'print' });
  const pdf = path.join(dir, `${name}.pdf`);
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-r', '150', '-png', pdf, path.join(dir, name)]);
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  const pages = Array.from({ length: count }, (_, i) => path.join(dir, `${name}-${i + 1}.png`));
  return { text, pages };
}

test(
  'the briefing of a filtered view prints to a PDF with the KPIs, the five posts, the data version, the link and its QR code',
  {
    tag: '@screenshot',
  },
  async ({ page }, info) => {
    test.setTimeout(120_000);
    const dir = info.outputPath('brief');
    mkdirSync(dir, { recursive: true });
    const version = await openBrief(page, VIEW);
    expect(version).toBeGreaterThan(0);
    const link = await page.getByTestId('brief-link').textContent();
    expect(link).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:\\d+/\\?substance=hashish%2Cheroin&from=2024-01-01&to=2024-12-31&compare=year&asof=${version}&`),
    );

    // The figures the API gives for the same view and version.
    const search = `substance=hashish,heroin&from=2024-01-01&to=2024-12-31&compare=year&asof=${version}`;
    const summary = (await (await page.request.get(`/api/summary?${search}`)).json()) as SummaryAnswer;
    const blos = (await (await page.request.get(`/api/blos?${search}`)).json()) as BlosAnswer;
    const five = blos.blos
      .filter((b) => (b.totals.count ?? 0) > 0)
      .sort((a, b) => b.totals.count! - a.totals.count! || a.name.localeCompare(b.name))
      .slice(0, 5);
    expect(five).toHaveLength(5);

    // How completely the posts reported in 2024, worked out from /api/reporting's characters.
    const grid = (await (await page.request.get(`/api/reporting?asof=${version}`)).json()) as ReportingAnswer;
    const offset = (2024 - Number(grid.from!.slice(0, 4))) * 12 - (Number(grid.from!.slice(5, 7)) - 1);
    const year = grid.posts.map((p) => p.months.slice(offset, offset + 12));
    const reported = year.reduce((n, m) => n + m.replace(/-/g, '').length, 0);
    const complete = year.filter((m) => !m.includes('-')).length;
    await expect(page.getByTestId('brief-completeness')).toHaveAttribute('data-reported', String(reported));

    const { text, pages } = await print(page, dir, 'brief-en');
    expect(pages).toHaveLength(2);
    // Words as pdftotext gives them: any line break between two.
    const words = `${complete} of 24 posts reported every month of the period (${reported} of 288 post-months)`.split(' ');
    expect(text).toMatch(new RegExp(words.map((w) => w.replace(/[()]/g, '\\$&')).join('\\s+')));
    expect(text).toContain('Briefing: drug seizures at the Border Liaison Offices');
    expect(text).toContain('FOR OFFICIAL USE ONLY');
    expect(text).toContain('© OpenStreetMap contributors');
    expect(text).toContain(`Data version ${version} of`);
    expect(text).toMatch(/data up to \d{1,2} \w{3} \d{4}/);
    const en = new Intl.NumberFormat('en-GB');
    expect(text).toContain(en.format(summary.count!));
    expect(text).toMatch(/Compared with 1 Jan 2023 – 31 Dec 2023/);
    const rows = text.split('\n');
    for (const b of five) {
      // Each post's row: its name, then its count.
      expect(
        rows.some((r) => r.includes(b.name) && r.includes(` ${en.format(b.totals.count!)} `)),
        b.name,
      ).toBe(true);
    }
    // The link may wrap in the text: compare without white space.
    expect(text.replace(/\s+/g, '')).toContain(link!);

    // The QR code on the first page decodes to the link.
    const png = PNG.sync.read(readFileSync(pages[0]));
    const qr = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
    expect(qr?.data).toBe(link);

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    pages.forEach((p, i) => copyFileSync(p, screenshotPath(`brief-en-page-${i + 1}.png`)));
  },
);

test('the briefing in Russian, and in both languages side by side', { tag: '@screenshot' }, async ({ page }, info) => {
  test.setTimeout(120_000);
  const dir = info.outputPath('brief');
  mkdirSync(dir, { recursive: true });
  await openBrief(page, `${VIEW}&lang=ru`);
  const ru = await print(page, dir, 'brief-ru');
  expect(ru.text).toContain('Брифинг: изъятия наркотиков у пунктов пограничного контроля (ППК)');
  expect(ru.text).toContain('ДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ');
  expect(ru.text).toContain('© участники OpenStreetMap');
  expect(ru.text).toMatch(/Версия данных \d+ от/);
  expect(ru.text).not.toContain('Briefing:');
  copyFileSync(ru.pages[0], screenshotPath('brief-ru-page-1.png'));

  await page.emulateMedia({ media: 'screen' });
  await openBrief(page, `${VIEW}&lang=en,ru`);
  const both = await print(page, dir, 'brief-both');
  expect(both.text).toMatch(/Briefing: drug seizures at the Border Liaison Offices\s*\/\s*Брифинг/);
  // Headings in both languages (pdftotext may wrap the second onto the next line).
  expect(both.text).toContain('Posts with most seizures in view /');
  // pdftotext may put a map label from the same line between the two halves of a wrapped heading.
  expect(both.text).toMatch(/Пункты с\s+(\S+\s+)?наибольшим числом изъятий/);
  copyFileSync(both.pages[0], screenshotPath('brief-both-page-1.png'));
});

test('a bad language is a clear error, not a page in a guessed language', async ({ page }) => {
  await page.goto('/brief?lang=fr');
  await expect(page.locator('p[role="alert"]')).toHaveText('lang must be en, ru, or both (en,ru)');
});

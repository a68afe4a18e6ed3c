/**
 * Data out and in through the browser: the exports of a filtered view (files and a map picture),
 * and the upload page on a 100,000-row file. This file writes to the database, so it runs last
 * (files run in name order, one worker).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, test } from '@playwright/test';
import { importCsvLines } from '@/tests/fixtures/import-csv';
import { SCREENSHOT_DIR, screenshotPath } from './screenshots';

const FILTERED = 'substance=heroin,hashish&from=2024-01-01&to=2024-12-31&l=points,hexagons&c=69.5,40.4,5.4';

async function openSettled(page: import('@playwright/test').Page, query: string) {
  await page.goto(`/?${query}`);
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
}

/** Downloads an export from the Export menu: its bytes, the file name checked when a pattern is given. */
async function downloadExport(page: import('@playwright/test').Page, testId: string, name?: RegExp): Promise<Buffer> {
  await page.getByTestId('export-menu').locator('summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  if (name) expect(download.suggestedFilename()).toMatch(name);
  return readFileSync(await download.path());
}

/** The records of a CSV export by column name (byte-order mark and `#` lines set aside), parsed by csv-parse. */
function exportRecords(text: string, delimiter: ',' | ';'): Record<string, string>[] {
  const body = text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n');
  return parse(body, { columns: true, delimiter }) as Record<string, string>[];
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
    expect(lines[7]).toBe('# map data: © OpenStreetMap contributors (borders, ODbL); GeoNames (places, CC BY 4.0)');
    expect(lines[8]).toBe(
      'date,substance,quantity,unit,lon,lat,transport,concealment,detection,origin,destination,source_ref,notes,kg_eq,value_usd,country,nearest_blo,synthetic,date_precision,location_precision,id',
    );
    expect(lines.length - 9).toBe(count);
    expect(download.suggestedFilename()).toMatch(/^blo-atlas-seizures-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  test('the seizures CSV rounds every figure to its unit, and its link is the address the browser used, in its language', async ({
    page,
  }) => {
    await openSettled(page, `${FILTERED}&lang=ru`);
    const count = Number(await page.getByTestId('kpi-count').getAttribute('data-value'));
    const csv = await downloadExport(page, 'export-seizures.csv');
    expect(csv[0]).not.toBe(0xef);
    const text = csv.toString('utf8');
    // Not the address the server listens on: the origin this page was opened at, and its language kept.
    const origin = new URL(page.url()).origin;
    const link = text.split('\n').find((l) => l.startsWith('# link: '))!;
    expect(link.startsWith(`# link: ${origin}/?`)).toBe(true);
    expect(new URL(link.slice('# link: '.length)).searchParams.get('lang')).toBe('ru');
    const rows = exportRecords(text, ',');
    expect(rows).toHaveLength(count);
    // At most the places each figure means: quantity to the milligram, kg-eq to the gram, whole dollars, degrees to 6.
    for (const r of rows) {
      expect(r.quantity).toMatch(/^\d+(\.\d{1,6})?$/);
      expect(r.kg_eq).toMatch(/^\d+(\.\d{1,3})?$/);
      expect(r.value_usd).toMatch(/^\d+$/);
      expect(r.lon).toMatch(/^-?\d+(\.\d{1,6})?$/);
      expect(r.lat).toMatch(/^-?\d+(\.\d{1,6})?$/);
    }
  });

  test('the Excel variant of each CSV: a byte-order mark, semicolons, decimal commas, the same rows as the plain file', async ({
    page,
  }) => {
    await openSettled(page, FILTERED);
    const plain = exportRecords((await downloadExport(page, 'export-seizures.csv')).toString('utf8'), ',');
    const excelBytes = await downloadExport(page, 'export-seizures.csv-excel', /^blo-atlas-seizures-\d{4}-\d{2}-\d{2}-excel\.csv$/);
    expect([...excelBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const excelText = excelBytes.toString('utf8');
    expect(excelText).toContain('\ndate;substance;quantity;unit;lon;lat;');
    const excel = exportRecords(excelText, ';');
    expect(excel).toHaveLength(plain.length);
    const comma = (v: string) => v.replace('.', ',');
    expect(excel.map((r) => [r.id, r.quantity, r.lon, r.lat, r.kg_eq, r.value_usd])).toEqual(
      plain.map((r) => [r.id, comma(r.quantity), comma(r.lon), comma(r.lat), comma(r.kg_eq), r.value_usd]),
    );
    expect(excel.some((r) => r.kg_eq.includes(','))).toBe(true);
    for (const r of excel) expect(`${r.quantity}${r.lon}${r.lat}${r.kg_eq}`).not.toContain('.');

    const blos = (await downloadExport(page, 'export-blos.csv-excel')).toString('utf8');
    expect(blos.charCodeAt(0)).toBe(0xfeff);
    expect(blos).toContain('\ncode;name;name_ru;country;neighbor;status;lon;lat;seizures;kg_eq;value_usd;last_seizure\n');
    for (const r of exportRecords(blos, ';')) expect(r.kg_eq).toMatch(/^(\d+(,\d{1,3})?|withheld)$/);
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
  test('the page says what goes in: the good rows in one transaction, the rejected ones reported and downloadable', async ({ page }) => {
    await page.goto('/import');
    const lede = page.locator('.lede');
    await expect(lede).toContainText('The rows that pass go in together, in one transaction');
    await expect(lede).toContainText('Rejected rows are reported with their line and reason and can be downloaded');
    await expect(lede).toContainText('Importing the same file again adds nothing');
    await expect(lede).not.toContainText('whole or not at all');
    await page.goto('/import?lang=ru');
    await expect(page.locator('.lede')).toContainText('одной транзакцией');
    await expect(page.locator('.lede')).toContainText('с номером строки и причиной');
  });

  test('a check (dry run) shows each rejected row by line with its reason, accepts a day-first date, and offers the rejected rows', async ({
    page,
  }, info) => {
    // Hand-made: line 2 is dated the Russian way (accepted); lines 3–5 are rejected, each for one reason.
    const file = info.outputPath('check-rows.csv');
    writeFileSync(
      file,
      [
        'date,substance,quantity,unit,blo',
        '14.05.2025,heroin,2,kg,Dusti',
        '2025-03-01,opium,-5,kg,Dusti',
        '31.02.2025,opium,1,kg,Dusti',
        '2025-03-02,opium,3,pounds,Dusti',
        '',
      ].join('\n'),
    );
    await page.goto('/import');
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByLabel(/Check only/).check();
    await page.getByTestId('import-start').click();
    const report = page.getByTestId('import-report');
    await expect(report).toHaveAttribute('data-rows', '4');
    await expect(report).toHaveAttribute('data-accepted', '1');
    await expect(report).toHaveAttribute('data-rejected', '3');
    await expect(report).toContainText('Checked (nothing written)');

    const listed = report.getByTestId('rejected-rows').locator('tbody tr');
    await expect(listed).toHaveCount(3);
    expect(await listed.evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)))).toEqual([
      ['3', 'quantity "-5" must be more than 0'],
      ['4', 'date "31.02.2025" is not a real calendar date'],
      ['5', 'unknown unit "pounds" (known: kg, g, l, ml, units)'],
    ]);

    const [download] = await Promise.all([page.waitForEvent('download'), report.getByTestId('rejections-link').click()]);
    expect(download.suggestedFilename()).toBe('rejected-rows-check-check-rows.csv');
    const lines = readFileSync(await download.path(), 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines[0]).toMatch(/^# BLO Atlas: rows rejected from check-rows\.csv \(checked .*, nothing written\)$/);
    expect(parse(lines.slice(1).join('\n'), { columns: true })).toEqual([
      { line: '3', reason: 'quantity "-5" must be more than 0', row: '2025-03-01,opium,-5,kg,Dusti' },
      { line: '4', reason: 'date "31.02.2025" is not a real calendar date', row: '31.02.2025,opium,1,kg,Dusti' },
      { line: '5', reason: 'unknown unit "pounds" (known: kg, g, l, ml, units)', row: '2025-03-02,opium,3,pounds,Dusti' },
    ]);
  });

  test('the rejected rows of a check have an Excel variant: a byte-order mark, semicolons, the same rows as the plain file', async ({
    page,
  }, info) => {
    const file = info.outputPath('check-semicolons.csv');
    writeFileSync(file, ['date,substance,quantity,unit,blo', '2025-03-01,opium,-5,kg,Dusti', '31.02.2025,opium,1,kg,Dusti', ''].join('\n'));
    await page.goto('/import?lang=ru');
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-dry-run').check();
    await page.getByTestId('import-start').click();
    const report = page.getByTestId('import-report');
    await expect(report).toHaveAttribute('data-rejected', '2');
    const download = async (testId: string) => {
      const [saved] = await Promise.all([page.waitForEvent('download'), report.getByTestId(testId).click()]);
      return { name: saved.suggestedFilename(), bytes: readFileSync(await saved.path()) };
    };
    const plain = await download('rejections-link');
    const excel = await download('rejections-link-excel');
    await expect(report.getByTestId('rejections-link-excel')).toHaveText('Отклонённые строки — CSV для Excel');
    expect(excel.name).toBe('rejected-rows-check-check-semicolons-excel.csv');
    expect([...excel.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(excel.bytes.toString('utf8')).toContain('\nline;reason;row\n');
    const rows = exportRecords(excel.bytes.toString('utf8'), ';');
    expect(rows).toEqual(exportRecords(plain.bytes.toString('utf8'), ','));
    expect(rows.map((r) => r.line)).toEqual(['2', '3']);
    expect(rows[0].reason).toBe('количество «-5» должно быть больше 0');
  });

  test('an upload refused before its file is read says why in the page’s language, from the code the API answers with', async ({
    page,
  }) => {
    // The API: the status and English message as ever, with the problem's code beside them.
    const answer = await page.request.post('/api/imports?name=seizures.xlsx', { data: 'date,substance\n' });
    expect(answer.status()).toBe(400);
    expect((await answer.json()).error).toEqual({
      param: 'name',
      message: 'name must be a file name ending .csv, .geojson or .json',
      problem: { code: 'name-extension' },
    });

    await page.goto('/import?lang=ru');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'seizures.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('x') });
    await page.getByTestId('import-start').click();
    await expect(page.getByTestId('import-error')).toHaveText(
      'Файл нельзя импортировать: имя файла должно оканчиваться на .csv, .geojson или .json',
    );

    await page.goto('/import');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'seizures.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('x') });
    await page.getByTestId('import-start').click();
    await expect(page.getByTestId('import-error')).toHaveText(
      'The file cannot be imported: name must be a file name ending .csv, .geojson or .json',
    );
  });

  test('an import in Russian: reasons in Russian by line, the day-first row lands on its day, the download in Russian too', async ({
    page,
  }, info) => {
    const day = '/api/summary?substance=heroin&from=2025-05-14&to=2025-05-14';
    const before = ((await (await page.request.get(day)).json()) as { count: number }).count;
    const file = info.outputPath('import-ru.csv');
    writeFileSync(file, ['date,substance,quantity,unit,blo', '14.05.2025,героин,1,кг,Dusti', '2025-03-01,опий,-5,кг,Dusti', ''].join('\n'));
    await page.goto('/import?lang=ru');
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-start').click();
    const report = page.getByTestId('import-report');
    await expect(report).toHaveAttribute('data-accepted', '1');
    await expect(report).toHaveAttribute('data-rejected', '1');
    const listed = report.getByTestId('rejected-rows').locator('tbody tr');
    await expect(listed).toHaveCount(1);
    await expect(listed.locator('td').first()).toHaveText('3');
    await expect(listed.locator('td').nth(1)).toHaveText('количество «-5» должно быть больше 0');
    // The day-first date was read as 14 May 2025 (not 5 February): that day has one heroin seizure more.
    expect(((await (await page.request.get(day)).json()) as { count: number }).count).toBe(before + 1);

    const link = report.getByTestId('rejections-link');
    await expect(link).toHaveAttribute('href', /\/api\/imports\/\d+\/rejections\?lang=ru$/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const rows = parse(
      readFileSync(await download.path(), 'utf8')
        .split('\n')
        .slice(1)
        .join('\n'),
      { columns: true },
    );
    expect(rows).toEqual([{ line: '3', reason: 'количество «-5» должно быть больше 0', row: '2025-03-01,опий,-5,кг,Dusti' }]);

    // The batch's Excel variant, from the server: the same row, for Excel set to Russian.
    const excelLink = report.getByTestId('rejections-link-excel');
    await expect(excelLink).toHaveAttribute('href', /\/api\/imports\/\d+\/rejections\?lang=ru&excel=1$/);
    const [excelDownload] = await Promise.all([page.waitForEvent('download'), excelLink.click()]);
    expect(excelDownload.suggestedFilename()).toMatch(/^rejected-rows-batch-\d+-excel\.csv$/);
    const excel = readFileSync(await excelDownload.path());
    expect([...excel.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(exportRecords(excel.toString('utf8'), ';')).toEqual(rows);
  });

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

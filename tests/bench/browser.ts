/**
 * `npm run bench:browser [-- --runs N]` (not part of `npm test`): how fast a briefing link opens cold.
 * Serves the production build (built first when there is none) on the embedded database (a sample of
 * SEED_ROWS seizures, created once in .data/bench-browser; or BENCH_DATABASE_URL's server), and
 * beside it a floor page: bare MapLibre drawing the dashboard's offline basemap (the same style and
 * shipped data) and the 24 posts at the dashboard's default camera, served by this script. Each run
 * opens every page in a new browser context (empty cache, no service worker), in turn, so the
 * machine's drift falls on all alike. Prints the medians of: time to the map's idle signal, time to the KPIs being readable,
 * JavaScript bytes (on the wire and decoded; and the first load: the scripts the HTML names), data bytes
 * (/api/), and the ratios to the floor.
 * Writes tests/bench/browser-results.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { z } from 'zod';
import { WATER } from '@/lib/catalogue/water';
import { offlineBasemapStyle } from '@/lib/map/basemap-style';
import { startApp, stopApp } from './server';

const ROOT = process.cwd();
const APP_PORT = 3405;
const FLOOR_PORT = 3406;
const ACCOUNT = { email: 'browser-bench@example.org', password: 'browser bench passphrase, not secret' };

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '7' }, timeline: { type: 'boolean', default: false } } });
const runsArg = z.coerce.number().int().min(5).max(50).safeParse(args.runs);
if (!runsArg.success) throw new Error('bench:browser: --runs must be a whole number from 5 to 50');
const RUNS = runsArg.data;

/** The pages measured: the floor, the dashboard's default view, a filtered briefing link. */
const TARGETS = [
  { name: 'floor (bare MapLibre)', url: `http://127.0.0.1:${FLOOR_PORT}/`, kpis: false },
  { name: 'dashboard, default view', url: `http://127.0.0.1:${APP_PORT}/`, kpis: true },
  {
    name: 'dashboard, briefing link',
    url: `http://127.0.0.1:${APP_PORT}/?substance=heroin&from=2024-01-01&to=2024-12-31&c=69.3,41.2,6.5&sel=oybek&lang=ru`,
    kpis: true,
  },
] as const;

/**
 * The floor page: the dashboard's own offline basemap (its style: countries, the BLO countries' land,
 * lakes, rivers, borders) and the 24 posts as circles, nothing else.
 */
function floorServer(): http.Server {
  const dist = path.join(ROOT, 'node_modules/maplibre-gl/dist');
  const blos = JSON.parse(readFileSync(path.join(ROOT, 'data/blos.json'), 'utf8')) as { code: string; lon: number; lat: number }[];
  const posts = {
    type: 'FeatureCollection',
    features: blos.map((b) => ({
      type: 'Feature',
      properties: { code: b.code },
      geometry: { type: 'Point', coordinates: [b.lon, b.lat] },
    })),
  };
  const style = offlineBasemapStyle(`http://127.0.0.1:${FLOOR_PORT}/countries.geojson`, WATER);
  style.sources.posts = { type: 'geojson', data: `http://127.0.0.1:${FLOOR_PORT}/posts.geojson` };
  style.layers.push({
    id: 'posts',
    type: 'circle',
    source: 'posts',
    paint: { 'circle-radius': 5, 'circle-color': '#1f4e79', 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5 },
  });
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>floor</title>
<link rel="stylesheet" href="/maplibre-gl.css">
<style>html,body{margin:0;height:100%}#map{position:absolute;inset:0}</style></head>
<body><div id="map"></div><script type="module">
import * as maplibregl from '/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/maplibre-gl-worker.mjs');
const map = new maplibregl.Map({ container: 'map', center: [66.8, 39.9], zoom: 4.35, attributionControl: false, style: ${JSON.stringify(style)} });
map.once('idle', () => { window.__marks.idle = performance.now(); });
</script></body></html>`;
  const files: Record<string, [string, () => Buffer | string]> = {
    '/': ['text/html', () => html],
    '/maplibre-gl.mjs': ['text/javascript', () => readFileSync(path.join(dist, 'maplibre-gl.mjs'))],
    '/maplibre-gl-worker.mjs': ['text/javascript', () => readFileSync(path.join(dist, 'maplibre-gl-worker.mjs'))],
    '/maplibre-gl.css': ['text/css', () => readFileSync(path.join(dist, 'maplibre-gl.css'))],
    '/countries.geojson': ['application/geo+json', () => readFileSync(path.join(ROOT, 'data/countries.geojson'))],
    '/posts.geojson': ['application/geo+json', () => JSON.stringify(posts)],
  };
  return http.createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' }).end(file[1]());
  });
}

/**
 * Marks the first moment the map reports idle and the KPI cards hold figures, in page time (ms since
 * navigation), and sums the layout shifts (CLS: how far content jumped while the page filled in). A string: the page runs it as written, without the helpers tsx adds to functions.
 */
const MARKS_SCRIPT = `
  window.__marks = {};
  window.__shift = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new MutationObserver(() => {
    const marks = window.__marks;
    if (!('idle' in marks) && document.querySelector('[data-testid="map"][data-map-state="idle"]')) marks.idle = performance.now();
    const kpi = document.querySelector('[data-testid="kpi-count"]');
    if (!('kpis' in marks) && kpi && kpi.getAttribute('data-value') && !kpi.classList.contains('is-loading')) marks.kpis = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
`;

interface Sample {
  idleMs: number;
  layoutShift: number;
  kpisMs: number | null;
  jsWire: number;
  jsDecoded: number;
  /** Decoded bytes of the scripts the HTML itself names (what runs before any script asks for more). */
  jsFirst: number;
  dataWire: number;
  requests: number;
}

async function measure(browser: Browser, target: (typeof TARGETS)[number], cookie: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
  if (target.kpis) {
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name, value, domain: '127.0.0.1', path: '/' }]);
  }
  const page: Page = await context.newPage();
  await page.addInitScript({ content: MARKS_SCRIPT });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const sizes: Promise<{ kind: 'js' | 'data' | 'other'; path: string; wire: number; decoded: number }>[] = [];
  page.on('requestfinished', (request) => {
    sizes.push(
      (async () => {
        const url = new URL(request.url());
        const kind =
          request.resourceType() === 'script' || /\.m?js$/.test(url.pathname) ? 'js' : url.pathname.startsWith('/api/') ? 'data' : 'other';
        const response = await request.response();
        const body = response ? (await response.body().catch(() => Buffer.alloc(0))).length : 0;
        // A worker's own script reports no body size: it came as sent, uncompressed or not, so its length stands in.
        const wire = (await request.sizes()).responseBodySize || Number(response?.headers()['content-length'] ?? 0) || body;
        return { kind, path: url.pathname, wire, decoded: body };
      })(),
    );
  });
  const documentResponse = await page.goto(target.url, { waitUntil: 'commit' });
  const marks = (await (
    await page
      .waitForFunction(
        (kpis: boolean) => {
          const m = (window as unknown as { __marks?: Record<string, number> }).__marks;
          return m && m.idle !== undefined && (!kpis || m.kpis !== undefined) ? m : null;
        },
        target.kpis,
        { timeout: 60_000, polling: 100 },
      )
      .catch((e: Error) => {
        throw new Error(`${target.name}: ${e.message.split('\n')[0]}${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}`);
      })
  ).jsonValue()) as Record<string, number>;
  await page.waitForLoadState('networkidle');
  const layoutShift = await page.evaluate(() => (window as unknown as { __shift: number }).__shift);
  if (args.timeline) await printTimeline(page, target.name, marks);
  const done = await Promise.all(sizes);
  const html = (await documentResponse?.text()) ?? '';
  const named = new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => new URL(m[1], target.url).pathname));
  await context.close();
  const sum = (kind: string, key: 'wire' | 'decoded') => done.filter((s) => s.kind === kind).reduce((a, s) => a + s[key], 0);
  return {
    idleMs: marks.idle,
    layoutShift,
    kpisMs: target.kpis ? marks.kpis : null,
    jsWire: sum('js', 'wire'),
    jsDecoded: sum('js', 'decoded'),
    jsFirst: done.filter((x) => x.kind === 'js' && named.has(x.path)).reduce((a, x) => a + x.decoded, 0),
    dataWire: sum('data', 'wire'),
    requests: done.length,
  };
}

/** `--timeline`: when each request of a page started and ended, and when its marks came (ms since navigation). */
async function printTimeline(page: Page, name: string, marks: Record<string, number>) {
  const entries = await page.evaluate(
    `performance.getEntriesByType('resource').map((e) => [e.name, e.startTime, e.responseEnd, e.decodedBodySize])`,
  );
  const nav = await page.evaluate(
    `(([n]) => [n.responseStart, n.responseEnd, n.domInteractive, n.domContentLoadedEventEnd])(performance.getEntriesByType('navigation'))`,
  );
  const lines: (readonly [number, string])[] = (entries as [string, number, number, number][]).map(
    ([url, start, end, size]) =>
      [
        start,
        `${start.toFixed(0).padStart(6)} → ${end.toFixed(0).padStart(6)}  ${(size / 1024).toFixed(0).padStart(5)} KB  ${new URL(url).pathname.slice(0, 90)}`,
      ] as const,
  );
  const [first, html, interactive, loaded] = nav as number[];
  lines.push([
    first,
    `${first.toFixed(0).padStart(6)} → ${html.toFixed(0).padStart(6)}  (page; interactive ${interactive.toFixed(0)}, DOMContentLoaded ${loaded.toFixed(0)})`,
  ]);
  for (const [mark, at] of Object.entries(marks)) lines.push([at, `${at.toFixed(0).padStart(6)}  mark: ${mark}`]);
  console.log(`\n${name}`);
  for (const [, line] of [...lines].sort((a, b) => a[0] - b[0])) console.log(line);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function signIn(): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${APP_PORT}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${APP_PORT}` },
    body: JSON.stringify(ACCOUNT),
  });
  if (!res.ok) throw new Error(`bench:browser: sign-in → ${res.status}`);
  return res.headers.getSetCookie()[0].split(';')[0];
}

async function main() {
  if (!existsSync(path.join(ROOT, '.next/standalone/server.js'))) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
  const server = process.env.BENCH_DATABASE_URL;
  const env = server ? { DATABASE_URL: server } : { DATABASE_URL: '', PGLITE_DATA_DIR: path.join(ROOT, '.data/bench-browser') };
  // The account first (the command prepares a new database as the app's first start would; it
  // refuses an email that exists, which is fine on a second run).
  try {
    execFileSync('npx', ['tsx', 'db/cli/user-add.ts', '--email', ACCOUNT.email, '--role', 'analyst', '--countries', 'all'], {
      env: { ...process.env, ...env, USER_PASSWORD: ACCOUNT.password },
      stdio: 'pipe',
    });
  } catch (e) {
    const stderr = String((e as { stderr?: Buffer }).stderr ?? '');
    if (!/exists|already/i.test(stderr)) throw new Error(`bench:browser: user:add failed: ${stderr.trim()}`);
  }
  const app = await startApp(ROOT, APP_PORT, env);
  const floor = floorServer().listen(FLOOR_PORT, '127.0.0.1');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-quic', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  try {
    const cookie = await signIn();
    // One warm-up of each page: the server's own first-request costs are not a visitor's.
    for (const t of TARGETS) await measure(browser, t, cookie);
    const samples = new Map<string, Sample[]>(TARGETS.map((t) => [t.name, []]));
    for (let run = 1; run <= RUNS; run++) {
      for (const t of TARGETS) samples.get(t.name)!.push(await measure(browser, t, cookie));
      console.log(`run ${run} of ${RUNS} done`);
    }
    const floorIdle = median(samples.get(TARGETS[0].name)!.map((s) => s.idleMs));
    const rows = TARGETS.map((t) => {
      const s = samples.get(t.name)!;
      const idle = median(s.map((x) => x.idleMs));
      const kpis = t.kpis ? median(s.map((x) => x.kpisMs!)) : null;
      return {
        page: t.name,
        url: t.url.replace(/^http:\/\/127\.0\.0\.1:\d+/, ''),
        idleMs: Math.round(idle),
        idleRatio: Math.round((idle / floorIdle) * 100) / 100,
        kpisMs: kpis === null ? null : Math.round(kpis),
        kpisRatio: kpis === null ? null : Math.round((kpis / floorIdle) * 100) / 100,
        jsWire: median(s.map((x) => x.jsWire)),
        jsDecoded: median(s.map((x) => x.jsDecoded)),
        jsFirst: median(s.map((x) => x.jsFirst)),
        dataWire: median(s.map((x) => x.dataWire)),
        requests: median(s.map((x) => x.requests)),
        layoutShift: Math.round(median(s.map((x) => x.layoutShift)) * 1000) / 1000,
      };
    });
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    console.log(
      '\n| page | map idle ms | × floor | KPIs ms | × floor | JS wire / decoded | first-load JS | data | layout shift |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const r of rows) {
      console.log(
        `| ${r.page} | ${r.idleMs} | ${r.idleRatio} | ${r.kpisMs ?? '—'} | ${r.kpisRatio ?? '—'} | ${kb(r.jsWire)} / ${kb(r.jsDecoded)} | ${kb(r.jsFirst)} | ${kb(r.dataWire)} | ${r.layoutShift} |`,
      );
    }
    const results = { date: new Date().toISOString(), runs: RUNS, database: server ? 'server' : 'embedded', pages: rows };
    writeFileSync(path.join(ROOT, 'tests/bench/browser-results.json'), JSON.stringify(results, null, 2) + '\n');
    console.log('\nwrote tests/bench/browser-results.json');
  } finally {
    await browser.close();
    floor.close();
    stopApp(app);
  }
}

main().catch((e: unknown) => {
  console.error(`bench:browser: ${(e as Error).stack ?? e}`);
  process.exit(1);
});

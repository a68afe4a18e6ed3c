/**
 * `npm run bench:load -- [--clients 50] [--seconds 60] [--against DIR]`: many dashboard users at once.
 * autocannon sends `--clients` concurrent keep-alive clients for `--seconds` through a mix of the
 * requests the dashboard makes when a manager opens a view (KPIs, the post list, the series, the
 * baselines, the reporting grid, hexagons, points or tiles, a post's panel) over varied filters
 * (substances × periods × places), the same sequence for every server measured, and prints
 * requests/s, p50/p99 latency and errors.
 *
 * On the server database BENCH_DATABASE_URL names (loaded with `npm run bench` or `npm run db:seed`),
 * or else on a new embedded database prepared as at a first start (SEED_ROWS, default 20,000). This
 * checkout is measured twice, its answer cache off (every request asks the database) and on;
 * `--against DIR` measures a checkout of an earlier commit (built with `npm run build`) first, in
 * the same run, on the same database. Writes tests/bench/load-results.json.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { z } from 'zod';
import { startApp, stopApp } from './server';

const argsSchema = z.object({
  clients: z.coerce.number().int().min(1).max(1000).default(50),
  seconds: z.coerce.number().int().min(5).max(3600).default(60),
  against: z.string().optional(),
});
const { values } = parseArgs({
  options: { clients: { type: 'string' }, seconds: { type: 'string' }, against: { type: 'string' } },
  strict: true,
});
const parsed = argsSchema.safeParse(values);
if (!parsed.success) {
  console.error(`bench:load: --${String(parsed.error.issues[0].path[0])} ${parsed.error.issues[0].message}`);
  process.exit(2);
}
const ARGS = parsed.data;
const ROOT = process.cwd();
const SERVER_URL = process.env.BENCH_DATABASE_URL;
const ACCOUNT = { email: 'bench@example.org', password: 'bench passphrase, not secret' };
const RESULTS = path.join(ROOT, 'tests/bench/load-results.json');

/** A small deterministic generator, so every server gets the same sequence of requests. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBSTANCES = ['', 'heroin', 'heroin,opium', 'hashish', 'methamphetamine', 'acetic-anhydride'];
const PERIODS = [
  ['', ''],
  ['2025-01-01', '2025-12-31'],
  ['2024-01-01', '2024-12-31'],
  ['2025-07-01', '2025-12-31'],
  ['2023-01-01', '2023-06-30'],
  ['2019-01-01', '2022-12-31'],
];
const PLACES = [
  { country: '', bbox: '', tiles: ['5/22/11', '5/23/11', '5/22/12'] },
  { country: 'KZ,UZ', bbox: '66,40,72,44', tiles: ['6/44/23', '6/45/23'] },
  { country: '', bbox: '70,39.5,73.5,41.5', tiles: ['8/179/97', '8/180/97', '8/179/98'] },
  { country: 'TJ', bbox: '67,36.5,72,39.5', tiles: ['7/88/49', '7/89/49'] },
];
const POSTS = ['oybek', 'dostuk', 'b-konysbaev', 'panji-poyon', 'farap', 'kyzyl-art'];

/** The requests of one dashboard view, as the page makes them (lib/url filters; see use-dashboard-data.ts). */
function viewRequests(random: () => number): string[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const substance = pick(SUBSTANCES);
  const [from, to] = pick(PERIODS);
  const place = pick(PLACES);
  const query = (extra: Record<string, string | number> = {}, withPeriod = true, withPlace = true) => {
    const q = new URLSearchParams();
    if (substance) q.set('substance', substance);
    if (withPeriod && from) q.set('from', from);
    if (withPeriod && to) q.set('to', to);
    if (withPlace && place.country) q.set('country', place.country);
    for (const [k, v] of Object.entries(extra)) q.set(k, String(v));
    const s = q.toString();
    return s ? `?${s}` : '';
  };
  const requests = [
    `/api/summary${query()}`,
    `/api/blos${query()}`,
    `/api/timeseries${query({}, false)}`,
    `/api/baselines${query()}`,
    '/api/reporting',
    `/api/hotspots${query({ z: place.bbox ? 7 : 5, ...(place.bbox ? { bbox: place.bbox } : {}) })}`,
  ];
  if (random() < 0.5) requests.push(...place.tiles.map((t) => `/api/tiles/${t}${query({}, true, false)}`));
  else requests.push(`/api/seizures${query({ format: 'bin', limit: 5000 })}`);
  if (random() < 0.4) requests.push(`/api/blos/${pick(POSTS)}${query()}`);
  return requests;
}

/** The sequence every server is sent: 400 views' requests, in order, then again. */
function requestSequence(): string[] {
  const random = mulberry32(20240531);
  return Array.from({ length: 400 }, () => viewRequests(random)).flat();
}

async function signIn(origin: string): Promise<string> {
  const response = await fetch(`${origin}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify(ACCOUNT),
  });
  if (!response.ok) throw new Error(`sign-in → ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

interface LoadResult {
  label: string;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  timeouts: number;
}

async function measure(label: string, origin: string, paths: string[]): Promise<LoadResult> {
  const cookie = await signIn(origin);
  // Every path once, so neither side is measured on its cold start.
  for (const p of new Set(paths)) {
    const response = await fetch(`${origin}${p}`, { headers: { cookie } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${label} ${p} → ${response.status}`);
  }
  let next = 0;
  const result = await autocannon({
    url: origin,
    connections: ARGS.clients,
    duration: ARGS.seconds,
    headers: { cookie, 'accept-encoding': 'identity' },
    requests: [
      {
        setupRequest: (request) => {
          const p = paths[next++ % paths.length];
          return { ...request, path: p };
        },
      },
    ],
  });
  return {
    label,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
  };
}

/**
 * The benchmark's account on the database `env` names, made by the command as an operator would
 * (on a new embedded database the command first prepares it as at a first start).
 */
function ensureAccount(env: Record<string, string>): void {
  const made = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['db/cli/user-add.ts', '--email', ACCOUNT.email, '--role', 'analyst'], {
    cwd: ROOT,
    env: { ...process.env, ...env, USER_PASSWORD: ACCOUNT.password },
    encoding: 'utf8',
  });
  if (made.status !== 0 && !made.stderr.includes('exists already')) throw new Error(`user:add: ${made.stderr}`);
}

async function main(): Promise<void> {
  const paths = requestSequence();
  // This checkout twice: with its answer cache off (every request asks the database) and on.
  const sides = [
    ...(ARGS.against ? [{ label: 'before', dir: path.resolve(ARGS.against), env: {} }] : []),
    { label: 'this checkout, cache off', dir: ROOT, env: { ANSWER_CACHE_MB: '0' } },
    { label: 'this checkout', dir: ROOT, env: {} },
  ];
  for (const side of sides) {
    if (!existsSync(path.join(side.dir, '.next/BUILD_ID'))) throw new Error(`${side.dir}: build it first (npm run build)`);
  }
  const dataDir = SERVER_URL ? null : mkdtempSync(path.join(tmpdir(), 'blo-atlas-load-'));
  const env: Record<string, string> = SERVER_URL ? { DATABASE_URL: SERVER_URL } : { DATABASE_URL: '', PGLITE_DATA_DIR: dataDir! };
  ensureAccount(env);
  const results: LoadResult[] = [];
  let seizures = 0;
  try {
    for (const [i, side] of sides.entries()) {
      const port = 3421 + i;
      let server: ChildProcess | undefined;
      try {
        server = await startApp(side.dir, port, { ...env, ...side.env });
        const origin = `http://127.0.0.1:${port}`;
        const cookie = await signIn(origin);
        seizures = ((await (await fetch(`${origin}/api/summary`, { headers: { cookie } })).json()) as { count: number }).count;
        process.stderr.write(`${side.label}: ${ARGS.clients} clients × ${ARGS.seconds} s on ${seizures.toLocaleString('en')} seizures…\n`);
        results.push(await measure(side.label, origin, paths));
      } finally {
        stopApp(server);
        await new Promise((r) => setTimeout(r, 3000));
      }
    }
  } finally {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }

  const backend = SERVER_URL ? 'server' : 'embedded';
  console.log(
    `\n${ARGS.clients} clients × ${ARGS.seconds} s, mixed dashboard requests, ${backend}, ${seizures.toLocaleString('en')} seizures`,
  );
  console.log('| build | requests | req/s | p50 ms | p99 ms | max ms | errors | non-2xx | timeouts |');
  console.log('| --- | --: | --: | --: | --: | --: | --: | --: | --: |');
  for (const r of results) {
    console.log(
      `| ${r.label} | ${r.requests} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.max} | ${r.errors} | ${r.non2xx} | ${r.timeouts} |`,
    );
  }
  const before = results.find((r) => r.label === 'before');
  if (before) {
    for (const after of results.filter((r) => r !== before)) {
      const throughput = (after.requestsPerSecond / before.requestsPerSecond).toFixed(2);
      console.log(`${after.label}: throughput ×${throughput}, p99 ×${(after.p99 / before.p99).toFixed(2)} of before`);
    }
  }
  const previous = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(
    RESULTS,
    `${JSON.stringify({ ...previous, [backend]: { date: new Date().toISOString().slice(0, 10), clients: ARGS.clients, seconds: ARGS.seconds, seizures, results } }, null, 2)}\n`,
  );
  // This checkout as it runs (cache on) must answer everything; the other lines are for comparison.
  const current = results.at(-1)!;
  if (current.errors + current.non2xx + current.timeouts > 0) {
    console.error(`bench:load: ${current.errors} errors, ${current.non2xx} non-2xx answers, ${current.timeouts} timeouts under load`);
    process.exit(1);
  }
}

main().catch((e: unknown) => {
  console.error(`bench:load: ${(e as Error).message}`);
  process.exit(1);
});

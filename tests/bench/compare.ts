/**
 * `npm run bench:compare -- --against DIR [--runs K] [--repeat R]`: this checkout's build against
 * another's (DIR: a checkout of an earlier commit, built with `npm run build`), both serving the same
 * loaded server database (BENCH_DATABASE_URL, loaded by `npm run bench` with it set). For each
 * dashboard request the two servers are asked in turn, A B A B…, K runs a pass and R passes, so a
 * drift of the machine's speed falls on both alike; prints each side's median and the change.
 * Writes tests/bench/compare-results.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REQUESTS } from './requests';

const { values: args } = parseArgs({
  options: {
    against: { type: 'string' },
    runs: { type: 'string', default: '15' },
    repeat: { type: 'string', default: '5' },
  },
});
const RUNS = Math.max(5, Number(args.runs));
const REPEAT = Math.max(1, Number(args.repeat));
const URL_ = process.env.BENCH_DATABASE_URL;
const BENCH_ACCOUNT = { email: 'bench@example.org', password: 'bench passphrase, not secret' };

interface Side {
  label: string;
  dir: string;
  port: number;
  cookie: string;
  server?: ChildProcess;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });

async function start(side: Side): Promise<void> {
  side.server = spawn(path.join(side.dir, 'node_modules/.bin/next'), ['start', '-p', String(side.port)], {
    cwd: side.dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: URL_! },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${side.port}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const res = await fetch(`http://127.0.0.1:${side.port}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${side.port}` },
    body: JSON.stringify(BENCH_ACCOUNT),
  });
  if (!res.ok) throw new Error(`${side.label}: sign-in → ${res.status} (load the database with npm run bench first)`);
  side.cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

const stop = (side: Side) => side.server?.pid && process.kill(-side.server.pid, 'SIGTERM');

/** One request's time, ms, or null when that build has no such route. */
function once(side: Side, requestPath: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    http
      .get(
        { host: '127.0.0.1', port: side.port, path: requestPath, agent, headers: { 'accept-encoding': 'gzip', cookie: side.cookie } },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode === 404) return resolve(null);
            if ((res.statusCode ?? 500) >= 400) return reject(new Error(`${side.label} ${requestPath} → ${res.statusCode}`));
            resolve(performance.now() - t);
          });
        },
      )
      .on('error', reject);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (v: number) => Math.round(v * 10) / 10;

async function main() {
  if (!args.against) throw new Error('usage: npm run bench:compare -- --against DIR (a built checkout of the other commit)');
  if (!URL_) throw new Error('set BENCH_DATABASE_URL to the server database `npm run bench` loaded');
  const before: Side = { label: 'before', dir: path.resolve(args.against), port: 3411, cookie: '' };
  const after: Side = { label: 'after', dir: process.cwd(), port: 3412, cookie: '' };
  for (const side of [before, after]) {
    if (!existsSync(path.join(side.dir, '.next/BUILD_ID'))) throw new Error(`${side.dir}: build it first (npm run build)`);
  }
  try {
    // The earlier build first, so the later one's migrations do not meet it half-way.
    await start(before);
    await start(after);
    const times = new Map(REQUESTS.map((r) => [r.name, { before: [] as number[], after: [] as number[], missing: false }]));
    for (let pass = 1; pass <= REPEAT; pass++) {
      for (const r of REQUESTS) {
        const t = times.get(r.name)!;
        await once(before, r.path);
        await once(after, r.path);
        for (let i = 0; i < RUNS; i++) {
          // Alternate which side goes first, so neither always follows the other.
          const order = i % 2 ? [after, before] : [before, after];
          for (const side of order) {
            const ms = await once(side, r.path);
            if (ms === null) t.missing = true;
            else t[side.label as 'before' | 'after'].push(ms);
          }
        }
      }
      console.log(`  pass ${pass} of ${REPEAT} done`);
    }
    const rows = REQUESTS.map((r) => {
      const t = times.get(r.name)!;
      const [b, a] = [t.before.length ? median(t.before) : null, median(t.after)];
      return {
        request: r.name,
        path: r.path,
        beforeMs: b === null ? null : round(b),
        afterMs: round(a),
        change: b === null ? null : a / b - 1,
      };
    });
    console.log('| request | before ms | after ms | change |\n| --- | ---: | ---: | ---: |');
    for (const r of rows) {
      const change = r.change === null ? 'new' : `${r.change >= 0 ? '+' : '−'}${Math.abs(r.change * 100).toFixed(1)} %`;
      console.log(`| ${r.request} | ${r.beforeMs ?? '—'} | ${r.afterMs} | ${change} |`);
    }
    writeFileSync(
      'tests/bench/compare-results.json',
      JSON.stringify({ date: new Date().toISOString(), runs: RUNS * REPEAT, against: before.dir, requests: rows }, null, 2) + '\n',
    );
    console.log('\nwrote tests/bench/compare-results.json');
  } finally {
    stop(before);
    stop(after);
    agent.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(`bench:compare: ${(e as Error).message}`);
  process.exit(1);
});

/**
 * `npm run bench:compare -- --against DIR [--runs K] [--repeat R]`: this checkout's build against
 * another's (DIR: a checkout of an earlier commit, built with `npm run build`), both serving the same
 * loaded server database (BENCH_DATABASE_URL, loaded by `npm run bench` with it set). For each
 * dashboard request the two servers are asked in turn, A B A B…, K runs a pass and R passes, so a
 * drift of the machine's speed falls on both alike; prints each side's median and the change.
 * Writes tests/bench/compare-results.json.
 *
 * `npm run bench:compare -- --asof late|spread`: the same requests, current against pinned to an
 * earlier data version (`asof`), on this checkout's server. It first writes the later versions
 * (under 1% of the rows) if the database lacks them: `late`, an import of 5,000 seizures for three
 * months and the undo of an earlier 3,000-seizure import (a late agency file, a file withdrawn);
 * `spread`, an import of 5,000 seizures over every month (the worst case for the as-of reading).
 * Writes tests/bench/asof-results.json.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, createReadStream, readFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '@/db/client';
import { importSeizures } from '@/db/import-seizures';
import { undoImport } from '@/db/undo-import';
import { rowsOf } from '@/db/result-rows';
import { readImportRows } from '@/lib/import/import-file';
import { importCsvLines } from '@/tests/fixtures/import-csv';
import { REQUESTS } from './requests';
import { startApp, stopApp } from './server';

const { values: args } = parseArgs({
  options: {
    against: { type: 'string' },
    asof: { type: 'string' },
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
  /** The path this side asks for a request's path (the as-of side adds `asof`). */
  pathOf(requestPath: string): string;
}

const samePath = (p: string) => p;

/** `rows` generated seizures dated in `months` (YYYY-MM), as an import file; answers its path. */
function writeFile(dir: string, name: string, rows: number, seed: number, months: string[] | null): string {
  const lines = [...importCsvLines(rows, seed)].map((line, i) =>
    i === 0 || months === null ? line : line.replace(/^[^,]*/, `${months[i % months.length]}-${String(1 + (i % 28)).padStart(2, '0')}`),
  );
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** The data version of the batch imported from `fileName`, or null. */
async function versionOf(database: Database, fileName: string): Promise<number | null> {
  const [row] = rowsOf<{ v: number }>(
    await database.db.execute(sql`SELECT data_version AS v FROM import_batches WHERE file_name = ${fileName} ORDER BY id DESC LIMIT 1`),
  );
  return row ? Number(row.v) : null;
}

/**
 * Writes the scenario's later versions if they are missing; answers the version to pin (the one
 * before them) and how many rows the later versions touched.
 */
async function asOfHistory(scenario: 'late' | 'spread'): Promise<{ version: number; touched: number }> {
  const database = await openDatabase({ url: URL_ });
  const dir = mkdtempSync(path.join(tmpdir(), 'blo-atlas-asof-'));
  const load = async (file: string) =>
    importSeizures(database, readImportRows(createReadStream(file), 'csv'), {
      fileName: path.basename(file),
      account: 'benchmark',
      today: '2026-12-01',
      maxKg: 50_000,
    });
  try {
    if (scenario === 'late') {
      if ((await versionOf(database, 'bench-withdrawn.csv')) === null) {
        const withdrawn = await load(writeFile(dir, 'bench-withdrawn.csv', 3000, 9101, ['2025-05', '2025-06']));
        await load(writeFile(dir, 'bench-late.csv', 5000, 9102, ['2025-08', '2025-09', '2025-10']));
        await undoImport(database, withdrawn.batch!, 'benchmark');
      }
      return { version: (await versionOf(database, 'bench-withdrawn.csv'))!, touched: 8000 };
    }
    const spread = await versionOf(database, 'bench-spread.csv');
    if (spread !== null) return { version: spread - 1, touched: 5000 };
    const loaded = await load(writeFile(dir, 'bench-spread.csv', 5000, 9103, null));
    return { version: loaded.dataVersion! - 1, touched: 5000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await database.close();
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });

async function start(side: Side): Promise<void> {
  side.server = await startApp(side.dir, side.port, { DATABASE_URL: URL_! });
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

const stop = (side: Side) => stopApp(side.server);

/** One request's time, ms, or null when that build has no such route. */
function once(side: Side, requestPath: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    http
      .get(
        {
          host: '127.0.0.1',
          port: side.port,
          path: side.pathOf(requestPath),
          agent,
          // Computed afresh, not from the answer cache: the comparison is of the queries.
          headers: { 'accept-encoding': 'gzip', cookie: side.cookie, 'cache-control': 'no-cache' },
        },
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
  if (!args.against === !args.asof) throw new Error('usage: npm run bench:compare -- --against DIR | --asof late|spread');
  if (args.asof && args.asof !== 'late' && args.asof !== 'spread') throw new Error('--asof must be late or spread');
  if (!URL_) throw new Error('set BENCH_DATABASE_URL to the server database `npm run bench` loaded');
  const pinned = args.asof ? await asOfHistory(args.asof as 'late' | 'spread') : null;
  const before: Side = pinned
    ? { label: 'before', dir: process.cwd(), port: 3412, cookie: '', pathOf: samePath }
    : { label: 'before', dir: path.resolve(args.against!), port: 3411, cookie: '', pathOf: samePath };
  const after: Side = pinned
    ? { ...before, label: 'after', pathOf: (p) => `${p}${p.includes('?') ? '&' : '?'}asof=${pinned.version}` }
    : { label: 'after', dir: process.cwd(), port: 3412, cookie: '', pathOf: samePath };
  for (const side of [before, after]) {
    if (!existsSync(path.join(side.dir, '.next/BUILD_ID'))) throw new Error(`${side.dir}: build it first (npm run build)`);
  }
  try {
    // The earlier build first, so the later one's migrations do not meet it half-way. As-of: one server.
    await start(before);
    if (pinned) Object.assign(after, { cookie: before.cookie, server: undefined });
    else await start(after);
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
    if (pinned) {
      console.log(`as of data version ${pinned.version}; later versions touched ${pinned.touched.toLocaleString('en')} rows`);
      console.log('| request | current ms | as-of ms | as-of / current |\n| --- | ---: | ---: | ---: |');
      for (const r of rows) console.log(`| ${r.request} | ${r.beforeMs} | ${r.afterMs} | ${(r.afterMs / r.beforeMs!).toFixed(2)} |`);
    } else {
      console.log('| request | before ms | after ms | change |\n| --- | ---: | ---: | ---: |');
      for (const r of rows) {
        const change = r.change === null ? 'new' : `${r.change >= 0 ? '+' : '−'}${Math.abs(r.change * 100).toFixed(1)} %`;
        console.log(`| ${r.request} | ${r.beforeMs ?? '—'} | ${r.afterMs} | ${change} |`);
      }
    }
    const out = pinned ? 'tests/bench/asof-results.json' : 'tests/bench/compare-results.json';
    const previous = pinned && existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>) : {};
    const result = {
      date: new Date().toISOString(),
      runs: RUNS * REPEAT,
      against: pinned ? `asof=${pinned.version}` : before.dir,
      requests: rows,
    };
    writeFileSync(
      out,
      JSON.stringify(pinned ? { ...previous, [args.asof!]: { ...result, touchedRows: pinned.touched } } : result, null, 2) + '\n',
    );
    console.log(`\nwrote ${out}`);
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

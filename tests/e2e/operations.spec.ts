/**
 * Running it for real, against the standalone server the container image runs and a PostgreSQL +
 * PostGIS cluster of these specs' own: two instances on one new database, the database stopping
 * under load, SIGTERM during an import, and the commands on a new database. No browser.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { importCsvLines } from '@/tests/fixtures/import-csv';
import {
  cluster,
  createDatabase,
  freePort,
  importThrough,
  queryOnce,
  ready,
  runCommand,
  signIn,
  startInstance,
  type Instance,
} from './operations';

const MIGRATIONS = (JSON.parse(readFileSync('db/migrations/meta/_journal.json', 'utf8')) as { entries: unknown[] }).entries.length;
const EDITOR = { email: 'ops-editor@example.org', password: 'operations passphrase' };
/** Six generated seizures, each at a post of Central Asia: every one is accepted on a prepared database. */
const SIX_ROWS = `${[...importCsvLines(6, 4401)].join('\n')}\n`;
/** The app's limit on waiting for the database in these specs, ms: every answer comes within it. */
const DB_TIMEOUT_MS = 4000;

test.describe.configure({ mode: 'serial' });
// Outside the app's browser project: these specs start their own servers.
test.use({ storageState: { cookies: [], origins: [] } });

let pgPort = 0;
let clusterUrl = '';
let pairUrl = '';
/** The editor's session, made in the first spec (which then locks the account with failed sign-ins). */
let cookie = '';
const instances: Instance[] = [];

test.beforeAll(async () => {
  pgPort = await freePort();
  clusterUrl = cluster('start', pgPort);
});

test.afterAll(async () => {
  for (const instance of instances) instance.process.kill('SIGKILL');
  cluster('stop', pgPort);
});

const start = async (env: Record<string, string>) => {
  const instance = await startInstance(await freePort(), env);
  instances.push(instance);
  return instance;
};

const stopInstance = async (instance: Instance) => {
  instance.process.kill('SIGTERM');
  await instance.exited;
};

test('two instances started at once on one new database: one set of migrations, one session, one data', async () => {
  test.setTimeout(180_000);
  pairUrl = await createDatabase(clusterUrl, 'ops_pair');
  const env = { DATABASE_URL: pairUrl, SIGN_IN_MAX_ATTEMPTS: '3', DB_TIMEOUT_MS: String(DB_TIMEOUT_MS) };
  const [a, b] = await Promise.all([start(env), start(env)]);
  await Promise.all([ready(a), ready(b)]);
  // Each migration once: the second instance waited for the first's lock, then found nothing to do.
  const [applied] = await queryOnce<{ n: number; distinct: number }>(
    pairUrl,
    'SELECT count(*)::int AS n, count(DISTINCT hash)::int AS distinct FROM drizzle.__drizzle_migrations',
  );
  expect(applied).toEqual({ n: MIGRATIONS, distinct: MIGRATIONS });
  const [posts] = await queryOnce<{ n: number }>(pairUrl, 'SELECT count(*)::int AS n FROM blos');
  expect(posts.n).toBe(24);

  const made = await runCommand('db/cli/user-add.ts', ['--email', EDITOR.email, '--role', 'editor'], {
    DATABASE_URL: pairUrl,
    USER_PASSWORD: EDITOR.password,
  });
  expect(made.code, made.stderr).toBe(0);

  // A session made on A is good on B.
  cookie = await signIn(a, EDITOR.email, EDITOR.password);
  const summaryOn = (instance: Instance) => fetch(`${instance.origin}/api/summary`, { headers: { cookie } });
  const before = await summaryOn(b);
  expect(before.status).toBe(200);
  expect(((await before.json()) as { count: number }).count).toBe(0);
  const versionBefore = Number(before.headers.get('data-version'));

  // An import through A is in B's next answer.
  const imported = await importThrough(a, cookie, 'ops-pair.csv', SIX_ROWS);
  expect(imported).toMatchObject({ type: 'summary', accepted: 6, rejected: 0 });
  const after = await summaryOn(b);
  expect(((await after.json()) as { count: number }).count).toBe(6);
  expect(Number(after.headers.get('data-version'))).toBe(versionBefore + 1);

  // The per-account limit of failed sign-ins counts attempts on both instances.
  const attempt = (instance: Instance) =>
    fetch(`${instance.origin}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: instance.origin },
      body: JSON.stringify({ email: EDITOR.email, password: 'not the passphrase at all' }),
    }).then((r) => r.status);
  expect([await attempt(a), await attempt(b), await attempt(a)]).toEqual([401, 401, 401]);
  expect(await attempt(b)).toBe(429);
});

test('with a read replica set, the dashboard’s questions go to it, and a link pinned past it to the primary', async () => {
  test.setTimeout(120_000);
  // A stand-in replica: a database of the same schema and reference data that has not received the primary's seizures.
  const replicaUrl = await createDatabase(clusterUrl, 'ops_replica');
  const migrated = await runCommand('db/cli/migrate.ts', [], { DATABASE_URL: replicaUrl });
  expect(migrated.code, migrated.stderr).toBe(0);
  const instance = await start({ DATABASE_URL: pairUrl, DATABASE_READ_URL: replicaUrl, DB_TIMEOUT_MS: String(DB_TIMEOUT_MS) });
  await ready(instance);
  const [{ v: primaryVersion }] = await queryOnce<{ v: number }>(pairUrl, 'SELECT max(id)::int AS v FROM data_versions');
  const summary = async (query = '') => {
    const response = await fetch(`${instance.origin}/api/summary${query}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    return { count: ((await response.json()) as { count: number }).count, version: Number(response.headers.get('data-version')) };
  };
  // The replica's figures and version, which agree with each other: none yet.
  expect(await summary()).toEqual({ count: 0, version: 0 });
  // A link pinned to the primary's version is answered there.
  expect(await summary(`?asof=${primaryVersion}`)).toEqual({ count: 6, version: primaryVersion });
  // Sign-in and writes go to the primary.
  const imported = await importThrough(instance, cookie, 'ops-replica.csv', `${[...importCsvLines(3, 4403)].join('\n')}\n`);
  expect(imported).toMatchObject({ type: 'summary', accepted: 3, dataVersion: primaryVersion + 1 });
  const [{ n }] = await queryOnce<{ n: number }>(pairUrl, 'SELECT count(*)::int AS n FROM seizures WHERE removed_in IS NULL');
  expect(n).toBe(9);
  expect((await summary()).count).toBe(0);
  await stopInstance(instance);
});

test('the database stops under load: every answer is a 503 with Retry-After within the limit, and service resumes by itself', async () => {
  test.setTimeout(120_000);
  const a = instances[0];
  expect(a, 'the first spec starts the instance this one loads').toBeDefined();
  const paths = ['/api/summary', '/api/blos', '/api/timeseries', '/api/hotspots?z=5', '/api/summary?substance=heroin', '/api/health'];
  const results: { client: number; start: number; end: number; status: number; retryAfter: string | null; path: string }[] = [];
  let running = true;
  const client = async (i: number) => {
    for (let k = i; running; k++) {
      const p = paths[k % paths.length];
      const begun = Date.now();
      try {
        const response = await fetch(`${a.origin}${p}`, { headers: { cookie } });
        await response.arrayBuffer();
        results.push({
          client: i,
          start: begun,
          end: Date.now(),
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
          path: p,
        });
      } catch {
        results.push({ client: i, start: begun, end: Date.now(), status: 0, retryAfter: null, path: p });
        await new Promise((r) => setTimeout(r, 10));
      }
    }
  };
  const load = Promise.all(Array.from({ length: 20 }, (_, i) => client(i)));
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  await sleep(2000);
  cluster('pause', pgPort);
  const stopped = Date.now();
  await sleep(5000);
  const resuming = Date.now();
  cluster('resume', pgPort);
  const resumed = Date.now();
  await sleep(4000);
  running = false;
  await load;

  const statuses = new Map<number, number>();
  for (const r of results) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  // Only answers and refusals for now: no 500, no connection cut.
  expect([...statuses.keys()].sort()).toEqual([200, 503]);
  const slowest = Math.max(...results.map((r) => r.end - r.start));
  expect(slowest, 'slowest answer, ms').toBeLessThan(DB_TIMEOUT_MS + 1000);
  expect(results.filter((r) => r.status === 503 && r.retryAfter !== '5')).toEqual([]);
  const during = results.filter((r) => r.start >= stopped && r.end <= resuming);
  expect(during.length, 'answers begun and ended while the database was down').toBeGreaterThan(5);
  expect(during.filter((r) => r.status !== 503)).toEqual([]);
  const afterwards = results.filter((r) => r.start >= resumed);
  // Every one of the 20 clients is answered again after the database is back (however slow the machine), and only with 200s.
  expect(new Set(afterwards.map((r) => r.client)).size, 'clients answered after the database came back').toBe(20);
  expect(afterwards.filter((r) => r.status !== 200)).toEqual([]);
  console.log(
    `outage: ${results.length} answers (${[...statuses].map(([s, n]) => `${n}× ${s}`).join(', ')}), slowest ${slowest} ms, ` +
      `${during.length} during the outage, ${afterwards.length} after it`,
  );
});

test('SIGTERM during an import: the import rolls back whole and the server exits within 10 s', async () => {
  test.setTimeout(120_000);
  const instance = await start({ DATABASE_URL: pairUrl, DB_TIMEOUT_MS: String(DB_TIMEOUT_MS) });
  await ready(instance);
  const [{ n: seizuresBefore }] = await queryOnce<{ n: number }>(pairUrl, 'SELECT count(*)::int AS n FROM seizures');
  const big = `${[...importCsvLines(150_000, 4402)].join('\n')}\n`;
  const response = await fetch(`${instance.origin}/api/imports?name=ops-big.csv`, {
    method: 'POST',
    headers: { cookie, origin: instance.origin, 'content-type': 'text/csv' },
    body: big,
  });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let signalled = 0;
  for (;;) {
    const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (!signalled && text.includes('"progress"')) {
      signalled = Date.now();
      instance.process.kill('SIGTERM');
    }
  }
  expect(signalled, 'the import reported progress before it could finish').toBeGreaterThan(0);
  await instance.exited;
  const seconds = (Date.now() - signalled) / 1000;
  expect(seconds).toBeLessThanOrEqual(10);
  const last = JSON.parse(text.trim().split('\n').at(-1)!) as { type: string; message?: string };
  expect(last).toMatchObject({ type: 'error', message: expect.stringContaining('nothing was written') });
  // No partial batch: neither the batch nor any of its rows.
  const [{ n: batches }] = await queryOnce<{ n: number }>(
    pairUrl,
    "SELECT count(*)::int AS n FROM import_batches WHERE file_name = 'ops-big.csv'",
  );
  const [{ n: seizuresAfter }] = await queryOnce<{ n: number }>(pairUrl, 'SELECT count(*)::int AS n FROM seizures');
  expect({ batches, seizures: seizuresAfter }).toEqual({ batches: 0, seizures: seizuresBefore });
  console.log(`SIGTERM during an import: exited in ${seconds.toFixed(1)} s, nothing written`);
});

test('db:import on a new database gives the summary it gives after a first start, on both backends', async () => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'blo-atlas-ops-'));
  const file = path.join(dir, 'located.csv');
  writeFileSync(file, SIX_ROWS);
  const importInto = async (env: Record<string, string>) => {
    const run = await runCommand('db/cli/import.ts', [file], { SEED_ROWS: '2000', ...env });
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
  };
  const afterFirstStart = async (env: Record<string, string>) => {
    const instance = await start(env);
    await ready(instance);
    await stopInstance(instance);
    return importInto(env);
  };
  try {
    const server = {
      fresh: await importInto({ DATABASE_URL: await createDatabase(clusterUrl, 'ops_cli_fresh') }),
      started: await afterFirstStart({ DATABASE_URL: await createDatabase(clusterUrl, 'ops_cli_started') }),
    };
    expect(server.fresh).toMatchObject({ rows: 6, accepted: 6, rejected: 0, duplicates: 0 });
    expect(server.fresh).toEqual(server.started);
    const embedded = {
      fresh: await importInto({ DATABASE_URL: '', PGLITE_DATA_DIR: path.join(dir, 'fresh') }),
      started: await afterFirstStart({ DATABASE_URL: '', PGLITE_DATA_DIR: path.join(dir, 'started') }),
    };
    expect(embedded.fresh).toMatchObject({ rows: 6, accepted: 6, rejected: 0, duplicates: 0 });
    expect(embedded.fresh).toEqual(embedded.started);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

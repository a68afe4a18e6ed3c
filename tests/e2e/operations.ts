/**
 * What the operations specs share: a throwaway PostgreSQL + PostGIS cluster of their own (which they
 * may stop and restart), instances of the standalone server the container image runs, the commands,
 * and a signed-in HTTP client. Everything listens on 127.0.0.1.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';
import postgres from 'postgres';

const ROOT = path.resolve(__dirname, '../..');

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `.ci/postgres.sh` with `command` on `port`; its output. */
export function cluster(command: 'start' | 'stop' | 'pause' | 'resume', port: number): string {
  const run = spawnSync(path.join(ROOT, '.ci/postgres.sh'), [command, String(port)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`postgres.sh ${command}: ${run.stderr.trim()}`);
  return run.stdout.trim();
}

/** A new empty database on the cluster at `url`; answers its URL. */
export async function createDatabase(url: string, name: string): Promise<string> {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name}`);
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

/** Runs `query` once on the database at `url`. */
export async function queryOnce<T extends Record<string, unknown>>(url: string, query: string): Promise<T[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return [...(await sql.unsafe(query))] as unknown as T[];
  } finally {
    await sql.end();
  }
}

export interface Instance {
  port: number;
  origin: string;
  process: ChildProcess;
  /** Everything it printed. */
  output(): string;
  /** Resolves with the exit code once it has exited. */
  exited: Promise<number | null>;
}

/** Starts the standalone server (`npm start`) on `port` with `env` added; resolves once it is listening. */
export async function startInstance(port: number, env: Record<string, string>): Promise<Instance> {
  const child = spawn('node', ['.next/standalone/compressed-server.mjs'], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', HOSTNAME: '127.0.0.1', PORT: String(port), SEED_ROWS: '2000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (d) => (text += d));
  child.stderr!.on('data', (d) => (text += d));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the server on ${port} exited: ${text.slice(-2000)}`);
    try {
      await fetch(`${origin}/api/health`);
      break;
    } catch {
      if (i > 600) throw new Error(`the server on ${port} did not start: ${text.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { port, origin, process: child, output: () => text, exited };
}

/** Waits until `instance` answers its readiness check with 200. */
export async function ready(instance: Instance, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${instance.origin}/api/ready`).catch(() => null);
    if (response?.status === 200) return;
    if (Date.now() > until) throw new Error(`${instance.origin} not ready: ${response?.status} ${instance.output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Runs a command of db/cli (as `npm run …` does) with `env` added; its exit code, stdout and stderr. */
export function runCommand(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [script, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Signs in on `instance` with the JSON endpoint; answers the session cookie. */
export async function signIn(instance: Instance, email: string, password: string): Promise<string> {
  const response = await fetch(`${instance.origin}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: instance.origin },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in on ${instance.port}: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** POSTs `csv` as an import through `instance`; answers the stream's last message. */
export async function importThrough(instance: Instance, cookie: string, name: string, csv: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${instance.origin}/api/imports?name=${name}`, {
    method: 'POST',
    headers: { cookie, origin: instance.origin, 'content-type': 'text/csv' },
    body: csv,
  });
  if (!response.ok) throw new Error(`import through ${instance.port}: ${response.status} ${await response.text()}`);
  const lines = (await response.text()).trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as Record<string, unknown>;
}

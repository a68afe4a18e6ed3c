/** Starts a checkout's production server for the benchmarks, and stops it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The production server of the checkout in `dir` on 127.0.0.1:`port`, resolved once /api/health
 * answers: its standalone server when it has one (`npm start`), else `next start` (checkouts from
 * before the standalone output). Its own process group, so stopping it stops everything it started.
 */
export async function startApp(dir: string, port: number, env: Record<string, string | undefined>): Promise<ChildProcess> {
  const standalone = ['compressed-server.mjs', 'server.js'].map((f) => path.join(dir, '.next/standalone', f)).find((f) => existsSync(f));
  const [command, args] = standalone
    ? ['node', [standalone]]
    : [path.join(dir, 'node_modules/.bin/next'), ['start', '-H', '127.0.0.1', '-p', String(port)]];
  const child = spawn(command, args, {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', HOSTNAME: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stopApp(child);
  throw new Error(`the app in ${dir} did not become healthy on port ${port}`);
}

export function stopApp(child: ChildProcess | undefined): void {
  if (child?.pid) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

import { defineConfig } from '@playwright/test';
import { ORIGIN, PORT, SERVER_LOG, stateOf } from './e2e/accounts';

/**
 * End-to-end tests (`*.spec.ts`) in Debian's Chromium against a production build served by
 * `npm start` (the standalone server the container image runs) on the embedded database (in
 * memory, seeded at start, with no account). The first-run setup signs in from the link the server
 * prints; the specs then run as the editor unless they say otherwise. operations.spec.ts starts
 * servers of its own on a PostgreSQL cluster of its own.
 */

export default defineConfig({
  testDir: './e2e',
  projects: [
    { name: 'first-run', testMatch: 'first-run.setup.ts' },
    { name: 'app', testMatch: '**/*.spec.ts', dependencies: ['first-run'], use: { storageState: stateOf('editor') } },
  ],
  outputDir: '../test-results',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: ORIGIN,
    viewport: { width: 1280, height: 720 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
      ],
    },
  },
  webServer: {
    // What the server prints goes to SERVER_LOG too: the first-run setup reads its link there.
    command: `mkdir -p .data && : > ${SERVER_LOG} && npm run build && npm run start 2>&1 | tee -a ${SERVER_LOG}`,
    cwd: '..',
    url: `${ORIGIN}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    env: {
      PGLITE_DATA_DIR: 'memory://',
      DATABASE_URL: '',
      SEED_ROWS: '20000',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(PORT),
      HOST: '127.0.0.1',
    },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});

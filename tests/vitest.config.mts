import { defineConfig } from 'vitest/config';

/**
 * Unit and database tests (`*.test.ts`, Node). The database suite runs on embedded PGlite + PostGIS
 * always, and again on a PostgreSQL + PostGIS server when TEST_DATABASE_URL is set (CI sets it).
 */
const serverRequested = Boolean(process.env.TEST_DATABASE_URL);
if (!serverRequested) {
  console.log('database suite: embedded PGlite only (set TEST_DATABASE_URL to run it on a PostGIS server as well)');
}

export default defineConfig({
  // The `@/` alias of tsconfig.json: imports name the project root.
  resolve: { alias: { '@/': new URL('../', import.meta.url).pathname } },
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/**/*.test.ts'],
    exclude: serverRequested ? [] : ['tests/db/server.test.ts'],
    // PGlite with PostGIS takes ~10 s and ~1 GB to start: one per database test file.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: true,
    maxWorkers: 2,
    // The route handlers' request lines (JSON, one per request) would bury the test report: warnings up.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  },
});

/**
 * `npm run bench:import [-- --rows N] [--skip-server] [--skip-pglite]`: import speed against raw COPY. For each backend,
 * on an empty database with the reference data: (1) raw COPY of N generated seizures straight into the
 * seizures table (the seed's path: no checks), (2) `importSeizures` of a CSV file of N generated rows
 * (read as a stream, every row validated, staged, classified, inserted). Prints rows/s of each, their
 * ratio (the goal: import ≥ 50% of raw COPY speed) and the peak memory while importing, and writes
 * tests/bench/import-results.json.
 */
import { todayIso } from '@/lib/time/dates';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db/client';
import { importSeizures } from '@/db/import-seizures';
import { loadReferenceData } from '@/db/reference-data';
import { clearSeededSeizures, seedReferenceData, seedSyntheticSeizures } from '@/db/seed';
import { readImportRows } from '@/lib/import/import-file';
import { writeImportCsv } from '@/tests/fixtures/import-csv';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    'skip-server': { type: 'boolean', default: false },
    'skip-pglite': { type: 'boolean', default: false },
  },
});
const ROWS = Number(args.rows);
const ROOT = process.cwd();

async function benchBackend(label: string, settings: { url?: string; dataDir?: string }, file: string, fileBytes: number) {
  const database = await openDatabase(settings);
  try {
    await seedReferenceData(database.db, loadReferenceData());
    await clearSeededSeizures(database, 'benchmark');
    console.log(`\n${label}: raw COPY of ${ROWS.toLocaleString('en')} rows…`);
    let t = performance.now();
    await seedSyntheticSeizures(database, { rows: ROWS, seed: 4242, account: 'benchmark' });
    const copySeconds = (performance.now() - t) / 1000;
    await clearSeededSeizures(database, 'benchmark');

    console.log(`${label}: import of a ${(fileBytes / 1024 / 1024).toFixed(1)} MB file…`);
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
    t = performance.now();
    const summary = await importSeizures(database, readImportRows(createReadStream(file), 'csv'), {
      fileName: path.basename(file),
      account: 'benchmark',
      today: todayIso(),
      maxKg: 50_000,
    });
    const importSeconds = (performance.now() - t) / 1000;
    clearInterval(sampler);
    const result = {
      rows: ROWS,
      copy: { seconds: round(copySeconds), rowsPerSecond: Math.round(ROWS / copySeconds) },
      import: {
        seconds: round(importSeconds),
        rowsPerSecond: Math.round(ROWS / importSeconds),
        accepted: summary.accepted,
        rejected: summary.rejected,
        duplicates: summary.duplicates,
      },
      ratio: round(copySeconds / importSeconds),
      peakRssMb: Math.round(peak / 1024 / 1024),
      fileMb: round(fileBytes / 1024 / 1024),
    };
    console.log(
      `${label}: COPY ${result.copy.rowsPerSecond.toLocaleString('en')} rows/s · import ${result.import.rowsPerSecond.toLocaleString('en')} rows/s · import at ${Math.round(result.ratio * 100)}% of COPY · peak RSS ${result.peakRssMb} MB for a ${result.fileMb} MB file`,
    );
    return result;
  } finally {
    await database.close();
  }
}

const round = (v: number) => Math.round(v * 100) / 100;

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'blo-atlas-bench-import-'));
  const file = path.join(dir, 'seizures.csv');
  const fileBytes = await writeImportCsv(file, ROWS, 4243);
  const resultsFile = path.join(ROOT, 'tests/bench/import-results.json');
  // A backend skipped keeps its previous results.
  const results: Record<string, unknown> = {
    ...(existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {}),
    rows: ROWS,
    date: new Date().toISOString(),
  };
  if (!args['skip-server']) {
    let url = process.env.BENCH_DATABASE_URL;
    const port = 55434;
    if (!url)
      url = execFileSync(path.join(ROOT, '.ci/postgres.sh'), ['start', String(port)])
        .toString()
        .trim();
    try {
      results.server = await benchBackend('server', { url }, file, fileBytes);
    } finally {
      if (!process.env.BENCH_DATABASE_URL) execFileSync(path.join(ROOT, '.ci/postgres.sh'), ['stop', String(port)]);
    }
  }
  if (!args['skip-pglite']) results.pglite = await benchBackend('pglite', { dataDir: path.join(dir, 'pglite') }, file, fileBytes);
  rmSync(dir, { recursive: true, force: true });
  writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
  console.log('\nwrote tests/bench/import-results.json');
}

main().catch((e: unknown) => {
  console.error(`bench:import: ${(e as Error).stack ?? e}`);
  process.exit(1);
});

/**
 * `npm run db:import -- FILE [--dry-run] [--covers POSTS:MONTHS] [--periods PERIODS.csv]`: imports a
 * CSV or GeoJSON file of seizures into the configured database as one batch. `--covers
 * oybek,dostuk:2024-01..2024-06` (may be repeated) declares the file the complete report of those
 * posts and months: each covered month without a seizure becomes a nil report
 * (lib/import/coverage.ts). `--periods` reads the same from a reporting-periods CSV (post, month,
 * status: reported, nil or none). Progress goes to stderr; the last line of stdout is the JSON
 * summary (rows, accepted, rejected, duplicates, batch). Exit code 1 when the file cannot be read.
 */
import { todayIso } from '@/lib/time/dates';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getEnv } from '@/lib/env';
import { formatOfName, ImportFileError, readImportRows } from '@/lib/import/import-file';
import { openForCommand } from './open';
import { importSeizures } from '@/db/import-seizures';
import { commandLineOperator } from './operator';
import { coveredKeys, parseCoverage, parseReportingPeriods, type PostMonthKey } from '@/lib/import/coverage';

/** The post-months a reporting-periods file declares; its problems name the file. */
function periodsOf(file: string): PostMonthKey[] {
  if (!existsSync(file) || !statSync(file).isFile()) throw new Error(`--periods ${file}: no such file`);
  try {
    return parseReportingPeriods(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`--periods ${file}: ${(e as Error).message}`);
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      'dry-run': { type: 'boolean', default: false },
      covers: { type: 'string', multiple: true },
      periods: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1)
    throw new Error('usage: npm run db:import -- FILE [--dry-run] [--covers POSTS:MONTHS] [--periods PERIODS.csv]');
  // Each post-month once, whichever way it was declared.
  const covers = coveredKeys([
    ...(values.covers ? parseCoverage(values.covers.join(';')) : []),
    ...(values.periods ? periodsOf(values.periods) : []),
  ]);
  const file = positionals[0];
  if (!existsSync(file) || !statSync(file).isFile()) throw new Error(`${file}: no such file`);
  const format = formatOfName(file);
  if (!format) throw new Error(`${file}: expected a .csv, .geojson or .json file`);
  const env = getEnv();
  const database = await openForCommand(env, 'db:import');
  try {
    const started = performance.now();
    const summary = await importSeizures(database, readImportRows(createReadStream(file), format), {
      fileName: path.basename(file),
      account: commandLineOperator(),
      dryRun: values['dry-run'],
      covers,
      today: todayIso(),
      maxKg: env.IMPORT_MAX_KG,
      onProgress: (n) => process.stderr.write(`\r${n.toLocaleString('en')} rows read`),
    });
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(
      `\n${summary.dryRun ? 'dry run, nothing written: ' : ''}${summary.accepted} accepted, ${summary.rejected} rejected, ${summary.duplicates} duplicates${summary.covered ? `, ${summary.covered} post-months covered` : ''} in ${seconds.toFixed(1)} s\n`,
    );
    console.log(JSON.stringify(summary));
  } finally {
    await database.close();
  }
}

main().catch((e: unknown) => {
  const message = e instanceof ImportFileError ? `the file cannot be imported: ${e.message}` : (e as Error).message.split('\n')[0];
  console.error(`db:import: ${message}`);
  process.exit(1);
});

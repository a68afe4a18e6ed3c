/**
 * No query text is built from user input: every place that writes raw SQL text is listed here with
 * why its input is not the user's. A new one fails this test until it is reviewed and listed.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const RAW_SQL = /\.raw\(|\.unsafe\(|sql\.identifier\(/;

/** file → reason its raw SQL text cannot carry user input. */
const REVIEWED: Record<string, string> = {
  'db/schema.ts': 'CHECK constraints from the `as const` vocabularies in lib/vocabulary.ts',
  'db/client.ts': "COPY/INSERT statements from identifiers checked against /^[a-z_][a-z0-9_]*$/ and the catalogue; runRaw replays drizzle statements with their bound parameters (benchmark); `preparing` passes drizzle's own statements and parameters through, adding only prepare: true",
  'db/queries/get-time-series.ts': "a literal picked from a fixed map by the `interval` enum ('week' | 'day')",
  'db/queries/monthly-source.ts': 'identifiers from the fixed DIMENSIONS map keys',
  'db/queries/list-routes.ts': "a column name picked by the route mode enum ('country' → destination_country, 'blo' → nearest_blo)",
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'migrations' ? [] : files(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

describe('SQL text', () => {
  it('is written raw only in reviewed places, none fed by request input', () => {
    const found = ['app', 'db', 'lib'].flatMap(files).filter((f) => RAW_SQL.test(readFileSync(f, 'utf8'))).sort();
    expect(found).toEqual(Object.keys(REVIEWED).sort());
  });

  it('is never assembled in app/ or lib/', () => {
    for (const f of [...files('app'), ...files('lib')]) expect(readFileSync(f, 'utf8'), f).not.toMatch(/\bsql`|drizzle-orm/);
  });
});

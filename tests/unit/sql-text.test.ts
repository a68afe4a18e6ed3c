/**
 * No query text is built from user input: every place that writes raw SQL text is listed here, one
 * reason per occurrence, in file order, saying why its input is not the user's. A new one (in a new
 * file or in a listed one) fails this test until it is reviewed and listed.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// drizzle's raw text, postgres-js's unsafe(), and PGlite's text calls (query/exec on a client or transaction).
const RAW_SQL = /\.raw\(|\.unsafe\(|sql\.identifier\(|\b(?:tx|client)\.(?:query|exec)\(/g;

/** file → why each of its raw SQL texts cannot carry user input, one entry per occurrence. */
const REVIEWED: Record<string, string[]> = {
  'db/schema.ts': ['CHECK constraints from the `as const` vocabularies in lib/catalogue/vocabulary.ts'],
  'db/auth-schema.ts': ['the role CHECK constraint from the `as const` ROLES in lib/access/roles.ts'],
  'db/audit-schema.ts': ['the action CHECK constraint from the `as const` AUDIT_ACTIONS in lib/audit/audit-event.ts'],
  'db/client.ts': [
    'copyInto: INSERT … SELECT from identifiers checked against /^[a-z_][a-z0-9_]*$/ and the casts stageTyped read from the catalogue',
    'pgliteCopy: the COPY statement built by stagingTable from checked identifiers; the rows travel as a blob, not as text',
    'stage (PGlite): CREATE TEMP TABLE from identifiers checked against /^[a-z_][a-z0-9_]*$/',
    'runRaw (PGlite): replays statements drizzle built, with their bound parameters (benchmark)',
    'stage (server): CREATE TEMP TABLE from identifiers checked against /^[a-z_][a-z0-9_]*$/',
    'stage (server): COPY … FROM STDIN from the same checked identifiers',
    'runRaw: replays statements drizzle built, with their bound parameters (benchmark)',
    "preparing: passes drizzle's own statements and parameters through, adding only prepare: true",
  ],
  'db/queries/get-time-series.ts': ["a literal picked from a fixed map by the `interval` enum ('week' | 'day')"],
  'db/queries/list-routes.ts': [
    "the select list's column, picked by the route mode enum ('country' → destination_country, 'blo' → nearest_blo)",
    'the same column in the WHERE clause',
  ],
  'db/seizures-bulk.ts': [
    'DROP INDEX / DROP CONSTRAINT statements PostgreSQL formats from its own catalogue (format %I)',
    'the bulk INSERT: SEIZURE_COPY_COLUMNS (checked identifiers), the casts stageTyped read from the catalogue, a checked staging name',
    'CREATE INDEX / ADD CONSTRAINT statements from pg_get_indexdef and pg_get_constraintdef',
  ],
  'db/undo-import.ts': ['the column list a re-import copies: the constant SEIZURE_COPY_COLUMNS of db/seed.ts'],
  'db/reference-sync.ts': [
    'the column list a re-derivation copies: the constant SEIZURE_COPY_COLUMNS of db/seed.ts and created_at',
    'the same constant columns, prefixed with the table alias',
  ],
  'db/queries/monthly-source.ts': [
    'rollup select list: identifiers from the fixed DIMENSIONS map keys',
    'raw select list: the same keys as aliases',
  ],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'migrations' ? [] : files(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

describe('SQL text', () => {
  it('is written raw only in reviewed places, each occurrence reviewed, none fed by request input', () => {
    const found = Object.fromEntries(
      ['app', 'db', 'lib']
        .flatMap(files)
        .map((f) => [f, readFileSync(f, 'utf8').match(RAW_SQL)?.length ?? 0] as const)
        .filter(([, n]) => n > 0),
    );
    const reviewed = Object.fromEntries(Object.entries(REVIEWED).map(([f, reasons]) => [f, reasons.length]));
    expect(found).toEqual(reviewed);
  });

  it('is never assembled in app/ or lib/', () => {
    for (const f of [...files('app'), ...files('lib')]) expect(readFileSync(f, 'utf8'), f).not.toMatch(/\bsql`|drizzle-orm/);
  });
});

/**
 * The layering rule, checked on every import in the project: app → db → lib, never back.
 * lib/ is framework-free; only db/ imports a database driver; nothing outside lib/env.ts reads process.env
 * except entry points (instrumentation.ts, db/cli/, tests, config files).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const DRIVERS = ['postgres', '@electric-sql/pglite', '@electric-sql/pglite-postgis', 'drizzle-orm', 'drizzle-kit'];
const FRAMEWORKS = ['next', 'react', 'react-dom'];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) return name === 'migrations' ? [] : sourceFiles(rel);
    return /\.(ts|tsx)$/.test(name) ? [rel] : [];
  });
}

function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(path.join(ROOT, file), 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

/** Top-level folder an import lands in (relative or `@/` imports), or the package name. */
function target(file: string, spec: string): { layer?: string; pkg?: string } {
  if (spec.startsWith('@/')) return { layer: spec.slice(2).split('/')[0] };
  if (spec.startsWith('.')) {
    const resolved = path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), spec));
    return { layer: resolved.split(path.sep)[0] };
  }
  const parts = spec.split('/');
  return { pkg: spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] };
}

const violations = (layer: 'app' | 'db' | 'lib'): string[] =>
  sourceFiles(layer).flatMap((file) =>
    importsOf(file).flatMap((spec) => {
      const t = target(file, spec);
      const bad =
        (layer === 'lib' && (t.layer === 'db' || t.layer === 'app' || DRIVERS.includes(t.pkg ?? '') || FRAMEWORKS.includes(t.pkg ?? ''))) ||
        (layer === 'db' && (t.layer === 'app' || FRAMEWORKS.includes(t.pkg ?? ''))) ||
        (layer === 'app' && DRIVERS.includes(t.pkg ?? ''));
      return bad ? [`${file} imports ${spec}`] : [];
    }),
  );

describe('layering: app → db → lib', () => {
  it('lib imports neither db, app, a driver nor a framework', () => {
    expect(violations('lib')).toEqual([]);
  });

  it('db never imports app or a UI framework', () => {
    expect(violations('db')).toEqual([]);
  });

  it('app never imports a database driver or drizzle (SQL stays in db)', () => {
    expect(violations('app')).toEqual([]);
  });

  it('only lib/env.ts and entry points read process.env', () => {
    const readers = [...sourceFiles('app'), ...sourceFiles('db'), ...sourceFiles('lib')].filter(
      (f) => /process\.env/.test(readFileSync(path.join(ROOT, f), 'utf8')) && f !== path.join('lib', 'env.ts'),
    );
    expect(readers).toEqual([]);
  });

  it('the checker sees a violation when one exists', () => {
    expect(target('lib/x.ts', '../db/client')).toEqual({ layer: 'db' });
    expect(target('lib/url/x.ts', '@/db/client')).toEqual({ layer: 'db' });
    expect(target('lib/url/x.ts', '@/app/_server/database')).toEqual({ layer: 'app' });
    expect(target('app/page.tsx', 'drizzle-orm/pg-core')).toEqual({ pkg: 'drizzle-orm' });
    expect(target('app/api/x/route.ts', '@electric-sql/pglite')).toEqual({ pkg: '@electric-sql/pglite' });
  });
});

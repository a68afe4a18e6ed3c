import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { defineDatabaseSuite } from './database-suite';

defineDatabaseSuite('embedded PGlite + PostGIS', {
  open: () => openDatabase({ dataDir: 'memory://' }),
  dispose: async () => {},
  async scratch() {
    // On disk: a child process opens it by its directory.
    const dir = mkdtempSync(path.join(tmpdir(), 'blo-atlas-scratch-'));
    return {
      env: { PGLITE_DATA_DIR: dir, DATABASE_URL: '' },
      open: () => openDatabase({ dataDir: dir }),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
});

import { openDatabase } from '../../db/client';
import { defineDatabaseSuite } from './database-suite';

defineDatabaseSuite('embedded PGlite + PostGIS', {
  open: () => openDatabase({ dataDir: 'memory://' }),
  dispose: async () => {},
});

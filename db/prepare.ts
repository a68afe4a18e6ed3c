/**
 * What every process does after opening a database and before using it, the app's first start and
 * every command alike: a new database gets its reference data (substances, countries, borders, the
 * 24 posts), and a new embedded one the demonstration sample on top; a database whose shipped
 * reference files changed is brought up to them. Under the maintenance lock (`Database.exclusive`),
 * so instances and commands starting together on one server prepare it once.
 */
import type { Database } from './client';
import type { ReferenceData } from './reference-data';
import { referenceChanged, syncReferenceData, type ReferenceSync } from './reference-sync';
import { needsSeed, seedDatabase, seedReferenceData, type SeedResult } from './seed';

export interface PrepareOptions {
  /** Synthetic rows for a new embedded database (the app's SEED_ROWS). */
  sampleRows: number;
  /** Last day of the sample: the last full month before today. */
  through: string;
  /** Who prepares: written as the author of the data versions it makes. */
  account: string;
  /**
   * Whether a server database whose reference files changed is re-derived now. The app only warns
   * (re-deriving may take minutes: `npm run db:migrate` does it); commands do it.
   */
  syncServer: boolean;
}

export type Prepared =
  | { kind: 'seeded'; result: SeedResult }
  | { kind: 'reference-loaded'; posts: number; borders: number }
  | { kind: 'synced'; sync: ReferenceSync }
  | { kind: 'reference-stale' }
  | { kind: 'ready' };

export async function prepareDatabase(database: Database, data: ReferenceData, options: PrepareOptions): Promise<Prepared> {
  return database.exclusive(async () => {
    if (await needsSeed(database.db)) {
      if (database.backend === 'pglite') {
        const result = await seedDatabase(database, data, {
          rows: options.sampleRows,
          seed: 20240531,
          through: options.through,
          account: options.account,
        });
        return { kind: 'seeded', result };
      }
      // A server holds real data: its seizures come from imports, never from a sample.
      const { borders } = await seedReferenceData(database.db, data);
      return { kind: 'reference-loaded', posts: data.blos.length, borders };
    }
    if (database.backend === 'postgres' && !options.syncServer) {
      return (await referenceChanged(database.db, data)) ? { kind: 'reference-stale' } : { kind: 'ready' };
    }
    const sync = await syncReferenceData(database, data, options.account);
    return sync ? { kind: 'synced', sync } : { kind: 'ready' };
  });
}

/** One line for the log: what preparing did, or null when there was nothing to do. */
export function preparedText(prepared: Prepared): string | null {
  switch (prepared.kind) {
    case 'seeded':
      return `seeded the new embedded database (${prepared.result.publicRows} public + ${prepared.result.syntheticRows} synthetic seizures)`;
    case 'reference-loaded':
      return `loaded the reference data into the new database (${prepared.posts} posts, ${prepared.borders} borders)`;
    case 'synced':
      return `reference data reloaded (${prepared.sync.moved.length} posts moved, ${prepared.sync.rederived} seizures re-derived)`;
    case 'reference-stale':
      return "the shipped posts or borders differ from the database's: run `npm run db:migrate` to bring them up to date";
    case 'ready':
      return null;
  }
}

/**
 * The database suite on a PostgreSQL + PostGIS server: TEST_DATABASE_URL names a server (and a
 * database to connect to for administration); each run creates its own database and drops it.
 * This file runs only when TEST_DATABASE_URL is set; if the server cannot be reached, it fails.
 */
import postgres from 'postgres';
import { openDatabase } from '@/db/client';
import { defineDatabaseSuite } from './database-suite';

const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) throw new Error('TEST_DATABASE_URL is required for the server suite');
const name = `blo_atlas_test_${process.pid}_${Date.now()}`;

async function admin(statement: string) {
  const sql = postgres(adminUrl!, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(statement);
  } finally {
    await sql.end();
  }
}

const urlOf = (database: string) => Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();

defineDatabaseSuite('PostgreSQL + PostGIS server', {
  async open() {
    await admin(`CREATE DATABASE ${name}`);
    return openDatabase({ url: urlOf(name) });
  },
  dispose: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  async scratch(tag = 'scratch') {
    const scratch = `${name}_${tag}`;
    await admin(`CREATE DATABASE ${scratch}`);
    return {
      env: { DATABASE_URL: urlOf(scratch) },
      open: () => openDatabase({ url: urlOf(scratch) }),
      dispose: () => admin(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`),
    };
  },
});

/**
 * The database suite on a PostgreSQL + PostGIS server: TEST_DATABASE_URL names a server (and a
 * database to connect to for administration); each run creates its own database and drops it.
 * This file runs only when TEST_DATABASE_URL is set; if the server cannot be reached, it fails.
 */
import postgres from 'postgres';
import { openDatabase } from '../../db/client';
import { defineDatabaseSuite } from './database-suite';

const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) throw new Error('TEST_DATABASE_URL is required for the server suite');
const name = `blo_atlas_test_${process.pid}_${Date.now()}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;

defineDatabaseSuite('PostgreSQL + PostGIS server', {
  async open() {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    return openDatabase({ url: url.toString() });
  },
  async dispose() {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  },
});

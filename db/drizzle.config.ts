import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations only; they are applied from code (db/migrate.ts) on both backends.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
});

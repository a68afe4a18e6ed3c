import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations only; they are applied from code on both backends (openDatabase in
// db/client.ts, on every open, and `npm run db:migrate`).
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
});

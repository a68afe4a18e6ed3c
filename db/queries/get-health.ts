import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { blos, seizureMonthlyBlo } from '@/db/schema';
import { rowsOf } from '@/db/result-rows';

export interface Health {
  blos: number;
  seizures: number;
  syntheticSeizures: number;
  postgis: string;
}

/**
 * Counts that show the database is migrated and seeded. Seizures are counted from the monthly
 * rollup, which triggers keep exact: a health probe every few seconds must not scan every seizure.
 */
export async function getHealth(db: Db): Promise<Health> {
  const [b] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(blos);
  const [s] = await db
    .select({
      n: sql<number>`coalesce(sum(${seizureMonthlyBlo.n}), 0)`.mapWith(Number),
      synthetic: sql<number>`coalesce(sum(${seizureMonthlyBlo.n}) FILTER (WHERE ${seizureMonthlyBlo.synthetic}), 0)`.mapWith(Number),
      postgis: sql<string>`postgis_lib_version()`,
    })
    .from(seizureMonthlyBlo);
  return { blos: b.n, seizures: s.n, syntheticSeizures: s.synthetic, postgis: s.postgis };
}

/** Migrations applied, by drizzle's own record: readiness compares it with the migrations shipped. */
export async function appliedMigrations(db: Db): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`));
  return Number(row.n);
}

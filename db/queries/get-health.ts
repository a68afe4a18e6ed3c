import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { blos, seizures } from '../schema';

export interface Health {
  blos: number;
  seizures: number;
  syntheticSeizures: number;
  postgis: string;
}

/** Counts that show the database is migrated and seeded. */
export async function getHealth(db: Db): Promise<Health> {
  const [b] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(blos);
  const [s] = await db
    .select({
      n: sql<number>`count(*)`.mapWith(Number),
      synthetic: sql<number>`count(*) FILTER (WHERE ${seizures.synthetic})`.mapWith(Number),
      postgis: sql<string>`postgis_lib_version()`,
    })
    .from(seizures);
  return { blos: b.n, seizures: s.n, syntheticSeizures: s.synthetic, postgis: s.postgis };
}

/**
 * The process-wide sign-in service (better-auth on the opened database) and the account behind a
 * request. The secret that signs sessions comes from AUTH_SECRET, else it is generated once and
 * kept in the database, so every instance on one database shares it.
 */
import { z } from 'zod';
import { createAuth, type Auth } from '@/db/auth';
import { getOrCreateSecret } from '@/db/queries/accounts';
import { authSettingsOf } from '@/lib/access/auth-settings';
import { scopeOf, type CountryScope } from '@/lib/access/country-scope';
import { roleSchema, type Role } from '@/lib/access/roles';
import { detailFor, type Detail } from '@/lib/access/detail';
import { getEnv } from '@/lib/env';
import { getDatabase } from './database';

export interface Account {
  id: string;
  email: string;
  name: string;
  role: Role;
  scope: CountryScope;
  /** Single seizures, or aggregates only (with the limits the settings give). */
  detail: Detail;
}

const KEY = Symbol.for('blo-atlas.auth');
type Holder = { [KEY]?: Promise<Auth> };

async function open(): Promise<Auth> {
  const database = await getDatabase();
  const env = getEnv();
  const secret = env.AUTH_SECRET ?? (await getOrCreateSecret(database.db, 'auth'));
  return createAuth(database.db, authSettingsOf(env, secret));
}

export function getAuth(): Promise<Auth> {
  const holder = globalThis as Holder;
  holder[KEY] ??= open().catch((e: unknown) => {
    delete holder[KEY];
    throw e;
  });
  return holder[KEY];
}

const sessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  banned: z.boolean().nullish(),
  allCountries: z.boolean().nullish(),
  countries: z.array(z.string()).nullish(),
});

/** The signed-in account of a request, or null (no session, expired, revoked, disabled, or an unknown role). */
export async function currentAccount(headers: Headers): Promise<Account | null> {
  const session = await (await getAuth()).api.getSession({ headers });
  if (!session) return null;
  const user = sessionUserSchema.safeParse(session.user);
  if (!user.success || user.data.banned) return null;
  const { id, email, name, role, allCountries, countries } = user.data;
  const { MIN_CELL_COUNT, VIEWER_MAX_H3_RESOLUTION } = getEnv();
  return {
    id,
    email,
    name,
    role,
    scope: scopeOf(allCountries === true, countries ?? []),
    detail: detailFor(role, { minCount: MIN_CELL_COUNT, maxResolution: VIEWER_MAX_H3_RESOLUTION }),
  };
}

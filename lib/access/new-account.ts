/**
 * What it takes to create an account, checked the same way from the command line, the first-run
 * page and the users page.
 */
import { z } from 'zod';
import { countryScopeSchema, type CountryScope } from './country-scope';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-hash';
import { can, roleSchema, UNSCOPED_PERMISSIONS, type Role } from './roles';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'is longer than 254 characters')
  .pipe(z.email('is not an email address'));

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must have at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must have at most ${MAX_PASSWORD_LENGTH} characters`);

export const displayNameSchema = z.string().trim().min(1, 'is required').max(120, 'is longer than 120 characters');

export const SCOPED_ROLE_MESSAGE = 'must be all for an editor or admin: importing and managing users concern every country';

/** Whether `role` may be limited to `scope`: roles that hold an unscoped permission see every country. */
export const accessFits = (role: Role, scope: CountryScope): boolean => scope === 'all' || !UNSCOPED_PERMISSIONS.some((p) => can(role, p));

export interface NewAccount {
  email: string;
  name: string;
  password: string;
  role: Role;
  scope: CountryScope;
}

export const newAccountSchema = z
  .object({
    email: emailSchema,
    name: displayNameSchema.optional(),
    password: passwordSchema,
    role: roleSchema,
    /** `all` or `KZ,UZ`; an account that may import or manage users sees all countries. */
    countries: countryScopeSchema.default('all'),
  })
  .refine((a) => accessFits(a.role, a.countries), { path: ['countries'], message: SCOPED_ROLE_MESSAGE })
  .transform(({ email, name, password, role, countries }): NewAccount => ({
    email,
    name: name ?? email.split('@')[0],
    password,
    role,
    scope: countries,
  }));

/**
 * Who may do what. Four roles, each a superset of the one before; a permission names one thing a
 * route or page needs. The server checks these on every request (app/_server/access.ts); the UI
 * only hides what a role cannot use.
 */
import { z } from 'zod';

export const ROLES = ['viewer', 'analyst', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` });

/**
 * - `view`: the dashboard and its figures (aggregates; withheld where small, lib/access/detail.ts);
 * - `events`: single seizures, in every form: lists, points and tiles on the map, a post's recent
 *   seizures, seizure exports;
 * - `export`: downloads: per-post totals and map pictures (and, with `events`, seizure files);
 * - `import`: uploading seizure files and reading the import history;
 * - `users`: creating accounts, changing their role or countries, disabling them, resetting passwords.
 */
export const PERMISSIONS = ['view', 'events', 'export', 'import', 'users'] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  viewer: ['view', 'export'],
  analyst: ['view', 'events', 'export'],
  editor: ['view', 'events', 'export', 'import'],
  admin: ['view', 'events', 'export', 'import', 'users'],
};

export const can = (role: Role, permission: Permission): boolean => GRANTS[role].includes(permission);

/** The least role that holds `permission` (for messages: "needs the analyst role"). */
export const leastRoleFor = (permission: Permission): Role => ROLES.find((r) => can(r, permission))!;

/** Permissions that write seizures for every country: an account limited to some countries cannot hold them. */
export const UNSCOPED_PERMISSIONS: readonly Permission[] = ['import', 'users'];

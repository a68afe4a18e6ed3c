/**
 * How much detail an account may see. Analysts and above see single seizures. A viewer sees
 * aggregates only: no single seizure in any form, hexagons no finer than `maxResolution`, and every
 * figure built from fewer than `minCount` seizures withheld (lib/access/suppression.ts). Like the
 * country scope, the level travels with the filters into every query (ScopedFilters), so the data
 * layer applies it whatever route asks.
 */
import { can, type Role } from './roles';

export type Detail =
  | { readonly level: 'events' }
  | {
      readonly level: 'aggregates';
      /** Figures built from fewer seizures than this are withheld. */
      readonly minCount: number;
      /** Finest H3 resolution of hexagons. */
      readonly maxResolution: number;
    };

export const EVENT_DETAIL: Detail = { level: 'events' };

export interface DetailSettings {
  minCount: number;
  maxResolution: number;
}

export const detailFor = (role: Role, settings: DetailSettings): Detail =>
  can(role, 'events') ? EVENT_DETAIL : { level: 'aggregates', ...settings };

/**
 * Thrown by a query for single seizures asked with aggregates-only detail: the routes refuse such
 * accounts first, so reaching it means a route forgot, and the answer is still a refusal.
 */
export class EventsRefused extends Error {
  constructor() {
    super('single seizures are not shown to accounts that see aggregates only');
  }
}

/** Refuses a query for single seizures unless `detail` allows them. */
export function requireEvents(detail: Detail): void {
  if (detail.level !== 'events') throw new EventsRefused();
}

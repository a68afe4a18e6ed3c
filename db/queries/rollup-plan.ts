/**
 * Splits a request between the monthly rollups and the raw table. Whole months inside the period
 * come from the rollup; the days of a partial first or last month come from `seizures`. Filters a
 * rollup cannot answer (minimum quantity, bbox) send the whole request to the raw table.
 */
import type { Filters } from '@/lib/url/filters';
import type { Period } from './filter-conditions';

export interface RollupPlan {
  /** Months (first days, inclusive) answered by the rollup; null bounds are open. */
  months: Period | null;
  /** Day ranges answered by the raw table. */
  raw: Period[];
}

const firstOfMonth = (iso: string) => `${iso.slice(0, 7)}-01`;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const nextMonth = (iso: string) => {
  const d = new Date(`${firstOfMonth(iso)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
};
const previousMonth = (iso: string) => {
  const d = new Date(`${firstOfMonth(iso)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 10);
};

export function canUseRollup(filters: Pick<Filters, 'minKg' | 'bbox'>): boolean {
  return filters.minKg === null && filters.bbox === null;
}

/**
 * Whether the filters name only what the cell and catchment rollups keep (substance, synthetic,
 * period): no country, BLO, transport or concealment, and nothing `canUseRollup` rules out.
 */
export function onlySubstanceAndPeriod(filters: Filters): boolean {
  return canUseRollup(filters) && filters.countries.length === 0 && filters.blos.length === 0 &&
    filters.transport.length === 0 && filters.concealment.length === 0;
}

const startsMonth = (iso: string) => iso.endsWith('-01');
const endsMonth = (iso: string) => addDays(iso, 1).endsWith('-01');

/** How to answer `period` under `filters`: rollup months plus raw edge days, or raw only. */
export function planRollup(filters: Pick<Filters, 'minKg' | 'bbox'>, period: Period): RollupPlan {
  if (!canUseRollup(filters)) return { months: null, raw: [period] };
  const { from, to } = period;
  // First whole month on or after `from`; last whole month on or before `to` (as first days).
  const firstWhole = from === null ? null : startsMonth(from) ? from : nextMonth(from);
  const lastWhole = to === null ? null : endsMonth(to) ? firstOfMonth(to) : previousMonth(to);
  if (firstWhole !== null && lastWhole !== null && firstWhole > lastWhole) return { months: null, raw: [period] };
  const raw: Period[] = [];
  if (from !== null && firstWhole !== null && !startsMonth(from)) raw.push({ from, to: addDays(firstWhole, -1) });
  if (to !== null && !endsMonth(to)) raw.push({ from: firstOfMonth(to), to });
  return { months: { from: firstWhole, to: lastWhole }, raw };
}

/**
 * Calendar days as ISO strings `YYYY-MM-DD`, in UTC: the one set of date helpers. Day numbers count
 * from 1970-01-01 (the epoch of the binary point format).
 */
import { z } from 'zod';
import { problemParams } from '@/lib/url/param-problem';

/** Milliseconds in a UTC calendar day. */
export const DAY_MS = 86_400_000;

/** An inclusive range of days; `DateRange<string | null>` leaves either end open. */
export interface DateRange<T extends string | null = string> {
  from: T;
  to: T;
}

/** The UTC day of a moment. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** Today in UTC. */
export const todayIso = (): string => isoDay(new Date());

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Whether `iso` is a well-formed day that exists in the calendar (no 31 April). */
export function isRealDate(iso: string): boolean {
  const d = utc(iso);
  return !Number.isNaN(d.getTime()) && isoDay(d) === iso;
}

/** A day written `YYYY-MM-DD` that exists in the calendar. */
export const isoDateSchema = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), {
    message: 'must be a date YYYY-MM-DD',
    params: problemParams({ kind: 'not-date' }),
    abort: true,
  })
  .refine(isRealDate, { message: 'is not a real calendar date', params: problemParams({ kind: 'no-such-day' }) });

export const isoToDays = (iso: string): number => Math.round(utc(iso).getTime() / DAY_MS);
export const daysToIso = (days: number): string => isoDay(new Date(days * DAY_MS));

export const addDays = (iso: string, days: number): string => daysToIso(isoToDays(iso) + days);

/** Days from `from` to `to`, both counted. */
export const daysInRange = (from: string, to: string): number => isoToDays(to) - isoToDays(from) + 1;

/** First day of the month `months` after the month of `iso` (0 = its own month). */
export function monthStart(iso: string, months = 0): string {
  const [y, m] = iso.split('-').map(Number);
  return isoDay(new Date(Date.UTC(y, m - 1 + months, 1)));
}

/** Last day of the month `months` after the month of `iso` (0 = its own month). */
export function monthEnd(iso: string, months = 0): string {
  const [y, m] = iso.split('-').map(Number);
  return isoDay(new Date(Date.UTC(y, m + months, 0)));
}

/** The first day of every month from `from`'s to `to`'s, inclusive (empty when `to` is earlier). */
export function monthsIn(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = monthStart(from); m <= to; m = monthStart(m, 1)) months.push(m);
  return months;
}

export const isMonthStart = (iso: string): boolean => iso.endsWith('-01');
export const isMonthEnd = (iso: string): boolean => monthEnd(iso) === iso;

/** The same day `years` later; 29 February becomes 28 February in a year without it. */
export function addYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const shifted = `${String(y).padStart(4, '0')}${iso.slice(4)}`;
  return isRealDate(shifted) ? shifted : monthEnd(`${shifted.slice(0, 7)}-01`);
}

/** Whole months in `from`…`to` when it starts on a 1st and ends on a month's last day, else null. */
export function wholeMonths(from: string, to: string): number | null {
  if (!isMonthStart(from) || !isMonthEnd(to)) return null;
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) + 1;
}

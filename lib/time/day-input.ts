/**
 * A calendar day as people read and type it in a date field. The field shows one form per language:
 * English `31 Dec 2024` (what formatDay prints, so the field and the KPIs agree) and Russian
 * `31.12.2024` (day-first numbers, the form of Russian documents and easy to type). It reads back
 * either form in either language, ISO `2024-12-31`, day-first numbers with a four-digit year
 * (`31.12.2024`, `31/12/2024`, `31-12-2024`) and a day, a month name in English or Russian and a year
 * (`31 December 2024`, `31 дек. 2024 г.`, `31 декабря 2024`). Numbers are never read month first,
 * and two-digit years are refused: `01.02.24` could be several days. Values in and out are ISO days
 * (see dates.ts).
 */
import type { Language } from '@/lib/url/view-state';
import { formatDay } from '@/lib/i18n/i18n';
import { isRealDate } from './dates';

/**
 * Month names a typed word may shorten (three letters or more): English, and Russian both in the
 * nominative (декабрь) and in the genitive that dates use (31 декабря). No two months share a
 * three-letter start in either language (март/мая, июнь/июль differ at the third letter).
 */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'январь', 'января'],
  ['february', 'февраль', 'февраля'],
  ['march', 'март', 'марта'],
  ['april', 'апрель', 'апреля'],
  ['may', 'май', 'мая'],
  ['june', 'июнь', 'июня'],
  ['july', 'июль', 'июля'],
  ['august', 'август', 'августа'],
  ['september', 'сентябрь', 'сентября'],
  ['october', 'октябрь', 'октября'],
  ['november', 'ноябрь', 'ноября'],
  ['december', 'декабрь', 'декабря'],
];

/** Why a typed day was refused: not a form we read, a day the calendar lacks (31.02), or outside the bounds. */
export type DayProblem = 'format' | 'no-such-day' | 'before-min' | 'after-max';

/** A typed day read: the ISO day, null for an empty field, or why it was refused. */
export type DayInput = { ok: true; iso: string | null } | { ok: false; problem: DayProblem };

/** Inclusive ISO bounds of the days a field accepts; null or absent leaves that end open. */
export interface DayBounds {
  min?: string | null;
  max?: string | null;
}

const ISO_TEXT = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** Day, month and year as numbers with one separator used twice; "г." as Russian writes after a year. */
const DAY_FIRST_TEXT = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?: ?г\.?)?$/;
/** Day, a month word (maybe shortened with a dot) and the year, as `31 Dec 2024` or `31 декабря 2024 года`. */
const MONTH_WORD_TEXT = /^(\d{1,2})\.? ?([a-zа-я]+)\.?,? ?(\d{4})(?: ?(?:г|года?)\.?)?$/;

/** The month (1–12) a typed word names, or null when it names none. */
function monthOfWord(word: string): number | null {
  if (word.length < 3) return null;
  const index = MONTH_NAMES.findIndex((names) => names.some((name) => name.startsWith(word)));
  return index < 0 ? null : index + 1;
}

/** Year, month and day as written, before the calendar is asked whether the day exists. */
function readParts(text: string): [year: number, month: number, day: number] | null {
  let m = ISO_TEXT.exec(text);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  m = DAY_FIRST_TEXT.exec(text);
  if (m) return [Number(m[4]), Number(m[3]), Number(m[1])];
  m = MONTH_WORD_TEXT.exec(text);
  if (m) {
    const month = monthOfWord(m[2]);
    return month === null ? null : [Number(m[3]), month, Number(m[1])];
  }
  return null;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Reads a typed day. Case, spacing (no-break spaces included, as Intl prints them) and ё/е do not
 * matter; an empty text is no day (an open end), which bounds do not refuse.
 */
export function parseDayInput(text: string, bounds: DayBounds = {}): DayInput {
  const s = text
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е');
  if (s === '') return { ok: true, iso: null };
  const parts = readParts(s);
  if (!parts) return { ok: false, problem: 'format' };
  const [year, month, day] = parts;
  const iso = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (!isRealDate(iso)) return { ok: false, problem: 'no-such-day' };
  if (bounds.min && iso < bounds.min) return { ok: false, problem: 'before-min' };
  if (bounds.max && iso > bounds.max) return { ok: false, problem: 'after-max' };
  return { ok: true, iso };
}

/** Whether the text is a whole ISO day `YYYY-MM-DD`, the form a program (or a paste) writes. */
export const isIsoDayText = (text: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(text.trim());

/** The ISO day `iso` as the field shows it: `31 Dec 2024` in English, `31.12.2024` in Russian. */
export function formatDayInput(lang: Language, iso: string): string {
  if (lang === 'en') return formatDay('en', iso);
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

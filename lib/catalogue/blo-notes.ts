/**
 * Where a BLO's facts come from, written for the reader (data/blo-notes.json, English and Russian:
 * who names it a BLO and how its position was found), with what its record says about that
 * position: how sure it is, and how far this map moves it. data/blos.json keeps the sources as they
 * were gathered (`source`, `positionNote`), for whoever checks them.
 */
import { distance } from '@turf/turf';
import notesJson from '@/data/blo-notes.json';
import blosJson from '@/data/blos.json';
import { countryName, formatKm, t, type TextKey } from '@/lib/i18n/i18n';
import type { Language } from '@/lib/url/view-state';
import type { LocationConfidence } from './vocabulary';

const NOTES: Record<string, Record<Language, string>> = notesJson;
const BLOS = new Map(blosJson.map((b) => [b.code, b]));

const CONFIDENCE_TEXT: Record<LocationConfidence, TextKey> = { high: 'positionHigh', medium: 'positionMedium', low: 'positionLow' };

/** Below this the map shows a post where it was published (coordinates rounded to 5 decimals differ by ~1 m). */
const MOVED_MIN_KM = 0.05;

/** How far the map shows a post from its published position, km (great circle); null when it is shown there or unknown. */
export function movedKm(code: string): number | null {
  const b = BLOS.get(code);
  if (!b) return null;
  const km = distance([b.sourceLon, b.sourceLat], [b.lon, b.lat], { units: 'kilometers' });
  return km < MOVED_MIN_KM ? null : km;
}

export interface BloSourceText {
  /** Who names the post a BLO, and how its position was found. */
  basis: string;
  /** How sure the position is. */
  confidence: string;
  /** How far and why this map moves the post, or null. */
  moved: string | null;
}

/** The source notes of BLO `code` in `lang`, or null for a code not in data/blos.json. */
export function bloSourceText(lang: Language, code: string): BloSourceText | null {
  const b = BLOS.get(code);
  const note = NOTES[code];
  if (!b || !note) return null;
  const km = movedKm(code);
  return {
    basis: note[lang],
    confidence: t(lang, CONFIDENCE_TEXT[b.confidence as LocationConfidence]),
    moved: km === null ? null : t(lang, 'positionMoved', { km: formatKm(lang, km), country: countryName(lang, b.country) }),
  };
}

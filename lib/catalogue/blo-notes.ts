/**
 * Where a BLO's facts come from, written for the reader (data/blo-notes.json, English and Russian:
 * who names it a BLO and how its position was found), with how sure its record says that position is.
 * The map shows every post at its published position. data/blos.json keeps the sources as they were
 * gathered (`source`), for whoever checks them.
 */
import notesJson from '@/data/blo-notes.json';
import blosJson from '@/data/blos.json';
import { t, type TextKey } from '@/lib/i18n/i18n';
import type { Language } from '@/lib/url/view-state';
import type { LocationConfidence } from './vocabulary';

const NOTES: Record<string, Record<Language, string>> = notesJson;
const BLOS = new Map(blosJson.map((b) => [b.code, b]));

const CONFIDENCE_TEXT: Record<LocationConfidence, TextKey> = { high: 'positionHigh', medium: 'positionMedium', low: 'positionLow' };

export interface BloSourceText {
  /** Who names the post a BLO, and how its position was found. */
  basis: string;
  /** How sure the position is. */
  confidence: string;
}

/** The source notes of BLO `code` in `lang`, or null for a code not in data/blos.json. */
export function bloSourceText(lang: Language, code: string): BloSourceText | null {
  const b = BLOS.get(code);
  const note = NOTES[code];
  if (!b || !note) return null;
  return { basis: note[lang], confidence: t(lang, CONFIDENCE_TEXT[b.confidence as LocationConfidence]) };
}

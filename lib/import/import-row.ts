/**
 * One row of an import file (CSV fields or GeoJSON properties + point) → a seizure ready to load,
 * or the list of reasons it cannot be. Nothing is clamped or guessed: a value we cannot read is a
 * reason. Names are accepted in English and Russian with common spellings; units are converted to
 * the stored ones (g → kg, ml → l). Dates are ISO (`2025-05-14`, `2025-05`) or written the Russian
 * way, day first (`14.05.2025`, `4.5.2025`, `05.2025`): a dotted date is always day.month.year,
 * never month first.
 */
import { isRealDate } from '@/lib/time/dates';
import { createHash } from 'node:crypto';
import { cellOf, cellToDecimal } from '@/lib/geo/h3-cell';
import type { LngLat } from '@/lib/geo/lng-lat';
import { estimateValue, toKgEq } from '@/lib/catalogue/substances';
import type { ImportColumn } from './import-columns';
import { countryByName, normaliseName, substanceByName, UNIT_NAMES, VOCAB_ALIASES } from './import-names';
import type { ImportReason, VocabularyColumn } from './import-reasons';
import { CONCEALMENTS, DETECTION_METHODS, TRANSPORT_MODES, type Unit } from '@/lib/catalogue/vocabulary';

const EARLIEST_IMPORT_DATE = '1990-01-01';
const MAX_NOTES = 2000;
const MAX_REF = 200;

export interface ImportBlo {
  code: string;
  names: string[];
  lngLat: LngLat;
  country: string;
}

export interface ImportContext {
  /** Today, YYYY-MM-DD: later dates are rejected. */
  today: string;
  /** Largest kg-equivalent a single seizure may have. */
  maxKg: number;
  blos: ImportBlo[];
}

/** A valid row, normalised; `country` is null when it must come from the point (done in SQL). */
export interface ImportedSeizure {
  seizedOn: string;
  datePrecision: 'day' | 'month';
  substance: string;
  quantity: number;
  unit: Unit;
  kgEq: number;
  valueUsd: number;
  priceUsdPerKg: number;
  lngLat: LngLat;
  locationPrecision: 'exact' | 'crossing';
  country: string | null;
  /** H3 cell at the stored resolution, as a decimal string (bigint column). */
  cell: string;
  transport: string;
  concealment: string;
  detection: string;
  originCountry: string | null;
  destinationCountry: string | null;
  sourceRef: string | null;
  notes: string | null;
  /** Identity for re-imports: `ref:` + source_ref, else `row:` + a hash of the normalised fields. */
  dedupeKey: string;
}

export type RowResult = { ok: true; seizure: ImportedSeizure } | { ok: false; reasons: ImportReason[] };

/** A value as a reason quotes it: trimmed, and short. */
const quoted = (raw: string, length = 40) => raw.trim().slice(0, length);

const pad2 = (digits: string) => digits.padStart(2, '0');

/** `date` as a day or month: ISO, or dotted day first (DD.MM.YYYY, D.M.YYYY, MM.YYYY). */
function readDate(raw: string, today: string, reasons: ImportReason[]): { seizedOn: string; datePrecision: 'day' | 'month' } | null {
  const v = raw.trim();
  let seizedOn: string;
  let datePrecision: 'day' | 'month';
  let dotted: RegExpMatchArray | null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) [seizedOn, datePrecision] = [v, 'day'];
  else if (/^\d{4}-\d{2}$/.test(v)) [seizedOn, datePrecision] = [`${v}-01`, 'month'];
  else if ((dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v)))
    [seizedOn, datePrecision] = [`${dotted[3]}-${pad2(dotted[2])}-${pad2(dotted[1])}`, 'day'];
  else if ((dotted = /^(\d{1,2})\.(\d{4})$/.exec(v))) [seizedOn, datePrecision] = [`${dotted[2]}-${pad2(dotted[1])}-01`, 'month'];
  else {
    reasons.push(v === '' ? { code: 'date-missing' } : { code: 'date-format', value: quoted(v) });
    return null;
  }
  if (!isRealDate(seizedOn)) reasons.push({ code: 'date-not-real', value: v });
  else if (seizedOn > today) reasons.push({ code: 'date-future', value: v });
  else if (seizedOn < EARLIEST_IMPORT_DATE) reasons.push({ code: 'date-too-early', value: v, earliest: EARLIEST_IMPORT_DATE });
  else return { seizedOn, datePrecision };
  return null;
}

/**
 * "1 234,5" and "1234.5" alike, with a sign if written (so "-5" reads as a number, and is then
 * refused as not more than 0); nothing else (no units).
 */
function readNumber(raw: string): number | null {
  const v = raw
    .trim()
    .replace(/[\s  ]/g, '')
    .replace(/^[−–]/, '-');
  if (!/^[-+]?\d+([.,]\d+)?$/.test(v)) return null;
  return Number(v.replace(',', '.'));
}

/** Decimal degrees, with a decimal point or comma (a spreadsheet set to Russian writes commas). */
function readCoordinate(raw: string): number | null {
  const v = raw.trim();
  if (!/^-?\d+([.,]\d+)?$/.test(v)) return null;
  return Number(v.replace(',', '.'));
}

function readVocab(raw: string, allowed: readonly string[], column: VocabularyColumn, reasons: ImportReason[]): string {
  const v = normaliseName(raw);
  if (v === '') return 'unknown';
  const code = allowed.includes(v) ? v : VOCAB_ALIASES[v];
  if (code && allowed.includes(code)) return code;
  reasons.push({ code: 'vocabulary-unknown', column, value: quoted(raw) });
  return 'unknown';
}

function readCountry(raw: string, column: 'origin' | 'destination', reasons: ImportReason[]): string | null {
  const v = raw.trim();
  if (v === '') return null;
  if (/^[A-Za-z]{2}$/.test(v)) return v.toUpperCase();
  const code = countryByName.get(normaliseName(v));
  if (code) return code;
  reasons.push({ code: 'country-unknown', column, value: quoted(v) });
  return null;
}

/** Index of BLOs by every name, Latin and Cyrillic, normalised. */
function bloIndex(blos: ImportBlo[]): Map<string, ImportBlo> {
  const index = new Map<string, ImportBlo>();
  for (const b of blos) for (const name of [b.code, ...b.names]) index.set(normaliseName(name), b);
  return index;
}

const indexes = new WeakMap<ImportBlo[], Map<string, ImportBlo>>();

export function normaliseImportRow(fields: Partial<Record<string, string>>, ctx: ImportContext): RowResult {
  const reasons: ImportReason[] = [];
  const get = (k: ImportColumn) => fields[k] ?? '';

  const date = readDate(get('date'), ctx.today, reasons);

  const substanceRaw = get('substance').trim();
  const substance = substanceByName.get(normaliseName(substanceRaw));
  if (!substance)
    reasons.push(substanceRaw === '' ? { code: 'substance-missing' } : { code: 'substance-unknown', value: quoted(substanceRaw) });

  const quantityRaw = get('quantity');
  const amount = readNumber(quantityRaw);
  if (amount === null)
    reasons.push(quantityRaw.trim() === '' ? { code: 'quantity-missing' } : { code: 'quantity-not-number', value: quoted(quantityRaw) });
  else if (amount <= 0) reasons.push({ code: 'quantity-not-positive', value: quoted(quantityRaw) });

  const unitRaw = get('unit');
  const importUnit = UNIT_NAMES[normaliseName(unitRaw)];
  if (!importUnit) reasons.push(unitRaw.trim() === '' ? { code: 'unit-missing' } : { code: 'unit-unknown', value: quoted(unitRaw, 20) });

  let unit: Unit | null = null;
  let quantity: number | null = null;
  if (importUnit && amount !== null && amount > 0) {
    [unit, quantity] = importUnit === 'g' ? ['kg', amount / 1000] : importUnit === 'ml' ? ['l', amount / 1000] : [importUnit, amount];
  }
  const kgEq = unit && quantity !== null ? toKgEq(quantity, unit) : null;
  if (kgEq !== null && kgEq > ctx.maxKg) reasons.push({ code: 'over-ceiling', kgEq, maxKg: ctx.maxKg });

  // Location: a point, or a BLO (the seizure was made at that crossing).
  let lngLat: LngLat | null = null;
  let country: string | null = null;
  let locationPrecision: 'exact' | 'crossing' = 'exact';
  const [lonRaw, latRaw, bloRaw] = [get('lon').trim(), get('lat').trim(), get('blo').trim()];
  if (lonRaw !== '' || latRaw !== '') {
    const [lon, lat] = [readCoordinate(lonRaw), readCoordinate(latRaw)];
    if (lonRaw === '' || latRaw === '') reasons.push({ code: 'coordinate-missing', missing: lonRaw === '' ? 'lon' : 'lat' });
    else if (lon === null || lat === null)
      reasons.push({ code: 'coordinates-not-degrees', lon: quoted(lonRaw, 20), lat: quoted(latRaw, 20) });
    else if (lon < -180 || lon > 180 || lat < -90 || lat > 90) reasons.push({ code: 'coordinates-out-of-range', lon, lat });
    else lngLat = [lon, lat];
  } else if (bloRaw !== '') {
    let index = indexes.get(ctx.blos);
    if (!index) indexes.set(ctx.blos, (index = bloIndex(ctx.blos)));
    const blo = index.get(normaliseName(bloRaw));
    if (!blo) reasons.push({ code: 'blo-unknown', value: quoted(bloRaw) });
    else [lngLat, country, locationPrecision] = [blo.lngLat, blo.country, 'crossing'];
  } else {
    reasons.push({ code: 'no-location' });
  }

  const transport = readVocab(get('transport'), TRANSPORT_MODES, 'transport', reasons);
  const concealment = readVocab(get('concealment'), CONCEALMENTS, 'concealment', reasons);
  const detection = readVocab(get('detection'), DETECTION_METHODS, 'detection', reasons);
  const originCountry = readCountry(get('origin'), 'origin', reasons);
  const destinationCountry = readCountry(get('destination'), 'destination', reasons);
  const sourceRef = get('source_ref').trim() || null;
  if (sourceRef && sourceRef.length > MAX_REF) reasons.push({ code: 'too-long', column: 'source_ref', max: MAX_REF });
  const notes = get('notes').trim() || null;
  if (notes && notes.length > MAX_NOTES) reasons.push({ code: 'too-long', column: 'notes', max: MAX_NOTES });

  if (reasons.length > 0 || !date || !substance || !unit || quantity === null || kgEq === null || !lngLat) {
    return { ok: false, reasons: reasons.length ? reasons : [{ code: 'unreadable' }] };
  }
  const identity = [
    date.seizedOn,
    date.datePrecision,
    substance,
    quantity,
    unit,
    lngLat[0].toFixed(6),
    lngLat[1].toFixed(6),
    transport,
    concealment,
    detection,
    originCountry ?? '',
    destinationCountry ?? '',
    notes ?? '',
  ].join('|');
  return {
    ok: true,
    seizure: {
      ...date,
      substance,
      quantity,
      unit,
      kgEq,
      ...estimateValue(substance, kgEq),
      lngLat,
      locationPrecision,
      country,
      cell: cellToDecimal(cellOf(lngLat)),
      transport,
      concealment,
      detection,
      originCountry,
      destinationCountry,
      sourceRef,
      notes,
      dedupeKey: sourceRef ? `ref:${sourceRef}` : `row:${createHash('sha1').update(identity).digest('base64url')}`,
    },
  };
}

/**
 * One row of an import file (CSV fields or GeoJSON properties + point) → a seizure ready to load,
 * or the list of reasons it cannot be. Nothing is clamped or guessed: a value we cannot read is a
 * reason. Names are accepted in English and Russian with common spellings; units are converted to
 * the stored ones (g → kg, ml → l).
 */
import { isRealDate } from '@/lib/time/dates';
import { createHash } from 'node:crypto';
import { cellOf, cellToDecimal } from '@/lib/geo/h3-cell';
import type { LngLat } from '@/lib/geo/lng-lat';
import { estimateValue, SUBSTANCES, toKgEq } from '@/lib/catalogue/substances';
import type { ImportColumn } from './import-columns';
import { countryByName, IMPORT_UNITS, normaliseName, substanceByName, UNIT_NAMES, VOCAB_ALIASES } from './import-names';
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

export type RowResult = { ok: true; seizure: ImportedSeizure } | { ok: false; reasons: string[] };

function readDate(raw: string, today: string, reasons: string[]): { seizedOn: string; datePrecision: 'day' | 'month' } | null {
  const v = raw.trim();
  let seizedOn: string;
  let datePrecision: 'day' | 'month';
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) [seizedOn, datePrecision] = [v, 'day'];
  else if (/^\d{4}-\d{2}$/.test(v)) [seizedOn, datePrecision] = [`${v}-01`, 'month'];
  else {
    reasons.push(v === '' ? 'date is missing' : `date "${v.slice(0, 40)}" is not YYYY-MM-DD or YYYY-MM`);
    return null;
  }
  if (!isRealDate(seizedOn)) reasons.push(`date "${v}" is not a real calendar date`);
  else if (seizedOn > today) reasons.push(`date ${v} is in the future`);
  else if (seizedOn < EARLIEST_IMPORT_DATE) reasons.push(`date ${v} is before ${EARLIEST_IMPORT_DATE}`);
  else return { seizedOn, datePrecision };
  return null;
}

/** "1 234,5" and "1234.5" alike; nothing else (no units, no signs). */
function readNumber(raw: string): number | null {
  const v = raw.trim().replace(/[\s  ]/g, '');
  if (!/^\d+([.,]\d+)?$/.test(v)) return null;
  return Number(v.replace(',', '.'));
}

function readCoordinate(raw: string): number | null {
  const v = raw.trim();
  if (!/^-?\d+(\.\d+)?$/.test(v)) return null;
  return Number(v);
}

function readVocab(raw: string, allowed: readonly string[], what: string, reasons: string[]): string {
  const v = normaliseName(raw);
  if (v === '') return 'unknown';
  const code = allowed.includes(v) ? v : VOCAB_ALIASES[v];
  if (code && allowed.includes(code)) return code;
  reasons.push(`unknown ${what} "${raw.trim().slice(0, 40)}" (known: ${allowed.join(', ')})`);
  return 'unknown';
}

function readCountry(raw: string, what: string, reasons: string[]): string | null {
  const v = raw.trim();
  if (v === '') return null;
  if (/^[A-Za-z]{2}$/.test(v)) return v.toUpperCase();
  const code = countryByName.get(normaliseName(v));
  if (code) return code;
  reasons.push(`${what} "${v.slice(0, 40)}" is neither an ISO 3166 alpha-2 code nor a known country name`);
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
  const reasons: string[] = [];
  const get = (k: ImportColumn) => fields[k] ?? '';

  const date = readDate(get('date'), ctx.today, reasons);

  const substanceRaw = get('substance').trim();
  const substance = substanceByName.get(normaliseName(substanceRaw));
  if (!substance) {
    reasons.push(
      substanceRaw === ''
        ? 'substance is missing'
        : `unknown substance "${substanceRaw.slice(0, 40)}" (known: ${SUBSTANCES.map((s) => s.code).join(', ')})`,
    );
  }

  const quantityRaw = get('quantity');
  const amount = readNumber(quantityRaw);
  if (amount === null)
    reasons.push(quantityRaw.trim() === '' ? 'quantity is missing' : `quantity "${quantityRaw.trim().slice(0, 40)}" is not a number`);
  else if (amount <= 0) reasons.push('quantity must be more than 0');

  const unitRaw = get('unit');
  const importUnit = UNIT_NAMES[normaliseName(unitRaw)];
  if (!importUnit)
    reasons.push(
      unitRaw.trim() === '' ? 'unit is missing' : `unknown unit "${unitRaw.trim().slice(0, 20)}" (known: ${IMPORT_UNITS.join(', ')})`,
    );

  let unit: Unit | null = null;
  let quantity: number | null = null;
  if (importUnit && amount !== null && amount > 0) {
    [unit, quantity] = importUnit === 'g' ? ['kg', amount / 1000] : importUnit === 'ml' ? ['l', amount / 1000] : [importUnit, amount];
  }
  const kgEq = unit && quantity !== null ? toKgEq(quantity, unit) : null;
  if (kgEq !== null && kgEq > ctx.maxKg)
    reasons.push(`quantity is ${kgEq.toLocaleString('en')} kg-eq, above the ceiling of ${ctx.maxKg.toLocaleString('en')} kg-eq`);

  // Location: a point, or a BLO (the seizure was made at that crossing).
  let lngLat: LngLat | null = null;
  let country: string | null = null;
  let locationPrecision: 'exact' | 'crossing' = 'exact';
  const [lonRaw, latRaw, bloRaw] = [get('lon').trim(), get('lat').trim(), get('blo').trim()];
  if (lonRaw !== '' || latRaw !== '') {
    const [lon, lat] = [readCoordinate(lonRaw), readCoordinate(latRaw)];
    if (lonRaw === '' || latRaw === '') reasons.push(lonRaw === '' ? 'lat is given without lon' : 'lon is given without lat');
    else if (lon === null || lat === null)
      reasons.push(`lon/lat "${lonRaw.slice(0, 20)}", "${latRaw.slice(0, 20)}" are not decimal degrees`);
    else if (lon < -180 || lon > 180 || lat < -90 || lat > 90) reasons.push(`lon/lat ${lon}, ${lat} are out of range`);
    else lngLat = [lon, lat];
  } else if (bloRaw !== '') {
    let index = indexes.get(ctx.blos);
    if (!index) indexes.set(ctx.blos, (index = bloIndex(ctx.blos)));
    const blo = index.get(normaliseName(bloRaw));
    if (!blo) reasons.push(`unknown BLO "${bloRaw.slice(0, 40)}"`);
    else [lngLat, country, locationPrecision] = [blo.lngLat, blo.country, 'crossing'];
  } else {
    reasons.push('no location: give lon and lat, or blo');
  }

  const transport = readVocab(get('transport'), TRANSPORT_MODES, 'transport', reasons);
  const concealment = readVocab(get('concealment'), CONCEALMENTS, 'concealment', reasons);
  const detection = readVocab(get('detection'), DETECTION_METHODS, 'detection', reasons);
  const originCountry = readCountry(get('origin'), 'origin', reasons);
  const destinationCountry = readCountry(get('destination'), 'destination', reasons);
  const sourceRef = get('source_ref').trim() || null;
  if (sourceRef && sourceRef.length > MAX_REF) reasons.push(`source_ref is longer than ${MAX_REF} characters`);
  const notes = get('notes').trim() || null;
  if (notes && notes.length > MAX_NOTES) reasons.push(`notes are longer than ${MAX_NOTES} characters`);

  if (reasons.length > 0 || !date || !substance || !unit || quantity === null || kgEq === null || !lngLat) {
    return { ok: false, reasons: reasons.length ? reasons : ['row could not be read'] };
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

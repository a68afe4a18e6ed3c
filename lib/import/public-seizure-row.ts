/**
 * Rows of data/public-seizures.csv (real, publicly reported seizures) → seizure inputs.
 * A row names either a BLO (the seizure was made at that crossing: its point is the BLO's) or lon/lat.
 */
import { z } from 'zod';
import type { LngLat } from '@/lib/geo/lng-lat';
import { seizureInputSchema, type SeizureInput } from '@/lib/catalogue/seizure-input';
import { estimateValue, toKgEq } from '@/lib/catalogue/substances';

const optionalNumber = z.preprocess((v) => (v === '' || v === undefined ? null : Number(v)), z.number().finite().nullable());
const optionalText = z.preprocess((v) => (v === '' || v === undefined ? null : v), z.string().nullable());

export const publicSeizureRowSchema = z.object({
  date: z.iso.date(),
  date_precision: z.string(),
  substance: z.string(),
  quantity: z.coerce.number(),
  unit: z.string(),
  blo: optionalText,
  lon: optionalNumber,
  lat: optionalNumber,
  location_precision: z.string(),
  country: z.string(),
  transport: z.string(),
  concealment: z.string(),
  detection: z.string(),
  origin: optionalText,
  destination: optionalText,
  source_ref: z.string().min(1),
  notes: optionalText,
});

export function publicRowToInput(raw: unknown, bloPosition: (code: string) => LngLat | undefined): SeizureInput {
  const row = publicSeizureRowSchema.parse(raw);
  let lngLat: LngLat;
  if (row.blo) {
    const p = bloPosition(row.blo);
    if (!p) throw new Error(`${row.source_ref}: unknown BLO ${row.blo}`);
    lngLat = p;
  } else if (row.lon !== null && row.lat !== null) {
    lngLat = [row.lon, row.lat];
  } else {
    throw new Error(`${row.source_ref}: neither blo nor lon/lat`);
  }
  const unit = row.unit as SeizureInput['unit'];
  const kgEq = toKgEq(row.quantity, unit);
  return seizureInputSchema.parse({
    seizedOn: row.date,
    datePrecision: row.date_precision,
    substance: row.substance,
    quantity: row.quantity,
    unit,
    kgEq,
    ...estimateValue(row.substance, kgEq),
    lngLat,
    locationPrecision: row.location_precision,
    country: row.country,
    transport: row.transport,
    concealment: row.concealment,
    detection: row.detection,
    originCountry: row.origin,
    destinationCountry: row.destination,
    sourceRef: row.source_ref,
    notes: row.notes,
    synthetic: false,
  });
}

import { z } from 'zod';
import { SUBSTANCE_CODES } from './substances';
import { CONCEALMENTS, COUNTRY_CODES, DATE_PRECISIONS, DETECTION_METHODS, LOCATION_PRECISIONS, TRANSPORT_MODES, UNITS } from './vocabulary';

const isoDate = z.iso.date();
const iso2 = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code');

/** A seizure ready to be written: validated, normalised, with its kg-equivalent and value worked out. */
export const seizureInputSchema = z.object({
  seizedOn: isoDate,
  datePrecision: z.enum(DATE_PRECISIONS),
  substance: z.string().refine((c) => SUBSTANCE_CODES.includes(c), 'unknown substance'),
  quantity: z.number().positive().finite(),
  unit: z.enum(UNITS),
  kgEq: z.number().nonnegative().finite(),
  valueUsd: z.number().nonnegative().finite(),
  priceUsdPerKg: z.number().nonnegative().finite(),
  /** [lng, lat], SRID 4326. */
  lngLat: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
  locationPrecision: z.enum(LOCATION_PRECISIONS),
  country: z.enum(COUNTRY_CODES),
  transport: z.enum(TRANSPORT_MODES),
  concealment: z.enum(CONCEALMENTS),
  detection: z.enum(DETECTION_METHODS),
  originCountry: iso2.nullable(),
  destinationCountry: iso2.nullable(),
  sourceRef: z.string().min(1).nullable(),
  notes: z.string().nullable(),
  synthetic: z.boolean(),
});
export type SeizureInput = z.infer<typeof seizureInputSchema>;

import { z } from 'zod';
import { BLO_KINDS, BLO_STATUSES, COUNTRY_CODES, LOCATION_CONFIDENCES } from './vocabulary';

/** One Border Liaison Office as shipped in data/blos.json. */
export const bloRecordSchema = z.object({
  /** Stable slug; used in URLs (`blo=`) and never renamed. */
  code: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string().min(1),
  nameRu: z.string().min(1),
  altNames: z.array(z.string()),
  country: z.enum(COUNTRY_CODES),
  neighbor: z.enum(COUNTRY_CODES),
  kind: z.enum(BLO_KINDS),
  status: z.enum(BLO_STATUSES),
  pairedCode: z.string().nullable(),
  openedYear: z.number().int().min(1990).max(2100).nullable(),
  confidence: z.enum(LOCATION_CONFIDENCES),
  source: z.string().min(1),
  /** Position shown and used by spatial queries, degrees WGS84: the published one (data/build/blos.ts). */
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  /** Position as published by the source. */
  sourceLon: z.number().min(-180).max(180),
  sourceLat: z.number().min(-90).max(90),
  positionNote: z.string().nullable(),
  /** Posts that stand inland from the border line: how far (km) and why. */
  inlandKm: z.number().positive().nullable(),
  inlandReason: z.string().nullable(),
});
export type BloRecord = z.infer<typeof bloRecordSchema>;

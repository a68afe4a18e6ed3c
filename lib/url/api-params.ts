/**
 * Route-specific API parameters (beyond the filters), each a zod schema over the raw string.
 * Shared by the route handlers and the page so a key means the same thing everywhere.
 */
import { z } from 'zod';
import { BLO_CODES } from '@/lib/catalogue/blo-codes';
import { ROUTE_MODES, TIME_INTERVALS } from '@/lib/catalogue/vocabulary';
import { urlNumber } from './url-number';
import { EMERGING_RESOLUTIONS, EMERGING_STEPS, EMERGING_VALUES } from '@/lib/analysis/emerging-settings';
import type { Language } from './view-state';

const integer = (min: number, max: number) => urlNumber({ min, max, whole: true });

/** Most seizures one JSON or GeoJSON answer lists (a page); the binary format carries more. */
export const MAX_JSON_ROWS = 5000;
const MAX_BINARY_ROWS = 1_000_000;
export const DEFAULT_BINARY_ROWS = 250_000;
/** Deepest tile zoom served; beyond it a tile holds a handful of points at most. */
const MAX_TILE_ZOOM = 16;
/** Catchment radius, whole km: the ring rollup answers whole km up to MAX_CATCHMENT_KM. */
export const MIN_CATCHMENT_KM = 1;
export const MAX_CATCHMENT_KM = 100;
export const DEFAULT_CATCHMENT_KM = 25;
/** The radii the BLO panel offers (a link may name any whole km within the limits). */
export const CATCHMENT_CHOICES_KM = [5, 10, 25, 50, 100] as const satisfies readonly number[];

export const API_PARAMS = {
  /** Map zoom for hotspot cell size. */
  z: urlNumber({ min: 0, max: 22 }),
  interval: z.enum(TIME_INTERVALS, `must be one of ${TIME_INTERVALS.join(', ')}`),
  limit: integer(1, MAX_BINARY_ROWS),
  offset: integer(0, 10_000_000),
  format: z.enum(['json', 'geojson', 'bin'], 'must be one of json, geojson, bin'),
  /** Catchment radius, whole km. */
  r: integer(MIN_CATCHMENT_KM, MAX_CATCHMENT_KM),
  by: z.enum(ROUTE_MODES, `must be one of ${ROUTE_MODES.join(', ')}`),
  /** The reader's language: for words in a file (rejection reasons) and the links it holds. */
  lang: z.enum(['en', 'ru'] as const satisfies readonly Language[], 'must be one of en, ru'),
  /** A CSV export for spreadsheets set to a comma-decimal locale (Russian Excel): BOM, `;`, decimal comma. */
  excel: z.enum(['0', '1'], 'must be 0 or 1').transform((v) => v === '1'),
  /** Emerging hot spots: H3 resolution, time step and value analysed. */
  res: integer(EMERGING_RESOLUTIONS[0], EMERGING_RESOLUTIONS[EMERGING_RESOLUTIONS.length - 1]),
  step: z.enum(EMERGING_STEPS, `must be one of ${EMERGING_STEPS.join(', ')}`),
  value: z.enum(EMERGING_VALUES, `must be one of ${EMERGING_VALUES.join(', ')}`),
} as const;

export type ApiParam = keyof typeof API_PARAMS;
export type ApiParamValues = { [K in ApiParam]: z.output<(typeof API_PARAMS)[K]> };

/** A BLO code in a path: well-formed and known. */
export const bloCodeSchema = z
  .string()
  .max(60, 'is too long')
  .regex(/^[a-z][a-z0-9-]*$/, 'must be a BLO code such as b-konysbaev')
  .refine((c) => BLO_CODES.includes(c), 'is not a known BLO');

/** Tile coordinates of a path /z/x/y: whole numbers, x and y within the zoom's grid. */
export const tileSchema = z
  .object({
    z: integer(0, MAX_TILE_ZOOM),
    x: integer(0, 2 ** MAX_TILE_ZOOM - 1),
    y: z
      .string()
      .transform((s) => s.replace(/\.(mvt|pbf)$/, ''))
      .pipe(integer(0, 2 ** MAX_TILE_ZOOM - 1)),
  })
  .refine((t) => t.x < 2 ** t.z && t.y < 2 ** t.z, 'x and y must be less than 2^z');

/** Export files: /api/export/{seizures|blos}.{csv|geojson}. */
export const EXPORT_FILES = ['seizures.csv', 'seizures.geojson', 'blos.csv', 'blos.geojson'] as const;
export const exportFileSchema = z.object({
  file: z.enum(EXPORT_FILES, `is not a known export (${EXPORT_FILES.join(', ')})`),
});

import { z } from 'zod';
import { COUNTRY_CODES } from './vocabulary';

/** How a place is drawn and ranked: national capital, city, town, or a village named by a post's record. */
export const PLACE_RANKS = ['capital', 'city', 'town', 'settlement'] as const;
export type PlaceRank = (typeof PLACE_RANKS)[number];

/** Population thresholds of the ranks (GeoNames population): a city from 250,000, a town from 50,000. */
export const CITY_POPULATION = 250_000;
export const TOWN_POPULATION = 50_000;
/** At most this many other names per place: enough for former names and common spellings. */
export const MAX_PLACE_ALT_NAMES = 12;

/** The rank a non-capital place of this population takes. */
export const rankOfPopulation = (population: number): Exclude<PlaceRank, 'capital'> =>
  population >= CITY_POPULATION ? 'city' : population >= TOWN_POPULATION ? 'town' : 'settlement';

/** One town or city as shipped in data/places.json (GeoNames, CC BY 4.0; built by data/build/places.ts). */
export const placeRecordSchema = z
  .object({
    /** GeoNames id. */
    id: z.number().int().positive(),
    /** English display name (may differ from GeoNames' local form, which is then kept in altNames). */
    name: z.string().min(1),
    nameRu: z.string().min(1).nullable(),
    /** Other names in Latin or Cyrillic script, most useful first. */
    altNames: z.array(z.string().min(1)).max(MAX_PLACE_ALT_NAMES),
    country: z.enum(COUNTRY_CODES),
    /** Degrees WGS84 (SRID 4326), 5 decimals. */
    lon: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
    population: z.number().int().min(0),
    rank: z.enum(PLACE_RANKS),
  })
  .refine((p) => p.rank === 'capital' || p.rank === rankOfPopulation(p.population), {
    message: 'rank does not match population',
    path: ['rank'],
  });
export type PlaceRecord = z.infer<typeof placeRecordSchema>;

import { z } from 'zod';

/** A river is drawn as a line, a lake, sea or reservoir as an area. */
export const WATER_KINDS = ['river', 'lake'] as const;
export type WaterKind = (typeof WATER_KINDS)[number];

/** 1: the waters a reader finds the region by (Amu Darya, Syr Darya, Panj, Aral, Issyk-Kul, Balkhash); 2: the others. */
export const WATER_RANKS = [1, 2] as const;
export type WaterRank = (typeof WATER_RANKS)[number];

/** [lng, lat] degrees WGS84 (SRID 4326); typed number[] like GeoJSON's Position. */
const position = z
  .array(z.number())
  .length(2)
  .refine(([lng, lat]) => Math.abs(lng) <= 180 && Math.abs(lat) <= 90, 'not a [lng, lat] in degrees');
const line = z.array(position).min(2);
/** A closed ring: at least four positions, the last equal to the first. */
const ring = z
  .array(position)
  .min(4)
  .refine((r) => r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1], 'ring is not closed');
const polygon = z.array(ring).min(1);

const lineGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('LineString'), coordinates: line }),
  z.object({ type: z.literal('MultiLineString'), coordinates: z.array(line).min(1) }),
]);
const areaGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: polygon }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygon).min(1) }),
]);

export const waterPropertiesSchema = z.object({
  kind: z.enum(WATER_KINDS),
  /** English name. */
  name: z.string().min(1),
  /** Russian name, Cyrillic. */
  nameRu: z.string().regex(/^[А-Яа-яЁё][А-Яа-яЁё -]*$/, 'must be a Cyrillic name'),
  rank: z.union([z.literal(1), z.literal(2)]),
});
export type WaterProperties = z.infer<typeof waterPropertiesSchema>;

/** One river or lake of data/water.json (built by data/build/water.ts): a river is a line, a lake an area. */
export const waterFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    properties: waterPropertiesSchema,
    geometry: z.union([lineGeometry, areaGeometry]),
  })
  .refine((f) => (f.properties.kind === 'river') === f.geometry.type.endsWith('LineString'), {
    message: 'a river must be a (Multi)LineString and a lake a (Multi)Polygon',
    path: ['geometry', 'type'],
  });
export type WaterFeature = z.infer<typeof waterFeatureSchema>;

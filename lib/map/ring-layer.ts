/**
 * A post's catchment rings, drawn by MapLibre above the basemap and the heatmap and under the deck.gl
 * layers: geodesic circles at the catchment radius and at half of it (on the sphere, as the database
 * measures catchments), a light fill and a dashed outline. MapLibre draws them with the programs the
 * basemap has already built.
 */
import type { FillLayerSpecification, GeoJSONSourceSpecification, LineLayerSpecification } from 'maplibre-gl';
import { circle } from '@turf/circle';
import type { LngLat } from '@/lib/geo/lng-lat';
import { RING_COLOR } from './colors';

export const RING_IDS = { source: 'catchment-rings', fill: 'catchment-rings-fill', line: 'catchment-rings-line' } as const;

/** Outline width, px; its dashes are 4 px drawn, 3 px gap (MapLibre counts dashes in line widths). */
const RING_LINE_PX = 2;
const RING_DASH_PX = [4, 3];

type RingData = Extract<GeoJSONSourceSpecification['data'], { type: 'FeatureCollection' }>;

let lastRings: { key: string; data: RingData } | null = null;

/** What the rings are drawn from, as one string: the same while neither the post nor the radius changes. */
export const ringsKey = (center: LngLat, radiusKm: number): string => `${center.join(',')},${radiusKm}`;

/** Rings at `radiusKm` and at half of it around `center` (128 steps each); the same object while they stay the same. */
export function catchmentRings(center: LngLat, radiusKm: number): RingData {
  const key = ringsKey(center, radiusKm);
  if (lastRings?.key !== key) {
    const rings = [radiusKm, radiusKm / 2].map((r) => circle(center, r, { units: 'kilometers', steps: 128, properties: { radiusKm: r } }));
    lastRings = { key, data: { type: 'FeatureCollection', features: rings } };
  }
  return lastRings.data;
}

const rgba = (alpha: number) => `rgba(${RING_COLOR.join(', ')}, ${alpha})`;

/** The fill and the outline of the rings, from RING_IDS.source. */
export function ringLayers(): [FillLayerSpecification, LineLayerSpecification] {
  return [
    { id: RING_IDS.fill, type: 'fill', source: RING_IDS.source, paint: { 'fill-color': rgba(0.07) } },
    {
      id: RING_IDS.line,
      type: 'line',
      source: RING_IDS.source,
      paint: {
        'line-color': rgba(0.9),
        'line-width': RING_LINE_PX,
        'line-dasharray': RING_DASH_PX.map((px) => px / RING_LINE_PX),
      },
    },
  ];
}

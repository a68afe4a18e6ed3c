/**
 * The heatmap, drawn by MapLibre under the deck.gl layers: a kernel density of the hexagon cells'
 * seizures, each cell weighted by its share of the busiest cell, so the hottest colour always sits
 * where the most seizures are, at every zoom and for every filter.
 */
import type { GeoJSONSourceSpecification, HeatmapLayerSpecification } from 'maplibre-gl';
import type { HotspotCell } from '@/lib/api/api-types';
import { HEATMAP_RAMP, rgbCss } from './colors';

export const HEAT_IDS = { source: 'heat-cells', layer: 'heat' } as const;

type HeatData = Extract<GeoJSONSourceSpecification['data'], { type: 'FeatureCollection' }>;

const heatData = new WeakMap<HotspotCell[], { scaleMax: number | null; data: HeatData }>();

/**
 * The cells as points weighted by their share of `scaleMax` (by default the busiest cell; while
 * playing, the whole period's). A withheld cell adds no heat: its count is not known here.
 */
export function heatPoints(cells: HotspotCell[], scaleMax: number | null = null): HeatData {
  const kept = heatData.get(cells);
  if (kept && kept.scaleMax === scaleMax) return kept.data;
  const max = Math.max(1, scaleMax ?? 0, ...cells.map((c) => c.count ?? 0));
  const data: HeatData = {
    type: 'FeatureCollection',
    features: cells
      .filter((c) => (c.count ?? 0) > 0)
      .map((c) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: c.centroid },
        properties: { weight: (c.count ?? 0) / max },
      })),
  };
  heatData.set(cells, { scaleMax, data });
  return data;
}

/**
 * The heat's colours: transparent where there is none, then the ramp from the first trace of heat
 * to the densest point (density 1: the busiest cell alone reaches the last colour).
 */
export function heatLayer(): HeatmapLayerSpecification {
  const stops = HEATMAP_RAMP.flatMap((c, i) => [0.05 + (0.95 * i) / (HEATMAP_RAMP.length - 1), rgbCss(c)]);
  return {
    id: HEAT_IDS.layer,
    type: 'heatmap',
    source: HEAT_IDS.source,
    paint: {
      'heatmap-weight': ['get', 'weight'],
      // A cell's radius grows with the zoom as the cells themselves do (the cell size follows the zoom too).
      'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 3, 28, 6, 55, 9, 90, 12, 120],
      // MapLibre's kernel peaks at 1/√(2π) ≈ 0.4 for a weight of 1: scaled so the busiest cell alone
      // goes past 1 (the hottest colour) over a small disc round its centre, not at one pixel.
      'heatmap-intensity': 1.5 * Math.sqrt(2 * Math.PI),
      'heatmap-opacity': 0.8,
      'heatmap-color': ['interpolate', ['linear'], ['heatmap-density'], 0, 'rgba(0, 0, 0, 0)', ...stops],
    } as HeatmapLayerSpecification['paint'],
  };
}

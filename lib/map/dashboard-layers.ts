/**
 * The dashboard's deck.gl layers from its data and view: a pure function, called on every change
 * and cheap (layers are descriptors; their `data` references stay the same while the answers do).
 * Drawn bottom to top: hexagons, their change, emerging hot spots, routes, seizures (the heatmap and a post's
 * catchment rings are MapLibre's, under them all: lib/map/heat-layer.ts, lib/map/ring-layer.ts; the countries' names
 * are HTML over the map: lib/map/country-labels.ts).
 */
import type { Layer } from '@deck.gl/core';
import type { EmergingCell, HotspotCell, RouteFlow } from '@/lib/api/api-types';
import type { LngLat } from '@/lib/geo/lng-lat';
import type { DateRange } from '@/lib/time/dates';
import type { MapLayerId } from '@/lib/url/view-state';
import type { CellChange } from './cell-change';
import { routeLayer, seizurePointsLayer } from './map-layers';
import type * as CellLayerModule from './cell-layers';
import type { PointAttributes } from './layer-data';

export interface DashboardLayerInput {
  /** Layers switched on. */
  layers: readonly MapLayerId[];
  /** Hexagon cells, for the hexagons. */
  cells: HotspotCell[] | undefined;
  /** The count at the top of the hexagons' colour scale (null: the busiest cell drawn). */
  cellScale?: number | null;
  /** The change per hexagon against the comparison period, and the largest change (either way). */
  changes?: { cells: CellChange[]; scale: number } | null;
  /** Cells of the emerging hot spot analysis (undefined: not loaded, or no analysis). */
  emerging?: EmergingCell[];
  flows: RouteFlow[] | undefined;
  /** Seizures loaded whole for the filters (unused when `tileTemplate` is set). */
  points: PointAttributes | undefined;
  /** URL template of the seizure tiles, when there are too many seizures to load whole. */
  tileTemplate: string | null;
  /** Called with the template once the tiles in view have loaded. */
  onTilesLoaded: (template: string) => void;
  /** Days the seizures are shown for (the period, or the playback window); null until known. */
  visible: DateRange | null;
  /** Catchment of the selected BLO; null when none is selected (its rings are MapLibre's: ./ring-layer.ts). */
  catchment: { center: LngLat; radiusKm: number } | null;
}

/** The builders of the layers drawn from H3 cells and vector tiles (./cell-layers.ts, loaded when needed). */
export type CellLayers = typeof CellLayerModule;

/** Whether the view draws a layer from H3 cells or vector tiles: the map then loads ./cell-layers.ts. */
export function needsCellLayers(input: DashboardLayerInput): boolean {
  const on = (layer: MapLayerId) => input.layers.includes(layer);
  return (
    (on('hexagons') && input.cells !== undefined) ||
    (on('changes') && Boolean(input.changes)) ||
    (on('emerging') && input.emerging !== undefined) ||
    (on('points') && input.visible !== null && input.tileTemplate !== null)
  );
}

/** The layers drawn; those from cells or tiles only once `cellLayers` has loaded (null: not yet). */
export function dashboardLayers(input: DashboardLayerInput, cellLayers: CellLayers | null): Layer[] {
  const on = (layer: MapLayerId) => input.layers.includes(layer);
  const { cells, flows, points, tileTemplate, visible } = input;
  const out: Layer[] = [];
  if (cellLayers) {
    if (on('hexagons') && cells) out.push(cellLayers.hexagonLayer(cells, input.cellScale ?? null));
    if (on('changes') && input.changes) out.push(cellLayers.changeLayer(input.changes.cells, input.changes.scale));
    if (on('emerging') && input.emerging) out.push(cellLayers.emergingLayer(input.emerging));
  }
  if (on('routes') && flows) out.push(routeLayer(flows));
  if (on('points') && visible) {
    if (tileTemplate) {
      if (cellLayers) out.push(cellLayers.seizureTilesLayer(tileTemplate, () => input.onTilesLoaded(tileTemplate)));
    } else if (points) out.push(seizurePointsLayer(points, visible));
  }
  return out;
}

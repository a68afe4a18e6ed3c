/**
 * deck.gl layer builders for the map (those drawn from H3 cells or vector tiles, loaded only when
 * shown: ./cell-layers.ts). Each returns a cheap descriptor: ids are constants, `data`
 * references come from the caller unchanged between renders, and accessors that depend on options
 * are listed in `updateTriggers`. Positions are [lng, lat], SRID 4326.
 */
import { DataFilterExtension } from '@deck.gl/extensions';
import { ArcLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { RouteFlow } from '@/lib/api/api-types';
import { isoToDays, type DateRange as Period } from '@/lib/time/dates';
import { ROUTE_COLORS } from './colors';
import { LAYER_IDS, type PointAttributes } from './layer-data';

const dayFilter = new DataFilterExtension({ filterSize: 1 });

/** Seizures as circles sized by kg-eq and coloured by substance; `visible` days filtered on the GPU. */
export function seizurePointsLayer(points: PointAttributes, visible: Period) {
  return new ScatterplotLayer({
    id: LAYER_IDS.points,
    data: {
      length: points.count,
      attributes: {
        getPosition: { value: points.positions, size: 2 },
        getRadius: { value: points.radii, size: 1 },
        getFillColor: { value: points.colors, size: 4, normalized: true },
        getFilterValue: { value: points.days, size: 1 },
      },
    },
    radiusUnits: 'pixels',
    stroked: true,
    getLineColor: [255, 255, 255, 160],
    lineWidthMinPixels: 0.5,
    pickable: true,
    extensions: [dayFilter],
    filterRange: [isoToDays(visible.from), isoToDays(visible.to)],
  });
}

// Derived data kept per answer, so a rebuilt layer gets the same `data` reference and deck.gl
// does not recompute its attributes.
const drawableFlows = new WeakMap<RouteFlow[], RouteFlow[]>();

/** Origin → destination arcs, width ∝ √kg-eq (1.5–10 px), fading from the origin's colour to the destination's. */
export function routeLayer(flows: RouteFlow[]) {
  let drawable = drawableFlows.get(flows);
  if (!drawable) {
    drawable = flows.filter((f) => f.originLngLat && f.destinationLngLat && f.origin !== f.destination);
    drawableFlows.set(flows, drawable);
  }
  const max = Math.max(1e-9, ...drawable.map((f) => f.kgEq ?? 0));
  return new ArcLayer<RouteFlow>({
    id: LAYER_IDS.routes,
    data: drawable,
    getSourcePosition: (f) => f.originLngLat!,
    getTargetPosition: (f) => f.destinationLngLat!,
    // A withheld flow is drawn at the thinnest width.
    getWidth: (f) => 1.5 + 8.5 * Math.sqrt((f.kgEq ?? 0) / max),
    widthUnits: 'pixels',
    getSourceColor: [...ROUTE_COLORS.origin, 220],
    getTargetColor: [...ROUTE_COLORS.destination, 220],
    getHeight: 0.4,
    pickable: true,
    updateTriggers: { getWidth: max },
  });
}

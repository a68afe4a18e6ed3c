/**
 * deck.gl layer builders for the map. Each returns a cheap descriptor: ids are constants, `data`
 * references come from the caller unchanged between renders, and accessors that depend on options
 * are listed in `updateTriggers`. Positions are [lng, lat], SRID 4326.
 */
import { DataFilterExtension } from '@deck.gl/extensions';
import { ArcLayer, GeoJsonLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { H3HexagonLayer, MVTLayer } from '@deck.gl/geo-layers';
import { MVTLoader } from '@loaders.gl/mvt';
import { circle } from '@turf/turf';
import type { EmergingCell, HotspotCell, RouteFlow } from '@/lib/api/api-types';
import type { CellChange } from './cell-change';
import type { LngLat } from '@/lib/geo/lng-lat';
import { isoToDays, type DateRange as Period } from '@/lib/time/dates';
import {
  changeColor,
  COUNTRY_LABEL_COLOR,
  EMERGING_COLORS,
  rampColor,
  RING_COLOR,
  ROUTE_COLORS,
  substanceColor,
  WITHHELD_COLOR,
} from './colors';
import { LAYER_IDS, pointRadiusPx, type PointAttributes, type TileProps } from './layer-data';

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

/** The same seizures from vector tiles (merged where they overlap), for filtered sets too large to load whole. */
export function seizureTilesLayer(urlTemplate: string, onViewportLoad: () => void) {
  return new MVTLayer<TileProps>({
    id: LAYER_IDS.tiles,
    data: urlTemplate,
    minZoom: 0,
    maxZoom: 14,
    binary: false,
    // Parse on the page with the bundled loader: the default worker would be fetched from a CDN
    // (the app makes no outside requests, ever).
    loaders: [MVTLoader],
    loadOptions: { worker: false },
    pointType: 'circle',
    pointRadiusUnits: 'pixels',
    getPointRadius: (f: { properties: TileProps }) => pointRadiusPx(f.properties.kg),
    getFillColor: (f: { properties: TileProps }) => [...substanceColor(f.properties.substance), 190] as [number, number, number, number],
    stroked: true,
    getLineColor: [255, 255, 255, 160],
    lineWidthMinPixels: 0.5,
    pickable: true,
    onViewportLoad,
  });
}

/**
 * H3 hexagons coloured by seizure count, on a log scale up to `scaleMax` (by default the busiest
 * cell; while playing, the whole period's, so a colour means the same amount in every frame);
 * withheld cells in grey.
 */
export function hexagonLayer(cells: HotspotCell[], scaleMax: number | null = null) {
  const max = Math.max(1, scaleMax ?? 0, ...cells.map((c) => c.count ?? 0));
  return new H3HexagonLayer<HotspotCell>({
    id: LAYER_IDS.hexagons,
    data: cells,
    getHexagon: (c) => c.cell,
    getFillColor: (c) =>
      c.count === null
        ? ([...WITHHELD_COLOR, 120] as [number, number, number, number])
        : ([...rampColor(Math.log1p(c.count) / Math.log1p(max)), 170] as [number, number, number, number]),
    extruded: false,
    stroked: true,
    getLineColor: [255, 255, 255, 90],
    lineWidthMinPixels: 0.5,
    pickable: true,
    updateTriggers: { getFillColor: max },
  });
}

/**
 * H3 hexagons coloured by the change in seizures against the comparison period, on a signed log
 * scale from −`scale` (purple) through no change (near-white) to +`scale` (orange); cells whose
 * change is withheld in grey.
 */
export function changeLayer(changes: CellChange[], scale: number) {
  const top = Math.log1p(Math.max(1, scale));
  return new H3HexagonLayer<CellChange>({
    id: LAYER_IDS.changes,
    data: changes,
    getHexagon: (c) => c.cell,
    getFillColor: (c) =>
      c.change === null
        ? ([...WITHHELD_COLOR, 120] as [number, number, number, number])
        : ([...changeColor((Math.sign(c.change) * Math.log1p(Math.abs(c.change))) / top), 190] as [number, number, number, number]),
    extruded: false,
    stroked: true,
    getLineColor: [120, 120, 120, 110],
    lineWidthMinPixels: 0.5,
    pickable: true,
    updateTriggers: { getFillColor: top },
  });
}

/**
 * H3 hexagons of the emerging hot spot analysis coloured by category; hexagons with no pattern
 * are drawn faintly, so the analysed grid shows without competing with the hot and cold spots.
 */
export function emergingLayer(cells: EmergingCell[]) {
  return new H3HexagonLayer<EmergingCell>({
    id: LAYER_IDS.emerging,
    data: cells,
    getHexagon: (c) => c.cell,
    getFillColor: (c) => [...EMERGING_COLORS[c.category], c.category === 'none' ? 35 : 205] as [number, number, number, number],
    extruded: false,
    stroked: true,
    getLineColor: (c) => (c.category === 'none' ? [150, 150, 150, 70] : [255, 255, 255, 150]) as [number, number, number, number],
    lineWidthMinPixels: 0.5,
    pickable: true,
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

let lastRings: { key: string; data: { type: 'FeatureCollection'; features: ReturnType<typeof circle>[] } } | null = null;

/** Rings at the catchment radius and at half of it around a BLO (geodesic circles, 128 steps). */
export function ringLayer(center: LngLat, radiusKm: number) {
  const key = `${center.join(',')},${radiusKm}`;
  if (lastRings?.key !== key) {
    const rings = [radiusKm, radiusKm / 2].map((r) => circle(center, r, { units: 'kilometers', steps: 128, properties: { radiusKm: r } }));
    lastRings = { key, data: { type: 'FeatureCollection', features: rings } };
  }
  return new GeoJsonLayer({
    id: LAYER_IDS.rings,
    data: lastRings.data,
    filled: true,
    getFillColor: [...RING_COLOR, 18],
    stroked: true,
    getLineColor: [...RING_COLOR, 230],
    getLineWidth: 2,
    lineWidthUnits: 'pixels',
    getDashArray: [4, 3],
    pickable: false,
  });
}

export interface MapLabel {
  text: string;
  position: LngLat;
}

/** Country names, drawn by deck.gl from the browser's own fonts: works offline, Latin and Cyrillic alike. */
export function countryLabelLayer(labels: MapLabel[]) {
  return new TextLayer<MapLabel>({
    id: LAYER_IDS.countryLabels,
    data: labels,
    getText: (l) => l.text,
    getPosition: (l) => l.position,
    getSize: 13,
    getColor: [...COUNTRY_LABEL_COLOR, 255],
    characterSet: 'auto',
    fontFamily: '"DejaVu Sans", "Noto Sans", Arial, sans-serif',
    fontWeight: 600,
    fontSettings: { sdf: true, fontSize: 48, buffer: 6 },
    outlineWidth: 3,
    outlineColor: [255, 255, 255, 230],
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
    updateTriggers: { getText: labels.map((l) => l.text).join('|') },
  });
}

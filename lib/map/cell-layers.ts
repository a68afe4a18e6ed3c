/**
 * The deck.gl layers drawn from H3 cells (hexagons, their change, the emerging hot spot analysis)
 * and from vector tiles (seizures too many to load whole). They need deck.gl's geo layers, H3 and the
 * tile decoder, so the map loads this module only when one of them is shown (dashboard-layers.ts).
 */
import { H3HexagonLayer, MVTLayer } from '@deck.gl/geo-layers';
import { MVTLoader } from '@loaders.gl/mvt';
import type { EmergingCell, HotspotCell } from '@/lib/api/api-types';
import type { CellChange } from './cell-change';
import { changeColor, EMERGING_COLORS, rampColor, substanceColor, WITHHELD_COLOR } from './colors';
import { LAYER_IDS, pointRadiusPx, type TileProps } from './layer-data';

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

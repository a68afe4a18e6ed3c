/**
 * Which H3 resolution the map shows at which zoom, and the cells' sizes: plain numbers, without the
 * H3 library (the page needs them before the map's code has loaded).
 */

/** Average H3 hexagon edge length by resolution, km (H3's documentation). */
export const H3_EDGE_KM = [
  1281.256, 483.057, 182.513, 68.979, 26.072, 9.854, 3.725, 1.406, 0.531, 0.201, 0.076, 0.029, 0.011, 0.004, 0.002, 0.001,
];

/** Resolution 8: hexagons of ~0.74 km², edge ~0.46 km. */
export const SEIZURE_CELL_RESOLUTION = 8;

/** H3 resolution shown at a map zoom level: about 12–20 hexagons across a 1280 px wide view. */
export function resolutionForZoom(zoom: number): number {
  const z = Math.max(0, Math.min(22, zoom));
  if (z < 4.5) return 3;
  if (z < 5.5) return 4;
  if (z < 7) return 5;
  if (z < 8.5) return 6;
  if (z < 10) return 7;
  return SEIZURE_CELL_RESOLUTION;
}

/**
 * The smallest whole zoom showing the same H3 resolution as `zoom`: hotspot requests use it, so
 * zooming within one resolution reuses the answer already loaded.
 */
export function hotspotZoom(zoom: number): number {
  const resolution = resolutionForZoom(Math.floor(zoom));
  for (let z = 0; z <= 22; z++) if (resolutionForZoom(z) === resolution) return z;
  return Math.floor(zoom);
}

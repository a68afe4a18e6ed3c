/**
 * The map's scale bar: the longest round distance (1, 2, 3 or 5 × 10ⁿ metres, as MapLibre's own
 * scale rounds) that fits in the bar's room, and how long it is drawn. Its words come from
 * formatDistance in lib/i18n/i18n.ts, in the interface language.
 */

export interface ScaleBar {
  /** The distance the bar stands for, metres. */
  meters: number;
  /** The bar's length, CSS px. */
  px: number;
}

/** The round distance at or below `meters` (≥ 1 m): 1, 2, 3 or 5 times a power of ten. */
export function roundDistance(meters: number): number {
  const power = 10 ** Math.floor(Math.log10(meters));
  const lead = meters / power;
  return power * (lead >= 5 ? 5 : lead >= 3 ? 3 : lead >= 2 ? 2 : 1);
}

/**
 * The bar for a map where `roomPx` CSS pixels across its middle span `metersAcross` on the ground;
 * null when the span is unknown (off the globe) or under a metre.
 */
export function scaleBar(metersAcross: number, roomPx: number): ScaleBar | null {
  if (!Number.isFinite(metersAcross) || metersAcross < 1 || roomPx <= 0) return null;
  const meters = roundDistance(metersAcross);
  return { meters, px: (roomPx * meters) / metersAcross };
}

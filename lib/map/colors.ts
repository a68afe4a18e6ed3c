/**
 * Every colour the map and its legends use, defined once: the deck.gl layers read the RGB triples,
 * the legends (on screen and in the exported picture) and the stylesheet read them through `rgbCss`
 * and the CSS variables of `MAP_COLOR_VARS`.
 */
import type { EmergingCategoryKey } from '@/lib/api/api-types';

export type Rgb = [r: number, g: number, b: number];

/**
 * One colour per substance, shared by map layers, legend and charts. Hues follow the groups
 * (opiates red–brown, cannabis greens, synthetics blues–violets, pharmaceutical opioids orange,
 * precursors grey) so a glance at the map separates the trades; each has ≥ 3:1 contrast on the land tint.
 */
const SUBSTANCE_COLORS: Record<string, Rgb> = {
  heroin: [200, 30, 45],
  opium: [140, 60, 30],
  'poppy-straw': [215, 120, 90],
  hashish: [30, 120, 50],
  'cannabis-herb': [100, 160, 40],
  'hash-oil': [20, 80, 70],
  methamphetamine: [30, 90, 200],
  mephedrone: [110, 70, 190],
  'alpha-pvp': [170, 60, 170],
  'psychotropic-tablets': [60, 150, 200],
  methadone: [230, 130, 0],
  tramadol: [190, 150, 20],
  'acetic-anhydride': [100, 100, 110],
};
const FALLBACK: Rgb = [80, 80, 80];

export const substanceColor = (code: string): Rgb => SUBSTANCE_COLORS[code] ?? FALLBACK;
export const substanceCss = (code: string): string => rgbCss(substanceColor(code));

/** BLO markers: a filled dot for a confirmed post, a hollow dashed ring for an unconfirmed site. */
export const BLO_COLORS = {
  confirmed: [11, 92, 173],
  unconfirmed: [176, 125, 0],
  /** The confirmed dot's outline and the unconfirmed ring's fill. */
  halo: [255, 255, 255],
} as const satisfies Record<string, Rgb>;

/** Catchment rings are drawn in the colour of the post they surround. */
export const RING_COLOR: Rgb = [...BLO_COLORS.confirmed];

/** The badge of a post whose latest month is unusually high or low (the BLO list, the markers, the legend). */
export const UNUSUAL_COLORS = { high: [163, 38, 27], low: [31, 95, 168] } as const satisfies Record<string, Rgb>;
export const UNUSUAL_MARK = { high: '▲', low: '▼' } as const;

/** Route arcs fade from the origin's colour to the destination's. */
export const ROUTE_COLORS = { origin: [230, 120, 20], destination: [110, 40, 160] } as const satisfies Record<string, Rgb>;

/** The offline basemap (lib/map/basemap-style.ts) and the country names drawn over it. */
export const BASEMAP_COLORS = {
  water: [205, 222, 238],
  /** Rivers and lake shores: a blue that reads on the pale land and against the water's own fill. */
  river: [126, 170, 206],
  land: [236, 234, 228],
  /** The five countries with BLOs, lighter than their neighbours. */
  focusLand: [251, 250, 246],
  borders: [138, 143, 152],
} as const satisfies Record<string, Rgb>;

/** Sequential ramp (light yellow → dark red) for hexagon counts. */
export const HOTSPOT_RAMP: readonly Rgb[] = [
  [255, 237, 160],
  [254, 178, 76],
  [240, 59, 32],
  [160, 0, 40],
];

/**
 * Emerging hot spot categories: hot patterns in reds, oranges and warm tones (the darkest the strongest:
 * intensifying, persistent), cold ones in blues; no pattern in a pale grey.
 */
export const EMERGING_COLORS: Record<EmergingCategoryKey, Rgb> = {
  'intensifying-hot': [128, 0, 38],
  'persistent-hot': [189, 0, 38],
  'new-hot': [240, 59, 32],
  'consecutive-hot': [253, 141, 60],
  'diminishing-hot': [252, 187, 161],
  'sporadic-hot': [254, 217, 118],
  'oscillating-hot': [197, 27, 138],
  'historical-hot': [204, 170, 140],
  'intensifying-cold': [8, 48, 107],
  'persistent-cold': [33, 102, 172],
  'new-cold': [66, 146, 198],
  'consecutive-cold': [107, 174, 214],
  'diminishing-cold': [198, 219, 239],
  'sporadic-cold': [158, 220, 218],
  'oscillating-cold': [84, 39, 143],
  'historical-cold': [190, 200, 210],
  none: [190, 190, 190],
};

/**
 * Diverging ramp for the change per hexagon (PuOr): purple for fewer seizures than in the
 * comparison period, near-white for the same, orange for more. Neither end reads as good or bad.
 */
export const CHANGE_RAMP: readonly Rgb[] = [
  [84, 39, 136],
  [153, 142, 195],
  [240, 240, 240],
  [241, 163, 64],
  [179, 88, 6],
];

/** The change ramp's colour at t in [−1, 1] (−1: the largest fall; +1: the largest rise). */
export const changeColor = (t: number): Rgb => colorAlong(CHANGE_RAMP, (t + 1) / 2);

/** The heatmap's colour range (YlOrRd, from the first trace of heat to the densest point). */
export const HEATMAP_RAMP: Rgb[] = [
  [255, 255, 178],
  [254, 217, 118],
  [254, 178, 76],
  [253, 141, 60],
  [240, 59, 32],
  [189, 0, 38],
];

/** The colour at t in [0, 1] along a ramp (linear between its stops; t outside is clamped). */
function colorAlong(ramp: readonly Rgb[], t: number): Rgb {
  const x = Math.min(1, Math.max(0, t)) * (ramp.length - 1);
  const i = Math.min(ramp.length - 2, Math.floor(x));
  const f = x - i;
  return ramp[i].map((c, k) => Math.round(c + (ramp[i + 1][k] - c) * f)) as Rgb;
}

/** The hexagon ramp's colour at t in [0, 1]. */
export const rampColor = (t: number): Rgb => colorAlong(HOTSPOT_RAMP, t);

export const rgbCss = (c: readonly number[]): string => `rgb(${c.join(', ')})`;

/** A left-to-right CSS gradient through `colors`, for ramps and arcs. */
export const gradientCss = (colors: readonly (readonly number[])[]): string =>
  `linear-gradient(to right, ${colors.map(rgbCss).join(', ')})`;

/** CSS custom properties for the stylesheet's BLO markers and legend keys (set on the dashboard's root). */
export const MAP_COLOR_VARS = {
  '--blo-confirmed': rgbCss(BLO_COLORS.confirmed),
  '--blo-unconfirmed': rgbCss(BLO_COLORS.unconfirmed),
  '--blo-halo': rgbCss(BLO_COLORS.halo),
  '--map-water': rgbCss(BASEMAP_COLORS.water),
} as const;

/** Hexagons whose figures are withheld (aggregates-only accounts): a neutral grey, outside the ramp. */
export const WITHHELD_COLOR: Rgb = [150, 156, 165];

/**
 * One colour per substance, shared by map layers, legend and charts. Hues follow the groups
 * (opiates red–brown, cannabis greens, synthetics blues–violets, pharmaceutical opioids orange,
 * precursors grey) so a glance at the map separates the trades; each has ≥ 3:1 contrast on the land tint.
 */
export type Rgb = [r: number, g: number, b: number];

const COLORS: Record<string, Rgb> = {
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

export const substanceColor = (code: string): Rgb => COLORS[code] ?? FALLBACK;
export const substanceCss = (code: string): string => `rgb(${substanceColor(code).join(' ')})`;

/** Sequential ramp (light yellow → dark red) for densities such as hexagon counts; t in [0, 1]. */
const RAMP: Rgb[] = [
  [255, 237, 160],
  [254, 178, 76],
  [240, 59, 32],
  [160, 0, 40],
];
export function rampColor(t: number): Rgb {
  const x = Math.min(1, Math.max(0, t)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(x));
  const f = x - i;
  return RAMP[i].map((c, k) => Math.round(c + (RAMP[i + 1][k] - c) * f)) as Rgb;
}
export const RAMP_CSS = `linear-gradient(to right, ${RAMP.map((c) => `rgb(${c.join(' ')})`).join(', ')})`;

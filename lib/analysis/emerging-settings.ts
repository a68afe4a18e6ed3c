/**
 * The settings an emerging hot spot analysis offers (time step, value, H3 resolution): what a link
 * may name, read before the analysis code is loaded (the analysis: ./space-time-cube.ts).
 */

export const EMERGING_STEPS = ['month', 'quarter'] as const;
export type EmergingStep = (typeof EMERGING_STEPS)[number];
export const EMERGING_VALUES = ['count', 'kg'] as const;
export type EmergingValue = (typeof EMERGING_VALUES)[number];
/** The H3 resolutions offered: 4 (edge ~26 km) to 6 (~3.7 km), 5 by default (~9.9 km). */
export const EMERGING_RESOLUTIONS = [4, 5, 6] as const;
export const DEFAULT_EMERGING_RESOLUTION = 5;

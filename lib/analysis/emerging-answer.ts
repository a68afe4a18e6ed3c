/**
 * The /api/emerging answer from a cube: the analysis (space-time-cube.ts), each cell's category and
 * figures, and the posts whose catchment holds emerging hot spots. Accounts that see aggregates only
 * get categories, significance and trends, never a cell's values or z-scores (which, with the cell totals
 * the hotspot layer shows, could give back monthly counts), and no cell of fewer seizures than the minimum.
 */
import { distance } from '@turf/turf';
import type { Detail } from '@/lib/access/detail';
import { isSmall } from '@/lib/access/suppression';
import type { LngLat } from '@/lib/geo/lng-lat';
import type { EmergingAnswer, EmergingCategoryKey, EmergingCell, EmergingPost } from '@/lib/api/api-types';
import { roundTo } from '@/lib/url/numbers';
import { MOST_STEPS, TREND_ALPHA, twoSidedP, type EmergingCategory, type HotSpotPattern } from './emerging-hot-spots';
import { analyseCube, MIN_STEPS, type CellAnalysis, type CubeCell } from './space-time-cube';
import type { EmergingStep, EmergingValue } from './emerging-settings';

/** The catchment whose emerging hot spots a post's entry lists, km from the post to a cell's centre. */
export const EMERGING_CATCHMENT_KM = 25;
/** Hot spot patterns that a post's list calls emerging: significant now and not (only) as before. */
export const EMERGING_PATTERNS: readonly HotSpotPattern[] = ['new', 'consecutive', 'intensifying'];

export const categoryKey = (c: EmergingCategory): EmergingCategoryKey => (c.kind === 'none' ? 'none' : `${c.pattern}-${c.kind}`);

export interface EmergingRequest {
  resolution: number;
  step: EmergingStep;
  value: EmergingValue;
}

export interface EmergingInput {
  request: EmergingRequest;
  /** First day of each step, oldest first. */
  steps: string[];
  /** Every cell with a seizure in the period, its value per step, and its seizures over the period. */
  cube: (CubeCell & { count: number })[];
  posts: readonly { code: string; lngLat: LngLat }[];
  detail: Detail;
  /** Seizures before the first step, left out (an open period starts where the data becomes dense). */
  earlier: number;
}

export function emergingAnswer({ request, steps, cube, posts, detail, earlier }: EmergingInput): EmergingAnswer {
  const method = {
    ...request,
    weights: 'cell-and-ring-1-neighbours',
    correction: 'benjamini-hochberg',
    confidence: [90, 95, 99],
    trendAlpha: TREND_ALPHA,
    mostSteps: MOST_STEPS,
    minSteps: MIN_STEPS,
    catchmentKm: EMERGING_CATCHMENT_KM,
  } as const;
  // A handful of early seizures is a small figure too.
  const left = detail.level === 'aggregates' && isSmall(earlier, detail.minCount) ? null : earlier;
  const status = cube.length === 0 ? 'no-seizures' : steps.length < MIN_STEPS ? 'too-few-steps' : 'ok';
  if (status !== 'ok') return { method, status, steps, earlier: left, gridCells: cube.length, cells: [], posts: [] };
  const shown = (i: number) => detail.level === 'events' || cube[i].count >= detail.minCount;
  const cells = analyseCube(cube)
    .filter((_, i) => shown(i))
    .map((a) => answerCell(a, detail.level === 'events'));
  return { method, status, steps, earlier: left, gridCells: cube.length, cells, posts: emergingPosts(cells, posts) };
}

/** z-scores to 1e-6 and kilograms to the gram: a third of the bytes, and every category and level as computed. */
const Z_DIGITS = 6;
const KG_DIGITS = 3;

function answerCell(a: CellAnalysis, exact: boolean): EmergingCell {
  const last = a.z.length - 1;
  const sign = a.category.kind === 'cold' ? -1 : 1;
  const z = (v: number) => roundTo(v, Z_DIGITS);
  return {
    cell: a.cell,
    centroid: [roundTo(a.centroid[0], 5), roundTo(a.centroid[1], 5)],
    category: categoryKey(a.category),
    z: exact ? z(a.z[last]) : null,
    p: exact ? twoSidedP(a.z[last]) : null,
    level: a.levels[last],
    trend: { ...a.trend, tau: z(a.trend.tau), z: z(a.trend.z) },
    significantSteps: a.levels.filter((l) => Math.sign(l) === sign).length,
    values: exact ? a.values.map((v) => roundTo(v, KG_DIGITS)) : null,
    zs: exact ? a.z.map(z) : null,
    levels: a.levels,
  };
}

/** Posts with new, consecutive or intensifying hot spots whose centre is within the catchment, posts with the most first. */
export function emergingPosts(cells: readonly EmergingCell[], posts: readonly { code: string; lngLat: LngLat }[]): EmergingPost[] {
  const emerging = cells.filter((c) => EMERGING_PATTERNS.some((p) => c.category === `${p}-hot`));
  return posts
    .map(({ code, lngLat }) => ({
      code,
      cells: emerging
        .map((c) => ({ cell: c.cell, category: c.category, km: roundTo(distance(lngLat, c.centroid, { units: 'kilometers' }), 2) }))
        .filter((c) => c.km <= EMERGING_CATCHMENT_KM)
        .sort((a, b) => a.km - b.km || a.cell.localeCompare(b.cell)),
    }))
    .filter((p) => p.cells.length > 0)
    .sort((a, b) => b.cells.length - a.cells.length || a.code.localeCompare(b.code));
}

/**
 * The API questions a dashboard view asks before anything is moved: the figures every view shows, a
 * selected post's panel, and the seizures the map draws as points. One list for the page (the server
 * answers the figures with its HTML) and the browser (which asks only what it was not given).
 */
import { MAP_LAYERS, apiSearch, type MapLayerId, type ViewState } from './view-state';
import { DEFAULT_BINARY_ROWS } from './api-params';
import { comparisonPeriod, DEFAULT_FILTERS, type Filters } from './filters';

/** Above this many filtered seizures the map draws vector tiles instead of loading every point. */
export const POINT_LIMIT = DEFAULT_BINARY_ROWS;

/**
 * The layers drawn for an account: one that may not see single seizures (`events` false) gets the
 * hexagons in place of the points, whatever the link asked for.
 */
export function shownLayers(layers: MapLayerId[], events: boolean): MapLayerId[] {
  if (events || !layers.includes('points')) return layers;
  return MAP_LAYERS.filter((l) => l === 'hexagons' || (l !== 'points' && layers.includes(l)));
}

export interface FirstRequests {
  /** Every post with its totals under the filters. */
  blos: string;
  /** Each post's totals over the comparison period (null: no comparison). */
  blosBefore: string | null;
  summary: string;
  /** The whole span of the data (the period is marked on it). */
  series: string;
  baselines: string;
  /** Who reported which month: the other filters aside (a month with only hashish is still reported). */
  reporting: string;
  /** The selected post's figures (null: none selected). */
  detail: string | null;
  /** The selected post's newest seizures (null: none selected, or an account that sees aggregates only). */
  recent: string | null;
}

/** `before`: the comparison period of the view's filters (passed in so callers that keep it need not work it out again). */
export function firstRequests(view: ViewState, events: boolean, before = comparisonPeriod(view.filters)): FirstRequests {
  const { filters, selected, radiusKm } = view;
  return {
    blos: `/api/blos${apiSearch(filters)}`,
    blosBefore: before ? `/api/blos${apiSearch({ ...filters, ...before, compare: 'none' })}` : null,
    summary: `/api/summary${apiSearch(filters)}`,
    series: `/api/timeseries${apiSearch({ ...filters, from: null, to: null })}`,
    baselines: `/api/baselines${apiSearch(filters)}`,
    reporting: `/api/reporting${apiSearch({ ...DEFAULT_FILTERS, asOf: filters.asOf, synthetic: filters.synthetic })}`,
    detail: selected ? `/api/blos/${selected}${apiSearch(filters, { r: radiusKm })}` : null,
    recent: selected && events ? `/api/blos/${selected}/seizures${apiSearch(filters, { r: radiusKm })}` : null,
  };
}

/**
 * The request for the seizures drawn as points, once the filters' count is known; null when the map
 * draws none (layer off, none match) or draws tiles (more than POINT_LIMIT). `layers` as shown (shownLayers).
 */
export function pointsRequest(filters: Filters, layers: readonly MapLayerId[], count: number | null | undefined): string | null {
  if (!layers.includes('points') || typeof count !== 'number' || count === 0 || count > POINT_LIMIT) return null;
  return `/api/seizures${apiSearch(filters, { format: 'bin', limit: POINT_LIMIT })}`;
}

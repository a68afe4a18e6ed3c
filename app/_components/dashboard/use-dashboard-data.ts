'use client';
/**
 * Every API answer the dashboard shows, for a view: one request per distinct question (see useApi),
 * and what follows from the answers — the months of the series, the period and the days the map
 * shows, whether seizures come as points or as tiles, and the loading and error states.
 */
import { useMemo, useState } from 'react';
import {
  seriesPoints,
  type BloDetailAnswer,
  type BloListItem,
  type CatchmentSeizuresAnswer,
  type BaselinesAnswer,
  type BlosAnswer,
  type EmergingAnswer,
  type HotspotsAnswer,
  type ReportingAnswer,
  type RoutesAnswer,
  type SeriesAnswer,
  type SummaryAnswer,
} from '@/lib/api/api-types';
import { decodeColumns } from '@/lib/api/seizure-columns-codec';
import { cellChanges, largestChange } from '@/lib/map/cell-change';
import { hotspotZoom } from '@/lib/geo/h3-resolution';
import { pointAttributes, type PointAttributes } from '@/lib/map/layer-data';
import { monthEnd, type DateRange } from '@/lib/time/dates';
import { chartStart, monthTable } from '@/lib/time/month-table';
import { visiblePeriod } from '@/lib/time/periods';
import { comparisonPeriod, type Filters } from '@/lib/url/filters';
import { firstRequests, POINT_LIMIT, pointsRequest } from '@/lib/url/view-requests';
import { periodCompleteness, postsOfFilters, reportedPerMonth, reportingGrid } from '@/lib/analysis/completeness';
import { apiSearch, type ViewState } from '@/lib/url/view-state';
import { useApi } from './use-api';

const NO_BLOS: BloListItem[] = [];

const toPoints = (raw: unknown): PointAttributes => pointAttributes(decodeColumns(raw as ArrayBuffer));

/** `events`: whether the account may see single seizures (points, tiles, a post's recent seizures). */
export function useDashboardData(view: ViewState, events: boolean) {
  const { filters, layers, playback } = view;
  // Each post's totals over the comparison period, for the change per post in the list of posts.
  // One object per filters, so what is worked out from it is not worked out again on every render.
  const before = useMemo(() => comparisonPeriod(filters), [filters]);
  const first = firstRequests(view, events, before);
  const blos = useApi<BlosAnswer>(first.blos);
  const blosBefore = useApi<BlosAnswer>(first.blosBefore);
  const summary = useApi<SummaryAnswer>(first.summary);
  // The whole span of the data, for the slider and the chart; the period is marked on it.
  const series = useApi<SeriesAnswer>(first.series);
  const allRows = useMemo(() => monthTable(series.data ? seriesPoints(series.data.rows) : []), [series.data]);
  // The chart, the slider and the playback start where the data becomes dense (or at the period's
  // own start, if earlier): a few early events would otherwise take half their width.
  const rows = useMemo(() => {
    const first = chartStart(allRows, filters.from);
    return first === 0 ? allRows : allRows.slice(first);
  }, [allRows, filters.from]);
  const earlier = useMemo(() => {
    const before = allRows.slice(0, allRows.length - rows.length);
    return before.length === 0
      ? null
      : { count: before.reduce((n, r) => n + r.count, 0), from: before[0].month, to: rows[0]?.month ?? null };
  }, [allRows, rows]);

  // The filter period, its open ends closed by the data's first and last month.
  const period: DateRange | null = useMemo(() => {
    if (filters.from && filters.to) return { from: filters.from, to: filters.to };
    if (allRows.length === 0) return null;
    return { from: filters.from ?? allRows[0].month, to: filters.to ?? monthEnd(allRows[allRows.length - 1].month) };
  }, [filters.from, filters.to, allRows]);
  // What playback runs over: the period from where the chart starts.
  const playPeriod: DateRange | null = useMemo(
    () => (period && rows.length > 0 && rows[0].month > period.from ? { from: rows[0].month, to: period.to } : period),
    [period, rows],
  );
  const visible = useMemo(() => (playPeriod ? visiblePeriod(playPeriod, playback) : null), [playPeriod, playback]);
  // While playing, layers aggregated on the server ask for the window only.
  const mapFilters: Filters = playback.at && visible ? { ...filters, from: visible.from, to: visible.to } : filters;

  // The count of these filters (not the previous answer kept while loading) decides points or tiles;
  // `layers` never holds the points for an account that may not see single seizures.
  const count = summary.dataUrl === first.summary ? summary.data?.count : undefined;
  const useTiles = typeof count === 'number' && count > POINT_LIMIT;
  const points = useApi<PointAttributes>(pointsRequest(filters, layers, count), 'bytes', toPoints);
  const tileTemplate = useTiles ? `/api/tiles/{z}/{x}/{y}${apiSearch(mapFilters)}` : null;
  // The template whose tiles in view have all arrived (the tile layer reports it). A tile layer
  // that goes away and comes back starts from nothing: what the last one loaded is forgotten.
  const tilesShown = layers.includes('points') && visible !== null && tileTemplate !== null;
  const [tilesLoaded, setTilesLoaded] = useState<string | null>(null);
  if (!tilesShown && tilesLoaded !== null) setTilesLoaded(null);
  const tilesPending = tilesShown && tilesLoaded !== tileTemplate;

  const cellLayers = layers.includes('hexagons') || layers.includes('heatmap') || layers.includes('changes');
  // Hexagon cells at the zoom shown, for some filters.
  const hotspotsUrl = (f: Filters) => `/api/hotspots${apiSearch(f, { z: hotspotZoom(view.camera.zoom) })}`;
  const nowUrl = cellLayers ? hotspotsUrl(mapFilters) : null;
  const hotspots = useApi<HotspotsAnswer>(nowUrl);
  // While playing, the colours keep the whole period's scale: the same colour is the same amount in every frame.
  const wholePeriodCells = useApi<HotspotsAnswer>(cellLayers && playback.at ? hotspotsUrl(filters) : null);
  // The change per hexagon: the cells of the comparison period of what the map shows (while playing,
  // of the window: the window before it, or a year before it).
  const mapBefore = comparisonPeriod(mapFilters);
  const beforeUrl = layers.includes('changes') && mapBefore ? hotspotsUrl({ ...mapFilters, ...mapBefore, compare: 'none' }) : null;
  const cellsBefore = useApi<HotspotsAnswer>(beforeUrl);
  // Only two answers to the same question are subtracted: while one of them is on its way, the last
  // such pair stays drawn (never this period's new cells against the old comparison's).
  const paired =
    beforeUrl !== null && hotspots.dataUrl === nowUrl && cellsBefore.dataUrl === beforeUrl && hotspots.data && cellsBefore.data
      ? { now: hotspots.data.cells, before: cellsBefore.data.cells }
      : null;
  const [lastPair, setLastPair] = useState(paired);
  if (paired && (paired.now !== lastPair?.now || paired.before !== lastPair?.before)) setLastPair(paired);
  const pair = beforeUrl === null ? null : (paired ?? lastPair);
  const [pairNow, pairBefore] = [pair?.now, pair?.before];
  const changes = useMemo(() => {
    if (!pairNow || !pairBefore) return null;
    const cells = cellChanges(pairNow, pairBefore);
    return { cells, scale: largestChange(cells) };
  }, [pairNow, pairBefore]);
  const routes = useApi<RoutesAnswer>(layers.includes('routes') ? `/api/routes${apiSearch(mapFilters)}` : null);
  // The analysis runs over the whole period (a trend needs its steps): playback does not window it.
  const { resolution, step, value } = view.emerging;
  const emerging = useApi<EmergingAnswer>(
    layers.includes('emerging') ? `/api/emerging${apiSearch(filters, { res: resolution, step, value })}` : null,
  );
  // Each post's months against their seasonal baseline: the badge of a post with an unusual latest month.
  const baselines = useApi<BaselinesAnswer>(first.baselines);
  const latestMonths = useMemo(
    () => (baselines.data ? new Map(baselines.data.posts.flatMap((p) => (p.latest ? [[p.code, p.latest] as const] : []))) : null),
    [baselines.data],
  );
  // Who reported which month (the other filters aside: a month with only hashish is still reported):
  // the chart's gaps, the period's completeness against the comparison's, the reporting grid.
  const reporting = useApi<ReportingAnswer>(first.reporting);
  const grid = useMemo(() => (reporting.data ? reportingGrid(reporting.data) : null), [reporting.data]);
  // The posts the figures are about: those picked, else those of the countries picked, else all.
  const { blos: picked, countries } = filters;
  const postsShown = useMemo(() => postsOfFilters({ blos: picked, countries }, blos.data?.blos ?? []), [blos.data, picked, countries]);
  const reportingShown = useMemo(() => {
    if (!grid || postsShown.length === 0) return null;
    return {
      grid,
      /** Posts that reported, per month, out of `posts`. */
      perMonth: reportedPerMonth(grid, postsShown),
      posts: postsShown.length,
      // An open start is counted from where most posts report (periodCompleteness), not the first public seizure.
      ...periodCompleteness(grid, postsShown, period && { from: filters.from, to: period.to }, before),
    };
  }, [grid, postsShown, period, filters.from, before]);
  const selectedBlo = blos.data?.blos.find((b) => b.code === view.selected) ?? null;
  const detail = useApi<BloDetailAnswer>(first.detail);
  const recent = useApi<CatchmentSeizuresAnswer>(first.recent);

  const all = [blos, summary, series, points, hotspots, cellsBefore, routes, emerging, baselines, reporting];
  const scaleCells = playback.at ? wholePeriodCells.data?.cells : hotspots.data?.cells;
  const hexagonCounts = scaleCells?.map((c) => c.count ?? 0);
  return {
    blos: blos.data?.blos ?? NO_BLOS,
    /** The posts' totals over the comparison period (null: no comparison, or not yet here). */
    blosBefore: before ? (blosBefore.data?.blos ?? null) : null,
    comparison: before,
    summary,
    /** The data version the figures shown were current at: what a pinned link pins. */
    dataVersion: filters.asOf ?? summary.version,
    series,
    rows,
    /** The months before the chart's first (a few early events), or null when it shows them all. */
    earlier,
    period,
    playPeriod,
    visible,
    count,
    /** No seizure matches the filters. */
    empty: summary.data !== undefined && count === 0,
    // Points of earlier filters are not drawn once these are known to match none.
    points: count === 0 ? undefined : points.data,
    tileTemplate,
    tilesPending,
    onTilesLoaded: setTilesLoaded,
    cells: hotspots.data?.cells,
    /** The change per hexagon against the comparison period (null: layer off, no comparison, or not yet here). */
    changes,
    /** The period the change is counted against (null: none, so no change can be drawn). */
    changesAgainst: mapBefore,
    /** Seizures of the busiest cell: the top of the colour scale (while playing, the whole period's). */
    hexMax: hexagonCounts ? Math.max(0, ...hexagonCounts) : null,
    flows: routes.data?.flows,
    /** Each post's latest month against its seasonal baseline (null until known). */
    latestMonths,
    /** Each post's months against their seasonal baseline, with the rule (undefined until known). */
    baselines: baselines.data,
    /** Who reported which month, the posts shown per month, and the completeness of the period and the comparison (null until known). */
    reporting: reportingShown,
    /** The posts the figures are about: those picked, else those of the countries picked, else all. */
    postsShown,
    /** The emerging hot spot analysis (kept while the next one loads), and whether one is on its way. */
    emerging: layers.includes('emerging') ? (emerging.data ?? null) : null,
    emergingLoading: emerging.loading,
    selectedBlo,
    detail,
    /** The selected post's newest seizures; null for an account that sees aggregates only. */
    recent: events ? recent.data?.seizures : null,
    /** Why the post's panel could not load (its figures or its seizures). */
    panelError: detail.error ?? recent.error,
    /** Substances with seizures under the filters (withheld ones too). */
    presentSubstances: (summary.data?.bySubstance ?? []).filter((s) => s.count !== 0).map((s) => s.substance),
    errors: all.map((s) => s.error).filter((e): e is string => e !== null),
    retryAll: () => all.forEach((s) => s.error && s.retry()),
    /** Data for a map layer is still on its way. */
    busy:
      points.loading ||
      hotspots.loading ||
      wholePeriodCells.loading ||
      cellsBefore.loading ||
      routes.loading ||
      emerging.loading ||
      blos.loading ||
      (layers.includes('points') && count === undefined),
  };
}

'use client';
/**
 * What the map draws for a view, from its data: the deck.gl layers, the heat, the legend, the BLO markers
 * and the places to read the map by.
 * Shared by the dashboard and the briefing, so both draw a view the same way.
 */
import { useMemo } from 'react';
import { bloName, borderName, formatMonth, t } from '@/lib/i18n/i18n';
import type { DashboardLayerInput } from '@/lib/map/dashboard-layers';
import { shownLayers } from '@/lib/url/view-requests';
import { legendModel } from '@/lib/map/legend-model';
import { mapPlaces } from '@/lib/map/map-places';
import { PLACES } from '@/lib/catalogue/places';
import { WATER } from '@/lib/catalogue/water';
import type { ViewState } from '@/lib/url/view-state';
import { useDashboardData } from './use-dashboard-data';

/**
 * The view's data (useDashboardData) and what the map draws from it. `events`: whether the account may
 * see single seizures (else hexagons stand in for points); `minCount`: its smallest figure shown, if any.
 */
export function useMapContent(view: ViewState, events: boolean, minCount: number | null) {
  const { lang, radiusKm } = view;
  // An account that sees aggregates only never asks for single seizures: hexagons stand in for points.
  const layers = useMemo(() => shownLayers(view.layers, events), [view.layers, events]);
  const data = useDashboardData(layers === view.layers ? view : { ...view, layers }, events);
  const { blos, selectedBlo } = data;
  // What the deck.gl layers are made of: the map builds them (deck.gl loads with the map's code).
  const layerInput = useMemo<DashboardLayerInput>(
    () => ({
      layers,
      cells: data.cells,
      cellScale: data.hexMax,
      changes: data.changes,
      flows: data.flows,
      emerging: data.emerging?.cells,
      points: data.points,
      tileTemplate: data.tileTemplate,
      onTilesLoaded: data.onTilesLoaded,
      visible: data.visible,
      catchment: selectedBlo ? { center: selectedBlo.lngLat, radiusKm } : null,
    }),
    [
      layers,
      data.cells,
      data.hexMax,
      data.changes,
      data.flows,
      data.emerging,
      data.points,
      data.tileTemplate,
      data.onTilesLoaded,
      data.visible,
      selectedBlo,
      radiusKm,
    ],
  );
  const legend = legendModel({
    lang,
    layers,
    substances: data.presentSubstances,
    hexMax: data.hexMax,
    scaleOfPeriod: view.playback.at !== null,
    change: { scale: data.changes?.scale ?? null, against: data.changesAgainst },
    tiles: data.tileTemplate !== null,
    radiusKm: selectedBlo ? radiusKm : null,
    emerging: data.emerging,
    unusual: [...(data.latestMonths?.values() ?? [])].flatMap((m) => (m.flag ? [m.flag] : [])),
    withheldBelow:
      minCount !== null && (data.cells?.some((c) => c.count === null) || data.changes?.cells.some((c) => c.change === null))
        ? minCount
        : null,
  });
  const latest = data.latestMonths;
  const markers = useMemo(
    () =>
      blos.map((b) => {
        const month = latest?.get(b.code);
        const unusual = month?.flag ?? null;
        const badge = unusual
          ? `, ${t(lang, unusual === 'high' ? 'unusuallyHigh' : 'unusuallyLow', { month: formatMonth(lang, month!.month) })}`
          : '';
        return {
          code: b.code,
          label: bloName(lang, b),
          ariaLabel: `${b.name} / ${b.nameRu} — ${borderName(lang, b.country, b.neighbor)}, ${t(lang, b.status)}${badge}`,
          lngLat: b.lngLat,
          status: b.status,
          labelPriority: b.totals.count ?? 0,
          unusual,
        };
      }),
    [blos, lang, latest],
  );
  // The heatmap is MapLibre's (lib/map/heat-layer.ts), from the same cells as the hexagons.
  const heatOn = layers.includes('heatmap');
  const heat = useMemo(
    () => (heatOn && data.cells ? { cells: data.cells, scaleMax: data.hexMax } : null),
    [heatOn, data.cells, data.hexMax],
  );
  const places = useMemo(() => mapPlaces(lang, PLACES, WATER), [lang]);
  return { layers, data, layerInput, heat, legend, markers, places };
}

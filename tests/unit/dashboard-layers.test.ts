import type { Layer } from '@deck.gl/core';
import { describe, expect, it } from 'vitest';
import { dashboardLayers as layersWith, needsCellLayers, type DashboardLayerInput } from '@/lib/map/dashboard-layers';
import * as cellLayers from '@/lib/map/cell-layers';
import { HEATMAP_RAMP, ROUTE_COLORS, rgbCss } from '@/lib/map/colors';
import { heatLayer, heatPoints } from '@/lib/map/heat-layer';
import { isoToDays } from '@/lib/time/dates';
import { MAP_LAYERS } from '@/lib/url/view-state';
import { createCells, createFlows, createPoints } from '@/tests/fixtures/map-data';

function createInput(patch: Partial<DashboardLayerInput> = {}): DashboardLayerInput {
  return {
    layers: [...MAP_LAYERS],
    cells: createCells(),
    flows: createFlows(),
    points: createPoints(),
    tileTemplate: null,
    onTilesLoaded: () => {},
    visible: { from: '2024-01-01', to: '2024-12-31' },
    catchment: { center: [69.2, 41.3], radiusKm: 25 },
    ...patch,
  };
}

/** The layers once the map has loaded the cell and tile layers' code. */
const dashboardLayers = (input: DashboardLayerInput) => layersWith(input, cellLayers);
const ids = (layers: Layer[]) => layers.map((l) => l.id);
const byId = (layers: Layer[], id: string) => layers.find((l) => l.id === id)!;
/** A layer's props, read as plain values (each layer class has its own props type). */
const propsOf = (layers: Layer[], id: string) => byId(layers, id).props as unknown as Record<string, unknown>;

describe('dashboardLayers', () => {
  it('draws every deck.gl layer that is on, seizures on top (the heat and the catchment rings are drawn by MapLibre)', () => {
    expect(ids(dashboardLayers(createInput()))).toEqual(['hotspot-hexagons', 'route-arcs', 'seizure-points']);
  });

  it('draws the cell and tile layers only once their code has loaded, and says when it is needed', () => {
    const input = createInput();
    expect(needsCellLayers(input)).toBe(true);
    expect(ids(layersWith(input, null))).toEqual(['route-arcs', 'seizure-points']);
    // The default view (points) needs none of it.
    const points = createInput({ layers: ['points'] });
    expect(needsCellLayers(points)).toBe(false);
    expect(ids(layersWith(points, null))).toEqual(ids(dashboardLayers(points)));
    // Tiles (too many seizures to load whole) do.
    const tiles = createInput({ layers: ['points'], tileTemplate: '/api/tiles/{z}/{x}/{y}' });
    expect(needsCellLayers(tiles)).toBe(true);
    expect(ids(layersWith(tiles, null))).toEqual([]);
    expect(ids(dashboardLayers(tiles))).toEqual(['seizure-tiles']);
    // A cell layer whose data has not arrived yet loads nothing.
    expect(needsCellLayers(createInput({ layers: ['hexagons'], cells: undefined }))).toBe(false);
  });

  it('draws nothing when every layer is off', () => {
    expect(ids(dashboardLayers(createInput({ layers: [] })))).toEqual([]);
  });

  it('leaves out a layer whose data has not arrived', () => {
    const layers = dashboardLayers(createInput({ cells: undefined, flows: undefined, points: undefined, catchment: null }));
    expect(ids(layers)).toEqual([]);
  });

  it('shows no seizures until the days to show are known', () => {
    expect(ids(dashboardLayers(createInput({ layers: ['points'], visible: null })))).toEqual([]);
  });

  it('filters the points to the visible days on the GPU', () => {
    const points = propsOf(
      dashboardLayers(createInput({ layers: ['points'], visible: { from: '2024-03-01', to: '2024-05-31' } })),
      'seizure-points',
    );
    expect(points.filterRange).toEqual([isoToDays('2024-03-01'), isoToDays('2024-05-31')]);
  });

  it('draws tiles instead of points when given a tile template, and reports which template has loaded', () => {
    const loaded: string[] = [];
    const template = '/api/tiles/{z}/{x}/{y}?substance=heroin';
    const layers = dashboardLayers(createInput({ layers: ['points'], tileTemplate: template, onTilesLoaded: (t) => loaded.push(t) }));
    expect(ids(layers)).toEqual(['seizure-tiles']);
    const tiles = propsOf(layers, 'seizure-tiles');
    expect(tiles.data).toBe(template);
    (tiles.onViewportLoad as () => void)();
    expect(loaded).toEqual([template]);
  });

  it('draws only flows between two known, different places', () => {
    const arcs = byId(dashboardLayers(createInput({ layers: ['routes'] })), 'route-arcs');
    const drawable = createFlows().filter((f) => f.originLngLat && f.destinationLngLat && f.origin !== f.destination);
    expect(arcs.props.data).toHaveLength(drawable.length);
    expect((arcs.props.data as { origin: string }[]).map((f) => f.origin)).toEqual(drawable.map((f) => f.origin));
  });

  it('keeps the data of every layer the same object when rebuilt from the same answers', () => {
    const input = createInput();
    const [first, second] = [dashboardLayers(input), dashboardLayers({ ...input, visible: { from: '2024-02-01', to: '2024-04-30' } })];
    for (const id of ['hotspot-hexagons', 'route-arcs']) {
      expect(byId(second, id).props.data, id).toBe(byId(first, id).props.data);
    }
    expect(byId(first, 'hotspot-hexagons').props.data).toBe(input.cells);
  });

  it('draws with the colours the legend shows', () => {
    const layers = dashboardLayers(createInput());
    const arcs = propsOf(layers, 'route-arcs');
    expect((arcs.getSourceColor as number[]).slice(0, 3)).toEqual(ROUTE_COLORS.origin);
    expect((arcs.getTargetColor as number[]).slice(0, 3)).toEqual(ROUTE_COLORS.destination);
  });
});

describe('heat', () => {
  it('weights each cell by its share of the busiest cell, and leaves out withheld and empty cells', () => {
    const cells = createCells();
    const max = Math.max(...cells.map((c) => c.count ?? 0));
    const heat = heatPoints(cells);
    const drawn = cells.filter((c) => (c.count ?? 0) > 0);
    expect(heat.features.map((f) => (f.geometry as { coordinates: number[] }).coordinates)).toEqual(drawn.map((c) => c.centroid));
    expect(heat.features.map((f) => f.properties!.weight)).toEqual(drawn.map((c) => c.count! / max));
    expect(Math.max(...heat.features.map((f) => f.properties!.weight as number))).toBe(1);
    expect(heatPoints(cells)).toBe(heat);
  });

  it('colours the density with the legend ramp, its last colour at the busiest cell alone', () => {
    const color = heatLayer().paint!['heatmap-color'] as unknown[];
    const stops = color.slice(5);
    expect(stops.filter((_, i) => i % 2 === 1)).toEqual(HEATMAP_RAMP.map(rgbCss));
    expect(stops.at(-2)).toBe(1);
    expect(color.slice(3, 5)).toEqual([0, 'rgba(0, 0, 0, 0)']);
  });
});

import { describe, expect, it } from 'vitest';
import { SUBSTANCES } from '@/lib/catalogue/substances';
import {
  CHANGE_RAMP,
  changeColor,
  EMERGING_COLORS,
  HOTSPOT_RAMP,
  rampColor,
  RING_COLOR,
  ROUTE_COLORS,
  substanceColor,
} from '@/lib/map/colors';
import { legendModel, legendRows, type LegendInput } from '@/lib/map/legend-model';
import { MAP_LAYERS } from '@/lib/url/view-state';
import type { EmergingAnswer, EmergingCategoryKey, EmergingCell } from '@/lib/api/api-types';

function createInput(patch: Partial<LegendInput> = {}): LegendInput {
  return { lang: 'en', layers: [...MAP_LAYERS], substances: ['hashish', 'heroin'], hexMax: 1234, tiles: false, radiusKm: 50, ...patch };
}

describe('legendModel', () => {
  it('always explains both kinds of BLO marker, even with every layer off', () => {
    const model = legendModel(createInput({ layers: [] }));
    expect(model.title).toBe('Legend');
    expect(model.blos.map((e) => e.label)).toEqual(['BLO, confirmed', 'BLO, unconfirmed site']);
    expect(model.blos.map((e) => e.swatch)).toEqual([
      { shape: 'blo', status: 'confirmed' },
      { shape: 'blo', status: 'unconfirmed' },
    ]);
    expect(model.sections).toEqual([]);
  });

  it('has one section per layer that is on, in the layer order', () => {
    expect(legendModel(createInput()).sections.map((s) => s.layer)).toEqual([
      'points',
      'hexagons',
      'changes',
      'emerging',
      'heatmap',
      'routes',
      'rings',
    ]);
    expect(legendModel(createInput({ layers: ['routes', 'points'] })).sections.map((s) => s.layer)).toEqual(['points', 'routes']);
  });

  it('lists only the substances present, in catalogue order, in the colours the points are drawn with', () => {
    const points = legendModel(createInput({ substances: ['hashish', 'heroin'] })).sections[0];
    expect(points.kind).toBe('list');
    if (points.kind !== 'list') return;
    const expected = SUBSTANCES.filter((s) => s.code === 'hashish' || s.code === 'heroin');
    expect(points.entries.map((e) => e.label)).toEqual(expected.map((s) => s.en));
    expect(points.entries.map((e) => e.swatch)).toEqual(expected.map((s) => ({ shape: 'dot', color: substanceColor(s.code) })));
    expect(points.note).toBeNull();
    const tiled = legendModel(createInput({ tiles: true })).sections[0];
    expect(tiled.kind === 'list' && tiled.note).toContain('tiles');
  });

  it('names the busiest hexagon at the top of the ramp, and the ramp is the hexagons’ colours', () => {
    const hexagons = legendModel(createInput()).sections.find((s) => s.layer === 'hexagons')!;
    expect(hexagons.kind === 'bar' && hexagons.ends).toEqual(['fewer', '1,234 per cell']);
    expect(hexagons.kind === 'bar' && hexagons.entry.swatch).toEqual({ shape: 'bar', colors: HOTSPOT_RAMP });
    expect(HOTSPOT_RAMP[0]).toEqual(rampColor(0));
    expect(HOTSPOT_RAMP.at(-1)).toEqual(rampColor(1));
    const unknownMax = legendModel(createInput({ hexMax: null })).sections.find((s) => s.layer === 'hexagons')!;
    expect(unknownMax.kind === 'bar' && unknownMax.ends).toEqual(['fewer', 'more']);
  });

  it('keys the change per hexagon from −largest to +largest against the comparison period, or says it needs one', () => {
    const against = { from: '2023-01-01', to: '2023-12-31' };
    const changes = legendModel(createInput({ change: { scale: 57, against } })).sections.find((s) => s.layer === 'changes')!;
    expect(changes.kind === 'bar' && changes.ends).toEqual(['−57', '+57']);
    expect(changes.kind === 'bar' && changes.note).toContain('1 Jan 2023 – 31 Dec 2023');
    expect(changes.kind === 'bar' && changes.entry.swatch).toEqual({ shape: 'bar', colors: CHANGE_RAMP });
    // The ramp's ends and middle are the colours the layer draws −largest, no change and +largest in.
    expect([changeColor(-1), changeColor(0), changeColor(1)]).toEqual([CHANGE_RAMP[0], CHANGE_RAMP[2], CHANGE_RAMP[4]]);
    const none = legendModel(createInput({ change: { scale: null, against: null } })).sections.find((s) => s.layer === 'changes')!;
    expect(none.kind === 'bar' && none.ends).toBeNull();
    expect(none.kind === 'bar' && none.note).toContain('comparison');
    const ru = legendModel(createInput({ lang: 'ru', change: { scale: 1500, against } })).sections.find((s) => s.layer === 'changes')!;
    expect(ru.kind === 'bar' && ru.ends).toEqual(['−1\u00a0500', '+1\u00a0500']);
  });

  it('keys the routes from origin to destination colour, and the rings in the ring colour with both radii', () => {
    const model = legendModel(createInput({ radiusKm: 25 }));
    const routes = model.sections.find((s) => s.layer === 'routes')!;
    expect(routes.kind === 'bar' && routes.entry.swatch).toEqual({ shape: 'bar', colors: [ROUTE_COLORS.origin, ROUTE_COLORS.destination] });
    expect(routes.kind === 'bar' && routes.note).toBe('origin → destination, width ∝ kg-eq');
    const rings = model.sections.find((s) => s.layer === 'rings')!;
    expect(rings.kind === 'entry' && rings.entry).toEqual({
      label: 'Catchment rings: 25 / 12.5 km',
      swatch: { shape: 'ring', color: RING_COLOR },
    });
  });

  it('has no rings section without a selected BLO', () => {
    expect(legendModel(createInput({ radiusKm: null })).sections.map((s) => s.layer)).not.toContain('rings');
  });

  it('is written in the interface language', () => {
    const model = legendModel(createInput({ lang: 'ru', hexMax: 1234 }));
    expect(model.title).toBe('Легенда');
    const hexagons = model.sections.find((s) => s.layer === 'hexagons')!;
    expect(hexagons.kind === 'bar' && hexagons.ends?.[1]).toMatch(/^1\s234 на ячейку$/);
  });
});

describe('legendRows', () => {
  it('gives the picture one row per symbol: the markers, each substance, then one row per other layer', () => {
    const rows = legendRows(legendModel(createInput()));
    expect(rows.map((r) => r.label)).toEqual([
      'BLO, confirmed',
      'BLO, unconfirmed site',
      ...SUBSTANCES.filter((s) => s.code === 'hashish' || s.code === 'heroin').map((s) => s.en),
      'Hotspots (hexagons)',
      'Change (hexagons)',
      'Heatmap',
      'Routes (width ∝ kg-eq)',
      'Catchment rings: 50 / 25 km',
    ]);
  });

  it('adds a row for withheld hexagons when some are drawn, in both languages', () => {
    const rows = (lang: 'en' | 'ru') =>
      legendRows(legendModel({ ...createInput(), lang, layers: ['hexagons'], withheldBelow: 3 })).map((r) => r.label);
    expect(rows('en')).toContain('Withheld (fewer than 3, or hidden with one)');
    expect(rows('ru')).toContain('Скрыто (менее 3 или вместе с таким)');
    expect(legendRows(legendModel({ ...createInput(), layers: ['hexagons'] })).map((r) => r.label)).not.toContain(
      'Withheld (fewer than 3, or hidden with one)',
    );
  });
});

describe('the emerging hot spots legend', () => {
  const cell = (category: EmergingCategoryKey) => ({ category }) as EmergingCell;
  const answer = (over: Partial<EmergingAnswer>): EmergingAnswer =>
    ({
      method: { resolution: 5, step: 'month', minSteps: 10 },
      status: 'ok',
      steps: Array.from({ length: 24 }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`),
      gridCells: 6,
      cells: [],
      posts: [],
      ...over,
    }) as EmergingAnswer;
  const section = (a: EmergingAnswer | null, lang: 'en' | 'ru' = 'en') => {
    const s = legendModel(createInput({ layers: ['emerging'], emerging: a, lang })).sections[0];
    if (s.kind !== 'list') throw new Error('the emerging section is a list');
    return s;
  };

  it('lists the categories present, hot before cold, strongest first, each with its hexagons and colour', () => {
    const s = section(
      answer({
        cells: [cell('none'), cell('sporadic-hot'), cell('intensifying-hot'), cell('new-cold'), cell('intensifying-hot'), cell('none')],
      }),
    );
    expect(s.title).toBe('Emerging hot spots');
    expect(s.titleNote).toBe('Gi*, 24 months, H3 resolution 5');
    expect(s.entries.map((e) => e.label)).toEqual([
      'Intensifying hot spot (2)',
      'Sporadic hot spot (1)',
      'New cold spot (1)',
      'No pattern (2)',
    ]);
    expect(s.entries[0].swatch).toEqual({ shape: 'dot', color: EMERGING_COLORS['intensifying-hot'] });
    expect(s.note).toBeNull();
    expect(s.help?.title).toBe('How this is computed');
    expect(s.help?.paragraphs.join(' ')).toContain('Benjamini–Hochberg');
  });

  it('says why there is no analysis, in Russian too', () => {
    expect(section(answer({ status: 'too-few-steps', steps: ['2025-01-01', '2025-02-01'] })).note).toBe(
      'No analysis: the period holds 2 steps and at least 10 are needed. Choose a longer period or monthly steps.',
    );
    expect(section(answer({ status: 'no-seizures', steps: [] }), 'ru').note).toBe('Нет изъятий по этим фильтрам: анализировать нечего.');
    expect(section(answer({ cells: [cell('new-hot')] }), 'ru').entries[0].label).toBe('Новая горячая точка (1)');
    expect(section(null).titleNote).toBe('Loading…');
  });
});

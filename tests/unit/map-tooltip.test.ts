import type { PickingInfo } from '@deck.gl/core';
import { describe, expect, it } from 'vitest';
import { LAYER_IDS } from '@/lib/map/layer-data';
import { escapeHtml, tooltipFor } from '@/lib/map/map-tooltip';
import { createCells, createColumns, createFlows } from '@/tests/fixtures/map-data';
import type { EmergingCell } from '@/lib/api/api-types';

type Picked = Pick<PickingInfo, 'index' | 'layer' | 'object'>;
const pick = (layerId: string, index: number, object?: unknown): Picked => ({
  index,
  layer: { id: layerId } as PickingInfo['layer'],
  object,
});

describe('escapeHtml', () => {
  it('escapes the five characters that can open markup or end an attribute', () => {
    expect(escapeHtml(`<img src="x" onerror='y'>&`)).toBe('&#60;img src=&#34;x&#34; onerror=&#39;y&#39;&#62;&#38;');
    expect(escapeHtml('Б. Конысбаев')).toBe('Б. Конысбаев');
  });
});

describe('tooltipFor', () => {
  it('describes the seizure under the pointer from the binary columns', () => {
    const columns = createColumns([
      { substance: 'heroin', day: '2024-03-05', kgEq: 12.5, lngLat: [69.2, 41.3] },
      { substance: 'hashish', day: '2024-06-30', kgEq: 0.4, lngLat: [70.1, 40.9] },
    ]);
    expect(tooltipFor(pick(LAYER_IDS.points, 1), 'en', columns)).toEqual({
      html: '<strong>Hashish</strong><div><span class="tt-label">400 g</span> 30 Jun 2024</div>',
    });
    expect(tooltipFor(pick(LAYER_IDS.points, 2), 'en', columns)).toBeNull();
    expect(tooltipFor(pick(LAYER_IDS.points, 0), 'en', undefined)).toBeNull();
  });

  it('describes a hexagon and a route', () => {
    const hexagon = tooltipFor(pick(LAYER_IDS.hexagons, 0, createCells()[0]), 'en', undefined)!.html;
    expect(hexagon).toContain('<strong>12 seizures</strong>');
    expect(hexagon).toContain('Heroin');
    expect(hexagon).toContain('3 Jan 2024 – 30 May 2024');
    const route = tooltipFor(pick(LAYER_IDS.routes, 0, createFlows()[0]), 'en', undefined)!.html;
    expect(route).toContain('<strong>Afghanistan → Kazakhstan</strong>');
    expect(route).toContain('900 kg');
  });

  it('describes the change in a hexagon: signed, with both periods’ counts, in either language', () => {
    const change = { cell: 'a', centroid: [69, 41], now: 4, before: 10, change: -6, kgNow: 8, kgBefore: 20.5, kgChange: -12.5 };
    expect(tooltipFor(pick(LAYER_IDS.changes, 0, change), 'en', undefined)!.html).toBe(
      '<strong>−6 seizures</strong><div><span class="tt-label">This period</span> 4 seizures</div>' +
        '<div><span class="tt-label">Comparison</span> 10 seizures</div><div><span class="tt-label">kg-equivalent</span> −13 kg</div>',
    );
    const ru = tooltipFor(pick(LAYER_IDS.changes, 0, { ...change, now: 12, before: 10, change: 2, kgChange: 1 }), 'ru', undefined)!.html;
    expect(ru).toContain('<strong>+2 изъятия</strong>');
    expect(ru).toContain('12 изъятий');
    const withheld = tooltipFor(
      pick(LAYER_IDS.changes, 0, { ...change, before: null, change: null, kgChange: null }),
      'en',
      undefined,
    )!.html;
    expect(withheld).toContain('Withheld');
  });

  it('describes a vector-tile feature, from any of the tile layer’s sub-layers', () => {
    const feature = { properties: { count: 7, kg: 3.5, substance: 'opium', last: 19_800 } };
    expect(tooltipFor(pick(`${LAYER_IDS.tiles}-8-170-95-points-circle`, 0, feature), 'en', undefined)!.html).toContain(
      '<strong>Opium</strong>',
    );
  });

  it('escapes what comes from the data', () => {
    const cell = { ...createCells()[0], topSubstance: '<img src=x onerror=alert(1)>' };
    const html = tooltipFor(pick(LAYER_IDS.hexagons, 0, cell), 'en', undefined)!.html;
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });

  it('shows nothing where nothing with a tooltip is picked', () => {
    expect(tooltipFor({ index: -1, layer: null, object: undefined }, 'en', undefined)).toBeNull();
    expect(tooltipFor(pick('a-layer-without-tooltips', 0, { text: 'KAZAKHSTAN' }), 'en', undefined)).toBeNull();
  });
});

describe('the emerging hot spot tooltip', () => {
  const cell: EmergingCell = {
    cell: '8520b00ffffffff',
    centroid: [68.1, 38.45],
    category: 'intensifying-hot',
    z: 3.4142,
    p: 0.0064,
    level: 99,
    trend: { s: 120, tau: 0.4167, z: 3.1, p: 0.0019 },
    significantSteps: 22,
    values: [3, 4, 5],
    zs: [-1, 0, 2],
    levels: [0, 0, 99],
  };

  it('names the category in words, how often it was significant and where it is going, with the line of its z-scores', () => {
    const html = tooltipFor(pick(LAYER_IDS.emerging, 0, cell), 'en', undefined, 'month')!.html;
    expect(html).toContain('<strong>Intensifying hot spot</strong>: significant in 22 of 3 months, rising');
    expect(html).toContain('z = +3.41, p = 0.006');
    expect(html).toContain('τ = +0.42, p = 0.002');
    const strong = tooltipFor(pick(LAYER_IDS.emerging, 0, { ...cell, p: 2e-7 }), 'en', undefined)!.html;
    expect(strong).toContain('z = +3.41, p &#60; 0.001');
    // Three steps across 160 px; z from −3 to 3 over 40 px (the scale's floor is ±3): −1 → y 26, 0 → 20, 2 → 8.
    expect(html).toContain('<polyline points="2,26 80,20 158,8"');
  });

  it('in Russian, by quarter, and for an account that sees aggregates only: no z, the significance per step instead', () => {
    const html = tooltipFor(
      pick(LAYER_IDS.emerging, 0, { ...cell, z: null, p: null, zs: null, values: null }),
      'ru',
      undefined,
      'quarter',
    )!.html;
    expect(html).toContain('<strong>Усиливающаяся горячая точка</strong>: значима в 22 из 3 кварталов, растёт');
    expect(html).not.toContain('z =');
    expect(html).not.toContain('polyline');
    // One bar, up, full height for 99 %: the third of three steps.
    expect(html).toMatch(/<rect x="106" y="2" width="51.5" height="18"/);
  });
});

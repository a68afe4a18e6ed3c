/**
 * Distances in each language, and the map scale's round lengths. Expected strings are written by hand
 * (Russian: decimal comma, a no-break space between thousands, км and м); the scale's rounding is
 * worked out by hand from the rule "1, 2, 3 or 5 times a power of ten, at or below the span".
 */
import { describe, expect, it } from 'vitest';
import { formatDistance, formatKm } from '@/lib/i18n/i18n';
import { roundDistance, scaleBar } from '@/lib/map/scale-bar';
import { legendModel } from '@/lib/map/legend-model';

const NBSP = '\u00a0';

describe('formatKm: distances in km', () => {
  it('writes a decimal comma and км in Russian, a point and km in English', () => {
    expect(formatKm('ru', 0.8)).toBe('0,8 км');
    expect(formatKm('en', 0.8)).toBe('0.8 km');
    expect(formatKm('ru', 12.345)).toBe('12,3 км');
    expect(formatKm('ru', 3)).toBe('3,0 км');
  });

  it('drops a zero decimal when asked (the catchment radii)', () => {
    expect(formatKm('ru', 25, 0)).toBe('25 км');
    expect(formatKm('ru', 12.5, 0)).toBe('12,5 км');
    expect(formatKm('en', 12.5, 0)).toBe('12.5 km');
  });
});

describe('formatDistance: the scale bar’s words', () => {
  it.each([
    [500, `500${NBSP}м`, `500${NBSP}m`],
    [1000, `1${NBSP}км`, `1${NBSP}km`],
    [1500, `1,5${NBSP}км`, `1.5${NBSP}km`],
    [200_000, `200${NBSP}км`, `200${NBSP}km`],
    [2_000_000, `2${NBSP}000${NBSP}км`, `2,000${NBSP}km`],
  ])('%s m reads "%s" / "%s"', (meters, ru, en) => {
    expect(formatDistance('ru', meters)).toBe(ru);
    expect(formatDistance('en', meters)).toBe(en);
  });

  it('never writes a Latin letter in Russian', () => {
    for (const m of [3, 30, 300, 3000, 30_000, 300_000, 3_000_000]) expect(formatDistance('ru', m)).not.toMatch(/[A-Za-z]/);
  });
});

describe('scaleBar: the longest round distance that fits', () => {
  it.each([
    [1, 1],
    [1.9, 1],
    [2.5, 2],
    [3100, 3000],
    [4999, 3000],
    [7777, 5000],
    [9999, 5000],
    [10_000, 10_000],
    [234_567, 200_000],
  ])('rounds %s m down to %s m', (meters, round) => {
    expect(roundDistance(meters)).toBe(round);
  });

  it('draws the bar in proportion: 1234 m over 100 px is 1 km over 81.04 px', () => {
    const bar = scaleBar(1234, 100)!;
    expect(bar.meters).toBe(1000);
    expect(bar.px).toBeCloseTo(81.037, 3);
  });

  it('gives no bar for an unknown or tiny span', () => {
    expect(scaleBar(Number.NaN, 100)).toBeNull();
    expect(scaleBar(0.5, 100)).toBeNull();
    expect(scaleBar(1000, 0)).toBeNull();
  });
});

describe('the legend’s catchment rings', () => {
  it('writes their radii in the interface language', () => {
    const label = (lang: 'en' | 'ru') => {
      const model = legendModel({ lang, layers: ['rings'], substances: [], hexMax: null, tiles: false, radiusKm: 25 });
      const rings = model.sections.find((s) => s.layer === 'rings');
      return rings?.kind === 'entry' ? rings.entry.label : null;
    };
    expect(label('ru')).toBe('Зоны охвата: 25 / 12,5 км');
    expect(label('en')).toBe('Catchment rings: 25 / 12.5 km');
  });
});

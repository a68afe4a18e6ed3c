import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, parseViewState, serializeViewState, type ViewState } from '@/lib/url/view-state';

const parse = (q: string) => parseViewState(new URLSearchParams(q));

describe('view state in the page URL', () => {
  it('the default view is an empty query string', () => {
    expect(serializeViewState(DEFAULT_VIEW).toString()).toBe('');
    expect(parse('')).toEqual({ view: DEFAULT_VIEW, problems: [] });
  });

  it('round-trips filters, camera, layers, selection, radius, playback and language with short keys', () => {
    const view: ViewState = {
      filters: { ...DEFAULT_VIEW.filters, substances: ['hashish', 'heroin'], from: '2024-01-01', to: '2024-06-30', minKg: 5 },
      camera: { center: [69.51234, 40.61239], zoom: 6.2345, bearing: 12.34, pitch: 30 },
      layers: ['hexagons', 'emerging', 'routes'],
      emerging: { resolution: 6, step: 'quarter', value: 'kg' },
      selected: 'oybek',
      radiusKm: 50,
      playback: { at: '2024-03-31', mode: 'cumulative', windowMonths: 6 },
      lang: 'ru',
    };
    const query = serializeViewState(view).toString();
    expect(query).toBe(
      'substance=hashish%2Cheroin&from=2024-01-01&to=2024-06-30&minkg=5&c=69.5123%2C40.6124%2C6.23&b=12.3&p=30&l=hexagons%2Cemerging%2Croutes&eres=6&estep=quarter&evalue=kg&sel=oybek&r=50&t=2024-03-31&pm=cumulative&pw=6&lang=ru',
    );
    const back = parse(query);
    expect(back.problems).toEqual([]);
    expect(back.view).toEqual({ ...view, camera: { center: [69.5123, 40.6124], zoom: 6.23, bearing: 12.3, pitch: 30 } });
    expect(serializeViewState(back.view).toString()).toBe(query);
  });

  it('refuses emerging hot spot settings out of range, naming the key, and keeps the rest of the link', () => {
    const { view, problems } = parse('l=emerging&eres=7&estep=week&evalue=kg');
    expect(problems.map((p) => p.param)).toEqual(['eres', 'estep']);
    expect(view.layers).toEqual(['emerging']);
    expect(view.emerging).toEqual({ resolution: 5, step: 'month', value: 'kg' });
  });

  it('writes "none" when every layer is off, and reads it back', () => {
    const query = serializeViewState({ ...DEFAULT_VIEW, layers: [] }).toString();
    expect(query).toBe('l=none');
    expect(parse(query).view.layers).toEqual([]);
  });

  it('a bad key is named and left at its default; the other keys still apply', () => {
    const { view, problems } = parse('substance=heroin&from=2024-13-01&c=200,40,5&l=points,bogus&sel=nowhere&r=0&zzz=1');
    expect(view.filters.substances).toEqual(['heroin']);
    expect(view.filters.from).toBeNull();
    expect(view.camera).toEqual(DEFAULT_VIEW.camera);
    expect(view.layers).toEqual(DEFAULT_VIEW.layers);
    expect(view.selected).toBeNull();
    expect(view.radiusKm).toBe(DEFAULT_VIEW.radiusKm);
    expect(problems.map((p) => p.param).sort()).toEqual(['c', 'from', 'l', 'r', 'sel', 'zzz']);
    expect(problems.find((p) => p.param === 'c')!.message).toContain('longitude must be ≤ 180');
  });

  it('from after to drops both, with a message', () => {
    const { view, problems } = parse('from=2024-06-01&to=2024-01-01');
    expect([view.filters.from, view.filters.to]).toEqual([null, null]);
    expect(problems[0].param).toBe('from');
  });
});

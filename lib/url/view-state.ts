/**
 * Everything a dashboard link carries: the filters (lib/filters.ts, same keys as the API) plus the map
 * camera, the layers on, the selected BLO and its catchment radius, the playback position and the
 * language. `VIEW_PARAMS` is the parser map for the non-filter keys; defaults are left out of links.
 * A bad key in a pasted link is reported and falls back to its default instead of losing the view.
 */
import { isoDateSchema } from '@/lib/time/dates';
import { z } from 'zod';
import { BLO_CODES } from '@/lib/catalogue/blo-codes';
import {
  DEFAULT_FILTERS,
  FILTER_PARAMS,
  FILTER_PARAM_KEYS,
  MAX_PARAM_LENGTH,
  ParamError,
  issueError,
  parseFilters,
  serializeFilters,
  type Filters,
} from './filters';
import { roundTo } from './numbers';
import { urlNumber } from './url-number';
import { API_PARAMS, DEFAULT_CATCHMENT_KM, MAX_CATCHMENT_KM, MIN_CATCHMENT_KM } from './api-params';
import { DEFAULT_EMERGING_RESOLUTION, type EmergingStep, type EmergingValue } from '@/lib/analysis/emerging-settings';

export const MAP_LAYERS = ['points', 'hexagons', 'changes', 'emerging', 'heatmap', 'routes', 'rings'] as const;
export type MapLayerId = (typeof MAP_LAYERS)[number];
const DEFAULT_LAYERS: readonly MapLayerId[] = ['points', 'rings'];

export const PLAYBACK_MODES = ['window', 'cumulative'] as const;
export type PlaybackMode = (typeof PLAYBACK_MODES)[number];

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Camera {
  /** [lng, lat] of the map centre, degrees. */
  center: [lng: number, lat: number];
  zoom: number;
  /** Degrees clockwise from north. */
  bearing: number;
  /** Degrees from vertical, 0–60. */
  pitch: number;
}

export interface Playback {
  /** Last day shown while playing or paused mid-way, YYYY-MM-DD; null = the whole period. */
  at: string | null;
  mode: PlaybackMode;
  /** Length of the moving window, months. */
  windowMonths: number;
}

/** The emerging hot spot layer's settings (lib/analysis/space-time-cube.ts). */
export interface EmergingSettings {
  /** H3 resolution, 4–6. */
  resolution: number;
  step: EmergingStep;
  value: EmergingValue;
}

export interface ViewState {
  filters: Filters;
  camera: Camera;
  layers: MapLayerId[];
  emerging: EmergingSettings;
  /** BLO whose panel is open. */
  selected: string | null;
  /** Catchment radius of the selected BLO, whole km. */
  radiusKm: number;
  playback: Playback;
  lang: Language;
}

/** The five countries in view, from the Caspian to the Pamirs. */
const DEFAULT_CAMERA: Camera = { center: [66.8, 39.9], zoom: 4.35, bearing: 0, pitch: 0 };

export const DEFAULT_VIEW: ViewState = {
  filters: DEFAULT_FILTERS,
  camera: DEFAULT_CAMERA,
  layers: [...DEFAULT_LAYERS],
  emerging: { resolution: DEFAULT_EMERGING_RESOLUTION, step: 'month', value: 'count' },
  selected: null,
  radiusKm: DEFAULT_CATCHMENT_KM,
  playback: { at: null, mode: 'window', windowMonths: 3 },
  lang: 'en',
};

const num = (min: number, max: number, name: string) => urlNumber({ min, max, signed: true, name });

const cameraSchema = z
  .string()
  .transform((s) => s.split(','))
  .pipe(z.tuple([num(-180, 180, 'longitude'), num(-85, 85, 'latitude'), num(0, 18, 'zoom')], { message: 'must be lng,lat,zoom' }));

const layersSchema = z
  .string()
  .transform((s) => (s === 'none' ? [] : s.split(',').filter((v) => v !== '')))
  .pipe(z.array(z.enum(MAP_LAYERS, `must be a list of ${MAP_LAYERS.join(', ')} (or none)`)))
  .transform((ls) => MAP_LAYERS.filter((l) => ls.includes(l)));

interface ViewCodec<T> {
  schema: z.ZodType<T, string>;
  read(view: ViewState): T;
  write(view: ViewState, value: T): ViewState;
  serialize(value: T): string;
}
const codec = <T>(c: ViewCodec<T>) => c;

/** The parser map of the page's own keys (filter keys live in FILTER_PARAMS). Short, stable names. */
const VIEW_PARAMS = {
  /** Camera: lng,lat,zoom. */
  c: codec({
    schema: cameraSchema,
    read: (v) => [v.camera.center[0], v.camera.center[1], v.camera.zoom] as [number, number, number],
    write: (v, [lng, lat, zoom]) => ({ ...v, camera: { ...v.camera, center: [lng, lat], zoom } }),
    serialize: ([lng, lat, zoom]) => `${roundTo(lng, 4)},${roundTo(lat, 4)},${roundTo(zoom, 2)}`,
  }),
  /** Bearing, degrees. */
  b: codec({
    schema: num(-180, 180, 'bearing'),
    read: (v) => v.camera.bearing,
    write: (v, bearing) => ({ ...v, camera: { ...v.camera, bearing } }),
    serialize: (b) => String(roundTo(b, 1)),
  }),
  /** Pitch, degrees. */
  p: codec({
    schema: num(0, 60, 'pitch'),
    read: (v) => v.camera.pitch,
    write: (v, pitch) => ({ ...v, camera: { ...v.camera, pitch } }),
    serialize: (p) => String(roundTo(p, 1)),
  }),
  /** Layers on, comma list; `none` for none. */
  l: codec({
    schema: layersSchema,
    read: (v) => v.layers,
    write: (v, layers) => ({ ...v, layers }),
    serialize: (ls) => (ls.length ? ls.join(',') : 'none'),
  }),
  /** Emerging hot spots: H3 resolution, time step, value analysed (the API's res, step, value). */
  eres: codec({
    schema: API_PARAMS.res,
    read: (v) => v.emerging.resolution,
    write: (v, resolution) => ({ ...v, emerging: { ...v.emerging, resolution } }),
    serialize: String,
  }),
  estep: codec({
    schema: API_PARAMS.step,
    read: (v) => v.emerging.step,
    write: (v, step) => ({ ...v, emerging: { ...v.emerging, step } }),
    serialize: String,
  }),
  evalue: codec({
    schema: API_PARAMS.value,
    read: (v) => v.emerging.value,
    write: (v, value) => ({ ...v, emerging: { ...v.emerging, value } }),
    serialize: String,
  }),
  /** Selected BLO code. */
  sel: codec({
    schema: z.enum(BLO_CODES as [string, ...string[]], 'is not a known BLO code'),
    read: (v) => v.selected,
    write: (v, selected) => ({ ...v, selected }),
    serialize: (s) => s ?? '',
  }),
  /** Catchment radius, whole km 1–100. */
  r: codec({
    schema: urlNumber({ min: MIN_CATCHMENT_KM, max: MAX_CATCHMENT_KM, whole: true, unit: 'km' }),
    read: (v) => v.radiusKm,
    write: (v, radiusKm) => ({ ...v, radiusKm }),
    serialize: String,
  }),
  /** Playback position: last day shown. */
  t: codec({
    schema: isoDateSchema,
    read: (v) => v.playback.at,
    write: (v, at) => ({ ...v, playback: { ...v.playback, at } }),
    serialize: (t) => t ?? '',
  }),
  /** Playback mode. */
  pm: codec({
    schema: z.enum(PLAYBACK_MODES, `must be one of ${PLAYBACK_MODES.join(', ')}`),
    read: (v) => v.playback.mode,
    write: (v, mode) => ({ ...v, playback: { ...v.playback, mode } }),
    serialize: String,
  }),
  /** Moving-window length, months 1–24. */
  pw: codec({
    schema: urlNumber({ min: 1, max: 24, whole: true }),
    read: (v) => v.playback.windowMonths,
    write: (v, windowMonths) => ({ ...v, playback: { ...v.playback, windowMonths } }),
    serialize: String,
  }),
  /** Interface language. */
  lang: codec({
    schema: z.enum(LANGUAGES, `must be one of ${LANGUAGES.join(', ')}`),
    read: (v) => v.lang,
    write: (v, lang) => ({ ...v, lang }),
    serialize: String,
  }),
} as const;

type ViewParam = keyof typeof VIEW_PARAMS;
const VIEW_PARAM_KEYS = Object.keys(VIEW_PARAMS) as ViewParam[];

/** Every key a dashboard link may carry: the filters and the page's own. */
export const DASHBOARD_PARAM_KEYS: readonly string[] = [...FILTER_PARAM_KEYS, ...VIEW_PARAM_KEYS];

export interface ParsedView {
  view: ViewState;
  /** Problems found, each naming its key; the view uses the default for those keys. */
  problems: ParamError[];
}

/** Reads a page URL's search params. Never throws: a bad key is reported and left at its default. */
export function parseViewState(params: URLSearchParams): ParsedView {
  const problems: ParamError[] = [];
  const known = new Set<string>([...FILTER_PARAM_KEYS, ...VIEW_PARAM_KEYS]);
  for (const key of new Set(params.keys()))
    if (!known.has(key)) problems.push(new ParamError(key.slice(0, 40), 'is not a dashboard setting (ignored)', { kind: 'unknown-key' }));

  // Filters: parse key by key so one bad filter does not drop the others.
  let filters: Filters = { ...DEFAULT_FILTERS };
  for (const key of FILTER_PARAM_KEYS) {
    if (!params.has(key)) continue;
    try {
      const { field } = FILTER_PARAMS[key];
      const alone = parseFilters(new URLSearchParams(params.getAll(key).map((v) => [key, v])));
      filters = { ...filters, [field]: alone[field] };
    } catch (e) {
      if (e instanceof ParamError) problems.push(e);
      else throw e;
    }
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    problems.push(
      new ParamError('from', `${filters.from} is after to (${filters.to}); both ignored`, {
        kind: 'from-after-to',
        from: filters.from,
        to: filters.to,
      }),
    );
    filters = { ...filters, from: null, to: null };
  }

  let view: ViewState = { ...DEFAULT_VIEW, filters };
  for (const key of VIEW_PARAM_KEYS) {
    const values = params.getAll(key);
    if (values.length === 0 || values[0] === '') continue;
    if (values.length > 1) {
      problems.push(new ParamError(key, 'given more than once', { kind: 'repeated' }));
      continue;
    }
    if (values[0].length > MAX_PARAM_LENGTH) {
      problems.push(new ParamError(key, `longer than ${MAX_PARAM_LENGTH} characters`, { kind: 'too-long', max: MAX_PARAM_LENGTH }));
      continue;
    }
    const { schema, write } = VIEW_PARAMS[key] as ViewCodec<unknown>;
    const result = schema.safeParse(values[0]);
    if (result.success) view = write(view, result.data);
    else problems.push(issueError(key, result.error.issues[0]));
  }
  return { view, problems };
}

/** Writes a view as search params: filters first (API names), then the page's keys; defaults left out. */
export function serializeViewState(view: ViewState): URLSearchParams {
  const params = serializeFilters(view.filters);
  for (const key of VIEW_PARAM_KEYS) {
    const { read, serialize } = VIEW_PARAMS[key] as ViewCodec<unknown>;
    const text = serialize(read(view));
    const fallback = serialize(read(DEFAULT_VIEW));
    if (text !== '' && text !== fallback) params.set(key, text);
  }
  return params;
}

/** The filter part of a view as API search params (what every data request sends). */
export function apiSearch(filters: Filters, extra: Record<string, string | number | undefined> = {}): string {
  const params = serializeFilters(filters);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

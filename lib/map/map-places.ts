/**
 * The towns, cities, rivers and lakes written on the map to read it by (data/places.json,
 * data/water.json). Each shows from a zoom that follows its rank — capitals first, then cities,
 * towns, and at a crossing's zoom the settlements its post is named after — and its name is placed
 * after the posts' names, never over them (lib/map/label-placement.ts).
 */
import type { PlaceRank, PlaceRecord } from '@/lib/catalogue/place-record';
import { waterLabelPoints } from '@/lib/catalogue/water';
import type { WaterFeature } from '@/lib/catalogue/water-record';
import type { LngLat } from '@/lib/geo/lng-lat';
import type { Language } from '@/lib/url/view-state';

export type MapPlaceKind = PlaceRank | 'river' | 'lake';

export interface MapPlace {
  /** `place:<GeoNames id>` or `water:<name>`. */
  id: string;
  kind: MapPlaceKind;
  label: string;
  /** Where its name may be written: a town's one point; a river's points along it, of which the map takes the one nearest the screen's middle. */
  anchors: LngLat[];
  /** The least zoom at which it is written. */
  minZoom: number;
  /** Higher is placed first where names compete for room. */
  priority: number;
}

/** From which zoom each kind is written (the default view of all posts is about zoom 4.3 at 1280 px wide). */
export const PLACE_MIN_ZOOM: Record<MapPlaceKind, number> = {
  capital: 3,
  lake: 4,
  river: 4.5,
  city: 4,
  town: 5.5,
  settlement: 7.5,
};

/** Ranks before population: a capital is always written before a larger city. */
const KIND_PRIORITY: Record<MapPlaceKind, number> = { capital: 4e7, lake: 3e7, city: 2e7, river: 1.5e7, town: 1e7, settlement: 0 };

/** A place's name in `lang` (the Latin name where Russian is missing). */
export const placeLabel = (lang: Language, p: Pick<PlaceRecord, 'name' | 'nameRu'>): string =>
  lang === 'ru' && p.nameRu ? p.nameRu : p.name;

export function mapPlaces(lang: Language, places: readonly PlaceRecord[], water: readonly WaterFeature[]): MapPlace[] {
  return [
    ...places.map((p) => ({
      id: `place:${p.id}`,
      kind: p.rank,
      label: placeLabel(lang, p),
      anchors: [[p.lon, p.lat] as LngLat],
      minZoom: PLACE_MIN_ZOOM[p.rank],
      priority: KIND_PRIORITY[p.rank] + p.population / 100,
    })),
    ...water.map((w) => {
      const kind = w.properties.kind;
      return {
        id: `water:${w.properties.name}`,
        kind,
        label: lang === 'ru' ? w.properties.nameRu : w.properties.name,
        anchors: waterLabelPoints(w),
        // The smaller waters (rank 2) from a zoom further in.
        minZoom: PLACE_MIN_ZOOM[kind] + (w.properties.rank === 1 ? 0 : 1.5),
        priority: KIND_PRIORITY[kind] - w.properties.rank,
      };
    }),
  ];
}

/** Whether `place` is written at `zoom`; the place just searched for is written at any zoom. */
export const placeShown = (place: MapPlace, zoom: number, found: string | null): boolean => place.id === found || zoom >= place.minZoom;

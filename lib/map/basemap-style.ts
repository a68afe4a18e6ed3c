/**
 * The offline basemap: a MapLibre style built from the shipped country polygons (OpenStreetMap,
 * data/countries.geojson) and rivers and lakes (data/water.json), with no tile server, sprite or
 * glyphs. Country, town, water and BLO names are drawn from the browser's fonts (deck.gl and the
 * page), so nothing is fetched from outside.
 */
import type { StyleSpecification } from 'maplibre-gl';
import type { LngLat } from '@/lib/geo/lng-lat';
import { BLO_COUNTRIES } from '@/lib/catalogue/vocabulary';
import type { WaterFeature } from '@/lib/catalogue/water-record';
import { BASEMAP_COLORS, rgbCss } from './colors';

const BASEMAP_IDS = {
  source: 'countries',
  land: 'land',
  focusLand: 'land-blo-countries',
  borders: 'country-borders',
  water: 'water',
  lakes: 'lakes',
  rivers: 'rivers',
} as const;

export function offlineBasemapStyle(countriesUrl: string, water: readonly WaterFeature[]): StyleSpecification {
  const waterColor = rgbCss(BASEMAP_COLORS.water);
  return {
    version: 8,
    name: 'BLO Atlas offline',
    sources: {
      [BASEMAP_IDS.source]: { type: 'geojson', data: countriesUrl },
      [BASEMAP_IDS.water]: { type: 'geojson', data: { type: 'FeatureCollection', features: [...water] } as GeoJSON.FeatureCollection },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': rgbCss(BASEMAP_COLORS.water) } },
      { id: BASEMAP_IDS.land, type: 'fill', source: BASEMAP_IDS.source, paint: { 'fill-color': rgbCss(BASEMAP_COLORS.land) } },
      {
        id: BASEMAP_IDS.focusLand,
        type: 'fill',
        source: BASEMAP_IDS.source,
        filter: ['in', ['get', 'iso2'], ['literal', [...BLO_COUNTRIES]]],
        paint: { 'fill-color': rgbCss(BASEMAP_COLORS.focusLand) },
      },
      {
        id: BASEMAP_IDS.lakes,
        type: 'fill',
        source: BASEMAP_IDS.water,
        filter: ['==', ['get', 'kind'], 'lake'],
        paint: { 'fill-color': waterColor, 'fill-outline-color': rgbCss(BASEMAP_COLORS.river) },
      },
      {
        id: BASEMAP_IDS.rivers,
        type: 'line',
        source: BASEMAP_IDS.water,
        filter: ['==', ['get', 'kind'], 'river'],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': rgbCss(BASEMAP_COLORS.river),
          // The main rivers (rank 1) wider; all wider as the map zooms in.
          'line-width': [
            'interpolate',
            ['linear'],
            ['zoom'],
            4,
            ['match', ['get', 'rank'], 1, 1.2, 0.6],
            9,
            ['match', ['get', 'rank'], 1, 3.5, 2],
          ],
        },
      },
      {
        id: BASEMAP_IDS.borders,
        type: 'line',
        source: BASEMAP_IDS.source,
        paint: { 'line-color': rgbCss(BASEMAP_COLORS.borders), 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.8, 8, 1.8] },
      },
    ],
  };
}

/**
 * Where each country's name is written: inside the part of the country that is on screen at the
 * default camera (centroids of Russia or China would fall far outside Central Asia).
 */
export const COUNTRY_LABEL_POINTS: Record<string, LngLat> = {
  KZ: [67.5, 48.3],
  UZ: [63.6, 41.9],
  TM: [59.0, 39.2],
  KG: [74.6, 41.5],
  TJ: [71.3, 38.7],
  AF: [66.0, 34.0],
  IR: [57.5, 33.8],
  PK: [69.5, 30.0],
  CN: [82.0, 40.5],
  RU: [66.0, 54.7],
};

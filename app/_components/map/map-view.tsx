'use client';
/**
 * The map: MapLibre with the offline basemap (or a hosted style), BLO markers as focusable buttons,
 * and deck.gl layers through MapLibreOverlay. A function of its props: the camera, the layers, the
 * BLOs and the labels come in, each applied when it changes; camera moves and BLO clicks go out.
 * `data-map-state` on the container reads `idle` once the map has settled, every layer's data has
 * arrived and deck.gl has drawn it.
 */
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { offlineBasemapStyle } from '@/lib/map/basemap-style';
import { WATER } from '@/lib/catalogue/water';
import type { Camera, Language } from '@/lib/url/view-state';
import { t, type TextKey } from '@/lib/i18n/i18n';
import { ScaleControl } from './scale-control';
import { grown, labelBox, markerBox, placeLabels, type Box, type LabelCandidate } from '@/lib/map/label-placement';
import { placeShown, type MapPlace } from '@/lib/map/map-places';
import type { LngLat } from '@/lib/geo/lng-lat';
import { HEAT_IDS, heatLayer, heatPoints } from '@/lib/map/heat-layer';
import { catchmentRings, RING_IDS, ringLayers, ringsKey } from '@/lib/map/ring-layer';
import type { HotspotCell } from '@/lib/api/api-types';
import { postFrame } from '@/lib/geo/post-frame';
import { rgbCss, UNUSUAL_COLORS, UNUSUAL_MARK } from '@/lib/map/colors';
import { countryLabels } from '@/lib/map/country-labels';
import { dashboardLayers, needsCellLayers, type CellLayers, type DashboardLayerInput } from '@/lib/map/dashboard-layers';

// Bundled maplibre-gl 6 cannot find its worker on its own (the map would never load).
maplibregl.setWorkerUrl(new URL('maplibre-gl/dist/maplibre-gl-worker.mjs', import.meta.url).href);
// Its workers start now, while the page renders, not when the map is made.
maplibregl.prewarm();

export interface MarkerBlo {
  code: string;
  label: string;
  ariaLabel: string;
  lngLat: [number, number];
  status: 'confirmed' | 'unconfirmed';
  /** Whose name is written first where names would collide (e.g. seizures counted). */
  labelPriority: number;
  /** The post's latest month is unusually high or low against its seasonal baseline (a badge). */
  unusual: 'high' | 'low' | null;
}

export type CameraMotion = 'jump' | 'fly';

export interface MapViewProps {
  camera: Camera;
  /** How the map reaches a new `camera`: a jump (a link opened, Back), or an animated flight the user asked for. */
  motion: CameraMotion;
  styleUrl: string | null;
  blos: MarkerBlo[];
  /** Towns, rivers and lakes to read the map by, written where they leave the posts' names room. */
  places: MapPlace[];
  /** The place last searched for (`MapPlace.id`): written at any zoom, and marked. */
  foundPlace: string | null;
  /** Frame every post once they have arrived, in place of `camera` (a view that names no camera of its own). */
  fitBlos?: boolean;
  selected: string | null;
  /** What the deck.gl layers are made of (built here: deck.gl comes with the map's code). */
  layers: DashboardLayerInput;
  /** Cells of the heatmap (drawn by MapLibre under the deck.gl layers) and the top of its scale; null when it is off. */
  heat: Heat | null;
  /** Data for some layer is still loading (the map is not idle until it arrives). */
  busy: boolean;
  /** Tiles still loading in the viewport (vector-tile layer). */
  tilesPending: boolean;
  ariaLabel: string;
  /** Language of the map's own controls (zoom buttons, compass, scale). */
  lang: Language;
  getTooltip: (info: PickingInfo) => { html: string } | null;
  onCameraChange: (camera: Camera) => void;
  /** The camera the posts were framed at (`fitBlos`), which the link does not name. */
  onFramed?: (camera: Camera) => void;
  onSelectBlo: (code: string) => void;
}

const sameCamera = (a: Camera, b: Camera) =>
  Math.abs(a.center[0] - b.center[0]) < 1e-4 &&
  Math.abs(a.center[1] - b.center[1]) < 1e-4 &&
  Math.abs(a.zoom - b.zoom) < 0.01 &&
  Math.abs(a.bearing - b.bearing) < 0.1 &&
  Math.abs(a.pitch - b.pitch) < 0.1;

function cameraOf(map: maplibregl.Map): Camera {
  const c = map.getCenter();
  return { center: [c.lng, c.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
}

/** MapLibre's camera options for a `Camera`. */
const cameraOptions = (c: Camera) => ({ center: c.center, zoom: c.zoom, bearing: c.bearing, pitch: c.pitch });

/** Marker radius (the selected one's, the largest), the space before its name and between two names, px. */
const LABEL_OPTIONS = { markerRadius: 10, gap: 3, labelSpacing: 8 };
/** A place's dot, the space before its name and between names, px. */
const PLACE_LABEL_OPTIONS = { markerRadius: 3, gap: 2, labelSpacing: 6 };

/**
 * Writes each BLO's name on a free side of its marker, or hides it where none is free: names never
 * cover each other or another post. Then the places: each shown at this zoom gets a free side that
 * covers no post, no post's name and no other place's name, or is hidden. Run when the zoom, the
 * markers, the places or the selection change.
 */
function layoutLabels(
  map: maplibregl.Map,
  markers: Map<string, maplibregl.Marker>,
  blos: MarkerBlo[],
  selected: string | null,
  placeMarkers: Map<string, maplibregl.Marker>,
  places: MapPlace[],
  found: string | null,
) {
  const candidates: LabelCandidate[] = [];
  const labels = new Map<string, HTMLElement>();
  for (const blo of blos) {
    const el = markers.get(blo.code)?.getElement();
    const label = el?.querySelector<HTMLElement>('.blo-label');
    if (!label) continue;
    const { x, y } = map.project(blo.lngLat);
    labels.set(blo.code, label);
    candidates.push({
      id: blo.code,
      x,
      y,
      width: label.offsetWidth,
      height: label.offsetHeight,
      priority: blo.code === selected ? Infinity : blo.labelPriority,
    });
  }
  // What the places must leave free: every post (its marker) and every name written beside one,
  // with the space two names keep between them.
  const taken: Box[] = [];
  for (const [code, side] of placeLabels(candidates, LABEL_OPTIONS)) {
    labels.get(code)!.dataset.side = side ?? 'none';
    const c = candidates.find((k) => k.id === code)!;
    taken.push(markerBox(c, LABEL_OPTIONS.markerRadius + LABEL_OPTIONS.gap));
    if (side) taken.push(grown(labelBox(c, side, LABEL_OPTIONS), PLACE_LABEL_OPTIONS.labelSpacing));
  }
  layoutPlaces(map, placeMarkers, places, found, taken);
}

/** Each place label's size, measured once per text (reading it forces a layout). */
const labelSizes = new WeakMap<HTMLElement, { text: string; width: number; height: number }>();
function labelSize(label: HTMLElement): { width: number; height: number } {
  const known = labelSizes.get(label);
  if (known && known.text === label.textContent) return known;
  const size = { text: label.textContent ?? '', width: label.offsetWidth, height: label.offsetHeight };
  labelSizes.set(label, size);
  return size;
}

/**
 * The places shown at this zoom and on screen, each at its anchor nearest the screen's middle (a
 * river's name follows the view along it), written where their name and dot leave `taken` free. The
 * place searched for may have its dot under a post's marker (only its name must be free). All sizes
 * are read before anything is written, so the page lays out once.
 */
function layoutPlaces(
  map: maplibregl.Map,
  placeMarkers: Map<string, maplibregl.Marker>,
  places: MapPlace[],
  found: string | null,
  taken: Box[],
) {
  const zoom = map.getZoom();
  const { width, height } = map.getContainer().getBoundingClientRect();
  const onScreen = (p: maplibregl.Point) => p.x > 0 && p.y > 0 && p.x < width && p.y < height;
  const dot = PLACE_LABEL_OPTIONS.markerRadius;
  const candidates: (LabelCandidate & { anchor: LngLat; el: HTMLElement; marker: maplibregl.Marker })[] = [];
  const hidden: HTMLElement[] = [];
  for (const place of places) {
    const marker = placeMarkers.get(place.id);
    if (!marker) continue;
    const el = marker.getElement();
    if (!placeShown(place, zoom, found)) {
      hidden.push(el);
      continue;
    }
    const anchor = place.anchors
      .map((a) => ({ a, p: map.project(a) }))
      .filter(({ p }) => onScreen(p))
      .sort((u, v) => Math.hypot(u.p.x - width / 2, u.p.y - height / 2) - Math.hypot(v.p.x - width / 2, v.p.y - height / 2))[0];
    const box = anchor && markerBox(anchor.p, dot);
    const dotFree =
      box &&
      (place.id === found || !taken.some((t) => t.left < box.right && box.left < t.right && t.top < box.bottom && box.top < t.bottom));
    if (!anchor || !dotFree) {
      hidden.push(el);
      continue;
    }
    const size = labelSize(el.querySelector<HTMLElement>('.place-label')!);
    candidates.push({
      id: place.id,
      x: anchor.p.x,
      y: anchor.p.y,
      ...size,
      priority: place.id === found ? Infinity : place.priority,
      anchor: anchor.a,
      el,
      marker,
    });
  }
  const sides = placeLabels(candidates, { ...PLACE_LABEL_OPTIONS, obstacles: taken });
  for (const el of hidden) el.dataset.side = 'none';
  for (const c of candidates) {
    c.marker.setLngLat(c.anchor);
    c.el.dataset.side = sides.get(c.id) ?? 'none';
  }
}

export interface Heat {
  cells: HotspotCell[];
  scaleMax: number | null;
}

/**
 * A GeoJSON source and the layers drawn from it, for a style that has loaded: the data set (the source
 * added when missing) and the missing layers added, under `beforeId` when that layer is drawn; or,
 * given no data, the layers and the source removed. Whether the map changed.
 */
function applyGeoJsonLayers(
  map: maplibregl.Map,
  sourceId: string,
  data: GeoJSONSourceSpecification['data'] | null,
  layers: readonly LayerSpecification[],
  beforeId?: string,
): boolean {
  const source = map.getSource<maplibregl.GeoJSONSource>(sourceId);
  if (!data) {
    if (!source) return false;
    for (const layer of layers) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
    map.removeSource(sourceId);
    return true;
  }
  if (source) source.setData(data);
  else map.addSource(sourceId, { type: 'geojson', data });
  const before = beforeId && map.getLayer(beforeId) ? beforeId : undefined;
  for (const layer of layers) if (!map.getLayer(layer.id)) map.addLayer(layer, before);
  return true;
}

/** Shows the heatmap (under the catchment rings when they are drawn), or removes it (null). */
const applyHeat = (map: maplibregl.Map, heat: Heat | null) =>
  applyGeoJsonLayers(map, HEAT_IDS.source, heat && heatPoints(heat.cells, heat.scaleMax), [heatLayer()], RING_IDS.fill);

/** A post's catchment rings (null: none), on top of MapLibre's layers; whether the map changed. */
const applyRings = (map: maplibregl.Map, rings: DashboardLayerInput['catchment']) =>
  applyGeoJsonLayers(map, RING_IDS.source, rings && catchmentRings(rings.center, rings.radiusKm), ringLayers());

/**
 * The map's HTML markers for `items`, kept by key in `markers`: a marker whose item is gone is removed, a
 * missing one is made (`make`'s element, centred on `at`) and added. Each item with its marker, in order.
 */
function syncMarkers<T>(
  map: maplibregl.Map,
  markers: Map<string, maplibregl.Marker>,
  items: readonly T[],
  keyOf: (item: T) => string,
  at: (item: T) => LngLat,
  make: (item: T) => HTMLElement,
): [T, maplibregl.Marker][] {
  const keys = new Set(items.map(keyOf));
  for (const [key, marker] of markers) {
    if (!keys.has(key)) {
      marker.remove();
      markers.delete(key);
    }
  }
  return items.map((item) => {
    const key = keyOf(item);
    let marker = markers.get(key);
    if (!marker) {
      marker = new maplibregl.Marker({ element: make(item), anchor: 'center' }).setLngLat(at(item)).addTo(map);
      markers.set(key, marker);
    }
    return [item, marker];
  });
}

/** The navigation control's buttons (MapLibre's class names) and their words. */
const CONTROL_TITLES: readonly [selector: string, key: TextKey][] = [
  ['.maplibregl-ctrl-zoom-in', 'mapZoomIn'],
  ['.maplibregl-ctrl-zoom-out', 'mapZoomOut'],
  ['.maplibregl-ctrl-compass', 'mapResetBearing'],
];

/** The hosted style at `url`, or the offline basemap. */
const styleOf = (url: string | null) => url ?? offlineBasemapStyle(new URL('/api/countries', window.location.href).href, WATER);

/** `lng,lat,zoom,bearing,pitch` of the camera actually shown, for tests and exports. */
const cameraText = (c: Camera) =>
  [c.center[0].toFixed(4), c.center[1].toFixed(4), c.zoom.toFixed(2), c.bearing.toFixed(1), c.pitch.toFixed(1)].join(',');

export function MapView({
  camera,
  motion,
  styleUrl,
  blos,
  places,
  foundPlace,
  fitBlos = false,
  selected,
  layers: layerInput,
  heat,
  busy,
  tilesPending,
  ariaLabel,
  lang,
  getTooltip,
  onCameraChange,
  onFramed,
  onSelectBlo,
}: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  // The layers from H3 cells and vector tiles come with their own code, loaded the first time one is shown.
  const [cellLayers, setCellLayers] = useState<CellLayers | null>(null);
  const cellsWanted = needsCellLayers(layerInput);
  useEffect(() => {
    if (cellsWanted && !cellLayers) void import('@/lib/map/cell-layers').then(setCellLayers);
  }, [cellsWanted, cellLayers]);
  const layers = useMemo(() => dashboardLayers(layerInput, cellLayers), [layerInput, cellLayers]);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  const markersRef = useRef(new Map<string, maplibregl.Marker>());
  const placeMarkersRef = useRef(new Map<string, maplibregl.Marker>());
  const countryMarkersRef = useRef(new Map<string, maplibregl.Marker>());
  // The layers last handed to deck.gl; its next frame has drawn them.
  const layersRef = useRef<Layer[] | null>(null);
  // The posts have been framed (or need not be); the framing move is under way.
  const framed = useRef(!fitBlos);
  const framing = useRef(false);
  // Where the flight under way goes (null when none is).
  const flight = useRef<Camera | null>(null);
  // The style has loaded (sources and layers may be added); false again while a new one loads.
  const styleReady = useRef(false);
  const [mapIdle, setMapIdle] = useState(false);
  const [drawnLayers, setDrawnLayers] = useState<Layer[] | null>(null);
  const [shownCamera, setShownCamera] = useState<string | undefined>(undefined);
  const [tip, setTip] = useState<{ x: number; y: number; html: string; flipX: boolean; flipY: boolean } | null>(null);

  // Map and deck.gl callbacks read the latest props without re-creating the map.
  const initialCamera = useEffectEvent(() => camera);
  const initialLang = useEffectEvent(() => lang);
  const initialStyleUrl = useEffectEvent(() => styleUrl);
  const scaleRef = useRef<ScaleControl | null>(null);
  const tooltip = useEffectEvent((info: PickingInfo) => getTooltip(info));
  const selectBlo = useEffectEvent((code: string) => onSelectBlo(code));
  const heatCells = useEffectEvent(() => heat);
  // The catchment drawn as rings: the selected post's, when the rings are on (redrawn when the post or radius change).
  const rings = layerInput.layers.includes('rings') ? layerInput.catchment : null;
  const ringsShownKey = rings ? ringsKey(rings.center, rings.radiusKm) : null;
  const ringsShown = useEffectEvent(() => rings);
  const relabel = useEffectEvent((map: maplibregl.Map) =>
    layoutLabels(map, markersRef.current, blos, selected, placeMarkersRef.current, places, foundPlace),
  );
  const moved = useEffectEvent((map: maplibregl.Map) => {
    relabel(map);
    // A flight cut short to be flown again (the map was resized under it) has not arrived yet.
    if (flight.current) {
      if (!sameCamera(cameraOf(map), flight.current)) return;
      flight.current = null;
    }
    // The posts framed for this screen are not a camera the link names: the link stays without one.
    if (framing.current) {
      framing.current = false;
      onFramed?.(cameraOf(map));
      return;
    }
    const shown = cameraOf(map);
    if (!sameCamera(shown, camera)) onCameraChange(shown);
  });
  const reach = useEffectEvent((target: Camera) => {
    const map = mapRef.current!;
    if (sameCamera(cameraOf(map), target)) return;
    if (motion === 'fly') {
      flight.current = target;
      map.flyTo({ ...cameraOptions(target), duration: 1200, essential: true });
    } else {
      flight.current = null;
      map.jumpTo(cameraOptions(target));
    }
    // How the map reached the camera it was last given, for tests.
    container.current!.dataset.cameraMove = motion;
  });

  // The map, created once; the effects below apply each prop, now and whenever it changes.
  useEffect(() => {
    const start = initialCamera();
    const map = new maplibregl.Map({
      container: container.current!,
      // The style from the start: its sources are asked for before the first frame is drawn.
      style: styleOf(initialStyleUrl()),
      ...cameraOptions(start),
      maxPitch: 60,
      attributionControl: false,
      // Needed to export the view as a picture.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    map.addControl(new maplibregl.NavigationControl({ visualizePitch: true }), 'top-right');
    const scale = new ScaleControl(initialLang());
    map.addControl(scale, 'bottom-right');
    scaleRef.current = scale;
    const overlay = new MapLibreOverlay({
      interleaved: false,
      // Keep the last frame readable, for the PNG export.
      deviceProps: { webgl: { preserveDrawingBuffer: true } },
      // The tooltip is the page's own box (below), above the BLO markers: deck.gl's would sit under them.
      onHover: (info) => {
        const content = info.picked ? tooltip(info) : null;
        const box = container.current;
        // Beside the pointer, on the side with room (the box is at most 260 px wide).
        setTip(
          content && {
            x: info.x,
            y: info.y,
            html: content.html,
            flipX: box !== null && info.x > box.clientWidth - 280,
            flipY: box !== null && info.y > box.clientHeight - 140,
          },
        );
      },
      onAfterRender: () => {
        // deck.gl's canvas takes no keys here (MapLibre's canvas does): no Tab stop without a name.
        const canvas = overlay.getCanvas();
        if (canvas && canvas.tabIndex !== -1) {
          canvas.tabIndex = -1;
          canvas.setAttribute('aria-hidden', 'true');
        }
        setDrawnLayers(layersRef.current);
      },
    });
    map.addControl(overlay);
    map.on('movestart', (e) => {
      setMapIdle(false);
      // The user took the map over: the flight is abandoned where it is.
      if (e.originalEvent) flight.current = null;
    });
    map.on('idle', () => {
      setShownCamera(cameraText(cameraOf(map)));
      setMapIdle(true);
    });
    // The camera of the first frame drawn, for tests: a link's view is there from the start, not reached after it.
    map.once('render', () => container.current?.setAttribute('data-first-camera', cameraText(cameraOf(map))));
    map.on('moveend', () => moved(map));
    // A flight aims at a point of the map's old size: resized under it (a panel opening beside it),
    // it is flown again from where it is, so it still ends centred on its target.
    map.on('resize', () => {
      const target = flight.current;
      if (target && map.isMoving()) map.flyTo({ ...cameraOptions(target), duration: 800, essential: true });
    });
    // A new style starts without the heatmap.
    map.on('style.load', () => {
      styleReady.current = true;
      applyRings(map, ringsShown());
      applyHeat(map, heatCells());
    });
    mapRef.current = map;
    overlayRef.current = overlay;
    const markers = markersRef.current;
    const placeMarkers = placeMarkersRef.current;
    const countryMarkers = countryMarkersRef.current;
    return () => {
      overlay.finalize();
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
      layersRef.current = null;
      markers.clear();
      placeMarkers.clear();
      countryMarkers.clear();
    };
  }, []);

  // A new style (the map was made with the first).
  const styleShown = useRef(styleUrl);
  useEffect(() => {
    if (styleShown.current === styleUrl) return;
    styleShown.current = styleUrl;
    styleReady.current = false;
    mapRef.current!.setStyle(styleOf(styleUrl));
  }, [styleUrl]);

  useEffect(() => {
    mapRef.current!.getCanvas().setAttribute('aria-label', ariaLabel);
  }, [ariaLabel]);

  // MapLibre names its buttons once, in English: name them in the page's language, now and on a switch.
  useEffect(() => {
    for (const [selector, key] of CONTROL_TITLES) {
      const button = container.current!.querySelector<HTMLButtonElement>(selector);
      if (!button) continue;
      button.title = t(lang, key);
      button.setAttribute('aria-label', t(lang, key));
    }
    scaleRef.current!.setLanguage(lang);
  }, [lang]);

  // The countries' names, HTML over the map in the page's language: made before the posts' markers, which draw over them.
  useEffect(() => {
    const made = syncMarkers(
      mapRef.current!,
      countryMarkersRef.current,
      countryLabels(lang),
      (l) => l.iso2,
      (l) => l.position,
      (l) => {
        const el = document.createElement('div');
        el.className = 'country-label';
        el.dataset.testid = 'country-label';
        el.dataset.country = l.iso2;
        el.setAttribute('aria-hidden', 'true');
        return el;
      },
    );
    for (const [label, marker] of made) marker.getElement().textContent = label.text;
  }, [lang]);

  // A new camera: jump or fly there (an unchanged one, e.g. the map's own move reported back, is left alone).
  useEffect(() => reach(camera), [camera]);

  // The posts framed once, at any size of the map (with the arcs' ends): names beside the outermost markers stay inside it.
  // After the camera's effect: when the posts are there from the start, the framing is what the first frame shows.
  useEffect(() => {
    if (framed.current || blos.length === 0) return;
    framed.current = true;
    framing.current = true;
    const [west, south, east, north] = postFrame(blos.map((b) => b.lngLat));
    // Room beside the frame for the names of the posts at its sides.
    mapRef.current!.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: { top: 20, bottom: 10, left: 80, right: 80 }, maxZoom: 7, animate: false },
    );
  }, [blos]);

  useEffect(() => {
    const map = mapRef.current!;
    if (!styleReady.current) return;
    // Not idle until MapLibre has drawn the rings.
    if (applyRings(map, ringsShown())) setMapIdle(false);
  }, [ringsShownKey]);

  useEffect(() => {
    const map = mapRef.current!;
    if (!styleReady.current) return;
    applyHeat(map, heat);
    // Not idle until MapLibre has drawn the new heat.
    setMapIdle(false);
  }, [heat]);

  useEffect(() => {
    layersRef.current = layers;
    overlayRef.current!.setProps({ layers });
  }, [layers]);

  // BLO markers: real buttons, so Tab reaches every post and Enter opens its panel.
  useEffect(() => {
    const map = mapRef.current!;
    const made = syncMarkers(
      map,
      markersRef.current,
      blos,
      (b) => b.code,
      (b) => b.lngLat,
      (blo) => {
        const el = document.createElement('div');
        el.className = 'blo-marker';
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.testid = 'blo-marker';
        button.dataset.code = blo.code;
        button.addEventListener('click', (e) => {
          e.stopPropagation();
          selectBlo(blo.code);
        });
        const label = document.createElement('span');
        label.className = 'blo-label';
        el.append(button, label);
        return el;
      },
    );
    for (const [blo, marker] of made) {
      marker.setLngLat(blo.lngLat);
      const el = marker.getElement();
      const button = el.querySelector('button')!;
      button.setAttribute('aria-label', blo.ariaLabel);
      button.title = blo.ariaLabel;
      button.dataset.status = blo.status;
      if (blo.unusual) button.dataset.unusual = blo.unusual;
      else delete button.dataset.unusual;
      let badge = el.querySelector<HTMLElement>('.marker-badge');
      if (blo.unusual && !badge) {
        badge = document.createElement('span');
        badge.className = 'marker-badge';
        badge.dataset.testid = 'marker-badge';
        badge.setAttribute('aria-hidden', 'true');
        button.append(badge);
      }
      if (badge && !blo.unusual) badge.remove();
      else if (badge && blo.unusual) {
        badge.dataset.flag = blo.unusual;
        badge.textContent = UNUSUAL_MARK[blo.unusual];
        badge.style.color = rgbCss(UNUSUAL_COLORS[blo.unusual]);
      }
      el.classList.toggle('unconfirmed', blo.status === 'unconfirmed');
      el.classList.toggle('selected', blo.code === selected);
      button.setAttribute('aria-pressed', String(blo.code === selected));
      el.querySelector('.blo-label')!.textContent = blo.label;
    }
    relabel(map);
  }, [blos, selected]);

  // Places: a dot and a name, under the posts; which are written is decided by layoutLabels.
  useEffect(() => {
    const map = mapRef.current!;
    const made = syncMarkers(
      map,
      placeMarkersRef.current,
      places,
      (p) => p.id,
      (p) => p.anchors[0],
      (place) => {
        const el = document.createElement('div');
        el.className = 'place-marker';
        el.dataset.testid = 'place';
        el.dataset.id = place.id;
        el.dataset.kind = place.kind;
        el.dataset.side = 'none';
        const dot = document.createElement('span');
        dot.className = 'place-dot';
        const label = document.createElement('span');
        label.className = 'place-label';
        el.append(dot, label);
        return el;
      },
    );
    for (const [place, marker] of made) {
      const el = marker.getElement();
      el.querySelector('.place-label')!.textContent = place.label;
      el.classList.toggle('found', place.id === foundPlace);
    }
    relabel(map);
  }, [places, foundPlace]);

  // Idle: the map has settled, deck.gl has drawn the current layers, and no data or tile is on its way.
  const idle = mapIdle && drawnLayers === layers && !busy && !tilesPending && !(cellsWanted && !cellLayers);
  return (
    <>
      <div
        ref={container}
        className="map"
        data-testid="map"
        data-map-state={idle ? 'idle' : 'loading'}
        data-camera={shownCamera}
        data-blo-markers={blos.length}
        data-drawn-layers={drawnLayers?.map((l) => l.id).join(',')}
      />
      {tip && (
        <div
          className="map-tooltip"
          role="tooltip"
          data-testid="map-tooltip"
          style={{
            left: tip.x + 12,
            top: tip.y + 12,
            transform: `translate(${tip.flipX ? 'calc(-100% - 24px)' : '0'}, ${tip.flipY ? 'calc(-100% - 24px)' : '0'})`,
          }}
          // Built by lib/map/map-tooltip.ts, which escapes every text it places.
          dangerouslySetInnerHTML={{ __html: tip.html }}
        />
      )}
    </>
  );
}

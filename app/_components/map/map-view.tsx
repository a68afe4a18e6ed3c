'use client';
/**
 * The map: MapLibre with the offline basemap (or a hosted style), BLO markers as focusable buttons,
 * and deck.gl layers through MapLibreOverlay. A function of its props: the camera, the layers and
 * the BLOs come in; camera moves and BLO clicks go out. `data-map-state` on the container reads
 * `idle` once the map has settled, every layer's data has arrived and deck.gl has drawn it.
 */
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { useEffect, useRef } from 'react';
import { offlineBasemapStyle } from '@/lib/map/basemap-style';
import type { Camera } from '@/lib/url/view-state';
import { placeLabels, type LabelCandidate } from '@/lib/map/label-placement';

// Bundled maplibre-gl 6 cannot find its worker on its own (the map would never load).
maplibregl.setWorkerUrl(new URL('maplibre-gl/dist/maplibre-gl-worker.mjs', import.meta.url).href);

export interface MarkerBlo {
  code: string;
  label: string;
  ariaLabel: string;
  lngLat: [number, number];
  status: 'confirmed' | 'unconfirmed';
  /** Whose name is written first where names would collide (e.g. seizures counted). */
  labelPriority: number;
}

export interface MapViewProps {
  camera: Camera;
  /** Fly (animated) rather than jump when the camera prop changes, e.g. to a paired BLO. */
  flyKey?: number;
  styleUrl: string | null;
  blos: MarkerBlo[];
  selected: string | null;
  layers: Layer[];
  /** Data for some layer is still loading (the map is not idle until it arrives). */
  busy: boolean;
  /** Tiles still loading in the viewport (vector-tile layer). */
  tilesPending: boolean;
  ariaLabel: string;
  getTooltip: (info: PickingInfo) => { html: string } | null;
  onCameraChange: (camera: Camera) => void;
  onSelectBlo: (code: string) => void;
}

const sameCamera = (a: Camera, b: Camera) =>
  Math.abs(a.center[0] - b.center[0]) < 1e-4 && Math.abs(a.center[1] - b.center[1]) < 1e-4 && Math.abs(a.zoom - b.zoom) < 0.01 &&
  Math.abs(a.bearing - b.bearing) < 0.1 && Math.abs(a.pitch - b.pitch) < 0.1;

function cameraOf(map: maplibregl.Map): Camera {
  const c = map.getCenter();
  return { center: [c.lng, c.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
}

/** Marker radius (the selected one's, the largest) and the space before its name, px. */
const LABEL_OPTIONS = { markerRadius: 10, gap: 3 };

/**
 * Writes each BLO's name on a free side of its marker, or hides it where none is free: names never
 * cover each other or another post. Run when the zoom, the markers or the selection change.
 */
function layoutLabels(map: maplibregl.Map, markers: Map<string, maplibregl.Marker>, blos: MarkerBlo[], selected: string | null) {
  const candidates: LabelCandidate[] = [];
  const labels = new Map<string, HTMLElement>();
  for (const blo of blos) {
    const el = markers.get(blo.code)?.getElement();
    const label = el?.querySelector<HTMLElement>('.blo-label');
    if (!label) continue;
    const { x, y } = map.project(blo.lngLat);
    labels.set(blo.code, label);
    candidates.push({ id: blo.code, x, y, width: label.offsetWidth, height: label.offsetHeight, priority: blo.code === selected ? Infinity : blo.labelPriority });
  }
  for (const [code, side] of placeLabels(candidates, LABEL_OPTIONS)) labels.get(code)!.dataset.side = side ?? 'none';
}

export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  const markersRef = useRef(new Map<string, maplibregl.Marker>());
  const latest = useRef(props);
  latest.current = props;
  // Readiness: map idle, deck drawn after the last layer change, no data or tiles pending.
  const ready = useRef({ mapIdle: false, deckDrawn: false });

  const publishState = () => {
    const el = container.current;
    if (!el) return;
    const p = latest.current;
    const idle = ready.current.mapIdle && ready.current.deckDrawn && !p.busy && !p.tilesPending;
    el.dataset.mapState = idle ? 'idle' : 'loading';
  };

  useEffect(() => {
    const el = container.current!;
    const p = latest.current;
    const map = new maplibregl.Map({
      container: el,
      style: p.styleUrl ?? offlineBasemapStyle(new URL('/api/countries', window.location.href).href),
      center: p.camera.center,
      zoom: p.camera.zoom,
      bearing: p.camera.bearing,
      pitch: p.camera.pitch,
      maxPitch: 60,
      attributionControl: false,
      // Needed to export the view as a picture.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    map.addControl(new maplibregl.NavigationControl({ visualizePitch: true }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    const overlay = new MapLibreOverlay({
      interleaved: false,
      // Keep the last frame readable, for the PNG export.
      deviceProps: { webgl: { preserveDrawingBuffer: true } },
      layers: p.layers,
      getTooltip: (info) => latest.current.getTooltip(info),
      onAfterRender: () => {
        ready.current.deckDrawn = true;
        publishState();
      },
    });
    map.addControl(overlay);
    map.getCanvas().setAttribute('aria-label', p.ariaLabel);
    map.on('movestart', () => {
      ready.current.mapIdle = false;
      publishState();
    });
    map.on('idle', () => {
      ready.current.mapIdle = true;
      // The camera actually shown, for tests and exports: lng,lat,zoom,bearing,pitch.
      const cam = cameraOf(map);
      el.dataset.camera = [cam.center[0].toFixed(4), cam.center[1].toFixed(4), cam.zoom.toFixed(2), cam.bearing.toFixed(1), cam.pitch.toFixed(1)].join(',');
      publishState();
    });
    map.on('moveend', () => {
      const cam = cameraOf(map);
      layoutLabels(map, markersRef.current, latest.current.blos, latest.current.selected);
      if (!sameCamera(cam, latest.current.camera)) latest.current.onCameraChange(cam);
    });
    mapRef.current = map;
    overlayRef.current = overlay;
    publishState();
    return () => {
      overlay.finalize();
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
      markersRef.current.clear();
    };
    // The map is created once; later prop changes are applied by the effects below.
  }, []);

  // Camera from props (a link opened, Back pressed, a BLO flown to).
  useEffect(() => {
    const map = mapRef.current;
    if (!map || sameCamera(cameraOf(map), props.camera)) return;
    const target = { center: props.camera.center, zoom: props.camera.zoom, bearing: props.camera.bearing, pitch: props.camera.pitch };
    if (props.flyKey) map.flyTo({ ...target, duration: 1200, essential: true });
    else map.jumpTo(target);
  }, [props.camera, props.flyKey]);

  // deck.gl layers.
  useEffect(() => {
    ready.current.deckDrawn = false;
    overlayRef.current?.setProps({ layers: props.layers });
    publishState();
  }, [props.layers]);

  useEffect(publishState, [props.busy, props.tilesPending]);

  // BLO markers: real buttons, so Tab reaches every post and Enter opens its panel.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const markers = markersRef.current;
    for (const [code, marker] of markers) {
      if (!props.blos.some((b) => b.code === code)) {
        marker.remove();
        markers.delete(code);
      }
    }
    for (const blo of props.blos) {
      let marker = markers.get(blo.code);
      if (!marker) {
        const el = document.createElement('div');
        el.className = 'blo-marker';
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.testid = 'blo-marker';
        button.dataset.code = blo.code;
        button.addEventListener('click', (e) => {
          e.stopPropagation();
          latest.current.onSelectBlo(blo.code);
        });
        const label = document.createElement('span');
        label.className = 'blo-label';
        el.append(button, label);
        marker = new maplibregl.Marker({ element: el, anchor: 'center' }).setLngLat(blo.lngLat).addTo(map);
        markers.set(blo.code, marker);
      }
      const el = marker.getElement();
      const button = el.querySelector('button')!;
      button.setAttribute('aria-label', blo.ariaLabel);
      button.title = blo.ariaLabel;
      button.dataset.status = blo.status;
      el.classList.toggle('unconfirmed', blo.status === 'unconfirmed');
      el.classList.toggle('selected', blo.code === props.selected);
      button.setAttribute('aria-pressed', String(blo.code === props.selected));
      el.querySelector('.blo-label')!.textContent = blo.label;
    }
    layoutLabels(map, markers, props.blos, props.selected);
  }, [props.blos, props.selected]);

  return <div ref={container} className="map" data-testid="map" data-map-state="loading" data-blo-markers={props.blos.length} />;
}

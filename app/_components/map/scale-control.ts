/**
 * The map's scale, as a MapLibre control: MapLibre's own ScaleControl writes its unit and number in
 * English ("0.5 km") whatever the page's language; this one writes them with formatDistance in the
 * interface language ("500 м", "200 км") and can change language while the map lives.
 */
import type * as maplibregl from 'maplibre-gl';
import { formatDistance, t } from '@/lib/i18n/i18n';
import { scaleBar } from '@/lib/map/scale-bar';
import type { Language } from '@/lib/url/view-state';

/** The bar's longest length, CSS px (MapLibre's default). */
const MAX_WIDTH_PX = 100;

export class ScaleControl implements maplibregl.IControl {
  private map: maplibregl.Map | null = null;
  private readonly element: HTMLDivElement;

  constructor(private lang: Language) {
    this.element = document.createElement('div');
    // MapLibre's class, so the bar keeps its look.
    this.element.className = 'maplibregl-ctrl maplibregl-ctrl-scale';
    this.element.dataset.testid = 'map-scale';
    this.element.title = t(lang, 'mapScale');
  }

  onAdd(map: maplibregl.Map): HTMLElement {
    this.map = map;
    map.on('move', this.update);
    map.on('resize', this.update);
    this.update();
    return this.element;
  }

  onRemove(): void {
    this.map?.off('move', this.update);
    this.map?.off('resize', this.update);
    this.element.remove();
    this.map = null;
  }

  setLanguage(lang: Language): void {
    this.lang = lang;
    this.element.title = t(lang, 'mapScale');
    this.update();
  }

  /** Measures the ground across the middle of the map, as MapLibre's scale does. */
  private readonly update = (): void => {
    const map = this.map;
    if (!map) return;
    const canvas = map.getCanvas();
    const room = Math.min(MAX_WIDTH_PX, canvas.clientWidth);
    const x = canvas.clientWidth / 2;
    const y = canvas.clientHeight / 2;
    const left = map.unproject([x - room / 2, y]);
    const right = map.unproject([x + room / 2, y]);
    const bar = scaleBar(left.distanceTo(right), room);
    if (!bar) return;
    this.element.style.width = `${bar.px}px`;
    const text = formatDistance(this.lang, bar.meters);
    if (this.element.textContent !== text) this.element.textContent = text;
  };
}

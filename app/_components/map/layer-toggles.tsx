'use client';
import { t } from '@/lib/i18n/i18n';
import { MAP_LAYERS, type Language, type MapLayerId } from '@/lib/url/view-state';

/**
 * A checkbox per map layer; `onChange` gets the layers on, in the canonical order. Without
 * `events` (aggregates only) the points cannot be turned on, and the box says why.
 */
export function LayerToggles({
  lang,
  layers,
  events,
  onChange,
}: {
  lang: Language;
  layers: readonly MapLayerId[];
  events: boolean;
  onChange(layers: MapLayerId[]): void;
}) {
  const toggle = (id: MapLayerId) => onChange(MAP_LAYERS.filter((l) => (l === id ? !layers.includes(l) : layers.includes(l))));
  return (
    <fieldset className="layer-toggles" aria-label={t(lang, 'layers')}>
      <legend>{t(lang, 'layers')}</legend>
      {MAP_LAYERS.map((id) => (
        <label key={id} title={id === 'points' && !events ? t(lang, 'recentHidden') : undefined}>
          <input
            type="checkbox"
            data-testid={`layer-${id}`}
            checked={layers.includes(id)}
            disabled={id === 'points' && !events}
            onChange={() => toggle(id)}
          />{' '}
          {t(lang, id)}
        </label>
      ))}
    </fieldset>
  );
}

'use client';
import { t } from '@/lib/i18n/i18n';
import { MAP_LAYERS, type Language, type MapLayerId } from '@/lib/url/view-state';

/** A checkbox per map layer; `onChange` gets the layers on, in the canonical order. */
export function LayerToggles({
  lang,
  layers,
  onChange,
}: {
  lang: Language;
  layers: readonly MapLayerId[];
  onChange(layers: MapLayerId[]): void;
}) {
  const toggle = (id: MapLayerId) => onChange(MAP_LAYERS.filter((l) => (l === id ? !layers.includes(l) : layers.includes(l))));
  return (
    <fieldset className="layer-toggles" aria-label={t(lang, 'layers')}>
      <legend>{t(lang, 'layers')}</legend>
      {MAP_LAYERS.map((id) => (
        <label key={id}>
          <input type="checkbox" data-testid={`layer-${id}`} checked={layers.includes(id)} onChange={() => toggle(id)} /> {t(lang, id)}
        </label>
      ))}
    </fieldset>
  );
}

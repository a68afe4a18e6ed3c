'use client';
import { t } from '@/lib/i18n/i18n';
import { MAP_LAYERS, type Language, type MapLayerId } from '@/lib/url/view-state';

/**
 * A checkbox per map layer; `onChange` gets the layers on, in the canonical order. Without
 * `events` (aggregates only) the points cannot be turned on, and the box says why; the catchment
 * rings say that they need a post, the change per hexagon that it needs a comparison period.
 */
export function LayerToggles({
  lang,
  layers,
  events,
  postSelected,
  canCompare,
  onChange,
}: {
  lang: Language;
  layers: readonly MapLayerId[];
  events: boolean;
  /** A post's panel is open: its catchment rings can be drawn. */
  postSelected: boolean;
  /** The view has a comparison period: the change per hexagon can be drawn. */
  canCompare: boolean;
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
          {id === 'rings' && !postSelected && <span className="note"> ({t(lang, 'ringsNeedPost')})</span>}
          {id === 'changes' && !canCompare && (
            <span className="note" title={t(lang, 'changesNeedComparison')}>
              {' '}
              ({t(lang, 'changesNeedComparisonShort')})
            </span>
          )}
        </label>
      ))}
    </fieldset>
  );
}

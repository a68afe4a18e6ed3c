'use client';
import { t } from '@/lib/i18n/i18n';
import { SUBSTANCES } from '@/lib/catalogue/substances';
import { RAMP_CSS, substanceCss } from '@/lib/map/substance-colors';
import type { Language, MapLayerId } from '@/lib/url/view-state';

interface Props {
  lang: Language;
  layers: MapLayerId[];
  /** Substances present under the filters (only those are listed). */
  substances: string[];
  hexMax: number | null;
  tiles: boolean;
  radiusKm: number | null;
}

/** What each visible symbol means; one section per layer that is on. */
export function Legend({ lang, layers, substances, hexMax, tiles, radiusKm }: Props) {
  const shown = SUBSTANCES.filter((s) => substances.includes(s.code));
  return (
    <details className="legend" data-testid="legend" open>
      <summary>{t(lang, 'legend')}</summary>
      <div className="legend-row">
        <span className="legend-blo" aria-hidden /> {t(lang, 'bloConfirmed')}
      </div>
      <div className="legend-row">
        <span className="legend-blo unconfirmed" aria-hidden /> {t(lang, 'bloUnconfirmed')}
      </div>
      {layers.includes('points') && (
        <div className="legend-block" data-layer="points">
          <div className="legend-title">{t(lang, 'points')} <span className="note">({t(lang, 'sizeKg')})</span></div>
          <ul className="legend-substances">
            {shown.map((s) => (
              <li key={s.code}>
                <span className="dot" style={{ background: substanceCss(s.code) }} aria-hidden />
                {s[lang]}
              </li>
            ))}
          </ul>
          {tiles && <div className="note">{t(lang, 'manyPoints')}</div>}
        </div>
      )}
      {(layers.includes('hexagons') || layers.includes('heatmap')) && (
        <div className="legend-block" data-layer="hexagons">
          <div className="legend-title">{t(lang, layers.includes('hexagons') ? 'hexagons' : 'heatmap')}</div>
          <div className="ramp" style={{ background: RAMP_CSS }} aria-hidden />
          <div className="ramp-labels">
            <span>{t(lang, 'fewer')}</span>
            <span>{hexMax !== null && layers.includes('hexagons') ? `${hexMax.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB')} ${t(lang, 'perCell')}` : t(lang, 'more')}</span>
          </div>
        </div>
      )}
      {layers.includes('routes') && (
        <div className="legend-block" data-layer="routes">
          <div className="legend-title">{t(lang, 'routes')}</div>
          <div className="arc-key" aria-hidden />
          <div className="note">{t(lang, 'originDestination')}, {t(lang, 'width')}</div>
        </div>
      )}
      {layers.includes('rings') && radiusKm !== null && (
        <div className="legend-block" data-layer="rings">
          <span className="ring-key" aria-hidden /> {t(lang, 'rings')}: {radiusKm} / {radiusKm / 2} km
        </div>
      )}
    </details>
  );
}

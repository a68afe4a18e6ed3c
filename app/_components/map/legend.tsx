'use client';
import { gradientCss, rgbCss, UNUSUAL_COLORS, UNUSUAL_MARK } from '@/lib/map/colors';
import type { LegendModel, LegendSwatch } from '@/lib/map/legend-model';

function Swatch({ swatch }: { swatch: LegendSwatch }) {
  switch (swatch.shape) {
    case 'blo':
      return <span className={`legend-blo${swatch.status === 'unconfirmed' ? ' unconfirmed' : ''}`} aria-hidden />;
    case 'dot':
      return <span className="dot" style={{ background: rgbCss(swatch.color) }} aria-hidden />;
    case 'ring':
      return <span className="ring-key" style={{ borderColor: rgbCss(swatch.color) }} aria-hidden />;
    case 'bar':
      return <div className="legend-bar" style={{ background: gradientCss(swatch.colors) }} aria-hidden />;
    case 'unusual':
      return (
        <span className="unusual-mark" style={{ color: rgbCss(UNUSUAL_COLORS[swatch.flag]) }} aria-hidden>
          {UNUSUAL_MARK[swatch.flag]}
        </span>
      );
  }
}

/**
 * What each visible symbol means (lib/map/legend-model.ts): the BLO markers, then one section per
 * layer that is on. `strip`: a row under the map that never covers it (the dashboard); otherwise a
 * box over the map's corner (the briefing, whose map has room for it).
 */
export function Legend({ model, strip = false }: { model: LegendModel; strip?: boolean }) {
  const Frame = strip ? 'section' : 'details';
  return (
    <Frame className={`legend${strip ? ' strip' : ''}`} data-testid="legend" {...(strip ? { 'aria-label': model.title } : { open: true })}>
      {strip ? <h2 className="legend-heading">{model.title}</h2> : <summary>{model.title}</summary>}
      <div className="legend-block legend-blos">
        {model.blos.map((entry) => (
          <div key={entry.label} className="legend-row">
            <Swatch swatch={entry.swatch} /> {entry.label}
          </div>
        ))}
      </div>
      {model.sections.map((section) => (
        <div key={section.layer} className="legend-block" data-layer={section.layer}>
          {section.kind === 'list' && (
            <>
              <div className="legend-title">
                {section.title} <span className="note">({section.titleNote})</span>
              </div>
              <ul className="legend-substances">
                {section.entries.map((entry) => (
                  <li key={entry.label}>
                    <Swatch swatch={entry.swatch} />
                    {entry.label}
                  </li>
                ))}
              </ul>
              {section.help && (
                <details className="legend-help" data-testid={`legend-help-${section.layer}`}>
                  <summary>{section.help.title}</summary>
                  {section.help.paragraphs.map((p) => (
                    <p key={p}>{p}</p>
                  ))}
                </details>
              )}
            </>
          )}
          {section.kind === 'bar' && (
            <>
              <div className="legend-title">{section.title}</div>
              <Swatch swatch={section.entry.swatch} />
              {section.ends && (
                <div className="ramp-labels">
                  <span>{section.ends[0]}</span>
                  <span>{section.ends[1]}</span>
                </div>
              )}
              {section.extra && (
                <div className="legend-row" data-testid="legend-withheld">
                  <Swatch swatch={section.extra.swatch} /> {section.extra.label}
                </div>
              )}
            </>
          )}
          {section.kind === 'entry' && (
            <>
              <Swatch swatch={section.entry.swatch} /> {section.entry.label}
            </>
          )}
          {section.kind !== 'entry' && section.note && <div className="note">{section.note}</div>}
        </div>
      ))}
    </Frame>
  );
}

/**
 * How a month with no report is drawn in every chart: hatched, never a zero bar. One pattern per
 * chart (ids are unique per page through useId), and the key that explains it.
 */
import { useId } from 'react';
import { t } from '@/lib/i18n/i18n';
import type { Language } from '@/lib/url/view-state';

/** The pattern's id for the SVG it is defined in, and the element that defines it. */
export function useHatch(): { fill: string; defs: React.ReactNode } {
  const id = `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return {
    fill: `url(#${id})`,
    defs: (
      <defs>
        <pattern id={id} width={5} height={5} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width={5} height={5} className="hatch-ground" />
          <line x1={0} y1={0} x2={0} y2={5} className="hatch-line" />
        </pattern>
      </defs>
    ),
  };
}

/** A small square of the hatch, for keys and legends. */
export function HatchSwatch({ className = '' }: { className?: string }) {
  const { fill, defs } = useHatch();
  return (
    <svg
      className={`hatch-swatch ${className}`}
      width={12}
      height={12}
      style={{ display: 'inline-block', width: 12, height: className === 'thin' ? 6 : 12 }}
      aria-hidden
    >
      {defs}
      <rect width={12} height={12} fill={fill} />
    </svg>
  );
}

/** "▨ no report": the key under a chart that draws months with no report. */
export function NoReportKey({ lang, text = 'statusNone' }: { lang: Language; text?: 'statusNone' | 'keyNoReport' }) {
  return (
    <span className="key-item">
      <HatchSwatch /> {t(lang, text)}
    </span>
  );
}

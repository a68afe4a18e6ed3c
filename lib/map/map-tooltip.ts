/**
 * The map's tooltips: what is under the pointer, as HTML for deck.gl's tooltip box. Every text that
 * comes from data or translations is escaped (deck.gl inserts the string as HTML).
 */
import type { PickingInfo } from '@deck.gl/core';
import type { EmergingCell, HotspotCell, RouteFlow } from '@/lib/api/api-types';
import { TREND_ALPHA } from '@/lib/analysis/emerging-hot-spots';
import type { EmergingStep } from '@/lib/analysis/emerging-settings';
import { levelStrip, zSparkline } from './sparkline';
import type { CellChange } from './cell-change';
import type { DecodedColumns } from '@/lib/api/seizure-columns-codec';
import {
  countOf,
  countryName,
  emergingCategoryName,
  formatCount,
  formatP,
  formatSigned,
  formatDay,
  formatFigure,
  formatKg,
  substanceName,
  t,
} from '@/lib/i18n/i18n';
import { daysToIso } from '@/lib/time/dates';
import type { Language } from '@/lib/url/view-state';
import { LAYER_IDS, type TileProps } from './layer-data';

/** Text made safe to place in HTML, in content or in a quoted attribute. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The picked object's tooltip, or null when nothing with a tooltip is under the pointer. */
export function tooltipFor(
  info: Pick<PickingInfo, 'index' | 'layer' | 'object'>,
  lang: Language,
  columns: DecodedColumns | undefined,
  emergingStep: EmergingStep = 'month',
): { html: string } | null {
  if (info.index < 0 || !info.layer) return null;
  const name = (code: string) => escapeHtml(substanceName(lang, code));
  const line = (label: string, value: string) => `<div><span class="tt-label">${escapeHtml(label)}</span> ${escapeHtml(value)}</div>`;
  const html = (title: string, ...lines: string[]) => ({ html: `<strong>${title}</strong>${lines.join('')}` });
  switch (info.layer.id) {
    case LAYER_IDS.points: {
      if (!columns || info.index >= columns.count) return null;
      const i = info.index;
      return html(
        name(columns.header.substances[columns.substance[i]]),
        line(formatKg(lang, columns.kgEq[i]), formatDay(lang, daysToIso(columns.days[i]))),
      );
    }
    case LAYER_IDS.hexagons: {
      const c = info.object as HotspotCell;
      if (c.count === null) return html(escapeHtml(t(lang, 'withheld')), line('', t(lang, 'withheldTitle')));
      return html(
        escapeHtml(countOf(lang, c.count, 'seizure')),
        line(t(lang, 'kgEq'), formatKg(lang, c.kgEq)),
        ...(c.topSubstance ? [line(t(lang, 'top'), substanceName(lang, c.topSubstance))] : []),
        ...(c.firstSeizedOn && c.lastSeizedOn
          ? [line(t(lang, 'period'), `${formatDay(lang, c.firstSeizedOn)} – ${formatDay(lang, c.lastSeizedOn)}`)]
          : []),
      );
    }
    case LAYER_IDS.changes: {
      const c = info.object as CellChange;
      if (c.change === null) return html(escapeHtml(t(lang, 'withheld')), line('', t(lang, 'withheldTitle')));
      const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '±');
      return html(
        escapeHtml(`${sign(c.change)}${countOf(lang, Math.abs(c.change), 'seizure')}`),
        line(t(lang, 'changeNow'), countOf(lang, c.now ?? 0, 'seizure')),
        line(t(lang, 'changeBefore'), countOf(lang, c.before ?? 0, 'seizure')),
        ...(c.kgChange === null ? [] : [line(t(lang, 'kgEq'), `${sign(c.kgChange)}${formatKg(lang, Math.abs(c.kgChange))}`)]),
      );
    }
    case LAYER_IDS.emerging: {
      const c = info.object as EmergingCell;
      const steps = c.levels.length;
      const trend = c.trend.p < TREND_ALPHA ? t(lang, c.trend.s > 0 ? 'emergingRising' : 'emergingFalling') : t(lang, 'emergingNoTrend');
      const significant = t(lang, 'emergingSignificant', {
        k: formatCount(lang, c.significantSteps),
        n: countOf(lang, steps, emergingStep === 'quarter' ? 'quarterOf' : 'monthOf'),
      });
      const spark = t(lang, 'emergingSparkline');
      return {
        html:
          `<strong>${escapeHtml(emergingCategoryName(lang, c.category))}</strong>: ${escapeHtml(`${significant}, ${trend}`)}` +
          (c.z === null || c.p === null ? '' : line(t(lang, 'emergingLastZ'), `z = ${formatSigned(lang, c.z)}, p ${formatP(lang, c.p)}`)) +
          line(t(lang, 'emergingTrend'), `τ = ${formatSigned(lang, c.trend.tau)}, p ${formatP(lang, c.trend.p)}`) +
          (c.zs ? zSparkline(c.zs, escapeHtml(spark)) : levelStrip(c.levels, escapeHtml(spark))),
      };
    }
    case LAYER_IDS.routes: {
      const f = info.object as RouteFlow;
      return html(
        `${escapeHtml(countryName(lang, f.origin))} → ${escapeHtml(countryName(lang, f.destination))}`,
        line(t(lang, 'seizures'), formatFigure(lang, f.count, formatCount)),
        line(t(lang, 'kgEq'), formatFigure(lang, f.kgEq, formatKg)),
      );
    }
    default: {
      // Vector-tile features (the sub-layers carry the tile layer's id as a prefix).
      if (!info.layer.id.startsWith(LAYER_IDS.tiles)) return null;
      const p = (info.object as { properties?: TileProps } | undefined)?.properties;
      if (!p) return null;
      return html(
        name(p.substance),
        line(t(lang, 'seizures'), formatCount(lang, p.count)),
        line(t(lang, 'kgEq'), formatKg(lang, p.kg)),
        line(t(lang, 'lastSeizure'), formatDay(lang, daysToIso(p.last))),
      );
    }
  }
}

/**
 * What each symbol on the map means, for the layers that are on: one model drawn twice, as the
 * on-screen legend (app/_components/map/legend.tsx) and in the exported picture (one row per symbol).
 * Colours come from ./colors, the same values the layers are drawn with.
 */
import { SUBSTANCES } from '@/lib/catalogue/substances';
import type { BloStatus } from '@/lib/catalogue/vocabulary';
import { countOf, emergingCategoryName, formatCount, formatDay, formatKm, formatNumber, t } from '@/lib/i18n/i18n';
import type { EmergingAnswer, EmergingCategoryKey } from '@/lib/api/api-types';
import { HOT_SPOT_PATTERNS } from '@/lib/analysis/emerging-hot-spots';
import type { DateRange } from '@/lib/time/dates';
import type { Language, MapLayerId } from '@/lib/url/view-state';
import {
  CHANGE_RAMP,
  EMERGING_COLORS,
  HEATMAP_RAMP,
  HOTSPOT_RAMP,
  RING_COLOR,
  ROUTE_COLORS,
  substanceColor,
  WITHHELD_COLOR,
  type Rgb,
} from './colors';

export type LegendSwatch =
  /** A BLO marker (colours: BLO_COLORS). */
  | { shape: 'blo'; status: BloStatus }
  | { shape: 'dot'; color: Rgb }
  /** A dashed ring, as the catchment rings are drawn. */
  | { shape: 'ring'; color: Rgb }
  /** A bar running through the colours left to right (a ramp, or an arc's fade). */
  | { shape: 'bar'; colors: readonly Rgb[] }
  /** The badge of a post whose latest month is unusual: ▲ high, ▼ low. */
  | { shape: 'unusual'; flag: 'high' | 'low' };

export interface LegendEntry {
  label: string;
  swatch: LegendSwatch;
}

export type LegendSection =
  /** A title over a list of symbols (the seizures by substance); `help` opens from it (how the layer is computed). */
  | {
      kind: 'list';
      layer: MapLayerId;
      title: string;
      titleNote: string;
      entries: LegendEntry[];
      note: string | null;
      help?: { title: string; paragraphs: string[] };
    }
  /** A title over a colour bar, with words at its two ends or a note under it; `entry` names it in one row. */
  | {
      kind: 'bar';
      layer: MapLayerId;
      title: string;
      ends: [low: string, high: string] | null;
      note: string | null;
      entry: LegendEntry;
      /** A second symbol of the layer (hexagons whose figures are withheld), or null. */
      extra: LegendEntry | null;
    }
  /** One symbol with its label. */
  | { kind: 'entry'; layer: MapLayerId; entry: LegendEntry };

export interface LegendModel {
  title: string;
  /** The two kinds of BLO marker, always shown. */
  blos: LegendEntry[];
  /** One section per layer that is on (and has something to explain), in the layer order. */
  sections: LegendSection[];
}

export interface LegendInput {
  lang: Language;
  layers: readonly MapLayerId[];
  /** Substances present under the filters (only those are listed). */
  substances: readonly string[];
  /** Seizures in the busiest hexagon, when known. */
  hexMax: number | null;
  /** The colour scale is the whole period's while the map plays part of it. */
  scaleOfPeriod?: boolean;
  /** Seizures drawn as merged vector tiles rather than one by one. */
  tiles: boolean;
  /** Catchment radius of the selected BLO, km; null when none is selected (no rings drawn). */
  radiusKm: number | null;
  /**
   * The change per hexagon: the largest change either way (null until known) and the period it is
   * counted against (null: there is none, so none is drawn).
   */
  change?: { scale: number | null; against: DateRange | null };
  /** The threshold of withheld figures, when some hexagon drawn is withheld; else null. */
  withheldBelow?: number | null;
  /** The emerging hot spot analysis drawn (null until it is here). */
  emerging?: EmergingAnswer | null;
  /** Which badges of an unusual latest month the markers carry. */
  unusual?: readonly ('high' | 'low')[];
}

export function legendModel({
  lang,
  layers,
  substances,
  hexMax,
  scaleOfPeriod = false,
  change = { scale: null, against: null },
  tiles,
  radiusKm,
  withheldBelow = null,
  emerging = null,
  unusual = [],
}: LegendInput): LegendModel {
  const on = (layer: MapLayerId) => layers.includes(layer);
  const sections: LegendSection[] = [];
  if (on('points')) {
    sections.push({
      kind: 'list',
      layer: 'points',
      title: t(lang, 'points'),
      titleNote: t(lang, 'sizeKg'),
      entries: SUBSTANCES.filter((s) => substances.includes(s.code)).map((s) => ({
        label: s[lang],
        swatch: { shape: 'dot', color: substanceColor(s.code) },
      })),
      note: tiles ? t(lang, 'manyPoints') : null,
    });
  }
  if (on('hexagons')) {
    const title = t(lang, 'hexagons');
    const high = hexMax === null ? t(lang, 'more') : `${formatCount(lang, hexMax)} ${t(lang, 'perCell')}`;
    sections.push({
      kind: 'bar',
      layer: 'hexagons',
      title,
      ends: [t(lang, 'fewer'), high],
      note: scaleOfPeriod ? t(lang, 'scaleOfPeriod') : null,
      entry: { label: title, swatch: { shape: 'bar', colors: HOTSPOT_RAMP } },
      extra:
        withheldBelow === null
          ? null
          : { label: t(lang, 'withheldCells', { k: withheldBelow }), swatch: { shape: 'dot', color: WITHHELD_COLOR } },
    });
  }
  if (on('changes')) {
    const title = t(lang, 'changes');
    const { scale, against } = change;
    sections.push({
      kind: 'bar',
      layer: 'changes',
      title,
      ends: against && scale !== null ? [`−${formatCount(lang, scale)}`, `+${formatCount(lang, scale)}`] : null,
      note: against
        ? t(lang, 'changesNote', { period: `${formatDay(lang, against.from)} – ${formatDay(lang, against.to)}` })
        : t(lang, 'changesNeedComparison'),
      entry: { label: title, swatch: { shape: 'bar', colors: CHANGE_RAMP } },
      extra: null,
    });
  }
  if (on('emerging')) sections.push(emergingSection(lang, emerging));
  if (on('heatmap')) {
    const title = t(lang, 'heatmap');
    sections.push({
      kind: 'bar',
      layer: 'heatmap',
      title,
      ends: [t(lang, 'fewer'), t(lang, 'more')],
      note: null,
      entry: { label: title, swatch: { shape: 'bar', colors: HEATMAP_RAMP } },
      extra: null,
    });
  }
  if (on('routes')) {
    const title = t(lang, 'routes');
    const colors = [ROUTE_COLORS.origin, ROUTE_COLORS.destination];
    sections.push({
      kind: 'bar',
      layer: 'routes',
      title,
      ends: null,
      note: `${t(lang, 'originDestination')}, ${t(lang, 'width')}`,
      entry: { label: `${title} (${t(lang, 'width')})`, swatch: { shape: 'bar', colors } },
      extra: null,
    });
  }
  if (on('rings') && radiusKm !== null) {
    sections.push({
      kind: 'entry',
      layer: 'rings',
      entry: {
        label: `${t(lang, 'rings')}: ${formatNumber(lang, radiusKm)} / ${formatKm(lang, radiusKm / 2, 0)}`,
        swatch: { shape: 'ring', color: RING_COLOR },
      },
    });
  }
  return {
    title: t(lang, 'legend'),
    blos: [
      { label: t(lang, 'bloConfirmed'), swatch: { shape: 'blo', status: 'confirmed' } },
      { label: t(lang, 'bloUnconfirmed'), swatch: { shape: 'blo', status: 'unconfirmed' } },
      ...(['high', 'low'] as const)
        .filter((flag) => unusual.includes(flag))
        .map((flag) => ({
          label: t(lang, flag === 'high' ? 'legendUnusualHigh' : 'legendUnusualLow'),
          swatch: { shape: 'unusual', flag } as const,
        })),
    ],
    sections,
  };
}

/** The emerging hot spots' categories present, hot then cold then none, each with its number of hexagons. */
function emergingSection(lang: Language, answer: EmergingAnswer | null): LegendSection {
  const counts = new Map<EmergingCategoryKey, number>();
  for (const c of answer?.cells ?? []) counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
  const order: EmergingCategoryKey[] = [
    ...(['hot', 'cold'] as const).flatMap((kind) => HOT_SPOT_PATTERNS.map((p) => `${p}-${kind}` as const)),
    'none',
  ];
  const steps = answer?.steps.length ?? 0;
  const unit = answer?.method.step === 'quarter' ? 'quarter' : 'month';
  return {
    kind: 'list',
    layer: 'emerging',
    title: t(lang, 'emerging'),
    titleNote: answer
      ? t(lang, 'emergingTitleNote', { steps: countOf(lang, steps, unit), res: answer.method.resolution })
      : t(lang, 'loading'),
    entries: order
      .filter((k) => counts.has(k))
      .map((k) => ({
        label: `${emergingCategoryName(lang, k)} (${formatCount(lang, counts.get(k)!)})`,
        swatch: { shape: 'dot', color: EMERGING_COLORS[k] },
      })),
    note:
      answer === null
        ? null
        : answer.status === 'too-few-steps'
          ? t(lang, 'emergingTooFewSteps', { n: steps, min: answer.method.minSteps })
          : answer.status === 'no-seizures'
            ? t(lang, 'emergingNoSeizures')
            : null,
    help: {
      title: t(lang, 'emergingHow'),
      paragraphs: [t(lang, 'emergingHow1'), t(lang, 'emergingHow2'), t(lang, 'emergingHow3'), t(lang, 'emergingHow4')],
    },
  };
}

/** The model as a flat list, one symbol a row (the exported picture has no room for sections). */
export function legendRows(model: LegendModel): LegendEntry[] {
  return [
    ...model.blos,
    ...model.sections.flatMap((s) => (s.kind === 'list' ? s.entries : s.kind === 'bar' && s.extra ? [s.entry, s.extra] : [s.entry])),
  ];
}

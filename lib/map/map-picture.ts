/**
 * The words of the exported map picture: title, the filters in words, the legend rows, and a footer
 * with the figures, the date of the latest seizure, when it was made, whether synthetic data is in
 * it, and the link back to the view. The drawing itself happens in the browser (app/_components/map).
 */
import type { DataThrough, Figures, SummaryAnswer } from '@/lib/api/api-types';
import { describeFilters, formatChange, formatCount, formatDay, formatFigure, formatKg, formatMonth, formatUsd, t } from '@/lib/i18n/i18n';
import type { DateRange } from '@/lib/time/dates';
import type { Filters } from '@/lib/url/filters';
import type { Language } from '@/lib/url/view-state';
import { legendRows, type LegendEntry, type LegendModel } from './legend-model';

export interface MapPicture {
  title: string;
  subtitle: string;
  legendTitle: string;
  legend: LegendEntry[];
  footer: string[];
  /** The link that reopens the view (also in the footer). */
  link: string;
  /** Faint text across the map: who exported it and the audit entry, so a leaked picture tells where it came from. */
  watermark: string;
}

/** Who exports the picture: the account and the audit entry the server recorded for it. */
export interface PictureExport {
  account: string;
  auditId: number;
  /** ISO time the server recorded. */
  at: string;
}

export interface MapPictureInput {
  lang: Language;
  filters: Filters;
  /** The playback window the map shows, or null when it shows the whole period. */
  playbackWindow: DateRange | null;
  /** The period's figures, with their comparison when there is one. */
  summary: Figures & { syntheticCount: number | null } & Partial<Pick<SummaryAnswer, 'comparison' | 'change'>>;
  /** How recent the data is (null: no seizure at all). */
  dataThrough: DataThrough | null;
  /** The post whose panel is open: its name, its border and its totals. */
  selected: { name: string; border: string; figures: Figures } | null;
  legend: LegendModel;
  /** The page's URL: opens this exact view. */
  link: string;
  madeAt: Date;
  exported: PictureExport;
}

/** `YYYY-MM-DD HH:MM` in UTC. */
const utcMinute = (d: Date): string => d.toISOString().slice(0, 16).replace('T', ' ');

export function mapPicture({
  lang,
  filters,
  playbackWindow,
  summary: s,
  dataThrough,
  selected,
  legend,
  link,
  madeAt,
  exported,
}: MapPictureInput): MapPicture {
  const shown = playbackWindow
    ? ` · ${t(lang, 'showing')}: ${formatDay(lang, playbackWindow.from)} – ${formatDay(lang, playbackWindow.to)}`
    : '';
  const synthetic =
    s.syntheticCount !== null && s.count !== null && s.syntheticCount > 0
      ? `${t(lang, 'syntheticShown')} (${formatCount(lang, s.syntheticCount)} / ${formatCount(lang, s.count)})`
      : s.syntheticCount === null
        ? ''
        : t(lang, 'noSynthetic');
  const by = t(lang, 'exportedBy', { account: exported.account, id: exported.auditId });
  const figures = (f: Figures) =>
    `${formatFigure(lang, f.count, formatCount)} · ${formatFigure(lang, f.kgEq, formatKg)} · ${formatFigure(lang, f.valueUsd, formatUsd)}`;
  const c = s.comparison;
  const compared =
    c && c.period.from && c.period.to
      ? `${t(lang, 'comparedWith', { period: `${formatDay(lang, c.period.from)} – ${formatDay(lang, c.period.to)}` })}: ${figures(c)}` +
        (s.change ? ` (${[s.change.count, s.change.kgEq, s.change.valueUsd].map((x) => formatChange(lang, x)).join(' · ')})` : '')
      : null;
  const through = dataThrough
    ? dataThrough.precision === 'day'
      ? formatDay(lang, dataThrough.on)
      : formatMonth(lang, dataThrough.on)
    : '—';
  return {
    title: `${t(lang, 'title')} — ${t(lang, 'subtitle')}`,
    subtitle: `${describeFilters(lang, filters)}${shown}`,
    legendTitle: legend.title,
    legend: legendRows(legend),
    footer: [
      `${t(lang, 'seizures')}: ${figures(s)}`,
      ...(compared ? [compared.charAt(0).toUpperCase() + compared.slice(1)] : []),
      ...(selected
        ? [`${t(lang, 'selectedPost')}: ${selected.name} (${selected.border}): ${figures(selected.figures)} (${t(lang, 'atNearestPost')})`]
        : []),
      [`${t(lang, 'dataUpTo')}: ${through}`, `${t(lang, 'made')}: ${utcMinute(madeAt)} UTC`, synthetic].filter((x) => x !== '').join(' · '),
      `${t(lang, 'link')}: ${link}`,
      `${by} · ${t(lang, 'boundaryNote')}`,
    ],
    link,
    watermark: `${exported.account} · #${exported.auditId} · ${utcMinute(new Date(exported.at))} UTC`,
  };
}

/**
 * The words of the exported map picture: title, the filters in words, the legend rows, and a footer
 * with the figures, the date of the latest seizure, when it was made, whether synthetic data is in
 * it, and the link back to the view. The drawing itself happens in the browser (app/_components/map).
 */
import type { BloListItem, Totals } from '@/lib/api/api-types';
import { describeFilters, formatCount, formatDay, formatKg, formatUsd, t } from '@/lib/i18n/i18n';
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
}

export interface MapPictureInput {
  lang: Language;
  filters: Filters;
  /** The playback window the map shows, or null when it shows the whole period. */
  playbackWindow: DateRange | null;
  summary: Totals & { syntheticCount: number };
  /** Day of the latest seizure counted, if any. */
  lastSeizure: string | null;
  legend: LegendModel;
  /** The page's URL: opens this exact view. */
  link: string;
  madeAt: Date;
}

/** The latest seizure among the BLOs' totals (every seizure is counted at its nearest BLO). */
export const latestSeizure = (blos: readonly BloListItem[]): string | null =>
  blos.reduce<string | null>(
    (latest, b) => (b.totals.lastSeizedOn !== null && (latest === null || b.totals.lastSeizedOn > latest) ? b.totals.lastSeizedOn : latest),
    null,
  );

/** `YYYY-MM-DD HH:MM` in UTC. */
const utcMinute = (d: Date): string => d.toISOString().slice(0, 16).replace('T', ' ');

export function mapPicture({ lang, filters, playbackWindow, summary: s, lastSeizure, legend, link, madeAt }: MapPictureInput): MapPicture {
  const shown = playbackWindow
    ? ` · ${t(lang, 'showing')}: ${formatDay(lang, playbackWindow.from)} – ${formatDay(lang, playbackWindow.to)}`
    : '';
  const synthetic =
    s.syntheticCount > 0
      ? `${t(lang, 'syntheticShown')} (${formatCount(lang, s.syntheticCount)} / ${formatCount(lang, s.count)})`
      : t(lang, 'noSynthetic');
  return {
    title: `${t(lang, 'title')} — ${t(lang, 'subtitle')}`,
    subtitle: `${describeFilters(lang, filters)}${shown}`,
    legendTitle: legend.title,
    legend: legendRows(legend),
    footer: [
      `${t(lang, 'seizures')}: ${formatCount(lang, s.count)} · ${formatKg(lang, s.kgEq)} · ${formatUsd(lang, s.valueUsd)}`,
      `${t(lang, 'dataUpTo')}: ${lastSeizure ? formatDay(lang, lastSeizure) : '—'} · ${t(lang, 'made')}: ${utcMinute(madeAt)} UTC · ${synthetic}`,
      `${t(lang, 'link')}: ${link}`,
      t(lang, 'boundaryNote'),
    ],
  };
}

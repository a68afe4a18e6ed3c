/**
 * The words of the exported map picture: title, the filters in words, the legend rows, and a footer
 * with the figures, the date of the latest seizure, when it was made, whether synthetic data is in
 * it, and the link back to the view. The drawing itself happens in the browser (app/_components/map).
 */
import type { BloListItem, Figures } from '@/lib/api/api-types';
import { describeFilters, formatCount, formatDay, formatFigure, formatKg, formatUsd, t } from '@/lib/i18n/i18n';
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
  summary: Figures & { syntheticCount: number | null };
  /** Day of the latest seizure counted, if any. */
  lastSeizure: string | null;
  legend: LegendModel;
  /** The page's URL: opens this exact view. */
  link: string;
  madeAt: Date;
  exported: PictureExport;
}

/** The latest seizure among the BLOs' totals (every seizure is counted at its nearest BLO). */
export const latestSeizure = (blos: readonly BloListItem[]): string | null =>
  blos.reduce<string | null>(
    (latest, b) => (b.totals.lastSeizedOn !== null && (latest === null || b.totals.lastSeizedOn > latest) ? b.totals.lastSeizedOn : latest),
    null,
  );

/** `YYYY-MM-DD HH:MM` in UTC. */
const utcMinute = (d: Date): string => d.toISOString().slice(0, 16).replace('T', ' ');

export function mapPicture({
  lang,
  filters,
  playbackWindow,
  summary: s,
  lastSeizure,
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
  return {
    title: `${t(lang, 'title')} — ${t(lang, 'subtitle')}`,
    subtitle: `${describeFilters(lang, filters)}${shown}`,
    legendTitle: legend.title,
    legend: legendRows(legend),
    footer: [
      `${t(lang, 'seizures')}: ${formatFigure(lang, s.count, formatCount)} · ${formatFigure(lang, s.kgEq, formatKg)} · ${formatFigure(lang, s.valueUsd, formatUsd)}`,
      [
        `${t(lang, 'dataUpTo')}: ${lastSeizure ? formatDay(lang, lastSeizure) : '—'}`,
        `${t(lang, 'made')}: ${utcMinute(madeAt)} UTC`,
        synthetic,
      ]
        .filter((x) => x !== '')
        .join(' · '),
      `${t(lang, 'link')}: ${link}`,
      `${by} · ${t(lang, 'boundaryNote')}`,
    ],
    watermark: `${exported.account} · #${exported.auditId} · ${utcMinute(new Date(exported.at))} UTC`,
  };
}

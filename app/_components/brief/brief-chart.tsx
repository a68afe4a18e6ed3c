'use client';
import { useMemo } from 'react';
import { seriesPoints, type SeriesAnswer } from '@/lib/api/api-types';
import { chartStart, monthTable } from '@/lib/time/month-table';
import { formatCount, formatFigure, formatKg, formatMonth, t } from '@/lib/i18n/i18n';
import { comparisonPeriod, type Filters } from '@/lib/url/filters';
import { apiSearch, type Language } from '@/lib/url/view-state';
import { SeriesChart } from '@/app/_components/panels/series-chart';
import { useApi } from '@/app/_components/dashboard/use-api';

interface Props {
  lang: Language;
  filters: Filters;
}

const ignore = () => {};

/** The dashboard's monthly chart for the view (the whole span, its period highlighted), read-only. */
export function BriefChart({ lang, filters }: Props) {
  const series = useApi<SeriesAnswer>(`/api/timeseries${apiSearch({ ...filters, from: null, to: null })}`);
  // From where the data becomes dense (or the period's start, if earlier), as on the dashboard.
  const rows = useMemo(() => {
    const all = monthTable(series.data ? seriesPoints(series.data.rows) : []);
    return all.slice(chartStart(all, filters.from));
  }, [series.data, filters.from]);
  return (
    <div className="brief-chart" data-testid="brief-chart" data-ready={series.data !== undefined}>
      <SeriesChart
        lang={lang}
        rows={rows}
        period={filters}
        comparison={comparisonPeriod(filters)}
        visible={null}
        reporting={null}
        loading={series.loading}
        onPeriod={ignore}
      />
    </div>
  );
}

/** Months of the period shown, at most this many (the latest). */
const MONTHS_SHOWN = 24;

/** The period's months as a table (count and kg-eq; withheld where any part is), the latest MONTHS_SHOWN. */
export function BriefMonths({ langs, filters }: { langs: Language[]; filters: Filters }) {
  const lang = langs[0];
  const series = useApi<SeriesAnswer>(`/api/timeseries${apiSearch(filters)}`);
  const rows = useMemo(() => monthTable(series.data ? seriesPoints(series.data.rows) : []).slice(-MONTHS_SHOWN), [series.data]);
  if (rows.length === 0) return null;
  const label = (key: 'month' | 'seizures' | 'kgEq') => langs.map((l) => t(l, key)).join(' / ');
  return (
    <table className="brief-table brief-months" data-testid="brief-months">
      <thead>
        <tr>
          <th scope="col">{label('month')}</th>
          <th scope="col" className="num">
            {label('seizures')}
          </th>
          <th scope="col" className="num">
            {label('kgEq')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.month}>
            <td>{formatMonth(lang, r.month)}</td>
            <td className="num">{formatFigure(lang, r.withheld > 0 ? null : r.count, formatCount)}</td>
            <td className="num">{formatFigure(lang, r.withheld > 0 ? null : r.kgEq, formatKg)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

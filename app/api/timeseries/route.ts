import { apiRoute } from '@/app/_server/api-route';
import { daysInRange } from '@/lib/time/dates';
import { getTimeSeriesJson } from '@/db/queries/get-time-series';
import { ParamError } from '@/lib/url/filters';
import { SERIES_COLUMNS } from '@/lib/api/api-types';

export const dynamic = 'force-dynamic';

/** Longest period a daily series may cover, days (about 13 months). */
const MAX_DAILY_SPAN_DAYS = 400;

/** Totals per month (default), ISO week or day, per substance. */
export const GET = apiRoute({ permission: 'view', params: ['interval'] }, async ({ database, filters, params }) => {
  const interval = params.interval ?? 'month';
  if (interval === 'day') {
    const span = filters.from && filters.to ? daysInRange(filters.from, filters.to) : Infinity;
    if (span > MAX_DAILY_SPAN_DAYS) throw new ParamError('interval', `day needs from and to at most ${MAX_DAILY_SPAN_DAYS} days apart`);
  }
  // A SeriesAnswer, with the rows as the database wrote them.
  const rows = await getTimeSeriesJson(database.db, filters, interval);
  return { jsonText: `{"interval":${JSON.stringify(interval)},"columns":${JSON.stringify(SERIES_COLUMNS)},"rows":${rows}}` };
});

import { apiRoute } from '@/app/_server/api-route';
import { getEmerging } from '@/db/queries/get-emerging';
import { DEFAULT_EMERGING_RESOLUTION } from '@/lib/analysis/emerging-settings';

export const dynamic = 'force-dynamic';

/** Emerging hot spot analysis of the filtered seizures: H3 resolution `res` (4–6), `step` month or quarter, `value` count or kg. */
export const GET = apiRoute({ permission: 'view', params: ['res', 'step', 'value'] }, async ({ database, filters, params }) => ({
  json: await getEmerging(database.db, filters, {
    resolution: params.res ?? DEFAULT_EMERGING_RESOLUTION,
    step: params.step ?? 'month',
    value: params.value ?? 'count',
  }),
}));

/**
 * The answer types the page reads (lib/api/api-types.ts) are the types the query functions return:
 * checked by the type checker (`tsc --noEmit` runs over tests/), so the two sides cannot drift apart.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { getBloDetail } from '@/db/queries/get-blo-detail';
import type { getHotspots } from '@/db/queries/get-hotspots';
import type { getSummary } from '@/db/queries/get-summary';
import type { listBlos } from '@/db/queries/list-blos';
import type { listRoutes } from '@/db/queries/list-routes';
import type { BloDetailAnswer, BloListItem, HotspotsAnswer, RouteFlow, SummaryAnswer } from '@/lib/api/api-types';

type Answer<F extends (...args: never[]) => unknown> = NonNullable<Awaited<ReturnType<F>>>;

describe('API answer types', () => {
  // Each way round: every field the page reads is returned, and nothing returned is left out.
  it('are what the query functions return', () => {
    expectTypeOf<Answer<typeof listBlos>>().toExtend<BloListItem[]>();
    expectTypeOf<BloListItem[]>().toExtend<Answer<typeof listBlos>>();
    expectTypeOf<Answer<typeof getBloDetail>>().toExtend<BloDetailAnswer>();
    expectTypeOf<BloDetailAnswer>().toExtend<Answer<typeof getBloDetail>>();
    expectTypeOf<Answer<typeof getSummary>>().toExtend<SummaryAnswer>();
    expectTypeOf<SummaryAnswer>().toExtend<Answer<typeof getSummary>>();
    expectTypeOf<Answer<typeof getHotspots>>().toExtend<HotspotsAnswer>();
    expectTypeOf<HotspotsAnswer>().toExtend<Answer<typeof getHotspots>>();
    expectTypeOf<Answer<typeof listRoutes>>().toExtend<RouteFlow[]>();
    expectTypeOf<RouteFlow[]>().toExtend<Answer<typeof listRoutes>>();
  });
});

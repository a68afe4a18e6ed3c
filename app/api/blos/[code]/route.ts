import { z } from 'zod';
import { apiRoute, NotFoundError } from '@/app/_server/api-route';
import { getBloDetail } from '@/db/queries/get-blo-detail';
import { bloCodeSchema, DEFAULT_CATCHMENT_KM } from '@/lib/url/api-params';

export const dynamic = 'force-dynamic';

/** One BLO: catchment totals within r whole km (1–100, default 25), trend, top substances, paired post (its seizures: ./seizures). */
export const GET = apiRoute(
  { permission: 'view', params: ['r'], path: z.object({ code: bloCodeSchema }) },
  async ({ database, filters, params, path }) => {
    const detail = await getBloDetail(database.db, path.code, filters, params.r ?? DEFAULT_CATCHMENT_KM);
    if (!detail) throw new NotFoundError(`no BLO ${path.code}`);
    return { json: detail };
  },
);

import { z } from 'zod';
import { apiRoute, NotFoundError } from '@/app/_server/api-route';
import { listCatchmentSeizures } from '@/db/queries/get-blo-detail';
import { bloCodeSchema, DEFAULT_CATCHMENT_KM } from '@/lib/url/api-params';

export const dynamic = 'force-dynamic';

/** The newest seizures within r whole km (1–100, default 25) of one BLO, with their distance: single seizures, audited. */
export const GET = apiRoute(
  { permission: ['view', 'events'], params: ['r'], path: z.object({ code: bloCodeSchema }) },
  async ({ database, filters, params, path }) => {
    const radiusKm = params.r ?? DEFAULT_CATCHMENT_KM;
    const seizures = await listCatchmentSeizures(database.db, path.code, filters, radiusKm);
    if (!seizures) throw new NotFoundError(`no BLO ${path.code}`);
    return { json: { radiusKm, seizures }, auditRows: seizures.length };
  },
);

import { z } from 'zod';
import { apiRoute, NotFoundError } from '@/app/_server/api-route';
import { auditRequest } from '@/app/_server/audit';
import { listCatchmentSeizures } from '@/db/queries/get-blo-detail';
import { bloCodeSchema, DEFAULT_CATCHMENT_KM } from '@/lib/url/api-params';

export const dynamic = 'force-dynamic';

/** The newest seizures within r whole km (1–100, default 25) of one BLO, with their distance: single seizures, audited. */
export const GET = apiRoute(
  { permission: ['view', 'events'], params: ['r'], path: z.object({ code: bloCodeSchema }) },
  async ({ database, filters, params, path, request, account }) => {
    const radiusKm = params.r ?? DEFAULT_CATCHMENT_KM;
    const seizures = await listCatchmentSeizures(database.db, path.code, filters, radiusKm);
    if (!seizures) throw new NotFoundError(`no BLO ${path.code}`);
    auditRequest(request, account, 'events', { status: 200, rows: seizures.length });
    return { json: { radiusKm, seizures } };
  },
);

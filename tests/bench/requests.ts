/** The dashboard requests both benchmarks time (`npm run bench`, `npm run bench:compare`). */
import type { Database } from '@/db/client';
import type { ScopedFilters as Filters } from '@/lib/access/country-scope';
import { listBlos } from '@/db/queries/list-blos';
import { getSummary } from '@/db/queries/get-summary';
import { getTimeSeriesJson } from '@/db/queries/get-time-series';
import { getHotspots } from '@/db/queries/get-hotspots';
import { getEmerging } from '@/db/queries/get-emerging';
import { getBaselines } from '@/db/queries/get-baselines';
import { getReporting } from '@/db/queries/get-reporting';
import { getPairs } from '@/db/queries/get-pairs';
import { getBloDetail, listCatchmentSeizures } from '@/db/queries/get-blo-detail';
import { listSeizureColumns, listSeizures } from '@/db/queries/list-seizures';
import { listRoutes } from '@/db/queries/list-routes';
import { getTile } from '@/db/queries/get-tile';
import { SUBSTANCE_CODES } from '@/lib/catalogue/substances';

export interface BenchRequest {
  name: string;
  path: string;
  run(database: Database, filters: Filters): Promise<unknown>;
  /**
   * An answer computed in the app after its SQL (the emerging hot spot statistics): its own time
   * limits, ms, and no API/SQL ratio, since the work is meant to happen outside the database.
   */
  computed?: { serverMs: number; embeddedMs: number };
}

/** The emerging hot spot analysis on 1M seizures over 7 years: under 1 s on the server, under 3 s embedded. */
const ANALYSIS_LIMITS = { serverMs: 1000, embeddedMs: 3000 };

/** What the dashboard asks for: its default view, a filtered view, a BLO panel, the map layers. */
export const REQUESTS: BenchRequest[] = [
  { name: 'BLO list with totals', path: '/api/blos', run: (d, f) => listBlos(d.db, f) },
  { name: 'KPIs, last 12 months', path: '/api/summary?from=2025-01-01&to=2025-12-31', run: (d, f) => getSummary(d.db, f) },
  {
    name: 'KPIs, heroin 2024, KZ+UZ',
    path: '/api/summary?substance=heroin&from=2024-01-01&to=2024-12-31&country=KZ,UZ',
    run: (d, f) => getSummary(d.db, f),
  },
  { name: 'Monthly series, all', path: '/api/timeseries', run: (d, f) => getTimeSeriesJson(d.db, f, 'month') },
  { name: 'Monthly series, opiates', path: '/api/timeseries?substance=heroin,opium', run: (d, f) => getTimeSeriesJson(d.db, f, 'month') },
  { name: 'Hexagons, region (z4)', path: '/api/hotspots?z=4', run: (d, f) => getHotspots(d.db, f, 4) },
  {
    name: 'Hexagons, Fergana, hashish (z7)',
    path: '/api/hotspots?z=7&substance=hashish&bbox=70,39.5,73.5,41.5',
    run: (d, f) => getHotspots(d.db, f, 7),
  },
  {
    name: 'Emerging hot spots, res 5, months',
    path: '/api/emerging?res=5&step=month&value=count',
    run: (d, f) => getEmerging(d.db, f, { resolution: 5, step: 'month', value: 'count' }),
    computed: ANALYSIS_LIMITS,
  },
  {
    name: 'Emerging hot spots, heroin, res 6, kg',
    path: '/api/emerging?substance=heroin&res=6&step=month&value=kg',
    run: (d, f) => getEmerging(d.db, f, { resolution: 6, step: 'month', value: 'kg' }),
    computed: ANALYSIS_LIMITS,
  },
  { name: 'Seasonal baselines, last 24 months', path: '/api/baselines', run: (d, f) => getBaselines(d.db, f) },
  { name: 'Reporting grid, whole span', path: '/api/reporting', run: (d, f) => getReporting(d.db, f) },
  { name: 'Paired posts, 2025', path: '/api/pairs?from=2025-01-01&to=2025-12-31', run: (d, f) => getPairs(d.db, f) },
  { name: 'BLO panel, Oybek, 25 km', path: '/api/blos/oybek', run: (d, f) => getBloDetail(d.db, 'oybek', f, 25) },
  {
    name: "BLO panel's seizures, Oybek",
    path: '/api/blos/oybek/seizures',
    run: (d, f) => listCatchmentSeizures(d.db, 'oybek', f, 25),
  },
  { name: 'Routes by country', path: '/api/routes?from=2025-01-01&to=2025-12-31', run: (d, f) => listRoutes(d.db, f, 'country') },
  { name: 'Seizure list, first page', path: '/api/seizures?limit=100', run: (d, f) => listSeizures(d.db, f, { limit: 100, offset: 0 }) },
  {
    name: 'Points, heroin 2025 (binary)',
    path: '/api/seizures?format=bin&substance=heroin&from=2025-01-01&to=2025-12-31',
    run: (d, f) => listSeizureColumns(d.db, f, 250_000, SUBSTANCE_CODES),
  },
  { name: 'Tile z5 (region)', path: '/api/tiles/5/22/11', run: (d, f) => getTile(d, { z: 5, x: 22, y: 11 }, f) },
  { name: 'Tile z8 (Fergana)', path: '/api/tiles/8/179/97', run: (d, f) => getTile(d, { z: 8, x: 179, y: 97 }, f) },
];

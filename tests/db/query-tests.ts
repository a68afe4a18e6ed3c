/**
 * Query functions against the TypeScript oracle, on whichever backend the suite opened.
 * Fixture: the seeded public rows plus the deterministic synthetic sample.
 */
import * as turf from '@turf/turf';
import { cellToParent, latLngToCell } from 'h3-js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { getSummary } from '@/db/queries/get-summary';
import { getTimeSeries } from '@/db/queries/get-time-series';
import { listBlos } from '@/db/queries/list-blos';
import { getHotspots } from '@/db/queries/get-hotspots';
import { getBloDetail, listCatchmentSeizures, RECENT_SEIZURES } from '@/db/queries/get-blo-detail';
import { listSeizureColumns, listSeizures } from '@/db/queries/list-seizures';
import { listRoutes } from '@/db/queries/list-routes';
import { postFrame } from '@/lib/geo/post-frame';
import BLO_FILE from '@/data/blos.json';
import { comparisonPeriod } from '@/lib/url/filters';
import { resolutionForZoom } from '@/lib/geo/h3-resolution';
import { SUBSTANCE_CODES } from '@/lib/catalogue/substances';
import { daysToIso } from '@/lib/time/dates';
import { monthEnd } from '@/lib/time/dates';
import { groupTally, matches, tally, type OracleRow } from '@/tests/oracles/seizure-oracle';
import { CASES, close, f } from './filter-cases';

export function defineQueryTests(getDatabase: () => Database, getRows: () => OracleRow[]): void {
  describe('query functions against the TypeScript oracle', () => {
    let rows: OracleRow[];
    let db: Database['db'];
    beforeAll(() => {
      rows = getRows();
      db = getDatabase().db;
    });

    // Guards the fixture dates the cases name: a case that selects nothing would prove little.
    it.each(CASES)('the filter case "%s" selects some seizures', (_label, filters) => {
      expect(rows.filter((r) => matches(r, filters)).length).toBeGreaterThan(0);
    });

    it.each(CASES)('getSummary totals and per-substance figures match for %s', async (_label, filters) => {
      const summary = await getSummary(db, filters);
      const want = rows.filter((r) => matches(r, filters));
      const t = tally(want);
      expect(summary.count).toBe(t.count);
      close(summary.kgEq, t.kgEq);
      close(summary.valueUsd, t.valueUsd);
      expect(summary.syntheticCount).toBe(want.filter((r) => r.synthetic).length);
      const bySubstance = groupTally(want, (r) => r.substance);
      expect(summary.bySubstance.map((s) => s.substance)).toEqual([...bySubstance.keys()].sort());
      for (const s of summary.bySubstance) {
        expect(s.count).toBe(bySubstance.get(s.substance)!.count);
        close(s.kgEq, bySubstance.get(s.substance)!.kgEq);
      }
    });

    it('says how recent the data is: the latest seizure the account sees, whatever the other filters', async () => {
      const latest = (keep: (r: OracleRow) => boolean) => rows.filter(keep).reduce((m, r) => (r.seizedOn > m ? r.seizedOn : m), '');
      const narrow = f({ substances: ['hashish'], from: '2024-01-01', to: '2024-06-30' });
      expect((await getSummary(db, narrow)).dataThrough).toEqual({ on: latest(() => true), precision: 'day' });
      expect((await getSummary(db, { ...narrow, synthetic: 'exclude' })).dataThrough).toEqual({
        on: latest((r) => !r.synthetic),
        precision: 'day',
      });
      expect((await getSummary(db, { ...narrow, scope: ['KG'] })).dataThrough).toEqual({
        on: latest((r) => r.country === 'KG'),
        precision: 'day',
      });
      // An account that sees aggregates only learns the month, not a seizure's day.
      const month = latest(() => true).slice(0, 7);
      const aggregates = await getSummary(db, { ...narrow, detail: { level: 'aggregates', minCount: 3, maxResolution: 5 } });
      expect(aggregates.dataThrough).toEqual({ on: monthEnd(`${month}-01`), precision: 'month' });
      expect((await getSummary(db, { ...narrow, scope: [] })).dataThrough).toBeNull();
    });

    it('compares with the previous period of equal length and reports the change', async () => {
      const filters = f({ substances: ['hashish'], from: '2024-01-01', to: '2024-06-30' });
      const summary = await getSummary(db, filters);
      const previous = comparisonPeriod(filters)!;
      // Six whole months before January–June 2024.
      expect(previous).toEqual({ from: '2023-07-01', to: '2023-12-31' });
      // A period of days: the same number of days before (71 days before 10 Jan 2024).
      const days = f({ substances: ['hashish'], from: '2024-01-10', to: '2024-03-20' });
      const daysBefore = comparisonPeriod(days)!;
      expect(daysBefore).toEqual({ from: '2023-10-31', to: '2024-01-09' });
      expect((await getSummary(db, days)).comparison!.count).toBe(tally(rows.filter((r) => matches(r, days, daysBefore))).count);
      const before = tally(rows.filter((r) => matches(r, filters, previous)));
      expect(summary.comparison!.count).toBe(before.count);
      close(summary.change!.count!, (summary.count! - before.count) / before.count);
      const yearAgo = await getSummary(db, { ...filters, compare: 'year' });
      expect(yearAgo.comparison!.count).toBe(
        tally(rows.filter((r) => matches(r, filters, { from: '2023-01-01', to: '2023-06-30' }))).count,
      );
      expect((await getSummary(db, { ...filters, compare: 'none' })).comparison).toBeNull();
    });

    it.each(CASES)('getTimeSeries per month and substance matches for %s', async (_label, filters) => {
      const series = await getTimeSeries(db, filters, 'month');
      const want = groupTally(
        rows.filter((r) => matches(r, filters)),
        (r): string => `${r.seizedOn.slice(0, 7)}-01 ${r.substance}`,
      );
      expect(series.map((p) => `${p.period} ${p.substance}`)).toEqual([...want.keys()].sort());
      for (const p of series) {
        expect(p.count).toBe(want.get(`${p.period} ${p.substance}`)!.count);
        close(p.kgEq, want.get(`${p.period} ${p.substance}`)!.kgEq);
      }
    });

    it('getTimeSeries by ISO week and by day adds up to the same totals', async () => {
      const filters = f({ from: '2024-02-20', to: '2024-05-10' });
      const total = tally(rows.filter((r) => matches(r, filters))).count;
      const weeks = await getTimeSeries(db, filters, 'week');
      const days = await getTimeSeries(db, filters, 'day');
      expect(weeks.reduce((t, p) => t + p.count!, 0)).toBe(total);
      expect(days.reduce((t, p) => t + p.count!, 0)).toBe(total);
      for (const w of weeks) expect(new Date(`${w.period}T00:00:00Z`).getUTCDay()).toBe(1);
    });

    it.each(CASES)('listBlos gives each BLO the totals of its nearest seizures for %s', async (_label, filters) => {
      const want = groupTally(
        rows.filter((r) => matches(r, filters)),
        (r) => r.nearestBlo,
      );
      for (const b of await listBlos(db, filters)) {
        expect({ code: b.code, count: b.totals.count }).toEqual({ code: b.code, count: want.get(b.code)?.count ?? 0 });
        close(b.totals.kgEq, want.get(b.code)?.kgEq ?? 0);
      }
    });

    it('counts seizures within a bbox as turf does', async () => {
      const filters = f({ bbox: [67, 37, 69.5, 39] });
      const inside = rows.filter((r) => turf.booleanPointInPolygon(turf.point(r.lngLat), turf.bboxPolygon([67, 37, 69.5, 39])));
      expect(inside.length).toBeGreaterThan(100);
      expect((await getSummary(db, filters)).count).toBe(inside.length);
    });

    it.each([
      ['ayritom', 10],
      ['dostuk', 25],
      ['kordai', 60],
    ])('getBloDetail counts seizures within R km of %s as turf does (R = %i)', async (code, radiusKm) => {
      const detail = (await getBloDetail(db, code, f({}), radiusKm))!;
      const distances = rows.map((r) => turf.distance(detail.blo.lngLat, r.lngLat, { units: 'kilometers' }));
      const sure = distances.filter((d) => d <= radiusKm * 0.995).length;
      const possible = distances.filter((d) => d <= radiusKm * 1.005).length;
      expect(sure).toBeGreaterThan(0);
      expect(detail.catchment.count).toBeGreaterThanOrEqual(sure);
      expect(detail.catchment.count).toBeLessThanOrEqual(possible);
      expect(detail.trend.reduce((t, m) => t + m.count!, 0)).toBe(detail.catchment.count);
      const recent = (await listCatchmentSeizures(db, code, f({}), radiusKm))!;
      expect(recent.length).toBe(Math.min(RECENT_SEIZURES, detail.catchment.count!));
      for (const s of recent) expect(s.distanceKm).toBeLessThanOrEqual(radiusKm);
      // The newest of the catchment, by turf's distance (ties at the edge aside).
      const newest = rows
        .filter((_, i) => distances[i] <= radiusKm * 0.995)
        .map((r) => r.seizedOn)
        .sort()
        .reverse();
      expect(recent[0].seizedOn).toBe(newest[0]);
      const sorted = [...recent].sort((a, b) => b.seizedOn.localeCompare(a.seizedOn));
      expect(recent.map((s) => s.seizedOn)).toEqual(sorted.map((s) => s.seizedOn));
    });

    it('getBloDetail names the paired post across the border and returns null for an unknown code', async () => {
      expect((await getBloDetail(db, 'oybek', f({})))!.paired?.code).toBe('fotehobod');
      expect((await getBloDetail(db, 'b-konysbaev', f({})))!.paired).toBeNull();
      expect(await getBloDetail(db, 'atlantis', f({}))).toBeNull();
    });

    it.each([4, 6, 9])(
      'getHotspots groups seizures into the H3 cells h3-js computes, summing to the filtered total (zoom %i)',
      async (zoom) => {
        const filters = f({ substances: ['heroin', 'hashish'] });
        const hotspots = await getHotspots(db, filters, zoom);
        const resolution = resolutionForZoom(zoom);
        expect(hotspots.resolution).toBe(resolution);
        const want = groupTally(
          rows.filter((r) => matches(r, filters)),
          (r) => cellToParent(latLngToCell(r.lngLat[1], r.lngLat[0], 8), resolution),
        );
        expect(hotspots.cells.map((c) => c.cell).sort()).toEqual([...want.keys()].sort());
        for (const c of hotspots.cells) expect(c.count).toBe(want.get(c.cell)!.count);
        const total = tally(rows.filter((r) => matches(r, filters)));
        expect(hotspots.total.count).toBe(total.count);
        close(hotspots.total.kgEq, total.kgEq);
        const clustered = hotspots.clusters.reduce((t, c) => t + c.count!, 0);
        expect(clustered).toBeLessThanOrEqual(total.count);
        expect(hotspots.clusters.length).toBeGreaterThan(0);
      },
    );

    it('listSeizures pages through the filtered rows newest first, without gaps or repeats', async () => {
      const filters = f({ substances: ['opium'], synthetic: 'only' });
      const want = rows.filter((r) => matches(r, filters));
      const first = await listSeizures(db, filters, { limit: 50, offset: 0 });
      const second = await listSeizures(db, filters, { limit: 50, offset: 50 });
      expect(first.total).toBe(want.length);
      const ids = [...first.rows, ...second.rows].map((r) => r.id);
      expect(new Set(ids).size).toBe(100);
      const dates = [...first.rows, ...second.rows].map((r) => r.seizedOn);
      expect(dates).toEqual([...dates].sort().reverse());
      expect(first.rows.every((r) => r.substance === 'opium' && r.synthetic)).toBe(true);
    });

    it.each(CASES)('listSeizures counts its total right (rollup or raw) for %s', async (_label, filters) => {
      expect((await listSeizures(db, filters, { limit: 1, offset: 0 })).total).toBe(rows.filter((r) => matches(r, filters)).length);
    });

    it('listSeizureColumns returns the filtered rows as typed columns', async () => {
      const filters = f({ countries: ['KZ'], minKg: 1 });
      const want = rows.filter((r) => matches(r, filters));
      const columns = await listSeizureColumns(db, filters, 1_000_000, SUBSTANCE_CODES);
      expect(columns.count).toBe(want.length);
      expect(columns.positions.length).toBe(2 * want.length);
      const kg = columns.kgEq.reduce((t, v) => t + v, 0);
      expect(Math.abs(kg - tally(want).kgEq) / tally(want).kgEq).toBeLessThan(1e-5);
      const heroin = SUBSTANCE_CODES.indexOf('heroin');
      expect(columns.substance.filter((s) => s === heroin).length).toBe(want.filter((r) => r.substance === 'heroin').length);
      const day = daysToIso;
      expect([...columns.days].map(day).sort()).toEqual(want.map((r) => r.seizedOn).sort());
      // Fewer allowed than there are: the newest ten, newest first.
      const ten = await listSeizureColumns(db, filters, 10, SUBSTANCE_CODES);
      expect(ten.count).toBe(10);
      const newest = want
        .map((r) => r.seizedOn)
        .sort()
        .reverse()
        .slice(0, 10);
      expect([...ten.days].map(day)).toEqual(newest);
    });

    it('listRoutes sums flows per origin and destination', async () => {
      const filters = f({ from: '2022-01-01', to: '2022-12-31' });
      const byCountry = await listRoutes(db, filters, 'country');
      const want = groupTally(
        rows.filter((r) => matches(r, filters) && r.originCountry && r.destinationCountry),
        (r) => `${r.originCountry}>${r.destinationCountry}`,
      );
      expect(byCountry.map((x) => `${x.origin}>${x.destination}`).sort()).toEqual([...want.keys()].sort());
      for (const x of byCountry) expect(x.count).toBe(want.get(`${x.origin}>${x.destination}`)!.count);
      const af = byCountry.find((x) => x.origin === 'AF');
      expect(af?.originLngLat).not.toBeNull();
      // Every arc end lies in the posts' frame the map opens on (Russia's and China's too): the
      // posts' own box from the data file, widened by the margin.
      const [west, south, east, north] = postFrame(BLO_FILE.map((b) => [b.lon, b.lat]));
      const ends = byCountry.flatMap((x) => [x.originLngLat, x.destinationLngLat]).filter((e) => e !== null);
      expect(ends.length).toBeGreaterThan(0);
      for (const [lng, lat] of ends) {
        expect(lng >= west - 1e-9 && lng <= east + 1e-9 && lat >= south - 1e-9 && lat <= north + 1e-9, `${lng},${lat}`).toBe(true);
      }
      // A country outside the frame comes in from its side: Russia's end is on the frame's top edge.
      const ru = byCountry.find((x) => x.origin === 'RU' || x.destination === 'RU');
      expect(ru, 'a flow to or from Russia in 2022').toBeDefined();
      expect((ru!.origin === 'RU' ? ru!.originLngLat : ru!.destinationLngLat)![1]).toBeCloseTo(north, 6);
      const byBlo = await listRoutes(db, filters, 'blo');
      const wantBlo = groupTally(
        rows.filter((r) => matches(r, filters) && r.originCountry),
        (r) => `${r.originCountry}>${r.nearestBlo}`,
      );
      expect(byBlo.reduce((t, x) => t + x.count!, 0)).toBe([...wantBlo.values()].reduce((t, x) => t + x.count, 0));
      expect(byBlo.every((x) => x.destinationLngLat !== null)).toBe(true);
    });
  });
}

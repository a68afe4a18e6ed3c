/**
 * Level of detail, on whichever backend the suite opened: every aggregate query asked as a viewer
 * (aggregates only) over the filter grid, each answer checked against the fixture rows tallied in
 * TypeScript: no figure from 1 to MIN_CELL_COUNT − 1 seizures, shown figures exact, and no withheld
 * part recoverable as a total minus its shown parts. The same questions as an analyst give the exact
 * figures, and every query for single seizures refuses a viewer.
 */
import { cellToLatLng, cellToParent, latLngToCell } from 'h3-js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { getSummary } from '@/db/queries/get-summary';
import { getTimeSeries } from '@/db/queries/get-time-series';
import { listBlos } from '@/db/queries/list-blos';
import { getHotspots } from '@/db/queries/get-hotspots';
import { getBloDetail, listCatchmentSeizures } from '@/db/queries/get-blo-detail';
import { listSeizureColumns, listSeizures, streamSeizures } from '@/db/queries/list-seizures';
import { listRoutes } from '@/db/queries/list-routes';
import { getTile } from '@/db/queries/get-tile';
import { EventsRefused, type Detail } from '@/lib/access/detail';
import type { ScopedFilters } from '@/lib/access/country-scope';
import { resolutionForZoom } from '@/lib/geo/h3-resolution';
import { comparisonPeriod } from '@/lib/url/filters';
import { SUBSTANCE_CODES } from '@/lib/catalogue/substances';
import { groupTally, matches, tally, type OracleRow } from '@/tests/oracles/seizure-oracle';
import { CASES } from './filter-cases';

const K = 3;
const MAX_RESOLUTION = 5;
const AGGREGATES: Detail = { level: 'aggregates', minCount: K, maxResolution: MAX_RESOLUTION };

/** One part of a total as a viewer received it, with its exact count from the oracle. */
interface Part {
  key: string;
  shown: number | null;
  exact: number;
}

export function defineDetailTests(getDatabase: () => Database, getRows: () => OracleRow[]): void {
  describe('level of detail: a viewer gets aggregates, small figures withheld', () => {
    let rows: OracleRow[];
    let db: Database['db'];
    const stats = { primary: 0, secondary: 0, shown: 0 };
    beforeAll(() => {
      rows = getRows();
      db = getDatabase().db;
    });
    const viewer = (filters: ScopedFilters): ScopedFilters => ({ ...filters, detail: AGGREGATES });

    /**
     * The checks every list of parts gets. `totalKnown`: the total these parts add up to is shown
     * (in the answer or beside it on the dashboard), so shown parts could be subtracted from it.
     */
    function checkParts(label: string, parts: Part[], totalKnown: boolean): void {
      for (const p of parts) {
        if (p.shown === null) {
          expect(p.exact, `${label} ${p.key}: withheld, so not empty`).toBeGreaterThan(0);
          if (p.exact < K) stats.primary++;
          else stats.secondary++;
        } else {
          expect(p.shown, `${label} ${p.key}: shown figures are exact`).toBe(p.exact);
          expect(p.shown === 0 || p.shown >= K, `${label} ${p.key}: ${p.shown} is a small figure`).toBe(true);
          stats.shown++;
        }
      }
      const total = parts.reduce((t, p) => t + p.exact, 0);
      if (!totalKnown || (total > 0 && total < K)) return;
      const hidden = parts.filter((p) => p.shown === null);
      const residual = total - parts.reduce((t, p) => t + (p.shown ?? 0), 0);
      expect(hidden.length === 0 || hidden.length >= 2, `${label}: a lone withheld part (${hidden.map((h) => h.key)})`).toBe(true);
      for (const h of hidden) expect(residual, `${label}: the total minus the shown parts gives ${h.key} away`).not.toBe(h.exact);
    }

    it.each(CASES)('KPIs for %s', async (label, filters) => {
      const periods = [{ from: filters.from, to: filters.to }, comparisonPeriod(filters)];
      const answer = await getSummary(db, viewer(filters));
      const exact = await getSummary(db, filters);
      for (const [i, summary] of [answer, answer.comparison].entries()) {
        const period = periods[i];
        if (!summary || !period) continue;
        const selected = rows.filter((r) => matches(r, filters, period));
        const t = tally(selected);
        if (summary.count !== null) {
          expect(summary.count).toBe(t.count);
          expect(summary.count === 0 || summary.count >= K).toBe(true);
        } else expect(t.count).toBeGreaterThan(0);
        const bySubstance = groupTally(selected, (r) => r.substance);
        checkParts(
          `${label} (${i ? 'comparison' : 'period'})`,
          summary.bySubstance.map((s) => ({ key: s.substance, shown: s.count, exact: bySubstance.get(s.substance)!.count })),
          summary.count !== null,
        );
        const synthetic = selected.filter((r) => r.synthetic).length;
        if (summary.syntheticCount !== null) {
          expect(summary.syntheticCount).toBe(synthetic);
          for (const n of [synthetic, t.count - synthetic]) expect(n === 0 || n >= K, `${label}: generated or real count ${n}`).toBe(true);
        }
      }
      if (answer.change?.count != null) expect(answer.change.count).toBeCloseTo(exact.change!.count!, 9);
    });

    it.each(CASES)('monthly series for %s: each substance a total of its months', async (label, filters) => {
      const series = await getTimeSeries(db, viewer(filters), 'month');
      const want = groupTally(
        rows.filter((r) => matches(r, filters)),
        (r): string => `${r.seizedOn.slice(0, 7)}-01 ${r.substance}`,
      );
      expect(series.map((p) => `${p.period} ${p.substance}`)).toEqual([...want.keys()].sort());
      for (const substance of SUBSTANCE_CODES) {
        const parts = series
          .filter((p) => p.substance === substance)
          .map((p) => ({ key: `${p.period} ${substance}`, shown: p.count, exact: want.get(`${p.period} ${p.substance}`)!.count }));
        checkParts(`${label} series`, parts, true);
      }
    });

    it.each(CASES)('BLO list for %s: parts of the KPI total, no last dates', async (label, filters) => {
      const list = await listBlos(db, viewer(filters));
      const want = groupTally(
        rows.filter((r) => matches(r, filters)),
        (r) => r.nearestBlo,
      );
      checkParts(
        `${label} BLOs`,
        list.map((b) => ({ key: b.code, shown: b.totals.count, exact: want.get(b.code)?.count ?? 0 })),
        true,
      );
      expect(list.every((b) => b.totals.lastSeizedOn === null)).toBe(true);
      const exact = await listBlos(db, filters);
      expect(exact.map((b) => b.totals.count)).toEqual(exact.map((b) => want.get(b.code)?.count ?? 0));
    });

    it.each(CASES)('hexagons for %s at zoom 3, 5 and 8: never finer than resolution 5', async (label, filters) => {
      for (const zoom of [3, 5, 8]) {
        const answer = await getHotspots(db, viewer(filters), zoom);
        const resolution = Math.min(resolutionForZoom(zoom), MAX_RESOLUTION);
        expect(answer.resolution).toBe(resolution);
        const want = groupTally(
          rows.filter((r) => matches(r, filters)),
          (r) => cellToParent(latLngToCell(r.lngLat[1], r.lngLat[0], 8), resolution),
        );
        expect(answer.cells.map((c) => c.cell).sort()).toEqual([...want.keys()].sort());
        checkParts(
          `${label} z${zoom}`,
          answer.cells.map((c) => ({ key: c.cell, shown: c.count, exact: want.get(c.cell)!.count })),
          answer.total.count !== null,
        );
        for (const c of answer.cells) {
          expect(c.firstSeizedOn).toBeNull();
          if (c.count === null) {
            const [lat, lng] = cellToLatLng(c.cell);
            expect(c.centroid).toEqual([lng, lat]);
            expect(c.topSubstance).toBeNull();
          }
        }
        for (const cluster of answer.clusters) expect(cluster.count).toBeNull();
        const total = tally(rows.filter((r) => matches(r, filters))).count;
        expect(answer.total.count === null ? total > 0 : answer.total.count === total).toBe(true);
      }
    });

    it.each(CASES)('routes for %s, by country and by post', async (label, filters) => {
      for (const by of ['country', 'blo'] as const) {
        const flows = await listRoutes(db, viewer(filters), by);
        const want = groupTally(
          rows.filter((r) => matches(r, filters) && r.originCountry && (by === 'country' ? r.destinationCountry : r.nearestBlo)),
          (r) => `${r.originCountry}>${by === 'country' ? r.destinationCountry : r.nearestBlo}`,
        );
        checkParts(
          `${label} routes by ${by}`,
          flows.map((f) => ({
            key: `${f.origin}>${f.destination}`,
            shown: f.count,
            exact: want.get(`${f.origin}>${f.destination}`)!.count,
          })),
          true,
        );
      }
    });

    it.each(CASES)("a post's panel for %s: catchment, its months and substances", async (label, filters) => {
      for (const code of ['oybek', 'dostuk', 'kordai']) {
        const answer = (await getBloDetail(db, code, viewer(filters), 25))!;
        const exact = (await getBloDetail(db, code, filters, 25))!;
        const total = exact.catchment.count!;
        expect(answer.catchment.count === null ? total > 0 : answer.catchment.count === total).toBe(true);
        const known = answer.catchment.count !== null;
        checkParts(
          `${label} ${code} months`,
          answer.trend.map((m, i) => ({ key: m.month, shown: m.count, exact: exact.trend[i].count! })),
          known,
        );
        checkParts(
          `${label} ${code} substances`,
          answer.topSubstances.map((s, i) => ({ key: s.substance, shown: s.count, exact: exact.topSubstances[i].count! })),
          known && exact.topSubstances.length < 5,
        );
        const list = await listBlos(db, viewer(filters));
        expect(answer.blo.totals).toEqual(list.find((b) => b.code === code)!.totals);
      }
    });

    it('the grid exercised both kinds of suppression', () => {
      // Guards the checks above from passing on answers that withheld nothing.
      expect(stats.primary).toBeGreaterThan(50);
      expect(stats.secondary).toBeGreaterThan(10);
      expect(stats.shown).toBeGreaterThan(500);
    });

    it('every query for single seizures refuses a viewer', async () => {
      const filters = viewer(CASES[0][1]);
      await expect(listSeizures(db, filters, { limit: 5, offset: 0 })).rejects.toBeInstanceOf(EventsRefused);
      await expect(listSeizureColumns(db, filters, 10, SUBSTANCE_CODES)).rejects.toBeInstanceOf(EventsRefused);
      await expect(streamSeizures(db, filters).next()).rejects.toBeInstanceOf(EventsRefused);
      await expect(getTile(getDatabase(), { z: 5, x: 22, y: 11 }, filters)).rejects.toBeInstanceOf(EventsRefused);
      await expect(listCatchmentSeizures(db, 'oybek', filters)).rejects.toBeInstanceOf(EventsRefused);
    });
  });
}

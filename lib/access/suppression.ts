/**
 * Small-cell suppression for accounts that see aggregates only, as statistical offices publish
 * tables of counts.
 *
 * - **Primary**: a cell built from 1 to `minCount − 1` seizures is withheld whole: its count, kg-eq
 *   and value become null (`suppressed: true`), never rounded or jittered into a guessable number.
 * - **Secondary**: every list of cells is treated as the parts of a total that is shown (in the
 *   answer or beside it on the dashboard: the BLO list's total is the KPI). Where a total is shown and
 *   some of its parts are withheld, more parts are withheld, smallest first, until at least two
 *   non-empty parts are withheld, holding together at least `minCount` seizures and more seizures than
 *   there are withheld parts: the total minus the shown parts is then a sum that can be split more
 *   than one way, never one part's figure. Where even all parts cannot do that, the total is withheld.
 * - The groups of one answer never overlap (each part belongs to one total), which is what makes the
 *   rule above sufficient; a table with totals both ways (months × substances) would need more.
 *
 * It protects each answer on its own. It does not stop differencing across many crafted requests
 * (two periods a day apart, a filter that removes one seizure); the audit log is the control for
 * that.
 */
import { cellToLatLng } from 'h3-js';
import {
  relativeChange as change,
  type BloDetailAnswer,
  BloListItem,
  Figures,
  HotspotCell,
  HotspotCluster,
  HotspotsAnswer,
  PeriodSummary,
  RouteFlow,
  SeriesRow,
  SummaryAnswer,
  Totals,
  Withheld,
} from '@/lib/api/api-types';
import type { Bbox, LngLat } from '@/lib/geo/lng-lat';

export const WITHHELD: Withheld = Object.freeze({ count: null, kgEq: null, valueUsd: null, suppressed: true });

/** Whether a count must be withheld on its own (primary suppression). */
export const isSmall = (count: number, minCount: number): boolean => count > 0 && count < minCount;

/** The parts to withhold, and the groups whose own total must be withheld too. */
export interface Suppression {
  hidden: boolean[];
  /** Per group: its withheld parts could only be all ones, so the group's total gives them away. */
  totalWithheld: boolean[];
}

/**
 * Which of `counts` to withhold: the small ones, then, in every group (indexes of parts whose sum
 * is shown) whose total is itself shown, enough further parts, smallest first, that the total minus
 * the shown parts fixes none of them: at least two withheld, holding together at least `minCount`
 * seizures and more seizures than there are withheld parts (else each could only be 1). Repeated
 * until nothing changes, since a part withheld for one group may leave another needing more. A
 * group where even withholding every part cannot meet that has its total withheld.
 */
export function withheldParts(counts: readonly number[], groups: readonly (readonly number[])[], minCount: number): Suppression {
  const hidden = counts.map((c) => isSmall(c, minCount));
  const totalWithheld = groups.map(() => false);
  const safe = (n: number, sum: number) => n === 0 || (n >= 2 && sum >= Math.max(minCount, n + 1));
  for (let changed = true; changed;) {
    changed = false;
    groups.forEach((group, g) => {
      const total = group.reduce((t, i) => t + counts[i], 0);
      // A total withheld shows nothing to subtract from (a small total's parts are all small).
      if (totalWithheld[g] || isSmall(total, minCount)) return;
      const withheld = group.filter((i) => hidden[i] && counts[i] > 0);
      let n = withheld.length;
      let sum = withheld.reduce((t, i) => t + counts[i], 0);
      const candidates = group.filter((i) => !hidden[i] && counts[i] > 0).sort((a, b) => counts[a] - counts[b] || a - b);
      for (const i of candidates) {
        if (safe(n, sum)) break;
        hidden[i] = true;
        changed = true;
        n++;
        sum += counts[i];
      }
      if (!safe(n, sum)) {
        totalWithheld[g] = true;
        changed = true;
      }
    });
  }
  return { hidden, totalWithheld };
}

/** The item with its figures withheld. */
function withhold<T extends Totals>(item: T): Omit<T, keyof Totals> & Withheld {
  const { count: _c, kgEq: _k, valueUsd: _v, ...rest } = item;
  return { ...rest, ...WITHHELD };
}

/** Figures withheld where `hidden` says so. */
function applied<T extends Totals>(items: readonly T[], hidden: readonly boolean[]): (T | (Omit<T, keyof Totals> & Withheld))[] {
  return items.map((item, i) => (hidden[i] ? withhold(item) : item));
}

/** Every part of a list, as one group. */
const everyIndex = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Parts grouped by a key: one group per distinct key. */
function groupsBy<T>(items: readonly T[], key: (t: T, i: number) => string): number[][] {
  const groups = new Map<string, number[]>();
  items.forEach((t, i) => {
    const k = key(t, i);
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  });
  return [...groups.values()];
}

/** A total: withheld when small, or when its parts need it to be. */
const total = <T extends Totals>(t: T, minCount: number, forced = false): T | (Omit<T, keyof Totals> & Withheld) =>
  forced || isSmall(t.count, minCount) ? withhold(t) : t;

const sumOf = (items: readonly Totals[]): Totals =>
  items.reduce((t, c) => ({ count: t.count + c.count, kgEq: t.kgEq + c.kgEq, valueUsd: t.valueUsd + c.valueUsd }), {
    count: 0,
    kgEq: 0,
    valueUsd: 0,
  });

type Exact<T> = T extends Figures ? Exclude<T, Withheld> : never;

/** One period's summary as the database computed it. */
export interface ExactPeriodSummary extends Totals {
  period: PeriodSummary['period'];
  syntheticCount: number;
  bySubstance: (Totals & { substance: string })[];
}

function protectPeriod(p: ExactPeriodSummary, minCount: number): PeriodSummary {
  const { syntheticCount, bySubstance, period } = p;
  const { hidden, totalWithheld } = withheldParts(
    bySubstance.map((s) => s.count),
    [everyIndex(bySubstance.length)],
    minCount,
  );
  const whole = total({ count: p.count, kgEq: p.kgEq, valueUsd: p.valueUsd }, minCount, totalWithheld[0]);
  // Generated and real seizures are two parts of the total; only the generated count is shown.
  const real = p.count - syntheticCount;
  const synthetic = whole.count === null || isSmall(syntheticCount, minCount) || isSmall(real, minCount) ? null : syntheticCount;
  return { ...whole, period, syntheticCount: synthetic, bySubstance: applied(bySubstance, hidden) };
}

/** KPIs: the period's and the comparison's totals, by substance; the change only where both sides are shown. */
export function protectSummary(
  current: ExactPeriodSummary,
  comparison: ExactPeriodSummary | null,
  minCount: number,
  dataThrough: SummaryAnswer['dataThrough'],
): SummaryAnswer {
  const now = protectPeriod(current, minCount);
  const before = comparison ? protectPeriod(comparison, minCount) : null;
  return {
    ...now,
    dataThrough,
    comparison: before,
    change: before
      ? { count: change(now.count, before.count), kgEq: change(now.kgEq, before.kgEq), valueUsd: change(now.valueUsd, before.valueUsd) }
      : null,
  };
}

type ExactBlo = Omit<BloListItem, 'totals'> & { totals: Totals & { lastSeizedOn: string | null } };

/** BLO totals: parts of the KPI total shown beside them; the date of a post's last seizure is never shown. */
export function protectBlos(list: readonly ExactBlo[], minCount: number): BloListItem[] {
  const { hidden } = withheldParts(
    list.map((b) => b.totals.count),
    [everyIndex(list.length)],
    minCount,
  );
  return list.map((b, i) => ({
    ...b,
    totals: hidden[i] ? { ...WITHHELD, lastSeizedOn: null } : { ...b.totals, lastSeizedOn: null },
  }));
}

/** Route flows: parts of all routes' total. */
export function protectFlows(flows: readonly Exact<RouteFlow>[], minCount: number): RouteFlow[] {
  const { hidden } = withheldParts(
    flows.map((f) => f.count),
    [everyIndex(flows.length)],
    minCount,
  );
  return applied(flows, hidden);
}

/**
 * Series rows: each substance's buckets are the parts of that substance's total (the KPIs show it).
 * A bucket's total over substances is shown nowhere (the chart stacks only what is shown).
 */
export function protectSeries(rows: readonly SeriesRow[], minCount: number): SeriesRow[] {
  const { hidden } = withheldParts(
    rows.map((r) => r[2] ?? 0),
    groupsBy(rows, (r) => r[1]),
    minCount,
  );
  return rows.map((r, i) => (hidden[i] ? [r[0], r[1], null, null, null] : r));
}

/** A hexagon as the database computed it, with the cluster DBSCAN put it in. */
export type ExactCell = Totals & {
  cell: string;
  topSubstance: string;
  firstSeizedOn: string;
  lastSeizedOn: string;
  centroid: LngLat;
  cluster: number | null;
};

/** A hexagon's centre, in place of the mean position of seizures it withholds. */
function cellCentre(cell: string): LngLat {
  const [lat, lng] = cellToLatLng(cell);
  return [lng, lat];
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Hexagons: each cell a part of the answer's total. A withheld cell keeps its place (the hexagon's
 * centre) and loses its figures and substance; dates of single seizures (first, last) are never
 * shown. Clusters keep their cells and place but not their figures (a cluster's total beside the
 * answer's would be a second, overlapping total to solve withheld cells from); a cluster's centre
 * and box come from its cells' positions as shown, unweighted.
 */
export function protectHotspots(
  answer: Pick<HotspotsAnswer, 'zoom' | 'resolution'>,
  cells: readonly ExactCell[],
  minCount: number,
): HotspotsAnswer {
  const clusterGroups = groupsBy(cells, (c, i) => (c.cluster === null ? `alone:${i}` : String(c.cluster))).filter((g) => g.length > 1);
  const { hidden, totalWithheld } = withheldParts(
    cells.map((c) => c.count),
    [everyIndex(cells.length)],
    minCount,
  );
  const shown: HotspotCell[] = cells.map(({ cluster: _cluster, ...c }, i) =>
    hidden[i]
      ? { ...withhold(c), topSubstance: null, firstSeizedOn: null, lastSeizedOn: null, centroid: cellCentre(c.cell) }
      : { ...c, firstSeizedOn: null, lastSeizedOn: null },
  );
  const clusters = clusterGroups
    .map((members) => {
      const positions = members.map((i) => shown[i].centroid);
      const lngs = positions.map((p) => p[0]);
      const lats = positions.map((p) => p[1]);
      return {
        order: members.reduce((t, i) => t + cells[i].count, 0),
        cluster: {
          ...WITHHELD,
          id: 0,
          cells: members.length,
          topSubstance: null,
          centroid: [mean(lngs), mean(lats)] as LngLat,
          bbox: [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)] as Bbox,
        } satisfies HotspotCluster,
      };
    })
    .sort((a, b) => b.order - a.order)
    .map(({ cluster }, i): HotspotCluster => ({ ...cluster, id: i + 1 }));
  return { ...answer, total: total(sumOf(cells), minCount, totalWithheld[0]), cells: shown, clusters };
}

/** A post's panel as the database computed it. */
export interface ExactDetail {
  catchment: Totals & { radiusKm: number };
  trend: (Totals & { month: string })[];
  topSubstances: (Totals & { substance: string })[];
}

/**
 * A post's panel: its totals and its partner's as the (protected) BLO list shows them; the
 * catchment's months and its substances each the parts of the catchment's total.
 */
export function protectBloDetail(
  code: string,
  pairedCode: string | null,
  protectedList: readonly BloListItem[],
  detail: ExactDetail,
  minCount: number,
): BloDetailAnswer {
  const { radiusKm, ...catchment } = detail.catchment;
  const months = withheldParts(
    detail.trend.map((m) => m.count),
    [everyIndex(detail.trend.length)],
    minCount,
  );
  const substances = withheldParts(
    detail.topSubstances.map((s) => s.count),
    [everyIndex(detail.topSubstances.length)],
    minCount,
  );
  return {
    blo: protectedList.find((b) => b.code === code)!,
    paired: pairedCode ? (protectedList.find((b) => b.code === pairedCode) ?? null) : null,
    catchment: { ...total(catchment, minCount, months.totalWithheld[0] || substances.totalWithheld[0]), radiusKm },
    trend: applied(detail.trend, months.hidden),
    topSubstances: applied(detail.topSubstances, substances.hidden),
  };
}

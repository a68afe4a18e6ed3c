/**
 * The shapes of API answers that both the server (db/) and the page (app/, lib/ layer builders)
 * handle: defined once here, so the two sides cannot drift apart.
 */
import type { Bbox, LngLat } from '@/lib/geo/lng-lat';
import type { BloKind, BloStatus, DataVersionAction, LocationConfidence, RouteMode, TimeInterval } from '@/lib/catalogue/vocabulary';
import type { DateRange } from '@/lib/time/dates';
import type { HotSpotPattern, Trend } from '@/lib/analysis/emerging-hot-spots';
import type { BaselineRule, ReportStatus } from '@/lib/analysis/seasonal-baseline';
import type { Completeness } from '@/lib/analysis/completeness';
import type { SignedLevel } from '@/lib/analysis/space-time-cube';
import type { EmergingStep, EmergingValue } from '@/lib/analysis/emerging-settings';
import type { Role } from '@/lib/access/roles';
import type { CountryScope } from '@/lib/access/country-scope';
import type { ImportReason } from '@/lib/import/import-reasons';

/** Seizure count, kg-equivalent and estimated value (USD) of a set of seizures. */
export interface Totals {
  count: number;
  kgEq: number;
  valueUsd: number;
}

/**
 * Totals withheld from an account that sees aggregates only: built from fewer seizures than its
 * minimum, or withheld with such a figure so that it cannot be worked out from a total
 * (lib/access/suppression.ts).
 */
export interface Withheld {
  count: null;
  kgEq: null;
  valueUsd: null;
  suppressed: true;
}

/** Totals as an answer carries them: exact, or withheld. */
export type Figures = Totals | Withheld;

/** A BLO as the API lists it (not the data-file record, lib/catalogue/blo-record.ts). */
export interface BloListItem {
  code: string;
  name: string;
  nameRu: string;
  altNames: string[];
  country: string;
  countryName: string;
  neighbor: string;
  kind: BloKind;
  status: BloStatus;
  pairedCode: string | null;
  openedYear: number | null;
  confidence: LocationConfidence;
  source: string;
  lngLat: LngLat;
  positionNote: string | null;
  inlandKm: number | null;
  inlandReason: string | null;
  /** Seizures whose nearest BLO is this one, under the filters (the last date is withheld from aggregates-only accounts). */
  totals: Figures & { lastSeizedOn: string | null };
}

/** /api/blos */
export interface BlosAnswer {
  blos: BloListItem[];
}

/** A seizure within a BLO's catchment, with its great-circle distance from the post, km (/api/blos/{code}/seizures). */
export interface CatchmentSeizure {
  id: number;
  seizedOn: string;
  substance: string;
  quantity: number;
  unit: string;
  kgEq: number;
  valueUsd: number;
  synthetic: boolean;
  lngLat: LngLat;
  distanceKm: number;
}

/** /api/blos/{code}/seizures: the newest seizures of the catchment. */
export interface CatchmentSeizuresAnswer {
  radiusKm: number;
  seizures: CatchmentSeizure[];
}

/** /api/blos/{code} */
export interface BloDetailAnswer {
  blo: BloListItem;
  paired: BloListItem | null;
  catchment: Figures & { radiusKm: number };
  trend: (Figures & { month: string })[];
  topSubstances: (Figures & { substance: string })[];
}

/** The figures of one period (open ends are null). */
export type PeriodSummary = Figures & {
  period: DateRange<string | null>;
  /** Generated seizures among them; null when withheld. */
  syntheticCount: number | null;
  bySubstance: (Figures & { substance: string })[];
};

/** `now` against `before` (0.25 = +25%); null where `before` is 0 or either side is withheld. */
export const relativeChange = (now: number | null, before: number | null): number | null =>
  now === null || before === null || before === 0 ? null : (now - before) / before;

/**
 * How recent the data is: the day of the latest seizure the account may see (whatever the other
 * filters), or for an account that sees aggregates only its month (`on` is that month's last day).
 */
export interface DataThrough {
  on: string;
  precision: 'day' | 'month';
}

/** /api/summary */
export type SummaryAnswer = PeriodSummary & {
  /** Null when the account sees no seizure at all. */
  dataThrough: DataThrough | null;
  comparison: PeriodSummary | null;
  /** Relative change against the comparison period (0.25 = +25%); null where it has no base or a side is withheld. */
  change: { count: number | null; kgEq: number | null; valueUsd: number | null } | null;
};

export type HotspotCell = Figures & {
  /** H3 index (hex) at `resolution`. */
  cell: string;
  /** Most frequent substance in the cell (ties: alphabetical); null when withheld. */
  topSubstance: string | null;
  /** Dates of the first and last seizure; null for aggregates-only accounts. */
  firstSeizedOn: string | null;
  lastSeizedOn: string | null;
  /** Mean position of the seizures in the cell (the cell's centre when withheld). */
  centroid: LngLat;
};

export type HotspotCluster = Figures & {
  id: number;
  /** Cells in the cluster. */
  cells: number;
  topSubstance: string | null;
  centroid: LngLat;
  bbox: Bbox;
};

/** /api/hotspots */
export interface HotspotsAnswer {
  zoom: number;
  /** H3 resolution of the cells. */
  resolution: number;
  total: Figures;
  cells: HotspotCell[];
  clusters: HotspotCluster[];
}

/** A cell's category: `<pattern>-<hot|cold>` (as ArcGIS Pro names them), or none. */
export type EmergingCategoryKey = `${HotSpotPattern}-${'hot' | 'cold'}` | 'none';

export interface EmergingCell {
  /** H3 index (hex) at the answer's resolution. */
  cell: string;
  centroid: LngLat;
  category: EmergingCategoryKey;
  /** The final step's z-score and two-sided p (null for accounts that see aggregates only), and its FDR-corrected significance (signed: negative for a cold spot). */
  z: number | null;
  p: number | null;
  level: SignedLevel;
  /** Mann-Kendall trend of the cell's z-scores over the steps. */
  trend: Trend;
  /** Steps in which the cell is a significant hot (or, for a cold-spot category, cold) spot. */
  significantSteps: number;
  /** Per step, oldest first: the value analysed and its Gi* z-score; null for accounts that see aggregates only. */
  values: number[] | null;
  zs: number[] | null;
  /** Per step: significance with its sign (±90/95/99, 0 not significant). */
  levels: SignedLevel[];
}

/** A post whose catchment holds new, consecutive or intensifying hot spots. */
export interface EmergingPost {
  code: string;
  /** The cells within the catchment with such a category, nearest first, and their distance (km, to the cell's centre). */
  cells: { cell: string; category: EmergingCategoryKey; km: number }[];
}

/** /api/emerging */
export interface EmergingAnswer {
  /** Everything needed to recompute the statistics from `cells`. */
  method: {
    resolution: number;
    step: EmergingStep;
    value: EmergingValue;
    /** Binary: 1 for the cell and each ring-1 neighbour that is in the grid. */
    weights: 'cell-and-ring-1-neighbours';
    /** Benjamini–Hochberg false discovery rate over each step's cells, at each confidence level. */
    correction: 'benjamini-hochberg';
    confidence: readonly [90, 95, 99];
    /** Mann-Kendall p below which a trend counts. */
    trendAlpha: number;
    /** Share of steps that makes a spot persistent, intensifying, diminishing or historical. */
    mostSteps: number;
    minSteps: number;
    catchmentKm: number;
  };
  /** 'ok', or why no analysis is shown: no seizure matches, or the period holds fewer than `minSteps` steps. */
  status: 'ok' | 'no-seizures' | 'too-few-steps';
  /** First day of each step, oldest first (empty when nothing matches). */
  steps: string[];
  /**
   * Seizures left out before the first step: with no start date, the steps begin where the data
   * becomes dense (the first month with a fifth of the median monthly count, as the dashboard's chart).
   * Null when it is a small figure an aggregates-only account may not see.
   */
  earlier: number | null;
  /** Cells in the grid: every cell with a seizure in the period (for aggregates-only accounts, cells of fewer seizures than the minimum are analysed but not listed). */
  gridCells: number;
  cells: EmergingCell[];
  posts: EmergingPost[];
}

/** A post's month against its seasonal baseline (lib/analysis/seasonal-baseline.ts). Figures an aggregates-only account may not see are null. */
export interface BaselineMonth {
  month: string;
  status: ReportStatus;
  count: number | null;
  kgEq: number | null;
  /** The count band of the same month of the reported previous years: median, lowest, highest (null: no such year). */
  expected: number | null;
  low: number | null;
  high: number | null;
  /** Reported previous years the band rests on. */
  years: number;
  flag: 'high' | 'low' | null;
}

export interface PostBaselines {
  code: string;
  months: BaselineMonth[];
  /** The period's last month: its flag is the post's badge. */
  latest: BaselineMonth | null;
  /** Months of the period the post reported (with seizures or nil). */
  reported: number;
}

/** /api/baselines */
export interface BaselinesAnswer {
  rule: BaselineRule;
  /** Whole months: the filters' period, or the 24 months up to the latest month with data. */
  period: DateRange | null;
  posts: PostBaselines[];
  completeness: Completeness;
}

/**
 * /api/reporting: every post's reporting status month by month, from the first month with a
 * seizure or declared coverage the account sees to the latest month with data.
 */
export interface ReportingAnswer {
  /** First day of the first and last month; null when there is nothing. */
  from: string | null;
  to: string | null;
  /** One character a month from `from` (lib/analysis/completeness.ts: `s` seizures, `n` nil report, `-` no report). */
  posts: { code: string; months: string }[];
}

/** One month of a post in a pair: its status and figures (null: withheld from an aggregates-only account). */
export interface PairMonth {
  month: string;
  status: ReportStatus;
  count: number | null;
  kgEq: number | null;
}

export interface PairSide {
  code: string;
  months: PairMonth[];
  count: number | null;
  kgEq: number | null;
  /** The same figures over the previous period of the same length. */
  previous: { count: number | null; kgEq: number | null };
  /** Months reported (seizures or nil) in the period, and in the previous one. */
  reported: number;
  reportedBefore: number;
}

/** /api/pairs: each pair of posts facing each other across a border; a side outside the account's countries is null. */
export interface PairsAnswer {
  period: DateRange | null;
  previous: DateRange | null;
  pairs: { a: PairSide | null; b: PairSide | null }[];
}

export type RouteFlow = Figures & {
  origin: string;
  destination: string;
  originLngLat: LngLat | null;
  destinationLngLat: LngLat | null;
};

/** /api/routes */
export interface RoutesAnswer {
  by: RouteMode;
  flows: RouteFlow[];
}

export interface SeizureListItem {
  id: number;
  seizedOn: string;
  datePrecision: string;
  substance: string;
  quantity: number;
  unit: string;
  kgEq: number;
  valueUsd: number;
  priceUsdPerKg: number;
  lngLat: LngLat;
  locationPrecision: string;
  nearestBlo: string | null;
  nearestBloKm: number | null;
  country: string;
  transport: string;
  concealment: string;
  detection: string;
  originCountry: string | null;
  destinationCountry: string | null;
  sourceRef: string | null;
  notes: string | null;
  synthetic: boolean;
}

export interface ImportSummary {
  fileName: string;
  rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  /** The batch id, or null for a dry run. */
  batch: number | null;
  /** The data version that added the accepted rows and the declared coverage; null for a dry run or when it added neither. */
  dataVersion: number | null;
  dryRun: boolean;
  /** Post-months the import declared it covers (each a nil report where it holds no seizure). */
  covered: number;
  /** The most frequent reasons for rejection, most frequent first (at most 10). */
  reasons: { reason: ImportReason; count: number }[];
  /** The first rejected rows in file order, as many as the import was asked to list (the rest are in the batch's download). */
  rejections: ImportRejection[];
}

/** A rejected row: its line in the file (CSV) or feature number (GeoJSON), every reason, and the row as it was. */
export interface ImportRejection {
  line: number;
  reasons: ImportReason[];
  /** The CSV line as text, or the GeoJSON feature. */
  raw: unknown;
}

/** The columns of a /api/timeseries row, in order. */
export const SERIES_COLUMNS = ['period', 'substance', 'count', 'kgEq', 'valueUsd'] as const;

/** First day of the bucket (YYYY-MM-DD), substance, seizures, kg-eq, USD (the three null when withheld). */
export type SeriesRow = [period: string, substance: string, count: number | null, kgEq: number | null, valueUsd: number | null];

/**
 * /api/timeseries: one row per bucket and substance as an array under `columns` rather than an
 * object each — a long series (1,100 rows for all months × substances) is half the bytes to encode,
 * send and parse.
 */
export interface SeriesAnswer {
  interval: TimeInterval;
  columns: typeof SERIES_COLUMNS;
  rows: SeriesRow[];
}

/** One series row as an object. */
export type SeriesPoint = Figures & {
  /** First day of the bucket, YYYY-MM-DD (weeks start on Monday, ISO). */
  period: string;
  substance: string;
};

/** Series rows as objects. */
export const seriesPoints = (rows: SeriesRow[]): SeriesPoint[] =>
  rows.map(([period, substance, count, kgEq, valueUsd]) =>
    count === null || kgEq === null || valueUsd === null
      ? { period, substance, count: null, kgEq: null, valueUsd: null, suppressed: true }
      : { period, substance, count, kgEq, valueUsd },
  );

/** One account as /api/admin/users lists it. */
export interface AccountSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  scope: CountryScope;
  disabled: boolean;
  createdAt: string;
  /** Sessions not yet expired. */
  activeSessions: number;
}

/** A data version: one write that changed seizures (lib/catalogue/vocabulary.ts names the actions). */
export interface DataVersion {
  id: number;
  /** ISO 8601, UTC. */
  at: string;
  account: string | null;
  action: DataVersionAction;
  batchId: number | null;
  added: number;
  removed: number;
  note: string;
}

/** One import batch as the history lists it. */
export interface ImportBatch {
  id: number;
  fileName: string | null;
  account: string | null;
  rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  startedAt: string;
  finishedAt: string | null;
  /** The data version that added its rows (null when none was accepted). */
  dataVersion: number | null;
  /** The data version that undid it, once undone. */
  undoneIn: number | null;
  /** For a re-import: the undone batch it brought back. */
  reimportOf: number | null;
  /** Seizures of the batch that are current (0 once undone). */
  current: number;
}

/** What an undo or a re-import did. */
export interface BatchChange {
  batch: number;
  dataVersion: number;
  added: number;
  removed: number;
  /** A re-import's rows already current under another batch, skipped. */
  duplicates: number;
}

/** A later data version that changed a view, and by how much (null for aggregates-only accounts). */
export interface Revision {
  id: number;
  action: DataVersionAction;
  note: string;
  at: string;
  count: number | null;
  kgEq: number | null;
}

/** /api/revisions: the pinned version, the current one, and what changed the view in between. */
export interface RevisionsAnswer {
  asOf: DataVersion;
  current: number;
  changes: {
    versions: Revision[];
    /** Net change in seizures and kg-eq; null when withheld (aggregates-only, too small a change). */
    count: number | null;
    kgEq: number | null;
  };
}

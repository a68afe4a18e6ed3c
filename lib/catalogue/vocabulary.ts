/**
 * Closed vocabularies shared by zod schemas, URL parsers and the database check constraints.
 * Add a value here and in a migration together; never rename a shipped value.
 */
export const UNITS = ['kg', 'l', 'units'] as const;
export type Unit = (typeof UNITS)[number];

export const DATE_PRECISIONS = ['day', 'month'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** How exactly a seizure's point is known: at a crossing, or approximated to a place, district or region. */
export const LOCATION_PRECISIONS = ['exact', 'crossing', 'place', 'district', 'region'] as const;
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];

export const TRANSPORT_MODES = ['truck', 'car', 'bus', 'rail', 'pedestrian', 'river', 'unknown'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

export const CONCEALMENTS = ['cargo', 'vehicle-cache', 'luggage', 'body', 'on-person', 'terrain', 'unknown'] as const;
export type Concealment = (typeof CONCEALMENTS)[number];

export const DETECTION_METHODS = ['dog', 'x-ray', 'risk-profiling', 'intelligence', 'inspection', 'patrol', 'unknown'] as const;
export type DetectionMethod = (typeof DETECTION_METHODS)[number];

export const SUBSTANCE_GROUPS = ['opiates', 'cannabis', 'synthetics', 'pharmaceutical-opioids', 'precursors'] as const;
export type SubstanceGroup = (typeof SUBSTANCE_GROUPS)[number];

export const BLO_KINDS = ['road', 'rail', 'river'] as const;
export type BloKind = (typeof BLO_KINDS)[number];

export const BLO_STATUSES = ['confirmed', 'unconfirmed'] as const;
export type BloStatus = (typeof BLO_STATUSES)[number];

/** high: published coordinate of the crossing; medium: snapped from the settlement; low: unverified. */
export const LOCATION_CONFIDENCES = ['high', 'medium', 'low'] as const;
export type LocationConfidence = (typeof LOCATION_CONFIDENCES)[number];

/** Buckets of a time series. */
export const TIME_INTERVALS = ['month', 'week', 'day'] as const;
export type TimeInterval = (typeof TIME_INTERVALS)[number];

/** Flows for arcs: origin country → destination country, or origin country → BLO. */
export const ROUTE_MODES = ['country', 'blo'] as const;
export type RouteMode = (typeof ROUTE_MODES)[number];

export const BATCH_KINDS = ['public', 'synthetic', 'import'] as const;
export type BatchKind = (typeof BATCH_KINDS)[number];

/**
 * What made a data version: the seizures present before versions existed (baseline), a seed, an
 * import, the undo of an import, or an undone import brought back.
 */
export const DATA_VERSION_ACTIONS = ['baseline', 'seed', 'import', 'undo', 'reimport'] as const;
export type DataVersionAction = (typeof DATA_VERSION_ACTIONS)[number];

/** Central Asia and its neighbours, ISO 3166-1 alpha-2: the countries whose polygons are shipped. */
export const COUNTRY_CODES = ['AF', 'CN', 'IR', 'KG', 'KZ', 'PK', 'RU', 'TJ', 'TM', 'UZ'] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

/** The five countries whose BLOs the dashboard covers. */
export const BLO_COUNTRIES = ['KZ', 'KG', 'TJ', 'TM', 'UZ'] as const satisfies readonly CountryCode[];

/**
 * Export files of what the filters select. Every export says first what it holds: the filters,
 * when it was made, whether synthetic data is in it, and the link back to the view. A seizures CSV
 * is in the import format (plus computed columns the importer ignores), so it goes back in as is,
 * in either dialect (lib/export/csv-dialect.ts). Figures are rounded to what they mean (EXPORT_DECIMALS).
 */
import { EXPORT_ONLY_COLUMNS, IMPORT_COLUMNS } from '@/lib/import/import-columns';
import type { Figures, SeizureListItem } from '@/lib/api/api-types';
import { toCsvLine } from '@/lib/csv/csv-line';
import type { LngLat } from '@/lib/geo/lng-lat';
import { serializeFilters, type Filters } from '@/lib/url/filters';
import { roundTo } from '@/lib/url/numbers';
import { csvStart, decimalText, EXPORT_DECIMALS, PLAIN_CSV, type CsvDialect } from './csv-dialect';

export interface ExportMeta {
  what: string;
  filters: Filters;
  /** ISO timestamp. */
  madeAt: string;
  /** The dashboard link that shows the same selection, pinned to `dataVersion`. */
  link: string;
  /** The data version the file holds (the link's `asof`). */
  dataVersion: number;
  /** Who exported it, and the audit log entry that records it. */
  account: string;
  auditId: number;
  /** For an aggregates-only account: figures from fewer seizures than this are withheld. */
  minCount: number | null;
}

/** What a withheld figure reads as in a file. */
export const WITHHELD_TEXT = 'withheld';

/** The note that explains withheld figures. */
export const withheldNote = (minCount: number): string =>
  `figures built from fewer than ${minCount} seizures are withheld, and so is a further figure wherever a total would give one away`;

export interface ExportBlo {
  code: string;
  name: string;
  nameRu: string;
  country: string;
  neighbor: string;
  status: string;
  lngLat: [number, number];
  totals: Figures & { lastSeizedOn: string | null };
}

const SYNTHETIC_TEXT = {
  include: 'included (generated sample seizures are in this file beside real ones; see the synthetic column)',
  exclude: 'excluded',
  only: 'only (every seizure in this file is generated, none is real)',
} as const;

export function filterSummary(filters: Filters): string {
  const q = serializeFilters(filters).toString();
  return q === '' ? 'none (all seizures)' : decodeURIComponent(q.replace(/\+/g, ' '));
}

/** Whose map data an export carries (post positions and distances rest on the OpenStreetMap borders). */
export const MAP_DATA_ATTRIBUTION = '© OpenStreetMap contributors (borders, ODbL); GeoNames (places, CC BY 4.0)';

/** `# key: value` lines opening a CSV export (the importer skips `#` lines). */
export function csvPreamble(meta: ExportMeta): string[] {
  return [
    `# BLO Atlas export: ${meta.what}`,
    `# filters: ${filterSummary(meta.filters)}`,
    `# made: ${meta.madeAt}`,
    `# data version: ${meta.dataVersion}`,
    `# synthetic data: ${SYNTHETIC_TEXT[meta.filters.synthetic]}`,
    `# link: ${meta.link}`,
    `# exported by: ${meta.account} (audit entry ${meta.auditId})`,
    `# map data: ${MAP_DATA_ATTRIBUTION}`,
    ...(meta.minCount === null ? [] : [`# ${WITHHELD_TEXT}: ${withheldNote(meta.minCount)}`]),
  ];
}

export function geojsonMetadata(meta: ExportMeta) {
  return {
    export: meta.what,
    filters: filterSummary(meta.filters),
    made: meta.madeAt,
    dataVersion: meta.dataVersion,
    syntheticData: SYNTHETIC_TEXT[meta.filters.synthetic],
    link: meta.link,
    exportedBy: meta.account,
    auditId: meta.auditId,
    mapData: MAP_DATA_ATTRIBUTION,
    ...(meta.minCount === null ? {} : { withheld: withheldNote(meta.minCount) }),
  };
}

/** The import format (a seizure's point, not a BLO name) and the columns exports add. */
export const SEIZURE_EXPORT_COLUMNS = [...IMPORT_COLUMNS.filter((c) => c !== 'blo'), ...EXPORT_ONLY_COLUMNS];

/** A month-precise date goes out as YYYY-MM, so it comes back in as month-precise. */
const exportDate = (s: SeizureListItem) => (s.datePrecision === 'month' ? s.seizedOn.slice(0, 7) : s.seizedOn);

/** Records never span lines in the import format: line breaks inside text become spaces. */
const oneLine = (v: string | null) => (v === null ? null : v.replace(/[\r\n]+/g, ' '));

/** A point rounded for a GeoJSON file (numbers stay numbers there). */
const roundedPoint = ([lng, lat]: LngLat): LngLat => [roundTo(lng, EXPORT_DECIMALS.degrees), roundTo(lat, EXPORT_DECIMALS.degrees)];

/** A figure rounded for a GeoJSON file; null (withheld) stays null. */
const rounded = (value: number | null, decimals: number) => (value === null ? null : roundTo(value, decimals));

export function seizureCsvRow(s: SeizureListItem, dialect: CsvDialect = PLAIN_CSV): string {
  const n = (value: number, decimals: number) => decimalText(value, decimals, dialect);
  return toCsvLine(
    [
      exportDate(s),
      s.substance,
      n(s.quantity, EXPORT_DECIMALS.quantity),
      s.unit,
      n(s.lngLat[0], EXPORT_DECIMALS.degrees),
      n(s.lngLat[1], EXPORT_DECIMALS.degrees),
      s.transport,
      s.concealment,
      s.detection,
      s.originCountry,
      s.destinationCountry,
      oneLine(s.sourceRef),
      oneLine(s.notes),
      n(s.kgEq, EXPORT_DECIMALS.kg),
      n(s.valueUsd, EXPORT_DECIMALS.usd),
      s.country,
      s.nearestBlo,
      s.synthetic,
      s.datePrecision,
      s.locationPrecision,
      s.id,
    ],
    dialect.delimiter,
  );
}

export function seizureFeature(s: SeizureListItem) {
  return {
    type: 'Feature' as const,
    id: s.id,
    geometry: { type: 'Point' as const, coordinates: roundedPoint(s.lngLat) },
    properties: {
      date: exportDate(s),
      substance: s.substance,
      quantity: roundTo(s.quantity, EXPORT_DECIMALS.quantity),
      unit: s.unit,
      transport: s.transport,
      concealment: s.concealment,
      detection: s.detection,
      origin: s.originCountry,
      destination: s.destinationCountry,
      source_ref: s.sourceRef,
      notes: s.notes,
      kg_eq: roundTo(s.kgEq, EXPORT_DECIMALS.kg),
      value_usd: roundTo(s.valueUsd, EXPORT_DECIMALS.usd),
      country: s.country,
      nearest_blo: s.nearestBlo,
      synthetic: s.synthetic,
    },
  };
}

export const BLO_EXPORT_COLUMNS = [
  'code',
  'name',
  'name_ru',
  'country',
  'neighbor',
  'status',
  'lon',
  'lat',
  'seizures',
  'kg_eq',
  'value_usd',
  'last_seizure',
] as const;

export function bloCsvRow(b: ExportBlo, dialect: CsvDialect = PLAIN_CSV): string {
  const n = (value: number | null, decimals: number) => (value === null ? WITHHELD_TEXT : decimalText(value, decimals, dialect));
  return toCsvLine(
    [
      b.code,
      b.name,
      b.nameRu,
      b.country,
      b.neighbor,
      b.status,
      n(b.lngLat[0], EXPORT_DECIMALS.degrees),
      n(b.lngLat[1], EXPORT_DECIMALS.degrees),
      n(b.totals.count, 0),
      n(b.totals.kgEq, EXPORT_DECIMALS.kg),
      n(b.totals.valueUsd, EXPORT_DECIMALS.usd),
      b.totals.lastSeizedOn,
    ],
    dialect.delimiter,
  );
}

export function bloFeature(b: ExportBlo) {
  return {
    type: 'Feature' as const,
    id: b.code,
    geometry: { type: 'Point' as const, coordinates: roundedPoint(b.lngLat) },
    properties: {
      code: b.code,
      name: b.name,
      name_ru: b.nameRu,
      country: b.country,
      neighbor: b.neighbor,
      status: b.status,
      seizures: b.totals.count,
      kg_eq: rounded(b.totals.kgEq, EXPORT_DECIMALS.kg),
      value_usd: rounded(b.totals.valueUsd, EXPORT_DECIMALS.usd),
      last_seizure: b.totals.lastSeizedOn,
      ...(b.totals.count === null ? { suppressed: true } : {}),
    },
  };
}

/** Lines of a streamed GeoJSON FeatureCollection with a `metadata` member, from features produced in pages. */
export async function* geojsonLines(meta: ExportMeta, pages: AsyncIterable<object[]>): AsyncGenerator<string> {
  yield `{"type":"FeatureCollection","metadata":${JSON.stringify(geojsonMetadata(meta))},"features":[\n`;
  let first = true;
  for await (const page of pages) {
    for (const f of page) {
      yield `${first ? '' : ',\n'}${JSON.stringify(f)}`;
      first = false;
    }
  }
  yield '\n]}\n';
}

/** Lines of a CSV export in `dialect` (its rows written in the same one): byte-order mark if any, preamble, header, rows. */
export async function* csvLines(
  meta: ExportMeta,
  header: readonly string[],
  pages: AsyncIterable<string[]>,
  dialect: CsvDialect = PLAIN_CSV,
): AsyncGenerator<string> {
  if (dialect.bom) yield csvStart(dialect);
  for (const line of csvPreamble(meta)) yield `${line}\n`;
  yield `${header.join(dialect.delimiter)}\n`;
  for await (const page of pages) if (page.length) yield `${page.join('\n')}\n`;
}

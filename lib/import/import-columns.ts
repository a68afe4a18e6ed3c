/** The columns of the import format, and those exports add (which the import accepts and ignores). */
/** The columns (CSV header names, GeoJSON property names) of the import format. */
export const IMPORT_COLUMNS = [
  'date',
  'substance',
  'quantity',
  'unit',
  'lon',
  'lat',
  'blo',
  'transport',
  'concealment',
  'detection',
  'origin',
  'destination',
  'source_ref',
  'notes',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
/** Columns our exports add; accepted and ignored on import, so an export goes back in as it is. */
export const EXPORT_ONLY_COLUMNS = [
  'kg_eq',
  'value_usd',
  'country',
  'nearest_blo',
  'synthetic',
  'date_precision',
  'location_precision',
  'id',
] as const;

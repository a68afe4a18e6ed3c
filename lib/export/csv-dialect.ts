/**
 * How a CSV export writes its values. The plain file is RFC 4180 (`,` between fields, decimal
 * point, no byte-order mark): what scripts and our importer read. The spreadsheet file is what
 * Excel set to Russian (or another comma-decimal language) opens in columns with its Cyrillic
 * intact: `;` between fields, decimal commas, and a UTF-8 byte-order mark (without one Excel reads
 * the file as the local 8-bit code page). Our importer reads both.
 *
 * Every figure is rounded to what it can mean and written without binary noise
 * (`104.38300000000001` → `104.383`), exponents or trailing zeros.
 */

export interface CsvDialect {
  delimiter: ',' | ';';
  decimalComma: boolean;
  /** Starts the file with U+FEFF. */
  bom: boolean;
}

export const PLAIN_CSV: CsvDialect = { delimiter: ',', decimalComma: false, bom: false };
export const EXCEL_CSV: CsvDialect = { delimiter: ';', decimalComma: true, bom: true };

/** What a file in `dialect` starts with: the byte-order mark, if it wants one. */
export const csvStart = (dialect: CsvDialect): string => (dialect.bom ? '\uFEFF' : '');

/** Decimal places each kind of figure is written with. */
export const EXPORT_DECIMALS = {
  /** A quantity as reported, in its unit (kg, l, units): to the milligram or millilitre, so nothing reported is lost. */
  quantity: 6,
  /** kg-equivalent: to the gram. */
  kg: 3,
  /** Estimated value, USD: whole dollars (it is an estimate; cents would be false precision). */
  usd: 0,
  /** Longitude and latitude, degrees: 6 places is about 0.1 m. */
  degrees: 6,
} as const;

/**
 * `value` rounded to `decimals` places, as text: no binary noise, no exponent, no trailing zeros,
 * never `-0`; a decimal comma in a dialect that wants one. No thousands separator (a spreadsheet
 * would read it as text).
 */
export function decimalText(value: number, decimals: number, dialect: CsvDialect = PLAIN_CSV): string {
  let text = value.toFixed(decimals);
  if (text.includes('.')) text = text.replace(/\.?0+$/, '');
  if (text === '-0') text = '0';
  return dialect.decimalComma ? text.replace('.', ',') : text;
}

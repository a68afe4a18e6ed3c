/**
 * Reads an import file as a stream of rows, never holding the file in memory: CSV (UTF-8, comma or
 * semicolon, header row, optional BOM, `#` comment lines, one record per line) or a GeoJSON
 * FeatureCollection of Points. A row that cannot even be split into fields comes out as an error
 * row (it is rejected and reported, never dropped); a file that is not of the format at all throws
 * an ImportFileError before any row.
 */
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import chain from 'stream-chain';
import { parser } from 'stream-json';
import { pick } from 'stream-json/filters/pick.js';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import { detectDelimiter, parseCsvLine } from '@/lib/csv/csv-line';
import { EXPORT_ONLY_COLUMNS, IMPORT_COLUMNS } from './import-columns';
import { importReasonText, type ImportReason } from './import-reasons';
import type { ImportFormat } from './import-upload';

// The formats are named with the upload's checks, which the browser also uses (this file is Node-only).
export { formatOfName, IMPORT_FORMATS, type ImportFormat } from './import-upload';

/** A row as read: its fields, or why it could not be read. `line` is the file line (CSV) or feature number (GeoJSON). */
export type RawRow = { line: number; fields: Record<string, string>; raw: unknown } | { line: number; error: ImportReason; raw: unknown };

/** A file that cannot be imported at all; the message is the reason in English. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
  constructor(readonly reason: ImportReason) {
    super(importReasonText('en', reason));
  }
}

const KNOWN = new Set<string>([...IMPORT_COLUMNS, ...EXPORT_ONLY_COLUMNS]);
const REQUIRED = ['date', 'substance', 'quantity', 'unit'] as const;

function checkHeader(names: string[]) {
  const seen = new Set<string>();
  for (const n of names) {
    if (!KNOWN.has(n)) throw new ImportFileError({ code: 'unknown-column', value: n.slice(0, 40) });
    if (seen.has(n)) throw new ImportFileError({ code: 'repeated-column', value: n });
    seen.add(n);
  }
  const missing = REQUIRED.filter((r) => !seen.has(r));
  if (missing.length) throw new ImportFileError({ code: 'missing-columns', columns: missing });
  if (!(seen.has('lon') && seen.has('lat')) && !seen.has('blo')) throw new ImportFileError({ code: 'no-location-columns' });
}

export async function* readCsvRows(input: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>): AsyncGenerator<RawRow> {
  const lines = createInterface({ input: Readable.from(input), crlfDelay: Infinity });
  let header: string[] | null = null;
  let delimiter: ',' | ';' = ',';
  let n = 0;
  for await (const text of lines) {
    n++;
    const line = n === 1 ? text.replace(/^\uFEFF/, '') : text;
    if (line.trim() === '' || line.startsWith('#')) continue;
    if (!header) {
      delimiter = detectDelimiter(line);
      const names = parseCsvLine(line, delimiter);
      if (!names) throw new ImportFileError({ code: 'header-quoting' });
      header = names.map((h) => h.trim().toLowerCase());
      checkHeader(header);
      continue;
    }
    if (line.includes('\uFFFD')) {
      yield { line: n, error: { code: 'not-utf8' }, raw: line };
      continue;
    }
    const values = parseCsvLine(line, delimiter);
    if (!values) {
      yield { line: n, error: { code: 'broken-quoting' }, raw: line };
      continue;
    }
    if (values.length !== header.length) {
      yield { line: n, error: { code: 'field-count', fields: values.length, header: header.length }, raw: line };
      continue;
    }
    const fields: Record<string, string> = {};
    header.forEach((h, i) => (fields[h] = values[i]));
    yield { line: n, fields, raw: line };
  }
  if (!header) throw new ImportFileError({ code: 'empty-file' });
}

const scalar = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export async function* readGeoJsonRows(input: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>): AsyncGenerator<RawRow> {
  const features = chain([Readable.from(input), parser(), pick({ filter: 'features', maxDepth: 64 }), streamArray()]);
  let count = 0;
  try {
    for await (const { key, value } of features as AsyncIterable<{ key: number; value: unknown }>) {
      count++;
      const line = key + 1;
      const f = value as {
        type?: unknown;
        geometry?: { type?: unknown; coordinates?: unknown } | null;
        properties?: Record<string, unknown> | null;
      };
      if (!f || typeof f !== 'object' || f.type !== 'Feature') {
        yield { line, error: { code: 'not-feature' }, raw: value };
        continue;
      }
      const fields: Record<string, string> = {};
      const entries = Object.entries(f.properties ?? {}).map(([k, v]) => [k.trim().toLowerCase(), v] as const);
      const unknown = entries.find(([name]) => !KNOWN.has(name));
      if (unknown) {
        yield { line, error: { code: 'unknown-property', value: unknown[0].slice(0, 40) }, raw: value };
        continue;
      }
      for (const [name, v] of entries) fields[name] = scalar(v);
      if (f.geometry) {
        const c = f.geometry.coordinates;
        if (f.geometry.type !== 'Point' || !Array.isArray(c) || c.length < 2 || typeof c[0] !== 'number' || typeof c[1] !== 'number') {
          yield { line, error: { code: 'not-point' }, raw: value };
          continue;
        }
        [fields.lon, fields.lat] = [String(c[0]), String(c[1])];
      }
      yield { line, fields, raw: value };
    }
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    throw new ImportFileError({ code: 'not-json', detail: (e as Error).message.slice(0, 200) });
  }
  if (count === 0) throw new ImportFileError({ code: 'no-features' });
}

export function readImportRows(
  input: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>,
  format: ImportFormat,
): AsyncGenerator<RawRow> {
  return format === 'csv' ? readCsvRows(input) : readGeoJsonRows(input);
}

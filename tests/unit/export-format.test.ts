/**
 * CSV exports: figures rounded to what they mean and written without binary noise, in the plain
 * dialect and the one for Excel set to Russian. Files are parsed back (csv-parse, and our importer)
 * and compared with values worked out by hand.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { SeizureListItem } from '@/lib/api/api-types';
import { decimalText, EXCEL_CSV, EXPORT_DECIMALS, PLAIN_CSV } from '@/lib/export/csv-dialect';
import {
  bloCsvRow,
  BLO_EXPORT_COLUMNS,
  csvLines,
  seizureCsvRow,
  seizureFeature,
  SEIZURE_EXPORT_COLUMNS,
  WITHHELD_TEXT,
  type ExportBlo,
  type ExportMeta,
} from '@/lib/export/export-format';
import { readCsvRows } from '@/lib/import/import-file';
import { normaliseImportRow } from '@/lib/import/import-row';
import { DEFAULT_FILTERS } from '@/lib/url/filters';

/** A seizure whose figures carry the noise float arithmetic leaves (sums and unit conversions). */
function createSeizure(overrides: Partial<SeizureListItem> = {}): SeizureListItem {
  return {
    id: 41,
    seizedOn: '2024-05-14',
    datePrecision: 'day',
    substance: 'heroin',
    quantity: 104.38300000000001,
    unit: 'kg',
    kgEq: 104.38300000000001,
    valueUsd: 3131490.0000000005,
    priceUsdPerKg: 30000,
    lngLat: [69.123456789, 41.30000000000001],
    locationPrecision: 'exact',
    nearestBlo: 'oybek',
    nearestBloKm: 12.345678,
    country: 'UZ',
    transport: 'truck',
    concealment: 'cargo',
    detection: 'dog',
    originCountry: 'AF',
    destinationCountry: 'KZ',
    sourceRef: 'REF-1',
    notes: 'в запасном колесе; 3 пакета, обёрнуты',
    synthetic: false,
    ...overrides,
  };
}

function createBlo(overrides: Partial<ExportBlo> = {}): ExportBlo {
  return {
    code: 'oybek',
    name: 'Oybek',
    nameRu: 'Ойбек',
    country: 'UZ',
    neighbor: 'TJ',
    status: 'confirmed',
    lngLat: [69.0000004, 40.9876543],
    totals: { count: 12, kgEq: 0.1 + 0.2, valueUsd: 1234.5, lastSeizedOn: '2024-12-30' },
    ...overrides,
  };
}

const META: ExportMeta = {
  what: 'seizures',
  filters: DEFAULT_FILTERS,
  madeAt: '2025-01-02T03:04:05.000Z',
  link: 'http://atlas.example.org/?asof=3&lang=ru',
  dataVersion: 3,
  account: 'analyst@example.org',
  auditId: 7,
  minCount: null,
};

async function* onePage<T>(items: T[]): AsyncGenerator<T[]> {
  yield items;
}

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

/** The records of a CSV export, by column name: comment lines (and a byte-order mark) set aside. */
function records(csv: string, delimiter: ',' | ';'): Record<string, string>[] {
  const body = csv
    .replace(/^\uFEFF/, '')
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n');
  return parse(body, { columns: true, delimiter }) as Record<string, string>[];
}

describe('decimalText', () => {
  it.each([
    [104.38300000000001, 3, '104.383'],
    [0.1 + 0.2, 3, '0.3'],
    [775, 3, '775'],
    [1.2, 6, '1.2'],
    [3131490.0000000005, 0, '3131490'],
    [1234.5, 0, '1235'],
    [69.123456789, 6, '69.123457'],
    [41.30000000000001, 6, '41.3'],
    [-0.0001, 3, '0'],
    [1e-7, 6, '0'],
    [-12.5, 1, '-12.5'],
    [123456789.5, 0, '123456790'],
  ])('%d to %d places is %s', (value, decimals, expected) => {
    expect(decimalText(value, decimals)).toBe(expected);
  });

  it('writes a decimal comma, and no thousands separator, for Excel', () => {
    expect(decimalText(104.38300000000001, 3, EXCEL_CSV)).toBe('104,383');
    expect(decimalText(1234567.25, 2, EXCEL_CSV)).toBe('1234567,25');
    expect(decimalText(12, 3, EXCEL_CSV)).toBe('12');
  });

  it('never writes more places than asked, and is within half a unit of the last place', () => {
    let seed = 11;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 500; i++) {
      const value = (rand() - 0.2) * 10 ** Math.floor(rand() * 8) + rand() * 1e-9;
      for (const decimals of [0, 3, 6]) {
        const written = decimalText(value, decimals);
        expect(written).toMatch(new RegExp(`^-?\\d+(\\.\\d{1,${Math.max(1, decimals)}})?$`));
        if (decimals === 0) expect(written).not.toContain('.');
        expect(Math.abs(Number(written) - value)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-8);
      }
    }
  });
});

describe('seizure CSV rows', () => {
  it('round each figure to what it means: quantity to the milligram, kg-eq to the gram, USD whole, degrees to 6 places', () => {
    const [record] = records(`${SEIZURE_EXPORT_COLUMNS.join(',')}\n${seizureCsvRow(createSeizure())}\n`, ',');
    expect(record).toMatchObject({
      date: '2024-05-14',
      quantity: '104.383',
      lon: '69.123457',
      lat: '41.3',
      kg_eq: '104.383',
      value_usd: '3131490',
      notes: 'в запасном колесе; 3 пакета, обёрнуты',
      id: '41',
    });
    expect(EXPORT_DECIMALS).toMatchObject({ quantity: 6, kg: 3, usd: 0, degrees: 6 });
  });

  it('in the Excel dialect: semicolons between fields, decimal commas, text with a semicolon quoted', () => {
    const row = seizureCsvRow(createSeizure(), EXCEL_CSV);
    expect(row).toContain(';104,383;kg;69,123457;41,3;');
    expect(row).toContain('"в запасном колесе; 3 пакета, обёрнуты"');
    const [record] = records(`${SEIZURE_EXPORT_COLUMNS.join(';')}\n${row}\n`, ';');
    expect(record).toMatchObject({ quantity: '104,383', lon: '69,123457', lat: '41,3', kg_eq: '104,383', value_usd: '3131490' });
    expect(record.notes).toBe('в запасном колесе; 3 пакета, обёрнуты');
  });
});

describe('BLO CSV rows', () => {
  it('round totals and degrees, and write withheld figures as the word', () => {
    const header = BLO_EXPORT_COLUMNS.join(',');
    const [shown, withheld] = records(
      `${header}\n${bloCsvRow(createBlo())}\n${bloCsvRow(createBlo({ totals: { count: null, kgEq: null, valueUsd: null, suppressed: true, lastSeizedOn: null } }))}\n`,
      ',',
    );
    expect(shown).toMatchObject({ lon: '69', lat: '40.987654', seizures: '12', kg_eq: '0.3', value_usd: '1235', name_ru: 'Ойбек' });
    expect(withheld).toMatchObject({ seizures: WITHHELD_TEXT, kg_eq: WITHHELD_TEXT, value_usd: WITHHELD_TEXT });
    expect(bloCsvRow(createBlo(), EXCEL_CSV)).toBe('oybek;Oybek;Ойбек;UZ;TJ;confirmed;69;40,987654;12;0,3;1235;2024-12-30');
  });
});

describe('CSV export files', () => {
  it('plain: no byte-order mark, commas', async () => {
    const csv = await text(csvLines(META, SEIZURE_EXPORT_COLUMNS, onePage([seizureCsvRow(createSeizure(), PLAIN_CSV)]), PLAIN_CSV));
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.split('\n')[0]).toBe('# BLO Atlas export: seizures');
    expect(records(csv, ',')).toHaveLength(1);
  });

  it('for Excel: a UTF-8 byte-order mark first, a semicolon header, rows parsed back to the rounded figures', async () => {
    const seizures = [createSeizure(), createSeizure({ id: 42, quantity: 1200, unit: 'units', kgEq: 0.24000000000000002, notes: null })];
    const csv = await text(csvLines(META, SEIZURE_EXPORT_COLUMNS, onePage(seizures.map((s) => seizureCsvRow(s, EXCEL_CSV))), EXCEL_CSV));
    expect(csv.startsWith('\uFEFF# BLO Atlas export: seizures\n')).toBe(true);
    expect(new TextEncoder().encode(csv).subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(csv).toContain(`\n${SEIZURE_EXPORT_COLUMNS.join(';')}\n`);
    const read = records(csv, ';');
    expect(read.map((r) => [r.id, r.quantity, r.unit, r.kg_eq, r.lon])).toEqual([
      ['41', '104,383', 'kg', '104,383', '69,123457'],
      ['42', '1200', 'units', '0,24', '69,123457'],
    ]);
  });

  it('for Excel goes back in through the importer as the same seizures as the plain file', async () => {
    const seizure = createSeizure();
    const ctx = { today: '2026-11-28', maxKg: 50_000, blos: [] };
    const imported = async (csv: string) => {
      const out = [];
      for await (const raw of readCsvRows([csv])) {
        if ('error' in raw) throw new Error(`line ${raw.line} unread`);
        out.push(normaliseImportRow(raw.fields, ctx));
      }
      return out;
    };
    const plain = await imported(await text(csvLines(META, SEIZURE_EXPORT_COLUMNS, onePage([seizureCsvRow(seizure)]))));
    const excel = await imported(
      await text(csvLines(META, SEIZURE_EXPORT_COLUMNS, onePage([seizureCsvRow(seizure, EXCEL_CSV)]), EXCEL_CSV)),
    );
    expect(excel).toEqual(plain);
    expect(plain[0].ok && [plain[0].seizure.quantity, plain[0].seizure.lngLat]).toEqual([104.383, [69.123457, 41.3]]);
  });
});

describe('GeoJSON features', () => {
  it('round figures and the point the same way, as numbers', () => {
    const f = seizureFeature(createSeizure());
    expect(f.geometry.coordinates).toEqual([69.123457, 41.3]);
    expect([f.properties.quantity, f.properties.kg_eq, f.properties.value_usd]).toEqual([104.383, 104.383, 3131490]);
  });
});

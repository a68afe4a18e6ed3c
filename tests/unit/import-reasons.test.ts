/**
 * Import rejection reasons are codes worded in English and Russian; stored as JSON and read back,
 * words from before reasons had codes included; and a dry run's rejected rows as a CSV file that a
 * CSV parser reads back to the rows it was made from, plain or for Excel.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '@/lib/api/api-types';
import { decodeImportReason, IMPORT_REASON_CODES, importReasonText, type ImportReason } from '@/lib/import/import-reasons';
import { EXCEL_CSV } from '@/lib/export/csv-dialect';
import {
  batchRejectionsFileName,
  dryRunRejectionsCsv,
  dryRunRejectionsFileName,
  rejectionCsvLine,
  rejectionsCsvHeader,
  rejectionsDialect,
  rejectionsPath,
} from '@/lib/import/rejections-csv';

/** One reason of every code. */
const SAMPLES: ImportReason[] = [
  { code: 'date-missing' },
  { code: 'date-format', value: '14/05/2025' },
  { code: 'date-not-real', value: '31.02.2025' },
  { code: 'date-future', value: '2099-01-01' },
  { code: 'date-too-early', value: '1989-12-31', earliest: '1990-01-01' },
  { code: 'substance-missing' },
  { code: 'substance-unknown', value: 'cocaine' },
  { code: 'quantity-missing' },
  { code: 'quantity-not-number', value: 'x' },
  { code: 'quantity-not-positive', value: '-5' },
  { code: 'unit-missing' },
  { code: 'unit-unknown', value: 'pounds' },
  { code: 'over-ceiling', kgEq: 999_999, maxKg: 50_000 },
  { code: 'coordinate-missing', missing: 'lon' },
  { code: 'coordinates-not-degrees', lon: 'x', lat: '41' },
  { code: 'coordinates-out-of-range', lon: 200, lat: 95 },
  { code: 'blo-unknown', value: 'Nowhere Post' },
  { code: 'no-location' },
  { code: 'vocabulary-unknown', column: 'transport', value: 'by air' },
  { code: 'country-unknown', column: 'origin', value: 'Atlantis' },
  { code: 'too-long', column: 'notes', max: 2000 },
  { code: 'unreadable' },
  { code: 'outside-region', lon: '2.35', lat: '48.85' },
  { code: 'not-utf8' },
  { code: 'broken-quoting' },
  { code: 'field-count', fields: 3, header: 14 },
  { code: 'not-feature' },
  { code: 'unknown-property', value: 'colour' },
  { code: 'not-point' },
  { code: 'unknown-column', value: 'name' },
  { code: 'repeated-column', value: 'date' },
  { code: 'missing-columns', columns: ['unit'] },
  { code: 'no-location-columns' },
  { code: 'header-quoting' },
  { code: 'empty-file' },
  { code: 'not-json', detail: 'Unexpected end' },
  { code: 'no-features' },
  { code: 'too-large', mb: 100 },
  { code: 'text', text: 'as it was written' },
];

describe('import reasons', () => {
  it('every code has a sample here', () => {
    expect(SAMPLES.map((r) => r.code).sort()).toEqual([...IMPORT_REASON_CODES].sort());
  });

  it('every reason reads in English and in Russian (Cyrillic, not the English words)', () => {
    for (const reason of SAMPLES.filter((r) => r.code !== 'text')) {
      const [en, ru] = [importReasonText('en', reason), importReasonText('ru', reason)];
      expect(en, reason.code).toMatch(/^[\x20-\x7e]+$/);
      expect(ru, reason.code).toMatch(/[а-яё]/i);
      expect(ru, reason.code).not.toBe(en);
    }
  });

  it('words each value the row named, as written', () => {
    expect(importReasonText('en', { code: 'quantity-not-positive', value: '-5' })).toBe('quantity "-5" must be more than 0');
    expect(importReasonText('en', { code: 'over-ceiling', kgEq: 999_999, maxKg: 50_000 })).toBe(
      'quantity is 999,999 kg-eq, above the ceiling of 50,000 kg-eq',
    );
    // Russian groups thousands with a (narrow) no-break space.
    expect(importReasonText('ru', { code: 'over-ceiling', kgEq: 999_999, maxKg: 50_000 }).replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'количество 999 999 кг-экв. выше предела 50 000 кг-экв.',
    );
    expect(importReasonText('en', { code: 'missing-columns', columns: ['unit', 'quantity'] })).toBe('missing columns unit, quantity');
  });

  it('reads back what is stored: a reason’s JSON, the JSON the database writes, and words from before codes', () => {
    for (const reason of SAMPLES) expect(decodeImportReason(JSON.stringify(reason))).toEqual(reason);
    // jsonb's text form puts a space after each colon.
    expect(decodeImportReason('{"lat": "48.85", "lon": "2.35", "code": "outside-region"}')).toEqual({
      code: 'outside-region',
      lon: '2.35',
      lat: '48.85',
    });
    expect(decodeImportReason('quantity must be more than 0')).toEqual({ code: 'text', text: 'quantity must be more than 0' });
    expect(decodeImportReason('{not json')).toEqual({ code: 'text', text: '{not json' });
    expect(decodeImportReason('{"code":"no-such-code"}')).toEqual({ code: 'text', text: '{"code":"no-such-code"}' });
    expect(decodeImportReason({ code: 'toString' })).toEqual({ code: 'text', text: '{"code":"toString"}' });
  });
});

describe("a dry run's rejected rows as CSV", () => {
  const summary: ImportSummary = {
    fileName: 'march.csv',
    rows: 5,
    accepted: 2,
    rejected: 3,
    duplicates: 0,
    covered: 0,
    batch: null,
    dataVersion: null,
    dryRun: true,
    reasons: [],
    rejections: [
      { line: 3, reasons: [{ code: 'quantity-not-positive', value: '-5' }], raw: '2025-03-01,opium,-5,kg,Dusti' },
      {
        line: 6,
        reasons: [
          { code: 'date-not-real', value: '31.02.2025' },
          { code: 'unit-unknown', value: 'pounds' },
        ],
        raw: '31.02.2025,opium,"5,5",pounds,Dusti',
      },
    ],
  };

  it('has the line, every reason in the language asked, and the row as it was', () => {
    const text = dryRunRejectionsCsv('ru', summary, '2025-03-02T10:00:00.000Z');
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('# BLO Atlas: rows rejected from march.csv (checked 2025-03-02T10:00:00.000Z, nothing written)');
    // Two of three rejected rows are listed: the file says so.
    expect(lines[1]).toBe('# the first 2 of 3 rejected rows (an import of the file keeps them all for download)');
    const records = parse(lines.slice(2).join('\n'), { columns: true }) as Record<string, string>[];
    expect(records).toEqual([
      { line: '3', reason: 'количество «-5» должно быть больше 0', row: '2025-03-01,opium,-5,kg,Dusti' },
      {
        line: '6',
        reason: 'даты «31.02.2025» нет в календаре; неизвестная единица «pounds» (известны: kg, g, l, ml, units, кг, г, л, мл, шт)',
        row: '31.02.2025,opium,"5,5",pounds,Dusti',
      },
    ]);
  });

  it('has no note when every rejected row is listed', () => {
    const text = dryRunRejectionsCsv('en', { ...summary, rejected: 2 }, '2025-03-02T10:00:00.000Z');
    expect(text.split('\n')[1]).toBe('line,reason,row');
  });

  it('is named after the file checked; a batch’s download keeps the reader’s language', () => {
    expect(dryRunRejectionsFileName('march.csv')).toBe('rejected-rows-check-march.csv');
    expect(rejectionsPath(12, 'en')).toBe('/api/imports/12/rejections');
    expect(rejectionsPath(12, 'ru')).toBe('/api/imports/12/rejections?lang=ru');
  });

  /** The records of a rejections file: byte-order mark and `#` lines set aside, parsed by csv-parse. */
  const records = (text: string, delimiter: ',' | ';') =>
    parse(
      text
        .replace(/^\uFEFF/, '')
        .split('\n')
        .filter((l) => !l.startsWith('#'))
        .join('\n'),
      { columns: true, delimiter },
    ) as Record<string, string>[];

  it('has a variant for Excel: the byte-order mark, `;` between fields, the same rows as the plain file', () => {
    const plain = dryRunRejectionsCsv('ru', summary, '2025-03-02T10:00:00.000Z');
    const excel = dryRunRejectionsCsv('ru', summary, '2025-03-02T10:00:00.000Z', rejectionsDialect(true));
    expect(excel.charCodeAt(0)).toBe(0xfeff);
    expect(plain.charCodeAt(0)).toBe('#'.charCodeAt(0));
    // The title and the note are the plain file's, behind the byte-order mark.
    expect(excel.slice(1, excel.indexOf('line;'))).toBe(plain.slice(0, plain.indexOf('line,')));
    expect(excel).toContain('\nline;reason;row\n');
    expect(records(excel, ';')).toEqual(records(plain, ','));
    expect(records(excel, ';')).toHaveLength(summary.rejections.length);
  });

  it('quotes a field holding `;` in the Excel variant, where a comma needs no quotes', () => {
    const reasons = [{ code: 'date-not-real', value: '31.02.2025' } as const, { code: 'unit-unknown', value: 'pounds' } as const];
    const row = { line: 6, reasons, raw: '31.02.2025,opium,5,pounds,Dusti' };
    expect(rejectionCsvLine('en', row, EXCEL_CSV)).toBe(
      '6;"date ""31.02.2025"" is not a real calendar date; unknown unit ""pounds"" (known: kg, g, l, ml, units)";31.02.2025,opium,5,pounds,Dusti',
    );
    expect(rejectionsCsvHeader(EXCEL_CSV)).toBe('line;reason;row');
    expect(rejectionsCsvHeader()).toBe('line,reason,row');
  });

  it('names and links the Excel variant as the exports do (`-excel`, `excel=1`)', () => {
    expect(rejectionsDialect(true)).toBe(EXCEL_CSV);
    expect(dryRunRejectionsFileName('march.csv', true)).toBe('rejected-rows-check-march-excel.csv');
    expect(batchRejectionsFileName(12)).toBe('rejected-rows-batch-12.csv');
    expect(batchRejectionsFileName(12, true)).toBe('rejected-rows-batch-12-excel.csv');
    expect(rejectionsPath(12, 'en', true)).toBe('/api/imports/12/rejections?excel=1');
    expect(rejectionsPath(12, 'ru', true)).toBe('/api/imports/12/rejections?lang=ru&excel=1');
  });
});

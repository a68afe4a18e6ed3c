/**
 * An upload refused before its file is read: each problem is a code with its values and an HTTP
 * status, worded in English (the API's message, which API clients and tests match) and in Russian
 * (the import page's), with every value it names.
 */
import { describe, expect, it } from 'vitest';
import {
  checkUpload,
  decodeUploadProblem,
  UPLOAD_PROBLEM_CODES,
  uploadProblemParam,
  uploadProblemStatus,
  uploadProblemText,
  type UploadProblem,
} from '@/lib/import/import-upload';

const MB = 1024 * 1024;

/** One problem of every code, each value distinct enough to be found in the text. */
const SAMPLES: UploadProblem[] = [
  { code: 'unknown-parameter', param: 'drop' },
  { code: 'name-missing' },
  { code: 'name-too-long', max: 160 },
  { code: 'name-characters' },
  { code: 'name-extension' },
  { code: 'dry-invalid' },
  { code: 'covers-invalid', detail: 'the first month is after the last' },
  { code: 'too-large', mb: 100 },
  { code: 'no-body' },
];

/** The values a problem names, as they must appear in its text. */
const values = (p: UploadProblem): string[] =>
  Object.entries(p)
    .filter(([key]) => key !== 'code')
    .map(([, v]) => String(v));

/** An upload with a body of `bytes` (a Content-Length header) and the query `query`. */
const upload = (query: string, bytes: number | null = 10, maxMb = 100) =>
  checkUpload({ search: new URLSearchParams(query), contentLength: bytes === null ? null : String(bytes), hasBody: true }, maxMb);

const problemOf = (query: string, bytes?: number | null) => {
  const result = upload(query, bytes);
  return 'problem' in result ? result.problem : null;
};

describe('upload problems', () => {
  it('every code has a sample here', () => {
    expect(SAMPLES.map((p) => p.code).sort()).toEqual([...UPLOAD_PROBLEM_CODES].sort());
  });

  it('every problem reads in English and in Russian (Cyrillic, not the English words), naming its values', () => {
    for (const problem of SAMPLES) {
      const [en, ru] = [uploadProblemText('en', problem), uploadProblemText('ru', problem)];
      expect(en, problem.code).toMatch(/^[\x20-\x7e]+$/);
      expect(ru, problem.code).toMatch(/[а-яё]/i);
      expect(ru, problem.code).not.toBe(en);
      for (const value of values(problem)) {
        expect(en, problem.code).toContain(value);
        expect(ru, problem.code).toContain(value);
      }
    }
  });

  it('reads the declared coverage, and names what is wrong with it', () => {
    const ok = upload('name=a.csv&covers=oybek:2024-01..2024-02;dostuk:2024-03');
    expect('problem' in ok ? ok.problem : ok.covers).toEqual([
      { post: 'dostuk', month: '2024-03-01' },
      { post: 'oybek', month: '2024-01-01' },
      { post: 'oybek', month: '2024-02-01' },
    ]);
    expect(problemOf('name=a.csv&covers=oybek:2024-05..2024-01')).toEqual({
      code: 'covers-invalid',
      detail: '"oybek:2024-05..2024-01" the first month is after the last',
    });
    expect(problemOf('name=a.csv&covers=atlantis:2024-01')).toMatchObject({
      code: 'covers-invalid',
      detail: expect.stringContaining('not a known BLO code'),
    });
    expect(problemOf(`name=a.csv&covers=${'x'.repeat(8001)}`)).toEqual({
      code: 'covers-invalid',
      detail: 'is longer than 8000 characters',
    });
    expect(uploadProblemParam({ code: 'covers-invalid', detail: 'x' })).toBe('covers');
  });

  it('keeps the English messages API clients match', () => {
    const en = (p: UploadProblem) => uploadProblemText('en', p);
    expect(en({ code: 'name-missing' })).toMatch(/^name is required/);
    expect(en({ code: 'name-extension' })).toBe('name must be a file name ending .csv, .geojson or .json');
    expect(en({ code: 'name-characters' })).toMatch(/must be a file name/);
    expect(en({ code: 'name-too-long', max: 160 })).toBe('name is longer than 160 characters');
    expect(en({ code: 'dry-invalid' })).toMatch(/^dry must be 0 or 1/);
    expect(en({ code: 'unknown-parameter', param: 'drop' })).toMatch(/^unknown parameter/);
    expect(en({ code: 'too-large', mb: 100 })).toBe('the file is larger than 100 MB');
    expect(en({ code: 'no-body' })).toBe('the request has no file in its body');
  });

  it('words the limit as the reason a file gets when it passes it while read', () => {
    expect(uploadProblemText('ru', { code: 'too-large', mb: 100 })).toBe('файл больше 100 МБ');
  });

  it('quotes an unknown key as JSON, so a line break in it stays on one line', () => {
    const text = uploadProblemText('en', { code: 'unknown-parameter', param: 'a\nb' });
    expect(text).toBe('unknown parameter "a\\nb" (accepted: name, dry, covers)');
    expect(text).not.toContain('\n');
  });

  it('answers 413 for a file over the limit and 400 for everything else, naming the parameter at fault', () => {
    expect(SAMPLES.map((p) => [p.code, uploadProblemStatus(p), uploadProblemParam(p)])).toEqual([
      ['unknown-parameter', 400, 'drop'],
      ['name-missing', 400, 'name'],
      ['name-too-long', 400, 'name'],
      ['name-characters', 400, 'name'],
      ['name-extension', 400, 'name'],
      ['dry-invalid', 400, 'dry'],
      ['covers-invalid', 400, 'covers'],
      ['too-large', 413, null],
      ['no-body', 400, null],
    ]);
  });

  it('reads back a problem from an answer, and nothing else', () => {
    for (const problem of SAMPLES) expect(decodeUploadProblem(JSON.parse(JSON.stringify(problem)))).toEqual(problem);
    for (const value of [undefined, null, 'name-missing', {}, { code: 'no-such-code' }, { code: 'toString' }, [{ code: 'no-body' }]]) {
      expect(decodeUploadProblem(value), JSON.stringify(value)).toBeNull();
    }
  });
});

describe('checking an upload before its file is read', () => {
  it('accepts a file name with its format, and a dry run', () => {
    expect(upload('name=march.csv')).toEqual({ name: 'march.csv', format: 'csv', dryRun: false, covers: [] });
    expect(upload('name=Points.GeoJSON&dry=1')).toEqual({ name: 'Points.GeoJSON', format: 'geojson', dryRun: true, covers: [] });
    expect(upload('name=%D0%B8%D0%B7%D1%8A%D1%8F%D1%82%D0%B8%D1%8F.json&dry=0')).toEqual({
      name: 'изъятия.json',
      format: 'geojson',
      dryRun: false,
      covers: [],
    });
    // A body without a Content-Length is counted while it is read.
    expect(upload('name=a.csv', null)).toEqual({ name: 'a.csv', format: 'csv', dryRun: false, covers: [] });
  });

  it.each([
    ['', { code: 'name-missing' }],
    ['name=a.csv&drop=1', { code: 'unknown-parameter', param: 'drop' }],
    [`name=a.csv&${'k'.repeat(60)}=1`, { code: 'unknown-parameter', param: 'k'.repeat(40) }],
    ['name=', { code: 'name-extension' }],
    ['name=data.xlsx', { code: 'name-extension' }],
    ['name=.csv', { code: 'name-extension' }],
    ['name=csv', { code: 'name-extension' }],
    ['name=../../etc/passwd.csv', { code: 'name-characters' }],
    ['name=C:%5Cdata.csv', { code: 'name-characters' }],
    ['name=a%0A.csv', { code: 'name-characters' }],
    ['name=%3Cscript%3E.csv', { code: 'name-characters' }],
    [`name=${'a'.repeat(157)}.csv`, { code: 'name-too-long', max: 160 }],
    ['name=a.csv&dry=yes', { code: 'dry-invalid' }],
    ['name=a.csv&dry=', { code: 'dry-invalid' }],
  ])('%s is refused: %o', (query, problem) => {
    expect(problemOf(query)).toEqual(problem);
  });

  it('takes the last value of a repeated key', () => {
    expect(upload('name=a.xlsx&name=b.csv&dry=1&dry=0')).toEqual({ name: 'b.csv', format: 'csv', dryRun: false, covers: [] });
  });

  it('checks the query before the size, and the size before the body', () => {
    expect(problemOf('name=data.xlsx', 101 * MB)).toEqual({ code: 'name-extension' });
    expect(problemOf('name=a.csv', 101 * MB)).toEqual({ code: 'too-large', mb: 100 });
    expect(problemOf('name=a.csv', 100 * MB)).toBeNull();
    expect(checkUpload({ search: new URLSearchParams('name=a.csv'), contentLength: String(101 * MB), hasBody: false }, 100)).toEqual({
      problem: { code: 'too-large', mb: 100 },
    });
    expect(checkUpload({ search: new URLSearchParams('name=a.csv'), contentLength: '0', hasBody: false }, 100)).toEqual({
      problem: { code: 'no-body' },
    });
  });

  it('ignores a Content-Length that is not a number (the body is counted as it arrives)', () => {
    expect(checkUpload({ search: new URLSearchParams('name=a.csv'), contentLength: 'lots', hasBody: true }, 100)).toEqual({
      name: 'a.csv',
      format: 'csv',
      dryRun: false,
      covers: [],
    });
  });
});

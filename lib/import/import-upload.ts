/**
 * An upload to POST /api/imports?name=FILE[&dry=1], checked before its file is read: the query
 * string, the declared size and the presence of a body. What is wrong is a problem code with the
 * values it names, like a rejection reason (import-reasons.ts), answered with its HTTP status and
 * worded here in English (the API's message) and Russian (the import page's). Problems found while
 * the file is read are import reasons. Browser-safe: the import page words the answers with it.
 */
import { z } from 'zod';
import type { Language } from '@/lib/url/view-state';
import { importReasonText } from './import-reasons';
import { MAX_COVERAGE_TEXT, parseCoverage, type PostMonthKey } from './coverage';

export const IMPORT_FORMATS = ['csv', 'geojson'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The format a file name says (.csv / .geojson / .json), or null. */
export function formatOfName(name: string): ImportFormat | null {
  if (/\.csv$/i.test(name)) return 'csv';
  if (/\.(geo)?json$/i.test(name)) return 'geojson';
  return null;
}

/** Longest file name accepted, in UTF-16 code units (it is stored with the batch and shown in its history). */
export const IMPORT_NAME_MAX = 160;

const UPLOAD_PARAMS = ['name', 'dry', 'covers'] as const;

/**
 * The query's name and dry, each refusal's message the problem's code (a repeated key counts with
 * its last value). The checks run in this order, and the first that fails is the problem.
 */
const QUERY = z.object({
  name: z
    .string({ error: 'name-missing' })
    .max(IMPORT_NAME_MAX, 'name-too-long')
    // No path separator, no character Windows refuses in a file name, no control character.
    .regex(/^[^/\\<>:"|?*\u0000-\u001f]*$/, 'name-characters')
    // A name, then .csv, .geojson or .json (`.csv` alone is an extension without a name).
    .regex(/^.+\.(csv|geojson|json)$/i, 'name-extension'),
  dry: z.enum(['0', '1'], 'dry-invalid').optional(),
  covers: z.string().optional(),
});

export type UploadProblem =
  /** A query key other than name and dry (cut to 40 characters). */
  | { code: 'unknown-parameter'; param: string }
  | { code: 'name-missing' }
  | { code: 'name-too-long'; max: number }
  | { code: 'name-characters' }
  | { code: 'name-extension' }
  | { code: 'dry-invalid' }
  /** The declaration of coverage (lib/import/coverage.ts) cannot be read: `detail` says why, in English. */
  | { code: 'covers-invalid'; detail: string }
  /** Content-Length over IMPORT_MAX_MB (a body without one is stopped at the limit while read: the reason `too-large`). */
  | { code: 'too-large'; mb: number }
  | { code: 'no-body' };

export type UploadProblemCode = UploadProblem['code'];

/** A checked upload: the file's name, the format it says, whether only to check the file, and the post-months it declares it covers. */
export interface ImportUpload {
  name: string;
  format: ImportFormat;
  dryRun: boolean;
  covers: PostMonthKey[];
}

export interface UploadRequest {
  search: URLSearchParams;
  /** The Content-Length header as sent, if any. */
  contentLength: string | null;
  hasBody: boolean;
}

/** The upload, or its first problem: the query string first, then the declared size, then the body. */
export function checkUpload(request: UploadRequest, maxMb: number): ImportUpload | { problem: UploadProblem } {
  const { search } = request;
  for (const key of search.keys()) {
    if (!(UPLOAD_PARAMS as readonly string[]).includes(key)) return { problem: { code: 'unknown-parameter', param: key.slice(0, 40) } };
  }
  const query = QUERY.safeParse(Object.fromEntries(search));
  if (!query.success) {
    const code = query.error.issues[0].message as Exclude<
      UploadProblemCode,
      'unknown-parameter' | 'too-large' | 'no-body' | 'covers-invalid'
    >;
    return { problem: code === 'name-too-long' ? { code, max: IMPORT_NAME_MAX } : { code } };
  }
  const { name, dry } = query.data;
  let covers: PostMonthKey[] = [];
  if (query.data.covers !== undefined) {
    if (query.data.covers.length > MAX_COVERAGE_TEXT)
      return { problem: { code: 'covers-invalid', detail: `is longer than ${MAX_COVERAGE_TEXT} characters` } };
    try {
      covers = parseCoverage(query.data.covers);
    } catch (e) {
      return { problem: { code: 'covers-invalid', detail: (e as Error).message } };
    }
  }
  if (Number(request.contentLength ?? NaN) > maxMb * 1024 * 1024) return { problem: { code: 'too-large', mb: maxMb } };
  if (!request.hasBody) return { problem: { code: 'no-body' } };
  return { name, format: formatOfName(name)!, dryRun: dry === '1', covers };
}

/** The HTTP status a problem is answered with: 413 for a file over the limit, 400 for the rest. */
export const uploadProblemStatus = (problem: UploadProblem): 400 | 413 => (problem.code === 'too-large' ? 413 : 400);

/** The query parameter a problem is about (the API's `param`), or null when it is about the body. */
export function uploadProblemParam(problem: UploadProblem): string | null {
  switch (problem.code) {
    case 'unknown-parameter':
      return problem.param;
    case 'name-missing':
    case 'name-too-long':
    case 'name-characters':
    case 'name-extension':
      return 'name';
    case 'dry-invalid':
      return 'dry';
    case 'covers-invalid':
      return 'covers';
    case 'too-large':
    case 'no-body':
      return null;
  }
}

type Wording = { [C in UploadProblemCode]: Record<Language, (p: Extract<UploadProblem, { code: C }>) => string> };

const accepted = UPLOAD_PARAMS.join(', ');
const extensions = '.csv, .geojson or .json';
const extensionsRu = '.csv, .geojson или .json';

/** English is the API's message (its tests match it); Russian reads after "Файл нельзя импортировать:". */
const WORDING: Wording = {
  'unknown-parameter': {
    // JSON quoting: a key is whatever the request sent, line breaks included.
    en: (p) => `unknown parameter ${JSON.stringify(p.param)} (accepted: ${accepted})`,
    ru: (p) => `неизвестный параметр запроса ${JSON.stringify(p.param)} (допустимы: ${accepted})`,
  },
  'name-missing': { en: () => 'name is required: the file name', ru: () => 'не указано имя файла (параметр name)' },
  'name-too-long': {
    en: (p) => `name is longer than ${p.max} characters`,
    ru: (p) => `имя файла длиннее ${p.max} символов`,
  },
  'name-characters': {
    en: () => 'name must be a file name alone: no folder, none of \\ < > : " | ? * and no control characters',
    ru: () => 'имя файла не должно содержать папку, символы \\ < > : " | ? * и управляющие символы',
  },
  'name-extension': {
    en: () => `name must be a file name ending ${extensions}`,
    ru: () => `имя файла должно оканчиваться на ${extensionsRu}`,
  },
  'dry-invalid': { en: () => 'dry must be 0 or 1', ru: () => 'параметр dry должен быть 0 или 1' },
  'covers-invalid': {
    en: (p) => `covers: ${p.detail}`,
    ru: (p) => `объявленный охват (posts:months) не прочитан: ${p.detail}`,
  },
  // The same words as the reason a file gets when it passes the limit while it is read.
  'too-large': {
    en: (p) => importReasonText('en', { code: 'too-large', mb: p.mb }),
    ru: (p) => importReasonText('ru', { code: 'too-large', mb: p.mb }),
  },
  'no-body': { en: () => 'the request has no file in its body', ru: () => 'в запросе нет файла' },
};

/** Every problem code, as worded here. */
export const UPLOAD_PROBLEM_CODES = Object.keys(WORDING) as UploadProblemCode[];

/** A problem in words, in `lang`. */
export function uploadProblemText(lang: Language, problem: UploadProblem): string {
  return (WORDING[problem.code][lang] as (p: UploadProblem) => string)(problem);
}

/** A problem as an answer carries it, or null when it is not one of ours (an older or another server's answer). */
export function decodeUploadProblem(value: unknown): UploadProblem | null {
  const code = value && typeof value === 'object' ? (value as { code?: unknown }).code : undefined;
  return typeof code === 'string' && Object.hasOwn(WORDING, code) ? (value as UploadProblem) : null;
}

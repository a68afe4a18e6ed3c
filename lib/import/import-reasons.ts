/**
 * Why an import row (or a whole file) is rejected: a reason code with the values it names, never a
 * sentence, so the report reads in the page's language. Reasons are stored this way too (one JSON
 * object per reason in `import_rejections.reasons`), and worded only when shown: `importReasonText`
 * is the one place that words them, in English and Russian.
 */
import { SUBSTANCES } from '@/lib/catalogue/substances';
import { CONCEALMENTS, COUNTRY_CODES, DETECTION_METHODS, TRANSPORT_MODES } from '@/lib/catalogue/vocabulary';
import type { Language } from '@/lib/url/view-state';
import { IMPORT_COLUMNS } from './import-columns';
import { IMPORT_UNITS } from './import-names';

export type VocabularyColumn = 'transport' | 'concealment' | 'detection';

export type ImportReason =
  // A row's values (lib/import/import-row.ts).
  | { code: 'date-missing' }
  | { code: 'date-format'; value: string }
  | { code: 'date-not-real'; value: string }
  | { code: 'date-future'; value: string }
  | { code: 'date-too-early'; value: string; earliest: string }
  | { code: 'substance-missing' }
  | { code: 'substance-unknown'; value: string }
  | { code: 'quantity-missing' }
  | { code: 'quantity-not-number'; value: string }
  | { code: 'quantity-not-positive'; value: string }
  | { code: 'unit-missing' }
  | { code: 'unit-unknown'; value: string }
  | { code: 'over-ceiling'; kgEq: number; maxKg: number }
  /** One of lon and lat is given, `missing` is not. */
  | { code: 'coordinate-missing'; missing: 'lon' | 'lat' }
  | { code: 'coordinates-not-degrees'; lon: string; lat: string }
  | { code: 'coordinates-out-of-range'; lon: number; lat: number }
  | { code: 'blo-unknown'; value: string }
  | { code: 'no-location' }
  | { code: 'vocabulary-unknown'; column: VocabularyColumn; value: string }
  | { code: 'country-unknown'; column: 'origin' | 'destination'; value: string }
  | { code: 'too-long'; column: 'source_ref' | 'notes'; max: number }
  | { code: 'unreadable' }
  // Decided in the database: the point falls in no shipped country (lon, lat as staged).
  | { code: 'outside-region'; lon: string; lat: string }
  // A row that cannot be split into fields (lib/import/import-file.ts).
  | { code: 'not-utf8' }
  | { code: 'broken-quoting' }
  | { code: 'field-count'; fields: number; header: number }
  | { code: 'not-feature' }
  | { code: 'unknown-property'; value: string }
  | { code: 'not-point' }
  // A file that is not in the format at all (ImportFileError).
  | { code: 'unknown-column'; value: string }
  | { code: 'repeated-column'; value: string }
  | { code: 'missing-columns'; columns: string[] }
  | { code: 'no-location-columns' }
  | { code: 'header-quoting' }
  | { code: 'empty-file' }
  | { code: 'not-json'; detail: string }
  | { code: 'no-features' }
  | { code: 'too-large'; mb: number }
  /** A reason kept as words: rows rejected before reasons had codes. */
  | { code: 'text'; text: string };

export type ImportReasonCode = ImportReason['code'];

type Wording = { [C in ImportReasonCode]: Record<Language, (r: Extract<ImportReason, { code: C }>) => string> };

const VOCABULARIES: Record<VocabularyColumn, readonly string[]> = {
  transport: TRANSPORT_MODES,
  concealment: CONCEALMENTS,
  detection: DETECTION_METHODS,
};

const list = (values: readonly string[]) => values.join(', ');
const substances = () => list(SUBSTANCES.map((s) => s.code));
const amount = (lang: Language, n: number) => n.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en');

const WORDING: Wording = {
  'date-missing': { en: () => 'date is missing', ru: () => 'не указана дата (date)' },
  'date-format': {
    en: (r) => `date "${r.value}" is not YYYY-MM-DD, DD.MM.YYYY, YYYY-MM or MM.YYYY`,
    ru: (r) => `дата «${r.value}» не в формате ГГГГ-ММ-ДД, ДД.ММ.ГГГГ, ГГГГ-ММ или ММ.ГГГГ`,
  },
  'date-not-real': {
    en: (r) => `date "${r.value}" is not a real calendar date`,
    ru: (r) => `даты «${r.value}» нет в календаре`,
  },
  'date-future': { en: (r) => `date ${r.value} is in the future`, ru: (r) => `дата ${r.value} ещё не наступила` },
  'date-too-early': { en: (r) => `date ${r.value} is before ${r.earliest}`, ru: (r) => `дата ${r.value} раньше ${r.earliest}` },
  'substance-missing': { en: () => 'substance is missing', ru: () => 'не указано вещество (substance)' },
  'substance-unknown': {
    en: (r) => `unknown substance "${r.value}" (known: ${substances()})`,
    ru: (r) => `неизвестное вещество «${r.value}» (известны: ${substances()})`,
  },
  'quantity-missing': { en: () => 'quantity is missing', ru: () => 'не указано количество (quantity)' },
  'quantity-not-number': { en: (r) => `quantity "${r.value}" is not a number`, ru: (r) => `количество «${r.value}» не число` },
  'quantity-not-positive': {
    en: (r) => `quantity "${r.value}" must be more than 0`,
    ru: (r) => `количество «${r.value}» должно быть больше 0`,
  },
  'unit-missing': { en: () => 'unit is missing', ru: () => 'не указана единица (unit)' },
  'unit-unknown': {
    en: (r) => `unknown unit "${r.value}" (known: ${list(IMPORT_UNITS)})`,
    ru: (r) => `неизвестная единица «${r.value}» (известны: ${list(IMPORT_UNITS)}, кг, г, л, мл, шт)`,
  },
  'over-ceiling': {
    en: (r) => `quantity is ${amount('en', r.kgEq)} kg-eq, above the ceiling of ${amount('en', r.maxKg)} kg-eq`,
    ru: (r) => `количество ${amount('ru', r.kgEq)} кг-экв. выше предела ${amount('ru', r.maxKg)} кг-экв.`,
  },
  'coordinate-missing': {
    en: (r) => `${r.missing === 'lon' ? 'lat' : 'lon'} is given without ${r.missing}`,
    ru: (r) => `указан ${r.missing === 'lon' ? 'lat' : 'lon'}, но нет ${r.missing}`,
  },
  'coordinates-not-degrees': {
    en: (r) => `lon/lat "${r.lon}", "${r.lat}" are not decimal degrees`,
    ru: (r) => `lon/lat «${r.lon}», «${r.lat}» не десятичные градусы`,
  },
  'coordinates-out-of-range': {
    en: (r) => `lon/lat ${r.lon}, ${r.lat} are out of range`,
    ru: (r) => `lon/lat ${r.lon}, ${r.lat} вне допустимых пределов`,
  },
  'blo-unknown': { en: (r) => `unknown BLO "${r.value}"`, ru: (r) => `неизвестный ППК «${r.value}»` },
  'no-location': { en: () => 'no location: give lon and lat, or blo', ru: () => 'не указано место: нужны lon и lat или blo' },
  'vocabulary-unknown': {
    en: (r) => `unknown ${r.column} "${r.value}" (known: ${list(VOCABULARIES[r.column])})`,
    ru: (r) => `неизвестное значение ${r.column} «${r.value}» (известны: ${list(VOCABULARIES[r.column])})`,
  },
  'country-unknown': {
    en: (r) => `${r.column} "${r.value}" is neither an ISO 3166 alpha-2 code nor a known country name`,
    ru: (r) => `${r.column} «${r.value}» не код ISO 3166 alpha-2 и не известное название страны`,
  },
  'too-long': {
    en: (r) => `${r.column} ${r.column === 'notes' ? 'are' : 'is'} longer than ${r.max} characters`,
    ru: (r) => `${r.column} длиннее ${r.max} символов`,
  },
  unreadable: { en: () => 'row could not be read', ru: () => 'строку не удалось прочитать' },
  'outside-region': {
    en: (r) => `point ${r.lon}, ${r.lat} is outside Central Asia and its neighbours (${list(COUNTRY_CODES)})`,
    ru: (r) => `точка ${r.lon}, ${r.lat} вне Центральной Азии и соседних стран (${list(COUNTRY_CODES)})`,
  },
  'not-utf8': { en: () => 'not valid UTF-8 text', ru: () => 'текст не в кодировке UTF-8' },
  'broken-quoting': {
    en: () => 'broken quoting (a quote opened and not closed, or text after a closing quote)',
    ru: () => 'нарушены кавычки (кавычка открыта и не закрыта или текст после закрывающей кавычки)',
  },
  'field-count': {
    en: (r) => `has ${r.fields} fields, the header has ${r.header}`,
    ru: (r) => `полей в строке: ${r.fields}, в заголовке: ${r.header}`,
  },
  'not-feature': { en: () => 'not a GeoJSON Feature', ru: () => 'не объект GeoJSON Feature' },
  'unknown-property': {
    en: (r) => `unknown property "${r.value}" (properties: ${list(IMPORT_COLUMNS)})`,
    ru: (r) => `неизвестное свойство «${r.value}» (свойства: ${list(IMPORT_COLUMNS)})`,
  },
  'not-point': { en: () => 'geometry is not a Point with [lon, lat]', ru: () => 'геометрия не Point с [lon, lat]' },
  'unknown-column': {
    en: (r) => `unknown column "${r.value}" (columns: ${list(IMPORT_COLUMNS)})`,
    ru: (r) => `неизвестный столбец «${r.value}» (столбцы: ${list(IMPORT_COLUMNS)})`,
  },
  'repeated-column': { en: (r) => `column "${r.value}" appears twice`, ru: (r) => `столбец «${r.value}» встречается дважды` },
  'missing-columns': {
    en: (r) => `missing column${r.columns.length > 1 ? 's' : ''} ${list(r.columns)}`,
    ru: (r) => `не хватает столбцов: ${list(r.columns)}`,
  },
  'no-location-columns': {
    en: () => 'no location columns: give lon and lat, or blo',
    ru: () => 'нет столбцов места: нужны lon и lat или blo',
  },
  'header-quoting': { en: () => 'the header row has broken quoting', ru: () => 'в строке заголовков нарушены кавычки' },
  'empty-file': { en: () => 'the file is empty: expected a header row', ru: () => 'файл пуст: нужна строка заголовков' },
  'not-json': { en: (r) => `not valid JSON: ${r.detail}`, ru: (r) => `некорректный JSON: ${r.detail}` },
  'no-features': {
    en: () => 'no features found: expected a GeoJSON FeatureCollection of Points',
    ru: () => 'объекты не найдены: нужна GeoJSON FeatureCollection точек',
  },
  'too-large': { en: (r) => `the file is larger than ${r.mb} MB`, ru: (r) => `файл больше ${r.mb} МБ` },
  text: { en: (r) => r.text, ru: (r) => r.text },
};

/** Every reason code, as worded here. */
export const IMPORT_REASON_CODES = Object.keys(WORDING) as ImportReasonCode[];

/** A reason in words, in `lang`. */
export function importReasonText(lang: Language, reason: ImportReason): string {
  return (WORDING[reason.code][lang] as (r: ImportReason) => string)(reason);
}

/**
 * A reason as stored: its object, or the JSON text of it (a `text[]` column). Anything else (rows
 * rejected before reasons had codes) comes back as words.
 */
export function decodeImportReason(stored: unknown): ImportReason {
  if (typeof stored === 'string') {
    if (!stored.startsWith('{')) return { code: 'text', text: stored };
    try {
      return decodeImportReason(JSON.parse(stored));
    } catch {
      return { code: 'text', text: stored };
    }
  }
  const code = stored && typeof stored === 'object' ? (stored as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && Object.hasOwn(WORDING, code)) return stored as ImportReason;
  return { code: 'text', text: JSON.stringify(stored) ?? String(stored) };
}

/**
 * What is wrong with a link's parameter, in the reader's language, from the problem the parsers
 * attach (lib/url/param-problem.ts). English is the parser's own message (the API's words, naming the
 * URL key); Russian names the setting in words, never the key, so a reader need not know the link's
 * syntax ("начало периода — такой даты нет в календаре").
 */
import type { ParamError } from '@/lib/url/filters';
import type { ParamProblem } from '@/lib/url/param-problem';
import type { Language } from '@/lib/url/view-state';
import { countOf, formatDay, formatNumber, t } from './i18n';

/** Each URL key of the dashboard (lib/url/filters.ts, view-state.ts) as the setting it holds. */
const SETTING_RU: Record<string, string> = {
  substance: 'вещество',
  from: 'начало периода',
  to: 'конец периода',
  country: 'страна',
  blo: 'ППК',
  transport: 'транспорт',
  concealment: 'способ сокрытия',
  minkg: 'минимум, кг-экв.',
  bbox: 'область карты',
  synthetic: 'синтетические данные',
  compare: 'сравнение',
  asof: 'версия данных',
  c: 'положение карты',
  b: 'поворот карты',
  p: 'наклон карты',
  l: 'слои карты',
  sel: 'выбранный ППК',
  r: 'радиус зоны охвата',
  t: 'момент воспроизведения',
  pm: 'режим воспроизведения',
  pw: 'окно воспроизведения',
  lang: 'язык',
};

/** The parts of a value the parsers name (urlNumber's `name`). */
const SUBJECT_RU: Record<string, string> = {
  longitude: 'долгота',
  latitude: 'широта',
  zoom: 'масштаб',
  bearing: 'поворот',
  pitch: 'наклон',
  west: 'западная граница',
  south: 'южная граница',
  east: 'восточная граница',
  north: 'северная граница',
  'data version': 'версия данных',
};

/** The form a value must take, for the keys whose value has parts. */
const SHAPE_RU: Record<string, string> = {
  c: 'нужны три числа через запятую: долгота, широта, масштаб',
  bbox: 'нужны четыре числа через запятую: запад, юг, восток, север',
};

const UNIT_RU: Record<string, string> = { km: 'км' };

/** A list of allowed values is shown when it is short; a long one (the 24 posts) is not. */
const MAX_CHOICES_SHOWN = 6;

function russian(param: string, problem: ParamProblem): string {
  const setting = SETTING_RU[param];
  const what = (problem.subject && SUBJECT_RU[problem.subject]) ?? setting ?? `«${param}»`;
  const unit = problem.unit ? ` ${UNIT_RU[problem.unit] ?? problem.unit}` : '';
  const lang = 'ru';
  switch (problem.kind) {
    case 'unknown-key':
      return `параметр «${param}» не относится к панели и пропущен`;
    case 'repeated':
      return `${what} — указано несколько раз`;
    case 'too-long':
      return `${what} — длиннее ${formatNumber(lang, problem.max)} символов`;
    case 'not-number':
      return `${what} — нужно ${problem.whole ? 'целое число' : 'число'}`;
    case 'below':
      return `${what} — нужно не меньше ${formatNumber(lang, problem.min)}${unit}`;
    case 'above':
      return `${what} — нужно не больше ${formatNumber(lang, problem.max)}${unit}`;
    case 'too-many':
      return `${what} — не больше ${countOf(lang, problem.max, 'valueOf')}`;
    case 'unknown-value':
      return `${what} — неизвестное значение «${problem.value}»`;
    case 'not-date':
      return `${what} — нужна дата в виде ГГГГ-ММ-ДД`;
    case 'no-such-day':
      return `${what} — такой даты нет в календаре`;
    case 'date-out-of-range':
      return `${what} — дата должна быть между ${formatDay(lang, problem.min)} и ${formatDay(lang, problem.max)}`;
    case 'from-after-to':
      return `начало периода (${formatDay(lang, problem.from)}) позже его конца (${formatDay(lang, problem.to)}); обе даты пропущены`;
    case 'not-choice':
      return problem.choices.length <= MAX_CHOICES_SHOWN
        ? `${what} — допустимо: ${problem.choices.join(', ')}`
        : `${what} — такого значения нет`;
    case 'bad-shape':
      return `${what} — ${SHAPE_RU[param] ?? 'значение записано не в том виде'}`;
    case 'bad-box':
      return `${what} — запад должен быть левее востока, а юг — ниже севера`;
    case 'invalid':
      return `${what} — значение не распознано`;
  }
}

/** One problem of a link, as the warning over the page lists it. */
export const paramProblemText = (lang: Language, error: ParamError): string =>
  lang === 'ru' ? russian(error.param, error.problem) : error.message;

/** The warning over a page opened by a link with problems: what was not understood, each part in the reader's language. */
export const linkProblemsText = (lang: Language, errors: readonly ParamError[]): string =>
  `${t(lang, 'badLink')}: ${errors.map((e) => paramProblemText(lang, e)).join('; ')}`;

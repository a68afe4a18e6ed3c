/**
 * Interface text in English and Russian (many users read Russian first), and number and date
 * formatting for both. Substance and BLO names come from the data in both scripts.
 */
import { getBloNames } from '@/lib/catalogue/blo-codes';
import { getCountry } from '@/lib/catalogue/countries';
import type { Filters } from '@/lib/url/filters';
import { getSubstance } from '@/lib/catalogue/substances';
import type { Language } from '@/lib/url/view-state';
import { plural, type PluralForms } from './plural';
import type { HotSpotPattern } from '@/lib/analysis/emerging-hot-spots';
import type { EmergingCategoryKey } from '@/lib/api/api-types';
import { completenessChange, type Completeness } from '@/lib/analysis/completeness';

const TEXT = {
  title: { en: 'BLO Atlas', ru: 'Атлас ППК' },
  subtitle: {
    en: 'Drug seizures at the Border Liaison Offices of Central Asia',
    // ППК is spelled out where it first appears (the title writes it alone, with the full form on hover).
    ru: 'Изъятия наркотиков у пунктов пограничного контроля (ППК) Центральной Азии',
  },
  filters: { en: 'Filters', ru: 'Фильтры' },
  substance: { en: 'Substance', ru: 'Вещество' },
  allSubstances: { en: 'All substances', ru: 'Все вещества' },
  period: { en: 'Period', ru: 'Период' },
  allTime: { en: 'All dates', ru: 'Все даты' },
  last12: { en: 'Last 12 months', ru: 'Последние 12 месяцев' },
  thisYear: { en: 'This year', ru: 'Этот год' },
  lastYear: { en: 'Last year', ru: 'Прошлый год' },
  custom: { en: 'Custom', ru: 'Выбрать' },
  from: { en: 'From', ru: 'С' },
  to: { en: 'To', ru: 'По' },
  // The date field (app/_components/date-field.tsx): it shows 31 Dec 2024 in English, 31.12.2024 in Russian.
  dateExample: { en: 'e.g. 31 Dec 2024', ru: 'напр. 31.12.2024' },
  dateFormat: { en: 'Write the date as 31 Dec 2024 or 2024-12-31', ru: 'Введите дату в виде 31.12.2024 или 2024-12-31' },
  dateNoSuchDay: {
    en: 'No such day in the calendar (numbers are read day first: 31.12.2024)',
    ru: 'Такого дня нет в календаре',
  },
  dateBeforeMin: { en: 'Choose {date} or later', ru: 'Не раньше {date}' },
  dateAfterMax: { en: 'Choose {date} or earlier', ru: 'Не позже {date}' },
  dateCalendar: { en: 'Choose a date from a calendar', ru: 'Выбрать дату в календаре' },
  country: { en: 'Country', ru: 'Страна' },
  blo: { en: 'BLO', ru: 'ППК' },
  bloFull: { en: 'Border Liaison Office', ru: 'пункт пограничного контроля' },
  postRoad: { en: 'Border Liaison Office (BLO) at a road crossing', ru: 'автодорожный пункт пограничного контроля (ППК)' },
  postRail: { en: 'Border Liaison Office (BLO) at a rail crossing', ru: 'железнодорожный пункт пограничного контроля (ППК)' },
  postRiver: { en: 'Border Liaison Office (BLO) at a river crossing', ru: 'речной пункт пограничного контроля (ППК)' },
  openedIn: { en: 'opened {year}', ru: 'открыт в {year} г.' },
  positionHigh: { en: 'The position is the published coordinate of the crossing.', ru: 'Положение — опубликованные координаты перехода.' },
  positionMedium: {
    en: 'The position is estimated from the nearest settlement and may be about a kilometre off.',
    ru: 'Положение определено по ближайшему населённому пункту и может отличаться примерно на километр.',
  },
  positionLow: {
    en: 'The position is not verified and may be several kilometres off.',
    ru: 'Положение не проверено и может отличаться на несколько километров.',
  },
  transport: { en: 'Transport', ru: 'Транспорт' },
  concealment: { en: 'Concealment', ru: 'Способ сокрытия' },
  minKg: { en: 'Minimum kg-eq', ru: 'Минимум, кг-экв.' },
  synthetic: { en: 'Synthetic data', ru: 'Синтетические данные' },
  syntheticInclude: { en: 'Include', ru: 'Включить' },
  syntheticExclude: { en: 'Exclude', ru: 'Исключить' },
  syntheticOnly: { en: 'Only', ru: 'Только' },
  compare: { en: 'Compare with', ru: 'Сравнить с' },
  comparePrevious: { en: 'Previous period', ru: 'Предыдущим периодом' },
  compareYear: { en: 'Same period last year', ru: 'Тем же периодом год назад' },
  compareNone: { en: 'Nothing', ru: 'Ничем' },
  reset: { en: 'Reset filters', ru: 'Сбросить фильтры' },
  any: { en: 'Any', ru: 'Любой' },
  seizures: { en: 'Seizures', ru: 'Изъятия' },
  kgEq: { en: 'kg-equivalent', ru: 'кг-эквивалент' },
  value: { en: 'Estimated value', ru: 'Оценочная стоимость' },
  keyFigures: { en: 'Key figures', ru: 'Основные показатели' },
  change: { en: 'vs comparison', ru: 'к сравнению' },
  noComparison: { en: 'no comparison period', ru: 'нет периода сравнения' },
  noComparisonAll: {
    en: 'All dates: there is no earlier period to compare with. Choose a period to see the change.',
    ru: 'Все даты: нет более раннего периода для сравнения. Выберите период, чтобы увидеть изменение.',
  },
  noComparisonOff: { en: 'Comparison is off ("Compare with: Nothing").', ru: 'Сравнение выключено («Сравнить с: ничем»).' },
  figuresFor: { en: 'Figures for {period}', ru: 'Показатели за {period}' },
  comparedWith: { en: 'compared with {period}', ru: 'в сравнении с {period}' },
  dataThrough: { en: 'Data up to {date}', ru: 'Данные по {date}' },
  periodAfterData: {
    en: 'This period starts after the latest data ({date}): it has no seizures yet.',
    ru: 'Период начинается после последних данных ({date}): изъятий в нём пока нет.',
  },
  periodPastData: {
    en: 'The data ends on {date}, before this period does: its last part has no seizures yet.',
    ru: 'Данные заканчиваются {date}, раньше конца периода: в его конце изъятий пока нет.',
  },
  comparisonPastData: {
    en: 'No change is shown: the period has no data yet to set against the comparison.',
    ru: 'Изменение не показано: в периоде ещё нет данных для сравнения.',
  },
  wasValue: { en: 'was {value}', ru: 'было {value}' },
  selectedPost: { en: 'Selected post', ru: 'Выбранный ППК' },
  atNearestPost: { en: 'seizures for which it is the nearest post', ru: 'изъятия, для которых он ближайший ППК' },
  ringsNeedPost: { en: 'open a post', ru: 'выберите ППК' },
  findPost: { en: 'Find a post (Latin or Cyrillic)', ru: 'Найти ППК (латиницей или кириллицей)' },
  searchMap: { en: 'Find a post or place', ru: 'Найти ППК или город' },
  searchPost: { en: 'BLO', ru: 'ППК' },
  searchPlace: { en: 'place', ru: 'населённый пункт' },
  searchNothing: { en: 'No post or place by that name', ru: 'Нет ППК или населённого пункта с таким названием' },
  changeAgainst: { en: 'Change: seizures against {period}.', ru: 'Изменение: изъятия в сравнении с {period}.' },
  changeColumn: { en: 'Change', ru: 'Изменение' },
  kgUnit: { en: 'kg', ru: 'кг' },
  comparisonMark: { en: 'compared with', ru: 'сравнение' },
  catchmentNote: {
    en: 'Every seizure within {km} of this post, measured on the Earth’s surface from the crossing point shown on the map, whichever post is nearest: where two catchments overlap a seizure counts in both, so catchments do not add up. The list of posts counts each seizure once, at its nearest post.',
    ru: 'Все изъятия в пределах {km} от этого ППК (по поверхности Земли от пункта пропуска, отмеченного на карте), какой бы ППК ни был ближе: где зоны охвата перекрываются, изъятие входит в обе, поэтому зоны нельзя складывать. В списке ППК каждое изъятие считается один раз — у ближайшего ППК.',
  },
  aboutFigures: { en: 'About these figures', ru: 'Об этих показателях' },
  aboutKgEq: {
    en: 'kg-equivalent adds different forms into one weight: kilograms as they are, 1 litre as {litreKg} kg, one tablet or dose as {tabletMg} mg. It compares amounts, not harm: a kilogram of heroin and one of hashish count the same.',
    ru: 'кг-эквивалент сводит разные формы к одному весу: килограммы как есть, 1 литр — {litreKg} кг, одна таблетка или доза — {tabletMg} мг. Он сравнивает количества, а не вред: килограмм героина и килограмм гашиша весят одинаково.',
  },
  aboutValue: {
    en: 'Estimated value is each seizure’s kg-equivalent times an indicative price per kg, stored with the seizure. Prices with a source are marked; the others are placeholders, so values are rough orders of size.',
    ru: 'Оценочная стоимость — кг-эквивалент каждого изъятия, умноженный на ориентировочную цену за кг, сохранённую вместе с изъятием. Цены с источником отмечены; остальные условны, поэтому стоимость — лишь порядок величины.',
  },
  aboutSynthetic: {
    en: 'A * marks a generated sample seizure, not a real one: the sample fills the map so it can be learnt and tested. The yellow banner counts them; “Synthetic data: Exclude” leaves them out.',
    ru: 'Знак * отмечает сгенерированное учебное изъятие, а не настоящее: выборка наполняет карту, чтобы её можно было изучить и проверить. Жёлтая полоса показывает их число; «Синтетические данные: исключить» убирает их.',
  },
  aboutOwners: {
    en: 'Who owns the data: imported seizures belong to the agencies that reported them (each import records who brought it in); the public seizures cite their published source; the sample is generated here. Law-enforcement data: share links, not files, and only with those cleared to see them.',
    ru: 'Кому принадлежат данные: импортированные изъятия — ведомствам, которые о них сообщили (каждый импорт записывает, кто его внёс); публичные изъятия ссылаются на опубликованный источник; выборка создана здесь. Это данные правоохранительных органов: делитесь ссылками, а не файлами, и только с теми, кому их можно видеть.',
  },
  priceSourced: { en: 'from a source', ru: 'по источнику' },
  pricePlaceholder: { en: 'placeholder', ru: 'условная' },
  pricePerKg: { en: 'Price per kg', ru: 'Цена за кг' },
  skipLinks: { en: 'Skip links', ru: 'Быстрый переход' },
  skipToMap: { en: 'Skip to the map', ru: 'Перейти к карте' },
  skipToPosts: { en: 'Skip to the list of posts', ru: 'Перейти к списку ППК' },
  scaleOfPeriod: {
    en: 'One scale for the whole period: a colour is the same amount in every frame.',
    ru: 'Одна шкала на весь период: цвет означает одно и то же число в каждом кадре.',
  },
  earlierMonths: {
    en: 'Before {month}: {count} ({from} – {to}), in the figures for all dates but not drawn on the chart or played back.',
    ru: 'До {month}: {count} ({from} – {to}); входят в показатели за все даты, но не показаны на графике и при воспроизведении.',
  },
  kpisDuringPlayback: {
    en: 'The map shows {window}; the figures above cover the whole period.',
    ru: 'Карта показывает {window}; показатели выше — за весь период.',
  },
  loading: { en: 'Loading…', ru: 'Загрузка…' },
  mapNeedsJavaScript: {
    en: 'The map needs JavaScript. The figures and the list of posts work without it.',
    ru: 'Для карты нужен JavaScript. Показатели и список ППК доступны и без него.',
  },
  layers: { en: 'Layers', ru: 'Слои' },
  points: { en: 'Seizures', ru: 'Изъятия' },
  hexagons: { en: 'Hotspots (hexagons)', ru: 'Очаги (шестиугольники)' },
  changes: { en: 'Change (hexagons)', ru: 'Изменение (шестиугольники)' },
  changesNote: {
    en: 'Seizures per hexagon minus those of {period}; purple fewer, orange more, pale no change',
    ru: 'Изъятия в шестиугольнике минус изъятия за {period}; фиолетовый — меньше, оранжевый — больше, светлый — без изменений',
  },
  changesNeedComparison: {
    en: 'Drawn for a period with a comparison: choose dates and “Compare with”',
    ru: 'Рисуется для периода со сравнением: выберите даты и «Сравнить с»',
  },
  changesNeedComparisonShort: { en: 'needs a comparison', ru: 'нужно сравнение' },
  changeNow: { en: 'This period', ru: 'Этот период' },
  changeBefore: { en: 'Comparison', ru: 'Сравнение' },
  heatmap: { en: 'Heatmap', ru: 'Тепловая карта' },
  emerging: { en: 'Emerging hot spots', ru: 'Возникающие горячие точки' },
  unusuallyHigh: { en: 'Unusually high: {month}', ru: 'Необычно много: {month}' },
  unusuallyLow: { en: 'Unusually low: {month}', ru: 'Необычно мало: {month}' },
  unusualTitle: {
    en: '{month}: {count} seizures; {low}–{high} in the same month of the {years} reported years before',
    ru: '{month}: изъятий {count}; {low}–{high} в тот же месяц за {years} предыдущих года с отчётами',
  },
  unusualRule: {
    en: 'A post’s latest month is unusual when its seizures fall outside the range of the same month in the previous three years it reported (at least two such years, and at least 5 seizures expected).',
    ru: 'Последний месяц поста необычен, если число изъятий выходит за пределы того же месяца трёх предыдущих лет с отчётами (не меньше двух таких лет и не меньше 5 ожидаемых изъятий).',
  },
  reporting: { en: 'Reporting', ru: 'Отчётность' },
  legendUnusualHigh: { en: 'Latest month unusually high', ru: 'Последний месяц: необычно много' },
  legendUnusualLow: { en: 'Latest month unusually low', ru: 'Последний месяц: необычно мало' },
  reportingTitle: { en: 'Who reported, month by month', ru: 'Кто отчитался, по месяцам' },
  reportingButtonTitle: {
    en: 'Each post’s months: seizures reported, a nil report or no report',
    ru: 'Месяцы каждого поста: изъятия, нулевой отчёт или нет отчёта',
  },
  statusSeizures: { en: 'Seizures reported', ru: 'Изъятия' },
  statusNil: { en: 'Nil report (nothing seized)', ru: 'Нулевой отчёт (изъятий нет)' },
  statusNone: { en: 'No report', ru: 'Нет отчёта' },
  reportingCount: { en: '{n} of {of} months', ru: '{n} из {of} мес.' },
  reportingGridNote: {
    en: 'A nil report is a true zero; a month with no report is unknown and is never counted as zero.',
    ru: 'Нулевой отчёт — это настоящий ноль; месяц без отчёта неизвестен и никогда не считается нулём.',
  },
  reportingEmpty: { en: 'No reports under these filters.', ru: 'Нет отчётов при этих фильтрах.' },
  completenessLine: {
    en: '{complete} of {posts} posts reported every month of the period ({reported} of {expected} post-months)',
    ru: 'Каждый месяц периода отчитались {complete} из {posts} постов ({reported} из {expected} пост-месяцев)',
  },
  completenessLineSince: {
    en: '{complete} of {posts} posts reported every month since {month} ({reported} of {expected} post-months)',
    ru: 'Каждый месяц с {month} отчитались {complete} из {posts} постов ({reported} из {expected} пост-месяцев)',
  },
  completenessDiffers: {
    en: 'Reporting differs from the comparison period: {now} of post-months reported, against {before} ({change}); part of the change may be missing reports.',
    ru: 'Полнота отчётности отличается от периода сравнения: {now} пост-месяцев с отчётом против {before} ({change}); часть изменения может объясняться отсутствием отчётов.',
  },
  completenessPoints: { en: '{sign}{n} pp', ru: '{sign}{n} п. п.' },
  postsReported: { en: '{n} of {of} posts reported', ru: 'отчитались {n} из {of} постов' },
  keyNoReport: { en: 'no post reported', ru: 'ни один пост не отчитался' },
  keyPartReport: { en: 'not every post reported', ru: 'отчитались не все посты' },
  postMonths: { en: 'Seizures by month at this post', ru: 'Изъятия по месяцам на этом посту' },
  bandKey: { en: 'usual range (same month, previous years)', ru: 'обычный диапазон (тот же месяц прошлых лет)' },
  expectedKey: { en: 'expected (median)', ru: 'ожидаемое (медиана)' },
  baselineRule: {
    en: 'A month is unusual when its seizures fall outside the range of the same month in up to {years} previous years the post reported, with at least {minYears} such years and at least {minExpected} seizures expected; months with no report are left out.',
    ru: 'Месяц необычен, если число изъятий выходит за пределы того же месяца в {years} предыдущих годах с отчётами поста (не меньше {minYears} таких лет и не меньше {minExpected} ожидаемых изъятий); месяцы без отчёта не учитываются.',
  },
  pairedChart: { en: 'Both sides of the border', ru: 'Обе стороны границы' },
  pairedOutside: { en: 'The partner post is outside your countries.', ru: 'Парный пост вне ваших стран.' },
  pairedReported: { en: '{post}: {n} of {of} months reported', ru: '{post}: отчёты за {n} из {of} мес.' },
  pairs: { en: 'Paired posts', ru: 'Парные посты' },
  pairsTitle: { en: 'Paired posts across each border', ru: 'Парные посты по обе стороны границы' },
  pairsLede: {
    en: 'What one side stops, the other should see. Seizures attributed to each post (nearest post), this period against the previous one of the same length.',
    ru: 'Что задержано на одной стороне, должна видеть и другая. Изъятия, отнесённые к каждому посту (ближайшему), за период и за предыдущий период той же длины.',
  },
  pairsPeriod: { en: '{period}, against {previous}', ru: '{period}, в сравнении с {previous}' },
  pairSide: { en: 'Post', ru: 'Пост' },
  pairNow: { en: 'Seizures', ru: 'Изъятия' },
  pairBefore: { en: 'Before', ru: 'Ранее' },
  pairChange: { en: 'Change', ru: 'Изменение' },
  pairReported: { en: 'Months reported', ru: 'Месяцы с отчётом' },
  pairsEmpty: { en: 'No paired posts in your countries.', ru: 'В ваших странах нет парных постов.' },
  emergingTitleNote: { en: 'Gi*, {steps}, H3 resolution {res}', ru: 'Gi*, {steps}, разрешение H3 {res}' },
  emergingSettings: { en: 'Emerging hot spots: settings', ru: 'Возникающие горячие точки: настройки' },
  emergingResolution: { en: 'Hexagons', ru: 'Шестиугольники' },
  emergingResolutionOption: { en: 'resolution {res} (edge ~{km})', ru: 'разрешение {res} (сторона ~{km})' },
  emergingStep: { en: 'Time step', ru: 'Шаг времени' },
  emergingMonths: { en: 'months', ru: 'месяцы' },
  emergingQuarters: { en: 'quarters', ru: 'кварталы' },
  emergingValue: { en: 'Value', ru: 'Величина' },
  emergingCount: { en: 'number of seizures', ru: 'число изъятий' },
  emergingKg: { en: 'kg-equivalent', ru: 'кг-эквивалент' },
  emergingTooFewSteps: {
    en: 'No analysis: the period holds {n} steps and at least {min} are needed. Choose a longer period or monthly steps.',
    ru: 'Анализ не проводится: в периоде {n} шагов, а нужно не меньше {min}. Выберите более длинный период или шаг в месяц.',
  },
  emergingNoSeizures: {
    en: 'No seizures match the filters: nothing to analyse.',
    ru: 'Нет изъятий по этим фильтрам: анализировать нечего.',
  },
  emergingEarlier: {
    en: '{count:seizure} before {month} are left out: the data is sparse before then. Set a start date to include them.',
    ru: 'В анализ не вошли изъятия до {month} ({n}): до этого данные редки. Задайте начальную дату, чтобы их включить.',
  },
  emergingLoading: { en: 'Computing emerging hot spots…', ru: 'Расчёт возникающих горячих точек…' },
  emergingSummary: {
    en: '{cells} hexagons analysed over {steps}; {hot} hot and {cold} cold spots',
    ru: 'Проанализировано шестиугольников: {cells}, {steps}; горячих точек: {hot}, холодных: {cold}',
  },
  emergingPosts: { en: 'Posts with emerging hot spots within {km} km', ru: 'Посты с возникающими горячими точками в радиусе {km} км' },
  emergingNearest: { en: 'nearest {km}', ru: 'ближайшая в {km}' },
  emergingNoPosts: {
    en: 'No post has a new, consecutive or intensifying hot spot within {km} km.',
    ru: 'Ни у одного поста нет новой, последовательной или усиливающейся горячей точки в радиусе {km} км.',
  },
  emergingWithheld: {
    en: 'Your account sees aggregates only: categories and significance are shown, not the values or z-scores.',
    ru: 'Ваша учётная запись видит только агрегаты: показаны категории и значимость, но не значения и z-оценки.',
  },
  emergingSignificant: { en: 'significant in {k} of {n}', ru: 'значима в {k} из {n}' },
  emergingRising: { en: 'rising', ru: 'растёт' },
  emergingFalling: { en: 'falling', ru: 'снижается' },
  emergingNoTrend: { en: 'no significant trend', ru: 'без значимого тренда' },
  emergingLastZ: { en: 'Last step', ru: 'Последний шаг' },
  emergingTrend: { en: 'Trend', ru: 'Тренд' },
  emergingSparkline: { en: 'Gi* z-score per step', ru: 'z-оценка Gi* по шагам' },
  emergingHow: { en: 'How this is computed', ru: 'Как это рассчитывается' },
  emergingHow1: {
    en: 'Each hexagon with a seizure in the period gets a value in every month (or quarter): the seizures, or kg-equivalent, that fall there, zero where none.',
    ru: 'Каждый шестиугольник, где в периоде было изъятие, получает значение за каждый месяц (или квартал): число изъятий или кг-эквивалент, ноль, если их не было.',
  },
  emergingHow2: {
    en: 'For each step, the Getis-Ord Gi* statistic compares a hexagon and its six neighbours with all hexagons of that step: a z-score. Significance at 90, 95 and 99 % is corrected for the number of hexagons (Benjamini–Hochberg false discovery rate).',
    ru: 'На каждом шаге статистика Гетиса–Орда Gi* сравнивает шестиугольник и шесть его соседей со всеми шестиугольниками этого шага: z-оценка. Значимость на уровнях 90, 95 и 99 % поправлена на число шестиугольников (доля ложных открытий Бенджамини–Хохберга).',
  },
  emergingHow3: {
    en: 'A Mann-Kendall test says whether a hexagon’s z-scores rise or fall over time (p < 0.05). The category follows ArcGIS Pro’s Emerging Hot Spot Analysis: new, consecutive, intensifying, persistent, diminishing, sporadic, oscillating or historical; “most steps” means 90 % of them.',
    ru: 'Тест Манна–Кендалла показывает, растут ли z-оценки шестиугольника со временем или снижаются (p < 0,05). Категория определяется как в анализе возникающих горячих точек ArcGIS Pro: новая, последовательная, усиливающаяся, постоянная, ослабевающая, спорадическая, колеблющаяся или историческая; «большинство шагов» — 90 % из них.',
  },
  emergingHow4: {
    en: 'A hot spot is where seizures cluster more than chance would make them, not where a post is busy: a busy post surrounded by quiet hexagons may be one; a post as busy as usual is persistent, not intensifying.',
    ru: 'Горячая точка — место, где изъятия скапливаются сильнее, чем объяснил бы случай, а не просто загруженный пост: загруженный пост среди тихих шестиугольников может им быть; пост, загруженный как обычно, — постоянная, а не усиливающаяся точка.',
  },
  routes: { en: 'Routes', ru: 'Маршруты' },
  rings: { en: 'Catchment rings', ru: 'Зоны охвата' },
  legend: { en: 'Legend', ru: 'Легенда' },
  bloConfirmed: { en: 'BLO, confirmed', ru: 'ППК, подтверждён' },
  bloUnconfirmed: { en: 'BLO, unconfirmed site', ru: 'ППК, место не подтверждено' },
  confirmed: { en: 'Confirmed', ru: 'Подтверждён' },
  unconfirmed: { en: 'Unconfirmed', ru: 'Не подтверждён' },
  copyLink: { en: 'Copy link', ru: 'Копировать ссылку' },
  copyLinkTitle: {
    en: 'A link to this view with its figures pinned to the data shown now: it shows them as briefed, even after later imports',
    ru: 'Ссылка на этот вид с данными, закреплёнными на текущей версии: она покажет их как в брифинге, даже после новых импортов',
  },
  copyLiveLink: { en: 'Live link', ru: 'Живая ссылка' },
  copyLiveLinkTitle: {
    en: 'A link to this view that always shows the current figures',
    ru: 'Ссылка на этот вид, всегда показывающая текущие данные',
  },
  copiedPinned: {
    en: 'Link copied: figures pinned to data version {version}',
    ru: 'Ссылка скопирована: данные закреплены на версии {version}',
  },
  copiedLive: {
    en: 'Live link copied: it always shows the current figures',
    ru: 'Живая ссылка скопирована: она всегда показывает текущие данные',
  },
  showCurrent: { en: 'Show current figures', ru: 'Показать текущие данные' },
  pinnedLoading: { en: 'Figures pinned to data version {version}…', ru: 'Данные закреплены на версии {version}…' },
  play: { en: 'Play', ru: 'Воспроизвести' },
  pause: { en: 'Pause', ru: 'Пауза' },
  stop: { en: 'Show whole period', ru: 'Весь период' },
  modeWindow: { en: 'Moving window', ru: 'Скользящее окно' },
  modeCumulative: { en: 'Cumulative', ru: 'Накопительно' },
  speed: { en: 'Speed', ru: 'Скорость' },
  playbackMode: { en: 'Mode', ru: 'Режим' },
  windowMonths: { en: 'Window, months', ru: 'Окно, мес.' },
  showing: { en: 'Map shows', ru: 'На карте' },
  series: { en: 'Seizures per month by substance (kg-eq)', ru: 'Изъятия по месяцам и веществам (кг-экв.)' },
  brushHint: { en: 'Drag across the chart to set the period', ru: 'Выделите участок графика, чтобы задать период' },
  noMatch: { en: 'No seizures match these filters.', ru: 'Нет изъятий, отвечающих фильтрам.' },
  apiError: { en: 'The data could not be loaded', ru: 'Не удалось загрузить данные' },
  retry: { en: 'Retry', ru: 'Повторить' },
  syntheticBanner: {
    en: 'Synthetic data shown: generated sample seizures are included beside real, publicly reported ones.',
    ru: 'Показаны синтетические данные: сгенерированные изъятия включены наряду с реальными, опубликованными.',
  },
  syntheticOnlyBanner: {
    en: 'Synthetic data only: every seizure shown is generated, none is real.',
    ru: 'Только синтетические данные: все показанные изъятия сгенерированы.',
  },
  badLink: {
    en: 'Part of this link could not be read and was left at its default',
    ru: 'Часть ссылки не распознана и заменена значением по умолчанию',
  },
  close: { en: 'Close', ru: 'Закрыть' },
  catchment: { en: 'Within', ru: 'В радиусе' },
  trend: { en: 'Monthly trend (catchment)', ru: 'Динамика по месяцам (зона охвата)' },
  topSubstances: { en: 'Top substances', ru: 'Основные вещества' },
  recent: { en: 'Recent seizures', ru: 'Последние изъятия' },
  paired: { en: 'Paired crossing', ru: 'Парный пункт' },
  flyTo: { en: 'Fly to', ru: 'Перейти' },
  source: { en: 'Source', ru: 'Источник' },
  nearest: { en: 'Nearest-BLO totals', ru: 'Итоги по ближайшему ППК' },
  radius: { en: 'Radius, km', ru: 'Радиус, км' },
  unitKm: { en: 'km', ru: 'км' },
  unitM: { en: 'm', ru: 'м' },
  mapZoomIn: { en: 'Zoom in', ru: 'Приблизить' },
  mapZoomOut: { en: 'Zoom out', ru: 'Отдалить' },
  mapResetBearing: {
    en: 'Drag to rotate the map, click to turn north up',
    ru: 'Перетащите, чтобы повернуть карту; нажмите, чтобы север был сверху',
  },
  mapScale: { en: 'Map scale', ru: 'Масштаб карты' },
  allPosts: { en: 'All posts', ru: 'Все пункты' },
  border: { en: 'Border', ru: 'Граница' },
  kind: { en: 'Kind', ru: 'Тип' },
  status: { en: 'Status', ru: 'Статус' },
  opened: { en: 'Opened', ru: 'Открыт' },
  location: { en: 'Location', ru: 'Координаты' },
  lastSeizure: { en: 'Last seizure', ru: 'Последнее изъятие' },
  count: { en: 'Count', ru: 'Число' },
  top: { en: 'Mostly', ru: 'Чаще всего' },
  manyPoints: {
    en: 'Many seizures: the map draws them as tiles, merged where they overlap.',
    ru: 'Изъятий много: карта показывает их плитками, объединяя близкие.',
  },
  boundaryNote: {
    en: 'Map data © OpenStreetMap contributors (borders), GeoNames (places). Borders are not an endorsement.',
    ru: 'Данные карты © участники OpenStreetMap (границы), GeoNames (населённые пункты). Границы не являются признанием.',
  },
  language: { en: 'Язык: русский', ru: 'Language: English' },
  road: { en: 'Road', ru: 'Авто' },
  rail: { en: 'Rail', ru: 'Ж/д' },
  river: { en: 'River', ru: 'Речной' },
  width: { en: 'width ∝ kg-eq', ru: 'толщина ∝ кг-экв.' },
  sizeKg: { en: 'size ∝ kg-eq', ru: 'размер ∝ кг-экв.' },
  fewer: { en: 'fewer', ru: 'меньше' },
  more: { en: 'more', ru: 'больше' },
  originDestination: { en: 'origin → destination', ru: 'откуда → куда' },
  perCell: { en: 'per cell', ru: 'на ячейку' },
  syntheticMark: { en: '* synthetic', ru: '* синтетические' },
  importTitle: { en: 'Import seizures', ru: 'Импорт изъятий' },
  importLede: {
    en: 'A CSV (UTF-8, comma or semicolon, header row) or a GeoJSON FeatureCollection of points. Every row is checked. The rows that pass go in together, in one transaction: an error midway writes nothing. Rejected rows are reported with their line and reason and can be downloaded, never dropped. Importing the same file again adds nothing.',
    ru: 'CSV (UTF-8, запятая или точка с запятой, строка заголовков) или GeoJSON FeatureCollection точек. Каждая строка проверяется. Прошедшие проверку строки записываются вместе, одной транзакцией: сбой посередине не записывает ничего. Отклонённые строки попадают в отчёт с номером строки и причиной и доступны для скачивания, ничего не теряется. Повторная загрузка того же файла ничего не добавляет.',
  },
  importFile: { en: 'File (CSV or GeoJSON, up to {mb} MB)', ru: 'Файл (CSV или GeoJSON, до {mb} МБ)' },
  chooseFile: { en: 'Choose a file…', ru: 'Выбрать файл…' },
  noFileChosen: { en: 'No file chosen', ru: 'Файл не выбран' },
  coversLabel: {
    en: 'Months this file is the complete report of (optional)',
    ru: 'Месяцы, за которые файл — полный отчёт (необязательно)',
  },
  coversHelp: {
    en: 'Posts, a colon, months: oybek,dostuk:2024-01..2024-06; groups joined by “;”. Each listed month without a seizure becomes a nil report. Or read a reporting-periods CSV (post, month, status: reported, nil or none).',
    ru: 'Посты, двоеточие, месяцы: oybek,dostuk:2024-01..2024-06; группы через «;». Каждый указанный месяц без изъятий станет нулевым отчётом. Или загрузите CSV отчётных периодов (post, month, status: reported, nil или none).',
  },
  periodsFile: { en: 'Read a reporting-periods file…', ru: 'Загрузить файл отчётных периодов…' },
  covered: { en: 'Post-months covered', ru: 'Пост-месяцев охвачено' },
  dryRunLabel: { en: 'Check only (dry run: report, write nothing)', ru: 'Только проверить (отчёт без записи)' },
  importStart: { en: 'Import', ru: 'Импортировать' },
  checkStart: { en: 'Check the file', ru: 'Проверить файл' },
  uploading: { en: 'Uploading and checking: {pct}% · {rows} rows read', ru: 'Загрузка и проверка: {pct}% · прочитано строк: {rows}' },
  writing: { en: 'Writing {rows} rows to the database…', ru: 'Запись строк в базу: {rows}…' },
  tooLarge: { en: 'The file is {size} MB; the limit is {mb} MB.', ru: 'Файл {size} МБ; предел {mb} МБ.' },
  networkError: {
    en: 'The upload was interrupted (network error). Nothing was written; try again.',
    ru: 'Загрузка прервана (ошибка сети). Ничего не записано; попробуйте снова.',
  },
  imported: { en: 'Imported', ru: 'Импортировано' },
  checked: { en: 'Checked (nothing written)', ru: 'Проверено (ничего не записано)' },
  rows: { en: 'Rows', ru: 'Строки' },
  accepted: { en: 'Accepted', ru: 'Принято' },
  rejected: { en: 'Rejected', ru: 'Отклонено' },
  duplicates: { en: 'Duplicates', ru: 'Дубликаты' },
  commonReasons: { en: 'Commonest reasons for rejection', ru: 'Частые причины отклонения' },
  rejectedRows: { en: 'Rejected rows', ru: 'Отклонённые строки' },
  line: { en: 'Line', ru: 'Строка' },
  rejectedShown: {
    en: 'The first {shown} of {count} rejected rows; the download has them all.',
    ru: 'Показаны первые {shown} из {count} отклонённых строк; в файле для скачивания — все.',
  },
  fileRefused: { en: 'The file cannot be imported: {reason}', ru: 'Файл нельзя импортировать: {reason}' },
  reason: { en: 'Reason', ru: 'Причина' },
  downloadRejected: {
    en: 'Download the rejected rows (CSV with a reason column)',
    ru: 'Скачать отклонённые строки (CSV со столбцом причины)',
  },
  downloadRejectedExcel: { en: 'Rejected rows as CSV for Excel', ru: 'Отклонённые строки — CSV для Excel' },
  rejectedExcelTitle: {
    en: 'Semicolon-separated with a byte-order mark: opens in columns, Cyrillic intact, in Excel set to Russian',
    ru: 'Разделитель — точка с запятой, с меткой порядка байтов: открывается по столбцам и с кириллицей в Excel с русскими настройками',
  },
  importFailed: {
    en: 'The import failed on our side; nothing was written. Try again, or tell an administrator.',
    ru: 'Импорт не удался по вине сервера; ничего не записано. Попробуйте снова или сообщите администратору.',
  },
  importSignedOut: {
    en: 'Your session has ended; nothing was written. Sign in again, then import the file again.',
    ru: 'Сеанс завершён; ничего не записано. Войдите снова и повторите импорт.',
  },
  openDashboard: { en: 'Open the dashboard', ru: 'Открыть панель' },
  backToDashboard: { en: '← Dashboard', ru: '← Панель' },
  importHistory: { en: 'Import history', ru: 'История импорта' },
  briefing: { en: 'Briefing', ru: 'Брифинг' },
  briefingTitle: {
    en: 'Briefing: drug seizures at the Border Liaison Offices',
    ru: 'Брифинг: изъятия наркотиков у пунктов пограничного контроля (ППК)',
  },
  defaultMarking: { en: 'For official use only', ru: 'Для служебного пользования' },
  briefDataVersion: { en: 'Data version {version} of {date}', ru: 'Версия данных {version} от {date}' },
  briefDataUpTo: { en: 'data up to {date}', ru: 'данные по {date}' },
  briefMade: { en: 'prepared {date} by {account}', ru: 'подготовлено {date}, {account}' },
  briefComparedWith: { en: 'Compared with {period}', ru: 'В сравнении с периодом {period}' },
  briefNoComparison: { en: 'No comparison period', ru: 'Без периода сравнения' },
  briefTopBlos: { en: 'Posts with most seizures in view', ru: 'Пункты с наибольшим числом изъятий' },
  briefTopRoutes: { en: 'Largest flows (origin → destination)', ru: 'Крупнейшие потоки (откуда → куда)' },
  briefNoRoutes: {
    en: 'No seizure in view names its origin and destination.',
    ru: 'Ни в одном изъятии не указаны страна отправления и назначения.',
  },
  briefMonthly: { en: 'Seizures by month (kg-eq by substance)', ru: 'Изъятия по месяцам (кг-экв. по веществам)' },
  briefLink: { en: 'This view, with these figures', ru: 'Этот вид с этими данными' },
  briefQrNote: {
    en: 'Scan to open the same view, pinned to data version {version}',
    ru: 'Отсканируйте, чтобы открыть этот вид (версия данных {version})',
  },
  briefPrint: { en: 'Print or save as PDF', ru: 'Печать или PDF' },
  noDataVersion: {
    en: 'asof: there is no data version {asked} (the latest is {current})',
    ru: 'Версии данных {asked} нет (последняя — {current})',
  },
  briefChange: { en: 'Change', ru: 'Изменение' },
  briefPost: { en: 'Post', ru: 'Пункт' },
  briefFlow: { en: 'Flow', ru: 'Поток' },
  month: { en: 'Month', ru: 'Месяц' },
  importsLede: {
    en: 'Every import with who made it and the data version it created. Undo removes exactly one import’s seizures from the current figures as a new data version; links pinned to earlier versions still show them, and an undone import can be brought back.',
    ru: 'Все импорты: кто их выполнил и какую версию данных они создали. Отмена убирает изъятия одного импорта из текущих данных как новую версию; ссылки, закреплённые на более ранних версиях, по-прежнему их показывают, а отменённый импорт можно вернуть.',
  },
  importAFile: { en: 'Import a file', ru: 'Импортировать файл' },
  noImports: { en: 'No file has been imported yet.', ru: 'Файлы ещё не импортировались.' },
  colBatch: { en: 'Batch', ru: 'Пакет' },
  colImportedAt: { en: 'Imported', ru: 'Импортирован' },
  colBy: { en: 'By', ru: 'Кем' },
  colFile: { en: 'File', ru: 'Файл' },
  colRows: { en: 'Rows', ru: 'Строк' },
  colAccepted: { en: 'Accepted', ru: 'Принято' },
  colRejected: { en: 'Rejected', ru: 'Отклонено' },
  colDuplicates: { en: 'Duplicates', ru: 'Дубликаты' },
  colDataVersion: { en: 'Data version', ru: 'Версия данных' },
  colStatus: { en: 'Status', ru: 'Состояние' },
  batchCurrent: { en: '{count:seizure} current', ru: '{count:seizure} в текущих данных' },
  batchEmpty: { en: 'added no seizure', ru: 'изъятия не добавлены' },
  batchUndone: { en: 'undone in data version {version}', ru: 'отменён в версии данных {version}' },
  batchReimportOf: { en: 're-import of batch {batch}', ru: 'возврат пакета {batch}' },
  undo: { en: 'Undo…', ru: 'Отменить…' },
  undoConfirm: {
    en: 'Undo batch {batch} ({file})? This takes {count:seizure} out of the current figures as a new data version.',
    ru: 'Отменить пакет {batch} ({file})? Это уберёт из текущих данных {count:seizure} и создаст новую версию данных.',
  },
  undoYes: { en: 'Undo batch {batch}', ru: 'Отменить пакет {batch}' },
  reimport: { en: 'Re-import', ru: 'Вернуть' },
  undone: {
    en: 'Batch {batch} undone: data version {version}, {count:seizure} removed.',
    ru: 'Пакет {batch} отменён: версия данных {version}, убрано {count:seizure}.',
  },
  reimported: {
    en: 'Batch {batch} brought back as batch {copy}: data version {version}, {count:seizure}.',
    ru: 'Пакет {batch} возвращён как пакет {copy}: версия данных {version}, {count:seizure}.',
  },
  olderImports: { en: 'Older imports →', ru: 'Более ранние импорты →' },
  newestImports: { en: '← Newest', ru: '← Новейшие' },
  formatTitle: { en: 'The format', ru: 'Формат файла' },
  downloadExample: { en: 'Download an example file', ru: 'Скачать пример файла' },
  importData: { en: 'Import', ru: 'Импорт' },
  exportData: { en: 'Export', ru: 'Экспорт' },
  exportSeizuresCsv: { en: 'Seizures (CSV)', ru: 'Изъятия (CSV)' },
  exportSeizuresGeojson: { en: 'Seizures (GeoJSON)', ru: 'Изъятия (GeoJSON)' },
  exportBlosCsv: { en: 'Totals per BLO (CSV)', ru: 'Итоги по ППК (CSV)' },
  exportBlosGeojson: { en: 'Totals per BLO (GeoJSON)', ru: 'Итоги по ППК (GeoJSON)' },
  exportSeizuresExcel: { en: 'Seizures (CSV for Excel)', ru: 'Изъятия (CSV для Excel)' },
  exportBlosExcel: { en: 'Totals per BLO (CSV for Excel)', ru: 'Итоги по ППК (CSV для Excel)' },
  exportExcelTitle: {
    en: 'Semicolon-separated with decimal commas and a byte-order mark: opens in columns, Cyrillic intact, in Excel set to Russian',
    ru: 'Разделитель — точка с запятой, десятичная запятая, метка порядка байтов: открывается по столбцам и с кириллицей в Excel с русскими настройками',
  },
  exportPng: { en: 'Map picture (PNG)', ru: 'Карта (PNG)' },
  dataUpTo: { en: 'Data up to', ru: 'Данные по' },
  made: { en: 'Made', ru: 'Создано' },
  link: { en: 'Link', ru: 'Ссылка' },
  syntheticShown: { en: 'Synthetic data shown', ru: 'Показаны синтетические данные' },
  noSynthetic: { en: 'No synthetic data', ru: 'Без синтетических данных' },
  signInTitle: { en: 'Sign in', ru: 'Вход' },
  signInLede: {
    en: 'BLO Atlas holds law-enforcement data. Sign in with the account an administrator made for you.',
    ru: 'Атлас пунктов пограничного контроля (ППК) содержит данные правоохранительных органов. Войдите под учётной записью, которую вам создал администратор.',
  },
  signInReturn: {
    en: 'After signing in you will return to the page you opened.',
    ru: 'После входа откроется страница, по ссылке на которую вы пришли.',
  },
  email: { en: 'Email', ru: 'Эл. почта' },
  password: { en: 'Password', ru: 'Пароль' },
  passwordAgain: { en: 'Password again', ru: 'Пароль ещё раз' },
  passwordRule: {
    en: 'At least 12 characters; a phrase of several words is easiest.',
    ru: 'Не менее 12 символов; проще всего фраза из нескольких слов.',
  },
  passwordsDiffer: { en: 'The two passwords differ.', ru: 'Пароли не совпадают.' },
  signIn: { en: 'Sign in', ru: 'Войти' },
  signingIn: { en: 'Signing in…', ru: 'Вход…' },
  signInSso: { en: 'Sign in with {label}', ru: 'Войти через {label}' },
  wrongCredentials: { en: 'Wrong email or password.', ru: 'Неверная эл. почта или пароль.' },
  tooManyAttempts: {
    en: 'Too many failed attempts. Try again in {minutes:minute}.',
    ru: 'Слишком много неудачных попыток. Повторите через {minutes} мин.',
  },
  requestFailed: { en: 'That did not work: {message}', ru: 'Не получилось: {message}' },
  signOut: { en: 'Sign out', ru: 'Выйти' },
  signedInAs: { en: 'Signed in as {email}', ru: 'Вы вошли как {email}' },
  usersLink: { en: 'Users', ru: 'Пользователи' },
  forbiddenRole: {
    en: 'Your account ({role}) cannot {action}: that needs the {least} role or above. Ask an administrator.',
    ru: 'Ваша учётная запись ({role}) не может {action}: для этого нужна роль «{least}» или выше. Обратитесь к администратору.',
  },
  forbiddenScope: {
    en: 'Your account cannot {action}: that needs an account that sees all countries.',
    ru: 'Ваша учётная запись не может {action}: для этого нужна запись, которая видит все страны.',
  },
  actionView: { en: 'open the dashboard', ru: 'открывать панель' },
  actionExport: { en: 'export files', ru: 'выгружать файлы' },
  actionEvents: { en: 'see single seizures', ru: 'видеть отдельные изъятия' },
  actionImport: { en: 'import seizures', ru: 'импортировать изъятия' },
  actionUsers: { en: 'manage accounts', ru: 'управлять учётными записями' },
  forbiddenTitle: { en: 'Not available to your account', ru: 'Недоступно вашей учётной записи' },
  setupTitle: { en: 'Create the first administrator', ru: 'Создание первого администратора' },
  setupLede: {
    en: 'This database has no accounts yet. The account you create here manages all others; this link works once.',
    ru: 'В базе ещё нет учётных записей. Создаваемая здесь запись управляет всеми остальными; ссылка действует один раз.',
  },
  setupInvalid: {
    en: 'This link has been used or has expired. Restart the server for a new one, or ask an administrator for an account.',
    ru: 'Ссылка уже использована или устарела. Перезапустите сервер, чтобы получить новую, или попросите учётную запись у администратора.',
  },
  createAdmin: { en: 'Create administrator', ru: 'Создать администратора' },
  name: { en: 'Name', ru: 'Имя' },
  usersTitle: { en: 'Users', ru: 'Пользователи' },
  usersLede: {
    en: 'Accounts, what each may do and which countries it sees. An account limited to no country sees nothing.',
    ru: 'Учётные записи, их права и страны, данные которых они видят. Запись без единой страны не видит ничего.',
  },
  newUser: { en: 'New account', ru: 'Новая учётная запись' },
  createUser: { en: 'Create account', ru: 'Создать запись' },
  role: { en: 'Role', ru: 'Роль' },
  countries: { en: 'Countries', ru: 'Страны' },
  allCountries: { en: 'All countries', ru: 'Все страны' },
  noCountry: { en: 'No country (sees nothing)', ru: 'Ни одной (не видит ничего)' },
  sessionsActive: { en: 'Sessions', ru: 'Сеансы' },
  active: { en: 'Active', ru: 'Активна' },
  disabled: { en: 'Disabled', ru: 'Отключена' },
  disable: { en: 'Disable', ru: 'Отключить' },
  enable: { en: 'Enable', ru: 'Включить' },
  save: { en: 'Save', ru: 'Сохранить' },
  edit: { en: 'Edit', ru: 'Изменить' },
  cancel: { en: 'Cancel', ru: 'Отмена' },
  resetPassword: { en: 'New password', ru: 'Новый пароль' },
  endSessions: { en: 'Sign out everywhere', ru: 'Завершить все сеансы' },
  saved: { en: 'Saved.', ru: 'Сохранено.' },
  userCreated: { en: 'Account {email} created.', ru: 'Учётная запись {email} создана.' },
  you: { en: 'you', ru: 'вы' },
  roleNameViewer: { en: 'Viewer', ru: 'Читатель' },
  roleNameAnalyst: { en: 'Analyst', ru: 'Аналитик' },
  roleNameEditor: { en: 'Editor', ru: 'Редактор' },
  roleNameAdmin: { en: 'Admin', ru: 'Администратор' },
  roleViewer: { en: 'Viewer: totals only (small figures withheld)', ru: 'Читатель: только итоги (малые числа скрыты)' },
  roleAnalyst: { en: 'Analyst: + single seizures, exports', ru: 'Аналитик: + отдельные изъятия, выгрузки' },
  roleEditor: { en: 'Editor: + imports', ru: 'Редактор: + импорт' },
  roleAdmin: { en: 'Admin: + accounts', ru: 'Администратор: + учётные записи' },
  auditLink: { en: 'Audit log', ru: 'Журнал' },
  auditTitle: { en: 'Audit log', ru: 'Журнал аудита' },
  auditLede: {
    en: 'Who signed in, changed accounts, imported, exported or opened single seizures, and every refusal. Rows cannot be changed or deleted by the app.',
    ru: 'Кто входил, менял учётные записи, импортировал, выгружал или открывал отдельные изъятия, и каждый отказ. Приложение не может изменить или удалить записи.',
  },
  auditKeptForever: { en: 'Kept forever (no retention set).', ru: 'Хранится бессрочно (срок не задан).' },
  auditKeptDays: {
    en: 'Retention: {days:day}; older rows are archived to a CSV file by npm run audit:archive.',
    ru: 'Срок хранения: {days} дн.; более старые записи архивирует в CSV команда npm run audit:archive.',
  },
  auditActor: { en: 'Account (email)', ru: 'Учётная запись (email)' },
  auditAction: { en: 'Action', ru: 'Действие' },
  auditAnyAction: { en: 'Any action', ru: 'Любое действие' },
  auditText: { en: 'Text', ru: 'Текст' },
  auditFilter: { en: 'Show', ru: 'Показать' },
  auditClear: { en: 'Clear', ru: 'Сбросить' },
  auditCsv: { en: 'Download CSV', ru: 'Скачать CSV' },
  auditOlder: { en: 'Older →', ru: 'Старше →' },
  auditNewest: { en: '← Newest', ru: '← Новейшие' },
  auditNone: { en: 'No audit rows match.', ru: 'Нет подходящих записей.' },
  auditTime: { en: 'Time (UTC)', ru: 'Время (UTC)' },
  auditWho: { en: 'Account', ru: 'Учётная запись' },
  auditTarget: { en: 'Target', ru: 'Объект' },
  auditParams: { en: 'Parameters', ru: 'Параметры' },
  auditResult: { en: 'Result', ru: 'Итог' },
  auditClient: { en: 'Client', ru: 'Клиент' },
  auditRows: { en: '{n:row}', ru: '{n:row}' },
  auditView: { en: 'Open the view', ru: 'Открыть вид' },
  auditBadQuery: { en: 'Not shown', ru: 'Не показано' },
  actionSignIn: { en: 'sign-in', ru: 'вход' },
  actionSignInFailed: { en: 'failed sign-in', ru: 'неудачный вход' },
  actionSignOut: { en: 'sign-out', ru: 'выход' },
  actionSessionsRevoked: { en: 'sessions ended', ru: 'сеансы завершены' },
  actionAccountCreated: { en: 'account created', ru: 'запись создана' },
  actionAccountChanged: { en: 'account changed', ru: 'запись изменена' },
  actionImported: { en: 'import', ru: 'импорт' },
  actionImportDryRun: { en: 'import check', ru: 'проверка импорта' },
  actionImportUndone: { en: 'import undone', ru: 'отмена импорта' },
  actionImportReimported: { en: 'undone import restored', ru: 'возврат отменённого импорта' },
  actionExported: { en: 'export', ru: 'выгрузка' },
  actionSingleSeizures: { en: 'single seizures', ru: 'отдельные изъятия' },
  actionDenied: { en: 'refused', ru: 'отказ' },
  actionArchived: { en: 'audit rows archived', ru: 'записи журнала архивированы' },
  withheld: { en: 'withheld', ru: 'скрыто' },
  withheldCells: { en: 'Withheld (fewer than {k}, or hidden with one)', ru: 'Скрыто (менее {k} или вместе с таким)' },
  withheldTitle: {
    en: 'Withheld: too few seizures to show, or hidden with such a figure',
    ru: 'Скрыто: слишком мало изъятий или скрыто вместе с таким числом',
  },
  withheldNote: {
    en: 'Withheld: figures built from fewer than {k:seizureOf}, and a further figure wherever a total would give one away.',
    ru: 'Скрыто: числа, составленные менее чем из {k:seizureOf}, и ещё одно число там, где по итогу его можно было бы вычислить.',
  },
  seizureFilesHidden: { en: 'Seizure files: not for your role (totals only).', ru: 'Файлы изъятий: не для вашей роли (только итоги).' },
  exportedBy: { en: 'Exported by {account} (audit entry {id})', ru: 'Выгрузил(а) {account} (запись журнала {id})' },
  recentHidden: { en: 'Not shown to your role: it sees totals only.', ru: 'Не показываются вашей роли: она видит только итоги.' },
  aggregatesOnly: {
    en: 'Your role sees totals only: single seizures (points, recent seizures, seizure files) are not shown.',
    ru: 'Ваша роль видит только итоги: отдельные изъятия (точки, последние изъятия, файлы изъятий) не показываются.',
  },
  mapLabel: { en: 'Map of BLOs and seizures. Arrow keys pan, + and − zoom.', ru: 'Карта ППК и изъятий. Стрелки — сдвиг, + и − — масштаб.' },
} as const satisfies Record<string, Record<Language, string>>;

export type TextKey = keyof typeof TEXT;

/**
 * A text in `lang` with its `{name}` placeholders filled. `{name:noun}` writes the number with the
 * noun of NOUNS in the form its count needs ("1 seizure", "5 изъятий").
 */
export const t = (lang: Language, key: TextKey, values: Record<string, string | number> = {}): string =>
  TEXT[key][lang].replace(/\{(\w+)(?::(\w+))?\}/g, (whole, name: string, noun: Noun | undefined) => {
    const value = values[name];
    if (value === undefined) return whole;
    return noun && typeof value === 'number' ? countOf(lang, value, noun) : String(value);
  });

/** Nouns written after a count, in every form they take (lib/i18n/plural.ts). */
const NOUNS = {
  seizure: { en: { one: 'seizure', other: 'seizures' }, ru: { one: 'изъятие', few: 'изъятия', many: 'изъятий', other: 'изъятия' } },
  /** After "fewer than", "from" (Russian genitive: "менее чем из 1 изъятия", "из 5 изъятий"). */
  seizureOf: { en: { one: 'seizure', other: 'seizures' }, ru: { one: 'изъятия', few: 'изъятий', many: 'изъятий', other: 'изъятия' } },
  row: { en: { one: 'row', other: 'rows' }, ru: { one: 'строка', few: 'строки', many: 'строк', other: 'строки' } },
  /** After "in" (Russian accusative: "через 1 минуту"). */
  minute: { en: { one: 'minute', other: 'minutes' }, ru: { one: 'минуту', few: 'минуты', many: 'минут', other: 'минуты' } },
  day: { en: { one: 'day', other: 'days' }, ru: { one: 'день', few: 'дня', many: 'дней', other: 'дня' } },
  /** After "at most" (Russian genitive: "не больше 30 значений"). */
  valueOf: { en: { one: 'value', other: 'values' }, ru: { one: 'значения', few: 'значений', many: 'значений', other: 'значения' } },
  /** After "of" (Russian genitive: "в 22 из 24 месяцев", "из 21 месяца"). */
  monthOf: { en: { one: 'month', other: 'months' }, ru: { one: 'месяца', few: 'месяцев', many: 'месяцев', other: 'месяца' } },
  quarterOf: { en: { one: 'quarter', other: 'quarters' }, ru: { one: 'квартала', few: 'кварталов', many: 'кварталов', other: 'квартала' } },
  /** Standing alone ("95 months", "95 месяцев"). */
  month: { en: { one: 'month', other: 'months' }, ru: { one: 'месяц', few: 'месяца', many: 'месяцев', other: 'месяца' } },
  quarter: { en: { one: 'quarter', other: 'quarters' }, ru: { one: 'квартал', few: 'квартала', many: 'кварталов', other: 'квартала' } },
} as const satisfies Record<string, PluralForms>;
export type Noun = keyof typeof NOUNS;

const PATTERN_NAMES: Record<HotSpotPattern, Record<Language, [hot: string, cold: string]>> = {
  new: { en: ['New hot spot', 'New cold spot'], ru: ['Новая горячая точка', 'Новая холодная точка'] },
  consecutive: {
    en: ['Consecutive hot spot', 'Consecutive cold spot'],
    ru: ['Последовательная горячая точка', 'Последовательная холодная точка'],
  },
  intensifying: {
    en: ['Intensifying hot spot', 'Intensifying cold spot'],
    ru: ['Усиливающаяся горячая точка', 'Усиливающаяся холодная точка'],
  },
  persistent: { en: ['Persistent hot spot', 'Persistent cold spot'], ru: ['Постоянная горячая точка', 'Постоянная холодная точка'] },
  diminishing: { en: ['Diminishing hot spot', 'Diminishing cold spot'], ru: ['Ослабевающая горячая точка', 'Ослабевающая холодная точка'] },
  sporadic: { en: ['Sporadic hot spot', 'Sporadic cold spot'], ru: ['Спорадическая горячая точка', 'Спорадическая холодная точка'] },
  oscillating: { en: ['Oscillating hot spot', 'Oscillating cold spot'], ru: ['Колеблющаяся горячая точка', 'Колеблющаяся холодная точка'] },
  historical: { en: ['Historical hot spot', 'Historical cold spot'], ru: ['Историческая горячая точка', 'Историческая холодная точка'] },
};

/** An emerging hot spot category in words ("Intensifying hot spot", "Нет закономерности"). */
export function emergingCategoryName(lang: Language, key: EmergingCategoryKey): string {
  if (key === 'none') return lang === 'ru' ? 'Нет закономерности' : 'No pattern';
  const [pattern, kind] = key.split('-') as [HotSpotPattern, 'hot' | 'cold'];
  return PATTERN_NAMES[pattern][lang][kind === 'hot' ? 0 : 1];
}

/** A statistic to two decimals with its sign: "+3.41", "−0.27" (a true minus). */
export const formatSigned = (lang: Language, n: number): string =>
  `${n > 0 ? '+' : n < 0 ? '−' : ''}${numberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.abs(n))}`;

/** A p-value after its "p": "= 0.024", or "< 0.001". */
export const formatP = (lang: Language, p: number): string =>
  p < 0.001
    ? `< ${numberFormat(lang).format(0.001)}`
    : `= ${numberFormat(lang, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(p)}`;

/** A count with its noun: "1 seizure", "12 seizures"; "1 изъятие", "2 изъятия", "5 изъятий", "1,5 изъятия". */
export const countOf = (lang: Language, n: number, noun: Noun): string => `${formatNumber(lang, n)} ${plural(lang, n, NOUNS[noun])}`;

const VOCAB: Record<string, Record<Language, string>> = {
  truck: { en: 'Truck', ru: 'Грузовик' },
  car: { en: 'Car', ru: 'Легковой' },
  bus: { en: 'Bus', ru: 'Автобус' },
  rail: { en: 'Rail', ru: 'Ж/д' },
  pedestrian: { en: 'Pedestrian', ru: 'Пешком' },
  river: { en: 'River', ru: 'Речной' },
  unknown: { en: 'Unknown', ru: 'Неизвестно' },
  cargo: { en: 'In cargo', ru: 'В грузе' },
  'vehicle-cache': { en: 'Vehicle cache', ru: 'Тайник в ТС' },
  luggage: { en: 'Luggage', ru: 'Багаж' },
  body: { en: 'Body', ru: 'В теле' },
  'on-person': { en: 'On person', ru: 'При себе' },
  terrain: { en: 'Terrain', ru: 'На местности' },
};
/** A transport mode or concealment in the interface language (the code when unknown). */
export const vocabLabel = (lang: Language, code: string): string => VOCAB[code]?.[lang] ?? code;

/** A substance's name in the interface language (its code when not in the catalogue). */
export const substanceName = (lang: Language, code: string): string => getSubstance(code)?.[lang] ?? code;

/** A BLO's name in the interface language, and in the other script (shown beside it). */
export const bloName = (lang: Language, blo: { name: string; nameRu: string }): string => (lang === 'ru' ? blo.nameRu : blo.name);
export const bloOtherName = (lang: Language, blo: { name: string; nameRu: string }): string => (lang === 'ru' ? blo.name : blo.nameRu);

export const countryName = (lang: Language, iso2: string): string => {
  const country = getCountry(iso2);
  return country ? (lang === 'ru' ? country.nameRu : country.name) : iso2;
};

const locale = (lang: Language) => (lang === 'ru' ? 'ru-RU' : 'en-GB');

/** Formatters made once per language and options: making one costs far more than using it (many per render). */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function numberFormat(lang: Language, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale(lang), options)));
  return format;
}
function dateFormat(lang: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale(lang), options)));
  return format;
}

export const formatCount = (lang: Language, n: number): string => numberFormat(lang).format(n);

/** A plain number in the language's way: "12,345.5" / "12 345,5" (up to three decimals, as given). */
export const formatNumber = (lang: Language, n: number): string => numberFormat(lang, { maximumFractionDigits: 3 }).format(n);

/** A figure with `format`, or the word for a withheld one (null). */
export const formatFigure = (lang: Language, value: number | null, format: (lang: Language, n: number) => string): string =>
  value === null ? t(lang, 'withheld') : format(lang, value);

/** kg-eq with sensible precision: tonnes above 10 t, whole kg above 10 kg, grams below. */
export function formatKg(lang: Language, kg: number): string {
  const nf = (v: number, d: number) => numberFormat(lang, { maximumFractionDigits: d }).format(v);
  if (kg >= 10_000) return `${nf(kg / 1000, 1)} ${lang === 'ru' ? 'т' : 't'}`;
  if (kg >= 10) return `${nf(kg, 0)} ${lang === 'ru' ? 'кг' : 'kg'}`;
  if (kg >= 1) return `${nf(kg, 1)} ${lang === 'ru' ? 'кг' : 'kg'}`;
  return `${nf(kg * 1000, 0)} ${lang === 'ru' ? 'г' : 'g'}`;
}

/** A distance in km with one decimal ("0.8 km", "0,8 км"); `minDigits` 0 drops a zero decimal ("25 km", "12,5 км"). */
export const formatKm = (lang: Language, km: number, minDigits: 0 | 1 = 1): string =>
  `${numberFormat(lang, { minimumFractionDigits: minDigits, maximumFractionDigits: 1 }).format(km)} ${t(lang, 'unitKm')}`;

/** A distance given in metres, as a map scale writes it: metres below 1 km ("500 м"), else km ("1,5 км", "200 км"); never wraps. */
export function formatDistance(lang: Language, meters: number): string {
  const nf = numberFormat(lang, { maximumFractionDigits: 1 });
  return meters < 1000 ? `${nf.format(meters)}\u00a0${t(lang, 'unitM')}` : `${nf.format(meters / 1000)}\u00a0${t(lang, 'unitKm')}`;
}

/** The border a post stands on, by the two countries' names: "Kazakhstan–Kyrgyzstan", "Казахстан — Кыргызстан". */
export const borderName = (lang: Language, country: string, neighbor: string): string =>
  `${countryName(lang, country)}${lang === 'ru' ? ' — ' : '–'}${countryName(lang, neighbor)}`;

export function formatUsd(lang: Language, usd: number): string {
  return numberFormat(lang, {
    style: 'currency',
    currency: 'USD',
    notation: usd >= 1e6 ? 'compact' : 'standard',
    // "US$160m", not "US$160.0m": no trailing zero.
    minimumFractionDigits: 0,
    maximumFractionDigits: usd >= 1e6 ? 1 : 0,
  }).format(usd);
}

/** +12% / −8% / "new" where the base was zero. */
export function formatChange(lang: Language, change: number | null): string {
  if (change === null) return lang === 'ru' ? 'нет базы' : 'no base';
  const pct = Math.round(change * 100);
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct)}%`;
}

/** A share as a whole per cent: "96%" / "96 %". */
export const formatShare = (lang: Language, share: number): string =>
  numberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);

/**
 * The completeness line of a period ("17 of 24 posts reported every month of the period (…)", or
 * "… since {month}" when the period has no start) and, when the comparison period was reported more
 * or less completely, the sentence that says by how much (null otherwise), with that change in points.
 */
export function completenessText(
  lang: Language,
  { now, before, since }: { now: Completeness; before: Completeness | null; since: string | null },
): { line: string; differs: string | null; points: number } {
  const line = t(lang, since ? 'completenessLineSince' : 'completenessLine', {
    complete: formatCount(lang, now.completePosts),
    posts: formatCount(lang, now.posts),
    reported: formatCount(lang, now.reported),
    expected: formatCount(lang, now.expected),
    month: since ? formatMonth(lang, since) : '',
  });
  const points = completenessChange(now, before);
  const differs =
    points === 0 || !before
      ? null
      : t(lang, 'completenessDiffers', {
          now: formatShare(lang, now.reported / now.expected),
          before: formatShare(lang, before.reported / before.expected),
          change: t(lang, 'completenessPoints', { sign: points > 0 ? '+' : '−', n: Math.abs(points) }),
        });
  return { line, differs, points };
}

/** "May 2024" / "май 2024" for a YYYY-MM-DD. */
export function formatMonth(lang: Language, iso: string): string {
  return dateFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 7)}-01T00:00:00Z`));
}

export function formatDay(lang: Language, iso: string): string {
  return dateFormat(lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/** The filters in words, for picture titles and captions: "Heroin, Hashish · 1 Jan 2024 – 31 Dec 2024 · Kazakhstan". */
export function describeFilters(lang: Language, filters: Filters): string {
  const parts: string[] = [];
  parts.push(filters.substances.length ? filters.substances.map((code) => substanceName(lang, code)).join(', ') : t(lang, 'allSubstances'));
  parts.push(
    filters.from || filters.to
      ? `${filters.from ? formatDay(lang, filters.from) : '…'} – ${filters.to ? formatDay(lang, filters.to) : '…'}`
      : t(lang, 'allTime'),
  );
  if (filters.countries.length) parts.push(filters.countries.map((c) => countryName(lang, c)).join(', '));
  if (filters.blos.length) {
    const names = filters.blos.map((code) => {
      const blo = getBloNames(code);
      return blo ? bloName(lang, blo) : code;
    });
    parts.push(`${t(lang, 'blo')}: ${names.join(', ')}`);
  }
  if (filters.transport.length) parts.push(`${t(lang, 'transport')}: ${filters.transport.map((v) => vocabLabel(lang, v)).join(', ')}`);
  if (filters.concealment.length)
    parts.push(`${t(lang, 'concealment')}: ${filters.concealment.map((v) => vocabLabel(lang, v)).join(', ')}`);
  if (filters.minKg !== null) parts.push(`≥ ${formatKg(lang, filters.minKg)}`);
  if (filters.synthetic !== 'include')
    parts.push(`${t(lang, 'synthetic')}: ${t(lang, filters.synthetic === 'only' ? 'syntheticOnly' : 'syntheticExclude')}`);
  return parts.join(' · ');
}

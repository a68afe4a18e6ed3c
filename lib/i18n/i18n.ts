/**
 * Interface text in English and Russian (many users read Russian first), and number and date
 * formatting for both. Substance and BLO names come from the data in both scripts.
 */
import { getCountry } from '@/lib/catalogue/countries';
import type { Filters } from '@/lib/url/filters';
import { getSubstance } from '@/lib/catalogue/substances';
import type { Language } from '@/lib/url/view-state';

const TEXT = {
  title: { en: 'BLO Atlas', ru: 'Атлас ППК' },
  subtitle: {
    en: 'Drug seizures at the Border Liaison Offices of Central Asia',
    ru: 'Изъятия наркотиков в пограничных пунктах связи Центральной Азии',
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
  country: { en: 'Country', ru: 'Страна' },
  blo: { en: 'BLO', ru: 'ППК' },
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
  change: { en: 'vs comparison', ru: 'к сравнению' },
  noComparison: { en: 'no comparison period', ru: 'нет периода сравнения' },
  loading: { en: 'Loading…', ru: 'Загрузка…' },
  layers: { en: 'Layers', ru: 'Слои' },
  points: { en: 'Seizures', ru: 'Изъятия' },
  hexagons: { en: 'Hotspots (hexagons)', ru: 'Очаги (шестиугольники)' },
  heatmap: { en: 'Heatmap', ru: 'Тепловая карта' },
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
  boundaryNote: { en: 'Boundaries: Natural Earth 1:50m; not an endorsement.', ru: 'Границы: Natural Earth 1:50m; не являются признанием.' },
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
    en: 'A CSV (UTF-8, comma or semicolon, header row) or a GeoJSON FeatureCollection of points. Every row is checked; rows that cannot be read are reported with the reason and can be downloaded, never dropped. A file goes in whole or not at all, and importing the same file twice adds nothing.',
    ru: 'CSV (UTF-8, запятая или точка с запятой, строка заголовков) или GeoJSON FeatureCollection точек. Каждая строка проверяется; непрочитанные строки попадают в отчёт с причиной и доступны для скачивания, ничего не теряется. Файл загружается целиком или не загружается вовсе; повторная загрузка того же файла ничего не добавляет.',
  },
  importFile: { en: 'File (CSV or GeoJSON, up to {mb} MB)', ru: 'Файл (CSV или GeoJSON, до {mb} МБ)' },
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
  reason: { en: 'Reason', ru: 'Причина' },
  downloadRejected: {
    en: 'Download the rejected rows (CSV with a reason column)',
    ru: 'Скачать отклонённые строки (CSV со столбцом причины)',
  },
  openDashboard: { en: 'Open the dashboard', ru: 'Открыть панель' },
  backToDashboard: { en: '← Dashboard', ru: '← Панель' },
  importHistory: { en: 'Import history', ru: 'История импорта' },
  briefing: { en: 'Briefing', ru: 'Брифинг' },
  briefingTitle: {
    en: 'Briefing: drug seizures at the Border Liaison Offices',
    ru: 'Брифинг: изъятия наркотиков в пунктах пограничной связи',
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
  batchCurrent: { en: '{count} seizures current', ru: 'текущих изъятий: {count}' },
  batchEmpty: { en: 'added no seizure', ru: 'изъятия не добавлены' },
  batchUndone: { en: 'undone in data version {version}', ru: 'отменён в версии данных {version}' },
  batchReimportOf: { en: 're-import of batch {batch}', ru: 'возврат пакета {batch}' },
  undo: { en: 'Undo…', ru: 'Отменить…' },
  undoConfirm: {
    en: 'Undo batch {batch} ({file})? Its {count} seizures leave the current figures as a new data version.',
    ru: 'Отменить пакет {batch} ({file})? Его изъятия ({count}) уйдут из текущих данных как новая версия.',
  },
  undoYes: { en: 'Undo batch {batch}', ru: 'Отменить пакет {batch}' },
  reimport: { en: 'Re-import', ru: 'Вернуть' },
  undone: {
    en: 'Batch {batch} undone: data version {version}, {count} seizures removed.',
    ru: 'Пакет {batch} отменён: версия данных {version}, убрано изъятий: {count}.',
  },
  reimported: {
    en: 'Batch {batch} brought back as batch {copy}: data version {version}, {count} seizures.',
    ru: 'Пакет {batch} возвращён как пакет {copy}: версия данных {version}, изъятий: {count}.',
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
  exportPng: { en: 'Map picture (PNG)', ru: 'Карта (PNG)' },
  dataUpTo: { en: 'Data up to', ru: 'Данные по' },
  made: { en: 'Made', ru: 'Создано' },
  link: { en: 'Link', ru: 'Ссылка' },
  syntheticShown: { en: 'Synthetic data shown', ru: 'Показаны синтетические данные' },
  noSynthetic: { en: 'No synthetic data', ru: 'Без синтетических данных' },
  signInTitle: { en: 'Sign in', ru: 'Вход' },
  signInLede: {
    en: 'BLO Atlas holds law-enforcement data. Sign in with the account an administrator made for you.',
    ru: 'Атлас ППК содержит данные правоохранительных органов. Войдите под учётной записью, которую вам создал администратор.',
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
    en: 'Too many failed attempts. Try again in {minutes} minutes.',
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
    en: 'Retention: {days} days; older rows are archived to a CSV file by npm run audit:archive.',
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
  auditRows: { en: '{n} rows', ru: 'строк: {n}' },
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
    en: 'Withheld: figures built from fewer than {k} seizures, and a further figure wherever a total would give one away.',
    ru: 'Скрыто: числа, составленные менее чем из {k} изъятий, и ещё одно число там, где по итогу его можно было бы вычислить.',
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

export const t = (lang: Language, key: TextKey, values: Record<string, string | number> = {}): string =>
  TEXT[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));

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

export const formatCount = (lang: Language, n: number): string => new Intl.NumberFormat(locale(lang)).format(n);

/** A figure with `format`, or the word for a withheld one (null). */
export const formatFigure = (lang: Language, value: number | null, format: (lang: Language, n: number) => string): string =>
  value === null ? t(lang, 'withheld') : format(lang, value);

/** kg-eq with sensible precision: tonnes above 10 t, whole kg above 10 kg, grams below. */
export function formatKg(lang: Language, kg: number): string {
  const nf = (v: number, d: number) => new Intl.NumberFormat(locale(lang), { maximumFractionDigits: d }).format(v);
  if (kg >= 10_000) return `${nf(kg / 1000, 1)} ${lang === 'ru' ? 'т' : 't'}`;
  if (kg >= 10) return `${nf(kg, 0)} ${lang === 'ru' ? 'кг' : 'kg'}`;
  if (kg >= 1) return `${nf(kg, 1)} ${lang === 'ru' ? 'кг' : 'kg'}`;
  return `${nf(kg * 1000, 0)} ${lang === 'ru' ? 'г' : 'g'}`;
}

/** A distance in km, one decimal. */
export const formatKm = (lang: Language, km: number): string =>
  `${new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(km)} ${lang === 'ru' ? 'км' : 'km'}`;

export function formatUsd(lang: Language, usd: number): string {
  return new Intl.NumberFormat(locale(lang), {
    style: 'currency',
    currency: 'USD',
    notation: usd >= 1e6 ? 'compact' : 'standard',
    maximumFractionDigits: usd >= 1e6 ? 1 : 0,
  }).format(usd);
}

/** +12% / −8% / "new" where the base was zero. */
export function formatChange(lang: Language, change: number | null): string {
  if (change === null) return lang === 'ru' ? 'нет базы' : 'no base';
  const pct = Math.round(change * 100);
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct)}%`;
}

/** "May 2024" / "май 2024" for a YYYY-MM-DD. */
export function formatMonth(lang: Language, iso: string): string {
  return new Intl.DateTimeFormat(locale(lang), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso.slice(0, 7)}-01T00:00:00Z`),
  );
}

export function formatDay(lang: Language, iso: string): string {
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
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
  if (filters.blos.length) parts.push(`${t(lang, 'blo')}: ${filters.blos.join(', ')}`);
  if (filters.transport.length) parts.push(`${t(lang, 'transport')}: ${filters.transport.map((v) => vocabLabel(lang, v)).join(', ')}`);
  if (filters.concealment.length)
    parts.push(`${t(lang, 'concealment')}: ${filters.concealment.map((v) => vocabLabel(lang, v)).join(', ')}`);
  if (filters.minKg !== null) parts.push(`≥ ${formatKg(lang, filters.minKg)}`);
  if (filters.synthetic !== 'include')
    parts.push(`${t(lang, 'synthetic')}: ${t(lang, filters.synthetic === 'only' ? 'syntheticOnly' : 'syntheticExclude')}`);
  return parts.join(' · ');
}

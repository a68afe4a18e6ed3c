import { getEnv } from '@/lib/env';
import { t } from '@/lib/i18n/i18n';
import { IMPORT_COLUMNS } from '@/lib/import/import-columns';
import { IMPORT_UNITS } from '@/lib/import/import-names';
import type { Language } from '@/lib/url/view-state';
import { ImportPanel } from '@/app/_components/import/import-panel';
import { pageHref, pageLanguage, pageMetadata, pagePath } from '@/app/_components/page-links';
import { Forbidden } from '@/app/_components/access/forbidden';
import { AccountMenu } from '@/app/_components/access/account-menu';
import { authorizePage } from '@/app/_server/access';
import { signedIn } from '@/app/_server/signed-in';

export const dynamic = 'force-dynamic';

export const generateMetadata = pageMetadata('importTitle');

const columns = <code>{IMPORT_COLUMNS.join(', ')}</code>;

const FORMAT_HELP: Record<Language, React.ReactNode> = {
  en: (
    <>
      <p>
        Columns (or GeoJSON properties): {columns}. Required: <code>date</code> (YYYY-MM-DD or DD.MM.YYYY, always day first; YYYY-MM or
        MM.YYYY when only the month is known), <code>substance</code> (English or Russian, e.g. heroin, героин, hashish, гашиш, charas),{' '}
        <code>quantity</code> (decimal point or comma), <code>unit</code> ({IMPORT_UNITS.join(', ')}; кг, г, л, мл, шт also read), and a
        location: <code>lon</code> + <code>lat</code> (degrees, WGS84), or <code>blo</code> (a BLO code or any of its names, Latin or
        Cyrillic). Optional: transport, concealment, detection, origin and destination (ISO code or country name), source_ref (the
        row&apos;s identity for re-imports), notes. Lines starting with # are ignored.
      </p>
      <p>
        Rejected: a date that does not exist (31.02.2025), is in the future or before 1990, an unknown substance or unit, a quantity of 0 or
        less or above the ceiling, a point outside Central Asia and its neighbours, a row with broken quoting or the wrong number of fields.
      </p>
    </>
  ),
  ru: (
    <>
      <p>
        Столбцы (или свойства GeoJSON): {columns}. Обязательные: <code>date</code> (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ, всегда сначала день; ГГГГ-ММ
        или ММ.ГГГГ, если известен только месяц), <code>substance</code> (по-русски или по-английски: героин, гашиш, чарс, heroin…),{' '}
        <code>quantity</code> (десятичная точка или запятая), <code>unit</code> ({IMPORT_UNITS.join(', ')}; также кг, г, л, мл, шт) и место:{' '}
        <code>lon</code> + <code>lat</code> (градусы, WGS84) или <code>blo</code> (код ППК или любое его название, латиницей или
        кириллицей). Необязательные: transport, concealment, detection, origin и destination (код ISO или название страны), source_ref
        (идентификатор строки для повторной загрузки), notes. Строки, начинающиеся с #, пропускаются.
      </p>
      <p>
        Отклоняются: несуществующая дата (31.02.2025), дата в будущем или ранее 1990 года, неизвестное вещество или единица, количество 0 и
        меньше или выше предела, точка вне Центральной Азии и соседних стран, строка с нарушенными кавычками или неверным числом полей.
      </p>
    </>
  ),
};

/** Upload a file of seizures; the format is described here and in the README. `?lang=ru` for Russian. */
export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const lang = pageLanguage(query.lang);
  const access = await authorizePage('import', pagePath('/import', query));
  const account = signedIn(access.account);
  if (access.refused) return <Forbidden lang={lang} refused={access.refused} account={account} />;
  return (
    <main className="page" lang={lang}>
      <div className="page-head">
        <a href={pageHref('/', lang)}>{t(lang, 'backToDashboard')}</a>
        <a href={pageHref('/imports', lang)} data-testid="import-history-link">
          {t(lang, 'importHistory')}
        </a>
        <AccountMenu account={account} lang={lang} />
      </div>
      <h1>{t(lang, 'importTitle')}</h1>
      <p className="lede">{t(lang, 'importLede')}</p>
      <ImportPanel maxMb={getEnv().IMPORT_MAX_MB} lang={lang} />
      <details className="format-help">
        <summary>{t(lang, 'formatTitle')}</summary>
        {FORMAT_HELP[lang]}
        <p>
          <a href="/api/imports/example" download>
            {t(lang, 'downloadExample')}
          </a>
        </p>
      </details>
    </main>
  );
}

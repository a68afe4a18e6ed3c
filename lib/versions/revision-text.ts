/**
 * The words of the banner over a pinned view: when its figures are from, and what changed the view
 * since ("Figures as of 28 Nov 2026 (data version 12). Since then 2 imports changed this view: +35
 * seizures, +120 kg."), in English and Russian.
 */
import type { RevisionsAnswer } from '@/lib/api/api-types';
import { formatCount, formatDay, formatKg } from '@/lib/i18n/i18n';
import type { Language } from '@/lib/url/view-state';

const ruPlural = new Intl.PluralRules('ru-RU');

/** The Russian noun for `n`: one (1, 21…), few (2–4, 22–24…), many (5–20, 25…). */
function ru(n: number, forms: { one: string; few: string; many: string }): string {
  const rule = ruPlural.select(Math.abs(n));
  return rule === 'one' ? forms.one : rule === 'few' ? forms.few : forms.many;
}

const signed = (n: number, text: string) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${text}`;

export interface RevisionText {
  /** "Figures as of 28 Nov 2026 (data version 12)." */
  pinned: string;
  /** What changed the view since, or that nothing did. */
  since: string;
}

export function revisionText(lang: Language, answer: RevisionsAnswer): RevisionText {
  const { asOf, changes } = answer;
  const day = formatDay(lang, asOf.at.slice(0, 10));
  const pinned = lang === 'ru' ? `Данные на ${day} (версия данных ${asOf.id}).` : `Figures as of ${day} (data version ${asOf.id}).`;
  const n = changes.versions.length;
  if (n === 0) {
    return {
      pinned,
      since: lang === 'ru' ? 'Более поздние изменения данных этот вид не затрагивают.' : 'No later change to the data affects this view.',
    };
  }
  const imports = changes.versions.every((v) => v.action === 'import' || v.action === 'reimport');
  const what =
    lang === 'ru'
      ? imports
        ? `${n} ${ru(n, { one: 'импорт изменил', few: 'импорта изменили', many: 'импортов изменили' })}`
        : `${n} ${ru(n, { one: 'изменение данных затронуло', few: 'изменения данных затронули', many: 'изменений данных затронули' })}`
      : imports
        ? `${n} ${n === 1 ? 'import' : 'imports'} changed`
        : `${n} ${n === 1 ? 'change' : 'changes'} to the data changed`;
  const { count, kgEq } = changes;
  const figures =
    count === null || kgEq === null
      ? ''
      : lang === 'ru'
        ? `: ${signed(count, formatCount(lang, Math.abs(count)))} ${ru(count, { one: 'изъятие', few: 'изъятия', many: 'изъятий' })}, ${signed(kgEq, formatKg(lang, Math.abs(kgEq)))}`
        : `: ${signed(count, formatCount(lang, Math.abs(count)))} ${Math.abs(count) === 1 ? 'seizure' : 'seizures'}, ${signed(kgEq, formatKg(lang, Math.abs(kgEq)))}`;
  return {
    pinned,
    since: lang === 'ru' ? `С тех пор ${what} этот вид${figures}.` : `Since then ${what} this view${figures}.`,
  };
}

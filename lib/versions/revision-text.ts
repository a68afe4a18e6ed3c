/**
 * The words of the banner over a pinned view: when its figures are from, and what changed the view
 * since ("Figures as of 28 Nov 2026 (data version 12). Since then 2 imports changed this view: +35
 * seizures, +120 kg."), in English and Russian.
 */
import type { RevisionsAnswer } from '@/lib/api/api-types';
import { countOf, formatDay, formatKg } from '@/lib/i18n/i18n';
import { plural, type PluralForms } from '@/lib/i18n/plural';
import type { Language } from '@/lib/url/view-state';

/** What changed the view, with its verb: the verb agrees with the count in both languages. */
const IMPORTS_CHANGED: PluralForms = {
  en: { one: 'import changed', other: 'imports changed' },
  ru: { one: 'импорт изменил', few: 'импорта изменили', many: 'импортов изменили', other: 'импорта изменили' },
};
const CHANGES_CHANGED: PluralForms = {
  en: { one: 'change to the data changed', other: 'changes to the data changed' },
  ru: {
    one: 'изменение данных затронуло',
    few: 'изменения данных затронули',
    many: 'изменений данных затронули',
    other: 'изменения данных затронули',
  },
};

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
  const what = `${n} ${plural(lang, n, imports ? IMPORTS_CHANGED : CHANGES_CHANGED)}`;
  const { count, kgEq } = changes;
  const figures =
    count === null || kgEq === null
      ? ''
      : `: ${signed(count, countOf(lang, Math.abs(count), 'seizure'))}, ${signed(kgEq, formatKg(lang, Math.abs(kgEq)))}`;
  return {
    pinned,
    since: lang === 'ru' ? `С тех пор ${what} этот вид${figures}.` : `Since then ${what} this view${figures}.`,
  };
}

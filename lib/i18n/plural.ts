/**
 * The form of a noun after a number, by the language's plural rules (Intl.PluralRules): English has
 * one and other; Russian one (1, 21, 101…), few (2–4, 22–24…), many (0, 5–20, 25…, 111…) and other
 * (fractions: 1,5 изъятия). The one place a counted noun is chosen.
 */
import type { Language } from '@/lib/url/view-state';

export interface PluralForms {
  en: { one: string; other: string };
  ru: { one: string; few: string; many: string; other: string };
}

const RULES: Record<Language, Intl.PluralRules> = { en: new Intl.PluralRules('en'), ru: new Intl.PluralRules('ru') };

/** The form of `forms` that goes after `n` (its sign does not matter: −1 изъятие like 1). */
export function plural(lang: Language, n: number, forms: PluralForms): string {
  const rule = RULES[lang].select(Math.abs(n));
  if (lang === 'en') return rule === 'one' ? forms.en.one : forms.en.other;
  const ru = forms.ru;
  return rule === 'one' ? ru.one : rule === 'few' ? ru.few : rule === 'many' ? ru.many : ru.other;
}

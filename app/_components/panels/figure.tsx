'use client';
import { t } from '@/lib/i18n/i18n';
import type { Language } from '@/lib/url/view-state';

/** A figure, or the word for a withheld one (null): a word, so it is never read as a number. */
export function Figure({ lang, value, format }: { lang: Language; value: number | null; format: (lang: Language, n: number) => string }) {
  if (value !== null) return <>{format(lang, value)}</>;
  return (
    <span className="withheld" title={t(lang, 'withheldTitle')} data-withheld="">
      {t(lang, 'withheld')}
    </span>
  );
}

/** What "withheld" means, under anything that shows one. */
export function WithheldNote({ lang, minCount }: { lang: Language; minCount: number }) {
  return (
    <p className="note" data-testid="withheld-note">
      {t(lang, 'withheldNote', { k: minCount })}
    </p>
  );
}

'use client';
import { useEffect, useId, useRef, useState } from 'react';
import { t, type TextKey } from '@/lib/i18n/i18n';
import { formatDayInput, isIsoDayText, parseDayInput, type DayProblem } from '@/lib/time/day-input';
import type { Language } from '@/lib/url/view-state';

interface Props {
  lang: Language;
  label: string;
  /** The day as ISO `YYYY-MM-DD`, null for none: the field follows it (a filter). */
  value?: string | null;
  /**
   * The day as given, for a field that keeps its own value (a plain form): an ISO day, any form the
   * field reads, or text it cannot read, which is shown with its error so it can be mended.
   */
  defaultValue?: string | null;
  onChange?(iso: string | null): void;
  /** Inclusive bounds (ISO); a day outside them is refused like an unreadable one. */
  min?: string | null;
  max?: string | null;
  /** Submits the ISO day under this name (a hidden input): the text box itself has no name. */
  name?: string;
  testId?: string;
}

const PROBLEM_TEXT: Record<DayProblem, TextKey> = {
  format: 'dateFormat',
  'no-such-day': 'dateNoSuchDay',
  'before-min': 'dateBeforeMin',
  'after-max': 'dateAfterMax',
};

/** What is typed, over the value it was typed on; `tried` once Enter, leaving the field or a submit met it. */
interface Draft {
  text: string;
  over: string | null;
  tried: boolean;
}

/**
 * A day in a text box, shown in the page's language (lib/time/day-input.ts), whatever language the
 * browser speaks: `<input type="date">` writes 12/31/2024 in a US-English Chromium on a Russian page.
 * What is typed is a draft until Enter or leaving the field; a draft that cannot be read, or lies
 * outside min/max, stays with an error beside it and leaves the value alone, and Escape brings the
 * value back. A whole ISO day (`fill('2024-01-01')` in a test, a paste) counts at once. The button
 * opens the browser's own calendar through a date input kept out of sight and out of the tab order;
 * keyboard users type the day.
 */
export function DateField({ lang, label, value: given, defaultValue, onChange, min = null, max = null, name, testId }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  const textRef = useRef<HTMLInputElement>(null);
  const pickerRef = useRef<HTMLInputElement>(null);
  const bounds = { min, max };

  // A field given `value` follows it; one given only `defaultValue` keeps its own.
  const controlled = given !== undefined;
  const [start] = useState(() => parseDayInput(defaultValue ?? ''));
  const [own, setOwn] = useState<string | null>(start.ok ? start.iso : null);
  const value = controlled ? given : own;
  // A default it cannot read starts as a draft that was already tried, so its error shows.
  const [draftState, setDraft] = useState<Draft | null>(start.ok ? null : { text: defaultValue ?? '', over: null, tried: true });
  // A draft belongs to the value it was typed over: a change from elsewhere (a reset, Back) shows the new value.
  const draft = draftState && draftState.over === value ? draftState : null;

  const read = draft ? parseDayInput(draft.text, bounds) : null;
  const text = draft ? draft.text : value === null ? '' : formatDayInput(lang, value);
  // The day the field stands for now: a readable draft, else the value (what a form submits).
  const day = read?.ok ? read.iso : value;
  const problem = read && !read.ok ? read.problem : null;
  const bound = problem === 'before-min' ? min : problem === 'after-max' ? max : null;
  const message = problem ? t(lang, PROBLEM_TEXT[problem], { date: bound ? formatDayInput(lang, bound) : '' }) : null;
  const shownError = draft?.tried ? message : null;

  // An unreadable draft makes the box invalid, so a form that holds it is not submitted with the
  // last good day in the hidden input (the browser points at the box instead).
  useEffect(() => {
    textRef.current?.setCustomValidity(message ?? '');
  }, [message]);

  const change = (iso: string | null) => {
    if (!controlled) setOwn(iso);
    if (iso !== value) onChange?.(iso);
  };

  /** Makes the draft the value when it reads; reports whether it did (or there was nothing to commit). */
  const commit = (): boolean => {
    if (!draft || !read) return true;
    if (!read.ok) {
      if (!draft.tried) setDraft({ ...draft, tried: true });
      return false;
    }
    setDraft(null);
    change(read.iso);
    return true;
  };

  const type = (next: string) => {
    const whole = isIsoDayText(next) ? parseDayInput(next, bounds) : null;
    if (whole?.ok) {
      // The typed text stays until the field is left, then shows in the field's own form.
      setDraft({ text: next, over: whole.iso, tried: draft?.tried ?? false });
      change(whole.iso);
    } else {
      setDraft({ text: next, over: value, tried: draft?.tried ?? false });
    }
  };

  const pick = (iso: string) => {
    const picked = parseDayInput(iso, bounds);
    if (!picked.ok) return;
    setDraft(null);
    change(picked.iso);
  };

  const openCalendar = () => {
    try {
      // showPicker() needs a recent browser (Chromium 99, Firefox 101, Safari 16); without it, typing remains.
      pickerRef.current?.showPicker();
    } catch {
      textRef.current?.focus();
    }
  };

  return (
    <div className="date-field">
      <label htmlFor={id}>{label}</label>
      <span className="date-field-row">
        <input
          ref={textRef}
          id={id}
          type="text"
          autoComplete="off"
          spellCheck={false}
          data-testid={testId}
          value={text}
          placeholder={t(lang, 'dateExample')}
          aria-invalid={shownError !== null}
          aria-describedby={shownError ? errorId : undefined}
          onChange={(e) => type(e.target.value)}
          onBlur={commit}
          onInvalid={() => draft && !draft.tried && setDraft({ ...draft, tried: true })}
          onKeyDown={(e) => {
            // Enter with an unreadable draft shows the error instead of submitting a form around it.
            if (e.key === 'Enter' && !commit()) e.preventDefault();
            if (e.key === 'Escape' && draft) {
              e.preventDefault();
              setDraft(null);
            }
          }}
        />
        <button
          type="button"
          className="secondary date-field-calendar"
          aria-label={t(lang, 'dateCalendar')}
          title={t(lang, 'dateCalendar')}
          onClick={openCalendar}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden focusable="false">
            <rect x="1.5" y="2.5" width="13" height="12" rx="1.5" fill="none" stroke="currentColor" />
            <path d="M1.5 6.5h13M5 1v3M11 1v3" stroke="currentColor" />
          </svg>
        </button>
        <input
          ref={pickerRef}
          type="date"
          className="date-field-picker"
          tabIndex={-1}
          aria-hidden
          value={day ?? ''}
          min={min ?? undefined}
          max={max ?? undefined}
          onChange={(e) => pick(e.target.value)}
        />
      </span>
      {/* Always there, empty when all is well: a live region announces text put into it, not one added with its text. */}
      <span id={errorId} className="field-error" role="status">
        {shownError}
      </span>
      {name && <input type="hidden" name={name} value={day ?? ''} />}
    </div>
  );
}

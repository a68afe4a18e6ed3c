/**
 * `<html lang>` from the URL alone (the proxy decides it before any page renders): the same
 * language each page decides from its own query — `lang`, a briefing's first language, sign-in's
 * return link — and English for anything else.
 */
import { describe, expect, it } from 'vitest';
import { languageOf, urlLanguage } from '@/lib/i18n/page-language';

const language = (url: string) => {
  const parsed = new URL(url, 'http://app.invalid');
  return urlLanguage(parsed.pathname, parsed.searchParams);
};

describe('the language of a page from its URL', () => {
  it.each([
    ['/', 'en'],
    ['/?lang=ru', 'ru'],
    ['/?substance=heroin&lang=ru&c=69.5,40.4,5.4', 'ru'],
    ['/import?lang=ru', 'ru'],
    ['/imports?lang=ru&before=40', 'ru'],
    ['/admin/users?lang=ru', 'ru'],
    ['/admin/audit?lang=en', 'en'],
    ['/setup?token=abcdefghijklmnopqrstuvwxyz&lang=ru', 'ru'],
  ])('%s is in %s', (url, lang) => {
    expect(language(url)).toBe(lang);
  });

  it('reads an unknown, differently written, empty or repeated lang as English, as the pages do', () => {
    for (const url of ['/?lang=de', '/?lang=RU', '/?lang=', '/?lang=ru&lang=ru', '/import?lang=%3Cscript%3E']) {
      expect(language(url), url).toBe('en');
    }
  });

  it('gives a briefing its first language, and English when its lang is refused', () => {
    expect(language('/brief?lang=ru')).toBe('ru');
    expect(language('/brief?lang=ru,en')).toBe('ru');
    expect(language('/brief?lang=en,ru')).toBe('en');
    expect(language('/brief?lang=ru,ru')).toBe('en');
    expect(language('/brief?lang=de')).toBe('en');
  });

  it('gives the sign-in page its own lang, else the one of the page it returns to', () => {
    expect(language('/sign-in?lang=ru')).toBe('ru');
    expect(language(`/sign-in?next=${encodeURIComponent('/import?lang=ru')}`)).toBe('ru');
    expect(language(`/sign-in?lang=en&next=${encodeURIComponent('/import?lang=ru')}`)).toBe('en');
    expect(language(`/sign-in?next=${encodeURIComponent('/brief?substance=heroin')}`)).toBe('en');
    // Only a return path on this app counts, as for the redirect after sign-in.
    expect(language(`/sign-in?next=${encodeURIComponent('//evil.example/?lang=ru')}`)).toBe('en');
    expect(language(`/sign-in?next=${encodeURIComponent('https://evil.example/?lang=ru')}`)).toBe('en');
    // Another page's `next` is not a return link.
    expect(language(`/import?next=${encodeURIComponent('/?lang=ru')}`)).toBe('en');
  });

  it("checks the header's value again: anything but a language is English", () => {
    expect(languageOf('ru')).toBe('ru');
    expect(languageOf('en')).toBe('en');
    for (const value of [null, undefined, '', 'RU', 'ru-RU', 'de', ['ru'], 'ru" onload="x']) expect(languageOf(value)).toBe('en');
  });
});

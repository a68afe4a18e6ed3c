'use client';
import '@/app/_components/browser-zod';
import { useState, type FormEvent } from 'react';
import { t } from '@/lib/i18n/i18n';
import type { Language } from '@/lib/url/view-state';
import { postJson } from './auth-fetch';

/** The first admin's email, name and password; then signs in and opens the dashboard (Users is in its top bar). */
export function SetupForm({ lang, token }: { lang: Language; token: string }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const [email, name, password, again] = ['email', 'name', 'password', 'again'].map((k) => String(form.get(k) ?? ''));
    if (password !== again) {
      setState({ busy: false, error: t(lang, 'passwordsDiffer') });
      return;
    }
    setState({ busy: true, error: null });
    const created = await postJson('/api/setup', { token, email, name, password });
    if (!created.ok) {
      setState({ busy: false, error: t(lang, 'requestFailed', { message: created.message }) });
      return;
    }
    const signedIn = await postJson('/api/auth/sign-in/email', { email, password });
    window.location.assign(signedIn.ok ? (lang === 'en' ? '/' : `/?lang=${lang}`) : '/sign-in');
  };

  return (
    <form className="access-form" onSubmit={submit} aria-busy={state.busy}>
      <label>
        {t(lang, 'email')}
        <input name="email" type="email" autoComplete="username" required autoFocus maxLength={254} />
      </label>
      <label>
        {t(lang, 'name')}
        <input name="name" autoComplete="name" required maxLength={120} />
      </label>
      <label>
        {t(lang, 'password')}
        <input name="password" type="password" autoComplete="new-password" required minLength={12} maxLength={256} />
      </label>
      <label>
        {t(lang, 'passwordAgain')}
        <input name="again" type="password" autoComplete="new-password" required minLength={12} maxLength={256} />
      </label>
      <p className="hint">{t(lang, 'passwordRule')}</p>
      <p role="alert" className="form-error">
        {state.error ?? ''}
      </p>
      <button type="submit" disabled={state.busy}>
        {t(lang, 'createAdmin')}
      </button>
    </form>
  );
}

'use client';
import '@/app/_components/browser-zod';
import { useState, type FormEvent } from 'react';
import { t } from '@/lib/i18n/i18n';
import { OIDC_PROVIDER_ID } from '@/lib/access/auth-settings';
import type { Language } from '@/lib/url/view-state';
import { postJson } from './auth-fetch';

interface Props {
  lang: Language;
  /** Where to go once signed in: a path of this app, already checked on the server. */
  next: string;
  /** The single sign-on button's label, when single sign-on is configured. */
  ssoLabel: string | null;
}

export function SignInForm({ lang, next, ssoLabel }: Props) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setState({ busy: true, error: null });
    const outcome = await postJson('/api/auth/sign-in/email', { email: form.get('email'), password: form.get('password') });
    if (outcome.ok) {
      window.location.assign(next);
      return;
    }
    const error =
      outcome.status === 401
        ? t(lang, 'wrongCredentials')
        : outcome.status === 429
          ? t(lang, 'tooManyAttempts', { minutes: Number(/(\d+) minutes/.exec(outcome.message)?.[1] ?? 15) })
          : t(lang, 'requestFailed', { message: outcome.message });
    setState({ busy: false, error });
  };

  const singleSignOn = async () => {
    const outcome = await postJson<{ url?: string }>('/api/auth/sign-in/oauth2', { providerId: OIDC_PROVIDER_ID, callbackURL: next });
    if (outcome.ok && outcome.data.url) window.location.assign(outcome.data.url);
    else setState({ busy: false, error: t(lang, 'requestFailed', { message: outcome.ok ? 'no address to go to' : outcome.message }) });
  };

  return (
    <form className="access-form" onSubmit={submit} aria-busy={state.busy}>
      <label>
        {t(lang, 'email')}
        <input name="email" type="email" autoComplete="username" required autoFocus maxLength={254} />
      </label>
      <label>
        {t(lang, 'password')}
        <input name="password" type="password" autoComplete="current-password" required maxLength={256} />
      </label>
      <p role="alert" className="form-error">
        {state.error ?? ''}
      </p>
      <button type="submit" disabled={state.busy}>
        {state.busy ? t(lang, 'signingIn') : t(lang, 'signIn')}
      </button>
      {ssoLabel ? (
        <button type="button" className="secondary" onClick={singleSignOn} disabled={state.busy}>
          {t(lang, 'signInSso', { label: ssoLabel })}
        </button>
      ) : null}
    </form>
  );
}

'use client';
import '@/app/_components/browser-zod';
import { useState, type FormEvent } from 'react';
import { countryName, formatDay, t } from '@/lib/i18n/i18n';
import { roleName, ROLE_TEXT, scopeText } from './access-text';
import { COUNTRY_CODES } from '@/lib/catalogue/vocabulary';
import { ROLES, type Role } from '@/lib/access/roles';
import type { CountryScope } from '@/lib/access/country-scope';
import type { Language } from '@/lib/url/view-state';
import type { AccountSummary } from '@/lib/api/api-types';
import { postJson } from './auth-fetch';

/** "All countries" or a choice of countries; an empty choice is allowed and means the account sees nothing. */
function CountryChoice({ lang, name, scope }: { lang: Language; name: string; scope: CountryScope }) {
  const [all, setAll] = useState(scope === 'all');
  return (
    <fieldset className="country-choice">
      <legend>{t(lang, 'countries')}</legend>
      <label>
        <input type="checkbox" name={`${name}-all`} checked={all} onChange={(e) => setAll(e.target.checked)} /> {t(lang, 'allCountries')}
      </label>
      {COUNTRY_CODES.map((code) => (
        <label key={code} className={all ? 'muted' : undefined}>
          <input type="checkbox" name={name} value={code} disabled={all} defaultChecked={scope !== 'all' && scope.includes(code)} />{' '}
          {countryName(lang, code)}
        </label>
      ))}
    </fieldset>
  );
}

const readScope = (form: FormData, name: string): string => (form.get(`${name}-all`) ? 'all' : form.getAll(name).map(String).join(','));

function RoleChoice({ lang, role, name = 'role' }: { lang: Language; role: Role; name?: string }) {
  return (
    <label>
      {t(lang, 'role')}
      <select name={name} defaultValue={role}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(lang, ROLE_TEXT[r])}
          </option>
        ))}
      </select>
    </label>
  );
}

interface Props {
  lang: Language;
  initial: AccountSummary[];
  selfId: string;
}

export function UsersAdmin({ lang, initial, selfId }: Props) {
  const [accounts, setAccounts] = useState(initial);
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const reload = async () => {
    const response = await fetch('/api/admin/users', { credentials: 'same-origin' });
    if (response.ok) setAccounts(((await response.json()) as { accounts: AccountSummary[] }).accounts);
  };

  const report = async (outcome: { ok: boolean; message?: string }, success: string) => {
    setMessage(
      outcome.ok ? { ok: true, text: success } : { ok: false, text: t(lang, 'requestFailed', { message: outcome.message ?? '' }) },
    );
    if (outcome.ok) await reload();
  };

  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const email = String(form.get('email'));
    const outcome = await postJson('/api/admin/users', {
      email,
      name: String(form.get('name') ?? '') || undefined,
      password: String(form.get('password')),
      role: String(form.get('role')),
      countries: readScope(form, 'new-countries'),
    });
    await report(outcome, t(lang, 'userCreated', { email }));
    if (outcome.ok) formElement.reset();
  };

  const change = async (id: string, body: Record<string, unknown>) => {
    const outcome = await postJson(`/api/admin/users/${encodeURIComponent(id)}`, body, 'PATCH');
    await report(outcome, t(lang, 'saved'));
    return outcome.ok;
  };

  const saveAccess = async (event: FormEvent<HTMLFormElement>, id: string) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body: Record<string, unknown> = { role: String(form.get('role')), countries: readScope(form, `countries-${id}`) };
    const password = String(form.get('password') ?? '');
    if (password) body.password = password;
    if (await change(id, body)) setEditing(null);
  };

  return (
    <>
      <p role="status" className={message?.ok === false ? 'form-error' : 'form-ok'} data-testid="users-message">
        {message?.text ?? ''}
      </p>
      <table className="users-table" data-testid="users-table">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'email')}</th>
            <th scope="col">{t(lang, 'role')}</th>
            <th scope="col">{t(lang, 'countries')}</th>
            <th scope="col">{t(lang, 'status')}</th>
            <th scope="col">{t(lang, 'sessionsActive')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id} data-email={a.email} className={a.disabled ? 'disabled' : undefined}>
              <td>
                <strong>{a.email}</strong>
                <br />
                <span className="muted">
                  {a.name}
                  {a.id === selfId ? ` (${t(lang, 'you')})` : ''} · {formatDay(lang, a.createdAt.slice(0, 10))}
                </span>
              </td>
              {editing === a.id ? (
                <td colSpan={5}>
                  <form className="user-edit" onSubmit={(e) => saveAccess(e, a.id)}>
                    <RoleChoice lang={lang} role={a.role} />
                    <CountryChoice lang={lang} name={`countries-${a.id}`} scope={a.scope} />
                    <label>
                      {t(lang, 'resetPassword')}
                      <input name="password" type="password" autoComplete="new-password" minLength={12} maxLength={256} />
                    </label>
                    <div className="row-actions">
                      <button type="submit">{t(lang, 'save')}</button>
                      <button type="button" className="secondary" onClick={() => setEditing(null)}>
                        {t(lang, 'cancel')}
                      </button>
                    </div>
                  </form>
                </td>
              ) : (
                <>
                  <td>{roleName(lang, a.role)}</td>
                  <td>{scopeText(lang, a.scope)}</td>
                  <td>{a.disabled ? t(lang, 'disabled') : t(lang, 'active')}</td>
                  <td>{a.activeSessions}</td>
                  <td>
                    <div className="row-actions">
                      <button type="button" className="secondary" onClick={() => setEditing(a.id)}>
                        {t(lang, 'edit')}
                      </button>
                      {a.id === selfId ? null : (
                        <>
                          <button type="button" className="secondary" onClick={() => change(a.id, { disabled: !a.disabled })}>
                            {a.disabled ? t(lang, 'enable') : t(lang, 'disable')}
                          </button>
                          <button
                            type="button"
                            className="secondary"
                            onClick={() => change(a.id, { endSessions: true })}
                            disabled={a.activeSessions === 0}
                          >
                            {t(lang, 'endSessions')}
                          </button>
                        </>
                      )}
                    </div>
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>

      <section className="new-user">
        <h2>{t(lang, 'newUser')}</h2>
        <form className="access-form wide" onSubmit={create} data-testid="new-user">
          <label>
            {t(lang, 'email')}
            <input name="email" type="email" required maxLength={254} autoComplete="off" />
          </label>
          <label>
            {t(lang, 'name')}
            <input name="name" maxLength={120} autoComplete="off" />
          </label>
          <label>
            {t(lang, 'password')}
            <input name="password" type="password" required minLength={12} maxLength={256} autoComplete="new-password" />
          </label>
          <p className="hint">{t(lang, 'passwordRule')}</p>
          <RoleChoice lang={lang} role="analyst" />
          <CountryChoice lang={lang} name="new-countries" scope="all" />
          <button type="submit">{t(lang, 'createUser')}</button>
        </form>
      </section>
    </>
  );
}

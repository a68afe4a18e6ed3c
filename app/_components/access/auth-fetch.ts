/** Calls to the sign-in service and the account routes from the browser: JSON in, JSON or a one-line error out. */
export type Outcome<T = unknown> = { ok: true; status: number; data: T } | { ok: false; status: number; message: string };

export async function postJson<T = unknown>(url: string, body: unknown, method = 'POST'): Promise<Outcome<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, status: 0, message: 'the server cannot be reached' };
  }
  const data = (await response.json().catch(() => null)) as { error?: { message?: string }; message?: string } | null;
  if (response.ok) return { ok: true, status: response.status, data: data as T };
  return { ok: false, status: response.status, message: data?.error?.message ?? data?.message ?? `HTTP ${response.status}` };
}

/** Ends this browser's session and goes to the sign-in page. */
export async function signOut(lang: string): Promise<void> {
  await postJson('/api/auth/sign-out', {});
  window.location.assign(lang === 'en' ? '/sign-in' : `/sign-in?lang=${lang}`);
}

/** Ends every session of this account (every browser and device), then goes to the sign-in page. */
export async function signOutEverywhere(lang: string): Promise<void> {
  await postJson('/api/auth/revoke-sessions', {});
  await signOut(lang);
}

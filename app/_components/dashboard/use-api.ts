'use client';
/**
 * Loads one API answer per URL and keeps it: going back to a filter, or panning the map, never asks
 * the server again for what is already here. Keeps the previous answer while the next one loads.
 * The answers live in one store for the page (read with useSyncExternalStore); a hook only starts
 * the request for the URL it is given. An answer the server sent with the page (SeededAnswers) stands
 * for the URL until the store holds it, and goes into the store in place of a request.
 */
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useSeededAnswer } from './seeded-answers';

type Kind = 'json' | 'bytes';
type Entry = { status: 'loading' } | { status: 'done'; data: unknown; version: number | null } | { status: 'error'; message: string };

/** Answers kept, at most; the oldest goes first. */
const CACHE_LIMIT = 80;
const store = new Map<string, Entry>();
/** How many hooks want each URL now (two may share one: a request is stopped only when none does). */
const wanted = new Map<string, number>();
/** The request under way for a URL. */
const requests = new Map<string, AbortController>();
const listeners = new Set<() => void>();
/** URLs whose seeded answer went into the store: from then on the store answers them (a later visit asks the server). */
const seedsTaken = new Set<string>();

function set(url: string, entry: Entry | null) {
  if (entry) store.set(url, entry);
  else store.delete(url);
  if (store.size > CACHE_LIMIT) store.delete(store.keys().next().value as string);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The answer and the data version the server was at (its `Data-Version` header). */
async function load(url: string, kind: Kind, signal: AbortSignal): Promise<{ raw: unknown; version: number | null }> {
  const res = await fetch(url, { signal });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = (await res.json()) as { error?: { message?: string } };
      if (body.error?.message) message = body.error.message;
    } catch {
      // not JSON: keep the status line
    }
    throw new Error(message);
  }
  const header = Number(res.headers.get('data-version'));
  return { raw: await (kind === 'json' ? res.json() : res.arrayBuffer()), version: Number.isInteger(header) && header > 0 ? header : null };
}

export interface ApiState<T> {
  data: T | undefined;
  /** The URL `data` answers (may lag `url` while loading). */
  dataUrl: string | null;
  /** The answer for `url` has not arrived yet. */
  loading: boolean;
  error: string | null;
  /** The current data version when `data` was answered (null until an answer names one). */
  version: number | null;
  retry(): void;
}

/** `transform` turns the raw answer into what is kept; give a module-level function (it is not a key). */
export function useApi<T>(url: string | null, kind: Kind = 'json', transform?: (raw: unknown) => T): ApiState<T> {
  const stored = useSyncExternalStore(
    subscribe,
    () => (url === null ? undefined : store.get(url)),
    () => undefined,
  );
  // Only plain JSON is seeded: an answer kept transformed (or as bytes) always comes from a request.
  const given = useSeededAnswer(kind === 'json' && !transform ? url : null);
  const seed = given && !seedsTaken.has(given.url) ? given : undefined;
  const seedEntry = useMemo<Entry | undefined>(() => seed && { status: 'done', data: seed.data, version: seed.version }, [seed]);
  const entry = stored ?? seedEntry;
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (url === null) return;
    wanted.set(url, (wanted.get(url) ?? 0) + 1);
    const known = store.get(url);
    if (!known && seed) {
      seedsTaken.add(url);
      set(url, { status: 'done', data: seed.data, version: seed.version });
    } else if (!known || known.status === 'error') {
      const controller = new AbortController();
      requests.set(url, controller);
      set(url, { status: 'loading' });
      load(url, kind, controller.signal).then(
        ({ raw, version }) => set(url, { status: 'done', data: transform ? transform(raw) : raw, version }),
        (e: unknown) => {
          if (!controller.signal.aborted) set(url, { status: 'error', message: e instanceof Error ? e.message : String(e) });
        },
      );
    }
    return () => {
      // No longer wanted by any hook (another URL, or the page left): stop it, and let a later visit ask again.
      const left = (wanted.get(url) ?? 1) - 1;
      if (left > 0) return void wanted.set(url, left);
      wanted.delete(url);
      if (store.get(url)?.status !== 'loading') return;
      requests.get(url)?.abort();
      requests.delete(url);
      set(url, null);
    };
  }, [url, kind, transform, attempt, seed]);

  // The latest answer this hook showed, for the time its next URL is loading.
  const current = entry?.status === 'done' && url !== null ? { url, data: entry.data as T, version: entry.version } : null;
  const [previous, setPrevious] = useState(current);
  if (current && current.data !== previous?.data) setPrevious(current);
  const shown = current ?? previous;

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return {
    data: shown?.data,
    dataUrl: shown?.url ?? null,
    loading: url !== null && (entry === undefined || entry.status === 'loading'),
    error: entry?.status === 'error' ? entry.message : null,
    version: shown?.version ?? null,
    retry,
  };
}

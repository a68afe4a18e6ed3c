'use client';
/**
 * Loads one API answer per URL and keeps it: going back to a filter, or panning the map, never asks
 * the server again for what is already here. Keeps the previous answer while the next one loads.
 */
import { useCallback, useEffect, useState } from 'react';

type Kind = 'json' | 'bytes';
const CACHE_LIMIT = 80;
const cache = new Map<string, unknown>();

export class ApiError extends Error {}

async function load(url: string, kind: Kind, signal: AbortSignal): Promise<unknown> {
  const res = await fetch(url, { signal });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = (await res.json()) as { error?: { message?: string } };
      if (body.error?.message) message = body.error.message;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(message);
  }
  return kind === 'json' ? res.json() : res.arrayBuffer();
}

export interface ApiState<T> {
  data: T | undefined;
  /** The URL `data` answers (may lag `url` while loading). */
  dataUrl: string | null;
  loading: boolean;
  error: string | null;
  retry(): void;
}

export function useApi<T>(url: string | null, kind: Kind = 'json', transform?: (raw: unknown) => T): ApiState<T> {
  const [state, setState] = useState<{ data: T | undefined; dataUrl: string | null; loading: boolean; error: string | null }>(() => ({
    data: url && cache.has(url) ? (cache.get(url) as T) : undefined,
    dataUrl: url && cache.has(url) ? url : null,
    loading: false,
    error: null,
  }));
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!url) {
      setState((s) => ({ ...s, loading: false, error: null }));
      return;
    }
    if (cache.has(url)) {
      setState({ data: cache.get(url) as T, dataUrl: url, loading: false, error: null });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    load(url, kind, controller.signal)
      .then((raw) => {
        const data = transform ? transform(raw) : (raw as T);
        cache.set(url, data);
        if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
        setState({ data, dataUrl: url, loading: false, error: null });
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        setState((s) => ({ ...s, loading: false, error: e instanceof Error ? e.message : String(e) }));
      });
    return () => controller.abort();
    // `transform` is a module-level function for every caller; the URL alone keys the answer.
  }, [url, kind, attempt]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { ...state, retry };
}

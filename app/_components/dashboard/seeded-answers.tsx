'use client';
/**
 * Answers the server computed while rendering the page (the first questions of its view), handed to
 * useApi: the figures are in the HTML and the browser does not ask for them again. Each is used until
 * the page's store holds its URL; after that the store's answers (and its requests) take over.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';

export interface SeededAnswer {
  url: string;
  data: unknown;
  /** The current data version when it was answered. */
  version: number | null;
}

const Seeds = createContext<ReadonlyMap<string, SeededAnswer>>(new Map());

export function SeededAnswers({ answers, children }: { answers: readonly SeededAnswer[]; children: ReactNode }) {
  const byUrl = useMemo(() => new Map(answers.map((a) => [a.url, a])), [answers]);
  return <Seeds value={byUrl}>{children}</Seeds>;
}

/** The server's answer for `url`, if the page was given one. */
export function useSeededAnswer(url: string | null): SeededAnswer | undefined {
  const seeds = useContext(Seeds);
  return url === null ? undefined : seeds.get(url);
}

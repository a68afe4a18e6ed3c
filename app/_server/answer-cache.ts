/**
 * Answers kept in memory, keyed by what decides them: the request's path and query (a pinned `asof`
 * with it), the current data version (read for every request) and the account's access (its
 * countries and level of detail). A write makes a new data version, so no
 * instance ever serves an answer from before it: its next request reads the new version and misses.
 * Bounded by size (ANSWER_CACHE_MB, least recently used out first). Only answers that are a pure
 * function of that key are kept: apiRoute's cacheable routes. A request with `Cache-Control: no-cache`
 * (a hard reload, the benchmark's query timings) is computed afresh, and its answer kept.
 */
import { LRUCache } from 'lru-cache';
import { getEnv } from '@/lib/env';
import type { ScopedFilters } from '@/lib/access/country-scope';

export interface CachedAnswer {
  body: Uint8Array;
  contentType: string;
  /** Rows of single seizures the answer shows (null: not counted): each serving of it is audited, from the cache too. */
  auditRows?: number | null;
}

const KEY = Symbol.for('blo-atlas.answer-cache');
type Holder = { [KEY]?: LRUCache<string, CachedAnswer> | null };

function cache(): LRUCache<string, CachedAnswer> | null {
  const holder = globalThis as Holder;
  if (holder[KEY] === undefined) {
    const mb = getEnv().ANSWER_CACHE_MB;
    holder[KEY] =
      mb === 0
        ? null
        : new LRUCache<string, CachedAnswer>({
            maxSize: mb * 1024 * 1024,
            sizeCalculation: (a, key) => a.body.byteLength + key.length + 64,
          });
  }
  return holder[KEY];
}

/** A number per database opened in this process: answers of one never serve another (tests swap databases). */
const databaseIds = new WeakMap<object, number>();
let databasesSeen = 0;

/**
 * The key of a request's answer: the database, path and query as sent (with a pinned `asof`), the
 * current data version, and the account's access. The current version even for a pinned link: some
 * answers about one (what changed since it) depend on what came after.
 */
export function answerKey(database: object, url: URL, current: number, filters: Pick<ScopedFilters, 'scope' | 'detail'>): string {
  if (!databaseIds.has(database)) databaseIds.set(database, ++databasesSeen);
  const id = databaseIds.get(database)!;
  return `${id}|${url.pathname}${url.search}|v${current}|${JSON.stringify(filters.scope)}|${JSON.stringify(filters.detail)}`;
}

/** Whether the request asks for an answer computed afresh. */
export const wantsFresh = (request: Request): boolean => /\bno-(cache|store)\b/.test(request.headers.get('cache-control') ?? '');

export const cachedAnswer = (key: string): CachedAnswer | undefined => cache()?.get(key);

export function keepAnswer(key: string, answer: CachedAnswer): void {
  cache()?.set(key, answer);
}

/** Bytes held now. */
export const cachedBytes = (): number => cache()?.calculatedSize ?? 0;

'use client';
import { useId, useMemo, useState } from 'react';
import { buildSearchIndex, MIN_QUERY_LENGTH, searchNames, type SearchEntry, type SearchHit } from '@/lib/search/place-search';
import { countryName, t } from '@/lib/i18n/i18n';
import type { CountryCode } from '@/lib/catalogue/vocabulary';
import type { Language } from '@/lib/url/view-state';

/** One thing the search can find, with what the list says about it. */
export interface Findable extends SearchEntry {
  country: CountryCode;
}

interface Props {
  lang: Language;
  entries: readonly Findable[];
  onGo(entry: Findable): void;
}

const labelIn = (lang: Language, e: SearchEntry) => (lang === 'ru' && e.labelRu ? e.labelRu : e.label);
const otherLabel = (lang: Language, e: SearchEntry) => (lang === 'ru' ? e.label : e.labelRu);

/**
 * Search the map: posts and places by any of their names, Latin or Cyrillic, typos forgiven
 * (lib/search/place-search.ts). A combobox: arrows move through the matches, Enter goes to the
 * highlighted one (the first by default), Escape clears; the map flies there.
 */
export function MapSearch({ lang, entries, onGo }: Props) {
  const index = useMemo(() => buildSearchIndex(entries), [entries]);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const hits: SearchHit[] = useMemo(() => searchNames(index, text), [index, text]);
  const current = Math.min(active, Math.max(0, hits.length - 1));
  // From two letters: one letter matches too much to list.
  const shown = open && text.trim().length >= MIN_QUERY_LENGTH;

  const go = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onGo(hit.entry as Findable);
    setText('');
    setOpen(false);
    setActive(0);
  };
  const describe = (e: Findable) =>
    `${e.kind === 'post' ? t(lang, 'searchPost') : t(lang, 'searchPlace')} · ${countryName(lang, e.country)}`;

  return (
    <div className="map-search" role="search">
      <label>
        <span className="sr-only">{t(lang, 'searchMap')}</span>
        <input
          type="search"
          role="combobox"
          aria-expanded={shown}
          aria-controls={shown ? listId : undefined}
          aria-autocomplete="list"
          aria-activedescendant={shown && hits[current] ? `${listId}-${current}` : undefined}
          data-testid="map-search"
          placeholder={`${t(lang, 'searchMap')}…`}
          autoComplete="off"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              setOpen(true);
              if (hits.length) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
            } else if (e.key === 'Enter') {
              e.preventDefault();
              go(hits[current]);
            } else if (e.key === 'Escape' && text !== '') {
              // The key clears the search only: the post's panel, if open, stays.
              e.preventDefault();
              setText('');
            }
          }}
        />
      </label>
      {shown && (
        <ul className="map-search-results" id={listId} role="listbox" aria-label={t(lang, 'searchMap')} data-testid="map-search-results">
          {hits.length === 0 ? (
            <li className="empty" role="option" aria-selected={false} aria-disabled>
              {t(lang, 'searchNothing')}
            </li>
          ) : (
            hits.map((hit, i) => {
              const e = hit.entry as Findable;
              const other = otherLabel(lang, e);
              return (
                <li
                  key={`${e.kind}:${e.id}`}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === current}
                  data-testid="map-search-option"
                  data-kind={e.kind}
                  data-id={e.id}
                  // Before the input's blur closes the list.
                  onMouseDown={(ev) => {
                    ev.preventDefault();
                    go(hit);
                  }}
                  onMouseEnter={() => setActive(i)}
                >
                  <span className="name">{labelIn(lang, e)}</span>
                  {other && other !== labelIn(lang, e) && <span className="other"> / {other}</span>}
                  {hit.matched !== e.label && hit.matched !== e.labelRu && <span className="matched"> ({hit.matched})</span>}
                  <span className="what">{describe(e)}</span>
                </li>
              );
            })
          )}
        </ul>
      )}
    </div>
  );
}

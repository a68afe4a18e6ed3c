'use client';
import { useState } from 'react';
import { bloName, bloOtherName, t } from '@/lib/i18n/i18n';
import type { Language } from '@/lib/url/view-state';

interface Post {
  code: string;
  name: string;
  nameRu: string;
}

/**
 * "Go to post": type part of a post's name in either script and pick it from the list (or press
 * Enter on a single match); the map flies there and the post's panel opens.
 */
export function GoToPost({ lang, blos, onGo }: { lang: Language; blos: readonly Post[]; onGo(code: string): void }) {
  const [text, setText] = useState('');
  const optionOf = (b: Post) => `${bloName(lang, b)} / ${bloOtherName(lang, b)}`;
  const matches = (value: string) => {
    const q = value.trim().toLowerCase();
    if (q === '') return [];
    const exact = blos.filter((b) => optionOf(b).toLowerCase() === q);
    return exact.length ? exact : blos.filter((b) => b.name.toLowerCase().includes(q) || b.nameRu.toLowerCase().includes(q));
  };
  const go = (value: string, picked: boolean) => {
    const found = matches(value);
    if (found.length !== 1 || (picked && optionOf(found[0]).toLowerCase() !== value.trim().toLowerCase())) return false;
    onGo(found[0].code);
    setText('');
    return true;
  };
  return (
    <form
      className="go-to-post"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        go(text, false);
      }}
    >
      <label>
        <span className="sr-only">{t(lang, 'goToPost')}</span>
        <input
          type="search"
          list="post-names"
          data-testid="go-to-post"
          placeholder={`${t(lang, 'goToPost')}…`}
          value={text}
          onChange={(e) => {
            // A name picked from the list goes there at once; typing waits for Enter.
            if (!go(e.target.value, true)) setText(e.target.value);
          }}
        />
      </label>
      <datalist id="post-names">
        {blos.map((b) => (
          <option key={b.code} value={optionOf(b)} />
        ))}
      </datalist>
    </form>
  );
}

'use client';
/**
 * The dashboard's state lives in the page URL (lib/url/view-state.ts). `update(patch, history)`
 * merges a patch into the latest view: filter, layer and selection changes push a history entry
 * (Back undoes them); camera moves and playback steps replace the current one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { parseViewState, serializeViewState, type ParsedView, type ViewState } from '@/lib/url/view-state';

export type HistoryMode = 'push' | 'replace';

const read = (): ParsedView => parseViewState(new URLSearchParams(window.location.search));

function writeUrl(view: ViewState, history: HistoryMode) {
  const search = serializeViewState(view).toString();
  const url = `${window.location.pathname}${search ? `?${search}` : ''}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (history === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

export function useViewState(initialSearch: string) {
  const [parsed, setParsed] = useState<ParsedView>(() => parseViewState(new URLSearchParams(initialSearch)));
  // The latest view, for patches applied one after another before the page re-renders (a camera
  // move reported in the same tick as a click). Written only by `update` and by Back/Forward.
  const latest = useRef(parsed.view);

  useEffect(() => {
    const onPop = () => {
      const next = read();
      latest.current = next.view;
      setParsed(next);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const update = useCallback((patch: Partial<ViewState>, history: HistoryMode = 'push') => {
    const view = { ...latest.current, ...patch };
    latest.current = view;
    writeUrl(view, history);
    // A new entry is a view the user made: the problems of the pasted link no longer apply.
    setParsed((p) => ({ view, problems: history === 'push' ? [] : p.problems }));
  }, []);

  return { view: parsed.view, problems: parsed.problems, update };
}

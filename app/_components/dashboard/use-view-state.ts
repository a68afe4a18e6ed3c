'use client';
/**
 * The dashboard's state lives in the page URL (lib/view-state.ts). Filter, layer and selection
 * changes push a history entry (Back undoes them); camera moves replace the current one.
 */
import { useCallback, useEffect, useState } from 'react';
import { parseViewState, serializeViewState, type ParsedView, type ViewState } from '@/lib/url/view-state';

const read = (): ParsedView => parseViewState(new URLSearchParams(window.location.search));

export function useViewState(initialSearch: string) {
  const [parsed, setParsed] = useState<ParsedView>(() => parseViewState(new URLSearchParams(initialSearch)));

  useEffect(() => {
    const onPop = () => setParsed(read());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const setView = useCallback((next: ViewState, history: 'push' | 'replace' = 'push') => {
    const search = serializeViewState(next).toString();
    const url = `${window.location.pathname}${search ? `?${search}` : ''}`;
    if (url !== `${window.location.pathname}${window.location.search}`) {
      if (history === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    }
    setParsed((p) => ({ view: next, problems: history === 'push' ? [] : p.problems }));
  }, []);

  return { view: parsed.view, problems: parsed.problems, setView };
}

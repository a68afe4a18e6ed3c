'use client';
import type { RevisionsAnswer } from '@/lib/api/api-types';
import { t } from '@/lib/i18n/i18n';
import type { Filters } from '@/lib/url/filters';
import { apiSearch, type Language } from '@/lib/url/view-state';
import { revisionText } from '@/lib/versions/revision-text';
import { useApi } from './use-api';

interface Props {
  lang: Language;
  filters: Filters;
  onShowCurrent(): void;
}

/** Over a pinned view (`asof`): when its figures are from, what changed the view since, and the way to the current figures. */
export function PinnedBanner({ lang, filters, onShowCurrent }: Props) {
  const revisions = useApi<RevisionsAnswer>(filters.asOf === null ? null : `/api/revisions${apiSearch(filters)}`);
  if (filters.asOf === null) return null;
  const text = revisions.data ? revisionText(lang, revisions.data) : null;
  return (
    <p className="banner pinned" role="status" data-testid="pinned-banner" data-version={filters.asOf}>
      <span>
        {text ? (
          <>
            <strong>{text.pinned}</strong> <span data-testid="pinned-since">{text.since}</span>
          </>
        ) : (
          t(lang, 'pinnedLoading', { version: filters.asOf })
        )}
      </span>{' '}
      <button type="button" className="secondary" data-testid="show-current" onClick={onShowCurrent}>
        {t(lang, 'showCurrent')}
      </button>
    </p>
  );
}

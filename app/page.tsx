import { getEnv } from '@/lib/env';
import { todayIso } from '@/lib/time/dates';
import { parseViewState } from '@/lib/url/view-state';
import { firstRequests, pointsRequest, shownLayers } from '@/lib/url/view-requests';
import type { SummaryAnswer } from '@/lib/api/api-types';
import { Dashboard } from '@/app/_components/dashboard/dashboard';
import { Forbidden } from '@/app/_components/access/forbidden';
import { pageLanguage, pageMetadata, pagePath } from '@/app/_components/page-links';
import { authorizePage } from '@/app/_server/access';
import { answersForPage } from '@/app/_server/first-answers';
import { signedIn } from '@/app/_server/signed-in';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageMetadata(null);

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The dashboard, for a signed-in account (else sign-in, which returns here with every key). Its whole
 * state is in the query string; the client reads it, the server passes it through with the answers
 * to the view's first questions (the figures, the list of posts, the series, an open post's panel),
 * so they are in the HTML. The seizures the map draws as points are asked for in the page's head,
 * while its scripts load.
 */
export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await searchParams;
  const path = pagePath('/', query);
  const access = await authorizePage('view', path);
  const account = signedIn(access.account);
  if (access.refused) return <Forbidden lang={pageLanguage(query.lang)} refused={access.refused} account={account} />;
  const initialSearch = path.slice(2);
  const events = account.permissions.includes('events');
  const { view } = parseViewState(new URLSearchParams(initialSearch));
  const layers = shownLayers(view.layers, events);
  const first = firstRequests({ ...view, layers }, events);
  const answers = await answersForPage(Object.values(first), access.account);
  const count = (answers.find((a) => a.url === first.summary)?.data as SummaryAnswer | undefined)?.count;
  const points = pointsRequest(view.filters, layers, count);
  return (
    <>
      {/* In the HTML's head (React puts it there), so the request starts with the page, not once the page's
          scripts have run; the same request the map makes (fetch's defaults: same-origin credentials). */}
      {points && <link rel="preload" as="fetch" href={points} crossOrigin="anonymous" />}
      <Dashboard
        initialSearch={initialSearch}
        answers={answers}
        today={todayIso()}
        styleUrl={getEnv().BASEMAP_STYLE_URL ?? null}
        account={account}
      />
    </>
  );
}

import { getEnv } from '@/lib/env';
import { todayIso } from '@/lib/time/dates';
import { Dashboard } from '@/app/_components/dashboard/dashboard';
import { Forbidden } from '@/app/_components/access/forbidden';
import { pageLanguage, pageMetadata, pagePath } from '@/app/_components/page-links';
import { authorizePage } from '@/app/_server/access';
import { signedIn } from '@/app/_server/signed-in';

export const dynamic = 'force-dynamic';
export const generateMetadata = pageMetadata(null);

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The dashboard, for a signed-in account (else sign-in, which returns here with every key). Its whole
 * state is in the query string; the client reads it, the server passes it through.
 */
export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await searchParams;
  const path = pagePath('/', query);
  const access = await authorizePage('view', path);
  const account = signedIn(access.account);
  if (access.refused) return <Forbidden lang={pageLanguage(query.lang)} refused={access.refused} account={account} />;
  return <Dashboard initialSearch={path.slice(2)} today={todayIso()} styleUrl={getEnv().BASEMAP_STYLE_URL ?? null} account={account} />;
}

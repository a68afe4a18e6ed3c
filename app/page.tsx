import { getEnv } from '@/lib/env';
import { todayIso } from '@/lib/time/dates';
import { Dashboard } from '@/app/_components/dashboard/dashboard';

export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

/** The dashboard. Its whole state is in the query string; the client reads it, the server passes it through. */
export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  return <Dashboard initialSearch={params.toString()} today={todayIso()} styleUrl={getEnv().BASEMAP_STYLE_URL ?? null} />;
}

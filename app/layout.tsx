import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { languageOf, PAGE_LANGUAGE_HEADER } from '@/lib/i18n/page-language';
import './styles/base.css';
import './styles/dashboard.css';
import './styles/map.css';
import './styles/time.css';
import './styles/panels.css';
import './styles/import.css';
import './styles/export-menu.css';
import './styles/access.css';
import './styles/brief.css';

export const metadata: Metadata = {
  title: 'BLO Atlas',
  description: 'Drug seizures around the Border Liaison Offices of Central Asia',
  robots: { index: false, follow: false },
};

/**
 * `<html lang>` is the page's language as the proxy read it from the URL (lib/i18n/page-language.ts),
 * so screen readers pick the right voice from the first byte. The value is checked again here: a
 * request the proxy skips (a prefetch) arrives with whatever header its sender chose. The dashboard
 * updates the attribute in the browser when its language is switched without a reload.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const lang = languageOf((await headers()).get(PAGE_LANGUAGE_HEADER));
  return (
    <html lang={lang}>
      <body>{children}</body>
    </html>
  );
}

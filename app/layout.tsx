import type { Metadata } from 'next';
import type { ReactNode } from 'react';
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

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}

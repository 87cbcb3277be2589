import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { readTheme } from '../lib/theme';
import { ThemeToggle } from './theme-toggle';
import './globals.css';

export const metadata: Metadata = {
  title: 'Releases · Next.js example',
  description: 'gitops-releases in a Next.js App Router host',
};

/**
 * The page's frame. The theme comes from a cookie, read on the server, so the first paint is
 * already in the reader's colours (no flash of the wrong theme); without the cookie the page
 * follows the system setting through CSS alone.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = await readTheme();
  return (
    <html lang="en" data-theme={theme}>
      <body>
        <header className="app-header">
          <Link href="/" className="app-brand">
            Acme delivery
          </Link>
          <ThemeToggle theme={theme} />
        </header>
        <main className="app-main">{children}</main>
      </body>
    </html>
  );
}

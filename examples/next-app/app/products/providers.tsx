'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { ReleasesProvider, type RenderLink } from 'gitops-releases/provider';

// The library's links go through Next's router: client-side navigation and prefetching.
// Links that leave the app (a Git host, Argo CD) stay plain and open in a new tab.
const renderLink: RenderLink = ({ href, className, title, external, children }) =>
  external ? (
    <a href={href} className={className} title={title} target="_blank" rel="noreferrer">
      {children}
    </a>
  ) : (
    <Link href={href} className={className} title={title}>
      {children}
    </Link>
  );

export function Providers({ colorMode, children }: { colorMode: 'light' | 'dark' | 'system'; children: ReactNode }) {
  return (
    <ReleasesProvider colorMode={colorMode} renderLink={renderLink}>
      {children}
    </ReleasesProvider>
  );
}

import type { ReactNode } from 'react';
import { readTheme } from '../../lib/theme';
import { Providers } from './providers';

/** Every page that shows releases: the library's provider, in the reader's theme from the first paint. */
export default async function ProductsLayout({ children }: { children: ReactNode }) {
  return <Providers colorMode={await readTheme()}>{children}</Providers>;
}

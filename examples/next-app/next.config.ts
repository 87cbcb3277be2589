import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

// The app is a workspace of the library's repository: its dependencies are installed at the
// repository's root, which is therefore the root Next.js traces and bundles from.
const root = fileURLToPath(new URL('../..', import.meta.url));

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  outputFileTracingRoot: root,
  turbopack: { root },
};

export default config;

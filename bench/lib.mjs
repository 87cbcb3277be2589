// What the Chromium benchmarks (bench/graph, bench/fleet, bench/table) share: statistics, and a Vite dev server
// serving one benchmark page from source (React's production build unless --dev) opened in
// Debian's Chromium through playwright-core, with `window.gc` and precise memory info.
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { freePort } from '../scripts/free-port.mjs';

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}
export const median = (values) => percentile(values, 50);
export const ms = (value) => (Number.isFinite(value) ? Number(value.toFixed(1)) : '');
export const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Serves the benchmark page in `root` (a folder with index.html + main.tsx) and opens it in
 * Chromium at 1400x900, waiting for `window.__bench.ready`. `include` lists the dependencies to
 * pre-bundle, so the first load does not stop to re-optimize. Returns `{ browser, openPage, close }`.
 */
export async function startBenchPage({ name, root, dev, include }) {
  // Vite (and so @vitejs/plugin-react and the dependency optimizer) read NODE_ENV: production
  // gives React's production build, as users run it. Set before Vite is loaded.
  process.env.NODE_ENV = dev ? 'development' : 'production';
  const { createServer } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  const repo = fileURLToPath(new URL('..', import.meta.url));
  const port = await freePort();
  const server = await createServer({
    configFile: false,
    root,
    mode: dev ? 'development' : 'production',
    logLevel: 'warn',
    clearScreen: false,
    // Its own optimizer cache, so switching --dev does not disturb Storybook's or Vitest's.
    cacheDir: fileURLToPath(new URL(`../node_modules/.vite/bench-${name}-${dev ? 'dev' : 'prod'}`, import.meta.url)),
    plugins: [react()],
    resolve: {
      alias: { 'gitops-releases/headless': fileURLToPath(new URL('../src/headless/index.ts', import.meta.url)) },
    },
    optimizeDeps: { include: ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'react/jsx-dev-runtime', ...include] },
    server: { host: '127.0.0.1', port, strictPort: true, hmr: false, fs: { allow: [repo] } },
  });
  let browser;
  try {
    await server.listen();
    const launch = chromiumLaunchOptions();
    browser = await chromium.launch({ ...launch, args: [...launch.args, '--js-flags=--expose-gc', '--enable-precise-memory-info'] });
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
  const openPage = async (path = '') => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning' || message.text().startsWith('[bench]')) {
        console.log(`  page ${message.type()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => console.log(`  page error: ${error.message}`));
    await page.goto(`http://127.0.0.1:${port}/${path}`);
    await page.waitForFunction(() => globalThis.__bench?.ready === true, undefined, { timeout: 180_000 });
    return page;
  };
  return {
    browser,
    openPage,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

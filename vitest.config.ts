import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';
import { renderOnServer } from './test/zones/commands.mjs';
import { BROWSER } from './test/zones/zones.mjs';

const alias = {
  'gitops-releases/headless': fileURLToPath(new URL('./src/headless/index.ts', import.meta.url)),
};

// React 18.3 (the oldest React the peer range allows) from the npm workspace in test/react18,
// for a second run of the component tests. Every import of React, our code's and the
// libraries', must reach that one copy: the libraries are inlined so the aliases apply to them.
const r18 = (path: string) => fileURLToPath(new URL(`./test/react18/node_modules/${path}`, import.meta.url));
const react18 = [
  { find: /^react$/, replacement: r18('react/index.js') },
  { find: /^react\/jsx-runtime$/, replacement: r18('react/jsx-runtime.js') },
  { find: /^react\/jsx-dev-runtime$/, replacement: r18('react/jsx-dev-runtime.js') },
  { find: /^react-dom$/, replacement: r18('react-dom/index.js') },
  { find: /^react-dom\/client$/, replacement: r18('react-dom/client.js') },
  { find: /^react-dom\/server$/, replacement: r18('react-dom/server.node.js') },
  { find: /^react-dom\/test-utils$/, replacement: r18('react-dom/test-utils.js') },
  // Its CommonJS build would require React 19's react-dom past the aliases: use its ES build.
  { find: /^@testing-library\/react$/, replacement: fileURLToPath(new URL('./node_modules/@testing-library/react/dist/@testing-library/react.esm.js', import.meta.url)) },
  // The same for use-sync-external-store (zustand's, under React Flow), which has no ES build: an
  // ES module of the same hooks, whose `react` import reaches React 18 through the aliases above.
  {
    find: /^use-sync-external-store(\/shim)?(\/index|\/with-selector)?(\.js)?$/,
    replacement: fileURLToPath(new URL('./test/react18/use-sync-external-store.mjs', import.meta.url)),
  },
];

// Each browser project names its Chromium instance: names must be unique across projects.
// `context` sets the page's own zone and locale (Playwright's `timezoneId`, `locale`).
const browser = (name: string, context?: { timezoneId: string; locale: string }) => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: chromiumLaunchOptions(), ...(context ? { contextOptions: context } : {}) }),
  instances: [{ browser: 'chromium' as const, name }],
  screenshotFailures: false,
});

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        // The built package in plain Node processes (npm test builds first).
        test: {
          name: 'package',
          environment: 'node',
          include: ['test/package/**/*.test.ts'],
          // Each test starts Node processes that load the whole built package (or bundle it): on a
          // loaded 2-core machine one such start alone can pass Vitest's 5-second default.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'components',
          environment: 'jsdom',
          globals: true,
          include: ['test/components/**/*.test.{ts,tsx}'],
          setupFiles: ['test/components/setup.ts'],
          // jsdom renders the 300-environment cases slowly on a 2-core machine.
          testTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        resolve: { alias: [...react18, { find: 'gitops-releases/headless', replacement: alias['gitops-releases/headless'] }] },
        test: {
          name: 'components (React 18)',
          environment: 'jsdom',
          globals: true,
          include: ['test/components/**/*.test.{ts,tsx}'],
          setupFiles: ['test/components/setup.ts', 'test/components/react18-setup.ts'],
          testTimeout: 30_000,
          server: { deps: { inline: true } },
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.{ts,tsx}'],
          testTimeout: 60_000,
          browser: browser('browser (chromium)'),
        },
      },
      {
        // Server HTML rendered by a Node process in one time zone and locale, hydrated in a
        // Chromium in another (test/zones/zones.ts says which).
        extends: true,
        plugins: [react()],
        test: {
          name: 'zones',
          include: ['test/zones/**/*.test.{ts,tsx}'],
          testTimeout: 60_000,
          browser: {
            ...browser('zones (chromium)', { timezoneId: BROWSER.timeZone, locale: BROWSER.locale }),
            commands: { renderOnServer },
          },
        },
      },
      {
        // The example host app in Chromium, served by its own Vite dev server from the built
        // package (npm test builds first).
        test: {
          name: 'example',
          environment: 'node',
          include: ['examples/host-dashboard/test/**/*.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The Next.js example host: the packed package installed from its tarball, `next build`,
        // `next start`, and a walk in Chromium (npm test builds first).
        test: {
          name: 'next-app',
          environment: 'node',
          include: ['examples/next-app/test/**/*.test.ts'],
          testTimeout: 120_000,
          // `next build` on a busy 2-core machine.
          hookTimeout: 600_000,
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
        test: {
          name: 'storybook',
          // The 300-environment stories render and axe-check hundreds of nodes.
          testTimeout: 60_000,
          browser: browser('storybook (chromium)'),
        },
      },
    ],
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

const alias = {
  'gitops-releases/headless': fileURLToPath(new URL('./src/headless/index.ts', import.meta.url)),
};

// Each browser project names its Chromium instance: names must be unique across projects.
const browser = (name: string) => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: chromiumLaunchOptions() }),
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

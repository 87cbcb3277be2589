import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'storybook-static', 'coverage', 'node_modules', '**/*.d.mts', '**/.next', '**/next-env.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Headless code runs in Node, workers and servers: no React, no DOM, no CSS.
    files: ['src/headless/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@xyflow/*', '@radix-ui/*'], message: 'headless must not import React.' },
            { group: ['*.css'], message: 'headless must not import CSS.' },
            { group: ['**/components/**'], message: 'headless must not import components.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    // At run time the components reach headless only through the two files the build points at
    // headless's own (dist/headless-internal.*, dist/headless-layout.*), so they share its one copy
    // and only the graph reaches dagre. Types may come from anywhere.
    files: ['src/components/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'gitops-releases/headless', allowTypeImports: true, message: "Import values from '../../headless/internal' (the layout from '../../headless/graph/layout')." }],
          patterns: [
            {
              regex: '/headless/(?!(internal|graph/layout)$)',
              allowTypeImports: true,
              message: "Import values from '../../headless/internal' (the layout from '../../headless/graph/layout').",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

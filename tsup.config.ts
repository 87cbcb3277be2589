import { defineConfig, type Options } from 'tsup';

const shared: Options = {
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  target: 'es2022',
  tsconfig: 'tsconfig.build.json',
  // Rollup tree-shaking would strip the "use client" directive; esbuild already drops unused code.
  treeshake: false,
  splitting: false,
  outDir: 'dist',
};

export default defineConfig([
  {
    ...shared,
    entry: { headless: 'src/headless/index.ts' },
    clean: true,
    // Headless stays free of React; dagre is its only runtime dependency.
    external: ['@dagrejs/dagre'],
  },
  {
    ...shared,
    entry: { index: 'src/index.ts' },
    // The components import headless by the package's own name, so the built entries share one
    // copy of it (one ReleaseDataError class, one layout cache) and the "use client" banner never
    // reaches headless code that servers import.
    external: ['gitops-releases/headless', 'react', 'react-dom', 'react/jsx-runtime'],
    banner: { js: '"use client";' },
  },
]);

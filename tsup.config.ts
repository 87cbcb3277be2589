import { defineConfig, type Options } from 'tsup';

/**
 * The components reach headless's internals (`src/headless/internal.ts`) by a relative import;
 * in the built files that import points at `dist/headless-internal.*`, which is built with
 * headless and shares its chunks, instead of a second copy bundled into the components.
 */
const headlessInternal: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'headless-internal',
  setup(build) {
    const file = build.initialOptions.format === 'cjs' ? './headless-internal.cjs' : './headless-internal.js';
    build.onResolve({ filter: /\/headless\/internal$/ }, () => ({ path: file, external: true }));
  },
};

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
    format: ['esm'],
    // The graph layout (the only user of dagre) is its own chunk: dagre's module has top-level
    // code, so a bundler keeps it whenever the file importing it is kept. Split out, the chunk
    // (and dagre) is dropped by a host that imports only the table or the badge.
    // (The two extra entries exist only to draw the chunk boundaries: see src/headless/build-chunks.ts.)
    entry: {
      headless: 'src/headless/index.ts',
      'headless-layout': 'src/headless/graph/layout.ts',
      'headless-shared': 'src/headless/build-chunks.ts',
      'headless-internal': 'src/headless/internal.ts',
    },
    splitting: true,
    clean: true,
    // Headless stays free of React; dagre is its only runtime dependency.
    external: ['@dagrejs/dagre'],
  },
  {
    ...shared,
    format: ['cjs'],
    // Without code splitting in CommonJS, this file has its own copy of the row caches: the
    // components' idle warm-up then does not speed up a CommonJS host's first sort (it is still correct).
    entry: { headless: 'src/headless/index.ts', 'headless-internal': 'src/headless/internal.ts' },
    external: ['@dagrejs/dagre'],
  },
  {
    ...shared,
    entry: { index: 'src/index.ts' },
    // The components import headless by the package's own name, so the built entries share one
    // copy of it (one ReleaseDataError class, one layout cache) and the "use client" banner never
    // reaches headless code that servers import.
    external: ['gitops-releases/headless', 'react', 'react-dom', 'react/jsx-runtime'],
    esbuildPlugins: [headlessInternal],
    banner: { js: '"use client";' },
  },
]);

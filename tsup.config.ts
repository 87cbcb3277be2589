import { readFileSync } from 'node:fs';
import { build, type Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';

/**
 * The per-component entries, `gitops-releases/<name>` built from `src/entries/<name>.ts`, besides
 * the root (`src/index.ts`, which re-exports them all). One line adds one; package.json's
 * `exports` and `typesVersions` must then name it (test/package checks both).
 */
const COMPONENT_ENTRIES = ['badge', 'provider', 'table', 'graph', 'view', 'notes', 'insights'];

const CLIENT = '"use client";';

/**
 * At run time the components reach headless only through two files built with it, which share
 * its chunks, so a page has one copy of everything stateful in headless (`ReleaseDataError`, the
 * row and layout caches) whichever entries it imports: `src/headless/internal.ts` (everything the
 * components use but the layout) and `src/headless/graph/layout.ts`, the only file that imports
 * dagre. Any other path into headless fails the build (lint says so earlier).
 */
const HEADLESS_FILES = new Map([
  ['internal', './headless-internal.js'],
  ['graph/layout', './headless-layout.js'],
]);
const headlessFiles: Plugin = {
  name: 'headless-files',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/(?:.*\/)?headless\// }, (args) => {
      const file = HEADLESS_FILES.get(args.path.replace(/^.*?\/headless\//, ''));
      if (file === undefined) return { errors: [{ text: `${args.importer} imports ${args.path}: components reach headless only through headless/internal or headless/graph/layout` }] };
      return { path: file, external: true };
    });
  },
};

/**
 * esbuild splits only ES modules into shared chunks; CommonJS output would give every entry its
 * own copy of every module (two provider contexts, two `ReleaseDataError` classes, two caches
 * for a host mixing entries). So CommonJS is made from the ES build, file for file: each entry and
 * chunk gets a `.cjs` twin that requires the twins of what it imported. Same modules, same graph,
 * one copy of each; the source maps still point at src/.
 */
function withCommonJsTwins(options: Options): Options {
  let files: string[] = [];
  const listFiles: Plugin = {
    name: 'list-files',
    setup(build) {
      build.onEnd((result) => {
        files = Object.keys(result.metafile?.outputs ?? {}).filter((file) => file.endsWith('.js'));
      });
    },
  };
  return { ...options, esbuildPlugins: [...(options.esbuildPlugins ?? []), listFiles], onSuccess: () => commonJsTwins(files) };
}

async function commonJsTwins(files: string[]): Promise<void> {
  if (files.length === 0) throw new Error('the ES build reported no files');
  const oneFile: Plugin = {
    name: 'one-file',
    setup(build) {
      // Nothing is bundled: a relative import becomes a require of its twin, a package stays as is.
      build.onResolve({ filter: /.*/ }, (args) =>
        args.kind === 'entry-point' ? undefined : { path: args.path.startsWith('.') ? args.path.replace(/\.js$/, '.cjs') : args.path, external: true },
      );
      // The banner writes the directive first (esbuild would put "use strict" before it); the
      // line stays, empty, so the ES file's source map still lines up.
      build.onLoad({ filter: /\.js$/ }, (args) => ({ contents: readFileSync(args.path, 'utf8').replace(/^"use client";/, ''), loader: 'js' }));
    },
  };
  const client = files.filter((file) => readFileSync(file, 'utf8').startsWith(CLIENT));
  for (const [entryPoints, banner] of [
    [client, { js: CLIENT }],
    [files.filter((file) => !client.includes(file)), {}],
  ] as const) {
    if (entryPoints.length === 0) continue;
    await build({
      entryPoints: [...entryPoints],
      outdir: 'dist',
      outbase: 'dist',
      outExtension: { '.js': '.cjs' },
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'es2022',
      sourcemap: true,
      banner,
      // CommonJS has no import.meta: the layout's worker URL then fails to build, and layouts run
      // on the calling thread (CommonJS hosts are Node, Jest and servers, which have no workers).
      define: { 'import.meta.url': 'undefined' },
      logLevel: 'warning',
      plugins: [oneFile],
    });
  }
}

const shared: Options = {
  // The ES build; withCommonJsTwins writes CommonJS from it, and the second config of each pair
  // writes CommonJS's declarations (`.d.cts`).
  format: ['esm'],
  dts: true,
  sourcemap: true,
  target: 'es2022',
  tsconfig: 'tsconfig.build.json',
  // Rollup tree-shaking would strip the "use client" directive; esbuild already drops unused code.
  treeshake: false,
  // Each module in one file, imported by every entry that uses it: one copy of every cache,
  // class, clock and React context per page, whichever entries a host imports.
  splitting: true,
  outDir: 'dist',
};

const headless: Options = {
  ...shared,
  // The graph layout (the only user of dagre) is its own chunk: dagre's module has top-level
  // code, so a bundler keeps it whenever the file importing it is kept. Split out, the chunk
  // (and dagre) is dropped by a host that imports only the table or the badge.
  // (`headless-shared` exists only to draw the chunk boundaries: see src/headless/build-chunks.ts;
  // `headless-internal` and `headless-layout` are what the components import.)
  entry: {
    headless: 'src/headless/index.ts',
    'headless-layout': 'src/headless/graph/layout.ts',
    'headless-shared': 'src/headless/build-chunks.ts',
    'headless-internal': 'src/headless/internal.ts',
  },
  // Headless stays free of React; dagre is its only runtime dependency.
  external: ['@dagrejs/dagre'],
};

const components: Options = {
  ...shared,
  entry: { index: 'src/index.ts', ...Object.fromEntries(COMPONENT_ENTRIES.map((name) => [name, `src/entries/${name}.ts`])) },
  // Headless is never bundled here (see headlessFiles), and the "use client" banner never
  // reaches headless code that servers import.
  external: ['gitops-releases/headless', 'react', 'react-dom', 'react/jsx-runtime'],
  esbuildPlugins: [headlessFiles],
  banner: { js: CLIENT },
};

/**
 * The layout worker's script, started by the layout with `new Worker(new URL('./layout-worker.js',
 * import.meta.url))`: one file with dagre inside and no imports. Vite and webpack bundle it as a
 * worker, but Turbopack (and any bundler that only copies the URL's file as an asset) serves it as
 * it is, where imports of sibling chunks would not resolve. Only a worker ever loads it, so its
 * copy of the layout's modules is never a second copy in a page.
 */
const worker: Options = {
  entry: { 'layout-worker': 'src/headless/graph/layout-worker.ts' },
  format: ['esm'],
  dts: false,
  // Minified, without a source map: a whole copy of dagre that no one steps through.
  sourcemap: false,
  target: 'es2022',
  tsconfig: 'tsconfig.build.json',
  splitting: false,
  treeshake: true,
  minify: true,
  noExternal: ['@dagrejs/dagre'],
  outDir: 'dist',
};

export default defineConfig([
  withCommonJsTwins({ ...headless, clean: true }),
  { ...headless, format: ['cjs'], dts: { only: true } },
  withCommonJsTwins(components),
  { ...components, format: ['cjs'], dts: { only: true } },
  worker,
]);

import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTRIES, ENTRY_EXPORTS, dist, importGraph, root } from './built';

// These tests run the built package (npm test builds before it tests) in a plain Node process,
// resolving `gitops-releases` by its own name as a host's bundler or server would.
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
const packageJson = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
  exports: Record<string, unknown>;
  typesVersions: Record<string, Record<string, string[]>>;
};

describe('the built package', () => {
  it('marks every file a component entry loads as client code, and no file of headless', async () => {
    const files = ['index', ...ENTRIES].flatMap((entry) => [`${entry}.js`, `${entry}.cjs`]);
    let client = 0;
    for (const file of [...files, 'headless.js', 'headless.cjs']) {
      const graph = await importGraph(file);
      for (const path of graph.files) {
        const code = readFileSync(`${root}${path}`, 'utf8');
        if (graph.headless.has(path)) expect(code, `${path}, loaded by ${file}`).not.toContain('use client');
        else {
          // The directive as the file's first line, ahead of CommonJS's "use strict" too.
          expect(code.split('\n')[0], `${path}, loaded by ${file}`).toBe('"use client";');
          client += 1;
        }
      }
    }
    // The components' files were found (a walk that found nothing would pass above).
    expect(client).toBeGreaterThanOrEqual(files.length);
  });

  it('puts every source module in one file per format, so each cache, class, clock and context exists once', () => {
    for (const extension of ['js', 'cjs']) {
      // The layout worker's script is the exception, on purpose (see below): only a worker loads it.
      const files = readdirSync(`${root}dist`).filter((file) => file.endsWith(`.${extension}`) && file !== 'layout-worker.js');
      const homes = new Map<string, string[]>();
      for (const file of files) {
        for (const source of (JSON.parse(dist(`${file}.map`)) as { sources: string[] }).sources) homes.set(source, [...(homes.get(source) ?? []), file]);
      }
      // The stateful modules are among them (a source map that lists nothing would pass below).
      for (const module of ['components/provider/ReleasesProvider.tsx', 'components/internal/time.ts', 'components/internal/dev.ts', 'headless/table/rows.ts', 'headless/graph/layout.ts', 'headless/adapters/errors.ts']) {
        expect(homes.has(`../src/${module}`), `${module} in .${extension}`).toBe(true);
      }
      expect([...homes].filter(([, where]) => where.length > 1)).toEqual([]);
    }
  });

  it('ships the layout worker as one file that imports nothing and answers layout requests', () => {
    const code = dist('layout-worker.js');
    // Served as it is by bundlers that copy the worker's URL as an asset (Turbopack): an import of
    // a sibling chunk would not resolve there.
    expect(code).not.toMatch(/\bimport\s*[{*"'\w]|\bexport\s*[{*\w]|\brequire\(/);
    // The layout (through the headless entry) names exactly this file, next to its own chunk.
    const namer = readdirSync(`${root}dist`).filter((file) => file.endsWith('.js') && dist(file).includes('new URL("./layout-worker.js", import.meta.url)'));
    expect(namer).toHaveLength(1);
    // Run as a worker would: a global scope with onmessage and postMessage.
    const answers: unknown[] = [];
    const scope = { onmessage: null as ((event: { data: unknown }) => void) | null, postMessage: (message: unknown) => answers.push(message) };
    new Function('globalThis', 'self', code)(scope, scope);
    const sizes = [{ width: 100, height: 50 }, { width: 100, height: 50 }, { width: 100, height: 50 }];
    scope.onmessage!({ data: { id: 3, input: { dependencies: [[], [0], [0, 1]], sizes, direction: 'LR', nodeSpacing: 40, rankSpacing: 80 } } });
    const [answer] = answers as Array<{ id: number; geometry: { positions: Array<{ rank: number; position: { x: number } }> } }>;
    expect(answer!.id).toBe(3);
    expect(answer!.geometry.positions.map((placed) => placed.rank)).toEqual([0, 1, 2]);
    expect(answer!.geometry.positions[2]!.position.x).toBeGreaterThan(answer!.geometry.positions[1]!.position.x);
  });

  it('keeps React, the DOM and CSS out of headless', async () => {
    for (const file of ['headless.js', 'headless.cjs']) {
      const graph = await importGraph(file);
      // Its one dependency, imported by the layout's chunk: the walk went through every file.
      expect([...graph.packages], file).toEqual(['@dagrejs/dagre']);
      for (const path of graph.files) {
        const code = readFileSync(`${root}${path}`, 'utf8');
        expect(code, path).not.toMatch(/from ['"]react|require\(['"]react/);
        expect(code, path).not.toMatch(/\bdocument\.|\bwindow\./);
        expect(code, path).not.toMatch(/\.css['"]/);
      }
    }
  });

  it('shares one copy of headless: the components import the files built with it, never headless whole', async () => {
    for (const file of ['index', ...ENTRIES].flatMap((entry) => [`${entry}.js`, `${entry}.cjs`])) {
      const graph = await importGraph(file);
      // Through dist/headless-internal.* and, for the graph, dist/headless-layout.*: the public
      // entry re-exports the layout, so importing it would reach dagre from every component.
      expect(graph.files.filter((path) => /^dist\/headless\.c?js$/.test(path)), file).toEqual([]);
      expect(graph.headless.size, file).toBeGreaterThan(0);
      for (const path of graph.files.filter((path) => !graph.headless.has(path))) {
        const code = readFileSync(`${root}${path}`, 'utf8');
        expect(code, path).not.toMatch(/class ReleaseDataError|function (layoutReleaseGraph|buildReleaseRows|parseTime)\b/);
      }
    }
  });

  it('loads from ESM and CommonJS in plain Node', () => {
    const esm = node([
      '--input-type=module',
      '-e',
      `const c = await import('gitops-releases'); const h = await import('gitops-releases/headless');
       const layout = h.layoutReleaseGraph(h.sampleRelease({ shape: 'parallel' }));
       console.log(JSON.stringify({ badge: String(c.StatusBadge.$$typeof), nodes: layout.nodes.length }));`,
    ]);
    // Components forward their ref: React's forwardRef objects, in React 18 and 19 alike.
    expect(JSON.parse(esm)).toEqual({ badge: 'Symbol(react.forward_ref)', nodes: 4 });
    const cjs = node([
      '-e',
      `const c = require('gitops-releases'); const h = require('gitops-releases/headless');
       console.log(JSON.stringify({ badge: String(c.StatusBadge.$$typeof), status: h.fromKargoPromotionPhase('Errored').status }));`,
    ]);
    expect(JSON.parse(cjs)).toEqual({ badge: 'Symbol(react.forward_ref)', status: 'error' });
  });

  it('renders, hydrates and server-renders under React 18.3', () => {
    const result = JSON.parse(node(['test/package/react18-render.cjs'])) as {
      reactVersion: string;
      serverHtml: string;
      clientHtml: string;
      hydratedHtml: string;
      errors: string[];
    };
    expect(result.reactVersion).toBe('18.3.1');
    expect(result.errors).toEqual([]);
    expect(result.serverHtml).toContain('data-color-mode="dark"');
    for (const html of [result.serverHtml, result.clientHtml, result.hydratedHtml]) {
      expect(html).toContain('data-status="failed"');
      expect(html).toContain('>Failed<');
      expect(html).toContain('aria-label="Waiting for PR merge"');
    }
    expect(result.hydratedHtml).toBe(result.clientHtml);
  });
});

/** Runs `body` in a fresh Node process, as ES modules (`load` is `import()`) or CommonJS (`require`). */
function run(format: 'esm' | 'cjs', body: string): unknown {
  const load = format === 'esm' ? 'const load = (name) => import(name);' : 'const load = async (name) => require(name);';
  const code = `${load}\n(async () => {\n${body}\n})().catch((error) => { console.error(error); process.exit(1); });`;
  return JSON.parse(node(format === 'esm' ? ['--input-type=module', '-e', code] : ['-e', code]));
}

describe('the per-component entries', () => {
  const union = [...new Set(Object.values(ENTRY_EXPORTS).flat())].sort();

  it.each(['esm', 'cjs'] as const)('each exports its own components (%s), and the root all of them', (format) => {
    const exports = run(
      format,
      `const out = {};
       for (const entry of ['', ...${JSON.stringify(ENTRIES)}.map((name) => '/' + name)]) out[entry || '.'] = Object.keys(await load('gitops-releases' + entry)).filter((name) => name !== 'default' && name !== '__esModule').sort();
       console.log(JSON.stringify(out));`,
    ) as Record<string, string[]>;
    expect(exports).toEqual({ '.': union, ...Object.fromEntries(ENTRIES.map((entry) => [`/${entry}`, [...ENTRY_EXPORTS[entry]!].sort()])) });
  });

  it('are in package.json, for import and require, with their types, also for node10 resolution', () => {
    for (const entry of ENTRIES) {
      expect(packageJson.exports[`./${entry}`], entry).toEqual({
        import: { types: `./dist/${entry}.d.ts`, default: `./dist/${entry}.js` },
        require: { types: `./dist/${entry}.d.cts`, default: `./dist/${entry}.cjs` },
      });
      expect(packageJson.typesVersions['*']![entry], entry).toEqual([`./dist/${entry}.d.cts`]);
    }
    // And nothing else is client code: every other export is the root, headless or a stylesheet.
    const others = Object.keys(packageJson.exports).filter((key) => !ENTRIES.includes(key.slice(2)));
    expect(others.sort()).toEqual(['.', './headless', './package.json', './styles.css', './styles.layer.css']);
  });

  // The settings, errors and caches a page shares must exist once, whichever entries a host mixes.
  const sharedState = `
    const React = await load('react');
    const { renderToString } = await load('react-dom/server');
    const h = await load('gitops-releases/headless');
    const root = await load('gitops-releases');
    const entries = { provider: await load('gitops-releases/provider'), table: await load('gitops-releases/table'),
      badge: await load('gitops-releases/badge'), graph: await load('gitops-releases/graph'), view: await load('gitops-releases/view') };
    const e = React.createElement;
    const messages = { table: { empty: 'Nothing shipped yet' }, status: { failed: 'Broken' } };
    const page = (Provider, Table, Badge) => renderToString(e(Provider, { messages, colorMode: 'dark' }, e(Table, { releases: [] }), e(Badge, { status: 'failed' })));
    let error;
    const Probe = ({ useTable }) => { error = useTable({ releases: { not: 'a list' } }).error; return null; };
    const dataError = (useTable) => { error = undefined; renderToString(e(Probe, { useTable })); return { isDataError: error instanceof h.ReleaseDataError, path: error && error.path }; };
    const before = h.layoutCacheStats();
    renderToString(e(entries.graph.ReleaseGraph, { release: h.sampleRelease({ shape: 'parallel', seed: 7 }) }));
    const afterGraph = h.layoutCacheStats();
    renderToString(e(entries.view.ReleaseView, { release: h.sampleRelease({ shape: 'parallel', seed: 7 }) }));
    const afterView = h.layoutCacheStats();
    console.log(JSON.stringify({
      entries: page(entries.provider.ReleasesProvider, entries.table.ReleasesTable, entries.badge.StatusBadge),
      rootProvider: page(root.ReleasesProvider, entries.table.ReleasesTable, entries.badge.StatusBadge),
      rootComponents: page(entries.provider.ReleasesProvider, root.ReleasesTable, root.StatusBadge),
      tableError: dataError(entries.table.useReleasesTable),
      rootError: dataError(root.useReleasesTable),
      layouts: [before, afterGraph, afterView],
    }));`;

  it.each(['esm', 'cjs'] as const)('share one provider, one ReleaseDataError and one layout cache (%s)', (format) => {
    type Stats = { computed: number; reused: number };
    const result = run(format, sharedState) as Record<string, unknown> & { layouts: [Stats, Stats, Stats] };
    for (const key of ['entries', 'rootProvider', 'rootComponents']) {
      const html = result[key] as string;
      // The provider's messages reached the table and the badge from other entries.
      expect(html, key).toContain('Nothing shipped yet');
      expect(html, key).toContain('>Broken<');
      expect(html, key).not.toContain('No releases yet');
      expect(html, key).toContain('data-color-mode="dark"');
    }
    // A data error raised by a component entry's code is the class a host imports from headless.
    expect(result.tableError).toEqual({ isDataError: true, path: '$' });
    expect(result.rootError).toEqual({ isDataError: true, path: '$' });
    // The graph (from /graph) laid out into the cache headless reports on; the view's graph, from
    // /view, then found that layout there.
    const [before, afterGraph, afterView] = result.layouts;
    expect(afterGraph.computed).toBe(before.computed + 1);
    expect(afterView.computed).toBe(afterGraph.computed);
    expect(afterView.reused).toBeGreaterThan(afterGraph.reused);
  });
});

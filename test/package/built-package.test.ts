import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dist, importGraph, root } from './built';

// These tests run the built package (npm test builds before it tests) in a plain Node process,
// resolving `gitops-releases` by its own name as a host's bundler or server would.
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });

describe('the built package', () => {
  it('marks every file a component entry loads as client code, and no file of headless', async () => {
    const files = ['index.js', 'index.cjs'];
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
      const files = readdirSync(`${root}dist`).filter((file) => file.endsWith(`.${extension}`));
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
    for (const file of ['index.js', 'index.cjs']) {
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

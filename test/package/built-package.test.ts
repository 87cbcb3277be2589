import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// These tests run the built package (npm test builds before it tests) in a plain Node process,
// resolving `gitops-releases` by its own name as a host's bundler or server would.
const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = (file: string) => {
  try {
    return readFileSync(`${root}dist/${file}`, 'utf8');
  } catch {
    throw new Error(`dist/${file} is missing: run \`npm run build\` before this project`);
  }
};
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });

describe('the built package', () => {
  it('marks the components entry as client code, and only it', () => {
    expect(dist('index.js').startsWith('"use client";')).toBe(true);
    expect(dist('index.cjs').startsWith('"use client";')).toBe(true);
    expect(dist('headless.js')).not.toContain('use client');
    expect(dist('headless.cjs')).not.toContain('use client');
  });

  it('keeps React, the DOM and CSS out of headless', () => {
    for (const file of ['headless.js', 'headless.cjs']) {
      const code = dist(file);
      expect(code).not.toMatch(/from ['"]react|require\(['"]react/);
      expect(code).not.toMatch(/\bdocument\.|\bwindow\./);
      expect(code).not.toMatch(/\.css['"]/);
    }
  });

  it('shares one copy of headless: the components import it by the package name', () => {
    expect(dist('index.js')).toMatch(/from ['"]gitops-releases\/headless['"]/);
    expect(dist('index.js')).not.toContain('function layoutReleaseGraph');
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

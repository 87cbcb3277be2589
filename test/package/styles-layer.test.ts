import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layered stylesheet of the built package: the same rules as styles.css, inside one
// `@layer gitops-releases` block, reachable by its export name.
const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = (file: string) => {
  try {
    return readFileSync(`${root}dist/${file}`, 'utf8');
  } catch {
    throw new Error(`dist/${file} is missing: run \`npm run build\` before this project`);
  }
};
const stripComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');

/** The body of the one top-level `@layer <name> { … }` block that makes up the whole file, or null. */
function layerBody(css: string, name: string): string | null {
  const head = `@layer ${name} {\n`;
  if (!css.startsWith(head) || !css.endsWith('}\n')) return null;
  const body = css.slice(head.length, -'}\n'.length);
  // The block must close exactly at the end: braces inside it balance, comments aside.
  let depth = 0;
  for (const char of stripComments(body)) {
    if (char === '{') depth += 1;
    else if (char === '}' && --depth < 0) return null;
  }
  return depth === 0 ? body : null;
}

describe('dist/styles.layer.css', () => {
  it('is styles.css inside @layer gitops-releases', () => {
    const plain = dist('styles.css');
    const layered = dist('styles.layer.css');
    expect(plain.length).toBeGreaterThan(10_000);
    expect(layerBody(layered, 'gitops-releases')).toBe(plain);
  });

  it('has no @import, which a layer block may not hold', () => {
    expect(stripComments(dist('styles.layer.css'))).not.toMatch(/@import\b/);
  });

  it('is exported as gitops-releases/styles.layer.css, next to styles.css', () => {
    const resolved = execFileSync(
      process.execPath,
      ['-p', "[require.resolve('gitops-releases/styles.css'), require.resolve('gitops-releases/styles.layer.css')].join('\\n')"],
      { cwd: root, encoding: 'utf8' },
    ).trim();
    expect(resolved.split('\n')).toEqual([`${root}dist/styles.css`, `${root}dist/styles.layer.css`]);
  });

  it('notices a file that is not the layered stylesheet (the check itself works)', () => {
    const plain = ':where(.a) { color: red; }\n';
    expect(layerBody(`@layer gitops-releases {\n${plain}}\n`, 'gitops-releases')).toBe(plain);
    expect(layerBody(plain, 'gitops-releases')).toBeNull();
    expect(layerBody(`@layer gitops-releases {\n${plain}}\n:where(.b) { color: red; }\n`, 'gitops-releases')).toBeNull();
    expect(layerBody(`@layer other {\n${plain}}\n`, 'gitops-releases')).toBeNull();
  });
});

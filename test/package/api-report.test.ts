import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENTRIES, ENTRY_EXPORTS, ROOT_ONLY, declaredExports } from './built';

// The API reports in api/ are written by API Extractor from the built declarations, and
// `npm run check:api` (in `npm test`) fails when the public API differs from them: a change to
// the API shows in review. Here the README's "Public API" section is held to the same reports.
const root = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(`${root}/README.md`, 'utf8');

/** Every exported name of a report, with whether it is a value (a function, constant or class). */
function reportExports(file: string): Map<string, 'value' | 'type'> {
  const text = readFileSync(`${root}/api/${file}`, 'utf8');
  const out = new Map<string, 'value' | 'type'>();
  for (const match of text.matchAll(/^export (?:declare )?(?:abstract )?(function|const|let|class|interface|type|enum|namespace) (\w+)/gm)) {
    out.set(match[2]!, match[1] === 'interface' || match[1] === 'type' ? 'type' : 'value');
  }
  // Re-exports of another entry's names: `export { A, B } from '…'`.
  for (const match of text.matchAll(/^export \{([^}]*)\}/gm)) {
    for (const name of match[1]!.split(',').map((part) => part.trim().split(/\s+as\s+/).pop()!)) if (name) out.set(name, 'type');
  }
  return out;
}

/** The README's text under one `### heading` of "## Public API". */
function apiSection(heading: string): string {
  const api = readme.split(/^## /m).find((part) => part.startsWith('Public API'));
  if (!api) throw new Error('README has no "## Public API" section');
  const section = api.split(/^### /m).find((part) => part.startsWith(heading));
  if (!section) throw new Error(`README's Public API has no "### ${heading}"`);
  return section;
}

const mentioned = (section: string) => new Set([...section.matchAll(/`([A-Za-z_$][\w$]*)/g)].map((match) => match[1]!));

describe.each([
  ['gitops-releases.api.md', '`gitops-releases` (components)'],
  ['gitops-releases-headless.api.md', '`gitops-releases/headless`'],
])('the README documents every value %s exports', (file, heading) => {
  it('names each exported function, constant and class in its Public API section', () => {
    const exports = reportExports(file);
    expect(exports.size).toBeGreaterThan(10);
    const names = mentioned(apiSection(heading));
    const missing = [...exports].filter(([name, kind]) => kind === 'value' && !names.has(name)).map(([name]) => name);
    expect(missing).toEqual([]);
  });
});

describe('the README lists no component export that is gone', () => {
  it('every name in the first column of the components table is exported', () => {
    const exports = reportExports('gitops-releases.api.md');
    const firstColumn = apiSection('`gitops-releases` (components)')
      .split('\n')
      .map((line) => /^\| `([\w$]+)` \|/.exec(line)?.[1])
      .filter((name): name is string => name !== undefined);
    expect(firstColumn.length).toBeGreaterThan(5);
    expect(firstColumn.filter((name) => !exports.has(name))).toEqual([]);
  });
});

describe.each(['d.ts', 'd.cts'])('the per-component entries declare nothing the root report leaves out (.%s)', (extension) => {
  it('each root export is in exactly one component entry, or root only, and the entries export nothing else', () => {
    const rootNames = declaredExports(`index.${extension}`);
    const owners = new Map<string, string[]>(rootNames.map((name) => [name, ROOT_ONLY.includes(name) ? ['(root only)'] : []]));
    for (const entry of ENTRIES) {
      const names = declaredExports(`${entry}.${extension}`);
      expect(names.length, entry).toBeGreaterThan(0);
      expect(names.filter((name) => !owners.has(name)), `${entry} exports names the root does not`).toEqual([]);
      for (const name of names) owners.get(name)?.push(entry);
    }
    expect(rootNames.length).toBeGreaterThan(50);
    expect([...owners].filter(([, entries]) => entries.length !== 1)).toEqual([]);
  });
});

describe("the README's table of per-component entries", () => {
  it('has a row for each entry, naming every value it exports', () => {
    const section = readme.slice(readme.indexOf('### Which entry'), readme.indexOf('## Embed'));
    const rows = new Map(
      [...section.matchAll(/^\| `gitops-releases\/(\w+)` \| (.*) \|$/gm)].map((match) => [match[1]!, mentioned(match[2]!)]),
    );
    expect([...rows.keys()].sort()).toEqual([...ENTRIES].sort());
    for (const entry of ENTRIES) expect(ENTRY_EXPORTS[entry]!.filter((name) => !rows.get(entry)!.has(name)), entry).toEqual([]);
  });
});

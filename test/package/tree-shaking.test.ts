import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { importGraph, root } from './built';

// What a host's bundler keeps when it imports one part of the built package by its own name
// (`gitops-releases`, `gitops-releases/headless`), honouring the package's `sideEffects`.

async function bundledInputs(code: string): Promise<string[]> {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    metafile: true,
    logLevel: 'silent',
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    // Not the repository's tsconfig, whose paths point the package's name at src/: the built
    // files, found through package.json's exports, as a host resolves them.
    tsconfigRaw: '{}',
  });
  // Files that put code into the bundle (a file read and then shaken away adds 0 bytes).
  const output = Object.values(result.metafile.outputs)[0]!;
  return Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
}

const ownFiles = (inputs: string[]) => inputs.filter((input) => !input.includes('node_modules'));
const graphLibraries = (inputs: string[]) => inputs.filter((input) => /@xyflow|@dagrejs|d3-/.test(input));

describe('importing one part of the package', () => {
  it('the table pulls in neither React Flow nor dagre', async () => {
    const inputs = await bundledInputs("export { ReleasesTable } from 'gitops-releases';");
    expect(inputs.some((input) => input.includes('@tanstack/react-virtual'))).toBe(true);
    expect(ownFiles(inputs).every((input) => input.startsWith('dist/'))).toBe(true);
    expect(graphLibraries(inputs)).toEqual([]);
  });

  it('the badge and the headless table logic pull in neither', async () => {
    expect(graphLibraries(await bundledInputs("export { StatusBadge } from 'gitops-releases';"))).toEqual([]);
    const headless = await bundledInputs("export { buildReleaseRows, queryReleaseRows, toSearchString, fromSearchParams } from 'gitops-releases/headless';");
    expect(graphLibraries(headless)).toEqual([]);
  });

  it('ReleaseInsights pulls in neither React Flow, dagre nor Radix', async () => {
    const inputs = await bundledInputs("export { ReleaseInsights } from 'gitops-releases';");
    expect(ownFiles(inputs).every((input) => input.startsWith('dist/'))).toBe(true);
    expect(inputs.filter((input) => /@xyflow|@dagrejs|@radix-ui|@tanstack/.test(input))).toEqual([]);
  });

  it('the graph does pull in both (the check above can fail)', async () => {
    const inputs = await bundledInputs("export { ReleaseGraph } from 'gitops-releases';");
    expect(inputs.some((input) => input.includes('@xyflow/react'))).toBe(true);
    expect(inputs.some((input) => input.includes('@dagrejs/dagre'))).toBe(true);
  });
});

// A bundler that cannot tree-shake across "use client" (Next.js with React Server Components)
// keeps every export of the entry a server component imports, and everything those import: the
// whole static import graph of the entry's file.
const GRAPH_LIBRARIES = ['@xyflow/react', '@dagrejs/dagre', '@radix-ui/react-tabs'];

describe.each(['js', 'cjs'])('what each per-component entry imports at all (.%s)', (extension) => {
  it.each(['table', 'badge', 'notes', 'provider', 'insights'])('%s reaches neither React Flow, dagre, Radix nor the graph layout', async (entry) => {
    const graph = await importGraph(`${entry}.${extension}`);
    expect(GRAPH_LIBRARIES.filter((name) => graph.packages.has(name))).toEqual([]);
    expect(graph.files.filter((file) => /^dist\/(index|headless|headless-layout)\./.test(file))).toEqual([]);
    expect(graph.packages.has('react')).toBe(true);
  });

  it('the table reaches its virtualiser, and headless through the file built with it', async () => {
    const graph = await importGraph(`table.${extension}`);
    expect(graph.packages.has('@tanstack/react-virtual')).toBe(true);
    expect(graph.files).toContain(`dist/headless-internal.${extension}`);
  });

  it.each(['graph', 'view'])('%s does reach React Flow and dagre (the checks above can fail)', async (entry) => {
    const graph = await importGraph(`${entry}.${extension}`);
    expect(graph.packages.has('@xyflow/react')).toBe(true);
    expect(graph.packages.has('@dagrejs/dagre')).toBe(true);
  });

  it('the view also reaches Radix tabs, and the root everything', async () => {
    expect((await importGraph(`view.${extension}`)).packages.has('@radix-ui/react-tabs')).toBe(true);
    const everything = await importGraph(`index.${extension}`);
    expect(GRAPH_LIBRARIES.filter((name) => !everything.packages.has(name))).toEqual([]);
  });
});

import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// What a host's bundler keeps when it imports one part of the built package by its own name
// (`gitops-releases`, `gitops-releases/headless`), honouring the package's `sideEffects`.
const root = fileURLToPath(new URL('../..', import.meta.url));

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

  it('the graph does pull in both (the check above can fail)', async () => {
    const inputs = await bundledInputs("export { ReleaseGraph } from 'gitops-releases';");
    expect(inputs.some((input) => input.includes('@xyflow/react'))).toBe(true);
    expect(inputs.some((input) => input.includes('@dagrejs/dagre'))).toBe(true);
  });
});

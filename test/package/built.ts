import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

// Helpers of the tests that read the built package (npm test builds before it tests).
export const root = fileURLToPath(new URL('../..', import.meta.url));

export const dist = (file: string) => {
  try {
    return readFileSync(`${root}dist/${file}`, 'utf8');
  } catch {
    throw new Error(`dist/${file} is missing: run \`npm run build\` before this project`);
  }
};

/**
 * The per-component entries (`gitops-releases/<name>`) and the values each exports at run time,
 * in ESM and CommonJS alike. The root exports their union.
 */
export const ENTRY_EXPORTS: Readonly<Record<string, readonly string[]>> = {
  badge: ['StatusBadge'],
  provider: ['DEFAULT_MESSAGES', 'ReleasesProvider'],
  table: ['ReleasesTable', 'useReleasesTable'],
  graph: ['ReleaseGraph'],
  view: ['EnvironmentDetails', 'ReleaseHeader', 'ReleaseView'],
  notes: ['ReleaseComparison', 'ReleaseDiff', 'ReleaseNotes'],
  insights: ['ReleaseInsights'],
};
export const ENTRIES = Object.keys(ENTRY_EXPORTS);

/** What the root exports that no component entry does: the model's types, re-exported from headless. */
export const ROOT_ONLY: readonly string[] = [
  'ApplicationState',
  'Commit',
  'EnvironmentStep',
  'HealthStatus',
  'HookRun',
  'Issue',
  'Person',
  'PromotionFlow',
  'PullRequest',
  'Release',
  'ReleaseActions',
  'Status',
  'SyncStatus',
  'WorkflowRun',
  'WorkflowSection',
  'WorkflowStep',
  'WorkflowStepRef',
];

/** Every name a built declaration file exports (values and types), as a host's editor sees them. */
export function declaredExports(file: string): string[] {
  const names = new Set<string>();
  for (const match of dist(file).matchAll(/^export \{([^}]*)\}/gm)) {
    for (const part of match[1]!.split(',')) {
      const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop();
      if (name) names.add(name);
    }
  }
  if (/^export \*/m.test(dist(file))) throw new Error(`${file} re-exports with \`export *\`: list its names`);
  return [...names].sort();
}

export interface ImportGraph {
  /** The package's own files the entry loads through static imports (dist/…), the entry first. */
  files: string[];
  /** Of those, the ones reached through headless's files (dist/headless*.* and what they import). */
  headless: Set<string>;
  /** The third-party packages any of those files imports. */
  packages: Set<string>;
}

const packageName = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

// Third-party packages are not followed (what they import is theirs); the package's own name is,
// through package.json's `exports` as a host resolves it.
const thirdPartyExternal: Plugin = {
  name: 'third-party-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('gitops-releases') ? undefined : { path: args.path, external: true }));
  },
};

/**
 * The static import graph of a built file (`import`/`export … from` in ESM, `require` in
 * CommonJS): what a bundler that keeps every export of a client entry keeps at least.
 */
export async function importGraph(file: string): Promise<ImportGraph> {
  const result = await build({
    entryPoints: [`${root}dist/${file}`],
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: file.endsWith('.cjs') ? 'cjs' : 'esm',
    logLevel: 'silent',
    // Neither `sideEffects` nor pure annotations may hide an import: the whole static graph.
    ignoreAnnotations: true,
    tsconfigRaw: '{}',
    plugins: [thirdPartyExternal],
  });
  const inputs = result.metafile.inputs;
  const files: string[] = [];
  const headless = new Set<string>();
  const packages = new Set<string>();
  const queue: Array<[string, boolean]> = [[`dist/${file}`, false]];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const [path, viaHeadless] = queue.shift()!;
    const inHeadless = viaHeadless || /^dist\/headless[^/]*$/.test(path);
    if (inHeadless) headless.add(path);
    if (seen.has(`${path}:${inHeadless}`)) continue;
    seen.add(`${path}:${inHeadless}`);
    if (!files.includes(path)) files.push(path);
    const input = inputs[path];
    if (!input) throw new Error(`${path} is not in the import graph of ${file}`);
    for (const record of input.imports) {
      if (record.external) packages.add(packageName(record.path));
      else queue.push([record.path, inHeadless]);
    }
  }
  return { files, headless, packages };
}

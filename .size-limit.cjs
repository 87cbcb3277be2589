// Size budgets, checked by `npm test` (minified and brotlied, as a host's bundler ships them).
// The sample data (sample*, simulatePromotion, SAMPLE_*) is for stories, tests and demos: it is
// exported from headless but tree-shaken away when a host does not import it, so the headless
// budget is what a host pays for everything else, and the samples have their own line.
const { existsSync } = require('node:fs');

const isSample = (name) => /^(sample|simulate|SAMPLE_)/.test(name);
// The source adapters: each is imported by the hosts of that one system only, so each has its own line.
const ADAPTERS = {
  Codefresh: ['fromCodefreshRelease', 'fromCodefreshPromotion', 'fromCodefreshReleasesPage'],
  Kargo: ['fromKargo'],
  'GitHub Deployments and Argo CD': ['fromGitHubDeployments', 'withArgoCdApplications'],
};
const adapterNames = new Set(Object.values(ADAPTERS).flat());
const headlessExports = existsSync('./dist/headless.cjs') ? Object.keys(require('./dist/headless.cjs')) : [];
const logic = headlessExports.filter((name) => !isSample(name) && !adapterNames.has(name));
const samples = headlessExports.filter(isSample);

const REACT = ['react', 'react-dom', 'react/jsx-runtime'];
const REACT_AND_LIBRARIES = [...REACT, '@xyflow/react', '@dagrejs/dagre', '@radix-ui/react-tabs', '@tanstack/react-virtual'];

module.exports = [
  {
    name: 'gitops-releases/headless: every export but the sample data and the source adapters, without dagre',
    path: 'dist/headless.js',
    import: `{ ${logic.join(', ')} }`,
    ignore: ['@dagrejs/dagre'],
    // 6 kB until the table's logic (rows, sort, filter, URL state) arrived: 6.1 kB; 8 kB until the
    // notes, diffs, commit statuses and release links did: 11.8 kB. A host pays only for what it
    // imports (see the lines for single parts below).
    // 13 kB until fleet groups arrived: the grouping and the grouped layout (16.65 kB), then what the
    // graph's controls do with groups, tile-grid keys and open groups in release links: 17.7 kB.
    limit: '18.5 kB',
  },
  {
    name: 'gitops-releases/headless: everything, sample data and adapters included, without dagre',
    path: 'dist/headless.js',
    import: '*',
    ignore: ['@dagrejs/dagre'],
    // 8 kB until the graph's headless helpers (collapse, keyboard, links) arrived: 8.3 kB; 9 kB
    // until the table's logic did: 10.9 kB; 12 kB until notes, diffs, statuses and links: 16.8 kB;
    // 18 kB until the source adapters did.
    // 30 kB until fleet groups (grouping, grouped layout, the graph's group helpers): 32.14 kB.
    limit: '33 kB',
  },
  ...Object.entries(ADAPTERS)
    .filter(([, names]) => names.every((name) => headlessExports.includes(name)))
    .map(([system, names]) => ({
    name: `gitops-releases/headless: the ${system} adapter alone`,
    path: 'dist/headless.js',
    import: `{ ${names.join(', ')} }`,
    ignore: ['@dagrejs/dagre'],
    limit: '6 kB',
  })),
  {
    name: 'gitops-releases/headless: toCommitStatus and createReleaseLinks alone (a server posting statuses)',
    path: 'dist/headless.js',
    import: '{ toCommitStatus, createReleaseLinks }',
    limit: '4 kB',
  },
  {
    name: 'gitops-releases/headless: compileReleaseNotes and releaseNotesToMarkdown alone (a chat bot)',
    path: 'dist/headless.js',
    import: '{ compileReleaseNotes, releaseNotesToMarkdown, jiraKeys, githubKeys }',
    limit: '3.5 kB',
  },
  {
    name: 'gitops-releases: every component, with headless, without React, React Flow, dagre, Radix or the virtualiser',
    path: 'dist/index.js',
    import: '*',
    ignore: REACT_AND_LIBRARIES,
    // 35 kB until element-like roots (forwarded refs, pass-through attributes), onError reporting,
    // whole-sentence messages and the table's slice control: 35.13 kB.
    // 36 kB until fleet groups: the grouped layout (38.93 kB), then the graph's group nodes, tile
    // grids, frames, search into groups and waiting reasons in the graph and the details: 44.35 kB.
    limit: '45 kB',
  },
  {
    name: 'gitops-releases: every component, everything but React',
    path: 'dist/index.js',
    import: '*',
    ignore: REACT,
    // 125 kB until fleet groups (the grouped layout, then the graph's group nodes, grids and frames): 127.92 kB.
    limit: '129 kB',
  },
  // The per-component entries whole (`import *`): what a host pays whose bundler keeps every
  // export of a "use client" entry (Next.js with React Server Components), entry by entry.
  {
    name: 'gitops-releases/badge: the whole entry, without React',
    path: 'dist/badge.js',
    import: '*',
    ignore: REACT,
    limit: '3 kB',
  },
  {
    name: 'gitops-releases/provider: the whole entry, without React',
    path: 'dist/provider.js',
    import: '*',
    ignore: REACT,
    // 3.5 kB until the words of fleet groups and waiting reasons joined the default messages: 3.63 kB.
    limit: '4 kB',
  },
  {
    name: 'gitops-releases/table: the whole entry, without React or the virtualiser',
    path: 'dist/table.js',
    import: '*',
    ignore: [...REACT, '@tanstack/react-virtual'],
    limit: '13.5 kB',
  },
  {
    // That the table entry brings neither React Flow, dagre nor Radix is checked by test/package/tree-shaking.
    name: 'gitops-releases/table: the whole entry, everything but React',
    path: 'dist/table.js',
    import: '*',
    ignore: REACT,
    limit: '23 kB',
  },
  {
    name: 'gitops-releases/graph: the whole entry, without React, React Flow or dagre',
    path: 'dist/graph.js',
    import: '*',
    ignore: [...REACT, '@xyflow/react', '@dagrejs/dagre'],
    // 12 kB until fleet groups: the grouped layout (15.4 kB), then group nodes, tile grids, frames,
    // far-out names, search and keys into groups: 20.93 kB.
    limit: '21.5 kB',
  },
  {
    name: 'gitops-releases/graph: the whole entry, everything but React',
    path: 'dist/graph.js',
    import: '*',
    ignore: REACT,
    // 80 kB until fleet groups (the grouped layout: 82.4 kB; the graph's group nodes, grids and frames): 87.9 kB.
    limit: '89 kB',
  },
  {
    name: 'gitops-releases/view: the whole entry, without React, React Flow, dagre or Radix',
    path: 'dist/view.js',
    import: '*',
    ignore: REACT_AND_LIBRARIES,
    // 26 kB until fleet groups: the grouped layout (29.32 kB), then the graph's group nodes, grids and
    // frames and the details panel's waiting reason: 34.75 kB.
    limit: '35.5 kB',
  },
  {
    name: 'gitops-releases/view: the whole entry, everything but React',
    path: 'dist/view.js',
    import: '*',
    ignore: REACT,
    // 102 kB until fleet groups (the grouped layout: 104.16 kB; the graph's groups and waiting reasons): 109.53 kB.
    limit: '110.5 kB',
  },
  {
    name: 'gitops-releases/notes: the whole entry, without React',
    path: 'dist/notes.js',
    import: '*',
    ignore: REACT,
    limit: '9.5 kB',
  },
  {
    name: 'gitops-releases/styles.css',
    path: 'dist/styles.css',
    // 12 kB until the fleet graph's group nodes, tiles, frames and far-out names: 12.26 kB.
    limit: '13 kB',
  },
  {
    name: 'gitops-releases/styles.layer.css',
    path: 'dist/styles.layer.css',
    // 12 kB until the fleet graph's group nodes, tiles, frames and far-out names: 12.27 kB.
    limit: '13 kB',
  },
  {
    name: 'ReleasesProvider imported alone',
    path: 'dist/index.js',
    import: '{ ReleasesProvider }',
    ignore: REACT,
    limit: '2 kB',
  },
  {
    name: 'StatusBadge imported alone (tree-shaken, with the headless code it uses)',
    path: 'dist/index.js',
    import: '{ StatusBadge }',
    ignore: ['react', 'react-dom', 'react/jsx-runtime', '@dagrejs/dagre'],
    limit: '3 kB',
  },
  {
    name: 'ReleaseGraph imported alone: our code and headless, without React, React Flow or dagre',
    path: 'dist/index.js',
    import: '{ ReleaseGraph }',
    ignore: ['react', 'react-dom', 'react/jsx-runtime', '@dagrejs/dagre', '@xyflow/react'],
    // 10 kB until every text went through the provider's messages and durations through Intl: 10.37 kB;
    // 11 kB until the single pending focus request, the element-like root and onError: 11.49 kB.
    // 12 kB until fleet groups: the grouped layout (15.37 kB), then group nodes, tile grids, frames,
    // far-out names, search and keys into groups: 20.93 kB.
    limit: '21.5 kB',
  },
  {
    name: 'ReleaseNotes imported alone: our code and headless, without React',
    path: 'dist/index.js',
    import: '{ ReleaseNotes }',
    ignore: ['react', 'react-dom', 'react/jsx-runtime'],
    // 8 kB until whole-sentence messages, the element-like root and onError: 8 kB.
    limit: '8.5 kB',
  },
  {
    name: 'ReleasesTable imported alone: our code and headless, without React or the virtualiser',
    path: 'dist/index.js',
    import: '{ ReleasesTable }',
    ignore: ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-virtual'],
    // 11.5 kB until every text went through the provider's messages and relative times through Intl: 11.49 kB;
    // 12 kB until slice-by-slice controlled state and the pure state transitions: 12.24 kB;
    // 12.5 kB until whole-sentence messages, the element-like root and onError: 12.93 kB.
    limit: '13.5 kB',
  },
  {
    name: 'ReleaseView imported alone: our code and headless, without React, React Flow, dagre or Radix',
    path: 'dist/index.js',
    import: '{ ReleaseView }',
    ignore: REACT_AND_LIBRARIES,
    // 26 kB until fleet groups: the grouped layout (29.19 kB), then the graph's groups and the
    // details panel's waiting reason: 34.67 kB.
    limit: '35.5 kB',
  },
  {
    name: 'EnvironmentDetails imported alone: our code and headless, without React',
    path: 'dist/index.js',
    import: '{ EnvironmentDetails }',
    ignore: REACT,
    // 8.5 kB until it said why an environment waits, which takes the release's grouping: 11.86 kB.
    limit: '12.5 kB',
  },
  {
    name: 'ReleaseDiff imported alone: our code and headless, without React',
    path: 'dist/index.js',
    import: '{ ReleaseDiff }',
    ignore: REACT,
    // 4.5 kB until messages became sentences with placeholders and ignored overrides were reported: 4.53 kB.
    limit: '5 kB',
  },
  {
    name: 'useReleasesTable imported alone: the table logic for a host with its own table, without React',
    path: 'dist/index.js',
    import: '{ useReleasesTable }',
    ignore: REACT,
    // 5.5 kB until slice-by-slice controlled state and the pure state transitions: 5.6 kB.
    limit: '6 kB',
  },
  {
    // That the table brings neither React Flow nor dagre is checked by test/package/tree-shaking.
    name: 'ReleasesTable imported alone, everything but React',
    path: 'dist/index.js',
    import: '{ ReleasesTable }',
    ignore: ['react', 'react-dom', 'react/jsx-runtime'],
    // 21 kB until the messages and Intl formatting: 20.9 kB; 22 kB until slice control,
    // whole-sentence messages, the element-like root and onError: 22.31 kB.
    limit: '23 kB',
  },
];
// Guard against a budget that measures nothing: a missing build must fail, not pass quietly.
if (logic.length < 10 || samples.length === 0) {
  throw new Error('dist/headless.cjs is missing or exports too little: run `npm run build` first');
}

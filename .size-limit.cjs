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
// 6 kB each until the adapters filled EnvironmentStep.group from their sources: Codefresh's
// environments' label pairs (6.02 kB), Argo CD's RollingSync steps and cluster labels with
// GitHub's environment-name rules (6.42 kB); Kargo's labels, shards and siblings fit (5.55 kB).
const ADAPTER_LIMITS = new Map([
  ['Codefresh', '6.5 kB'],
  ['GitHub Deployments and Argo CD', '7 kB'],
]);
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
    // notes, diffs, commit statuses and release links did: 11.8 kB; 13 kB until fleet-scale groups
    // (the group tree, roll-ups, waiting reasons, folding and the grouped layout: 16.65 kB) and the
    // table's group columns (roll-ups per release, group columns, their state and URL): 18.24 kB. A
    // host pays only for what it imports (see the lines for single parts below).
    // 19 kB until the graph drew fleet groups (group nodes, tile grids, frames, semantic zoom,
    // search and keys into groups): 19.21 kB.
    // 20 kB until big layouts left the main thread (the layout worker's client, the plan
    // shared by the quick, async and adopted layouts, the outline shown meanwhile): 20.75 kB.
    // 21.5 kB until big DAGs got the layered layout and the far-out overview: 22.35 kB.
    // 23 kB until the delivery metrics, the table's selection and compareReleases: 27.51 kB.
    // 28 kB until what a view of the metrics judges (trends, series, shares, the check): 28.30 kB.
    // 28.5 kB until the delivery metrics read a history in one pass, in scratch memory kept
    // between calls, with their own SHA table (a whole history 2-3 times sooner): 29.58 kB.
    limit: '30 kB',
  },
  {
    name: 'gitops-releases/headless: everything, sample data and adapters included, without dagre',
    path: 'dist/headless.js',
    import: '*',
    ignore: ['@dagrejs/dagre'],
    // 8 kB until the graph's headless helpers (collapse, keyboard, links) arrived: 8.3 kB; 9 kB
    // until the table's logic did: 10.9 kB; 12 kB until notes, diffs, statuses and links: 16.8 kB;
    // 18 kB until the source adapters did; 30 kB until fleet-scale groups (31.15 kB), the
    // adapters' group mappings, the fleet samples and the table's group columns arrived: 36.58 kB.
    // 37.5 kB until the graph drew fleet groups (group nodes, tile grids, frames, semantic zoom,
    // search and keys into groups): 37.58 kB.
    // 38 kB until big layouts left the main thread (the layout worker's client, the plan
    // shared by the quick, async and adopted layouts, the outline shown meanwhile): 39.04 kB.
    // 39.5 kB until a big fleet's grouping left the mount's task (a release's grouping handed
    // back, the outline first, the grouping in tasks of their own): 39.56 kB.
    // 40 kB until big DAGs got the layered layout and the far-out overview: 40.72 kB.
    // 41.5 kB until sample histories delivered as a team does (paced releases, failures and
    // recoveries, commits and notes, failing steps): 42.12 kB.
    // 42.5 kB until the delivery metrics, the table's selection and compareReleases: 47.17 kB.
    // 47.5 kB until what a view of the metrics judges (trends, series, shares, the check): 47.97 kB.
    // 48.5 kB until the delivery metrics' one pass, scratch memory and SHA table: 49.31 kB.
    limit: '50 kB',
  },
  ...Object.entries(ADAPTERS)
    .filter(([, names]) => names.every((name) => headlessExports.includes(name)))
    .map(([system, names]) => ({
    name: `gitops-releases/headless: the ${system} adapter alone`,
    path: 'dist/headless.js',
    import: `{ ${names.join(', ')} }`,
    ignore: ['@dagrejs/dagre'],
    limit: ADAPTER_LIMITS.get(system) ?? '6 kB',
  })),
  {
    name: 'gitops-releases/headless: toCommitStatus and createReleaseLinks alone (a server posting statuses)',
    path: 'dist/headless.js',
    import: '{ toCommitStatus, createReleaseLinks }',
    // 4,002 B when the delivery metrics grew: the same code, but the minifier names the shared
    // chunk's identifiers by how often they occur, and so compresses it 2 bytes worse.
    limit: '4.1 kB',
  },
  {
    name: 'gitops-releases/headless: compileReleaseNotes and releaseNotesToMarkdown alone (a chat bot)',
    path: 'dist/headless.js',
    import: '{ compileReleaseNotes, releaseNotesToMarkdown, jiraKeys, githubKeys }',
    limit: '3.5 kB',
  },
  {
    name: 'gitops-releases/headless: computeDeliveryMetrics alone (a server computing delivery metrics)',
    path: 'dist/headless.js',
    import: '{ computeDeliveryMetrics }',
    // 5.29 kB: the metrics (about 4 kB), ReleaseDataError, and the status tables of the chunk it
    // shares with the rest of headless.
    // 5.5 kB (5.32 kB) until a window of years had to meet the 300 ms target too: one pass over
    // the releases, scratch memory reused between calls (fresh memory and V8's full collections
    // were most of the time), an open-addressing SHA table and a faster isoMs: 6.6 kB.
    limit: '7 kB',
  },
  {
    name: 'gitops-releases: every component, with headless, without React, React Flow, dagre, Radix or the virtualiser',
    path: 'dist/index.js',
    import: '*',
    ignore: REACT_AND_LIBRARIES,
    // 35 kB until element-like roots (forwarded refs, pass-through attributes), onError reporting,
    // whole-sentence messages and the table's slice control: 35.13 kB; 36 kB until the graph
    // laid out fleet-scale groups (the group tree and folding it reaches through the layout: 38.93 kB)
    // and the table got group columns: 41.37 kB.
    // 42.5 kB until the graph drew fleet groups (group nodes, tile grids, frames, semantic zoom,
    // search and keys into groups): 47.00 kB.
    // 47.5 kB until big layouts left the main thread (the layout worker's client, the plan
    // shared by the quick, async and adopted layouts, the outline shown meanwhile): 49.12 kB.
    // 49.5 kB until a big fleet's grouping left the mount's task (a release's grouping handed
    // back, the outline first, the grouping in tasks of their own): 50.00 kB.
    // 50.5 kB until big DAGs got the layered layout and the far-out overview: 51.39 kB.
    // 52 kB until ReleaseInsights, the table's selection mode and ReleaseComparison: 63.88 kB.
    // 64.5 kB until the delivery metrics' one pass, scratch memory and SHA table: 65.16 kB.
    limit: '66 kB',
  },
  {
    name: 'gitops-releases: every component, everything but React',
    path: 'dist/index.js',
    import: '*',
    ignore: REACT,
    // 125 kB until fleet-scale groups in the graph and the table: 125.04 kB.
    // 128 kB until the graph drew fleet groups (group nodes, tile grids, frames, semantic zoom,
    // search and keys into groups): 130.52 kB.
    // 131 kB until big layouts left the main thread (the layout worker's client, the plan
    // shared by the quick, async and adopted layouts, the outline shown meanwhile): 132.74 kB.
    // 133.5 kB until a big fleet's grouping left the mount's task (a release's grouping handed
    // back, the outline first, the grouping in tasks of their own): 133.54 kB.
    // 134.5 kB until big DAGs got the layered layout and the far-out overview: 134.94 kB.
    // 135.5 kB until ReleaseInsights, the table's selection mode and ReleaseComparison: 147.18 kB.
    // 147.5 kB until the delivery metrics' one pass, scratch memory and SHA table: 148.53 kB.
    limit: '149.5 kB',
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
    // 4 kB until the words of ReleaseInsights, the table's selection and ReleaseComparison joined
    // the default messages: 4.78 kB.
    limit: '5 kB',
  },
  {
    name: 'gitops-releases/table: the whole entry, without React or the virtualiser',
    path: 'dist/table.js',
    import: '*',
    ignore: [...REACT, '@tanstack/react-virtual'],
    // 13.5 kB until group columns (rollups, group headers and cells, expanded and hidden groups,
    // the group filter): 15.62 kB.
    // 16 kB until selection mode (checkboxes, Shift ranges, the bar with Compare): 16.99 kB.
    limit: '17.5 kB',
  },
  {
    // That the table entry brings neither React Flow, dagre nor Radix is checked by test/package/tree-shaking.
    name: 'gitops-releases/table: the whole entry, everything but React',
    path: 'dist/table.js',
    import: '*',
    ignore: REACT,
    // 23 kB until group columns: 24.98 kB.
    // 25.5 kB until selection mode: 26.36 kB.
    limit: '27 kB',
  },
  {
    name: 'gitops-releases/graph: the whole entry, without React, React Flow or dagre',
    path: 'dist/graph.js',
    import: '*',
    ignore: [...REACT, '@xyflow/react', '@dagrejs/dagre'],
    // 12 kB until fleet-scale groups reached the layout: 15.4 kB.
    // 16 kB until the graph drew fleet groups (group nodes, tile grids, frames, semantic zoom,
    // search and keys into groups): 21.12 kB.
    // 22 kB until big layouts left the main thread (the layout worker's client, the plan
    // shared by the quick, async and adopted layouts, the outline shown meanwhile): 23.27 kB.
    // 24 kB until a big fleet's grouping left the mount's task (a release's grouping handed
    // back, the outline first, the grouping in tasks of their own): 24.18 kB.
    // 25 kB until big DAGs got the layered layout and the far-out overview: 25.54 kB.
    // 26 kB until edges were named in the messages' words (and kept until an end changes): 26.12 kB.
    limit: '26.5 kB',
  },
  {
    name: 'gitops-releases/graph: the whole entry, everything but React',
    path: 'dist/graph.js',
    import: '*',
    ignore: REACT,
    // 80 kB until fleet-scale groups: 82.4 kB.
    // 85 kB until the graph drew fleet groups (group nodes, tile grids, frames, semantic zoom,
    // search and keys into groups): 88.13 kB.
    // 89 kB until big layouts left the main thread (the layout worker's client, the plan
    // shared by the quick, async and adopted layouts, the outline shown meanwhile): 90.11 kB.
    // 91 kB until a big fleet's grouping left the mount's task (a release's grouping handed
    // back, the outline first, the grouping in tasks of their own): 91.16 kB.
    // 92 kB until big DAGs got the layered layout and the far-out overview: 92.34 kB.
    limit: '93 kB',
  },
  {
    name: 'gitops-releases/view: the whole entry, without React, React Flow, dagre or Radix',
    path: 'dist/view.js',
    import: '*',
    ignore: REACT_AND_LIBRARIES,
    // 26 kB until fleet-scale groups reached the layout: 29.32 kB.
    // 30 kB until the graph drew fleet groups (group nodes, tile grids, frames, semantic zoom,
    // search and keys into groups): 34.94 kB.
    // 35.5 kB until big layouts left the main thread (the layout worker's client, the plan
    // shared by the quick, async and adopted layouts, the outline shown meanwhile): 37.09 kB.
    // 37.5 kB until a big fleet's grouping left the mount's task (a release's grouping handed
    // back, the outline first, the grouping in tasks of their own): 37.98 kB.
    // 38.5 kB until big DAGs got the layered layout and the far-out overview: 39.38 kB.
    limit: '40 kB',
  },
  {
    name: 'gitops-releases/view: the whole entry, everything but React',
    path: 'dist/view.js',
    import: '*',
    ignore: REACT,
    // 102 kB until fleet-scale groups: 104.16 kB.
    // 106 kB until the graph drew fleet groups (group nodes, tile grids, frames, semantic zoom,
    // search and keys into groups): 109.78 kB.
    // 110.5 kB until big layouts left the main thread (the layout worker's client, the plan
    // shared by the quick, async and adopted layouts, the outline shown meanwhile): 111.77 kB.
    // 112.5 kB until a big fleet's grouping left the mount's task (a release's grouping handed
    // back, the outline first, the grouping in tasks of their own): 112.46-112.66 kB.
    // 113.5 kB until big DAGs got the layered layout and the far-out overview: 114.14 kB.
    // 114.5 kB until edges were named in the messages' words: 114.50 kB.
    limit: '115 kB',
  },
  {
    name: 'gitops-releases/notes: the whole entry, without React',
    path: 'dist/notes.js',
    import: '*',
    ignore: REACT,
    // 9.5 kB until ReleaseComparison joined the entry, with StatusBadge and times it shows: 13.60 kB.
    limit: '14 kB',
  },
  {
    // That the entry brings neither React Flow, dagre nor Radix is checked by test/package/tree-shaking.
    name: 'gitops-releases/insights: the whole entry, without React',
    path: 'dist/insights.js',
    import: '*',
    ignore: REACT,
    // 12.53 kB with computeDeliveryMetrics (its own bisection and selection: d3-time and d3-array,
    // kept whole once any of their exports is used, made it 14.98 kB).
    // 13 kB until the delivery metrics' one pass, scratch memory and SHA table: 13.82 kB.
    limit: '14.5 kB',
  },
  {
    name: 'gitops-releases/styles.css',
    path: 'dist/styles.css',
    // 12 kB until the fleet graph's group nodes, tiles, frames and far-out names: 12.26 kB.
    // 13 kB until big DAGs got the layered layout and the far-out overview: 13.08 kB.
    // 13.5 kB until the styles of ReleaseInsights, the table's selection and ReleaseComparison: 14.46 kB.
    limit: '15 kB',
  },
  {
    name: 'gitops-releases/styles.layer.css',
    path: 'dist/styles.layer.css',
    // 12 kB until the fleet graph's group nodes, tiles, frames and far-out names: 12.27 kB.
    // 13 kB until big DAGs got the layered layout and the far-out overview: 13.06 kB.
    // 13.5 kB until the styles of ReleaseInsights, the table's selection and ReleaseComparison: 14.47 kB.
    limit: '15 kB',
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
    // 12 kB until fleet-scale groups reached the layout: 15.37 kB.
    // 16 kB until the graph drew fleet groups (group nodes, tile grids, frames, semantic zoom,
    // search and keys into groups): 21.07 kB.
    // 21.5 kB until big layouts left the main thread (the layout worker's client, the plan
    // shared by the quick, async and adopted layouts, the outline shown meanwhile): 23.23 kB.
    // 24 kB until a big fleet's grouping left the mount's task (a release's grouping handed
    // back, the outline first, the grouping in tasks of their own): 24.13 kB.
    // 25 kB until big DAGs got the layered layout and the far-out overview: 25.47 kB.
    limit: '26 kB',
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
    // 12.5 kB until whole-sentence messages, the element-like root and onError: 12.93 kB;
    // 13.5 kB until group columns: 15.54 kB;
    // 16 kB until selection mode (checkboxes, Shift ranges, the bar with Compare): 16.95 kB.
    limit: '17.5 kB',
  },
  {
    name: 'ReleaseView imported alone: our code and headless, without React, React Flow, dagre or Radix',
    path: 'dist/index.js',
    import: '{ ReleaseView }',
    ignore: REACT_AND_LIBRARIES,
    // 26 kB until fleet-scale groups reached the layout: 29.19 kB.
    // 30 kB until the graph drew fleet groups (group nodes, tile grids, frames, semantic zoom,
    // search and keys into groups): 34.87 kB.
    // 35.5 kB until big layouts left the main thread (the layout worker's client, the plan
    // shared by the quick, async and adopted layouts, the outline shown meanwhile): 36.97 kB.
    // 37.5 kB until a big fleet's grouping left the mount's task (a release's grouping handed
    // back, the outline first, the grouping in tasks of their own): 37.93 kB.
    // 38.5 kB until big DAGs got the layered layout and the far-out overview: 39.34 kB.
    limit: '40 kB',
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
    name: 'ReleaseInsights imported alone: our code and headless, without React',
    path: 'dist/index.js',
    import: '{ ReleaseInsights }',
    ignore: REACT,
    // 12.51 kB with computeDeliveryMetrics (14.92 kB when it used d3-time and d3-array).
    // 13 kB until the delivery metrics' one pass, scratch memory and SHA table: 13.74 kB.
    limit: '14.5 kB',
  },
  {
    name: 'ReleaseComparison imported alone: our code and headless, without React',
    path: 'dist/index.js',
    import: '{ ReleaseComparison }',
    ignore: REACT,
    // It renders ReleaseDiff and ReleaseNotes, with StatusBadge: 13.55 kB.
    limit: '14 kB',
  },
  {
    name: 'useReleasesTable imported alone: the table logic for a host with its own table, without React',
    path: 'dist/index.js',
    import: '{ useReleasesTable }',
    ignore: REACT,
    // 5.5 kB until slice-by-slice controlled state and the pure state transitions: 5.6 kB; 6 kB
    // until group columns (rollups, group columns, expanded and hidden groups): 6.31 kB.
    limit: '7 kB',
  },
  {
    // That the table brings neither React Flow nor dagre is checked by test/package/tree-shaking.
    name: 'ReleasesTable imported alone, everything but React',
    path: 'dist/index.js',
    import: '{ ReleasesTable }',
    ignore: ['react', 'react-dom', 'react/jsx-runtime'],
    // 21 kB until the messages and Intl formatting: 20.9 kB; 22 kB until slice control,
    // whole-sentence messages, the element-like root and onError: 22.31 kB; 23 kB until group
    // columns: 24.95 kB; 25.5 kB until selection mode: 26.31 kB.
    limit: '27 kB',
  },
];
// Guard against a budget that measures nothing: a missing build must fail, not pass quietly.
if (logic.length < 10 || samples.length === 0) {
  throw new Error('dist/headless.cjs is missing or exports too little: run `npm run build` first');
}

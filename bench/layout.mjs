// Benchmarks layoutReleaseGraph on the built package: cold layouts of 10, 40 and 300
// environments, and a status-only update of 300 (served from the structure cache).
// Run with `npm run bench` (it builds first). Numbers go to bench/README.md by hand.
import { Graph, layout as dagreLayout } from '@dagrejs/dagre';
import { Bench } from 'tinybench';
import { environmentNodeSize, layoutReleaseGraph, sampleFlow, sampleRelease, sampleReleaseHistory, simulatePromotion } from '../dist/headless.js';

const sized = (shape) => sampleRelease({ shape, state: 'running', seed: 7 });
const ten = (() => {
  // Ten environments: the 40-environment sample cut to its first ten (all dependencies stay inside).
  const release = sized('large');
  const keep = new Set(release.environments.slice(0, 10).map((e) => e.name));
  return {
    ...release,
    environments: release.environments
      .slice(0, 10)
      .map((e) => ({ ...e, dependsOn: e.dependsOn.filter((d) => keep.has(d)) })),
  };
})();
const releases = { 10: ten, 40: sized('large'), 300: sized('huge') };

// A stress case no flow author would draw: 300 environments in ~30 layers, each depending on 1-3
// random environments of the layer before (about 560 edges, 1,200 unavoidable crossings).
function tangled(count) {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const environments = [{ ...huge0(), name: 'env-0', dependsOn: [] }];
  let previous = ['env-0'];
  while (environments.length < count) {
    const width = Math.min(count - environments.length, 2 + Math.floor(random() * 18));
    previous = Array.from({ length: width }, () => {
      const deps = new Set();
      const wanted = 1 + Math.floor(random() * Math.min(3, previous.length));
      while (deps.size < wanted) deps.add(previous[Math.floor(random() * previous.length)]);
      const name = `env-${environments.length}`;
      environments.push({ ...huge0(), name, dependsOn: [...deps] });
      return name;
    });
  }
  return { ...releases[300], environments };
}
function huge0() {
  return releases[300].environments[5];
}
const stress = tangled(300);

// Held-out DAGs: each environment waits for 1-3 earlier environments picked anywhere, so edges
// skip ranks (dagre adds a dummy node per rank skipped). Not shaped for the library.
function heldOut(count, seed) {
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const environments = Array.from({ length: count }, (_, i) => {
    const dependsOn = new Set();
    if (i > 0) for (let wanted = 1 + Math.floor(random() * 3); wanted > 0; wanted--) dependsOn.add(`env-${Math.floor(random() * i)}`);
    return { ...huge0(), name: `env-${i}`, dependsOn: [...dependsOn] };
  });
  return { ...releases[300], environments };
}
const heldOut300 = heldOut(300, 1);
const heldOut1000 = heldOut(1000, 1);
// The same DAG given to dagre whole, every edge, as the layout did before it left out implied
// edges: dagre alone, with the layout's settings and node sizes.
function dagreEveryEdge(release) {
  const index = new Map(release.environments.map((e, i) => [e.name, i]));
  return () => {
    const graph = new Graph();
    graph.setGraph({ rankdir: 'LR', nodesep: 40 + (salt++ % 100000) / 1000, ranksep: 80, marginx: 0, marginy: 0, ranker: 'tight-tree' });
    graph.setDefaultEdgeLabel(() => ({}));
    release.environments.forEach((e, i) => graph.setNode(`n${i}`, { ...environmentNodeSize(e) }));
    release.environments.forEach((e, i) => e.dependsOn.forEach((d) => graph.setEdge(`n${index.get(d)}`, `n${i}`)));
    dagreLayout(graph);
  };
}

// A cold layout must not hit the cache: vary a spacing option per call, which is part of the key.
let salt = 0;
const cold = (release) => () => layoutReleaseGraph(release, { nodeSpacing: 40 + (salt++ % 100000) / 1000 });

const huge = releases[300];
layoutReleaseGraph(huge);
const statusFlips = ['running', 'succeeded'].map((status) => ({
  ...huge,
  environments: huge.environments.map((e, i) => (i === 150 ? { ...e, status } : e)),
}));
let flip = 0;

const fleet = sampleFlow('fleet');

const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const bench = new Bench({ time: 2000, warmupTime: 300 });
bench
  .add('cold layout, 10 environments', cold(releases[10]))
  .add('cold layout, 40 environments', cold(releases[40]))
  .add('cold layout, 300 environments', cold(releases[300]))
  .add('cold layout, 300 environments, tangled stress DAG', cold(stress))
  .add('cold layout, 300 environments, held-out DAG (edges skip ranks)', cold(heldOut300))
  .add('dagre alone, same 300, every edge given to dagre', dagreEveryEdge(heldOut300))
  .add('cold layout, 1,000 environments, held-out DAG', cold(heldOut1000))
  .add('dagre alone, same 1,000, every edge given to dagre', dagreEveryEdge(heldOut1000))
  .add('status-only update, 300 environments (cached)', () => layoutReleaseGraph(statusFlips[flip++ % 2]))
  .add('sampleReleaseHistory, 10,000 releases', () => sampleReleaseHistory({ count: 10_000 }))
  // Fleet samples: a release of thousands of stores must build in well under 300 ms.
  .add('sampleRelease fleet, 2,000 stores, running', () => sampleRelease({ shape: 'fleet', state: 'running' }))
  .add('sampleRelease fleet, 5,000 stores, running', () => sampleRelease({ shape: 'fleet', size: 5000, state: 'running' }))
  .add('sampleRelease fleet, 5,000 stores, failed', () => sampleRelease({ shape: 'fleet', size: 5000, state: 'failed' }))
  .add('simulatePromotion fleet, 2,000 stores, 3-minute step, every snapshot', () => {
    for (const snapshot of simulatePromotion(fleet, { step: 180_000, structuralSharing: true })) void snapshot;
  });

// Histories of 100,000 releases take seconds each: a few runs, one warm-up, after a collection.
const big = new Bench({ time: 0, iterations: 3, warmupTime: 0, warmupIterations: 1, setup: () => globalThis.gc?.() });
big
  .add('sampleReleaseHistory, 100,000 releases (regions)', () => sampleReleaseHistory({ count: 100_000, shape: 'regions' }))
  .add('sampleReleaseHistory, 100,000 releases of a healthy team (regions)', () =>
    sampleReleaseHistory({ count: 100_000, shape: 'regions', team: 'healthy' }),
  )
  .add('sampleReleaseHistory, 100,000 releases of a struggling team (regions)', () =>
    sampleReleaseHistory({ count: 100_000, shape: 'regions', team: 'struggling' }),
  );

for (const b of [bench, big]) if (only) for (const task of [...b.tasks]) if (!task.name.includes(only)) b.remove(task.name);
await bench.run();
await big.run();
const rows = [...bench.tasks, ...big.tasks].map((task) => {
  const latency = task.result.latency;
  return {
    task: task.name,
    'median ms': latency.p50.toFixed(3),
    'p99 ms': latency.p99.toFixed(3),
    samples: latency.samples.length,
  };
});
console.table(rows);
console.log(`node ${process.version}, ${(await import('node:os')).cpus().length} cores`);

// Benchmarks the source adapters on the built package (dist/): converting 1,000 Codefresh
// ProductRelease nodes, varied from the test fixtures (ids, statuses, sizes), must take under
// 50 ms. Run with `npm run bench:adapters` (it builds first). Numbers go to bench/README.md by hand.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { Bench } from 'tinybench';

const headless = await import('../dist/headless.js');
const { fromCodefreshRelease, fromCodefreshReleasesPage } = headless;
if (typeof fromCodefreshRelease !== 'function') {
  console.error('dist/headless.js has no fromCodefreshRelease: export it from src/headless/index.ts and run `npm run build`.');
  process.exit(1);
}

const fixture = (name) => JSON.parse(readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8'));
const running = fixture('codefresh-release.json');
const failed = fixture('codefresh-release-failed.json');
const page = fixture('codefresh-releases-page.json');
const small = page.edges.map((edge) => edge.node).filter((node) => node.__typename === 'ProductRelease');

const RELEASE_WORDS = ['QUEUED', 'PENDING', 'INITIALIZING', 'RUNNING', 'SUSPENDED', 'FINALIZING', 'FINALIZING_TERMINATION', 'SUCCEEDED', 'FAILED', 'TERMINATING', 'TERMINATED'];
const STEP_WORDS = [...RELEASE_WORDS, 'SKIPPED'];

/**
 * Release `i` of the set: half are the six-environment running release (every fourth grown by up
 * to six more regions after production: 6-12 environments), a fifth the failed one (3), the rest
 * the small list-query nodes (1-2); ids, creation times and statuses vary with `i`.
 */
function variant(i) {
  const kind = i % 10;
  const release = structuredClone(kind < 5 ? running : kind < 7 ? failed : small[i % small.length]);
  release.releaseId = `6746${i.toString(16).padStart(8, '0')}a0b1c2d3e4f5`;
  release.createdAt = new Date(Date.UTC(2026, 10, 1) + i * 3_600_000).toISOString();
  release.status = RELEASE_WORDS[i % RELEASE_WORDS.length];
  release.steps.forEach((step, s) => {
    if (i % 3 === 0) step.status = STEP_WORDS[(i + s) % STEP_WORDS.length];
  });
  if (kind < 5 && i % 4 === 0) {
    const region = release.steps.find((step) => step.environmentName === 'prod-eu');
    for (let r = 1; r <= i % 7; r++) release.steps.push({ ...structuredClone(region), environmentName: `prod-region-${r}` });
  }
  return release;
}
const releases = Array.from({ length: 1_000 }, (_, i) => variant(i));
const environments = releases.reduce((sum, release) => sum + release.steps.length, 0);
// Every input converts: the benchmark times conversions, not errors.
for (const release of releases) fromCodefreshRelease(release);
const fullPage = { edges: releases.slice(0, 50).map((node, i) => ({ cursor: `c${i}`, node })), pageInfo: { hasNextPage: true, hasPrevPage: false } };

const bench = new Bench({ time: 3000, warmupTime: 500 });
bench
  .add(`fromCodefreshRelease × 1,000 (${environments.toLocaleString('en')} environments)`, () => {
    for (const release of releases) fromCodefreshRelease(release);
  })
  .add('fromCodefreshRelease, the six-environment fixture', () => fromCodefreshRelease(running))
  .add('fromCodefreshReleasesPage, 50 releases (the API’s largest page)', () => fromCodefreshReleasesPage(fullPage));

await bench.run();
const rows = bench.tasks.map((task) => {
  const latency = task.result.latency;
  return { task: task.name, 'median ms': latency.p50.toFixed(3), 'p99 ms': latency.p99.toFixed(3), samples: latency.samples.length };
});
console.table(rows);
const thousand = bench.tasks[0].result.latency;
const target = 50;
console.log(`1,000 releases: median ${thousand.p50.toFixed(1)} ms, p99 ${thousand.p99.toFixed(1)} ms, target < ${target} ms median: ${thousand.p50 < target ? 'PASS' : 'FAIL'}`);
console.log(`node ${process.version}, ${cpus().length} cores`);

// Benchmarks computeDeliveryMetrics on the built package (dist/): 100,000 releases must take under
// 300 ms, on the sample history and on a held-out one no code here was shaped for (random DAGs
// whose edges skip ranks, many commits, hostile names, times not all canonical).
// Run with `npm run bench:insights` (it builds first). Numbers go to bench/README.md by hand.
import { cpus } from 'node:os';
import { Bench } from 'tinybench';

const headless = await import('../dist/headless.js');
const { computeDeliveryMetrics, sampleReleaseHistory } = headless;
if (typeof computeDeliveryMetrics !== 'function') {
  console.error('dist/headless.js has no computeDeliveryMetrics: export it from src/headless/index.ts and run `npm run build`.');
  process.exit(1);
}

const COUNT = 100_000;
const DAY = 86_400_000;

// The sample history: `regions` has six environments (dev, staging, production and three
// regions), four of them production targets; releases are 20 minutes to 9 hours apart, so
// 100,000 of them span decades and a 30-day window holds about 150.
const sample = sampleReleaseHistory({ count: COUNT, shape: 'regions' });
const times = sample.map((release) => Date.parse(release.createdAt));
const sampleNow = Math.max(...times) + DAY;
const sampleOldest = Math.min(...times);

// A held-out history: each release has its own random DAG of 8 environments, each waiting for 1-3
// earlier ones picked anywhere (edges skip ranks); 2-3 random production targets; environment,
// step and commit names include `__proto__` and `constructor`; 4-16 commits each, and a failed
// release's commits are carried again by the next; one time in twenty has a `+00:00` offset
// (Date.parse's slow path). Newest first, 1-240 minutes apart.
function heldOut(count, seed) {
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = (list) => list[Math.floor(random() * list.length)];
  const NAMES = ['__proto__', 'constructor', 'toString', 'dev', 'qa', 'staging', 'eu', 'us', 'asia', 'canary', 'hasOwnProperty', 'valueOf'];
  const STATUSES = ['succeeded', 'succeeded', 'succeeded', 'succeeded', 'succeeded', 'succeeded', 'failed', 'error', 'terminated', 'running', 'pending', 'skipped'];
  const iso = (ms) => {
    const text = new Date(ms).toISOString();
    return random() < 0.05 ? text.replace('Z', '+00:00') : text;
  };
  let clock = Date.UTC(2026, 10, 26);
  let carried = [];
  let sha = 0;
  const releases = [];
  for (let i = 0; i < count; i++) {
    clock -= (1 + Math.floor(random() * 240)) * 60_000;
    const created = clock;
    const names = [...NAMES].sort(() => random() - 0.5).slice(0, 8);
    const finish = [];
    const environments = names.map((name, e) => {
      const dependsOn = new Set();
      if (e > 0) for (let wanted = 1 + Math.floor(random() * 3); wanted > 0; wanted--) dependsOn.add(names[Math.floor(random() * e)]);
      const ready = Math.max(created, ...[...dependsOn].map((d) => finish[names.indexOf(d)]));
      const status = pick(STATUSES);
      const started = status !== 'pending' && status !== 'skipped';
      const startedAt = ready + Math.floor(random() * 600_000);
      finish[e] = startedAt + Math.floor(random() * 1_800_000);
      return {
        name,
        kind: e >= 5 && random() < 0.8 ? 'production' : 'non-production',
        dependsOn: [...dependsOn],
        status,
        ...(started && { startedAt: iso(startedAt) }),
        ...(started && status !== 'running' && { finishedAt: iso(finish[e]) }),
        workflows: {
          trigger: [],
          preAction: [{ name: pick(['constructor', 'tests', '__proto__']), status, runs: [] }],
          postAction: [{ name: 'smoke', status: random() < 0.9 ? 'succeeded' : 'failed', runs: [] }],
        },
        applications: [],
        issues: [],
      };
    });
    const own = Array.from({ length: 4 + Math.floor(random() * 13) }, () => ({
      sha: sha % 97 === 0 ? pick(['__proto__', 'constructor']) : (sha++).toString(16).padStart(40, '0'),
      date: iso(created - Math.floor(random() * 3 * DAY)),
    }));
    const commits = [...own, ...carried];
    carried = environments.some((e) => e.status === 'failed') ? own : [];
    releases.push({
      id: `r-${i}`,
      product: 'constructor',
      flow: { name: '__proto__' },
      status: 'succeeded',
      trigger: { kind: 'git-commit', environment: names[0], commit: commits[0] },
      createdAt: iso(created),
      environments,
      notes: { images: [], issues: [], pullRequests: [], commits },
    });
  }
  return releases;
}
const held = heldOut(COUNT, 7);
const heldNow = Date.UTC(2026, 10, 27);
const heldOldest = Math.min(...held.map((release) => Date.parse(release.createdAt)));
const commits = held.reduce((sum, release) => sum + release.notes.commits.length, 0);

const cases = [
  ['sample `regions`, 30-day window', sample, { now: sampleNow }],
  ['sample `regions`, every release in the window', sample, { from: sampleOldest, to: sampleNow }],
  ['held-out, 30-day window', held, { now: heldNow }],
  ['held-out, every release in the window', held, { from: heldOldest, to: heldNow, bucket: 'week' }],
];
for (const [, releases, options] of cases) computeDeliveryMetrics(releases, options);

// A whole-history call takes about a second on a busy machine: a fixed number of samples, not a time.
const bench = new Bench({ time: 0, iterations: 7, warmupTime: 0, warmupIterations: 1 });
// A yardstick for the machine's speed at the time: Date.parse of 1.6 million canonical strings
// (about 150 ms on a quiet 2-core machine), so numbers taken under load can be read.
const yardstick = Array.from({ length: 1_600_000 }, (_, i) => new Date(1.7e12 + i * 61_000).toISOString());
bench.add('yardstick: Date.parse × 1.6M', () => {
  let sum = 0;
  for (const text of yardstick) sum += Date.parse(text);
  return sum;
});
for (const [name, releases, options] of cases) bench.add(name, () => computeDeliveryMetrics(releases, options));
await bench.run();
const rows = bench.tasks.map((task) => {
  const latency = task.result.latency;
  return { task: task.name, 'median ms': latency.p50.toFixed(1), 'p99 ms': latency.p99.toFixed(1), samples: latency.samples.length };
});
console.table(rows);
const target = 300;
const slower = bench.tasks[0].result.latency.p50 / 150;
console.log(`yardstick: this machine ran ${slower.toFixed(1)}x slower than a quiet one; scaled numbers divide by that`);
for (const task of bench.tasks.slice(1)) {
  const { p50 } = task.result.latency;
  const scaled = p50 / Math.max(1, slower);
  console.log(`${task.name}: median ${p50.toFixed(1)} ms (scaled ${scaled.toFixed(0)} ms), target < ${target} ms: ${p50 < target ? 'PASS' : scaled < target ? 'PASS when scaled' : 'FAIL'}`);
}
const sampleEnvironments = sample.reduce((sum, release) => sum + release.environments.length, 0);
console.log(`sample: ${COUNT.toLocaleString('en')} releases, ${sampleEnvironments.toLocaleString('en')} environments; held-out: ${(COUNT * 8).toLocaleString('en')} environments, ${commits.toLocaleString('en')} commits`);
const windowed = computeDeliveryMetrics(sample, { now: sampleNow });
console.log(`sample, 30 days: ${windowed.deploymentFrequency.deployments} deployments, ${windowed.changeFailRate.failed} failed, ${windowed.changeLeadTime.changes} changes`);
console.log(`node ${process.version}, ${cpus().length} cores`);

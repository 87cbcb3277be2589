// Benchmarks computeDeliveryMetrics on the built package (dist/): 100,000 releases must take under
// 300 ms, on the sample history and on a held-out one no code here was shaped for (random DAGs
// whose edges skip ranks, many commits, hostile names, times not all canonical).
// It also times a floor: one walk reading every field a whole-history window must read, computing
// nothing, which no implementation can undercut.
// Run with `npm run bench:insights` (it builds first). Numbers go to bench/README.md by hand.
// `node bench/insights.mjs path/to/headless.js` measures another build (an older commit's) on the
// same data, for before-and-after numbers taken side by side.
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Bench } from 'tinybench';

const headless = await import(process.argv[2] ? pathToFileURL(process.argv[2]).href : '../dist/headless.js');
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

// A held-out history: each release has its own random DAG of 8 environments drawn from `names` in
// a random order, each waiting for 1-3 earlier ones picked anywhere (edges skip ranks); up to 3
// random production targets; environment, step and commit names include `__proto__` and
// `constructor`; 4-16 commits each with random SHAs (as git's are: sequential ones made a hash
// table's lookups unrealistically cheap), and a failed release's commits are carried again by the
// next; one time in twenty has a `+00:00` offset (Date.parse's slow path). Newest first, 1-240
// minutes apart.
const NAMES = ['__proto__', 'constructor', 'toString', 'dev', 'qa', 'staging', 'eu', 'us', 'asia', 'canary', 'hasOwnProperty', 'valueOf'];
// Only names of Object.prototype's members.
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupSetter__'];
function heldOut(count, seed, pool = NAMES) {
  // mulberry32: its state is a 32-bit integer, so no rounding shortens its period (the LCG it
  // replaced, computed in doubles, repeated after about 10,000 draws, so the history repeated
  // every hundred or so releases).
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const word = () => Math.floor(random() * 4294967296).toString(16).padStart(8, '0');
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
    const names = pool
      .map((name) => [random(), name])
      .sort(([a], [b]) => a - b)
      .slice(0, 8)
      .map(([, name]) => name);
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
      // One in 97 named like a prototype member. (Before, the first of them stopped the count,
      // so every commit had one of those two SHAs.)
      sha: ++sha % 97 === 0 ? pick(['__proto__', 'constructor']) : word() + word() + word() + word() + word(),
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
const shas = new Set(held.flatMap((release) => release.notes.commits.map((commit) => commit.sha)));
const commits = held.reduce((sum, release) => sum + release.notes.commits.length, 0);
// The same, with only names of Object.prototype's members for environments.
const hostile = heldOut(COUNT, 11, PROTOTYPE_NAMES);
const hostileOldest = Math.min(...hostile.map((release) => Date.parse(release.createdAt)));

// A floor under any implementation of the whole-history case: one walk reading each field the
// metrics must read there (every release's `createdAt`; every environment's name, kind, status,
// times, `dependsOn` and steps' names and statuses; every commit's SHA, each character, and date)
// and computing nothing with them. A time is 'read' by summing its first 19 characters' codes,
// less than any parser does. Whatever the code does beyond this walk is what it could still save.
function readEveryField(releases) {
  let sum = 0;
  const time = (text) => {
    if (typeof text !== 'string') return 0;
    let codes = 0;
    for (let i = 0; i < 19; i++) codes += text.charCodeAt(i);
    return codes;
  };
  const steps = (list) => {
    let length = 0;
    if (list) for (let i = 0; i < list.length; i++) length += list[i].name.length + list[i].status.length;
    return length;
  };
  const commit = (c) => {
    if (!c) return;
    const sha = c.sha;
    for (let i = 0; i < sha.length; i++) sum = (sum + sha.charCodeAt(i)) | 0;
    sum += time(c.date);
  };
  for (const release of releases) {
    sum += time(release.createdAt);
    for (const env of release.environments) {
      sum += env.name.length + (env.kind ?? '').length + env.status.length + (env.dependsOn ?? []).length + time(env.startedAt) + time(env.finishedAt);
      const workflows = env.workflows;
      if (workflows) sum += steps(workflows.trigger) + steps(workflows.preAction) + steps(workflows.postAction);
    }
    commit(release.trigger?.commit);
    for (const c of release.notes?.commits ?? []) commit(c);
  }
  return sum;
}

const cases = [
  ['sample `regions`, 30-day window', sample, { now: sampleNow }],
  ['sample `regions`, every release in the window', sample, { from: sampleOldest, to: sampleNow }],
  ['held-out, 30-day window', held, { now: heldNow }],
  ['held-out, 90-day window (ReleaseInsights\' longest)', held, { now: heldNow, days: 90 }],
  ['held-out, every release in the window', held, { from: heldOldest, to: heldNow, bucket: 'week' }],
  ['held-out, prototype names only, every release in the window', hostile, { from: hostileOldest, to: heldNow }],
];
for (const [, releases, options] of cases) computeDeliveryMetrics(releases, options);

// A whole-history call takes about a second on a busy machine: a fixed number of samples, not a time.
const bench = new Bench({ time: 0, iterations: 7, warmupTime: 0, warmupIterations: 1 });
// A yardstick for the machine's speed at the time: Date.parse of 1.6 million canonical strings,
// so that runs taken at different times can be read side by side.
const yardstick = Array.from({ length: 1_600_000 }, (_, i) => new Date(1.7e12 + i * 61_000).toISOString());
bench.add('yardstick: Date.parse × 1.6M', () => {
  let sum = 0;
  for (const text of yardstick) sum += Date.parse(text);
  return sum;
});
for (const [name, releases, options] of cases) bench.add(name, () => computeDeliveryMetrics(releases, options));
bench.add('floor: read every field of the held-out history, compute nothing', () => readEveryField(held));
bench.add('floor: read every field of the sample history, compute nothing', () => readEveryField(sample));
await bench.run();
const rows = bench.tasks.map((task) => {
  const latency = task.result.latency;
  return { task: task.name, 'median ms': latency.p50.toFixed(1), 'p99 ms': latency.p99.toFixed(1), samples: latency.samples.length };
});
console.table(rows);
const target = 300;
console.log(`yardstick: ${bench.tasks[0].result.latency.p50.toFixed(0)} ms (a rough scale of the machine's speed at the time)`);
for (const task of bench.tasks.slice(1, 1 + cases.length)) {
  const { p50 } = task.result.latency;
  console.log(`${task.name}: median ${p50.toFixed(1)} ms, target < ${target} ms: ${p50 < target ? 'PASS' : 'FAIL'}`);
}
const sampleEnvironments = sample.reduce((sum, release) => sum + release.environments.length, 0);
console.log(`sample: ${COUNT.toLocaleString('en')} releases, ${sampleEnvironments.toLocaleString('en')} environments; held-out: ${(COUNT * 8).toLocaleString('en')} environments, ${commits.toLocaleString('en')} commits (${shas.size.toLocaleString('en')} SHAs)`);
const windowed = computeDeliveryMetrics(sample, { now: sampleNow });
console.log(`sample, 30 days: ${windowed.deploymentFrequency.deployments} deployments, ${windowed.changeFailRate.failed} failed, ${windowed.changeLeadTime.changes} changes`);
console.log(`node ${process.version}, ${cpus().length} cores`);

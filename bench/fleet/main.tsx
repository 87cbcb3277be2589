// The page bench/fleet/run.mjs drives in Chromium: ReleaseGraph (from source) on fleet releases of
// thousands of stores and on random DAGs, drawn in groups (as it is by default) and flat (every
// environment a node: no declared and no automatic groups), with the measurements as
// window.__bench functions. Every loop runs here, in the page, so no DevTools round trip lands
// inside a timing.
import { createElement, version as reactVersion } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import {
  collapseDownstream,
  groupCacheStats,
  groupReleaseEnvironments,
  layoutCacheStats,
  layoutReleaseGraph,
  sampleFlow,
  sampleRelease,
  simulatePromotion,
  type EnvironmentStep,
  type GroupedLayoutOptions,
  type GroupedReleaseGraphLayout,
  type Release,
  type Status,
} from 'gitops-releases/headless';
import { ReleaseGraph, ReleasesProvider, type ReleaseGraphProps } from '../../src';
import { createFlowModel } from '../../src/components/ReleaseGraph/flow-model';
import { frames, nameEdge, gc, heap, sleep, soak } from '../page';
import '../../src/styles/index.css';

const HEIGHT = 800;
/** How long the page waits for a graph to show before it gives up on a run (a worker that never answers). */
const SHOW_TIMEOUT_MS = 120_000;

// ---------------------------------------------------------------------------------------------
// How the graph is drawn. Module-level functions: a new `groupBy` on every render would regroup.

/**
 * `grouped`: ReleaseGraph's defaults (each environment's `group` path, automatic groups).
 * `flat`: today's graph without groups, every environment a node.
 * `waves`: grouped by the top level of the path only, so a wave's stores sit directly in it
 * (the 250-member group that opens into a grid of tiles).
 */
export type Mode = 'grouped' | 'flat' | 'waves';

const noGroups = (): undefined => undefined;
const byWave = (environment: EnvironmentStep): string | undefined => environment.group?.split('/', 1)[0];

function grouping(mode: Mode): Pick<ReleaseGraphProps, 'groupBy' | 'autoGroupThreshold'> {
  if (mode === 'flat') return { groupBy: noGroups, autoGroupThreshold: Infinity };
  if (mode === 'waves') return { groupBy: byWave };
  return {};
}

function view(mode: Mode, release: Release, extra: Partial<ReleaseGraphProps> = {}) {
  return (
    <ReleasesProvider>
      <ReleaseGraph release={release} height={HEIGHT} {...grouping(mode)} {...extra} />
    </ReleasesProvider>
  );
}

// ---------------------------------------------------------------------------------------------
// Data: the fleet sample, and a random DAG written here, not shaped for the library.

export type Source = { kind: 'fleet'; size: number } | { kind: 'dag'; size: number };

/** A small seeded generator (mulberry32): the same seed gives the same DAG on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['ledger', 'search', 'billing', 'edge', 'auth', 'media', 'catalog', 'ml', 'inbox', 'geo', 'vault', 'metrics'];
const SITES = ['fra', 'iad', 'sin', 'gru', 'syd', 'nrt', 'lhr', 'ord'];
const STEP_NAMES = ['e2e', 'db-migrate', 'approval', 'soak', 'canary-analysis'];

/**
 * A promotion DAG no library was shaped for: `size` environments in a random order where each one
 * (after the first) waits for 1 to 3 environments picked anywhere before it, so edges skip any
 * number of ranks and cross freely. Node contents vary (0-2 pre-action steps, 0-1 post-action
 * step, 1-3 applications, an issue now and then), so node sizes vary too. The first ~35 % have
 * succeeded, the next ~7 % run, the rest wait.
 */
function randomDag(size: number, seed: number): Release {
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);
  const start = Date.parse('2026-11-20T08:00:00.000Z');
  const environments: EnvironmentStep[] = [];
  for (let i = 0; i < size; i++) {
    const dependsOn = new Set<string>();
    if (i > 0) {
      const count = 1 + pick(3);
      for (let k = 0; k < count; k++) dependsOn.add(environments[pick(i)]!.name);
    }
    const progress = i / size;
    const status: Status = progress < 0.35 ? 'succeeded' : progress < 0.42 ? 'running' : 'pending';
    const stepStatus: Status = status === 'running' ? 'running' : status;
    const began = status === 'pending' ? undefined : new Date(start + i * 20_000).toISOString();
    const ended = status === 'succeeded' ? new Date(start + i * 20_000 + 240_000).toISOString() : undefined;
    const steps = (count: number) =>
      Array.from({ length: count }, (_, k) => ({ name: STEP_NAMES[(i + k) % STEP_NAMES.length]!, status: stepStatus, runs: [] }));
    environments.push({
      name: `${WORDS[pick(WORDS.length)]}-${SITES[pick(SITES.length)]}-${String(i).padStart(4, '0')}`,
      kind: next() < 0.3 ? 'production' : 'non-production',
      dependsOn: [...dependsOn],
      status,
      ...(began ? { startedAt: began } : {}),
      ...(ended ? { finishedAt: ended } : {}),
      workflows: { trigger: [], preAction: steps(pick(3)), postAction: steps(pick(2)) },
      applications: Array.from({ length: 1 + pick(3) }, (_, k) => ({
        name: `app-${k}`,
        sync: status === 'succeeded' ? ('synced' as const) : ('out-of-sync' as const),
        health: status === 'succeeded' ? ('healthy' as const) : ('progressing' as const),
      })),
      issues: next() < 0.05 ? [{ kind: 'application' as const, level: 'warning' as const, message: 'Drift detected' }] : [],
    });
  }
  return {
    id: `dag-${size}`,
    product: 'platform',
    flow: { name: 'random-dag' },
    status: 'running',
    trigger: { kind: 'git-commit', environment: environments[0]!.name },
    createdAt: new Date(start).toISOString(),
    environments,
  };
}

/** The same release with one environment renamed (and every reference to it): a new structure. */
function renamed(release: Release, from: string, suffix: string): Release {
  const to = `${from}-${suffix}`;
  const rename = (name: string) => (name === from ? to : name);
  return {
    ...release,
    trigger: release.trigger.environment === from ? { ...release.trigger, environment: to } : release.trigger,
    environments: release.environments.map((e) => (e.name === from || e.dependsOn.includes(from) ? { ...e, name: rename(e.name), dependsOn: e.dependsOn.map(rename) } : e)),
  };
}

const sources = new Map<string, Release>();
function sourceRelease(source: Source): Release {
  const key = `${source.kind}:${source.size}`;
  let release = sources.get(key);
  if (!release) {
    release = source.kind === 'fleet' ? sampleRelease({ shape: 'fleet', size: source.size, state: 'running' }) : randomDag(source.size, 7);
    sources.set(key, release);
  }
  return release;
}

/**
 * A structurally new release of `source` for each mount, so no layout comes from the cache: in a
 * fleet, `staging` is renamed (an environment in no group, so a node of its own in every mode: a
 * renamed store would hide inside its closed group, whose layout is cached); in a DAG, the last
 * environment.
 */
function freshRelease(source: Source, suffix: string): Release {
  const release = sourceRelease(source);
  const from = source.kind === 'fleet' ? 'staging' : release.environments[release.environments.length - 1]!.name;
  return renamed(release, from, suffix);
}

/** Snapshots of a 2,000-store fleet as it runs: ~100 stores change between most of them. */
function fleetSnapshots(): Generator<Release, void, undefined> {
  return simulatePromotion(sampleFlow('fleet', 1, 2000), { step: 180_000, parallel: 100, structuralSharing: true });
}

/** How many environments are other objects than in `before` (the simulation shares unchanged ones). */
const changedCount = (before: Release, after: Release) => after.environments.filter((e, i) => e !== before.environments[i]).length;

// ---------------------------------------------------------------------------------------------
// Page helpers.


// Main-thread tasks over 50 ms, as the browser reports them.
const longTasks: PerformanceEntry[] = [];
const longTaskSupport = PerformanceObserver.supportedEntryTypes.includes('longtask');
if (longTaskSupport) new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask' });

/** The long tasks that overlap [from, to], once the browser has reported them. */
async function longTasksIn(from: number, to: number): Promise<{ count: number; longest: number }> {
  // Entries are queued after their task ends and delivered in a later one.
  await sleep(60);
  const inside = longTasks.filter((entry) => entry.startTime < to && entry.startTime + entry.duration > from);
  longTasks.length = 0;
  return { count: inside.length, longest: inside.reduce((max, entry) => Math.max(max, entry.duration), 0) };
}

/**
 * A requestAnimationFrame heartbeat: the longest gap between two frames that spans part of
 * [from, to] is how long the page could not draw (nor answer input) in that time.
 */
function heartbeat() {
  const beats: number[] = [];
  let running = true;
  const tick = () => {
    beats.push(performance.now());
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    stop(from: number, to: number): number {
      running = false;
      let longest = 0;
      for (let i = 1; i < beats.length; i++) {
        if (beats[i]! > from && beats[i - 1]! < to) longest = Math.max(longest, beats[i]! - beats[i - 1]!);
      }
      return longest;
    },
  };
}

/**
 * The graph is shown: React Flow's nodes are in the page and nothing in the graph is busy. Today
 * the layout runs inside the render, so this holds right after the commit; once big layouts run in
 * a worker, the graph's root carries `aria-busy="true"` (and a skeleton) until the nodes arrive.
 */
function isShown(container: HTMLElement, also?: () => boolean): boolean {
  return container.querySelector('.react-flow__node') !== null && container.querySelector('[aria-busy="true"]') === null && (also?.() ?? true);
}

/** When the graph in `container` is shown (now, or once a mutation makes it so). */
function whenShown(container: HTMLElement, also?: () => boolean): Promise<number> {
  if (isShown(container, also)) return Promise.resolve(performance.now());
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      observer.disconnect();
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(performance.now());
    };
    const observer = new MutationObserver(() => {
      if (isShown(container, also)) done();
    });
    observer.observe(container, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
    const timer = setTimeout(() => done(new Error(`the graph did not show within ${SHOW_TIMEOUT_MS / 1000} s`)), SHOW_TIMEOUT_MS);
  });
}

interface Mounted {
  container: HTMLDivElement;
  render: (release: Release, extra?: Partial<ReleaseGraphProps>) => void;
  counts: () => { nodes: number; edges: number; elements: number; tiles: number };
  unmount: () => void;
}

function mountPoint(mode: Mode): Mounted {
  const container = document.createElement('div');
  container.className = 'bench-host';
  document.body.append(container);
  const root: Root = createRoot(container);
  return {
    container,
    render: (release, extra) => flushSync(() => root.render(view(mode, release, extra))),
    counts: () => ({
      nodes: container.querySelectorAll('.react-flow__node').length,
      edges: container.querySelectorAll('.react-flow__edge').length,
      elements: container.querySelectorAll('*').length,
      tiles: container.querySelectorAll('.gr-release-graph__tile').length,
    }),
    unmount: () => {
      flushSync(() => root.unmount());
      container.remove();
    },
  };
}

let mountCounter = 0;
const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

interface MountRun {
  /** flushSync(render) until shown, then two animation frames. */
  total: number;
  /** The flushSync part alone. */
  commit: number;
  /** flushSync(render) until the graph is shown (nodes in the page, nothing busy). */
  shown: number;
  longTasks: number;
  longestTask: number;
  /** The longest gap of a requestAnimationFrame heartbeat during the mount. */
  longestFrameGap: number;
  nodes: number;
  edges: number;
  elements: number;
}

const api = {
  ready: true as const,

  info() {
    return {
      react: reactVersion,
      // React elements carry `_store` only in React's development build.
      reactBuild: '_store' in (createElement('div') as object) ? 'development' : 'production',
      userAgent: navigator.userAgent,
      cores: navigator.hardwareConcurrency,
      gc: typeof (window as { gc?: unknown }).gc === 'function',
      preciseMemory: 'memory' in performance,
      longTasks: longTaskSupport,
    };
  },

  /**
   * Cold mounts: each run renders a structurally new release, so the layout runs dagre every
   * time. Time from flushSync(render) until the graph is shown, then two animation frames; a fresh
   * root per run, unmounted and garbage-collected between runs.
   */
  async mount(source: Source, mode: Mode, runs: number, warmups: number) {
    const results: MountRun[] = [];
    const before = layoutCacheStats();
    for (let i = 0; i < warmups + runs; i++) {
      const release = freshRelease(source, `run${++mountCounter}`);
      const mounted = mountPoint(mode);
      await heap();
      const beat = heartbeat();
      await frames(2);
      longTasks.length = 0;
      performance.mark('bench:mount:start');
      const t0 = performance.now();
      mounted.render(release);
      const t1 = performance.now();
      const shown = await whenShown(mounted.container);
      await frames(2);
      const t2 = performance.now();
      performance.mark('bench:mount:end');
      const longestFrameGap = beat.stop(t0, t2);
      const tasks = await longTasksIn(t0, t2);
      if (i >= warmups) {
        const { nodes, edges, elements } = mounted.counts();
        results.push({ total: t2 - t0, commit: t1 - t0, shown: shown - t0, longTasks: tasks.count, longestTask: tasks.longest, longestFrameGap, nodes, edges, elements });
      }
      mounted.unmount();
    }
    const after = layoutCacheStats();
    return { runs: results, mounts: warmups + runs, dagreRuns: after.computed - before.computed, environments: sourceRelease(source).environments.length };
  },

  /**
   * Status updates on a mounted 2,000-store graph: the snapshots of a simulated rollout (same
   * structure; unchanged environments are the same objects), each committed with flushSync and
   * timed around it, one untimed frame between updates. The snapshots play in turn (back to the
   * first, untimed, after the last); after `warmup` updates, those where 50 to 200 stores changed
   * are kept, until `count` are or `budgetMs` has passed (with at least 10 kept).
   */
  async updates(mode: Mode, warmup: number, count: number, budgetMs: number) {
    const snapshots = [...fleetSnapshots()];
    const mounted = mountPoint(mode);
    mounted.render(snapshots[0]!);
    await whenShown(mounted.container);
    await frames(3);
    await sleep(300);
    const drawn = mounted.counts();
    const before = layoutCacheStats();
    const commit: number[] = [];
    const withLayout: number[] = [];
    const changed: number[] = [];
    let longTaskCount = 0;
    let longestTask = 0;
    let start = Number.NaN;
    for (let k = 1; commit.length < count; k++) {
      const at = k % snapshots.length;
      if (at === 0) {
        // The rollout starts over: every store changes at once, which is not the case measured.
        mounted.render(snapshots[0]!);
        continue;
      }
      if (k === warmup) start = performance.now();
      if (k > warmup && commit.length >= 10 && performance.now() - start > budgetMs) break;
      const next = snapshots[at]!;
      const stores = changedCount(snapshots[at - 1]!, next);
      await frames(1);
      longTasks.length = 0;
      const t0 = performance.now();
      mounted.render(next);
      const t1 = performance.now();
      // Style and layout of what the commit changed, forced here to see their cost.
      void document.body.offsetHeight;
      const t2 = performance.now();
      if (k < warmup || stores < 50 || stores > 200) continue;
      commit.push(t1 - t0);
      withLayout.push(t2 - t0);
      changed.push(stores);
      const tasks = await longTasksIn(t0, t2);
      longTaskCount += tasks.count;
      longestTask = Math.max(longestTask, tasks.longest);
    }
    const after = layoutCacheStats();
    await frames(2);
    const end = mounted.counts();
    mounted.unmount();
    return { commit, withLayout, changed, longTasks: longTaskCount, longestTask, drawn, end, dagreRuns: after.computed - before.computed, snapshots: snapshots.length };
  },

  /**
   * Opening wave-1 of a 5,000-store fleet grouped by wave (250 stores directly in it: a grid of
   * 250 tiles), either as the host does (a controlled `expandedGroups` change, flushSync) or as a
   * reader does (a click on the group's node). Each run mounts a structurally new release first
   * (not timed), so opening lays out the new fold with dagre once. Time from the change until the
   * grid's 250 tiles are in the page and nothing is busy, then two animation frames.
   */
  async expand(how: 'prop' | 'click', runs: number, warmups: number) {
    const source: Source = { kind: 'fleet', size: 5000 };
    const group = 'wave-1';
    const members = sourceRelease(source).environments.filter((e) => e.group?.split('/', 1)[0] === group).length;
    const results: Array<MountRun & { tiles: number; dagreRuns: number }> = [];
    for (let i = 0; i < warmups + runs; i++) {
      const release = freshRelease(source, `expand${++mountCounter}`);
      const mounted = mountPoint('waves');
      const controlled = how === 'prop' ? { expandedGroups: [] as string[] } : {};
      mounted.render(release, controlled);
      await whenShown(mounted.container);
      await frames(2);
      await heap();
      const node = mounted.container.querySelector<HTMLElement>(`.gr-release-graph__group[aria-label^="${group},"]`);
      if (!node) throw new Error(`no node for group ${group}`);
      const beat = heartbeat();
      await frames(2);
      longTasks.length = 0;
      const before = layoutCacheStats();
      performance.mark('bench:expand:start');
      const t0 = performance.now();
      if (how === 'prop') mounted.render(release, { expandedGroups: [group] });
      else node.click();
      const t1 = performance.now();
      const shown = await whenShown(mounted.container, () => mounted.container.querySelectorAll('.gr-release-graph__tile').length >= members);
      await frames(2);
      const t2 = performance.now();
      performance.mark('bench:expand:end');
      const after = layoutCacheStats();
      const longestFrameGap = beat.stop(t0, t2);
      const tasks = await longTasksIn(t0, t2);
      if (i >= warmups) {
        const { nodes, edges, elements, tiles } = mounted.counts();
        results.push({
          total: t2 - t0,
          commit: t1 - t0,
          shown: shown - t0,
          longTasks: tasks.count,
          longestTask: tasks.longest,
          longestFrameGap,
          nodes,
          edges,
          elements,
          tiles,
          dagreRuns: after.computed - before.computed,
        });
      }
      mounted.unmount();
    }
    return { runs: results, members };
  },

  /**
   * Many status updates on one mounted 2,000-store grouped graph: successive snapshots of the
   * simulated rollout (it starts over when it ends: a new object tree each time), in flushSync
   * batches with a yield to the event loop between batches; heap after GC at warm-up, every 2,500
   * updates and at the end. Stops early (at a batch boundary, after the warm-up) once the soak has
   * run for `budgetMs` (0: never).
   */
  async soak(total: number, warmup: number, batch: number, budgetMs: number) {
    let generator = fleetSnapshots();
    let cycles = 0;
    const nextSnapshot = (): Release => {
      let result = generator.next();
      if (result.done) {
        cycles += 1;
        generator = fleetSnapshots();
        result = generator.next();
      }
      return result.value as Release;
    };
    const mounted = mountPoint('grouped');
    mounted.render(nextSnapshot());
    await whenShown(mounted.container);
    await frames(3);
    const before = layoutCacheStats();
    const groupsBefore = groupCacheStats();
    const result = await soak({ total, warmup, batch, budgetMs, next: nextSnapshot, render: mounted.render });
    const after = layoutCacheStats();
    const groupsAfter = groupCacheStats();
    const counts = mounted.counts();
    mounted.unmount();
    return {
      ...result,
      cycles,
      counts,
      dagreRuns: after.computed - before.computed,
      groupStructures: groupsAfter.computed - groupsBefore.computed,
    };
  },

  /**
   * Where a mount's and an update's time goes, outside React: the headless parts alone, as
   * ReleaseGraph's memo runs them (grouping, fold + dagre, the flow model's patch), cold (a new
   * structure each time) for mounts and warm for status updates.
   */
  async breakdown(reps: number) {
    // Cold parts start after a full collection, so that none pays for the garbage of the one
    // before; warm ones (many in a row, as live updates come) do not: a forced collection shrinks
    // the young generation, and the next allocations then pay for scavenges an update never sees.
    const part = (fn: () => void, collect = false) => {
      if (collect) gc();
      const t0 = performance.now();
      fn();
      return performance.now() - t0;
    };
    const cold: Array<Record<string, number | string>> = [];
    const cases: Array<[Source, Mode]> = [
      [{ kind: 'fleet', size: 2000 }, 'grouped'],
      [{ kind: 'fleet', size: 5000 }, 'grouped'],
      [{ kind: 'fleet', size: 2000 }, 'flat'],
      [{ kind: 'dag', size: 300 }, 'grouped'],
      [{ kind: 'dag', size: 1000 }, 'grouped'],
    ];
    for (const [source, mode] of cases) {
      const options: GroupedLayoutOptions = { direction: 'LR', groups: { ...grouping(mode), expanded: [] } };
      const groupingMs: number[] = [];
      const layoutMs: number[] = [];
      const patchMs: number[] = [];
      let units = 0;
      // The flat 2,000-store layout takes seconds: one run of it.
      const count = mode === 'flat' ? 1 : reps;
      for (let i = 0; i < count; i++) {
        const release = freshRelease(source, `breakdown${++mountCounter}`);
        const shown = collapseDownstream(release, new Set());
        groupingMs.push(part(() => groupReleaseEnvironments(shown.release, options.groups), true));
        // A second new structure, so the layout's own grouping is cold too.
        const other = collapseDownstream(freshRelease(source, `breakdown${++mountCounter}`), new Set()).release;
        let layout: GroupedReleaseGraphLayout | undefined;
        layoutMs.push(part(() => (layout = layoutReleaseGraph(other, options)), true));
        const model = createFlowModel();
        patchMs.push(part(() => model.patch(layout!, shown.hidden, nameEdge), true));
        units = layout!.nodes.length;
        await sleep(0);
      }
      cold.push({
        case: `${source.kind === 'fleet' ? `fleet of ${source.size} stores` : `random DAG of ${source.size}`}, ${mode}`,
        units,
        'grouping ms': medianOf(groupingMs),
        'layout ms (grouping, fold, dagre)': medianOf(layoutMs),
        'dagre and fold ms (layout - grouping)': medianOf(layoutMs) - medianOf(groupingMs),
        'flow-model patch ms': medianOf(patchMs),
      });
    }

    // A status update of the mounted 2,000-store grouped graph, outside React.
    const snapshots = [...fleetSnapshots()];
    const model = createFlowModel();
    const options: GroupedLayoutOptions = { direction: 'LR', groups: { expanded: [] } };
    let previous = model.patch(layoutReleaseGraph(snapshots[0]!, options), new Map(), nameEdge);
    const warmGrouping: number[] = [];
    const warmLayout: number[] = [];
    const warmPatch: number[] = [];
    const replaced: number[] = [];
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 1; i < snapshots.length; i++) {
        const count = changedCount(snapshots[i - 1]!, snapshots[i]!);
        const g = part(() => groupReleaseEnvironments(snapshots[i]!, options.groups));
        let layout: GroupedReleaseGraphLayout | undefined;
        // A copy of the snapshot (the same environments): the snapshot itself would get back the
        // grouping just made, and the layout's own grouping would not be measured.
        const copy = { ...snapshots[i]! };
        const l = part(() => (layout = layoutReleaseGraph(copy, options)));
        let next: typeof previous | undefined;
        const p = part(() => (next = model.patch(layout!, new Map(), nameEdge)));
        if (pass === 1 && count >= 50 && count <= 200) {
          warmGrouping.push(g);
          warmLayout.push(l);
          warmPatch.push(p);
          replaced.push(next!.nodes.filter((node, k) => node !== previous.nodes[k]).length);
        }
        previous = next!;
      }
    }
    return {
      cold,
      update: {
        updates: warmGrouping.length,
        groupingMs: medianOf(warmGrouping),
        layoutMs: medianOf(warmLayout),
        patchMs: medianOf(warmPatch),
        nodesReplaced: medianOf(replaced),
        nodes: previous.nodes.length,
      },
    };
  },
};

export type FleetBenchApi = typeof api;

// Not declared on Window: bench/graph/main.tsx declares its own __bench type there.
(window as unknown as { __bench: FleetBenchApi }).__bench = api;

// The page bench/graph/run.mjs drives in Chromium: ReleaseGraph (from source) and a straightforward
// baseline, with the measurements as window.__bench functions. Every loop runs here, in the page,
// so no DevTools round trip lands inside a timing.
import { createElement, version as reactVersion, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { ReactFlow, ReactFlowProvider, type EdgeTypes, type NodeTypes } from '@xyflow/react';
import {
  collapseDownstream,
  layoutCacheStats,
  layoutReleaseGraph,
  sampleFlow,
  sampleRelease,
  simulatePromotion,
  type Release,
} from 'gitops-releases/headless';
import { ReleaseGraph, ReleasesProvider } from '../../src';
import { GraphContext, type GraphContextValue } from '../../src/components/ReleaseGraph/context';
import { CollapsedNode, EnvironmentNode } from '../../src/components/ReleaseGraph/EnvironmentNode';
import { PromotionEdge } from '../../src/components/ReleaseGraph/PromotionEdge';
import { createFlowModel, type EnvironmentFlowNode, type PromotionFlowEdge } from '../../src/components/ReleaseGraph/flow-model';
import { frames, nameEdge, heap, sleep, soak } from '../page';
import '../../src/styles/index.css';

const HEIGHT = 800;
/** The snapshots of the status-update runs: one 300-environment release as it runs. */
const SIMULATION_SEED = 3;

// ---------------------------------------------------------------------------------------------
// Baseline: what a straightforward implementation does on every render: run dagre again and
// build brand-new React Flow nodes and edges for everything (no patching), drawn with the same
// node and edge components and the same viewport settings as ReleaseGraph.

const baselineNodeTypes: NodeTypes = { environment: EnvironmentNode, collapsed: CollapsedNode };
const baselineEdgeTypes: EdgeTypes = { promotion: PromotionEdge };
const noop = () => {};
let salt = 0;

/** A layout that always runs dagre: the spacing option is part of the structure key. */
function uncachedLayout(release: Release) {
  return layoutReleaseGraph(release, { nodeSpacing: 40 + (salt++ % 1000) / 1e6 });
}

function BaselineGraph({ release, height }: { release: Release; height: number }) {
  const layout = uncachedLayout(release);
  const dependents = new Set(layout.edges.map((edge) => edge.source));
  const nodes: EnvironmentFlowNode[] = layout.nodes.map((placed) => ({
    id: placed.id,
    type: 'environment',
    position: placed.position,
    width: placed.width,
    height: placed.height,
    data: { environment: placed.data.environment, rank: placed.data.rank, hasDependents: dependents.has(placed.id) },
    draggable: false,
    connectable: false,
    selectable: false,
    focusable: false,
  }));
  const edges: PromotionFlowEdge[] = layout.edges.map((placed) => ({
    id: placed.id,
    source: placed.source,
    target: placed.target,
    type: 'promotion',
    data: { state: placed.data.state, action: 'none', points: placed.data.points },
  }));
  // A stable context value: the baseline is not slowed down by context changes.
  const [context] = useState<GraphContextValue>(() => ({
    direction: 'LR',
    activeId: release.trigger?.environment ?? layout.nodes[0]?.id,
    selectedId: null,
    matches: undefined,
    matchedGroups: undefined,
    triggerEnvironment: release.trigger?.environment ?? '',
    select: noop,
    open: noop,
    selectStep: noop,
    toggleCollapsed: noop,
    toggleGroup: noop,
    focusGroupAround: noop,
    grouped: false,
    nodeClassName: undefined,
    edgeClassName: undefined,
  }));
  // Same zoom floor as ReleaseGraph, so fitView shows the whole graph in both (same node count drawn).
  const minZoom = Math.max(0.02, Math.min(0.5, 0.8 * Math.min(800 / Math.max(layout.width, 1), height / Math.max(layout.height, 1))));
  return (
    <div className="gr-release-graph" style={{ height }} data-direction="LR">
      <ReactFlowProvider>
        <GraphContext.Provider value={context}>
          <div className="gr-release-graph__canvas">
            <ReactFlow
              nodes={nodes}
              edges={edges}
              nodeTypes={baselineNodeTypes}
              edgeTypes={baselineEdgeTypes}
              nodesDraggable={false}
              nodesConnectable={false}
              nodesFocusable={false}
              edgesFocusable={false}
              elementsSelectable={false}
              onlyRenderVisibleElements={nodes.length >= 60}
              minZoom={minZoom}
              maxZoom={2}
              fitView
              fitViewOptions={{ padding: 0.1, maxZoom: 1 }}
            />
          </div>
        </GraphContext.Provider>
      </ReactFlowProvider>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

type Kind = 'ours' | 'baseline';

function view(kind: Kind, release: Release) {
  return (
    <ReleasesProvider>
      {/* layoutWorker={false}: the layout in the commit, as the baseline does it (bench/fleet times the worker). */}
      {kind === 'ours' ? <ReleaseGraph release={release} height={HEIGHT} layoutWorker={false} /> : <BaselineGraph release={release} height={HEIGHT} />}
    </ReleasesProvider>
  );
}


interface Mounted {
  container: HTMLDivElement;
  root: Root;
  render: (release: Release) => void;
  counts: () => { nodes: number; edges: number };
  unmount: () => void;
}

function mountPoint(kind: Kind): Mounted {
  const container = document.createElement('div');
  container.className = 'bench-host';
  document.body.append(container);
  const root = createRoot(container);
  return {
    container,
    root,
    render: (release) => flushSync(() => root.render(view(kind, release))),
    counts: () => ({
      nodes: container.querySelectorAll('.react-flow__node').length,
      edges: container.querySelectorAll('.react-flow__edge').length,
    }),
    unmount: () => {
      flushSync(() => root.unmount());
      container.remove();
    },
  };
}

/** The same release with one environment renamed (and every reference to it): a new structure. */
function renamed(release: Release, suffix: string): Release {
  const from = release.environments[release.environments.length - 1]!.name;
  const to = `${from}-${suffix}`;
  const rename = (name: string) => (name === from ? to : name);
  return {
    ...release,
    trigger: release.trigger?.environment === from ? { ...release.trigger, environment: to } : release.trigger,
    environments: release.environments.map((e) => ({ ...e, name: rename(e.name), dependsOn: e.dependsOn.map(rename) })),
  };
}

function snapshots(seed: number) {
  let generator = simulatePromotion(sampleFlow('huge'), { seed });
  let cycles = 0;
  return {
    /** The next snapshot; starts the simulation over when it ends (same structure). */
    next(): Release {
      let result = generator.next();
      if (result.done) {
        cycles += 1;
        generator = simulatePromotion(sampleFlow('huge'), { seed });
        result = generator.next();
      }
      return result.value as Release;
    },
    cycles: () => cycles,
  };
}

let mountCounter = 0;

// ---------------------------------------------------------------------------------------------
// Render counting for the breakdown (page loaded with ?diagnose only): index.html then installs a
// minimal React DevTools hook, which React calls after every commit, also in production builds.

interface Fiber {
  elementType: unknown;
  /** For a memo component: the function inside. */
  type: unknown;
  memoizedProps: { id?: string } | null;
  memoizedState: unknown;
  child: Fiber | null;
  sibling: Fiber | null;
}

/** Which nodes and edges rendered in each commit: a rendered fiber has new hook state / props. */
function renderCounter() {
  const seen = new Map<string, unknown>();
  const nodeProps = new Map<string, Record<string, unknown>>();
  const counts = { nodes: 0, edges: 0, nodeWrappers: 0, edgeWrappers: 0 };
  /** Why EnvironmentNode rendered again: the props that changed, else context or its own hook state. */
  let reasons: Record<string, number> = {};
  const noteReason = (fiber: Fiber) => {
    const id = fiber.memoizedProps?.id ?? '';
    const next = (fiber.memoizedProps ?? {}) as Record<string, unknown>;
    const previous = nodeProps.get(id);
    nodeProps.set(id, next);
    if (!previous) return void (reasons.mount = (reasons.mount ?? 0) + 1);
    const changed = Object.keys(next).filter((key) => next[key] !== previous[key]);
    for (const key of changed.length > 0 ? changed : ['context-or-state']) reasons[key] = (reasons[key] ?? 0) + 1;
  };
  // Components with hooks get a new hook list when they render; the memo'd edge has none, so its
  // props object tells (a bailed-out memo keeps the old one). React Flow's wrappers by name: its
  // pre-bundled code is not minified.
  const rendered = (kind: keyof typeof counts, fiber: Fiber, value: unknown) => {
    const key = `${kind}:${fiber.memoizedProps?.id ?? ''}`;
    if (seen.get(key) !== value) {
      counts[kind] += 1;
      if (kind === 'nodes') noteReason(fiber);
    }
    seen.set(key, value);
  };
  const onCommit = (root: { current: Fiber }) => {
    const stack: Fiber[] = [root.current];
    while (stack.length > 0) {
      const fiber = stack.pop()!;
      const name = typeof fiber.type === 'function' ? fiber.type.name : '';
      if (fiber.elementType === EnvironmentNode) rendered('nodes', fiber, fiber.memoizedState);
      else if (fiber.elementType === PromotionEdge) rendered('edges', fiber, fiber.memoizedProps);
      else if (name === 'NodeWrapper') rendered('nodeWrappers', fiber, fiber.memoizedState);
      else if (name === 'EdgeWrapper') rendered('edgeWrappers', fiber, fiber.memoizedState);
      if (fiber.sibling) stack.push(fiber.sibling);
      if (fiber.child) stack.push(fiber.child);
    }
  };
  return {
    start: () => {
      window.__benchOnCommit = onCommit;
    },
    stop: () => {
      window.__benchOnCommit = undefined;
    },
    take: () => {
      const result = { ...counts, reasons };
      counts.nodes = counts.edges = counts.nodeWrappers = counts.edgeWrappers = 0;
      reasons = {};
      return result;
    },
  };
}

const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

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
    };
  },

  /**
   * Cold mounts: each run renders a structurally new release (one environment renamed), so the
   * layout runs dagre every time. Time from flushSync(render) until two animation frames later.
   */
  async mount(shape: 'large' | 'huge', runs: number, warmups: number) {
    const total: number[] = [];
    const commit: number[] = [];
    const counts: Array<{ nodes: number; edges: number }> = [];
    const elements: Array<{ all: number; discarded: number }> = [];
    const before = layoutCacheStats();
    for (let i = 0; i < warmups + runs; i++) {
      const release = renamed(sampleRelease({ shape, state: 'running' }), `run${++mountCounter}`);
      const mounted = mountPoint('ours');
      await heap();
      await frames(1);
      // What the mount draws: each environment once, compact (box, name, status colour), is the
      // goal; not in full detail at React Flow's default zoom first, then compact when fitted.
      // Counted as elements entering the page; an attribute change is not counted.
      const created = new Set<Element>();
      const observer = new MutationObserver((records) => {
        for (const record of records)
          for (const added of record.addedNodes) if (added instanceof Element) for (const element of [added, ...added.querySelectorAll('*')]) created.add(element);
      });
      observer.observe(mounted.container, { childList: true, subtree: true });
      // Marks show the measured window in a DevTools performance recording or a trace.
      performance.mark('bench:mount:start');
      const t0 = performance.now();
      mounted.render(release);
      const t1 = performance.now();
      await frames(2);
      const t2 = performance.now();
      performance.mark('bench:mount:end');
      observer.disconnect();
      if (i >= warmups) {
        total.push(t2 - t0);
        commit.push(t1 - t0);
        counts.push(mounted.counts());
        elements.push({
          all: created.size,
          // Created and removed again within the mount: drawn for nothing.
          discarded: [...created].filter((element) => !element.isConnected).length,
        });
      }
      mounted.unmount();
    }
    const after = layoutCacheStats();
    return { total, commit, counts, elements, environments: sampleRelease({ shape, state: 'running' }).environments.length, dagreRuns: after.computed - before.computed };
  },

  /**
   * Status updates on the mounted 300-environment graph: successive snapshots of one running
   * release (same structure), each committed with flushSync and timed around it. A frame passes
   * between updates (not timed) so the browser paints and React Flow measures as it would live.
   */
  async updates(kind: Kind, count: number, warmup: number, skip: number) {
    const source = snapshots(SIMULATION_SEED);
    for (let i = 0; i < skip; i++) source.next();
    const mounted = mountPoint(kind);
    mounted.render(source.next());
    await frames(3);
    await sleep(300);
    const drawn = mounted.counts();
    const before = layoutCacheStats();
    const commit: number[] = [];
    const withLayout: number[] = [];
    for (let i = 0; i < warmup + count; i++) {
      const next = source.next();
      await frames(1);
      const t0 = performance.now();
      mounted.render(next);
      const t1 = performance.now();
      // Style and layout of what the commit changed, forced here to see their cost.
      void document.body.offsetHeight;
      const t2 = performance.now();
      if (i >= warmup) {
        commit.push(t1 - t0);
        withLayout.push(t2 - t0);
      }
    }
    const after = layoutCacheStats();
    await frames(2);
    const end = mounted.counts();
    mounted.unmount();
    return { commit, withLayout, drawn, end, dagreRuns: after.computed - before.computed, cacheHits: after.reused - before.reused };
  },

  /**
   * Many status updates on one mounted 300-environment ReleaseGraph, in flushSync batches with a
   * yield to the event loop between batches; heap after GC at warm-up, every 2,500 updates and at
   * the end. Stops early (at a batch boundary, after the warm-up) once the soak has run for
   * `budgetMs` (0: never), so a slow build cannot hold the run for many minutes.
   */
  async soak(total: number, warmup: number, batch: number, budgetMs: number) {
    const source = snapshots(SIMULATION_SEED);
    const mounted = mountPoint('ours');
    mounted.render(source.next());
    await frames(3);
    const before = layoutCacheStats();
    const result = await soak({ total, warmup, batch, budgetMs, next: source.next, render: mounted.render });
    const after = layoutCacheStats();
    const counts = mounted.counts();
    mounted.unmount();
    return {
      ...result,
      cycles: source.cycles(),
      counts,
      dagreRuns: after.computed - before.computed,
    };
  },

  /**
   * Where a status update's time goes (page loaded with ?diagnose): the headless part of
   * GraphModel's memo alone, how many node/edge objects the patch replaced, how many node and
   * edge components React rendered, and an update that changes nothing (a new release object
   * holding the very same environment objects).
   */
  async breakdown(count: number, skip: number) {
    const source = snapshots(SIMULATION_SEED);
    for (let i = 0; i < skip; i++) source.next();
    const releases = Array.from({ length: count + 1 }, () => source.next());

    // 1. The headless part of GraphModel's memo, as it runs there (cached layout, then patch).
    const model = createFlowModel();
    const none = new Set<string>();
    const shownFirst = collapseDownstream(releases[0]!, none);
    let previous = model.patch(layoutReleaseGraph(shownFirst.release, { direction: 'LR' }), shownFirst.hidden, nameEdge);
    const layoutMs: number[] = [];
    const patchMs: number[] = [];
    const changedNodes: number[] = [];
    const changedEdges: number[] = [];
    const changedEnvironments: number[] = [];
    for (let i = 1; i <= count; i++) {
      const t0 = performance.now();
      const shown = collapseDownstream(releases[i]!, none);
      const laidOut = layoutReleaseGraph(shown.release, { direction: 'LR' });
      const t1 = performance.now();
      const next = model.patch(laidOut, shown.hidden, nameEdge);
      const t2 = performance.now();
      layoutMs.push(t1 - t0);
      patchMs.push(t2 - t1);
      changedNodes.push(next.nodes.filter((node, k) => node !== previous.nodes[k]).length);
      changedEdges.push(next.edges.filter((edge, k) => edge !== previous.edges[k]).length);
      const before = releases[i - 1]!.environments;
      changedEnvironments.push(releases[i]!.environments.filter((e, k) => JSON.stringify(e) !== JSON.stringify(before[k])).length);
      previous = next;
    }

    // 2. Parts of a cold mount: dagre alone, and the date formatters the nodes build (one per
    // node: useDateFormatter memoizes per component instance).
    const coldLayoutMs: number[] = [];
    const huge = sampleRelease({ shape: 'huge', state: 'running' });
    for (let i = 0; i < 3; i++) {
      const fresh = renamed(huge, `breakdown${++mountCounter}`);
      const t0 = performance.now();
      layoutReleaseGraph(fresh, { direction: 'LR' });
      coldLayoutMs.push(performance.now() - t0);
    }
    const formattersMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      for (let k = 0; k < huge.environments.length; k++) {
        new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: undefined }).format(0);
      }
      formattersMs.push(performance.now() - t0);
    }

    // 3. Renders in a mount and per update of the mounted ReleaseGraph (counted, not timed).
    const counter = renderCounter();
    counter.start();
    const mounted = mountPoint('ours');
    mounted.render(releases[0]!);
    await frames(3);
    await sleep(300);
    const mountRenders = counter.take();
    const domElements = mounted.container.querySelectorAll('*').length;
    const viewport = mounted.container.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
    const zoom = Number(/scale\(([\d.]+)\)/.exec(viewport)?.[1] ?? Number.NaN);
    const renders: Array<ReturnType<typeof counter.take>> = [];
    for (let i = 1; i <= count; i++) {
      mounted.render(releases[i]!);
      await frames(1);
      renders.push(counter.take());
    }

    // 4. An update that changes nothing: new release object, same environment objects.
    const last = releases[count]!;
    const noChangeRenders: number[] = [];
    for (let i = 0; i < 5; i++) {
      mounted.render({ ...last });
      await frames(1);
      noChangeRenders.push(counter.take().nodes);
    }
    counter.stop();
    const noChangeMs: number[] = [];
    for (let i = 0; i < 30; i++) {
      await frames(1);
      const t0 = performance.now();
      mounted.render({ ...last });
      noChangeMs.push(performance.now() - t0);
    }
    const drawn = mounted.counts();
    mounted.unmount();
    return {
      updates: count,
      drawn,
      coldLayoutMs: medianOf(coldLayoutMs),
      formattersMs: medianOf(formattersMs),
      mountRenders,
      domElements,
      zoom,
      layoutMs: medianOf(layoutMs),
      patchMs: medianOf(patchMs),
      changedEnvironments: medianOf(changedEnvironments),
      changedNodes: medianOf(changedNodes),
      changedEdges: medianOf(changedEdges),
      nodeRenders: medianOf(renders.map((r) => r.nodes)),
      nodeRenderReasons: renders.reduce<Record<string, number>>((all, r) => {
        for (const [key, n] of Object.entries(r.reasons)) all[key] = (all[key] ?? 0) + n;
        return all;
      }, {}),
      edgeRenders: medianOf(renders.map((r) => r.edges)),
      nodeWrapperRenders: medianOf(renders.map((r) => r.nodeWrappers)),
      edgeWrapperRenders: medianOf(renders.map((r) => r.edgeWrappers)),
      noChangeRenders: medianOf(noChangeRenders),
      noChangeMs: medianOf(noChangeMs),
    };
  },
};

export type BenchApi = typeof api;

declare global {
  interface Window {
    __bench?: BenchApi;
    /** Called by the DevTools hook shim of index.html after every React commit (?diagnose). */
    __benchOnCommit?: (root: { current: Fiber }) => void;
  }
}

window.__bench = api;

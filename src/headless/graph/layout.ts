import type { EnvironmentStep, Release } from '../model/types';
import { environmentNodeSize, groupNodeSize, tilesNodeSize } from './node-size';
import { edgeState, type EdgeState } from './edge-state';
import { topologicalOrder } from './validate';
import { computeGeometry, layoutCost, longestPathRanks, type Geometry, type GeometryInput, type LayoutDirection, type Point } from './geometry';
import { abortError, requestGeometry, type LayoutWorkerOption } from './worker-client';
import { environmentIndex, foldReleaseGroups, groupReleaseEnvironments, isGroupingCached, prepareGroupingStructure } from '../groups/group';
import type { EnvironmentGroup, FoldedGraph, GroupingOptions, ReleaseGrouping, WaitingReason } from '../groups/types';
import type { Status } from '../model/types';

export type { LayoutDirection, Point };

export interface LayoutOptions {
  /** Left to right (the release view's default) or top to bottom. @default 'LR' */
  direction?: LayoutDirection;
  /** Space between nodes of one rank. @default 40 */
  nodeSpacing?: number;
  /** Space between ranks. @default 80 */
  rankSpacing?: number;
}

/** Options of a grouped layout (what `ReleaseGraph` draws): groups fold into single nodes. */
export interface GroupedLayoutOptions extends LayoutOptions {
  /** How groups are found and which are open. */
  groups: GroupLayoutOptions;
}

/** How a laid-out graph folds groups (see `groupReleaseEnvironments` and `foldReleaseGroups`). */
export interface GroupLayoutOptions extends GroupingOptions {
  /**
   * Ids of the groups shown open. A group inside a closed one stays hidden.
   * @default [] (every group closed)
   */
  expanded?: Iterable<string>;
  /**
   * More environments than this directly in an open group are one grid of tiles.
   * @default 40
   */
  tileThreshold?: number;
  /**
   * The clock for running groups' durations, in ms since the epoch.
   * @default Date.now()
   */
  now?: number;
}

/** A node in React Flow's shape: `position` is the top-left corner. */
export interface ReleaseGraphNode {
  id: string;
  type: 'environment';
  position: Point;
  width: number;
  height: number;
  data: {
    environment: EnvironmentStep;
    rank: number;
    /** Why it waits (grouped layouts only). */
    waiting?: WaitingReason;
  };
}

/** A closed group, as one node. Its id is `GROUP_NODE_PREFIX` and the group's id. */
export interface ReleaseGraphGroupNode {
  id: string;
  type: 'group';
  position: Point;
  width: number;
  height: number;
  data: { group: EnvironmentGroup; rank: number };
}

/**
 * The environments directly in an open group, as one grid of tiles (`columns` per row). Its id is
 * `TILES_NODE_PREFIX` and the group's id.
 */
export interface ReleaseGraphTilesNode {
  id: string;
  type: 'tiles';
  position: Point;
  width: number;
  height: number;
  data: { group: EnvironmentGroup; environments: EnvironmentStep[]; columns: number; rank: number };
}

/** The box drawn around what an open group shows, outermost groups first. */
export interface ReleaseGraphFrame {
  group: EnvironmentGroup;
  position: Point;
  width: number;
  height: number;
}

/** The start of a closed group's node id: a NUL, which no environment name in a graph may start with. */
export const GROUP_NODE_PREFIX = '\u0000group:';
/** The start of a tile grid's node id. */
export const TILES_NODE_PREFIX = '\u0000tiles:';

/** An edge in React Flow's shape, from the environment depended on to the one that waits. */
export interface ReleaseGraphEdge {
  id: string;
  source: string;
  target: string;
  type: 'promotion';
  data: { state: EdgeState; points: Point[] };
}

export interface ReleaseGraphLayout {
  nodes: ReleaseGraphNode[];
  edges: ReleaseGraphEdge[];
  width: number;
  height: number;
  direction: LayoutDirection;
  /** Names, edges, node sizes and options: equal keys give equal positions. */
  structureKey: string;
}

const CACHE_SIZE = 32;
const cache = new Map<string, Geometry>();
const stats = { computed: 0, reused: 0, inWorker: 0 };

/**
 * How often `layoutReleaseGraph` ran dagre (`computed`; `inWorker` of those in a layout worker)
 * and how often it served a cached geometry (`reused`) since the page loaded: lets a host or a
 * test see that live updates do not relayout, and that big layouts left the main thread.
 */
export function layoutCacheStats(): { computed: number; reused: number; inWorker: number } {
  return { ...stats };
}

/**
 * `source->target`, readable for ordinary names. A `>` or `\` in a name is escaped with `\`, so
 * the arrow's `>` is the only bare one and two edges never share an id (`a->b` + `c` is not
 * `a` + `b->c`).
 */
const escapeName = (name: string) => (/[>\\]/.test(name) ? name.replace(/[>\\]/g, '\\$&') : name);
const edgeId = (source: string, target: string) => `${escapeName(source)}->${escapeName(target)}`;

/**
 * Lays out a release's environments as a graph with dagre and returns React Flow nodes and edges.
 * Positions depend only on the release's structure, so a status-only change (the common case
 * while a release runs) reuses the cached geometry and does not run dagre again. Raises
 * `ReleaseDataError` for a release with no environments, duplicate names, an unknown `dependsOn`,
 * or a cycle. Runs on the calling thread: for big graphs in a browser see
 * `layoutReleaseGraphAsync`.
 */
export function layoutReleaseGraph(release: Release, options: GroupedLayoutOptions): GroupedReleaseGraphLayout;
export function layoutReleaseGraph(release: Release, options?: LayoutOptions): ReleaseGraphLayout;
export function layoutReleaseGraph(
  release: Release,
  options: LayoutOptions | GroupedLayoutOptions = {},
): ReleaseGraphLayout | GroupedReleaseGraphLayout {
  const plan = planLayout(release, options);
  return plan.finish(cachedGeometry(plan));
}

/** What the async layout takes besides the release and the layout options. */
export interface AsyncLayoutOptions {
  /** Aborting rejects the promise with the signal's reason and drops the work (see below). */
  signal?: AbortSignal;
  /**
   * Makes the worker that runs dagre, for a host whose bundler does not bundle the library's own
   * worker file: a module worker whose script is `serveLayoutWorker(self)`. `false` lays out on
   * the calling thread (after a yield to the event loop).
   * @default the library's worker where `Worker` exists, else the calling thread
   */
  worker?: LayoutWorkerOption;
}

/**
 * `layoutReleaseGraph` with dagre off the main thread: the structure is read and checked here
 * (synchronously: bad data rejects with `ReleaseDataError`), then the geometry, by indices and
 * sizes only (no name leaves this thread), is computed in a Web Worker, cached like any layout,
 * and the layout built from it. A structure already cached resolves at once. Graphs waiting for
 * the same structure share one job; a job nobody waits for any more is dropped, its worker
 * terminated if it was running; an idle worker is terminated too. Where there is no `Worker`
 * (a server, jsdom) it runs on the calling thread.
 */
export function layoutReleaseGraphAsync(release: Release, options: GroupedLayoutOptions, asyncOptions?: AsyncLayoutOptions): Promise<GroupedReleaseGraphLayout>;
export function layoutReleaseGraphAsync(release: Release, options?: LayoutOptions, asyncOptions?: AsyncLayoutOptions): Promise<ReleaseGraphLayout>;
export async function layoutReleaseGraphAsync(
  release: Release,
  options: LayoutOptions | GroupedLayoutOptions = {},
  { signal, worker }: AsyncLayoutOptions = {},
): Promise<ReleaseGraphLayout | GroupedReleaseGraphLayout> {
  if (signal?.aborted) throw abortError(signal);
  const plan = planLayout(release, options);
  const cached = cache.get(plan.structureKey);
  if (cached) return plan.finish(cachedGeometry(plan));
  const { geometry, inWorker } = await requestGeometry(plan.structureKey, plan.input, worker, signal);
  // Another caller may have stored it meanwhile; either copy is the same geometry.
  if (!cache.has(plan.structureKey)) {
    stats.computed += 1;
    if (inWorker) stats.inWorker += 1;
    remember(plan.structureKey, geometry);
  }
  return plan.finish(cachedGeometry(plan));
}

/**
 * Below this much work (nodes plus the dummy nodes of edges that skip ranks, see `layoutCost`)
 * dagre takes a few milliseconds: less than a worker takes to start, so it runs where it is asked.
 * About 20 ms in Node on the 2-core machine of bench/README.md.
 */
export const QUICK_LAYOUT_COST = 200;

/**
 * The layout now when it is cheap (cached, or small enough that dagre takes a few milliseconds:
 * `QUICK_LAYOUT_COST`), else `undefined`: then get it from `layoutReleaseGraphAsync`, after which
 * this returns it from the cache. What ReleaseGraph does on every render.
 */
export function layoutReleaseGraphIfQuick(release: Release, options: GroupedLayoutOptions): GroupedReleaseGraphLayout | undefined;
export function layoutReleaseGraphIfQuick(release: Release, options?: LayoutOptions): ReleaseGraphLayout | undefined;
export function layoutReleaseGraphIfQuick(
  release: Release,
  options: LayoutOptions | GroupedLayoutOptions = {},
): ReleaseGraphLayout | GroupedReleaseGraphLayout | undefined {
  const plan = planLayout(release, options);
  if (!plan.quick()) return undefined;
  return plan.finish(cachedGeometry(plan));
}

/**
 * Above this many environments, grouping a release whose structure is not cached is too much to
 * add to the task that renders it: a cold `groupReleaseEnvironments` takes 4-12 µs per environment
 * in Chromium on the loaded 2-core machine of bench/README.md (8-25 ms for the 2,005 of the
 * 2,000-store fleet, 19-33 ms for 5,005), on top of 20-50 ms of React's and React Flow's first
 * render; at 1,000 it is a few milliseconds more. Above it, ReleaseGraph shows the outline first
 * and groups in tasks of their own (`prepareLayoutLater`).
 * @internal
 */
export const QUICK_GROUPING_SIZE = 1000;

/**
 * Whether a grouped layout of `release` can be planned in the caller's task: its grouping's
 * structure is cached, or it has at most `QUICK_GROUPING_SIZE` environments. Never raises (data
 * the layout rejects is left to `planLayout` to report).
 * @internal
 */
export function canPlanNow(release: Release, options: GroupedLayoutOptions): boolean {
  const environments = release?.environments;
  return !Array.isArray(environments) || environments.length <= QUICK_GROUPING_SIZE || isGroupingCached(release, options.groups);
}

/**
 * Groups, folds and, when that is quick, lays out `release` in tasks of their own, after a yield
 * to the event loop, and caches it all: afterwards `planLayout` of the same release is cheap, and
 * so is its layout unless it is big (then left for `layoutReleaseGraphAsync`). What ReleaseGraph
 * does when `canPlanNow` says no, so that a big new structure is not one long task with its
 * render. Two tasks: the grouping's structure (checking the data, about two thirds of a cold
 * grouping), then the roll-ups, the fold and a quick layout. A `layout` made elsewhere is adopted
 * as `adoptLayout` does. Rejects with the signal's reason when aborted (nothing more is done), and
 * with `ReleaseDataError` for data it cannot draw.
 * @internal
 */
export function prepareLayoutLater(
  release: Release,
  options: GroupedLayoutOptions,
  { signal, layout }: { signal?: AbortSignal; layout?: Parameters<typeof adoptLayout>[1] } = {},
): Promise<void> {
  const steps = [
    () => prepareGroupingStructure(release, options.groups),
    () => {
      const plan = planLayout(release, options);
      if (layout) adoptLayout(plan, layout);
      if (plan.quick()) completeLayout(plan);
    },
  ];
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const abort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const step = (at: number) => {
      timer = setTimeout(() => {
        try {
          steps[at]!();
        } catch (error) {
          signal?.removeEventListener('abort', abort);
          reject(error);
          return;
        }
        if (at + 1 < steps.length) {
          step(at + 1);
          return;
        }
        signal?.removeEventListener('abort', abort);
        resolve();
      }, 0);
    };
    signal?.addEventListener('abort', abort, { once: true });
    step(0);
  });
}

/**
 * What a layout needs before dagre and after it: the structure (key, and dagre's input by
 * indices) and how to build the nodes and edges from a geometry. Not public: the components use
 * it to know, before laying out, whether a layout will be quick and what its groups are.
 * @internal
 */
export interface LayoutPlan<L> {
  structureKey: string;
  input: GeometryInput;
  /** Each node's id, by topological index. */
  ids: readonly string[];
  /** Whether the geometry is cached (then `finish(cachedGeometry(plan))` is cheap). */
  cached: () => boolean;
  /** Cached, or cheap enough to lay out where it is asked (`layoutCost` ≤ `QUICK_LAYOUT_COST`). */
  quick: () => boolean;
  /** The grouping (grouped layouts only). */
  grouping?: ReleaseGrouping;
  finish: (geometry: Geometry) => L;
}

/** @internal */
export function planLayout(release: Release, options: GroupedLayoutOptions): LayoutPlan<GroupedReleaseGraphLayout>;
export function planLayout(release: Release, options?: LayoutOptions): LayoutPlan<ReleaseGraphLayout>;
export function planLayout(release: Release, options?: LayoutOptions | GroupedLayoutOptions): LayoutPlan<ReleaseGraphLayout | GroupedReleaseGraphLayout>;
export function planLayout(
  release: Release,
  options: LayoutOptions | GroupedLayoutOptions = {},
): LayoutPlan<ReleaseGraphLayout | GroupedReleaseGraphLayout> {
  if ('groups' in options && options.groups) return planGrouped(release, options, options.groups);
  return planFlat(release, options);
}

function basePlan(structureKey: string, input: GeometryInput, ids: readonly string[]) {
  return { structureKey, input, ids, cached: () => cache.has(structureKey), quick: () => cache.has(structureKey) || layoutCost(input.dependencies) <= QUICK_LAYOUT_COST };
}

/**
 * Caches the geometry of `layout`, a layout of the plan's structure made elsewhere (on a host's
 * server, with the headless entry), so the plan's layout needs no dagre here. Returns false, and
 * caches nothing, when the layout is of another structure or not whole: every node and routed
 * edge of the plan must be in it, with finite numbers.
 * @internal
 */
export function adoptLayout(plan: LayoutPlan<unknown>, layout: Pick<ReleaseGraphLayout, 'structureKey' | 'width' | 'height'> & { nodes: ReadonlyArray<Pick<ReleaseGraphNode, 'id' | 'position' | 'width' | 'height'>>; edges: ReadonlyArray<Pick<ReleaseGraphEdge, 'id'> & { data: { points: Point[] } }> }): boolean {
  if (plan.cached()) return true;
  if (layout.structureKey !== plan.structureKey || !Array.isArray(layout.nodes) || !Array.isArray(layout.edges)) return false;
  const finite = (...values: unknown[]) => values.every((value) => typeof value === 'number' && Number.isFinite(value));
  const nodes = new Map(layout.nodes.map((node) => [node.id, node]));
  const edges = new Map(layout.edges.map((edge) => [edge.id, edge]));
  const ranks = longestPathRanks(plan.input.dependencies);
  const positions: Geometry['positions'] = [];
  const edgePoints: Geometry['edgePoints'] = [];
  for (const [i, id] of plan.ids.entries()) {
    const node = nodes.get(id);
    const size = plan.input.sizes[i]!;
    if (!node || !finite(node.position?.x, node.position?.y) || node.width !== size.width || node.height !== size.height) return false;
    positions.push({ position: { x: node.position.x, y: node.position.y }, rank: ranks[i]!, size: { ...size } });
    const routed = new Map<number, Point[]>();
    for (const source of plan.input.dependencies[i]!) {
      const points = edges.get(edgeId(plan.ids[source]!, id))?.data?.points;
      if (!Array.isArray(points) || !points.every((point) => finite(point?.x, point?.y))) return false;
      routed.set(source, points.map(({ x, y }) => ({ x, y })));
    }
    edgePoints.push(routed);
  }
  if (!finite(layout.width, layout.height)) return false;
  remember(plan.structureKey, { positions, edgePoints, width: layout.width, height: layout.height });
  return true;
}

function planFlat(release: Release, options: LayoutOptions): LayoutPlan<ReleaseGraphLayout> {
  const direction = options.direction ?? 'LR';
  const nodeSpacing = options.nodeSpacing ?? 40;
  const rankSpacing = options.rankSpacing ?? 80;
  const ordered = topologicalOrder(release.environments);
  const sizes = ordered.map(environmentNodeSize);
  // Names stay out of dagre, whose graph is plain objects keyed by node id: an environment named
  // `__proto__` or `constructor` would corrupt it (and `__proto__` pollute Object.prototype).
  // dagre gets indices in topological order; edges are pairs of indices.
  const indexOf = new Map(ordered.map((environment, i) => [environment.name, i]));
  const dependencies = ordered.map((environment) => [...new Set(environment.dependsOn)].map((name) => indexOf.get(name)!));
  // Names (for the cache: they are what nodes and edges are called), edges by index, sizes.
  const structureKey = JSON.stringify([
    direction,
    nodeSpacing,
    rankSpacing,
    ordered.map((environment, i) => [environment.name, dependencies[i], sizes[i]!.width, sizes[i]!.height]),
  ]);

  const finish = (geometry: Geometry): ReleaseGraphLayout => {
    // Nodes keep the release's own order so a host's list and the graph agree.
    const nodes: ReleaseGraphNode[] = release.environments.map((environment) => {
      const placed = geometry.positions[indexOf.get(environment.name)!]!;
      const size = placed.size;
      return {
        id: environment.name,
        type: 'environment',
        // A copy, so a host that moves a node cannot move it in the cached geometry too.
        position: { ...placed.position },
        width: size.width,
        height: size.height,
        data: { environment, rank: placed.rank },
      };
    });
    const edges: ReleaseGraphEdge[] = [];
    for (const target of release.environments) {
      const targetIndex = indexOf.get(target.name)!;
      for (const sourceIndex of dependencies[targetIndex]!) {
        const source = ordered[sourceIndex]!;
        edges.push({
          id: edgeId(source.name, target.name),
          source: source.name,
          target: target.name,
          type: 'promotion',
          data: {
            state: edgeState(source, target, release.status),
            points: geometry.edgePoints[targetIndex]!.get(sourceIndex)!.map((point) => ({ ...point })),
          },
        });
      }
    }
    return { nodes, edges, width: geometry.width, height: geometry.height, direction, structureKey };
  };
  return { ...basePlan(structureKey, { dependencies, sizes, direction, nodeSpacing, rankSpacing }, ordered.map((environment) => environment.name)), finish };
}

/** The plan's layout: from the cache, or laid out here. @internal */
export function completeLayout<L>(plan: LayoutPlan<L>): L {
  return plan.finish(cachedGeometry(plan));
}

/** Keeps a geometry, dropping the least recently used beyond `CACHE_SIZE`. */
function remember(structureKey: string, geometry: Geometry): void {
  cache.delete(structureKey);
  cache.set(structureKey, geometry);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
}

/** The geometry of a plan, from the cache or computed here (and cached). */
function cachedGeometry({ structureKey, input }: { structureKey: string; input: GeometryInput }): Geometry {
  let geometry = cache.get(structureKey);
  if (geometry) {
    stats.reused += 1;
  } else {
    geometry = computeGeometry(input);
    stats.computed += 1;
  }
  // Refreshes the entry's place so the most used layouts stay.
  remember(structureKey, geometry);
  return geometry;
}

/** What a unit's node is called: the environment's name, or a prefixed group id. */
function unitNodeId(unit: FoldedGraph['units'][number]): string {
  if (unit.type === 'environment') return unit.name;
  return `${unit.type === 'group' ? GROUP_NODE_PREFIX : TILES_NODE_PREFIX}${unit.id}`;
}

/** A group's status as an edge reads it: done when every member is, failed when any is. */
function unitStatus(group: EnvironmentGroup): Status {
  return group.status;
}

/**
 * The grouped layout: groups folded by `foldReleaseGroups`, then laid out as one graph of units.
 * Folding declared groups can make a cycle (a member of A waits for B, which waits for another
 * member of A); the edges that close one are drawn straight and left out of dagre's input.
 */
function planGrouped(release: Release, options: LayoutOptions, groupOptions: GroupLayoutOptions): LayoutPlan<GroupedReleaseGraphLayout> {
  const direction = options.direction ?? 'LR';
  const nodeSpacing = options.nodeSpacing ?? 40;
  const rankSpacing = options.rankSpacing ?? 80;
  const grouping = groupReleaseEnvironments(release, groupOptions);
  const folded = foldReleaseGroups(grouping, groupOptions.expanded ?? [], { tileThreshold: groupOptions.tileThreshold });
  // By the grouping's index of names (one per structure), not a map of every environment per call.
  const indexOf = environmentIndex(grouping);
  const environmentNamed = (name: string) => release.environments[indexOf.get(name)!]!;
  const units = folded.units;
  const sizes = units.map((unit) => {
    if (unit.type === 'environment') return environmentNodeSize(environmentNamed(unit.name));
    if (unit.type === 'tiles') return tilesNodeSize(unit.members.length);
    return groupNodeSize(grouping.groups.get(unit.id)!.children.filter((child) => child.type === 'group').length);
  });

  // Kahn's order over the units; units left on a cycle follow in the fold's order.
  const incoming = units.map(() => 0);
  const outgoing: number[][] = units.map(() => []);
  for (const [from, to] of folded.edges) {
    incoming[to]! += 1;
    outgoing[from]!.push(to);
  }
  const order: number[] = [];
  const queue = units.map((_, i) => i).filter((i) => incoming[i] === 0);
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head]!;
    order.push(at);
    for (const next of outgoing[at]!) if (--incoming[next]! === 0) queue.push(next);
  }
  if (order.length < units.length) {
    const placed = new Set(order);
    units.forEach((_, i) => placed.has(i) || order.push(i));
  }
  const position = new Array<number>(units.length);
  order.forEach((unit, i) => (position[unit] = i));
  const dependencies: number[][] = order.map(() => []);
  for (const [from, to] of folded.edges) {
    if (position[from]! < position[to]!) dependencies[position[to]!]!.push(position[from]!);
  }
  const orderedSizes = order.map((unit) => sizes[unit]!);
  const structureKey = JSON.stringify([
    direction,
    nodeSpacing,
    rankSpacing,
    'groups',
    order.map((unit, i) => [unitNodeId(units[unit]!), dependencies[i], orderedSizes[i]!.width, orderedSizes[i]!.height]),
  ]);
  const finish = (geometry: Geometry): GroupedReleaseGraphLayout => {
    const nodes: GroupedReleaseGraphLayout['nodes'] = units.map((unit, i) => {
      const placed = geometry.positions[position[i]!]!;
      const base = { id: unitNodeId(unit), position: { ...placed.position }, width: placed.size.width, height: placed.size.height };
      if (unit.type === 'environment') {
        const waiting = grouping.waiting.get(unit.name);
        const data = { environment: environmentNamed(unit.name), rank: placed.rank, ...(waiting ? { waiting } : {}) };
        return { ...base, type: 'environment' as const, data };
      }
      const group = grouping.groups.get(unit.id)!;
      if (unit.type === 'group') return { ...base, type: 'group' as const, data: { group, rank: placed.rank } };
      const environments = unit.members.map((name) => environmentNamed(name));
      return { ...base, type: 'tiles' as const, data: { group, environments, columns: tilesNodeSize(unit.members.length).columns, rank: placed.rank } };
    });

    // A stand-in environment per unit for the edge states: a group reads as its status.
    const standIn = (unit: FoldedGraph['units'][number]): EnvironmentStep =>
      unit.type === 'environment' ? environmentNamed(unit.name) : ({ status: unitStatus(grouping.groups.get(unit.id)!) } as EnvironmentStep);
    const edges: ReleaseGraphEdge[] = folded.edges.map(([from, to]) => {
      const source = unitNodeId(units[from]!);
      const target = unitNodeId(units[to]!);
      const routed = position[from]! < position[to]! ? geometry.edgePoints[position[to]!]!.get(position[from]!) : undefined;
      const centre = (i: number) => {
        const node = nodes[i]!;
        return { x: node.position.x + node.width / 2, y: node.position.y + node.height / 2 };
      };
      return {
        id: edgeId(source, target),
        source,
        target,
        type: 'promotion',
        data: {
          state: edgeState(standIn(units[from]!), standIn(units[to]!), release.status),
          points: routed ? routed.map((point) => ({ ...point })) : [centre(from), centre(to)],
        },
      };
    });

    // The box around each open group: around every node that shows one of its members.
    const frames: ReleaseGraphFrame[] = folded.open.map((id) => {
      let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
      units.forEach((unit, i) => {
        const inside =
          unit.type === 'environment'
            ? grouping.groupsOf.get(unit.name)!.includes(id)
            : unit.id === id || grouping.groupsOf.get(grouping.groups.get(unit.id)!.members[0]!)!.includes(id);
        if (!inside) return;
        const node = nodes[i]!;
        x0 = Math.min(x0, node.position.x);
        y0 = Math.min(y0, node.position.y);
        x1 = Math.max(x1, node.position.x + node.width);
        y1 = Math.max(y1, node.position.y + node.height);
      });
      const group = grouping.groups.get(id)!;
      // Room for the frame's title above, and a margin that grows with each enclosing group.
      const pad = 10 + 8 * (2 - Math.min(group.depth, 2));
      return { group, position: { x: x0 - pad, y: y0 - pad - 24 }, width: x1 - x0 + pad * 2, height: y1 - y0 + pad * 2 + 24 };
    });

    return { nodes, edges, frames, grouping, width: geometry.width, height: geometry.height, direction, structureKey };
  };
  return { ...basePlan(structureKey, { dependencies, sizes: orderedSizes, direction, nodeSpacing, rankSpacing }, order.map((unit) => unitNodeId(units[unit]!))), grouping, finish };
}

/** A grouped layout: environments, closed groups and grids of tiles, and frames around open groups. */
export interface GroupedReleaseGraphLayout extends Omit<ReleaseGraphLayout, 'nodes'> {
  /** Environments, closed groups and grids of tiles, in the release's order. */
  nodes: Array<ReleaseGraphNode | ReleaseGraphGroupNode | ReleaseGraphTilesNode>;
  /** The box around what each open group shows, outermost first. */
  frames: ReleaseGraphFrame[];
  /** The grouping that was folded. */
  grouping: ReleaseGrouping;
}

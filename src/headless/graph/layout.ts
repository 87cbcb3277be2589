import { Graph, layout as dagreLayout } from '@dagrejs/dagre';
import type { EnvironmentStep, Release } from '../model/types';
import { environmentNodeSize } from './node-size';
import { edgeState, type EdgeState } from './edge-state';
import { topologicalOrder } from './validate';

export type LayoutDirection = 'LR' | 'TB';

export interface LayoutOptions {
  /** Left to right (the release view's default) or top to bottom. @default 'LR' */
  direction?: LayoutDirection;
  /** Space between nodes of one rank. @default 40 */
  nodeSpacing?: number;
  /** Space between ranks. @default 80 */
  rankSpacing?: number;
}

export interface Point {
  x: number;
  y: number;
}

/** A node in React Flow's shape: `position` is the top-left corner. */
export interface ReleaseGraphNode {
  id: string;
  type: 'environment';
  position: Point;
  width: number;
  height: number;
  data: { environment: EnvironmentStep; rank: number };
}

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

/**
 * A layout without names: everything is by an environment's index in topological order, so the
 * cache and dagre never see a name (see `computeGeometry`).
 */
interface Geometry {
  /** By topological index. */
  positions: Array<{ position: Point; rank: number; size: { width: number; height: number } }>;
  /** By topological index of the target, then of the source. */
  edgePoints: Array<Map<number, Point[]>>;
  width: number;
  height: number;
}

const CACHE_SIZE = 32;
const cache = new Map<string, Geometry>();
const stats = { computed: 0, reused: 0 };

/**
 * How often `layoutReleaseGraph` ran dagre (`computed`) and how often it served a cached geometry
 * (`reused`) since the page loaded: lets a host or a test see that live updates do not relayout.
 */
export function layoutCacheStats(): { computed: number; reused: number } {
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
 * or a cycle.
 */
export function layoutReleaseGraph(release: Release, options: LayoutOptions = {}): ReleaseGraphLayout {
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

  let geometry = cache.get(structureKey);
  if (geometry) {
    // Refresh the entry's place so the most used layouts stay.
    cache.delete(structureKey);
    stats.reused += 1;
  } else {
    geometry = computeGeometry(dependencies, sizes, direction, nodeSpacing, rankSpacing);
    stats.computed += 1;
  }
  cache.set(structureKey, geometry);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);

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
}

/** dagre's id of the environment at `index` in topological order: never a name. */
const nodeId = (index: number) => `n${index}`;

/**
 * Runs dagre on the DAG given by indices: `dependencies[i]` are the indices (all below `i`) that
 * environment `i` waits for. Ids are `n0`, `n1`, … in topological order: not integer-like, so
 * dagre's objects keep them in insertion order as they would names, and never one of dagre's own
 * (`_root`, `_d1`, `\0`) or a key of `Object.prototype`.
 */
function computeGeometry(
  dependencies: ReadonlyArray<readonly number[]>,
  sizes: ReadonlyArray<{ width: number; height: number }>,
  direction: LayoutDirection,
  nodeSpacing: number,
  rankSpacing: number,
): Geometry {
  const graph = new Graph();
  // tight-tree ranks these DAGs exactly as network-simplex does (same crossings, same size on the
  // 40- and 300-environment samples) in a quarter of the time; see bench/README.md.
  graph.setGraph({ rankdir: direction, nodesep: nodeSpacing, ranksep: rankSpacing, marginx: 0, marginy: 0, ranker: 'tight-tree' });
  graph.setDefaultEdgeLabel(() => ({}));
  sizes.forEach((size, i) => graph.setNode(nodeId(i), { ...size }));
  dependencies.forEach((sources, i) => {
    for (const source of sources) graph.setEdge(nodeId(source), nodeId(i));
  });
  dagreLayout(graph);

  // dagre's ranks are not exposed after layout; derive them from the DAG (longest path from a root).
  const ranks: number[] = [];
  dependencies.forEach((sources, i) => {
    ranks[i] = sources.reduce((rank, source) => Math.max(rank, ranks[source]! + 1), 0);
  });

  const positions: Geometry['positions'] = sizes.map((size, i) => {
    const node = graph.node(nodeId(i)) as { x: number; y: number };
    // dagre gives centres; React Flow wants top-left corners.
    return { position: { x: node.x - size.width / 2, y: node.y - size.height / 2 }, rank: ranks[i]!, size };
  });
  const edgePoints: Geometry['edgePoints'] = dependencies.map(
    (sources, i) =>
      new Map(
        sources.map((source) => {
          const edge = graph.edge(nodeId(source), nodeId(i)) as { points?: Point[] };
          return [source, (edge.points ?? []).map(({ x, y }) => ({ x, y }))];
        }),
      ),
  );
  const label = graph.graph() as { width?: number; height?: number };
  return { positions, edgePoints, width: label.width ?? 0, height: label.height ?? 0 };
}

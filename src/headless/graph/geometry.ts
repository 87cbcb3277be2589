import { Graph, layout as dagreLayout } from '@dagrejs/dagre';
import { layeredGeometry } from './layered';

export type LayoutDirection = 'LR' | 'TB';

export interface Point {
  x: number;
  y: number;
}

/** A node's box, in pixels. */
export interface Size {
  width: number;
  height: number;
}

/**
 * What dagre is given: a DAG by indices in topological order, node sizes and spacing. No names:
 * it is what crosses to the layout worker, and what the geometry cache is keyed by.
 */
export interface GeometryInput {
  /** `dependencies[i]`: the indices (all below `i`) that node `i` waits for. */
  dependencies: ReadonlyArray<readonly number[]>;
  /** Each node's box, by index. */
  sizes: ReadonlyArray<Size>;
  /** Left to right or top to bottom. */
  direction: LayoutDirection;
  /** Space between nodes of one rank. */
  nodeSpacing: number;
  /** Space between ranks. */
  rankSpacing: number;
}

/**
 * A layout without names: everything is by a node's index in topological order, so the cache,
 * the worker and dagre never see a name.
 */
export interface Geometry {
  /** By topological index. */
  positions: Array<{ position: Point; rank: number; size: Size }>;
  /** By topological index of the target, then of the source. */
  edgePoints: Array<Map<number, Point[]>>;
  /** The whole graph's width. */
  width: number;
  /** The whole graph's height. */
  height: number;
}

/** Longest path from a root, per index: the rank dagre's tight-tree ranker starts from. */
export function longestPathRanks(dependencies: ReadonlyArray<readonly number[]>): number[] {
  const ranks: number[] = [];
  dependencies.forEach((sources, i) => {
    let rank = 0;
    for (const source of sources) rank = Math.max(rank, ranks[source]! + 1);
    ranks[i] = rank;
  });
  return ranks;
}

/**
 * How much work dagre has with this DAG, in nodes: its own nodes plus one dummy node per rank an
 * edge skips (dagre splits such an edge into a chain, and its ordering sweeps and positioning
 * handle every dummy like a node). Edges that skip ranks (an environment that waits for one far
 * upstream) are what makes a graph of a few hundred environments slow; see bench/README.md.
 * `ranks`, when the caller has them, are `longestPathRanks(dependencies)`.
 */
export function layoutCost(dependencies: ReadonlyArray<readonly number[]>, ranks = longestPathRanks(dependencies)): number {
  let cost = dependencies.length;
  dependencies.forEach((sources, i) => {
    for (const source of sources) cost += ranks[i]! - ranks[source]!;
  });
  return cost;
}

/**
 * Above this much work (see `layoutCost`) the DAG is not given to dagre but laid out by
 * `layeredGeometry`: the same ranks, without dummy nodes. On DAGs whose edges skip ranks dagre
 * spends nearly all its time on the dummy nodes (about 0.5 s for 300 environments, 1.6 s for
 * 1,000, in Node) where the layered layout takes 10-20 ms, with fewer crossings of the edges as
 * drawn; below it dagre's careful ordering is cheap and crosses less (bench/README.md).
 */
export const LAYERED_ABOVE_COST = 1000;

/**
 * The dependencies without the implied ones: `source` is dropped from `dependencies[i]` when
 * another dependency of `i` already waits for it, directly or not. Ancestor sets as bitsets, so
 * thousands of nodes cost a few megabytes, not a set per node.
 */
export function withoutImpliedEdges(dependencies: ReadonlyArray<readonly number[]>): number[][] {
  const words = Math.ceil(dependencies.length / 32);
  const ancestors = new Uint32Array(words * dependencies.length);
  const has = (node: number, ancestor: number) => (ancestors[node * words + (ancestor >>> 5)]! & (1 << (ancestor & 31))) !== 0;
  return dependencies.map((sources, i) => {
    const row = i * words;
    for (const source of sources) {
      ancestors[row + (source >>> 5)]! |= 1 << (source & 31);
      const from = source * words;
      for (let w = 0; w < words; w++) ancestors[row + w]! |= ancestors[from + w]!;
    }
    return sources.filter((source) => !sources.some((other) => other !== source && has(other, source)));
  });
}

/** dagre's id of the node at `index` in topological order: never a name. */
const nodeId = (index: number) => `n${index}`;

/**
 * Lays out the DAG given by indices: with dagre, or above `LAYERED_ABOVE_COST` with
 * `layeredGeometry`. dagre's ids are `n0`, `n1`, … in topological order: not
 * integer-like, so dagre's objects keep them in insertion order as they would names, and never
 * one of dagre's own (`_root`, `_d1`, `\0`) or a key of `Object.prototype`.
 */
export function computeGeometry(input: GeometryInput, { layered }: { /** Force one layout or the other (benchmarks, tests); by default by cost. */ layered?: boolean } = {}): Geometry {
  const { dependencies, sizes, direction, nodeSpacing, rankSpacing } = input;
  // Ranks by longest path: what the cost counts, and (after dagre) each node's rank.
  const ranks = longestPathRanks(dependencies);
  // Implied edges pull without ordering anything: the layered layout leaves them out.
  if (layered ?? layoutCost(dependencies, ranks) > LAYERED_ABOVE_COST) return layeredGeometry(input, ranks, withoutImpliedEdges(dependencies));
  const graph = new Graph();
  // tight-tree ranks these DAGs exactly as network-simplex does (same crossings, same size on the
  // 40- and 300-environment samples) in a quarter of the time; see bench/README.md.
  graph.setGraph({ rankdir: direction, nodesep: nodeSpacing, ranksep: rankSpacing, marginx: 0, marginy: 0, ranker: 'tight-tree' });
  graph.setDefaultEdgeLabel(() => ({}));
  sizes.forEach((size, i) => graph.setNode(nodeId(i), { width: size.width, height: size.height }));
  dependencies.forEach((sources, i) => {
    for (const source of sources) graph.setEdge(nodeId(source), nodeId(i));
  });
  dagreLayout(graph);

  // dagre's ranks are not exposed after layout: the longest-path ranks above stand for them.
  const positions: Geometry['positions'] = sizes.map((size, i) => {
    const node = graph.node(nodeId(i)) as { x: number; y: number };
    // dagre gives centres; React Flow wants top-left corners.
    return { position: { x: node.x - size.width / 2, y: node.y - size.height / 2 }, rank: ranks[i]!, size: { width: size.width, height: size.height } };
  });
  const edgePoints: Geometry['edgePoints'] = dependencies.map(
    (sources, i) =>
      new Map(
        sources.map((source) => {
          const edge = graph.edge(nodeId(source), nodeId(i)) as { points?: Point[] } | undefined;
          return [source, (edge?.points ?? []).map(({ x, y }) => ({ x, y }))];
        }),
      ),
  );
  const label = graph.graph() as { width?: number; height?: number };
  return { positions, edgePoints, width: label.width ?? 0, height: label.height ?? 0 };
}

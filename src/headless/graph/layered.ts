import type { Geometry, GeometryInput, Point } from './geometry';

/**
 * A layered layout without dummy nodes, for DAGs too big or too tangled for dagre to lay out in
 * a few hundred milliseconds (see `LAYERED_ABOVE_COST` and bench/README.md).
 *
 * dagre splits every edge that skips ranks into a chain of dummy nodes, one per rank, and its
 * ordering sweeps and positioning handle each like a node: on DAGs whose edges skip ranks that is
 * several times the graph. The graph draws each edge between its two nodes, never along dagre's
 * route, so here an edge is what it is drawn as: a pull between its two ends.
 * - **Ranks**: longest path from a root (`ranks`), as dagre's tight-tree ranker starts from.
 * - **Order and place**, in sweeps down and up the ranks: each node wants the mean cross-axis
 *   position of its neighbours in the rank it is swept from (any distance away), the rank is
 *   sorted by that wish, and the nodes are placed as near their wishes as the order and the
 *   spacing allow (least squares, pool-adjacent-violators). Two last sweeps pull each node towards
 *   all its neighbours without reordering.
 * - **Edges**: the straight line from the source's centre to the target's.
 *
 * `dependencies` should be without implied edges (`withoutImpliedEdges`): they add pulls, not
 * order. Every step is linear in nodes plus edges, but for the sorts.
 */
export function layeredGeometry(input: GeometryInput, ranks: readonly number[], pulls: ReadonlyArray<readonly number[]> = input.dependencies): Geometry {
  const { dependencies, sizes, direction, nodeSpacing, rankSpacing } = input;
  const count = sizes.length;
  const horizontal = direction === 'LR';
  // Along the ranks (main) and across them (cross).
  const main = (i: number) => (horizontal ? sizes[i]!.width : sizes[i]!.height);
  const cross = (i: number) => (horizontal ? sizes[i]!.height : sizes[i]!.width);

  const successors: number[][] = Array.from({ length: count }, () => []);
  pulls.forEach((sources, i) => {
    for (const source of sources) successors[source]!.push(i);
  });
  const layers: number[][] = [];
  for (let i = 0; i < count; i++) (layers[ranks[i]!] ??= []).push(i);

  // Cross-axis centres: each rank starts stacked, centred on 0.
  const centre = new Float64Array(count);
  const wish = new Float64Array(count);
  for (const layer of layers) place(layer, null);

  const towards = (i: number, neighbours: ReadonlyArray<readonly number[]>) => {
    const list = neighbours[i]!;
    if (list.length === 0) return centre[i]!;
    let sum = 0;
    for (const other of list) sum += centre[other]!;
    return sum / list.length;
  };
  const both = (i: number) => {
    const before = pulls[i]!;
    const after = successors[i]!;
    const total = before.length + after.length;
    if (total === 0) return centre[i]!;
    let sum = 0;
    for (const other of before) sum += centre[other]!;
    for (const other of after) sum += centre[other]!;
    return sum / total;
  };

  const SWEEPS = 8;
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const down = sweep % 2 === 0;
    for (let step = 1; step < layers.length; step++) {
      const layer = layers[down ? step : layers.length - 1 - step];
      if (!layer) continue;
      for (const i of layer) wish[i] = towards(i, down ? pulls : successors);
      // Stable: equal wishes keep the order they had.
      layer.sort((a, b) => wish[a]! - wish[b]!);
      place(layer, wish);
    }
  }
  for (let sweep = 0; sweep < 2; sweep++) {
    for (const layer of sweep === 0 ? layers : [...layers].reverse()) {
      if (!layer) continue;
      for (const i of layer) wish[i] = both(i);
      place(layer, wish);
    }
  }

  /**
   * Places an ordered rank: as near each node's wish as the order and the spacing allow, in the
   * least-squares sense (pool adjacent violators on the wishes less each node's offset in a tight
   * stack). Without wishes, the tight stack centred on 0.
   */
  function place(layer: readonly number[], wishes: Float64Array | null) {
    const offsets: number[] = [];
    let offset = 0;
    layer.forEach((i, k) => {
      if (k > 0) offset += (cross(layer[k - 1]!) + cross(i)) / 2 + nodeSpacing;
      offsets.push(offset);
    });
    if (!wishes) {
      layer.forEach((i, k) => (centre[i] = offsets[k]! - offset / 2));
      return;
    }
    // Blocks of nodes that touch: each sits at the mean of its members' shifted wishes.
    const blockMean: number[] = [];
    const blockSize: number[] = [];
    layer.forEach((i, k) => {
      let mean = wishes[i]! - offsets[k]!;
      let size = 1;
      while (blockMean.length > 0 && blockMean[blockMean.length - 1]! >= mean) {
        const lastSize = blockSize.pop()!;
        mean = (blockMean.pop()! * lastSize + mean * size) / (lastSize + size);
        size += lastSize;
      }
      blockMean.push(mean);
      blockSize.push(size);
    });
    let k = 0;
    blockMean.forEach((mean, b) => {
      for (let n = 0; n < blockSize[b]!; n++, k++) centre[layer[k]!] = mean + offsets[k]!;
    });
  }

  // Along the ranks: each rank as deep as its deepest node, nodes centred in it.
  const depth: number[] = layers.map((layer) => (layer ?? []).reduce((deepest, i) => Math.max(deepest, main(i)), 0));
  const start: number[] = [];
  depth.reduce((at, deep, rank) => ((start[rank] = at), at + deep + rankSpacing), 0);
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < count; i++) {
    low = Math.min(low, centre[i]! - cross(i) / 2);
    high = Math.max(high, centre[i]! + cross(i) / 2);
  }
  if (count === 0) low = high = 0;

  const positions: Geometry['positions'] = sizes.map((size, i) => {
    const along = start[ranks[i]!]! + (depth[ranks[i]!]! - main(i)) / 2;
    const across = centre[i]! - cross(i) / 2 - low;
    return { position: horizontal ? { x: along, y: across } : { x: across, y: along }, rank: ranks[i]!, size: { width: size.width, height: size.height } };
  });
  const middle = (i: number): Point => ({ x: positions[i]!.position.x + sizes[i]!.width / 2, y: positions[i]!.position.y + sizes[i]!.height / 2 });
  const edgePoints: Geometry['edgePoints'] = dependencies.map((sources, i) => new Map(sources.map((source) => [source, [middle(source), middle(i)]])));
  const length = depth.reduce((sum, deep) => sum + deep, 0) + Math.max(0, depth.length - 1) * rankSpacing;
  return { positions, edgePoints, width: horizontal ? length : high - low, height: horizontal ? high - low : length };
}

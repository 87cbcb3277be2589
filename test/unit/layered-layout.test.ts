import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeGeometry, LAYERED_ABOVE_COST, layoutCost, longestPathRanks, withoutImpliedEdges, type GeometryInput } from '../../src/headless/graph/geometry';
import { layeredGeometry } from '../../src/headless/graph/layered';
import { layoutReleaseGraph } from '../../src/headless';
import { randomDagRelease } from '../fixtures/random-dag';

// A DAG by indices where each node waits for 1-3 earlier nodes picked anywhere (edges skip ranks).
const dagArbitrary = (max: number) =>
  fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: max }).map((picks) =>
    picks.map((choices, i) => (i === 0 ? [] : [...new Set(choices.map((choice) => choice % i))])),
  );
const input = (dependencies: number[][], direction: 'LR' | 'TB' = 'LR'): GeometryInput => ({
  dependencies,
  sizes: dependencies.map((_, i) => ({ width: 200 + (i % 3) * 30, height: 80 + (i % 4) * 20 })),
  direction,
  nodeSpacing: 40,
  rankSpacing: 80,
});
const layered = (graph: GeometryInput) => layeredGeometry(graph, longestPathRanks(graph.dependencies), withoutImpliedEdges(graph.dependencies));

type Box = { position: { x: number; y: number }; size: { width: number; height: number } };
const overlap = (a: Box, b: Box) =>
  a.position.x < b.position.x + b.size.width && b.position.x < a.position.x + a.size.width && a.position.y < b.position.y + b.size.height && b.position.y < a.position.y + a.size.height;

describe('layeredGeometry (big DAGs, no dummy nodes)', () => {
  it('lays a small DAG out by rank, in order, nodes spaced, inside its width and height', () => {
    // dev -> qa, dev -> staging, qa + staging -> prod, dev -> prod (implied)
    const graph = input([[], [0], [0], [1, 2, 0]]);
    const { positions, width, height, edgePoints } = layered(graph);
    expect(positions.map((p) => p.rank)).toEqual([0, 1, 1, 2]);
    // Ranks go left to right, each rank as wide as its widest node plus the rank spacing.
    expect(positions[0]!.position.x).toBe(0);
    expect(positions[1]!.position.x).toBe(200 + 80 + (260 - 230) / 2);
    expect(positions[3]!.position.x).toBe(200 + 80 + 260 + 80);
    // qa and staging share a rank, one above the other, 40 px apart.
    const [qa, staging] = [positions[1]!, positions[2]!];
    expect(Math.abs(qa.position.y - staging.position.y)).toBeGreaterThanOrEqual(Math.min(qa.size.height, staging.size.height) + 40);
    // dev and prod sit between them, across (each pulled by both).
    const middle = (p: Box) => p.position.y + p.size.height / 2;
    const [top, bottom] = [Math.min(middle(qa), middle(staging)), Math.max(middle(qa), middle(staging))];
    expect(middle(positions[0]!)).toBeGreaterThanOrEqual(top);
    expect(middle(positions[0]!)).toBeLessThanOrEqual(bottom);
    expect(middle(positions[3]!)).toBeGreaterThanOrEqual(top);
    expect(middle(positions[3]!)).toBeLessThanOrEqual(bottom);
    for (const p of positions) {
      expect(p.position.y).toBeGreaterThanOrEqual(0);
      expect(p.position.x + p.size.width).toBeLessThanOrEqual(width);
      expect(p.position.y + p.size.height).toBeLessThanOrEqual(height + 1e-9);
    }
    // Every dependency has an edge, the implied one too: a straight line between centres.
    expect(edgePoints[3]!.get(0)).toEqual([
      { x: 100, y: middle(positions[0]!) },
      { x: positions[3]!.position.x + positions[3]!.size.width / 2, y: middle(positions[3]!) },
    ]);
  });

  it('never overlaps two nodes, keeps each rank in its column, and every edge points forward, either direction', () => {
    fc.assert(
      fc.property(dagArbitrary(60), fc.constantFrom<'LR' | 'TB'>('LR', 'TB'), (dependencies, direction) => {
        const graph = input(dependencies, direction);
        const { positions, edgePoints, width, height } = layered(graph);
        const along = (p: Box) => (direction === 'LR' ? p.position.x : p.position.y);
        const depth = (p: Box) => (direction === 'LR' ? p.size.width : p.size.height);
        for (let a = 0; a < positions.length; a++) {
          const pa = positions[a]!;
          expect(pa.position.x).toBeGreaterThanOrEqual(-1e-6);
          expect(pa.position.y).toBeGreaterThanOrEqual(-1e-6);
          expect(pa.position.x + pa.size.width).toBeLessThanOrEqual(width + 1e-6);
          expect(pa.position.y + pa.size.height).toBeLessThanOrEqual(height + 1e-6);
          for (let b = a + 1; b < positions.length; b++) expect(overlap(pa, positions[b]!)).toBe(false);
          for (const source of dependencies[a]!) {
            expect(positions[a]!.rank).toBeGreaterThan(positions[source]!.rank);
            // The source's column ends before the target's begins.
            expect(along(positions[source]!) + depth(positions[source]!)).toBeLessThan(along(pa));
            expect(edgePoints[a]!.get(source)).toHaveLength(2);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is what a big DAG gets: a random 300-environment DAG crosses no more than dagre gives it, and is far less tall', () => {
    const release = randomDagRelease(300, 11);
    const layout = layoutReleaseGraph(release);
    const ids = layout.nodes.map((node) => node.id);
    const dependencies = layout.nodes.map((node) => release.environments.find((e) => e.name === node.id)!.dependsOn.map((name) => ids.indexOf(name)));
    const graph = { ...input(dependencies), sizes: layout.nodes.map((node) => ({ width: node.width, height: node.height })) };
    expect(layoutCost(dependencies)).toBeGreaterThan(LAYERED_ABOVE_COST);
    const crossings = (positions: Box[]) => {
      const middle = (p: Box) => [p.position.x + p.size.width / 2, p.position.y + p.size.height / 2] as const;
      const segments = dependencies.flatMap((sources, i) => sources.map((source) => [source, i, ...middle(positions[source]!), ...middle(positions[i]!)] as const));
      const side = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
      let count = 0;
      for (let a = 0; a < segments.length; a++)
        for (let b = a + 1; b < segments.length; b++) {
          const [s1, t1, x1, y1, x2, y2] = segments[a]!;
          const [s2, t2, x3, y3, x4, y4] = segments[b]!;
          if (s1 === s2 || t1 === t2 || s1 === t2 || t1 === s2) continue;
          if (side(x1, y1, x2, y2, x3, y3) * side(x1, y1, x2, y2, x4, y4) < 0 && side(x3, y3, x4, y4, x1, y1) * side(x3, y3, x4, y4, x2, y2) < 0) count++;
        }
      return count;
    };
    // What dagre gives the same DAG: computeGeometry below the threshold's switch.
    const byDagre = computeGeometry({ ...graph, dependencies: dependencies.map((sources) => sources.slice()) }, { layered: false });
    const laidOut = layout.nodes.map((node) => ({ position: node.position, size: { width: node.width, height: node.height } }));
    expect(crossings(laidOut)).toBeLessThanOrEqual(crossings(byDagre.positions));
    expect(layout.height).toBeLessThan(byDagre.height / 2);
  });
});

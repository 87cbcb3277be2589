import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  QUICK_LAYOUT_COST,
  layoutCacheStats,
  layoutCost,
  layoutReleaseGraph,
  layoutReleaseGraphAsync,
  layoutReleaseGraphIfQuick,
  serveLayoutWorker,
  type LayoutWorkerResponse,
} from '../../src/headless';
import { LAYERED_ABOVE_COST, withoutImpliedEdges } from '../../src/headless/graph/geometry';
import { adoptLayout, planLayout } from '../../src/headless/graph/layout';
import { environment, release } from '../fixtures/release';
import { randomDagRelease } from '../fixtures/random-dag';

let seed = 1;
const fresh = (count: number) => randomDagRelease(count, seed++);
const positions = (layout: { nodes: Array<{ id: string; position: { x: number; y: number } }> }) => layout.nodes.map((node) => [node.id, node.position.x, node.position.y]);

describe('layoutCost', () => {
  it('counts the nodes and every rank an edge spans (dagre adds a dummy node per skipped rank)', () => {
    // a -> b -> c and a -> c: ranks 0, 1, 2; edges span 1, 1 and 2.
    expect(layoutCost([[], [0], [1, 0]])).toBe(3 + 1 + 1 + 2);
    // A diamond: every edge spans one rank.
    expect(layoutCost([[], [0], [0], [1, 2]])).toBe(4 + 4);
  });
});

describe('withoutImpliedEdges', () => {
  it('drops an edge another dependency already implies, and keeps the rest', () => {
    expect(withoutImpliedEdges([[], [0], [1, 0]])).toEqual([[], [0], [1]]);
    // dev -> qa -> staging -> prod, and prod also waits for dev and qa: only staging stays.
    expect(withoutImpliedEdges([[], [0], [1], [2, 0, 1]])).toEqual([[], [0], [1], [2]]);
    // A diamond implies nothing.
    expect(withoutImpliedEdges([[], [0], [0], [1, 2]])).toEqual([[], [0], [0], [1, 2]]);
  });

  it('keeps every node reachable from every node it was reachable from, and drops only implied edges (property)', () => {
    const dag = fc.integer({ min: 1, max: 80 }).chain((count) =>
      fc.tuple(...Array.from({ length: count }, (_, i) => (i === 0 ? fc.constant([] as number[]) : fc.uniqueArray(fc.integer({ min: 0, max: i - 1 }), { maxLength: 4 })))),
    );
    const closure = (deps: number[][]) => {
      const reach: Array<Set<number>> = [];
      deps.forEach((sources, i) => {
        reach[i] = new Set(sources.flatMap((source) => [source, ...reach[source]!]));
      });
      return reach.map((set) => [...set].sort((a, b) => a - b));
    };
    fc.assert(
      fc.property(dag, (deps) => {
        const reduced = withoutImpliedEdges(deps);
        expect(closure(reduced)).toEqual(closure(deps));
        reduced.forEach((sources, i) => expect(deps[i]).toEqual(expect.arrayContaining(sources)));
      }),
    );
  });

  it('marks what big graphs leave out of their layout, while a small one keeps its implied edge routed by dagre', () => {
    const small = release([environment('dev'), environment('qa', ['dev']), environment('prod', ['qa', 'dev'])]);
    const edge = layoutReleaseGraph(small).edges.find((candidate) => candidate.id === 'dev->prod')!;
    // dagre routes it around qa: more than the two points of a straight line.
    expect(edge.data.points.length).toBeGreaterThan(2);
    const big = fresh(300);
    expect(layoutCost(planLayout(big).input.dependencies)).toBeGreaterThan(LAYERED_ABOVE_COST);
    const layout = layoutReleaseGraph(big);
    // Every edge is there, as a straight line between node centres (the layered layout).
    expect(layout.edges).toHaveLength(big.environments.reduce((sum, e) => sum + e.dependsOn.length, 0));
    expect(layout.edges.every((candidate) => candidate.data.points.length === 2)).toBe(true);
    // And an edge never points backwards: the target's rank is above the source's.
    const rank = new Map(layout.nodes.map((node) => [node.id, node.data.rank]));
    for (const candidate of layout.edges) expect(rank.get(candidate.target)!).toBeGreaterThan(rank.get(candidate.source)!);
  });
});

describe('layoutReleaseGraphAsync without workers (Node, a server)', () => {
  it('gives what layoutReleaseGraph gives, laid out on this thread after a yield', async () => {
    const graph = fresh(60);
    const before = layoutCacheStats();
    const promise = layoutReleaseGraphAsync(graph, { nodeSpacing: 31 });
    // Nothing ran yet: the work waits for the event loop.
    expect(layoutCacheStats().computed).toBe(before.computed);
    const layout = await promise;
    expect(layoutCacheStats().computed - before.computed).toBe(1);
    expect(layoutCacheStats().inWorker - before.inWorker).toBe(0);
    expect(positions(layout)).toEqual(positions(layoutReleaseGraph(graph, { nodeSpacing: 31 })));
  });

  it('rejects with AbortError, and lays nothing out, when aborted before or while it waits', async () => {
    const before = layoutCacheStats();
    const early = new AbortController();
    early.abort();
    await expect(layoutReleaseGraphAsync(fresh(40), {}, { signal: early.signal })).rejects.toMatchObject({ name: 'AbortError' });
    const late = new AbortController();
    const waiting = layoutReleaseGraphAsync(fresh(40), {}, { signal: late.signal });
    late.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(layoutCacheStats().computed).toBe(before.computed);
  });

  it('rejects bad data with ReleaseDataError naming the problem', async () => {
    const bad = release([environment('dev', ['nowhere'])]);
    await expect(layoutReleaseGraphAsync(bad)).rejects.toMatchObject({ name: 'ReleaseDataError' });
  });
});

describe('layoutReleaseGraphIfQuick', () => {
  it('lays out a small graph at once, and says no to a big one until it is cached', () => {
    expect(layoutReleaseGraphIfQuick(fresh(10))?.nodes).toHaveLength(10);
    const big = fresh(300);
    expect(layoutCost(planLayout(big).input.dependencies)).toBeGreaterThan(QUICK_LAYOUT_COST);
    expect(layoutReleaseGraphIfQuick(big)).toBeUndefined();
    layoutReleaseGraph(big);
    // A status update of the cached structure is quick.
    const update = { ...big, environments: big.environments.map((e, i) => (i === 7 ? { ...e, status: 'failed' as const } : e)) };
    expect(layoutReleaseGraphIfQuick(update)?.nodes[7]!.data.environment.status).toBe('failed');
  });
});

describe('adoptLayout', () => {
  it("caches a layout made elsewhere (even through JSON) for the plan's structure, and nothing else", () => {
    const graph = fresh(120);
    const made = JSON.parse(JSON.stringify(layoutReleaseGraph(graph, { nodeSpacing: 33 }))) as ReturnType<typeof layoutReleaseGraph>;
    // Forget it: 40 other structures push it out of the cache.
    for (let i = 0; i < 40; i++) layoutReleaseGraph(fresh(3), { nodeSpacing: 100 + i });
    const plan = planLayout(graph, { nodeSpacing: 33 });
    expect(plan.cached()).toBe(false);
    const broken = { ...made, nodes: made.nodes.map((node, i) => (i === 3 ? { ...node, position: { x: Number.NaN, y: 0 } } : node)) };
    expect(adoptLayout(plan, broken)).toBe(false);
    expect(adoptLayout(plan, { ...made, nodes: made.nodes.slice(1) })).toBe(false);
    expect(adoptLayout(planLayout(graph, { nodeSpacing: 34 }), made)).toBe(false);
    expect(plan.cached()).toBe(false);
    expect(adoptLayout(plan, made)).toBe(true);
    const before = layoutCacheStats();
    expect(positions(layoutReleaseGraph(graph, { nodeSpacing: 33 }))).toEqual(positions(made));
    expect(layoutCacheStats().computed).toBe(before.computed);
  });
});

describe('serveLayoutWorker', () => {
  const serve = () => {
    const answers: LayoutWorkerResponse[] = [];
    const scope = { onmessage: null as ((event: { data: unknown }) => void) | null, postMessage: (message: LayoutWorkerResponse) => answers.push(message) };
    serveLayoutWorker(scope);
    return { send: (data: unknown) => scope.onmessage!({ data }), answers };
  };
  const input = { dependencies: [[], [0]], sizes: [{ width: 10, height: 10 }, { width: 10, height: 10 }], direction: 'LR', nodeSpacing: 40, rankSpacing: 80 };

  it('answers a request with the geometry of its DAG', () => {
    const worker = serve();
    worker.send({ id: 7, input });
    const answer = worker.answers[0]!;
    expect(answer.id).toBe(7);
    expect('geometry' in answer && answer.geometry.positions.map((placed) => placed.rank)).toEqual([0, 1]);
  });

  it('answers anything else with an error, never running dagre on it', () => {
    const worker = serve();
    worker.send({ id: 1, input: { ...input, dependencies: [[1], []] } });
    worker.send({ id: 2, input: { ...input, direction: 'RL' } });
    worker.send({ id: 3, input: { ...input, sizes: [{ width: 10 }] } });
    worker.send(JSON.parse('{"__proto__": {"id": 4}}'));
    worker.send('hello');
    expect(worker.answers).toEqual([
      { id: 1, error: 'not a layout request' },
      { id: 2, error: 'not a layout request' },
      { id: 3, error: 'not a layout request' },
      { id: -1, error: 'not a layout request' },
      { id: -1, error: 'not a layout request' },
    ]);
  });
});

// Environment names are data: `__proto__`, `constructor` or `toString` are names like any other.
// dagre keeps its graph in plain objects, so the layout must never hand it a name as an id: an
// environment called `__proto__` once added enumerable keys to every object of the process.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { layoutReleaseGraph, type EnvironmentStep, type ReleaseGraphLayout, type Status } from '../../src/headless';
import { HOSTILE_NAMES, LONG_NAME, PROTOTYPE_NAMES, guardPrototypes, prototypeChanges, prototypeState } from '../fixtures/hostile-names';
import { environment, release } from '../fixtures/release';

guardPrototypes();

const chain = (names: readonly string[]) => release(names.map((name, i) => environment(name, i === 0 ? [] : [names[i - 1]!])));

function expectFinite(layout: ReleaseGraphLayout) {
  for (const node of layout.nodes) {
    expect(Number.isFinite(node.position.x) && Number.isFinite(node.position.y), `position of ${node.id}`).toBe(true);
  }
  for (const edge of layout.edges) {
    expect(edge.data.points.length, `points of ${edge.id}`).toBeGreaterThanOrEqual(2);
    for (const point of edge.data.points) expect(Number.isFinite(point.x) && Number.isFinite(point.y), `points of ${edge.id}`).toBe(true);
  }
  expect(Number.isFinite(layout.width) && Number.isFinite(layout.height)).toBe(true);
}

/** Positions, sizes, ranks and edge points, without the names: equal shapes give equal values. */
const shape = (layout: ReleaseGraphLayout) => ({
  nodes: layout.nodes.map((node) => [node.position, node.width, node.height, node.data.rank]),
  edges: layout.edges.map((edge) => [layout.nodes.findIndex((n) => n.id === edge.source), layout.nodes.findIndex((n) => n.id === edge.target), edge.data.points]),
  width: layout.width,
  height: layout.height,
});

describe('layoutReleaseGraph on names of Object.prototype', () => {
  it.each(PROTOTYPE_NAMES)('lays out dev -> %s -> prod like any other name, leaving Object.prototype alone', (name) => {
    const layout = layoutReleaseGraph(chain(['dev', name, 'prod']));
    expect(layout.nodes.map((node) => node.id)).toEqual(['dev', name, 'prod']);
    expect(layout.nodes.map((node) => node.data.rank)).toEqual([0, 1, 2]);
    expect(layout.nodes[1]!.data.environment.name).toBe(name);
    expect(layout.edges.map((edge) => [edge.source, edge.target])).toEqual([
      ['dev', name],
      [name, 'prod'],
    ]);
    expectFinite(layout);
    expect(shape(layout)).toEqual(shape(layoutReleaseGraph(chain(['dev', 'qa', 'prod']))));
    const inherited: string[] = [];
    for (const key in {}) inherited.push(key);
    expect(inherited).toEqual([]);
  });

  it('lays out a graph whose every environment has a hostile name', () => {
    const names = [...HOSTILE_NAMES];
    const layout = layoutReleaseGraph(chain(names));
    expect(layout.nodes.map((node) => node.id)).toEqual(names);
    expectFinite(layout);
    expect(shape(layout)).toEqual(shape(layoutReleaseGraph(chain(names.map((_, i) => `n${i}`)))));
  });

  it('fans out from and into prototype names', () => {
    const layout = layoutReleaseGraph(
      release([
        environment('__proto__'),
        environment('constructor', ['__proto__']),
        environment('toString', ['__proto__']),
        environment('valueOf', ['constructor', 'toString']),
        environment('hasOwnProperty', ['valueOf', '__proto__']),
      ]),
    );
    const plain = layoutReleaseGraph(
      release([environment('a'), environment('b', ['a']), environment('c', ['a']), environment('d', ['b', 'c']), environment('e', ['d', 'a'])]),
    );
    expect(layout.nodes.map((node) => node.data.rank)).toEqual([0, 1, 1, 2, 3]);
    expectFinite(layout);
    expect(shape(layout)).toEqual(shape(plain));
  });

  it('gives every edge its own id, whatever the names hold', () => {
    // `a->b` then `c` and `a` then `b->c` would both be `a->b->c` if names were only joined.
    const layout = layoutReleaseGraph(
      release([environment('a'), environment('a->b', ['a']), environment('b->c', ['a']), environment('c', ['a->b']), environment('b', ['a'])]),
    );
    const withArrow = layoutReleaseGraph(release([environment('a'), environment('b->c', ['a']), environment('a->b'), environment('c', ['a->b'])]));
    for (const result of [layout, withArrow]) {
      const ids = result.edges.map((edge) => edge.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    expect(layout.edges).toHaveLength(4);
    // Names without `>` or `\` keep their readable ids.
    expect(layoutReleaseGraph(chain(['dev', 'qa'])).edges[0]!.id).toBe('dev->qa');
  });

  it('keeps positions on a status-only change of hostile names, without running dagre', async () => {
    const names = [...HOSTILE_NAMES];
    const first = chain(names);
    const layout = layoutReleaseGraph(first);
    const dagre = await import('@dagrejs/dagre');
    const spy = vi.spyOn(dagre.Graph.prototype, 'setNode');
    const next = { ...first, environments: first.environments.map((e) => (e.name === '__proto__' ? { ...e, status: 'running' as Status } : e)) };
    const again = layoutReleaseGraph(next);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(again.structureKey).toBe(layout.structureKey);
    expect(again.nodes.map((node) => node.position)).toEqual(layout.nodes.map((node) => node.position));
    expect(again.nodes.find((node) => node.id === '__proto__')!.data.environment.status).toBe('running');
  });

  it('tells apart names that differ only where a key would be cut', () => {
    const long = layoutReleaseGraph(chain(['dev', LONG_NAME, `${LONG_NAME.slice(0, -1)}y`]));
    expect(long.nodes.map((node) => node.id)).toEqual(['dev', LONG_NAME, `${LONG_NAME.slice(0, -1)}y`]);
    expectFinite(long);
  });
});

/**
 * A random DAG as edges between indices: each environment depends on up to three earlier ones,
 * often not the one just before it, so edges skip ranks (dagre then adds dummy nodes).
 */
const dagArbitrary = fc.integer({ min: 1, max: 24 }).chain((size) =>
  fc.tuple(
    fc.array(fc.uniqueArray(fc.nat(), { maxLength: 3 }), { minLength: size, maxLength: size }),
    // A distinct hostile name for every environment (they are fewer than 24: the rest plain).
    fc.shuffledSubarray([...HOSTILE_NAMES], { minLength: Math.min(size, HOSTILE_NAMES.length), maxLength: Math.min(size, HOSTILE_NAMES.length) }),
    fc.array(fc.nat({ max: 2 }), { minLength: size, maxLength: size }),
  ),
);

describe('layoutReleaseGraph properties on hostile names', () => {
  it('gives a DAG of hostile names the shape of the same DAG with plain names', () => {
    const before = prototypeState();
    fc.assert(
      fc.property(dagArbitrary, fc.constantFrom<'LR' | 'TB'>('LR', 'TB'), ([deps, hostile, rows], direction) => {
        const build = (nameOf: (i: number) => string): EnvironmentStep[] =>
          deps.map((ds, i) =>
            environment(nameOf(i), i === 0 ? [] : [...new Set(ds.map((d) => nameOf(d % i)))], {
              workflows: { trigger: [], preAction: Array.from({ length: rows[i]! }, (_, r) => ({ name: `w${r}`, status: 'pending', runs: [] })), postAction: [] },
            }),
          );
        const plain = layoutReleaseGraph(release(build((i) => `n${i}`)), { direction });
        const named = layoutReleaseGraph(release(build((i) => hostile[i] ?? `plain-${i}`)), { direction });
        expectFinite(named);
        expect(named.nodes.map((node) => node.id)).toEqual(deps.map((_, i) => hostile[i] ?? `plain-${i}`));
        expect(shape(named)).toEqual(shape(plain));
        expect(new Set(named.edges.map((edge) => edge.id)).size).toBe(named.edges.length);
        expect(prototypeChanges(before)).toEqual([]);
      }),
      { numRuns: 100, seed: 20261212 },
    );
  }, 60_000);
});

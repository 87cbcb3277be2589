import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  NODE_METRICS,
  ReleaseDataError,
  edgeState,
  environmentNodeSize,
  layoutReleaseGraph,
  type EnvironmentStep,
  type ReleaseGraphLayout,
  type Status,
} from '../../src/headless';
import { environment, release } from '../fixtures/release';

const step = (name: string) => ({ name, status: 'pending' as Status, runs: [] });

const fanOutFanIn = () =>
  release([
    environment('dev', [], { status: 'succeeded' }),
    environment('qa', ['dev'], { status: 'succeeded' }),
    environment('staging', ['dev'], { status: 'running' }),
    environment('production', ['qa', 'staging']),
    environment('prod-eu', ['production']),
    environment('prod-asia', ['production']),
  ]);

function overlaps(a: ReleaseGraphLayout['nodes'][number], b: ReleaseGraphLayout['nodes'][number]) {
  return (
    a.position.x < b.position.x + b.width &&
    b.position.x < a.position.x + a.width &&
    a.position.y < b.position.y + b.height &&
    b.position.y < a.position.y + a.height
  );
}

function expectWellFormed(layout: ReleaseGraphLayout) {
  // Offenders are collected and asserted once: an expect per pair is slow at 300 nodes.
  const byId = new Map(layout.nodes.map((node) => [node.id, node]));
  const overlapping: string[] = [];
  for (let i = 0; i < layout.nodes.length; i++) {
    for (let j = i + 1; j < layout.nodes.length; j++) {
      if (overlaps(layout.nodes[i]!, layout.nodes[j]!)) overlapping.push(`${layout.nodes[i]!.id} & ${layout.nodes[j]!.id}`);
    }
  }
  expect(overlapping).toEqual([]);
  const backwards = layout.edges.filter((edge) => {
    const source = byId.get(edge.source)!;
    const target = byId.get(edge.target)!;
    const after =
      layout.direction === 'LR'
        ? target.position.x >= source.position.x + source.width
        : target.position.y >= source.position.y + source.height;
    return !(target.data.rank > source.data.rank && after);
  });
  expect(backwards.map((edge) => edge.id)).toEqual([]);
  const outside = layout.nodes.filter(
    (node) =>
      node.position.x < 0 ||
      node.position.y < 0 ||
      node.position.x + node.width > layout.width + 0.001 ||
      node.position.y + node.height > layout.height + 0.001,
  );
  expect(outside.map((node) => node.id)).toEqual([]);
}

describe('layoutReleaseGraph', () => {
  it('returns React Flow nodes and edges, left to right by default', () => {
    const layout = layoutReleaseGraph(fanOutFanIn());
    expect(layout.direction).toBe('LR');
    expect(layout.nodes.map((node) => node.id)).toEqual(['dev', 'qa', 'staging', 'production', 'prod-eu', 'prod-asia']);
    expect(layout.nodes[0]).toMatchObject({ type: 'environment', width: NODE_METRICS.width, data: { rank: 0 } });
    expect(layout.edges.map((edge) => edge.id)).toEqual([
      'dev->qa',
      'dev->staging',
      'qa->production',
      'staging->production',
      'production->prod-eu',
      'production->prod-asia',
    ]);
    const ranks = Object.fromEntries(layout.nodes.map((node) => [node.id, node.data.rank]));
    expect(ranks).toEqual({ dev: 0, qa: 1, staging: 1, production: 2, 'prod-eu': 3, 'prod-asia': 3 });
    expectWellFormed(layout);
  });

  it('puts fan-out siblings in one column and lays out top to bottom on request', () => {
    const lr = layoutReleaseGraph(fanOutFanIn());
    const node = (layout: ReleaseGraphLayout, id: string) => layout.nodes.find((n) => n.id === id)!;
    expect(node(lr, 'qa').position.x).toBe(node(lr, 'staging').position.x);
    const tb = layoutReleaseGraph(fanOutFanIn(), { direction: 'TB' });
    expect(node(tb, 'qa').position.y).toBe(node(tb, 'staging').position.y);
    expect(node(tb, 'production').position.y).toBeGreaterThan(node(tb, 'qa').position.y);
    expectWellFormed(tb);
  });

  it('gives each edge its state from its two environments', () => {
    const layout = layoutReleaseGraph(fanOutFanIn());
    const states = Object.fromEntries(layout.edges.map((edge) => [edge.id, edge.data.state]));
    expect(states).toMatchObject({ 'dev->qa': 'done', 'dev->staging': 'active', 'qa->production': 'pending' });
    expect(layout.edges[0]!.data.points.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps positions but refreshes statuses on a status-only change, without running dagre', async () => {
    const first = fanOutFanIn();
    const before = layoutReleaseGraph(first);
    const dagre = await import('@dagrejs/dagre');
    const spy = vi.spyOn(dagre.Graph.prototype, 'setNode');
    const next = { ...first, environments: first.environments.map((e) => (e.name === 'staging' ? { ...e, status: 'succeeded' as Status } : e)) };
    const after = layoutReleaseGraph(next);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(after.structureKey).toBe(before.structureKey);
    expect(after.nodes.map((n) => n.position)).toEqual(before.nodes.map((n) => n.position));
    expect(after.nodes.find((n) => n.id === 'staging')!.data.environment.status).toBe('succeeded');
    expect(after.edges.find((e) => e.id === 'dev->staging')!.data.state).toBe('done');
  });

  it('lays out again when a node grows (a new workflow row changes the structure)', () => {
    const base = fanOutFanIn();
    const grown = {
      ...base,
      environments: base.environments.map((e) =>
        e.name === 'qa' ? { ...e, workflows: { ...e.workflows, preAction: [step('integration-tests'), step('approval')] } } : e,
      ),
    };
    const a = layoutReleaseGraph(base);
    const b = layoutReleaseGraph(grown);
    expect(b.structureKey).not.toBe(a.structureKey);
    expect(b.nodes.find((n) => n.id === 'qa')!.height).toBeGreaterThan(a.nodes.find((n) => n.id === 'qa')!.height);
    expectWellFormed(b);
  });

  it('does not let a host that moves a node move the cached layout', () => {
    const first = layoutReleaseGraph(fanOutFanIn());
    first.nodes[0]!.position.x = 9999;
    expect(layoutReleaseGraph(fanOutFanIn()).nodes[0]!.position.x).not.toBe(9999);
  });

  it('draws a dependency listed twice as one edge', () => {
    const layout = layoutReleaseGraph(release([environment('dev'), environment('qa', ['dev', 'dev'])]));
    expect(layout.edges.map((e) => e.id)).toEqual(['dev->qa']);
  });
});

describe('layoutReleaseGraph on bad data', () => {
  const raised = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error as ReleaseDataError;
    }
    throw new Error('expected a ReleaseDataError');
  };

  it('names the environments of a cycle', () => {
    const error = raised(() =>
      layoutReleaseGraph(release([environment('dev'), environment('qa', ['dev', 'prod']), environment('prod', ['qa'])])),
    );
    expect(error).toBeInstanceOf(ReleaseDataError);
    expect(error.message).toMatch(/cycle/);
    expect(error.value).toEqual(expect.arrayContaining(['qa', 'prod']));
    expect(error.value).not.toContain('dev');
  });

  it('treats an environment that depends on itself as a cycle', () => {
    expect(raised(() => layoutReleaseGraph(release([environment('dev', ['dev'])]))).message).toMatch(/cycle: dev -> dev/);
  });

  it('names an unknown dependsOn and where it is', () => {
    const error = raised(() => layoutReleaseGraph(release([environment('dev'), environment('qa', ['dve'])])));
    expect(error.path).toBe('$.environments[1].dependsOn[0]');
    expect(error.value).toBe('dve');
    expect(error.message).toContain('"qa" depends on "dve"');
  });

  it('names a duplicate environment', () => {
    const error = raised(() => layoutReleaseGraph(release([environment('dev'), environment('qa', ['dev']), environment('qa', ['dev'])])));
    expect(error.path).toBe('$.environments[2].name');
    expect(error.message).toContain('"qa" appears twice');
  });

  it('rejects a release with no environments', () => {
    const error = raised(() => layoutReleaseGraph(release([])));
    expect(error.path).toBe('$.environments');
  });
});

describe('environmentNodeSize', () => {
  it('is a pure function of the content: issues, workflow rows and applications add height', () => {
    const bare = environmentNodeSize(environment('dev'));
    const withIssues = environmentNodeSize(environment('dev', [], { issues: [{ kind: 'git', level: 'error', message: 'x' }] }));
    const withRows = environmentNodeSize(environment('dev', [], { workflows: { trigger: [], preAction: [step('a'), step('b')], postAction: [] } }));
    expect(withIssues.height).toBe(bare.height + NODE_METRICS.issuesRow);
    expect(withRows.height).toBe(bare.height + NODE_METRICS.sectionTitle + 2 * NODE_METRICS.row);
    expect(environmentNodeSize(environment('dev', [], { status: 'failed' }))).toEqual(bare);
  });
});

describe('edgeState', () => {
  const e = (status: Status) => environment('x', [], { status });
  it.each<[Status, Status, Status, string]>([
    ['succeeded', 'succeeded', 'running', 'done'],
    ['succeeded', 'running', 'running', 'active'],
    ['succeeded', 'suspended', 'suspended', 'active'],
    ['succeeded', 'failed', 'failed', 'failed'],
    ['succeeded', 'terminated', 'terminated', 'failed'],
    ['succeeded', 'pending', 'running', 'pending'],
    ['failed', 'pending', 'failed', 'skipped'],
    ['succeeded', 'pending', 'terminated', 'skipped'],
    ['succeeded', 'skipped', 'succeeded', 'skipped'],
  ])('%s -> %s in a %s release is %s', (source, target, releaseStatus, expected) => {
    expect(edgeState(e(source), e(target), releaseStatus)).toBe(expected);
  });
});

/** A random DAG: every environment depends only on environments before it. */
const dagArbitrary = fc.integer({ min: 1, max: 300 }).chain((size) =>
  fc
    .array(
      fc.tuple(fc.uniqueArray(fc.nat(), { maxLength: 3 }), fc.nat({ max: 3 }), fc.boolean(), fc.boolean()),
      { minLength: size, maxLength: size },
    )
    .map((specs) =>
      specs.map(([deps, preAction, issues, apps], index): EnvironmentStep =>
        environment(`env-${index}`, index === 0 ? [] : [...new Set(deps.map((d) => `env-${d % index}`))], {
          workflows: { trigger: [], preAction: Array.from({ length: preAction }, (_, i) => step(`w${i}`)), postAction: [] },
          issues: issues ? [{ kind: 'workflow', level: 'error', message: 'boom' }] : [],
          applications: apps ? [{ name: 'api', sync: 'synced', health: 'healthy' }] : [],
        }),
      ),
    ),
);

describe('layoutReleaseGraph properties', () => {
  it('on random DAGs of up to 300 environments: no overlaps, edges go to later ranks, same input same output', () => {
    fc.assert(
      fc.property(dagArbitrary, fc.constantFrom<'LR' | 'TB'>('LR', 'TB'), (environments, direction) => {
        const layout = layoutReleaseGraph(release(environments), { direction, nodeSpacing: 17 + environments.length });
        expectWellFormed(layout);
        expect(layout.nodes).toHaveLength(environments.length);
        // A deep copy defeats the cache key by identity and proves determinism by value.
        const again = layoutReleaseGraph(release(structuredClone(environments)), { direction, nodeSpacing: 17 + environments.length });
        expect(again.nodes).toEqual(layout.nodes);
        expect(again.edges).toEqual(layout.edges);
      }),
      { numRuns: 40, seed: 20261126 },
    );
  }, 120_000);
});

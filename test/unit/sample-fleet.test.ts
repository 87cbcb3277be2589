// The fleet-scale samples: thousands of stores rolled out in gated waves, and tenants in cells.
import { describe, expect, it } from 'vitest';
import { ReleaseDataError } from '../../src/headless/adapters/errors';
import { topologicalOrder } from '../../src/headless/graph/validate';
import { isTerminalStatus } from '../../src/headless/model/status';
import type { EnvironmentStep, FlowEnvironment, PromotionFlow, Release, Status } from '../../src/headless/model/types';
import {
  SAMPLE_FLEET_SHAPES,
  SAMPLE_FLOW_SHAPES,
  SAMPLE_STATES,
  sampleFlow,
  sampleRelease,
  sampleReleaseHistory,
  simulatePromotion,
} from '../../src/headless/sample';
import { expectConsistent, expectValidDag, time } from './sample-checks';

const WAVES = ['canary', 'wave-1', 'wave-2', 'wave-3'] as const;
const GATES = ['approve-wave-1', 'approve-wave-2', 'approve-wave-3'];

type Env = Pick<FlowEnvironment, 'name' | 'dependsOn' | 'group' | 'kind'>;

const stores = (envs: readonly Env[]) => envs.filter((e) => e.name.startsWith('store-'));
const wave = (e: Env) => e.group?.split('/')[0];
const members = <T extends Env>(envs: readonly T[], name: string) => envs.filter((e) => wave(e) === name);
const byName = <T extends Env>(envs: readonly T[]) => new Map(envs.map((e) => [e.name, e]));
/** Each environment's dependents, in list order. */
function dependents(envs: readonly Env[]): Map<string, string[]> {
  const out = new Map<string, string[]>(envs.map((e) => [e.name, []]));
  for (const e of envs) for (const d of e.dependsOn) out.get(d)?.push(e.name);
  return out;
}
const statuses = (envs: readonly EnvironmentStep[]) => new Set(envs.map((e) => e.status));
const count = (envs: readonly EnvironmentStep[], status: Status) => envs.filter((e) => e.status === status).length;

describe('the fleet shape', () => {
  it('is listed with the other shapes and as a fleet shape', () => {
    expect(SAMPLE_FLOW_SHAPES).toEqual(expect.arrayContaining(['fleet', 'tenants']));
    expect(SAMPLE_FLEET_SHAPES).toEqual(['fleet', 'tenants']);
  });

  it.each([
    [undefined, 2000, [10, 100, 500, 1390]],
    [2000, 2000, [10, 100, 500, 1390]],
    [5000, 5000, [10, 250, 1250, 3490]],
    [60, 60, [10, 3, 15, 32]],
  ] as const)('size %s: %i stores, a canary of 10, then waves of 5, 25 and 70 percent', (size, total, sizes) => {
    const flow = sampleFlow('fleet', 1, size);
    const envs = flow.environments;
    expect(stores(envs)).toHaveLength(total);
    expect(envs).toHaveLength(total + 2 + GATES.length);
    expect(WAVES.map((w) => members(envs, w).length)).toEqual(sizes);
    expect(envs.slice(0, 2).map((e) => [e.name, e.dependsOn, e.kind])).toEqual([
      ['dev', [], 'non-production'],
      ['staging', ['dev'], 'non-production'],
    ]);
    const at = byName(envs);
    for (const gate of GATES) {
      expect(at.get(gate)).toMatchObject({ kind: 'non-production' });
      expect(at.get(gate)?.group).toBeUndefined();
    }
    expect(flow.trigger).toBe('dev');
    expectValidDag(flow);
    expect(topologicalOrder(envs)).toHaveLength(envs.length);
  });

  it('names every store uniquely, zero-padded, after one of 12 regions dealt round-robin', () => {
    for (const size of [2000, 5000]) {
      const list = stores(sampleFlow('fleet', 1, size).environments);
      expect(new Set(list.map((e) => e.name)).size).toBe(size);
      list.forEach((e, i) => {
        expect(e.name).toMatch(/^store-\d{4}-[a-z]{2}-[a-z]+-\d$/);
        expect(e.name.slice(6, 10)).toBe(String(i + 1).padStart(4, '0'));
        expect(e.kind).toBe('production');
      });
      const regions = list.map((e) => e.name.slice(11));
      expect(new Set(regions).size).toBe(12);
      expect(regions.slice(0, 12)).toEqual(regions.slice(12, 24));
      expect(regions).toEqual(expect.arrayContaining(['us-east-1', 'eu-west-1', 'ap-southeast-2']));
      const perRegion = [...new Set(regions)].map((r) => regions.filter((x) => x === r).length);
      expect(Math.max(...perRegion) - Math.min(...perRegion)).toBeLessThanOrEqual(1);
    }
    // Past 9,999 stores the numbers grow a digit, and all of them the same.
    const big = stores(sampleFlow('fleet', 1, 12_000).environments);
    expect(big[0]?.name).toBe('store-00001-us-east-1');
    expect(big.every((e) => /^store-\d{5}-[a-z]/.test(e.name))).toBe(true);
    expect(big.at(-1)?.name.slice(0, 11)).toBe('store-12000');
  });

  it('puts every store in a <wave>/<region> group of at most 3 levels', () => {
    const envs = sampleFlow('fleet').environments;
    for (const e of stores(envs)) {
      expect(e.group).toBe(`${wave(e)}/${e.name.slice(11)}`);
      expect(e.group?.split('/').length).toBeLessThanOrEqual(3);
      expect(WAVES).toContain(wave(e));
    }
    expect(envs.filter((e) => e.group === undefined).map((e) => e.name)).toEqual(['dev', 'staging', ...GATES]);
  });

  it('gates each wave: every store of a wave waits for the same gate and is waited for by the next', () => {
    const envs = sampleFlow('fleet').environments;
    const after = dependents(envs);
    const entry = ['staging', ...GATES];
    WAVES.forEach((w, i) => {
      const list = members(envs, w);
      for (const e of list) {
        expect(e.dependsOn).toEqual([entry[i]]);
        expect(after.get(e.name)).toEqual(i < 3 ? [GATES[i]] : []);
      }
      // The gate that opens the next wave waits for every store of this one.
      if (i < 3) expect(byName(envs).get(GATES[i]!)?.dependsOn).toEqual(list.map((e) => e.name));
    });
  });

  it('gives each environment a dependsOn list of its own', () => {
    const envs = sampleFlow('fleet', 1, 60).environments;
    const [a, b] = members(envs, 'wave-2');
    expect(a?.dependsOn).toEqual(b?.dependsOn);
    expect(a?.dependsOn).not.toBe(b?.dependsOn);
  });

  it.each([10, 15, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 200_001, '60' as unknown as number])(
    'refuses a size of %s with a ReleaseDataError naming it',
    (size) => {
      expect(() => sampleFlow('fleet', 1, size)).toThrow(ReleaseDataError);
      expect(() => sampleRelease({ shape: 'fleet', size })).toThrow(/size/);
    },
  );

  it('accepts the smallest fleet with a store in every wave', () => {
    expect(WAVES.map((w) => members(sampleFlow('fleet', 1, 16).environments, w).length)).toEqual([10, 1, 4, 1]);
  });
});

describe('the tenants shape', () => {
  it('rolls 400 tenants through three cells, each tenant after its own previous cell', () => {
    const flow = sampleFlow('tenants');
    const envs = flow.environments;
    expect(envs).toHaveLength(1202);
    expectValidDag(flow);
    expect(topologicalOrder(envs)).toHaveLength(1202);
    const cells = [1, 2, 3].map((n) => envs.filter((e) => e.group?.startsWith(`cell-${n}/`)));
    expect(cells.map((c) => c.length)).toEqual([400, 400, 400]);
    for (const [n, cell] of cells.entries()) {
      for (const [t, e] of cell.entries()) {
        expect(e.kind).toBe('production');
        expect(e.name).toBe(`tenant-${String(t + 1).padStart(4, '0')}-cell-${n + 1}`);
        expect(e.dependsOn).toEqual([n ? cells[n - 1]![t]!.name : 'staging']);
        // A tenant keeps its tier in every cell.
        expect(e.group?.split('/')[1]).toBe(cells[0]![t]!.group?.split('/')[1]);
      }
    }
    const tiers = new Set(envs.flatMap((e) => (e.group ? [e.group.split('/')[1]] : [])));
    expect(tiers).toEqual(new Set(['free', 'team', 'enterprise']));
    // Members of one group are not structurally one: each waits for its own tenant.
    const group = envs.filter((e) => e.group === 'cell-2/free');
    expect(group.length).toBeGreaterThan(50);
    expect(new Set(group.map((e) => e.dependsOn[0])).size).toBe(group.length);
  });

  it('scales with size and deals tiers from the seed', () => {
    expect(sampleFlow('tenants', 1, 50).environments).toHaveLength(152);
    expect(sampleFlow('tenants', 3)).toEqual(sampleFlow('tenants', 3));
    expect(sampleFlow('tenants', 3)).not.toEqual(sampleFlow('tenants', 4));
    expect(() => sampleFlow('tenants', 1, 0)).toThrow(ReleaseDataError);
  });
});

describe('sampleRelease, fleet shapes', () => {
  it.each([2000, 5000])('builds a light release of exactly %i stores', (size) => {
    const release = sampleRelease({ shape: 'fleet', size });
    expect(release.environments.filter((e) => e.kind === 'production')).toHaveLength(size);
    for (const env of release.environments) {
      expect(env.applications).toHaveLength(1);
      expect(env.workflows).toEqual({ trigger: [], preAction: [], postAction: [] });
    }
    expect(release.notes).toBeUndefined();
    const flow = sampleFlow('fleet', 1, size);
    expect(release.environments.map((e) => [e.name, e.dependsOn, e.group])).toEqual(flow.environments.map((e) => [e.name, e.dependsOn, e.group]));
  });

  const cases = SAMPLE_FLEET_SHAPES.flatMap((shape) => SAMPLE_STATES.map((state) => [shape, state] as const));
  it.each(cases)('%s / %s keeps the model invariants', (shape, state) => {
    const release = sampleRelease({ shape, state, size: shape === 'fleet' ? 60 : 20 });
    expectConsistent(release);
    expect(release.flow).toEqual({ name: `${shape}-flow` });
    expect(release.updatedAt).toBe('2026-11-20T10:00:00.000Z');
  });

  it('succeeded: every store succeeded', () => {
    const release = sampleRelease({ shape: 'fleet', size: 60 });
    expect(release.status).toBe('succeeded');
    expect(statuses(release.environments)).toEqual(new Set(['succeeded']));
  });

  it('running: part-way through wave-2, with succeeded, running and pending stores', () => {
    const release = sampleRelease({ shape: 'fleet', state: 'running' });
    expect(release.status).toBe('running');
    const envs = release.environments;
    for (const w of ['canary', 'wave-1']) expect(statuses(members(envs, w))).toEqual(new Set(['succeeded']));
    expect(statuses(members(envs, 'wave-2'))).toEqual(new Set(['succeeded', 'running', 'pending']));
    expect(statuses(members(envs, 'wave-3'))).toEqual(new Set(['pending']));
    expect(envs.find((e) => e.name === 'approve-wave-3')?.status).toBe('pending');
    const running = members(envs, 'wave-2').filter((e) => e.status === 'running');
    // As many run at once as the rollout allows, no more.
    expect(running.length).toBeGreaterThan(1);
    expect(running.length).toBeLessThanOrEqual(50);
  });

  it('running: `wave` picks the wave it is part-way through, `parallel` how many run at once', () => {
    const release = sampleRelease({ shape: 'fleet', state: 'running', wave: 'wave-3', parallel: 20 });
    const envs = release.environments;
    expect(statuses(members(envs, 'wave-2'))).toEqual(new Set(['succeeded']));
    expect(statuses(members(envs, 'wave-3'))).toEqual(new Set(['succeeded', 'running', 'pending']));
    expect(count(members(envs, 'wave-3'), 'running')).toBeLessThanOrEqual(20);
    const canary = sampleRelease({ shape: 'fleet', state: 'running', wave: 'canary', size: 60 }).environments;
    expect(count(members(canary, 'canary'), 'running')).toBeGreaterThan(0);
    expect(statuses(members(canary, 'wave-1'))).toEqual(new Set(['pending']));
  });

  it('failed: a handful of wave-2 stores fail, the next gate never opens and the release failed', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const release = sampleRelease({ shape: 'fleet', state: 'failed', seed });
      expect(release.status).toBe('failed');
      expect(release.error?.code).toBe('STEP_FAILED');
      const envs = release.environments;
      const failed = envs.filter((e) => e.status === 'failed');
      expect(failed.length).toBeGreaterThanOrEqual(3);
      expect(failed.length).toBeLessThanOrEqual(12);
      for (const env of failed) {
        expect(wave(env)).toBe('wave-2');
        expect(env.issues.some((i) => i.level === 'error')).toBe(true);
      }
      // The rest of the wave finished; nothing after it started.
      expect(count(members(envs, 'wave-2'), 'succeeded')).toBe(500 - failed.length);
      const after = envs.filter((e) => e.name === 'approve-wave-3' || wave(e) === 'wave-3');
      expect(after).toHaveLength(1391);
      for (const env of after) {
        expect(env.status).toBe('pending');
        expect(env.startedAt).toBeUndefined();
      }
      expect(release.hooks?.map((h) => h.event)).toEqual(['on-start', 'on-failure']);
    }
  });

  it('failed: `failures` sets how many fail and `wave` where', () => {
    const release = sampleRelease({ shape: 'fleet', state: 'failed', failures: 7, wave: 'wave-1' });
    const failed = release.environments.filter((e) => e.status === 'failed');
    expect(failed).toHaveLength(7);
    expect(new Set(failed.map(wave))).toEqual(new Set(['wave-1']));
    expect(statuses(release.environments.filter((e) => ['wave-2', 'wave-3'].includes(wave(e) ?? '')))).toEqual(new Set(['pending']));
  });

  it('terminated: the wave stops where it was, nothing downstream runs', () => {
    const release = sampleRelease({ shape: 'fleet', state: 'terminated' });
    expect(release.status).toBe('terminated');
    const envs = release.environments;
    expect(count(members(envs, 'wave-2'), 'terminated')).toBeGreaterThan(0);
    expect(count(envs, 'running')).toBe(0);
    expect(statuses(members(envs, 'wave-3'))).toEqual(new Set(['pending']));
  });

  it("suspended-pr: the gate of the wave waits for its pull request, the wave hasn't started", () => {
    const release = sampleRelease({ shape: 'fleet', state: 'suspended-pr' });
    expect(release.status).toBe('suspended');
    const envs = release.environments;
    const gate = envs.find((e) => e.name === 'approve-wave-2');
    expect(gate?.status).toBe('suspended');
    expect(gate?.pullRequest?.state).toBe('open');
    expect(statuses(members(envs, 'wave-1'))).toEqual(new Set(['succeeded']));
    expect(statuses(members(envs, 'wave-2'))).toEqual(new Set(['pending']));
  });

  it('queued: nothing started', () => {
    expect(statuses(sampleRelease({ shape: 'fleet', state: 'queued' }).environments)).toEqual(new Set(['pending']));
  });

  it('tenants: cells follow each other tenant by tenant', () => {
    const release = sampleRelease({ shape: 'tenants', state: 'running' });
    expect(release.environments).toHaveLength(1202);
    const at = byName(release.environments);
    const cell2 = release.environments.filter((e) => e.group?.startsWith('cell-2/'));
    expect(statuses(cell2)).toEqual(new Set(['succeeded', 'running', 'pending']));
    for (const env of release.environments) {
      if (env.status !== 'pending') for (const d of env.dependsOn) expect(at.get(d)?.status).toBe('succeeded');
    }
    const failed = sampleRelease({ shape: 'tenants', state: 'failed', failures: 4, wave: 'cell-1' });
    const down = failed.environments.filter((e) => e.status === 'failed');
    expect(down).toHaveLength(4);
    // Only the failed tenants stop: their later cells stay pending, other tenants move on.
    for (const env of down) {
      const tenant = env.name.replace(/-cell-1$/, '');
      expect(failed.environments.find((e) => e.name === `${tenant}-cell-3`)?.status).toBe('pending');
    }
    expect(count(failed.environments, 'succeeded')).toBe(1202 - 4 * 3);
  });

  it('is deterministic per seed', () => {
    const a = sampleRelease({ shape: 'fleet', state: 'failed', seed: 3, size: 200 });
    expect(sampleRelease({ shape: 'fleet', state: 'failed', seed: 3, size: 200 })).toEqual(a);
    expect(sampleRelease({ shape: 'fleet', state: 'failed', seed: 4, size: 200 })).not.toEqual(a);
    expect(sampleRelease({ shape: 'tenants', state: 'running', seed: 3 })).toEqual(sampleRelease({ shape: 'tenants', state: 'running', seed: 3 }));
  });

  it('refuses a wave or a failure count it cannot show', () => {
    for (const wave of ['nowhere', 'wave-2/eu-west-1', '__proto__', 'constructor', '']) {
      expect(() => sampleRelease({ shape: 'fleet', state: 'failed', wave })).toThrow(ReleaseDataError);
    }
    expect(() => sampleRelease({ shape: 'fleet', state: 'running', wave: 'cell-1' })).toThrow(/wave/);
    for (const failures of [0, -2, 1.5, 101]) {
      expect(() => sampleRelease({ shape: 'fleet', state: 'failed', wave: 'wave-1', failures })).toThrow(/failures/);
    }
    expect(() => sampleRelease({ shape: 'fleet', parallel: 0 })).toThrow(/parallel/);
  });

  it('gives a history of fleet releases, with failures inside waves', () => {
    const history = sampleReleaseHistory({ shape: 'fleet', size: 60, count: 40, seed: 2 });
    expect(history).toHaveLength(40);
    for (const release of history) expectConsistent(release);
    const failed = history.filter((r) => r.status === 'failed' && r.flow);
    expect(failed.length).toBeGreaterThan(0);
    for (const release of failed) {
      const down = release.environments.filter((e) => e.status === 'failed');
      expect(down.length).toBeGreaterThanOrEqual(1);
      expect(new Set(down.map(wave)).size).toBe(1);
    }
  });
});

describe('simulatePromotion, fleet scale', () => {
  // 30 stores: a canary of 10, then waves of 2, 8 and 10.
  const small = sampleFlow('fleet', 1, 30);
  const rank = (status: Status) => (status === 'pending' || status === 'queued' ? 0 : isTerminalStatus(status) ? 2 : 1);

  it('stops on failures in a wave: the next gate stays pending and the release ends failed', () => {
    const snapshots = [...simulatePromotion(small, { failures: { group: 'wave-2', count: 4 } })];
    const last = snapshots.at(-1) as Release;
    expect(last.status).toBe('failed');
    const failed = last.environments.filter((e) => e.status === 'failed');
    expect(failed).toHaveLength(4);
    expect(new Set(failed.map(wave))).toEqual(new Set(['wave-2']));
    for (const s of snapshots) {
      expect(s.environments.find((e) => e.name === 'approve-wave-3')?.status).toBe('pending');
      expect(statuses(members(s.environments, 'wave-3'))).toEqual(new Set(['pending']));
    }
    for (const s of snapshots.slice(0, -1)) expect(isTerminalStatus(s.status)).toBe(false);
    // A group path picks its members too.
    const region = [...simulatePromotion(small, { failures: { group: 'wave-3/us-east-1', count: 1 } })].at(-1)!;
    expect(region.environments.filter((e) => e.status === 'failed').map((e) => e.group)).toEqual(['wave-3/us-east-1']);
  });

  it('failAt takes several names', () => {
    const names = members(small.environments, 'wave-1').map((e) => e.name);
    const last = [...simulatePromotion(small, { failAt: names.slice(0, 2) })].at(-1)!;
    expect(last.environments.filter((e) => e.status === 'failed').map((e) => e.name)).toEqual(names.slice(0, 2));
    expect(last.status).toBe('failed');
    expect(() => [...simulatePromotion(small, { failAt: [names[0]!, 'nowhere'] })]).toThrow(/nowhere/);
  });

  it('coalesces changes into `step` windows, ending on the same release', () => {
    const every = [...simulatePromotion(small)];
    const stepped = [...simulatePromotion(small, { step: 5 * 60_000 })];
    expect(stepped.length).toBeLessThan(every.length / 10);
    expect(stepped[0]).toEqual(every[0]);
    expect(stepped.at(-1)).toEqual(every.at(-1));
    const created = time(stepped[0]?.createdAt);
    for (const s of stepped.slice(1, -1)) expect((time(s.updatedAt) - created) % (5 * 60_000)).toBe(0);
    for (let i = 1; i < stepped.length; i++) {
      stepped[i]!.environments.forEach((env, j) => expect(rank(env.status)).toBeGreaterThanOrEqual(rank(stepped[i - 1]!.environments[j]!.status)));
    }
  });

  it('plays a 2,000-store rollout in about a hundred snapshots at a three-minute step', () => {
    const snapshots = [...simulatePromotion(sampleFlow('fleet'), { step: 3 * 60_000, structuralSharing: true })];
    expect(snapshots.length).toBeGreaterThan(60);
    expect(snapshots.length).toBeLessThan(150);
    expect(snapshots.at(-1)?.status).toBe('succeeded');
    // Light: one application, no workflow steps, like the fleet releases of sampleRelease.
    expect(snapshots.at(-1)?.environments.every((e) => e.applications.length === 1 && e.workflows.preAction.length === 0)).toBe(true);
  });

  it('with structuralSharing, reuses every environment that did not change and gives the same releases', () => {
    for (const flow of [small, sampleFlow('tenants', 1, 6), sampleFlow('regions')]) {
      const plain = [...simulatePromotion(flow, { failures: flow === small ? { group: 'wave-1', count: 1 } : undefined })];
      const shared = [...simulatePromotion(flow, { structuralSharing: true, failures: flow === small ? { group: 'wave-1', count: 1 } : undefined })];
      // Compared as JSON: the same releases, and far cheaper than a deep equality per snapshot.
      expect(JSON.stringify(shared)).toBe(JSON.stringify(plain));
      let reused = 0;
      for (let i = 1; i < shared.length; i++) {
        const [a, b] = [shared[i - 1]!, shared[i]!];
        expect(b).not.toBe(a);
        expect(b.environments).not.toBe(a.environments);
        b.environments.forEach((env, j) => {
          const before = a.environments[j]!;
          const same = env === before;
          // Reused exactly when nothing in it changed.
          if (same !== (JSON.stringify(env) === JSON.stringify(before))) expect({ env, same }).toEqual({ env: before, same: !same });
          if (same) reused++;
        });
      }
      expect(reused).toBeGreaterThan(0);
    }
  });

  it('with structuralSharing, never changes an earlier snapshot', () => {
    const seen: Array<[Release, string]> = [];
    for (const snapshot of simulatePromotion(small, { structuralSharing: true, step: 60_000 })) seen.push([snapshot, JSON.stringify(snapshot)]);
    expect(seen.length).toBeGreaterThan(5);
    for (const [snapshot, frozen] of seen) expect(JSON.stringify(snapshot)).toBe(frozen);
  });

  it('runs at most `parallel` members of a wave at once', () => {
    // 40 stores: the last wave (28) is wider than either limit, and the run stays short.
    const flow = sampleFlow('fleet', 1, 40);
    for (const parallel of [3, 10]) {
      let most = 0;
      for (const s of simulatePromotion(flow, { parallel, step: 30_000 })) {
        for (const w of WAVES) most = Math.max(most, count(members(s.environments, w), 'running'));
      }
      expect(most).toBe(parallel);
    }
  });

  it('refuses options it cannot follow', () => {
    const bad: Array<Parameters<typeof simulatePromotion>[1]> = [
      { failures: { group: 'nowhere', count: 1 } },
      { failures: { group: 'wave-1', count: 0 } },
      { failures: { group: 'wave-1', count: 4 } },
      { failures: { group: '', count: 1 } },
      { step: -1 },
      { step: Number.NaN },
      { parallel: 0 },
      { parallel: 2.5 },
    ];
    for (const options of bad) expect(() => [...simulatePromotion(small, options)], JSON.stringify(options)).toThrow(ReleaseDataError);
  });

  it('keeps the old behaviour without the new options: a new tree per change', () => {
    const flow: PromotionFlow = sampleFlow('parallel');
    const snapshots = [...simulatePromotion(flow)];
    for (let i = 1; i < snapshots.length; i++) {
      snapshots[i]!.environments.forEach((env, j) => expect(env).not.toBe(snapshots[i - 1]!.environments[j]));
    }
  });
});

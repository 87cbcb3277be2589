import { describe, expect, it } from 'vitest';
import {
  AUTO_GROUP_PREFIX,
  ReleaseDataError,
  STATUSES,
  describeGroup,
  foldReleaseGroups,
  groupCacheStats,
  groupReleaseEnvironments,
  waitingReasonText,
  aggregateStatus,
  isActiveStatus,
  isProblemStatus,
  isTerminalStatus,
  parseTime,
  sampleFlow,
  sampleRelease,
  simulatePromotion,
  type EnvironmentGroup,
  type EnvironmentStep,
  type Release,
  type ReleaseGrouping,
  type Status,
} from '../../src/headless';
import { environment as env, release } from '../fixtures/release';
import { PROTOTYPE_NAMES, ODD_NAMES } from '../fixtures/hostile-names';

const done = (start: string, end: string) => ({ startedAt: start, finishedAt: end });

/** dev -> staging -> approve -> wave-1 (two regions) -> approve-2 -> wave-2 (two regions). */
function fleet(statuses: Record<string, Status> = {}, extra: Partial<Record<string, Partial<EnvironmentStep>>> = {}) {
  const stores = (wave: string, regions: string[], count: number, gate: string) =>
    Array.from({ length: count }, (_, i) => {
      const region = regions[i % regions.length]!;
      const name = `store-${wave}-${i}`;
      return env(name, [gate], { group: `${wave}/${region}`, status: statuses[name] ?? 'pending', ...extra[name] });
    });
  const one = (name: string, deps: string[]) => env(name, deps, { status: statuses[name] ?? 'pending', ...extra[name] });
  const wave1 = stores('wave-1', ['eu', 'us'], 6, 'approve-1');
  const wave2 = stores('wave-2', ['eu', 'us'], 8, 'approve-2');
  return release([
    one('dev', []),
    one('staging', ['dev']),
    one('approve-1', ['staging']),
    ...wave1,
    one('approve-2', wave1.map((e) => e.name)),
    ...wave2,
  ]);
}

describe('groupReleaseEnvironments', () => {
  it('builds the tree of declared groups with members in release order', () => {
    const grouping = groupReleaseEnvironments(fleet());
    expect(grouping.roots).toEqual([
      { type: 'environment', name: 'dev' },
      { type: 'environment', name: 'staging' },
      { type: 'environment', name: 'approve-1' },
      { type: 'group', id: 'wave-1' },
      { type: 'environment', name: 'approve-2' },
      { type: 'group', id: 'wave-2' },
    ]);
    const wave1 = grouping.groups.get('wave-1')!;
    expect(wave1.children).toEqual([
      { type: 'group', id: 'wave-1/eu' },
      { type: 'group', id: 'wave-1/us' },
    ]);
    expect(wave1.members).toHaveLength(6);
    expect(grouping.groups.get('wave-1/eu')).toMatchObject({ name: 'eu', label: 'wave-1/eu', parent: 'wave-1', depth: 1, automatic: false });
    expect(grouping.groups.get('wave-1/eu')!.members).toEqual(['store-wave-1-0', 'store-wave-1-2', 'store-wave-1-4']);
    expect(grouping.groupsOf.get('store-wave-1-1')).toEqual(['wave-1', 'wave-1/us']);
    expect(grouping.groupsOf.get('dev')).toEqual([]);
  });

  it('derives dependencies between groups from their members', () => {
    const grouping = groupReleaseEnvironments(fleet());
    expect(grouping.groups.get('wave-1')!.dependsOn).toEqual([{ type: 'environment', name: 'approve-1' }]);
    expect(grouping.groups.get('wave-1/eu')!.dependsOn).toEqual([{ type: 'environment', name: 'approve-1' }]);
    expect(grouping.dependsOn.get('approve-2')).toEqual([{ type: 'group', id: 'wave-1' }]);
    expect(grouping.dependsOn.get('store-wave-2-0')).toEqual([{ type: 'environment', name: 'approve-2' }]);
  });

  it('rolls up counts, progress, failures, running members and times', () => {
    const statuses: Record<string, Status> = { dev: 'succeeded', staging: 'succeeded', 'approve-1': 'succeeded' };
    const extra: Record<string, Partial<EnvironmentStep>> = {};
    ['store-wave-1-0', 'store-wave-1-1'].forEach((name) => (statuses[name] = 'succeeded'));
    statuses['store-wave-1-2'] = 'failed';
    statuses['store-wave-1-3'] = 'error';
    statuses['store-wave-1-4'] = 'running';
    extra['store-wave-1-0'] = done('2026-11-26T10:00:00Z', '2026-11-26T10:05:00Z');
    extra['store-wave-1-1'] = done('2026-11-26T10:01:00Z', '2026-11-26T10:04:00Z');
    extra['store-wave-1-2'] = done('2026-11-26T10:00:30Z', '2026-11-26T10:03:00Z');
    extra['store-wave-1-3'] = done('2026-11-26T10:00:40Z', '2026-11-26T10:02:00Z');
    extra['store-wave-1-4'] = { startedAt: '2026-11-26T10:02:00Z' };
    const now = Date.parse('2026-11-26T10:10:00Z');
    const group = groupReleaseEnvironments(fleet(statuses, extra), { now }).groups.get('wave-1')!;
    expect(group.counts).toMatchObject({ succeeded: 2, failed: 1, error: 1, running: 1, pending: 1 });
    expect(group.progress).toEqual({ finished: 4, total: 6 });
    expect(group.status).toBe('error');
    // The first to fail is the one that finished first, not the first in the list.
    expect(group.firstFailure).toBe('store-wave-1-3');
    expect(group.failed).toEqual(['store-wave-1-3', 'store-wave-1-2']);
    expect(group.running).toEqual(['store-wave-1-4']);
    expect(group.startedAt).toBe('2026-11-26T10:00:00.000Z');
    expect(group.finishedAt).toBeUndefined();
    expect(group.durationMs).toBe(10 * 60 * 1000);
  });

  it('gives a finished group its last end and duration', () => {
    const statuses: Record<string, Status> = {};
    const extra: Record<string, Partial<EnvironmentStep>> = {};
    for (let i = 0; i < 6; i++) {
      statuses[`store-wave-1-${i}`] = 'succeeded';
      extra[`store-wave-1-${i}`] = done('2026-11-26T10:00:00Z', `2026-11-26T10:0${i}:30Z`);
    }
    const group = groupReleaseEnvironments(fleet(statuses, extra)).groups.get('wave-1')!;
    expect(group.finishedAt).toBe('2026-11-26T10:05:30.000Z');
    expect(group.durationMs).toBe(5.5 * 60 * 1000);
  });

  describe('waiting reasons', () => {
    it('says which group failed and how many of it, for groups and environments downstream', () => {
      const statuses: Record<string, Status> = { dev: 'succeeded', staging: 'succeeded', 'approve-1': 'succeeded' };
      for (let i = 0; i < 6; i++) statuses[`store-wave-1-${i}`] = i < 3 ? 'failed' : 'succeeded';
      const grouping = groupReleaseEnvironments(fleet(statuses), {});
      const gate = grouping.waiting.get('approve-2')!;
      expect(gate).toEqual({ kind: 'blocked', on: { type: 'group', id: 'wave-1' }, failed: 3, total: 6 });
      expect(waitingReasonText(gate, grouping)).toBe('waiting for wave-1: 3 of 6 failed');
      // The root cause reaches past the gate that never opened.
      expect(waitingReasonText(grouping.groups.get('wave-2')!.waiting!, grouping)).toBe('waiting for wave-1: 3 of 6 failed');
      expect(waitingReasonText(grouping.waiting.get('store-wave-2-5')!, grouping)).toBe('waiting for wave-1: 3 of 6 failed');
    });

    it('names the environment that waits for a person', () => {
      const grouping = groupReleaseEnvironments(fleet({ dev: 'succeeded', staging: 'succeeded', 'approve-1': 'suspended' }));
      expect(waitingReasonText(grouping.groups.get('wave-1')!.waiting!, grouping)).toBe('waiting for approval in approve-1');
      expect(waitingReasonText(grouping.waiting.get('approve-1')!, grouping)).toBe('waiting for approval in approve-1');
      expect(waitingReasonText(grouping.groups.get('wave-2')!.waiting!, grouping)).toBe('waiting for approval in approve-1');
      const pr = groupReleaseEnvironments(
        fleet(
          { dev: 'succeeded', staging: 'suspended' },
          { staging: { pullRequest: { id: '7', title: 'Promote', state: 'open' } } },
        ),
      );
      expect(waitingReasonText(pr.waiting.get('approve-1')!, pr)).toBe('waiting for the pull request in staging to merge');
    });

    it('counts what is done of a group still under way', () => {
      const statuses: Record<string, Status> = { dev: 'succeeded', staging: 'succeeded', 'approve-1': 'succeeded' };
      for (let i = 0; i < 6; i++) statuses[`store-wave-1-${i}`] = i < 2 ? 'succeeded' : 'running';
      const grouping = groupReleaseEnvironments(fleet(statuses));
      expect(waitingReasonText(grouping.waiting.get('approve-2')!, grouping)).toBe('waiting for wave-1: 2 of 6 done');
      expect(grouping.waiting.has('store-wave-1-0')).toBe(false);
      expect(grouping.waiting.has('dev')).toBe(false);
      const early = groupReleaseEnvironments(fleet({ dev: 'running' }));
      expect(waitingReasonText(early.waiting.get('staging')!, early)).toBe('waiting for dev');
    });

    it('says queued before the release starts and "not run" after it ends', () => {
      const queued = groupReleaseEnvironments({ ...fleet(), status: 'queued' });
      expect(queued.waiting.get('dev')).toEqual({ kind: 'queued' });
      const stopped = groupReleaseEnvironments({ ...fleet({ dev: 'terminated' }), status: 'terminated' });
      // Downstream of the stop, the stop is the reason.
      expect(waitingReasonText(stopped.waiting.get('staging')!, stopped)).toBe('waiting for dev, which failed');
    });
  });

  it('folds more than 12 structurally equal siblings into one automatic group', () => {
    const stores = Array.from({ length: 13 }, (_, i) => env(`store-${String(i).padStart(4, '0')}`, ['gate']));
    const grouping = groupReleaseEnvironments(release([env('gate'), ...stores, env('after', stores.map((e) => e.name))]));
    const [auto] = [...grouping.groups.values()];
    expect(auto).toMatchObject({ automatic: true, name: 'store', depth: 0 });
    expect(auto!.id.startsWith(AUTO_GROUP_PREFIX)).toBe(true);
    expect(auto!.members).toHaveLength(13);
    expect(grouping.roots.map((unit) => unit.type)).toEqual(['environment', 'group', 'environment']);
    // 12 stay single; so do siblings whose dependents differ.
    const twelve = groupReleaseEnvironments(release([env('gate'), ...stores.slice(0, 12)]));
    expect(twelve.groups.size).toBe(0);
    const differ = stores.map((e, i) => (i === 0 ? e : env(e.name, ['gate'])));
    expect(groupReleaseEnvironments(release([env('gate'), ...differ, env('after', [differ[0]!.name])])).groups.size).toBe(0);
    expect(groupReleaseEnvironments(release([env('gate'), ...stores]), { autoGroupThreshold: Infinity }).groups.size).toBe(0);
    expect(groupReleaseEnvironments(release([env('gate'), ...stores]), { autoGroupThreshold: 3 }).groups.size).toBe(1);
  });

  it('names an automatic group after what it waits for when its members share no word', () => {
    const names = Array.from({ length: 13 }, (_, i) => `${String.fromCharCode(97 + i)}${i}`);
    const grouping = groupReleaseEnvironments(release([env('gate'), ...names.map((name) => env(name, ['gate']))]));
    expect([...grouping.groups.values()][0]!.name).toBe('after gate');
  });

  it('takes groupBy over the field, and checks paths', () => {
    const r = release([env('a', [], { group: 'x' }), env('b', ['a'], { group: 'x' })]);
    expect([...groupReleaseEnvironments(r, { groupBy: (e) => (e.name === 'a' ? ' one / two ' : undefined) }).groups.keys()]).toEqual(['one', 'one/two']);
    expect(() => groupReleaseEnvironments(release([env('a', [], { group: 'a/b/c/d' })]))).toThrow(ReleaseDataError);
    expect(() => groupReleaseEnvironments(release([env('a', [], { group: 'a//b' })]))).toThrow(/empty level/);
    try {
      groupReleaseEnvironments(release([env('a'), env('b', [], { group: 42 as unknown as string })]));
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ path: '$.environments[1].group', value: 42 });
    }
  });

  it('names the first environment of a bad path that many share', () => {
    const stores = Array.from({ length: 5 }, (_, i) => env(`store-${i}`, [], { group: i === 0 ? 'wave-1' : 'wave-1//eu' }));
    try {
      groupReleaseEnvironments(release(stores));
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ path: '$.environments[1].group', value: 'wave-1//eu' });
    }
  });

  it('rolls a fleet up as its members say, at mount and through live updates', () => {
    // Every rolled-up field against what the members themselves say, snapshot after snapshot (a
    // status-only change reuses the structure), and for a fresh structure too.
    const snapshots = [...simulatePromotion(sampleFlow('fleet', 1, 400), { step: 600_000, structuralSharing: true })];
    const now = Date.parse('2026-11-20T12:00:00.000Z');
    const check = (snapshot: Release, grouping: ReleaseGrouping) => {
      const byName = new Map(snapshot.environments.map((e) => [e.name, e]));
      const membersOf = new Map<string, EnvironmentStep[]>();
      for (const e of snapshot.environments) {
        for (const id of grouping.groupsOf.get(e.name)!) {
          if (!membersOf.has(id)) membersOf.set(id, []);
          membersOf.get(id)!.push(e);
        }
      }
      const said = (group: EnvironmentGroup) => {
        const members = membersOf.get(group.id)!;
        const statuses = members.map((e) => e.status);
        const finished = statuses.filter(isTerminalStatus).length;
        const combined = aggregateStatus(statuses);
        const starts = members.map((e) => parseTime(e.startedAt)).filter((t) => t !== undefined);
        const ends = members.map((e) => parseTime(e.finishedAt)).filter((t) => t !== undefined);
        const failed = members.filter((e) => isProblemStatus(e.status));
        const firstEnd = Math.min(...failed.map((e) => parseTime(e.finishedAt) ?? Infinity));
        return {
          members: members.map((e) => e.name).join(),
          status: (combined === 'pending' || combined === 'queued') && finished > 0 ? 'running' : combined,
          progress: { finished, total: members.length },
          counts: Object.fromEntries(STATUSES.map((status) => [status, statuses.filter((s) => s === status).length])),
          running: members.filter((e) => isActiveStatus(e.status)).map((e) => e.name).join(),
          startedAt: starts.length ? new Date(Math.min(...starts)).toISOString() : undefined,
          finishedAt: finished === members.length && ends.length ? new Date(Math.max(...ends)).toISOString() : undefined,
          firstFailure: failed.find((e) => (parseTime(e.finishedAt) ?? Infinity) === firstEnd)?.name,
        };
      };
      const rolled = (group: EnvironmentGroup) => ({
        members: group.members.join(),
        status: group.status,
        progress: group.progress,
        counts: group.counts,
        running: group.running.join(),
        startedAt: group.startedAt,
        finishedAt: group.finishedAt,
        firstFailure: group.firstFailure,
      });
      const groups = [...grouping.groups.values()];
      expect(groups.map(rolled)).toEqual(groups.map(said));
      // Every store of a wave that has not started waits for what its wave waits for.
      for (const [name, reason] of grouping.waiting) {
        const environment = byName.get(name)!;
        expect(['pending', 'queued', 'suspended']).toContain(environment.status);
        if (reason.kind === 'upstream' || reason.kind === 'blocked') expect(reason.total).toBeGreaterThan(0);
      }
    };
    const computed = groupCacheStats().computed;
    for (const snapshot of snapshots) check(snapshot, groupReleaseEnvironments(snapshot, { now }));
    expect(groupCacheStats().computed).toBe(computed + 1);
    // The same release as a new structure (another threshold, no automatic group either way).
    const middle = snapshots[snapshots.length >> 1]!;
    check(middle, groupReleaseEnvironments(middle, { now, autoGroupThreshold: 13 }));
    expect(groupCacheStats().computed).toBe(computed + 2);
    const failed = sampleRelease({ shape: 'fleet', size: 400, state: 'failed', wave: 'wave-1', failures: 3 });
    const blocked = groupReleaseEnvironments(failed, { now });
    check(failed, blocked);
    expect(waitingReasonText(blocked.groups.get('wave-2')!.waiting!, blocked)).toBe('waiting for wave-1: 3 of 20 failed');
    expect(waitingReasonText(blocked.waiting.get(blocked.groups.get('wave-3')!.members[0]!)!, blocked)).toBe('waiting for wave-1: 3 of 20 failed');
  });

  it('reuses the structure when only statuses change', () => {
    groupReleaseEnvironments(fleet());
    const before = groupCacheStats();
    const grouping = groupReleaseEnvironments(fleet({ dev: 'running' }));
    const after = groupCacheStats();
    expect(after.computed).toBe(before.computed);
    expect(after.reused).toBe(before.reused + 1);
    expect(grouping.groups.get('wave-1')!.counts.pending).toBe(6);
    // A new group path is a new structure.
    groupReleaseEnvironments(fleet({}, { 'store-wave-1-0': { group: 'wave-1/asia' } }));
    expect(groupCacheStats().computed).toBe(after.computed + 1);
  });

  it('hands the same release its grouping again, a running group\'s duration following the clock', () => {
    // A group opened or closed, or a second component, asks again for the release it has: the
    // result is what grouping it anew gives, without rolling every group up again.
    const statuses: Record<string, Status> = { dev: 'succeeded', 'store-wave-1-0': 'succeeded', 'store-wave-1-1': 'running' };
    const extra = { 'store-wave-1-0': done('2026-11-26T10:00:00Z', '2026-11-26T10:05:00Z'), 'store-wave-1-1': { startedAt: '2026-11-26T10:01:00Z' } };
    const snapshot = fleet(statuses, extra);
    const now = Date.parse('2026-11-26T10:10:00Z');
    const first = groupReleaseEnvironments(snapshot, { now });
    const before = groupCacheStats();
    expect(groupReleaseEnvironments(snapshot, { now })).toBe(first);
    // A minute later: the running wave's duration is a minute longer, nothing else changes.
    const later = groupReleaseEnvironments(snapshot, { now: now + 60_000 });
    expect(later.groups.get('wave-1')!.durationMs).toBe(first.groups.get('wave-1')!.durationMs! + 60_000);
    expect(later).toEqual(groupReleaseEnvironments({ ...snapshot }, { now: now + 60_000 }));
    expect(groupCacheStats().computed).toBe(before.computed);
    // Other options, or an environment replaced in the same array, are another grouping.
    expect(groupReleaseEnvironments(snapshot, { now, autoGroupThreshold: 3 })).not.toBe(first);
    const replaced = fleet(statuses, extra);
    const again = groupReleaseEnvironments(replaced, { now });
    replaced.environments[4] = { ...replaced.environments[4]!, status: 'failed' };
    expect(groupReleaseEnvironments(replaced, { now })).not.toBe(again);
    expect(groupReleaseEnvironments(replaced, { now }).groups.get('wave-1')!.counts.failed).toBe(1);
  });

  it('works for prototype and odd names as environment and group names', () => {
    const names = [...PROTOTYPE_NAMES, ...ODD_NAMES];
    const environments = names.map((name, i) => env(name, i === 0 ? [] : [names[0]!], { group: i % 2 ? name.replace(/\//g, '') || 'x' : undefined, status: 'failed' }));
    const grouping = groupReleaseEnvironments(release(environments), { autoGroupThreshold: 2 });
    const all = [...grouping.groups.values()].flatMap((group) => group.members.filter((m) => grouping.groupsOf.get(m)!.at(-1) === group.id));
    const grouped = names.filter((_, i) => i % 2);
    for (const name of grouped) expect(all).toContain(name);
    expect(grouping.groups.get('constructor')!.counts.failed).toBe(1);
    expect(grouping.groups.get('__proto__')).toBeUndefined();
    expect(({} as Record<string, unknown>).failed).toBeUndefined();
    const declared = [...grouping.groups.values()].filter((group) => !group.automatic);
    expect(declared).toHaveLength(grouped.length);
    for (const group of declared) expect(describeGroup(group, grouping)).toContain(', 1 environment: 1 failed');
    // The rest wait for the same environment and nothing waits for them: one automatic group.
    const automatic = [...grouping.groups.values()].filter((group) => group.automatic);
    expect(automatic.map((group) => group.members)).toEqual([names.filter((_, i) => i > 0 && i % 2 === 0)]);
  });

  it('counts a status outside the vocabulary as unknown', () => {
    const r = release([env('a', [], { group: 'g', status: 'constructor' as Status }), env('b', [], { group: 'g', status: 'succeeded' })]);
    expect(groupReleaseEnvironments(r).groups.get('g')!.counts).toMatchObject({ unknown: 1, succeeded: 1 });
  });

  it('sums a group up in one sentence', () => {
    const statuses: Record<string, Status> = { dev: 'succeeded', staging: 'succeeded', 'approve-1': 'succeeded' };
    for (let i = 0; i < 6; i++) statuses[`store-wave-1-${i}`] = i < 3 ? 'failed' : 'succeeded';
    const grouping = groupReleaseEnvironments(fleet(statuses));
    expect(describeGroup(grouping.groups.get('wave-2')!, grouping)).toBe('wave-2, 8 environments: 8 not started, waiting for wave-1: 3 of 6 failed');
    expect(describeGroup(grouping.groups.get('wave-1/eu')!, grouping)).toBe('wave-1/eu, 3 environments: 1 succeeded, 2 failed');
  });
});

describe('foldReleaseGroups', () => {
  const names = (grouping: ReturnType<typeof groupReleaseEnvironments>, expanded: string[] = []) =>
    foldReleaseGroups(grouping, expanded).units.map((unit) => (unit.type === 'environment' ? unit.name : `${unit.type}:${unit.id}`));

  it('collapses every group by default, with edges between what is shown', () => {
    const grouping = groupReleaseEnvironments(fleet());
    const folded = foldReleaseGroups(grouping);
    expect(names(grouping)).toEqual(['dev', 'staging', 'approve-1', 'group:wave-1', 'approve-2', 'group:wave-2']);
    expect(folded.edges).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
    expect(folded.unitOf.get('store-wave-1-3')).toBe(3);
  });

  it('opens an expanded group into its sub-groups, and an expanded sub-group into environments', () => {
    const grouping = groupReleaseEnvironments(fleet());
    expect(names(grouping, ['wave-1'])).toEqual(['dev', 'staging', 'approve-1', 'group:wave-1/eu', 'group:wave-1/us', 'approve-2', 'group:wave-2']);
    expect(names(grouping, ['wave-1', 'wave-1/eu']).slice(3, 7)).toEqual(['store-wave-1-0', 'store-wave-1-2', 'store-wave-1-4', 'group:wave-1/us']);
    // A sub-group inside a collapsed group stays hidden.
    expect(names(grouping, ['wave-1/eu'])).toEqual(names(grouping));
    expect(foldReleaseGroups(grouping, ['wave-1', 'nope']).open).toEqual(['wave-1']);
  });

  it('draws more than 40 environments of an expanded group as one grid of tiles', () => {
    const stores = Array.from({ length: 41 }, (_, i) => env(`s${i}`, ['gate'], { group: 'wave' }));
    const grouping = groupReleaseEnvironments(release([env('gate'), ...stores]));
    const folded = foldReleaseGroups(grouping, ['wave']);
    expect(folded.units).toEqual([{ type: 'environment', name: 'gate' }, { type: 'tiles', id: 'wave', members: stores.map((s) => s.name) }]);
    expect(folded.edges).toEqual([[0, 1]]);
    expect(foldReleaseGroups(grouping, ['wave'], { tileThreshold: 50 }).units).toHaveLength(42);
  });

  it('returns the same fold for the same structure and expanded groups', () => {
    const a = foldReleaseGroups(groupReleaseEnvironments(fleet()), ['wave-1']);
    const b = foldReleaseGroups(groupReleaseEnvironments(fleet({ dev: 'failed' })), ['wave-1']);
    expect(b).toBe(a);
  });
});

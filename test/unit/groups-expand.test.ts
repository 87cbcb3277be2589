import { describe, expect, it } from 'vitest';
import {
  AUTO_GROUP_PREFIX,
  GROUP_COUNT_KINDS,
  expandGroups,
  groupCountKinds,
  groupReleaseEnvironments,
  groupsContaining,
  groupsToOpenFor,
  isReleaseDataError,
  sampleRelease,
  shownUnitOf,
  toggleExpandedGroup,
  type StatusCountsByStatus,
} from '../../src/headless';
import { environment as env, release } from '../fixtures/release';
import { PROTOTYPE_NAMES, ODD_NAMES } from '../fixtures/hostile-names';

// 2,000 stores grouped `<wave>/<region>` over 12 regions: wave-2 has 500, 42 of them in ca-central-1.
const fleet = sampleRelease({ shape: 'fleet' });
const grouping = groupReleaseEnvironments(fleet);
const STORE = 'store-0200-ca-central-1';

function dataErrorPath(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isReleaseDataError(error)) return error.path;
    throw error;
  }
  throw new Error('expected a ReleaseDataError');
}

describe('toggleExpandedGroup', () => {
  it('opens a closed group, with the groups around it so that it shows', () => {
    expect(toggleExpandedGroup(grouping, [], 'wave-2')).toEqual(['wave-2']);
    expect(toggleExpandedGroup(grouping, [], 'wave-2/eu-west-1')).toEqual(['wave-2', 'wave-2/eu-west-1']);
    expect(toggleExpandedGroup(grouping, ['wave-1'], 'wave-2/eu-west-1')).toEqual(['wave-1', 'wave-2', 'wave-2/eu-west-1']);
  });

  it('closes an open group and everything open inside it, leaving the rest', () => {
    expect(toggleExpandedGroup(grouping, ['wave-1', 'wave-2', 'wave-2/eu-west-1', 'wave-2/us-east-1'], 'wave-2')).toEqual(['wave-1']);
    expect(toggleExpandedGroup(grouping, ['wave-2', 'wave-2/eu-west-1'], 'wave-2/eu-west-1')).toEqual(['wave-2']);
  });

  it('keeps ids it does not know (a link from another release) and refuses what is not a list of ids', () => {
    expect(toggleExpandedGroup(grouping, ['gone'], 'wave-1')).toEqual(['gone', 'wave-1']);
    expect(dataErrorPath(() => toggleExpandedGroup(grouping, ['wave-1', 7 as unknown as string], 'wave-2'))).toBe('$.expanded[1]');
    expect(dataErrorPath(() => toggleExpandedGroup(grouping, 'wave-1' as unknown as string[], 'wave-2'))).toBe('$.expanded');
    expect(dataErrorPath(() => toggleExpandedGroup(grouping, [], 'nowhere'))).toBe('$.id');
  });
});

describe('expandGroups', () => {
  it('adds ids not yet open, in order, and returns the same list when all are', () => {
    const open = ['wave-1'];
    expect(expandGroups(open, ['wave-2', 'wave-1', 'wave-2/eu-west-1'])).toEqual(['wave-1', 'wave-2', 'wave-2/eu-west-1']);
    expect(expandGroups(open, ['wave-1'])).toBe(open);
  });
});

describe('groupsToOpenFor', () => {
  it('names the groups an environment is in, outermost first', () => {
    expect(groupsToOpenFor(grouping, STORE)).toEqual(['wave-2', 'wave-2/ca-central-1']);
    expect(groupsToOpenFor(grouping, 'staging')).toEqual([]);
  });

  it('refuses an environment the release does not have', () => {
    expect(dataErrorPath(() => groupsToOpenFor(grouping, 'store-9999'))).toBe('$.environment');
  });
});

describe('shownUnitOf', () => {
  it('is the outermost closed group, else the grid of tiles, else the environment', () => {
    expect(shownUnitOf(grouping, [], STORE)).toEqual({ type: 'group', id: 'wave-2' });
    expect(shownUnitOf(grouping, ['wave-2/eu-west-1'], STORE)).toEqual({ type: 'group', id: 'wave-2' });
    const region = 'wave-2/ca-central-1';
    expect(shownUnitOf(grouping, ['wave-2'], STORE)).toEqual({ type: 'group', id: region });
    // 42 stores in the region: more than 40, a grid.
    expect(shownUnitOf(grouping, ['wave-2', region], STORE)).toEqual({ type: 'tiles', id: region });
    expect(shownUnitOf(grouping, ['wave-2', region], STORE, { tileThreshold: 60 })).toEqual({ type: 'environment', name: STORE });
    expect(shownUnitOf(grouping, [], 'staging')).toEqual({ type: 'environment', name: 'staging' });
  });

  it('is undefined for an environment the release does not have', () => {
    expect(shownUnitOf(grouping, [], 'store-9999')).toBeUndefined();
  });
});

describe('groupsContaining', () => {
  it('names every group that holds one of the environments', () => {
    const region = 'wave-2/ca-central-1';
    expect([...groupsContaining(grouping, [STORE, 'staging'])].sort()).toEqual(['wave-2', region].sort());
    expect(groupsContaining(grouping, []).size).toBe(0);
  });
});

describe('groupCountKinds', () => {
  const counts = (partial: Partial<Record<string, number>>): StatusCountsByStatus =>
    ({ queued: 0, pending: 0, running: 0, suspended: 0, succeeded: 0, failed: 0, error: 0, terminating: 0, terminated: 0, skipped: 0, unknown: 0, ...partial }) as StatusCountsByStatus;

  it('sums statuses into the kinds a summary names, in the order describeGroup says them', () => {
    expect(groupCountKinds(counts({ succeeded: 240, failed: 2, error: 1, running: 5, terminating: 2 }))).toEqual([
      { kind: 'succeeded', count: 240 },
      { kind: 'failed', count: 3 },
      { kind: 'running', count: 7 },
    ]);
    expect(groupCountKinds(counts({ pending: 3, queued: 1, unknown: 1, suspended: 2, skipped: 1, terminated: 4 }))).toEqual([
      { kind: 'terminated', count: 4 },
      { kind: 'waiting', count: 2 },
      { kind: 'notStarted', count: 5 },
      { kind: 'skipped', count: 1 },
    ]);
    expect(GROUP_COUNT_KINDS).toEqual(['succeeded', 'failed', 'terminated', 'running', 'waiting', 'notStarted', 'skipped']);
  });
});

describe('with hostile group names', () => {
  const names = [...PROTOTYPE_NAMES, ...ODD_NAMES.filter((name) => !name.includes('/'))];
  const hostile = release([
    env('dev', [], { status: 'succeeded' }),
    ...names.flatMap((name, i) => [
      env(`a-${i}`, ['dev'], { group: `${name}/${name}`, status: 'failed' }),
      env(`b-${i}`, ['dev'], { group: name }),
    ]),
  ]);
  const hostileGrouping = groupReleaseEnvironments(hostile);

  it.each(names)('opens, finds and closes %j like any other name', (name) => {
    const i = names.indexOf(name);
    const open = groupsToOpenFor(hostileGrouping, `a-${i}`);
    expect(open).toEqual([name, `${name}/${name}`]);
    expect(shownUnitOf(hostileGrouping, [], `a-${i}`)).toEqual({ type: 'group', id: name });
    expect(shownUnitOf(hostileGrouping, open, `a-${i}`)).toEqual({ type: 'environment', name: `a-${i}` });
    expect(toggleExpandedGroup(hostileGrouping, open, name)).toEqual([]);
    expect(toggleExpandedGroup(hostileGrouping, [], `${name}/${name}`)).toEqual(open);
    expect([...groupsContaining(hostileGrouping, [`b-${i}`])]).toEqual([name]);
  });

  it('toggles an automatic group by its id', () => {
    const auto = release([env('dev', []), ...Array.from({ length: 20 }, (_, i) => env(`__proto__-${i}`, ['dev']))]);
    const autoGrouping = groupReleaseEnvironments(auto);
    const id = [...autoGrouping.groups.keys()][0]!;
    expect(id.startsWith(AUTO_GROUP_PREFIX)).toBe(true);
    expect(toggleExpandedGroup(autoGrouping, [], id)).toEqual([id]);
    expect(shownUnitOf(autoGrouping, [id], '__proto__-3')).toEqual({ type: 'environment', name: '__proto__-3' });
  });
});

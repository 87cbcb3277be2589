import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TABLE_STATE,
  ReleaseDataError,
  buildReleaseRows,
  filterReleaseRows,
  fromSearchParams,
  groupReleaseEnvironments,
  hasActiveFilters,
  hasEnvironmentGroups,
  queryReleaseRows,
  releaseColumns,
  releaseGroupRollups,
  sampleReleaseHistory,
  setFilters,
  setGroupExpanded,
  setGroupHidden,
  toSearchParams,
  toSearchString,
  visibleReleaseColumns,
  type EnvironmentStep,
  type Release,
  type ReleaseColumn,
  type ReleasesTableState,
} from '../../src/headless';
import { columnsForEnvironments } from '../../src/headless/table/rows';
import { FLEET_REGIONS, fleetHistory, fleetRelease, fleetWaves } from '../fixtures/fleet';
import { HOSTILE_NAMES, PROTOTYPE_NAMES, guardPrototypes } from '../fixtures/hostile-names';
import { environment, release } from '../fixtures/release';

guardPrototypes();

/** The columns as short strings: `dev`, `[wave-1]` (collapsed), `[wave-1]+` (expanded), indented by depth. */
const shown = (columns: readonly ReleaseColumn[]) =>
  columns.flatMap((column) => {
    if (column.kind === 'field') return [];
    const indent = '  '.repeat(column.groups?.length ?? 0);
    return [column.kind === 'group' ? `${indent}[${column.name}]${column.expanded ? '+' : ''}` : `${indent}${column.environment}`];
  });

describe('releaseGroupRollups', () => {
  it('counts each group of a release by status, as groupReleaseEnvironments does', () => {
    const fleet = fleetRelease({ waves: [12, 250, 40], state: { kind: 'failed', wave: 1, failed: 3 } });
    const rollups = releaseGroupRollups(fleet);
    const grouping = groupReleaseEnvironments(fleet, { autoGroupThreshold: Infinity });
    expect([...rollups.keys()]).toEqual([...grouping.groups.keys()]);
    for (const [id, group] of grouping.groups) {
      const rollup = rollups.get(id)!;
      expect(rollup).toMatchObject({ id, name: group.name, depth: group.depth, parent: group.parent, status: group.status });
      expect(rollup.counts).toEqual(group.counts);
      expect(rollup.total).toBe(group.progress.total);
      expect(rollup.finished).toBe(group.progress.finished);
      expect(rollup.failed).toBe(group.failed.length);
      expect(rollup.running).toBe(group.running.length);
    }
    expect(rollups.get('wave-2')).toMatchObject({ total: 250, failed: 3, finished: 250, status: 'failed' });
    expect(rollups.get('wave-2')!.counts).toMatchObject({ failed: 3, succeeded: 247 });
    expect(rollups.get('wave-3')).toMatchObject({ total: 40, finished: 0, status: 'pending' });
    expect(rollups.get('wave-2/eu-west')).toMatchObject({ name: 'eu-west', depth: 1, parent: 'wave-2', total: 21 });
  });

  it('is computed once per release object, and again for a new one', () => {
    const running = fleetRelease({ waves: [12, 24], state: { kind: 'running', wave: 1 } });
    const first = releaseGroupRollups(running);
    expect(releaseGroupRollups(running)).toBe(first);
    // A live update is a new release object: new counts.
    const next = { ...running, environments: running.environments.map((step) => (step.status === 'running' ? { ...step, status: 'succeeded' as const } : step)) };
    expect(releaseGroupRollups(next)).not.toBe(first);
    expect(releaseGroupRollups(next).get('wave-2')!.counts.succeeded).toBe(24);
    expect(first.get('wave-2')!.counts).toMatchObject({ succeeded: 12, running: 12 });
  });

  it('takes groupBy over the field, once per function', () => {
    const r = release([environment('a', [], { group: 'x' }), environment('b', ['a'], { group: 'x', status: 'failed' }), environment('c', ['a'])]);
    const byName = (step: EnvironmentStep) => (step.name === 'a' ? undefined : ` ${step.name} / inner `);
    expect([...releaseGroupRollups(r, { groupBy: byName }).keys()]).toEqual(['b', 'b/inner', 'c', 'c/inner']);
    expect(releaseGroupRollups(r, { groupBy: byName })).toBe(releaseGroupRollups(r, { groupBy: byName }));
    expect([...releaseGroupRollups(r).keys()]).toEqual(['x']);
    expect(releaseGroupRollups(r, { groupBy: () => undefined }).size).toBe(0);
  });

  it('counts a status outside the vocabulary as unknown', () => {
    const r = release([environment('a', [], { group: 'g', status: 'constructor' as never }), environment('b', [], { group: 'g', status: 'succeeded' })]);
    expect(releaseGroupRollups(r).get('g')).toMatchObject({ total: 2, status: 'unknown' });
    expect(releaseGroupRollups(r).get('g')!.counts).toMatchObject({ unknown: 1, succeeded: 1 });
  });

  it('raises ReleaseDataError naming the path for a group path that is not one', () => {
    const bad = (group: unknown) => release([environment('a'), environment('b', [], { group: group as string })]);
    for (const [group, message] of [
      [42, /string path/],
      ['a/b/c/d', /at most 3 levels/],
      ['a//b', /empty level/],
      ['  ', /empty level/],
    ] as const) {
      expect(() => releaseGroupRollups(bad(group))).toThrow(message);
      try {
        releaseGroupRollups(bad(group));
      } catch (error) {
        expect(error).toBeInstanceOf(ReleaseDataError);
        expect(error).toMatchObject({ path: '$.environments[1].group', value: group });
      }
    }
    // In a table, the path starts at the releases given.
    const rows = buildReleaseRows([release([environment('a')]), { ...bad('a//b'), id: 'r-2' }]);
    expect(() => hasEnvironmentGroups(rows)).toThrow(expect.objectContaining({ path: '$[1].environments[1].group' }));
  });
});

describe('releaseColumns with groups', () => {
  const history = fleetHistory({ count: 4, stores: 1000 });
  const rows = buildReleaseRows(history);

  it('collapses the environment columns into one column per top-level group, in flow order', () => {
    expect(hasEnvironmentGroups(rows)).toBe(true);
    const columns = releaseColumns(rows);
    expect(columns.slice(0, 7).map((column) => column.kind)).toEqual(Array(7).fill('field'));
    expect(shown(columns)).toEqual(['dev', 'staging', '[wave-1]', 'approve-1', '[wave-2]', 'approve-2', '[wave-3]', 'approve-3', '[wave-4]']);
    expect(columns.find((column) => column.id === 'group:wave-2')).toEqual({
      kind: 'group',
      id: 'group:wave-2',
      group: 'wave-2',
      name: 'wave-2',
      depth: 0,
      groups: [],
      expanded: false,
    });
  });

  it('expands a group into its sub-groups, and a sub-group into its environments', () => {
    const wave2 = shown(releaseColumns(rows, { expandedGroups: ['wave-2'] }));
    expect(wave2.slice(4, 18)).toEqual(['[wave-2]+', ...FLEET_REGIONS.map((region) => `  [${region}]`), 'approve-2']);
    const stores = shown(releaseColumns(rows, { expandedGroups: ['wave-2', 'wave-2/eu-west'] }));
    const at = stores.indexOf('  [eu-west]+');
    const canary = fleetWaves(1000)[0]!;
    // Every twelfth store of the wave, in the release's order, after its group's column.
    expect(stores.slice(at + 1, at + 4)).toEqual([0, 12, 24].map((i) => `    store-${String(canary + i).padStart(5, '0')}`));
    expect(stores.filter((column) => column.startsWith('    store-'))).toHaveLength(21);
    expect(stores[at + 22]).toBe('  [eu-central]');
    // A sub-group of a collapsed group stays hidden; an id no release has is ignored.
    expect(shown(releaseColumns(rows, { expandedGroups: ['wave-2/eu-west', 'nope'] }))).toEqual(shown(releaseColumns(rows)));
  });

  it('keeps environments in no group as their own columns, and flat releases as before', () => {
    const flat = sampleReleaseHistory({ count: 20, shape: 'regions', seed: 3 });
    const flatRows = buildReleaseRows(flat);
    expect(hasEnvironmentGroups(flatRows)).toBe(false);
    expect(releaseColumns(flatRows)).toEqual(columnsForEnvironments(['dev', 'staging', 'production', 'prod-eu', 'prod-us', 'prod-asia']));
    // Mixed: environments of a flat release keep their columns beside the groups.
    const mixed = buildReleaseRows([...history.slice(0, 2), ...flat.slice(0, 2)]);
    expect(shown(releaseColumns(mixed))).toEqual([
      'dev',
      'staging',
      '[wave-1]',
      'approve-1',
      '[wave-2]',
      'approve-2',
      '[wave-3]',
      'approve-3',
      '[wave-4]',
      'production',
      'prod-eu',
      'prod-us',
      'prod-asia',
    ]);
  });

  it('takes the groups of every release given: a group one release has gets a column', () => {
    const extra = fleetRelease({ id: 'five-waves', waves: [10, 20, 30, 40, 50] });
    const all = buildReleaseRows([...history, extra]);
    expect(shown(releaseColumns(all)).filter((column) => column.startsWith('['))).toEqual(['[wave-1]', '[wave-2]', '[wave-3]', '[wave-4]', '[wave-5]']);
    // Only the rows given: filtered rows without wave-5 have no wave-5 column.
    expect(shown(releaseColumns(all.slice(0, 4)))).not.toContain('[wave-5]');
  });

  it('places a group where its first environment is in the promotion order', () => {
    const r = release([
      environment('dev'),
      environment('b-1', ['dev'], { group: 'b' }),
      environment('a-1', ['b-1'], { group: 'a' }),
      environment('b-2', ['a-1'], { group: 'b' }),
      environment('last', ['b-2']),
    ]);
    expect(shown(releaseColumns(buildReleaseRows([r]), { expandedGroups: ['b'] }))).toEqual(['dev', '[b]+', '  b-1', '  b-2', '[a]', 'last']);
  });

  it('groups by a groupBy function instead of the field', () => {
    const byRegion = (step: EnvironmentStep) => (step.name.startsWith('store-') ? step.group?.split('/')[1] : undefined);
    const columns = shown(releaseColumns(rows, { groupBy: byRegion }));
    expect(columns.slice(0, 3)).toEqual(['dev', 'staging', '[eu-west]']);
    expect(columns.filter((column) => column.startsWith('['))).toHaveLength(12);
    expect(columns).toContain('approve-1');
  });

  it('shows hostile group names as columns, and leaves the prototypes alone', () => {
    const names = HOSTILE_NAMES.filter((name) => name.trim() !== '' && !name.includes('/'));
    const r = release([
      environment('dev'),
      ...names.map((name, i) => environment(`e${i}`, ['dev'], { group: `${name}/${PROTOTYPE_NAMES[i % PROTOTYPE_NAMES.length]}`, status: i % 2 ? 'failed' : 'succeeded' })),
    ]);
    const rowsOf = buildReleaseRows([r]);
    const columns = releaseColumns(rowsOf, { expandedGroups: ['__proto__', 'constructor'] });
    expect(columns.filter((column) => column.kind === 'group' && column.depth === 0).map((column) => (column as { group: string }).group)).toEqual(names);
    expect(shown(columns)).toContain('  [constructor]');
    const rollups = releaseGroupRollups(r);
    expect(rollups.get('__proto__')!.total).toBe(1);
    expect(rollups.get('constructor')!.total).toBe(1);
    expect(rollups.get('toString/toString')!.total).toBe(1);
    expect(({} as Record<string, unknown>).total).toBeUndefined();
  });
});

describe('visibleReleaseColumns', () => {
  const rows = buildReleaseRows(fleetHistory({ count: 2, stores: 1000 }));
  const columns = releaseColumns(rows, { expandedGroups: ['wave-2', 'wave-2/eu-west'] });

  it('hides a whole group: its column and every column shown inside it', () => {
    const visible = shown(visibleReleaseColumns(columns, { hiddenGroups: ['wave-2'] }));
    expect(visible).toEqual(['dev', 'staging', '[wave-1]', 'approve-1', 'approve-2', '[wave-3]', 'approve-3', '[wave-4]']);
    const noEuWest = shown(visibleReleaseColumns(columns, { hiddenGroups: ['wave-2/eu-west'], hiddenColumns: ['dev'] }));
    expect(noEuWest.slice(0, 5)).toEqual(['staging', '[wave-1]', 'approve-1', '[wave-2]+', '  [eu-central]']);
    expect(noEuWest.some((column) => column.includes('store-'))).toBe(false);
  });

  it('hides an environment column inside a group by its name, and keeps the same array when nothing is hidden', () => {
    const store = (columns.find((column) => column.kind === 'environment' && column.groups?.length) as { environment: string }).environment;
    expect(shown(visibleReleaseColumns(columns, { hiddenColumns: [store] }))).not.toContain(`    ${store}`);
    expect(visibleReleaseColumns(columns, {})).toBe(columns);
    expect(visibleReleaseColumns(columns, { hiddenColumns: [], hiddenGroups: [] })).toBe(columns);
  });
});

describe('filterReleaseRows by group', () => {
  const fleet = fleetHistory({ count: 3, stores: 1000 });
  const small = release([environment('dev'), environment('store-x', ['dev'], { group: 'wave-9/eu-west' })]);
  const rows = buildReleaseRows([...fleet, { ...small, id: 'small' }, { ...release([environment('dev')]), id: 'flat' }]);
  const ids = (list: readonly { id: string }[]) => list.map((row) => row.id);

  it('keeps releases with at least one environment in the group, as the environment filter does for one environment', () => {
    expect(ids(filterReleaseRows(rows, { group: 'wave-9' }))).toEqual(['small']);
    expect(ids(filterReleaseRows(rows, { group: 'wave-9/eu-west' }))).toEqual(['small']);
    expect(ids(filterReleaseRows(rows, { group: 'wave-2' }))).toEqual(ids(fleet));
    expect(filterReleaseRows(rows, { group: 'wave-2/nowhere' })).toEqual([]);
    // With an environment too, both must hold.
    expect(ids(filterReleaseRows(rows, { group: 'wave-9', environment: 'dev' }))).toEqual(['small']);
    expect(ids(filterReleaseRows(rows, { group: 'wave-9', environment: 'store-00000' }))).toEqual([]);
  });

  it('reads the groups through groupBy when given', () => {
    const byRegion = (step: EnvironmentStep) => step.group?.split('/')[1];
    expect(ids(filterReleaseRows(rows, { group: 'eu-west' }, { groupBy: byRegion }))).toEqual([...ids(fleet), 'small']);
    // Newest first: `small` has the fixture's date, between the fleet's.
    expect(ids(queryReleaseRows(rows, { ...DEFAULT_TABLE_STATE, filters: { group: 'eu-west' } }, { groupBy: byRegion }).rows).sort()).toEqual([...ids(fleet), 'small'].sort());
    expect(filterReleaseRows(rows, { group: 'wave-2' }, { groupBy: byRegion })).toEqual([]);
  });
});

describe('group state: transitions and URL', () => {
  const hostile = ['wave-2', 'wave-2/eu-west', '__proto__', 'constructor/toString', 'a,b', '50% off', 'say "hi"/it\'s', '🚀 prod', `long-${'x'.repeat(195)}`];

  it('expands, collapses, hides and shows a group; an unchanged state is the same object', () => {
    let state: ReleasesTableState = DEFAULT_TABLE_STATE;
    state = setGroupExpanded(state, 'wave-2', true);
    state = setGroupExpanded(state, '__proto__', true);
    expect(state.expandedGroups).toEqual(['wave-2', '__proto__']);
    expect(setGroupExpanded(state, 'wave-2', true)).toBe(state);
    state = setGroupExpanded(state, 'wave-2', false);
    expect(state.expandedGroups).toEqual(['__proto__']);
    state = setGroupHidden(state, 'constructor', true);
    expect(state.hiddenGroups).toEqual(['constructor']);
    expect(setGroupHidden(state, 'constructor', true)).toBe(state);
    expect(setGroupHidden(state, 'constructor', false).hiddenGroups).toEqual([]);
    // Expanding is not a change of rows: the page stays.
    expect(setGroupExpanded({ ...DEFAULT_TABLE_STATE, page: 3 }, 'x', true).page).toBe(3);
  });

  it('filters by one group, back to the first page, and counts it as a filter', () => {
    const state = setFilters({ ...DEFAULT_TABLE_STATE, page: 4 }, { group: 'wave-2' });
    expect(state).toMatchObject({ page: 1, filters: { group: 'wave-2' } });
    expect(hasActiveFilters(state.filters)).toBe(true);
    expect(setFilters(state, { group: '' }).filters).toEqual({});
  });

  it('round-trips expanded and hidden groups and the group filter through the URL, hostile ids included', () => {
    const state: ReleasesTableState = { ...DEFAULT_TABLE_STATE, expandedGroups: hostile, hiddenGroups: hostile.slice().reverse(), filters: { group: 'a,b/50% off' } };
    const search = toSearchString(state);
    expect(search).toContain('expand=wave-2,wave-2%2Feu-west,__proto__');
    expect(fromSearchParams(search)).toEqual(state);
    expect(fromSearchParams(toSearchParams(state, { prefix: 'releases.' }), { prefix: 'releases.' })).toEqual(state);
    expect(fromSearchParams('?group=__proto__').filters).toEqual({ group: '__proto__' });
    expect(toSearchString({ ...DEFAULT_TABLE_STATE, expandedGroups: [], hiddenGroups: [] })).toBe('');
  });

  it('ignores group params that are too long', () => {
    const long = 'x'.repeat(501);
    expect(fromSearchParams(`?group=${long}&expand=${long},ok&hidegroups=${'y,'.repeat(3000)}`)).toEqual({ ...DEFAULT_TABLE_STATE, expandedGroups: ['ok'] });
  });
});

describe('a fleet history', () => {
  it('has its groups counted per release, whatever else the releases share', () => {
    const history: Release[] = fleetHistory({ count: 3, stores: 2000 });
    const [running, failed] = history.map((r) => releaseGroupRollups(r));
    expect(failed!.get('wave-2')).toMatchObject({ total: 250, failed: 3 });
    expect(running!.get('wave-3')!.counts).toMatchObject({ running: 865 - Math.ceil(865 / 2), succeeded: Math.ceil(865 / 2) });
    expect(running!.get('wave-4')!.counts.pending).toBe(865);
  });
});

// Every function of `gitops-releases/headless`, on data whose names are `__proto__`,
// `constructor`, `toString` and other strings a source allows: each must give the right answer
// and leave `Object.prototype` (and `Array.prototype`) as they were.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as headless from '../../src/headless';
import { randomDagRelease } from '../fixtures/random-dag';
import {
  ReleaseDataError,
  aggregateStatus,
  buildReleaseRows,
  changesSinceLastRelease,
  collapseDownstream,
  compileReleaseNotes,
  checkDeliveryMetrics,
  computeDeliveryMetrics,
  deliveryKeyChange,
  deliveryKeySeries,
  deliveryKeyValue,
  deliveryTrend,
  countByStatusGroup,
  createReleaseLinks,
  describeEnvironment,
  diffReleases,
  durationMs,
  edgeState,
  environmentNodeSize,
  environmentOrder,
  filterReleaseNotes,
  filterReleaseRows,
  formatDuration,
  fromArgoWorkflowPhase,
  fromCodefreshApplicationPromotionStatus,
  fromCodefreshEnvironmentStatus,
  fromCodefreshPromotion,
  fromCodefreshRelease,
  fromCodefreshReleaseStatus,
  fromCodefreshReleasesPage,
  fromGitHubDeploymentState,
  fromGitHubDeployments,
  fromHealthStatus,
  fromKargo,
  fromKargoHealthState,
  fromKargoPromotionPhase,
  fromSearchParams,
  fromSyncStatus,
  githubKeys,
  hasActiveFilters,
  isActiveStatus,
  isReleaseDataError,
  isTerminalStatus,
  jiraKeys,
  layoutCacheStats,
  layoutReleaseGraph,
  layoutReleaseGraphAsync,
  layoutReleaseGraphIfQuick,
  layoutCost,
  serveLayoutWorker,
  type LayoutWorkerResponse,
  linkIssueKeys,
  neighborInDirection,
  graphOverview,
  overviewHighlight,
  showsOverview,
  levelOfDetail,
  parseConventionalCommit,
  parseReleaseHref,
  parseTime,
  promotionAction,
  queryReleaseRows,
  releaseColumns,
  releaseHref,
  releaseNotesToMarkdown,
  rowDuration,
  safeHref,
  sampleFlow,
  sampleRelease,
  sampleReleaseHistory,
  shortSha,
  simulatePromotion,
  sortReleaseRows,
  statusGroup,
  summarizeSeries,
  toCommitStatus,
  toSearchParams,
  toSearchString,
  topologicalOrder,
  validDay,
  valueStreamShares,
  withArgoCdApplications,
  type ArgoCdApplication,
  type CodefreshPromotionOptions,
  type GitHubDeploymentsInput,
  type KargoInput,
  type PromotionFlow,
  type Release,
  type ReleaseSort,
  type ReleasesTableState,
  type Status,
  isProblemStatus,
  releaseActions,
  durationParts,
  shownTimeZone,
  setSort,
  toggleSort,
  setFilters,
  clearFilters,
  setPage,
  setColumnHidden,
  canPreviousPage,
  canNextPage,
  previousPage,
  nextPage,
  DEFAULT_TABLE_STATE,
  releaseGroupRollups,
  hasEnvironmentGroups,
  visibleReleaseColumns,
  setGroupHidden,
  setGroupExpanded,
  GROUP_NODE_PREFIX,
  groupReleaseEnvironments,
  foldReleaseGroups,
  groupCacheStats,
  waitingReasonText,
  describeGroup,
  unitLabel,
  groupNodeSize,
  tilesNodeSize,
  toggleExpandedGroup,
  expandGroups,
  groupsToOpenFor,
  shownUnitOf,
  groupsContaining,
  groupCountKinds,
  tileInDirection,
  tileCenter,
  compareReleases,
  toggleReleaseSelection,
  orderReleasePair,
  releasesToCompare,
  releaseSelectionSummary,
} from '../../src/headless';
import { environment as env, release as releaseOf } from '../fixtures/release';
import { COLLAPSED_PREFIX } from '../../src/headless/graph/derive';
import { columnsForEnvironments, foldText, naturalKey, rowSearchText, rowTextKeys, rowVersionKey, warmReleaseRows } from '../../src/headless/table/rows';
import { escapeMarkdown } from '../../src/headless/notes/markdown';
import { nodeContentShape } from '../../src/headless/graph/node-size';
import { noteText } from '../../src/headless/notes/compile';
import { HOSTILE_NAMES, LONG_NAME, PROTOTYPE_NAMES, guardPrototypes } from '../fixtures/hostile-names';
import { hostileEnvironments, hostileRelease } from '../fixtures/hostile-release';

guardPrototypes();

const names = [...HOSTILE_NAMES];
/** A status word from untyped data that is also a member of Object.prototype. */
const odd = (word: string) => word as Status;

/** The exported functions a test below runs on hostile names. */
const covered = new Set<unknown>();
const cover = (...fns: unknown[]) => fns.forEach((fn) => covered.add(fn));

describe('fleet groups on hostile names', () => {
  it('groups, folds, describes and explains by hostile environment and group names', () => {
    cover(groupReleaseEnvironments, foldReleaseGroups, groupCacheStats, waitingReasonText, describeGroup, unitLabel);
    // __proto__ first, then every other name in a group named after it, waiting for __proto__.
    const environments = hostileEnvironments(names).map((step, i) => ({
      ...step,
      dependsOn: i === 0 ? [] : ['__proto__'],
      group: i === 0 ? undefined : `constructor/${step.name.replace(/\//g, '') || 'x'}`,
      status: i === 0 ? ('failed' as const) : ('pending' as const),
    }));
    const release = hostileRelease({ id: 'groups', environments, status: 'failed' });
    const before = groupCacheStats();
    const grouping = groupReleaseEnvironments(release, { autoGroupThreshold: Infinity });
    expect(groupCacheStats().computed + groupCacheStats().reused).toBe(before.computed + before.reused + 1);
    const group = grouping.groups.get('constructor')!;
    expect(group.members).toEqual(names.slice(1));
    expect(grouping.groups.get('constructor/toString')!.members).toEqual(['toString']);
    expect(waitingReasonText(group.waiting!, grouping)).toBe('waiting for __proto__, which failed');
    expect(describeGroup(group, grouping)).toMatch(/^constructor, 25 environments: 25 not started, waiting for __proto__/);
    expect(unitLabel({ type: 'group', id: 'constructor/valueOf' }, grouping)).toBe('constructor/valueOf');
    expect(unitLabel({ type: 'environment', name: '__proto__' }, grouping)).toBe('__proto__');
    const folded = foldReleaseGroups(grouping, ['constructor']);
    expect(folded.units[0]).toEqual({ type: 'environment', name: '__proto__' });
    expect(folded.unitOf.get('hasOwnProperty')).toBe(folded.units.findIndex((unit) => unit.type === 'group' && unit.id === 'constructor/hasOwnProperty'));
  });
});

describe('the releases table on hostile group names', () => {
  // Every hostile name as a top-level group and as a group inside `constructor`; names with a
  // slash are paths of their own, names that are blank are no group.
  const groupNames = names.filter((name) => name.trim() !== '' && !name.includes('/'));
  const grouped = hostileRelease({
    id: '__proto__',
    environments: hostileEnvironments(names).map((step, i) => ({
      ...step,
      group: i % 2 ? `constructor/${groupNames[i % groupNames.length]}` : groupNames[i % groupNames.length],
      status: i % 3 ? 'succeeded' : 'failed',
    })),
  });
  const rows = buildReleaseRows([grouped]);

  it('rolls each group up, shows it as a column, expands and hides it by its name', () => {
    cover(releaseGroupRollups, hasEnvironmentGroups, visibleReleaseColumns);
    expect(hasEnvironmentGroups(rows)).toBe(true);
    const rollups = releaseGroupRollups(grouped);
    expect(rollups.get('constructor')!.total).toBe(Math.floor(names.length / 2));
    expect(rollups.get('constructor/__proto__')).toMatchObject({ name: '__proto__', parent: 'constructor', depth: 1 });
    expect(rollups.get('__proto__')!.counts.failed).toBe(1);
    const columns = releaseColumns(rows, { expandedGroups: ['constructor', 'constructor/valueOf'] });
    const groups = columns.flatMap((column) => (column.kind === 'group' ? [column.group] : []));
    expect(groups).toContain('__proto__');
    expect(groups).toContain('constructor/valueOf');
    expect(columns.some((column) => column.kind === 'environment' && column.groups?.join() === 'constructor,constructor/valueOf')).toBe(true);
    const visible = visibleReleaseColumns(columns, { hiddenGroups: ['constructor'], hiddenColumns: ['__proto__'] });
    expect(visible.some((column) => column.kind !== 'field' && (column.kind === 'group' ? column.group : column.environment).startsWith('constructor'))).toBe(false);
    expect(filterReleaseRows(rows, { group: 'constructor/valueOf' }).map((row) => row.id)).toEqual(['__proto__']);
    expect(filterReleaseRows(rows, { group: 'hasOwnProperty/x' })).toEqual([]);
  });

  it('keeps hostile group ids as values through the state and the URL', () => {
    cover(setGroupHidden, setGroupExpanded);
    let state: ReleasesTableState = DEFAULT_TABLE_STATE;
    for (const name of groupNames) state = setGroupExpanded(setGroupHidden(state, name, true), `${name}/${name}`, true);
    expect(state.hiddenGroups).toEqual(groupNames);
    state = setFilters(state, { group: 'constructor/__proto__' });
    expect(fromSearchParams(toSearchString(state))).toEqual(state);
    expect(setGroupExpanded(state, '__proto__/__proto__', false).expandedGroups).not.toContain('__proto__/__proto__');
  });
});

describe('the release model on hostile names and status words', () => {
  it('treats a status word named after Object.prototype as unknown', () => {
    cover(aggregateStatus, statusGroup, countByStatusGroup, isTerminalStatus, isActiveStatus);
    for (const word of PROTOTYPE_NAMES) {
      expect(aggregateStatus([odd(word)])).toBe('unknown');
      expect(aggregateStatus([odd(word), 'succeeded'])).toBe('unknown');
      expect(aggregateStatus(['succeeded', odd(word), 'failed'])).toBe('failed');
      expect(statusGroup(odd(word))).toBe('pending');
      expect(isTerminalStatus(odd(word))).toBe(false);
      expect(isActiveStatus(odd(word))).toBe(false);
    }
    const counts = countByStatusGroup(PROTOTYPE_NAMES.map((word) => ({ status: odd(word) })));
    expect(counts).toEqual({ succeeded: 0, running: 0, failed: 0, pending: PROTOTYPE_NAMES.length, terminated: 0, skipped: 0, total: PROTOTYPE_NAMES.length });
  });

  it('allows no release action and counts no problem for a status word named after Object.prototype', () => {
    cover(isProblemStatus, releaseActions, durationParts);
    for (const word of PROTOTYPE_NAMES) {
      expect(isProblemStatus(odd(word))).toBe(false);
      expect(releaseActions({ status: odd(word) })).toEqual({ retry: false, terminate: false });
    }
    expect(durationParts(64_000)).toEqual([[1, 'minute'], [4, 'second']]);
  });

  it('maps a source status word named after Object.prototype to its fallback, keeping the word', () => {
    const mappers = [
      fromCodefreshReleaseStatus,
      fromCodefreshEnvironmentStatus,
      fromArgoWorkflowPhase,
      fromCodefreshApplicationPromotionStatus,
      fromSyncStatus,
      fromHealthStatus,
      fromKargoPromotionPhase,
      fromKargoHealthState,
      fromGitHubDeploymentState,
    ];
    cover(...mappers);
    for (const mapper of mappers) {
      for (const word of PROTOTYPE_NAMES) expect(mapper(word)).toEqual({ status: 'unknown', raw: word });
    }
  });

  it('reads times, links and SHAs without names getting in the way', () => {
    cover(parseTime, durationMs, formatDuration, safeHref, shortSha, isReleaseDataError, shownTimeZone);
    expect(parseTime('constructor')).toBeUndefined();
    expect(shownTimeZone('__proto__', false)).toEqual({ timeZone: '__proto__', named: false });
    expect(durationMs('__proto__', 'toString', 0)).toBeUndefined();
    expect(formatDuration(61_000)).toBe('1m 1s');
    expect(safeHref('https://example.com/__proto__/constructor?toString#valueOf')).toBe('https://example.com/__proto__/constructor?toString#valueOf');
    expect(shortSha('__proto__')).toBe('__proto');
    const error = new ReleaseDataError('An environment needs a name', '$.environments["__proto__"]', '__proto__');
    expect(isReleaseDataError(error)).toBe(true);
    expect(error.path).toBe('$.environments["__proto__"]');
  });
});

describe('the graph on hostile names', () => {
  const release = hostileRelease();

  it('orders, lays out and sizes the environments', () => {
    cover(topologicalOrder, layoutReleaseGraph, layoutCacheStats, environmentNodeSize, nodeContentShape);
    expect(topologicalOrder(release.environments).map((e) => e.name)).toEqual(names);
    const computed = layoutCacheStats().computed;
    const layout = layoutReleaseGraph(release);
    expect(layoutCacheStats().computed).toBeGreaterThanOrEqual(computed);
    expect(layout.nodes.map((node) => node.id)).toEqual(names);
    expect(layout.nodes.every((node) => Number.isFinite(node.position.x) && Number.isFinite(node.position.y))).toBe(true);
    expect(layout.edges.find((edge) => edge.target === 'constructor')?.source).toBe('__proto__');
    expect(layout.nodes.find((node) => node.id === 'toString')!.data.rank).toBe(2);
    for (const environment of release.environments) {
      expect(environmentNodeSize(environment).height).toBeGreaterThan(0);
      expect(nodeContentShape(environment).preAction).toBe(1);
    }
  });

  it('lays out off the calling thread, and through the worker protocol, by name', async () => {
    cover(layoutReleaseGraphAsync, layoutReleaseGraphIfQuick, layoutCost, serveLayoutWorker);
    // No Worker in Node: the async layout runs here, after a yield, and names come back as given.
    const layout = await layoutReleaseGraphAsync(release, { nodeSpacing: 77 });
    expect(layout.nodes.map((node) => node.id)).toEqual(names);
    expect(layoutReleaseGraphIfQuick(release, { nodeSpacing: 77 })?.nodes.map((node) => node.id)).toEqual(names);
    // The worker is given indices only: nothing a name could turn into a key.
    const answers: LayoutWorkerResponse[] = [];
    const scope = { onmessage: null as ((event: { data: unknown }) => void) | null, postMessage: (answer: LayoutWorkerResponse) => answers.push(answer) };
    serveLayoutWorker(scope);
    scope.onmessage!({ data: { id: 1, input: { dependencies: [[], [0]], sizes: [{ width: 1, height: 1 }, { width: 1, height: 1 }], direction: 'LR', nodeSpacing: 1, rankSpacing: 1, __proto__: { polluted: true } } } });
    expect(answers[0] && 'geometry' in answers[0]).toBe(true);
    expect(layoutCost([[], [0]])).toBe(3);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('draws the overview of names, and lays out a big DAG of them without dagre', () => {
    cover(graphOverview, showsOverview, levelOfDetail, overviewHighlight);
    expect(overviewHighlight(layoutReleaseGraph(release), new Set(names)).split('M')).toHaveLength(names.length + 1);
    const layout = layoutReleaseGraph(release);
    const overview = graphOverview(layout)!;
    expect(overview.nodes.reduce((sum, entry) => sum + entry.count, 0)).toBe(names.length);
    expect(overview.edges.reduce((sum, entry) => sum + entry.count, 0)).toBe(layout.edges.length);
    // 400 environments, the first named like Object.prototype's keys, waiting for 1-3 anywhere before.
    const big = randomDagRelease(400, 3, (i) => (i < names.length ? names[i]! : `store-${i}`));
    const bigLayout = layoutReleaseGraph(big);
    expect(bigLayout.nodes.map((node) => node.id).sort()).toEqual(big.environments.map((e) => e.name).sort());
    expect(bigLayout.nodes.every((node) => Number.isFinite(node.position.x) && Number.isFinite(node.position.y))).toBe(true);
    expect(graphOverview(bigLayout)!.nodes.reduce((sum, entry) => sum + entry.count, 0)).toBe(400);
    expect(showsOverview(bigLayout.nodes.length, 0.1)).toBe(true);
    expect(levelOfDetail(0.1, { nodeCount: bigLayout.nodes.length })).toBe('overview');
    expect(({} as Record<string, unknown>).count).toBeUndefined();
  });

  it('finds neighbours, edge states and promotion actions by name', () => {
    cover(neighborInDirection, edgeState, promotionAction);
    const layout = layoutReleaseGraph(release);
    expect(neighborInDirection(layout.nodes, layout.edges, 'constructor', 'ArrowRight', 'LR')).toBe('toString');
    expect(neighborInDirection(layout.nodes, layout.edges, 'constructor', 'ArrowLeft', 'LR')).toBe('__proto__');
    expect(neighborInDirection(layout.nodes, layout.edges, 'toString', 'ArrowUp', 'TB')).toBe('constructor');
    expect(neighborInDirection(layout.nodes, layout.edges, 'hasOwnProperty', 'ArrowLeft', 'LR')).toBe('valueOf');
    const [first, second] = release.environments;
    expect(edgeState(first!, second!, 'running')).toBe('done');
    expect(promotionAction(first!)).toBe('commit');
  });

  it('collapses what lies downstream of __proto__ and describes environments', () => {
    cover(collapseDownstream, describeEnvironment);
    const { release: shown, hidden } = collapseDownstream(release, new Set(['__proto__']));
    expect(hidden.get('__proto__')).toEqual(names.slice(1));
    expect(shown.environments.map((e) => e.name)).toEqual(['__proto__', `${COLLAPSED_PREFIX}__proto__`]);
    expect(layoutReleaseGraph(shown).nodes).toHaveLength(2);
    expect(collapseDownstream(release, new Set(['valueOf'])).hidden.get('valueOf')).toEqual(names.slice(4));
    const described = describeEnvironment({ ...release.environments[1]!, status: odd('toString') }, 0);
    expect(described).toMatch(/^constructor, toString, /);
    expect(described).not.toContain('native code');
    expect(describeEnvironment(release.environments[0]!, 0)).toMatch(/^__proto__, Succeeded, /);
  });
});

describe('fleet groups on hostile names', () => {
  // start -> three stores in each group `<name>/<name>` (the first of each failed) -> after.
  const stores = PROTOTYPE_NAMES.flatMap((name) =>
    [0, 1, 2].map((j) => env(`${name}-${j}`, ['start'], { group: `${name}/${name}`, status: j === 0 ? 'failed' : 'succeeded' })),
  );
  const fleet = releaseOf([env('start', [], { status: 'succeeded' }), ...stores, env('after', stores.map((store) => store.name))], 'failed');

  it('groups, folds, lays out and words groups named after Object.prototype', () => {
    cover(groupReleaseEnvironments, foldReleaseGroups, groupCacheStats, waitingReasonText, describeGroup, unitLabel, groupNodeSize, tilesNodeSize);
    const grouping = groupReleaseEnvironments(fleet);
    expect([...grouping.groups.keys()]).toEqual(PROTOTYPE_NAMES.flatMap((name) => [name, `${name}/${name}`]));
    const proto = grouping.groups.get('__proto__')!;
    expect(proto.members).toEqual(['__proto__-0', '__proto__-1', '__proto__-2']);
    expect(describeGroup(proto, grouping)).toBe('__proto__, 3 environments: 2 succeeded, 1 failed');
    expect(waitingReasonText(grouping.waiting.get('after')!, grouping)).toBe('waiting for __proto__: 1 of 3 failed');
    expect(unitLabel({ type: 'group', id: 'constructor/constructor' }, grouping)).toBe('constructor/constructor');
    const folded = foldReleaseGroups(grouping, ['toString', 'toString/toString']);
    expect(folded.units.flatMap((unit) => (unit.type === 'environment' ? [unit.name] : []))).toEqual(['start', 'toString-0', 'toString-1', 'toString-2', 'after']);
    const before = groupCacheStats();
    groupReleaseEnvironments({ ...fleet });
    expect(groupCacheStats().reused).toBe(before.reused + 1);
    const layout = layoutReleaseGraph(fleet, { groups: { expanded: ['valueOf'] } });
    expect(layout.nodes.map((node) => node.id)).toContain(`${GROUP_NODE_PREFIX}valueOf/valueOf`);
    expect(layout.frames.map((frame) => frame.group.id)).toEqual(['valueOf']);
    expect(groupNodeSize(1).height).toBeGreaterThan(groupNodeSize(0).height);
    expect(tilesNodeSize(3).columns).toBeGreaterThan(0);
  });

  it('opens, finds and closes groups named after Object.prototype', () => {
    cover(toggleExpandedGroup, expandGroups, groupsToOpenFor, shownUnitOf, groupsContaining, groupCountKinds, tileInDirection, tileCenter);
    const grouping = groupReleaseEnvironments(fleet);
    for (const name of PROTOTYPE_NAMES) {
      expect(toggleExpandedGroup(grouping, [], `${name}/${name}`)).toEqual([name, `${name}/${name}`]);
      expect(toggleExpandedGroup(grouping, [name, `${name}/${name}`], name)).toEqual([]);
      expect(groupsToOpenFor(grouping, `${name}-1`)).toEqual([name, `${name}/${name}`]);
      expect(shownUnitOf(grouping, expandGroups([], [name]), `${name}-1`)).toEqual({ type: 'group', id: `${name}/${name}` });
      expect([...groupsContaining(grouping, [`${name}-2`])]).toEqual([name, `${name}/${name}`]);
    }
    expect(shownUnitOf(grouping, [], '__proto__')).toBeUndefined();
    expect(groupCountKinds(grouping.groups.get('toString')!.counts)).toEqual([
      { kind: 'succeeded', count: 2 },
      { kind: 'failed', count: 1 },
    ]);
    expect(tileInDirection(3, 8, 1, 'ArrowRight')).toBe(2);
    expect(tileCenter(0, 8).x).toBeGreaterThan(0);
  });
});

describe('the releases table on hostile names', () => {
  const a = hostileRelease({ id: 'a' });
  const b = hostileRelease({ id: '__proto__', flow: { name: 'constructor' }, environments: hostileEnvironments(['constructor', 'toString', LONG_NAME]) });
  const rows = buildReleaseRows([a, b]);

  it('builds rows, columns and their environment order', () => {
    cover(buildReleaseRows, environmentOrder, releaseColumns, columnsForEnvironments, rowDuration);
    expect(rows.map((row) => row.id)).toEqual(['a', '__proto__']);
    expect([...rows[0]!.environments.keys()]).toEqual(names);
    expect(rows[1]!.environments.get('constructor')).toBe('succeeded');
    expect(environmentOrder(rows)).toEqual(names);
    const columns = releaseColumns(rows);
    const environmentColumns = columns.flatMap((column) => (column.kind === 'environment' ? [column] : []));
    expect(environmentColumns.map((column) => column.environment)).toEqual(names);
    expect(environmentColumns.find((column) => column.environment === 'constructor')).toEqual({ kind: 'environment', id: 'env:constructor', environment: 'constructor' });
    expect(releaseColumns(rows.slice(1), { environmentOrder: names }).flatMap((c) => (c.kind === 'environment' ? [c.environment] : []))).toEqual(['constructor', 'toString', LONG_NAME]);
    expect(columnsForEnvironments(['__proto__']).at(-1)).toEqual({ kind: 'environment', id: 'env:__proto__', environment: '__proto__' });
    expect(rowDuration(rows[0]!, Date.parse('2026-11-26T12:00:00Z'))).toBeGreaterThan(0);
  });

  it('filters by a hostile environment and flow, and searches and sorts by hostile text', () => {
    cover(filterReleaseRows, sortReleaseRows, queryReleaseRows, rowSearchText, rowTextKeys, rowVersionKey, warmReleaseRows, foldText, naturalKey, hasActiveFilters);
    warmReleaseRows(rows);
    expect(filterReleaseRows(rows, { environment: '__proto__' }).map((row) => row.id)).toEqual(['a']);
    expect(filterReleaseRows(rows, { environment: 'constructor' }).map((row) => row.id)).toEqual(['a', '__proto__']);
    expect(filterReleaseRows(rows, { environment: 'valueOf' }).map((row) => row.id)).toEqual(['a']);
    expect(filterReleaseRows(rows, { environment: 'isPrototypeOf x' }).map((row) => row.id)).toEqual([]);
    expect(filterReleaseRows(rows, { flows: ['__proto__'] }).map((row) => row.id)).toEqual(['a']);
    expect(filterReleaseRows(rows, { flows: ['constructor'] }).map((row) => row.id)).toEqual(['__proto__']);
    expect(filterReleaseRows(rows, { query: '__proto__' }).map((row) => row.id)).toEqual(['a', '__proto__']);
    expect(rowSearchText(rows[0]!)).toContain('hasownproperty');
    expect(rowTextKeys(rows[1]!).flow).toBe('constructor');
    expect(rowVersionKey(rows[0]!)).toBe(naturalKey('1.0.0'));
    expect(foldText('__PROTO__')).toBe('__proto__');
    expect(hasActiveFilters({ environment: '__proto__' })).toBe(true);
    // A sort key that is not one (untyped state) sorts nothing, whatever it is called.
    for (const key of PROTOTYPE_NAMES) {
      expect(sortReleaseRows(rows, { key, desc: false } as unknown as ReleaseSort).map((row) => row.id)).toEqual(['a', '__proto__']);
    }
    expect(sortReleaseRows(rows, { key: 'flow', desc: true }).map((row) => row.id)).toEqual(['__proto__', 'a']);
    expect(queryReleaseRows(rows, { sort: { key: 'flow', desc: true }, filters: { environment: 'constructor' }, page: 1 }).rows.map((row) => row.id)).toEqual(['__proto__', 'a']);
  });

  it('keeps hostile names as values through the table state transitions', () => {
    cover(setSort, toggleSort, setFilters, clearFilters, setPage, setColumnHidden, canPreviousPage, canNextPage, previousPage, nextPage);
    let state = DEFAULT_TABLE_STATE;
    for (const name of names) state = setColumnHidden(state, name, true);
    expect(state.hiddenColumns).toEqual(names);
    state = setColumnHidden(state, '__proto__', false);
    expect(state.hiddenColumns).toEqual(names.filter((name) => name !== '__proto__'));
    state = setFilters(state, { flows: ['constructor', 'toString'], environment: '__proto__' });
    expect(state.filters).toEqual({ flows: ['constructor', 'toString'], environment: '__proto__' });
    expect(clearFilters(state).filters).toEqual({});
    for (const key of PROTOTYPE_NAMES) expect(() => toggleSort(state, key as never)).not.toThrow();
    expect(setSort(state, { key: 'flow', desc: true }).sort).toEqual({ key: 'flow', desc: true });
    const paging = { pageCount: 3 };
    const second = nextPage(setPage(state, 1), paging);
    expect(second.page).toBe(2);
    expect(canPreviousPage(second, paging) && canNextPage(second, paging)).toBe(true);
    expect(previousPage(second, paging).page).toBe(1);
  });

  it('round-trips hostile names through the URL', () => {
    cover(toSearchParams, toSearchString, fromSearchParams, validDay);
    expect(validDay('constructor')).toBeUndefined();
    for (const prefix of ['', 'constructor.', '__proto__']) {
      const state: ReleasesTableState = {
        sort: { key: 'flow', desc: false },
        filters: { flows: names, environment: '__proto__', query: 'toString valueOf' },
        page: 2,
        hiddenColumns: names,
      };
      expect(fromSearchParams(toSearchString(state, { prefix }), { prefix })).toEqual(state);
      expect(fromSearchParams(toSearchParams(state, { prefix }), { prefix })).toEqual(state);
      for (const name of names) {
        const one: ReleasesTableState = { sort: { key: 'date', desc: true }, filters: { environment: name, flows: [name] }, page: 1, hiddenColumns: [name] };
        expect(fromSearchParams(new URL(`https://host.example/releases${toSearchString(one, { prefix })}#__proto__`), { prefix })).toEqual(one);
      }
    }
    // Several 200-character names, and names with the list's comma or an escape in them.
    const longNames = ['a', 'b', 'c', 'd', 'e'].map((c) => `${c}${LONG_NAME.slice(1)}`);
    const commas = ['eu, west', 'a,b', ',', '%2C', '100%', 'x%252Cy'];
    const lists: ReleasesTableState = { sort: { key: 'date', desc: true }, filters: { flows: commas }, page: 1, hiddenColumns: [...longNames, ...commas] };
    expect(fromSearchParams(toSearchString(lists))).toEqual(lists);
    expect(toSearchString({ filters: { flows: ['a,b', 'c'] } })).toBe('?flow=a%252Cb,c');
    // Own params named like Object.prototype's members are the host's, and stay.
    expect(toSearchString({ filters: { environment: 'qa' } }, { base: '__proto__=1&constructor=2' })).toBe('?__proto__=1&constructor=2&env=qa');
    expect(fromSearchParams('?__proto__=1&constructor=x&toString=y&hide=__proto__')).toEqual({ ...headless.DEFAULT_TABLE_STATE, hiddenColumns: ['__proto__'] });
  });
});

describe('release notes and diffs on hostile names', () => {
  const release = hostileRelease();

  it('compiles, groups, filters and writes notes', () => {
    cover(compileReleaseNotes, filterReleaseNotes, noteText, releaseNotesToMarkdown, escapeMarkdown, parseConventionalCommit, linkIssueKeys, jiraKeys, githubKeys);
    const notes = compileReleaseNotes([release, hostileRelease({ id: 'second' })], { groupBy: 'application', issueKeys: [githubKeys({ repo: '__proto__/constructor' }), jiraKeys('https://jira.example')] });
    expect(notes.issues.map((issue) => issue.key)).toEqual(['__proto__', 'constructor']);
    expect(notes.issues[0]!.occurrences).toBe(2);
    expect(notes.issues[1]!.environments).toEqual(names);
    expect(notes.pullRequests.map((pr) => [pr.repo, pr.id])).toEqual([['constructor', '__proto__']]);
    expect(notes.groups!.map((group) => group.key)).toEqual(['__proto__', 'toString', 'valueOf']);
    expect(notes.groups![0]!.items.map((item) => item.kind)).toEqual(['image', 'issue', 'commit']);
    const byType = compileReleaseNotes(release, { groupBy: 'type' });
    expect(byType.groups!.map((group) => group.key)).toEqual(['fix', 'other']);
    expect(parseConventionalCommit('constructor(__proto__)!: toString')).toEqual({ type: 'constructor', scope: '__proto__', breaking: true, subject: 'toString' });
    expect(filterReleaseNotes(notes, 'hasownproperty').commits).toHaveLength(1);
    expect(filterReleaseNotes(notes, '__proto__').counts.total).toBe(notes.counts.total);
    expect(noteText(notes.issues[0]!)).toContain('__proto__');
    expect(linkIssueKeys('see __proto__/constructor#12 and #3', [githubKeys({ repo: 'toString/x' })], new Map([['#3', undefined]]))).toEqual([
      { text: 'see ' },
      { text: '__proto__/constructor#12', issue: '__proto__/constructor#12', href: 'https://github.com/__proto__/constructor/issues/12' },
      { text: ' and ' },
      { text: '#3', issue: '#3', href: 'https://github.com/toString/x/issues/3' },
    ]);
    // Pull requests are one by repository and id: not by the two joined.
    const split = hostileRelease({
      notes: {
        images: [],
        issues: [],
        commits: [],
        pullRequests: [
          { id: 'c', title: 'one', state: 'open', repo: 'a\nb' },
          { id: 'b\nc', title: 'two', state: 'open', repo: 'a' },
        ],
      },
    });
    expect(compileReleaseNotes(split).pullRequests.map((pr) => pr.title)).toEqual(['one', 'two']);
    const markdown = releaseNotesToMarkdown(notes, { title: '__proto__' });
    expect(markdown).toContain('# \\_\\_proto\\_\\_');
    expect(escapeMarkdown('constructor')).toBe('constructor');
  });

  it('diffs releases and lists what is on its way to a hostile environment', () => {
    cover(diffReleases, changesSinceLastRelease);
    const next = hostileRelease({
      id: 'next',
      createdAt: '2026-11-27T10:00:00Z',
      environments: hostileEnvironments().map((e) => ({ ...e, applications: e.applications.map((app) => ({ ...app, version: `${app.version}-next` })) })),
    });
    const diff = diffReleases(release, next);
    expect(diff.environments.map((e) => [e.name, e.change])).toEqual(names.map((name) => [name, 'changed']));
    expect(diff.entries.filter((entry) => entry.environment === '__proto__').map((entry) => [entry.application, entry.fields])).toEqual([
      ['__proto__', ['version']],
    ]);
    expect(diff.entries.find((entry) => entry.environment === 'constructor' && entry.application === 'constructor')?.fields).toEqual(['version']);
    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: diff.entries.length, unchanged: 0 });
    // Failed in both: everything since the start is on its way.
    const since = changesSinceLastRelease([release, next], 'propertyIsEnumerable');
    expect(since.since).toBeUndefined();
    expect(since.releases.map((r) => r.id)).toEqual(['next', release.id]);
    expect(since.notes.issues.map((issue) => issue.key)).toEqual(['__proto__', 'constructor']);
    // Succeeded in the newest: nothing is.
    expect(changesSinceLastRelease([release, next], '__proto__')).toMatchObject({ since: { id: 'next' }, releases: [] });
  });

  it('compares two releases and selects them by hostile ids', () => {
    cover(compareReleases, toggleReleaseSelection, orderReleasePair, releasesToCompare, releaseSelectionSummary);
    const older = hostileRelease({ id: '__proto__', createdAt: '2026-11-20T10:00:00Z' });
    const between = hostileRelease({
      id: 'constructor',
      createdAt: '2026-11-21T10:00:00Z',
      notes: { images: [], issues: [{ key: 'toString' }], pullRequests: [], commits: [] },
    });
    const newer = hostileRelease({
      id: 'toString',
      createdAt: '2026-11-22T10:00:00Z',
      environments: hostileEnvironments().map((e) => (e.name === 'valueOf' ? { ...e, status: 'failed' as Status } : e)),
      notes: { ...older.notes!, issues: [...older.notes!.issues, { key: 'hasOwnProperty' }] },
    });
    const result = compareReleases(newer, older, { releases: [between, older, newer] });
    expect([result.older.id, result.newer.id]).toEqual(['__proto__', 'toString']);
    expect(result.notes.issues.map((issue) => issue.key)).toEqual(['hasOwnProperty', 'toString']);
    expect(result.environments.map((e) => e.name)).toEqual(names);
    expect(result.environments.filter((e) => e.statusChanged).map((e) => e.name)).toEqual(names.includes('valueOf') ? ['valueOf'] : []);
    const ids = ['__proto__', 'constructor', 'toString'];
    const anchored = toggleReleaseSelection({ selected: [], anchor: undefined }, '__proto__', { orderedIds: ids });
    const state = toggleReleaseSelection(anchored, 'toString', { range: true, orderedIds: ids });
    expect(state.selected).toEqual(ids);
    const byId = new Map([older, between, newer].map((r) => [r.id, r]));
    expect(releasesToCompare(['toString', '__proto__'], byId)).toEqual([older, newer]);
    expect(orderReleasePair(newer, older)).toEqual([older, newer]);
    expect(releaseSelectionSummary(state.selected, byId, ['constructor'])).toEqual({ releases: [older, between, newer], hidden: 2 });
  });
});

describe('delivery metrics on hostile names', () => {
  it('measures deployments to, and environments and steps of, hostile names', () => {
    cover(computeDeliveryMetrics);
    const release = hostileRelease();
    const options = { now: '2026-11-27T00:00:00Z', days: 7 };
    // `constructor` (second, after `__proto__`) succeeded at 10:17; `propertyIsEnumerable` failed at 11:07.
    const constructor = computeDeliveryMetrics([release], { ...options, environment: 'constructor' });
    expect(constructor.deploymentFrequency.deployments).toBe(1);
    expect(constructor.valueStream).toEqual([
      { kind: 'wait', environment: '__proto__', medianMs: 5 * 60_000 },
      { kind: 'run', environment: '__proto__', medianMs: 7 * 60_000 },
      { kind: 'wait', environment: 'constructor', medianMs: 3 * 60_000 },
      { kind: 'run', environment: 'constructor', medianMs: 7 * 60_000 },
    ]);
    const failed = computeDeliveryMetrics([release], { ...options, environment: (env) => env.name === 'propertyIsEnumerable' || env.name === '__proto__' });
    expect(failed.failedDeployments.map((f) => [f.environment, f.at])).toEqual([['propertyIsEnumerable', '2026-11-26T11:07:00.000Z']]);
    expect(failed.environments.map((e) => e.name)).toEqual(names);
    expect(failed.environments.find((e) => e.name === '__proto__')).toMatchObject({ runs: 1, succeeded: 1, medianWaitMs: null });
    expect(failed.failingSteps).toEqual([{ environment: 'propertyIsEnumerable', section: 'preAction', name: 'constructor', failures: 1, runs: 1 }]);
    const unknown = computeDeliveryMetrics([release], { ...options, environment: 'valueOf-not' });
    expect(unknown.changeFailRate).toEqual({ rate: null, failed: 0, deployments: 0 });
  });

  it('judges, draws and checks metrics of hostile names as of any other', () => {
    cover(deliveryKeyValue, deliveryTrend, deliveryKeyChange, deliveryKeySeries, summarizeSeries, valueStreamShares, checkDeliveryMetrics);
    const metrics = computeDeliveryMetrics([hostileRelease()], { now: '2026-11-27T00:00:00Z', days: 7, environment: 'constructor' });
    // Sent as JSON and checked: every hostile name survives as an own string.
    const sent = checkDeliveryMetrics(JSON.parse(JSON.stringify(metrics)));
    expect(sent.environments.map((e) => e.name)).toEqual(names);
    expect(deliveryKeyValue(sent, 'deploymentFrequency')).toBeCloseTo(1 / 7);
    // Nothing before the window: no baseline, so no trend.
    expect(deliveryKeyChange(sent, 'deploymentFrequency')).toEqual({ value: 1 / 7, previous: null, trend: undefined });
    expect(deliveryTrend('changeLeadTime', 2, 1)).toMatchObject({ verdict: 'worse' });
    expect(summarizeSeries(deliveryKeySeries(sent, 'deploymentFrequency'))).toMatchObject({ highest: 1, count: 7 });
    const { shares } = valueStreamShares(sent.valueStream);
    expect(shares.map((share) => share.stage.environment)).toEqual(['__proto__', '__proto__', 'constructor', 'constructor']);
    expect(shares.reduce((sum, share) => sum + share.share, 0)).toBeCloseTo(1);
  });
});

describe('commit statuses and release links on hostile names', () => {
  const release = hostileRelease();

  it('makes one commit status per hostile environment', () => {
    cover(toCommitStatus);
    for (const provider of ['github', 'gitlab', 'bitbucket'] as const) {
      const results = toCommitStatus(release, { provider, perEnvironment: true, detailsUrl: (environment) => `https://ci.example/${encodeURIComponent(environment ?? '')}` });
      expect(results.map((result) => result.environment)).toEqual(release.environments.filter((e) => e.status !== 'pending').map((e) => e.name));
      expect(results[0]!.payload.description).toMatch(/^__proto__: Promotion succeeded/);
    }
    const [own] = toCommitStatus(release, { provider: 'github', detailsUrl: 'https://ci.example', context: 'constructor' });
    expect(own!.payload).toMatchObject({ context: 'constructor', state: 'pending' });
    for (const provider of PROTOTYPE_NAMES) {
      expect(() => toCommitStatus(release, { provider: provider as 'github', detailsUrl: 'https://ci.example' })).toThrow(ReleaseDataError);
    }
  });

  it('links to and reads back every hostile environment and step', () => {
    cover(createReleaseLinks, releaseHref, parseReleaseHref);
    const links = createReleaseLinks({ basePath: '/gitops', origin: 'https://gitops.example' });
    // Control characters are refused by design: they would reach logs and screens.
    for (const name of names.filter((n) => !/\p{Cc}/u.test(n))) {
      const target = { product: name.includes('/') ? 'constructor' : name, releaseId: '__proto__', environment: name, step: name };
      expect(links.parse(links.href(target))).toEqual(target);
      expect(links.parse(links.url(target))).toEqual(target);
      expect(parseReleaseHref(releaseHref(target))).toEqual(target);
    }
  });
});

describe('sample data on hostile names', () => {
  it('simulates a flow of hostile names', () => {
    cover(simulatePromotion, sampleFlow, sampleRelease, sampleReleaseHistory);
    const flow: PromotionFlow = {
      name: '__proto__',
      trigger: names[0]!,
      environments: hostileEnvironments().map(({ name, dependsOn }) => ({ name, dependsOn })),
    };
    const snapshots = [...simulatePromotion(flow, { failAt: 'toString', product: 'constructor' })];
    const last = snapshots.at(-1)!;
    expect(last.environments.map((e) => e.name)).toEqual(names);
    expect(last.environments.find((e) => e.name === 'toString')!.status).toBe('failed');
    expect(last.environments.find((e) => e.name === 'constructor')!.status).toBe('succeeded');
    expect(() => [...simulatePromotion(flow, { failAt: 'hasOwnProperty x' })]).toThrow(ReleaseDataError);
    // A shape that is not one reads as the default large flow, whatever it is called.
    for (const shape of PROTOTYPE_NAMES) {
      expect(sampleFlow(shape as 'large').environments).toEqual(sampleFlow('large').environments);
    }
    expect(sampleRelease({ product: '__proto__' }).product).toBe('__proto__');
    expect(sampleReleaseHistory({ product: 'constructor', count: 3 }).map((r) => r.product)).toEqual(['constructor', 'constructor', 'constructor']);
  });

  it('rolls out, fails and shares environments grouped under hostile names', () => {
    // A fleet whose groups are prototype names: `__proto__/constructor`, `toString/__proto__`, ...
    const [root, ...rest] = names;
    const flow: PromotionFlow = {
      name: 'constructor',
      trigger: root!,
      environments: [
        { name: root!, dependsOn: [] },
        ...rest.map((name, i) => ({ name, dependsOn: [root!], group: `${PROTOTYPE_NAMES[i % 3]}/${PROTOTYPE_NAMES[(i + 1) % 3]}` })),
      ],
    };
    const plain = [...simulatePromotion(flow, { failures: { group: '__proto__', count: 2 }, failAt: ['toString'], parallel: 2, step: 30_000 })];
    const shared = [...simulatePromotion(flow, { failures: { group: '__proto__', count: 2 }, failAt: ['toString'], parallel: 2, step: 30_000, structuralSharing: true })];
    expect(shared).toEqual(plain);
    const last = plain.at(-1)!;
    expect(last.status).toBe('failed');
    const failed = last.environments.filter((e) => e.status === 'failed');
    expect(failed.map((e) => e.name)).toContain('toString');
    expect(failed.filter((e) => e.group?.startsWith('__proto__/'))).toHaveLength(2);
    expect(last.environments.find((e) => e.name === 'constructor')!.group).toBe('__proto__/constructor');
    // At most two of one top-level group run at once, whatever the group is called.
    for (const snapshot of plain) {
      for (const top of PROTOTYPE_NAMES.slice(0, 3)) {
        expect(snapshot.environments.filter((e) => e.status === 'running' && e.group?.startsWith(`${top}/`)).length).toBeLessThanOrEqual(2);
      }
    }
    for (const group of ['hasOwnProperty', 'constructor/valueOf', 'valueOf']) {
      expect(() => [...simulatePromotion(flow, { failures: { group, count: 1 } })]).toThrow(ReleaseDataError);
    }
    for (const wave of PROTOTYPE_NAMES) {
      expect(() => sampleRelease({ shape: 'fleet', size: 20, state: 'failed', wave })).toThrow(ReleaseDataError);
    }
    expect(sampleRelease({ shape: 'fleet', size: 20, product: 'constructor' }).environments.every((e) => e.status === 'succeeded')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Adapters, fed their fixtures with names (and so keys) renamed to hostile ones
// ---------------------------------------------------------------------------------------------

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8');

/** The JSON text with every string (value or key) equal to a key of `names` replaced. */
const renameJson = (json: string, renames: ReadonlyMap<string, string>) =>
  json.replace(/"(?:[^"\\]|\\.)*"/g, (literal) => {
    const renamed = renames.get(JSON.parse(literal) as string);
    return renamed === undefined ? literal : JSON.stringify(renamed);
  });

/** A value (an adapter's output) with the same strings replaced. */
const rename = (value: unknown, renames: ReadonlyMap<string, string>): unknown => JSON.parse(renameJson(JSON.stringify(value), renames));

const pairs = (entries: Array<[string, string]>) => new Map(entries);

describe('adapters on hostile names', () => {
  const check = <T>(file: string, renames: ReadonlyMap<string, string>, convert: (input: unknown) => T, expectNames: (result: T) => void) => {
    const plain = fixture(file);
    const expected = rename(convert(JSON.parse(plain)), renames);
    const result = convert(JSON.parse(renameJson(plain, renames)));
    expect(result).toEqual(expected);
    expectNames(result);
  };
  const environmentNames = (release: Release) => release.environments.map((e) => e.name);

  it('reads Codefresh releases, promotions and pages', () => {
    cover(fromCodefreshRelease, fromCodefreshPromotion, fromCodefreshReleasesPage);
    const renames = pairs([
      ['dev', '__proto__'],
      ['qa', 'constructor'],
      ['staging', 'toString'],
      ['prod-eu', 'hasOwnProperty'],
      ['prod-us', '🚀 prod "us"'],
      ['checkout-api', 'valueOf'],
      ['checkout-web', '__proto__'],
      ['checkout-global', 'isPrototypeOf'],
    ]);
    check('codefresh-release', renames, (input) => fromCodefreshRelease(input), (release) => {
      expect(environmentNames(release)).toEqual(['__proto__', 'constructor', 'toString', 'production', 'hasOwnProperty', '🚀 prod "us"']);
      expect(release.environments[1]!.dependsOn).toEqual(['__proto__']);
      expect(release.environments[0]!.applications.map((app) => app.name)).toEqual(['valueOf', '__proto__']);
      expect(release.flow).toEqual({ name: 'isPrototypeOf' });
    });
    check('codefresh-release-failed', renames, (input) => fromCodefreshRelease(input), (release) => {
      expect(environmentNames(release)).toEqual(['__proto__', 'constructor', 'production']);
    });
    check(
      'codefresh-promotion',
      renames,
      (input) => {
        const { promotion, environmentStatuses } = input as { promotion: unknown; environmentStatuses: CodefreshPromotionOptions['environmentStatuses'] };
        return fromCodefreshPromotion(promotion, { environmentStatuses });
      },
      (release) => expect(environmentNames(release)).toEqual(['__proto__', 'toString', 'production']),
    );
    check('codefresh-releases-page', renames, (input) => fromCodefreshReleasesPage(input), (page) => {
      expect(environmentNames(page.releases[0]!)).toEqual(['__proto__', 'production']);
    });
  });

  it('reads a Kargo project', () => {
    cover(fromKargo);
    const renames = pairs([
      ['test', '__proto__'],
      ['uat', 'constructor'],
      ['perf', 'toString'],
      ['prod-eu', 'eu/west #1?'],
      ['prod-us', LONG_NAME],
    ]);
    check('kargo-project', renames, (input) => fromKargo(input as KargoInput), (release) => {
      expect(environmentNames(release)).toEqual(['__proto__', 'constructor', 'toString', 'eu/west #1?', LONG_NAME]);
      expect(release.environments[4]!.dependsOn).toEqual(['constructor', 'toString']);
    });
    check('kargo-minimal', pairs([['dev', '__proto__'], ['staging', 'constructor']]), (input) => fromKargo(input as KargoInput), (release) => {
      expect(environmentNames(release)).toEqual(['__proto__', 'constructor']);
    });
  });

  it('reads GitHub deployments', () => {
    cover(fromGitHubDeployments);
    // Not `production`: it is also a word of the model (`kind`).
    const renames = pairs([
      ['dev', '__proto__'],
      ['staging', 'constructor'],
    ]);
    check('github-deployments', renames, (input) => fromGitHubDeployments(input as GitHubDeploymentsInput), (releases) => {
      expect(releases.map(environmentNames)).toEqual([
        ['__proto__', 'constructor'],
        ['__proto__', 'constructor', 'production'],
        ['__proto__', 'constructor', 'production'],
      ]);
    });
    // Statuses keyed by deployment id, with ids named after Object.prototype's members.
    const input = JSON.parse(renameJson(fixture('github-deployments'), renames)) as GitHubDeploymentsInput & { deployments: Array<{ id: unknown }> };
    expect(fromGitHubDeployments({ ...input, statuses: JSON.parse('{"__proto__": [], "constructor": []}') }).length).toBeGreaterThan(0);
  });

  it('overlays Argo CD applications', () => {
    cover(withArgoCdApplications);
    const renames = pairs([
      ['dev', '__proto__'],
      ['staging', 'constructor'],
      ['production', 'toString'],
      ['prod-eu', 'hasOwnProperty'],
      ['prod-us', 'valueOf'],
      ['cart-api', '__proto__'],
      ['auth-gateway', 'constructor'],
    ]);
    const base = hostileRelease({
      environments: hostileEnvironments(['dev', 'staging', 'production', 'prod-eu', 'prod-us']).map((e) => ({
        ...e,
        applications: [
          { name: 'cart-api', namespace: `checkout-${e.name}`, sync: 'unknown', health: 'unknown' },
          { name: 'auth-gateway', namespace: `checkout-${e.name}`, sync: 'unknown', health: 'unknown' },
        ],
      })),
    });
    const overlay = (list: unknown, release: Release) =>
      withArgoCdApplications(release, list as { items: ArgoCdApplication[] }, {
        environmentOf: (application) => application.metadata.labels?.['acme.dev/environment'],
        addUnmatched: true,
      });
    // The version comes from the image named after the application: renamed, no image matches.
    const withoutVersions = (release: Release) => ({ ...release, environments: release.environments.map((e) => ({ ...e, applications: e.applications.map(({ version: _, ...app }) => app) })) });
    const plain = JSON.parse(fixture('argocd-applications'));
    const expected = rename(overlay(plain, base), renames) as Release;
    const result = overlay(JSON.parse(renameJson(fixture('argocd-applications'), renames)), rename(base, renames) as Release);
    expect(withoutVersions(result)).toEqual(withoutVersions(expected));
    expect(result.environments[1]!.applications.find((app) => app.name === '__proto__')).toMatchObject({ sync: 'synced', health: 'healthy', rawSync: 'Synced' });
    expect(environmentNames(result)).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']);
    expect(result.environments[0]!.applications.map((app) => app.name)).toEqual(expect.arrayContaining(['__proto__', 'constructor']));
  });
});

describe('groups on hostile names', () => {
  // Every hostile name is an environment, in a group named after another hostile name, with a
  // sub-group named after a third: a path of hostile levels.
  const release = hostileRelease();
  const grouped = {
    ...release,
    environments: release.environments.map((e, i) => ({
      ...e,
      group: i === 0 ? undefined : `${PROTOTYPE_NAMES[i % 3]}/${PROTOTYPE_NAMES[(i + 1) % 4]}`.replace(/\s/g, ''),
      status: i % 2 ? ('failed' as Status) : ('succeeded' as Status),
    })),
  };

  it('groups, rolls up, folds and lays out by name', () => {
    cover(groupReleaseEnvironments, foldReleaseGroups, groupCacheStats, waitingReasonText, describeGroup, unitLabel);
    cover(groupNodeSize, tilesNodeSize);
    const grouping = groupReleaseEnvironments(grouped, { autoGroupThreshold: 2 });
    const ids = [...grouping.groups.keys()];
    expect(ids).toEqual(expect.arrayContaining(['__proto__', 'constructor', '__proto__/constructor', 'constructor/toString']));
    const all = [...grouping.groups.values()].filter((group) => group.depth === 0).reduce((sum, group) => sum + group.progress.total, 0);
    expect(all).toBe(names.length - 1);
    expect(grouping.groupsOf.get('constructor')).toEqual(['constructor', 'constructor/toString']);
    for (const group of grouping.groups.values()) {
      expect(describeGroup(group, grouping)).toMatch(new RegExp(`^${group.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, `));
      expect(group.counts.failed + group.counts.succeeded).toBe(group.progress.total);
    }
    expect(groupCacheStats().computed).toBeGreaterThan(0);
    const folded = foldReleaseGroups(grouping, ['__proto__', 'constructor']);
    expect([...folded.open].sort()).toEqual(['__proto__', 'constructor']);
    expect(folded.unitOf.get('toString')).toBeDefined();
    expect(unitLabel({ type: 'group', id: '__proto__/constructor' }, grouping)).toBe('__proto__/constructor');
    const layout = layoutReleaseGraph(grouped, { groups: { expanded: ['constructor'], autoGroupThreshold: 2 } });
    expect(layout.nodes.some((node) => node.id === `${GROUP_NODE_PREFIX}__proto__`)).toBe(true);
    expect(layout.nodes.every((node) => Number.isFinite(node.position.x))).toBe(true);
    expect(groupNodeSize(2).height).toBeGreaterThan(groupNodeSize(0).height);
    expect(tilesNodeSize(250).columns).toBeGreaterThan(0);
    // Waiting reasons name hostile units.
    const pending = { ...grouped, status: 'running' as Status, environments: grouped.environments.map((e, i) => (i === 0 ? { ...e, status: 'failed' as Status } : { ...e, status: 'pending' as Status })) };
    const waiting = groupReleaseEnvironments(pending);
    expect(waitingReasonText(waiting.groups.get('constructor')!.waiting!, waiting)).toBe('waiting for __proto__, which failed');
  });
});

describe('coverage', () => {
  it('runs every function the headless entry exports', () => {
    // ReleaseDataError is a class: constructed above.
    cover(ReleaseDataError);
    const missed = Object.entries(headless).filter(([, value]) => typeof value === 'function' && !covered.has(value));
    expect(missed.map(([name]) => name)).toEqual([]);
  });
});

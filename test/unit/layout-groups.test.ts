import { describe, expect, it, vi } from 'vitest';
import {
  GROUP_NODE_PREFIX,
  TILES_NODE_PREFIX,
  groupCacheStats,
  groupReleaseEnvironments,
  layoutCacheStats,
  layoutReleaseGraph,
  tilesNodeSize,
  type EnvironmentStep,
  type Status,
} from '../../src/headless';
import { QUICK_GROUPING_SIZE, canPlanNow, planLayout, prepareLayoutLater } from '../../src/headless/graph/layout';
import { environment as env, release } from '../fixtures/release';
import { PROTOTYPE_NAMES } from '../fixtures/hostile-names';

/** dev -> gate -> `count` stores over `regions` in group `wave/<region>` -> after. */
function wave(count: number, regions: string[], status: (i: number) => Status = () => 'pending', wave = 'wave-1') {
  const stores: EnvironmentStep[] = Array.from({ length: count }, (_, i) =>
    env(`store-${i}`, ['gate'], { group: `${wave}/${regions[i % regions.length]}`, status: status(i) }),
  );
  return release([env('dev', [], { status: 'succeeded' }), env('gate', ['dev'], { status: 'succeeded' }), ...stores, env('after', stores.map((s) => s.name))]);
}

describe('layoutReleaseGraph with groups', () => {
  it('draws a closed group as one node between what it waits for and what waits for it', () => {
    const layout = layoutReleaseGraph(wave(250, ['eu', 'us']), { groups: {} });
    expect(layout.nodes.map((node) => node.id)).toEqual(['dev', 'gate', `${GROUP_NODE_PREFIX}wave-1`, 'after']);
    expect(layout.edges.map((edge) => [edge.source, edge.target])).toEqual([
      ['dev', 'gate'],
      ['gate', `${GROUP_NODE_PREFIX}wave-1`],
      [`${GROUP_NODE_PREFIX}wave-1`, 'after'],
    ]);
    const group = layout.nodes[2]!;
    expect(group.type).toBe('group');
    // The group sits between the gate and what follows.
    expect(group.position.x).toBeGreaterThan(layout.nodes[1]!.position.x);
    expect(layout.nodes[3]!.position.x).toBeGreaterThan(group.position.x);
    expect(layout.frames).toEqual([]);
  });

  it('gives edges into and out of a group its state', () => {
    const running = layoutReleaseGraph(wave(20, ['eu'], (i) => (i < 5 ? 'succeeded' : 'pending')), { groups: {} });
    expect(running.edges.map((edge) => edge.data.state)).toEqual(['done', 'active', 'pending']);
    const failed = layoutReleaseGraph({ ...wave(20, ['eu'], (i) => (i < 3 ? 'failed' : 'succeeded')), status: 'failed' }, { groups: {} });
    expect(failed.edges.map((edge) => edge.data.state)).toEqual(['done', 'failed', 'skipped']);
  });

  it('opens a group into sub-groups, then a sub-group into a grid of tiles, inside frames', () => {
    const release = wave(250, ['eu', 'us']);
    const open = layoutReleaseGraph(release, { groups: { expanded: ['wave-1'] } });
    expect(open.nodes.map((node) => node.id)).toEqual(['dev', 'gate', `${GROUP_NODE_PREFIX}wave-1/eu`, `${GROUP_NODE_PREFIX}wave-1/us`, 'after']);
    const tiles = layoutReleaseGraph(release, { groups: { expanded: ['wave-1', 'wave-1/eu'] } });
    const grid = tiles.nodes.find((node) => node.id === `${TILES_NODE_PREFIX}wave-1/eu`)!;
    expect(grid.type).toBe('tiles');
    if (grid.type !== 'tiles') return;
    expect(grid.data.environments).toHaveLength(125);
    expect(grid.width).toBe(tilesNodeSize(125).width);
    expect(tiles.frames.map((frame) => frame.group.id)).toEqual(['wave-1', 'wave-1/eu']);
    // Each frame holds what it shows.
    const [outer, inner] = tiles.frames;
    expect(inner!.position.x).toBeLessThanOrEqual(grid.position.x);
    expect(inner!.position.y + inner!.height).toBeGreaterThanOrEqual(grid.position.y + grid.height);
    expect(outer!.position.y).toBeLessThanOrEqual(inner!.position.y);
  });

  it('opens a small group into environment nodes, each with why it waits', () => {
    const layout = layoutReleaseGraph(
      { ...wave(6, ['eu']), environments: wave(6, ['eu']).environments.map((e) => (e.name === 'gate' ? { ...e, status: 'suspended' as Status } : e)) },
      { groups: { expanded: ['wave-1', 'wave-1/eu'] } },
    );
    const store = layout.nodes.find((node) => node.id === 'store-0')!;
    expect(store.type).toBe('environment');
    expect(store.type === 'environment' && store.data.waiting).toEqual({ kind: 'approval', environment: 'gate', pullRequest: false });
  });

  it('lays out a status-only change from the cache', () => {
    layoutReleaseGraph(wave(300, ['eu', 'us', 'ap']), { groups: {} });
    const before = layoutCacheStats();
    const next = layoutReleaseGraph(wave(300, ['eu', 'us', 'ap'], (i) => (i < 100 ? 'running' : 'pending')), { groups: {} });
    expect(layoutCacheStats().computed).toBe(before.computed);
    const group = next.nodes.find((node) => node.type === 'group')!;
    expect(group.type === 'group' && group.data.group.counts.running).toBe(100);
  });

  it('opens and closes a group without grouping the release again, as a new grouping would lay it out', () => {
    const release = wave(300, ['eu', 'us', 'ap'], (i) => (i < 100 ? 'succeeded' : 'pending'));
    const now = Date.parse('2026-11-26T12:00:00Z');
    const closed = layoutReleaseGraph(release, { groups: { now } });
    const before = groupCacheStats();
    const open = layoutReleaseGraph(release, { groups: { now, expanded: ['wave-1'] } });
    const closedAgain = layoutReleaseGraph(release, { groups: { now } });
    // The grouping of the release it already had: no group rolled up again, no structure built.
    expect(open.grouping).toBe(closed.grouping);
    expect(closedAgain.grouping).toBe(closed.grouping);
    expect(groupCacheStats().computed).toBe(before.computed);
    // What a fresh grouping of the same data gives.
    expect(open).toEqual(layoutReleaseGraph({ ...release }, { groups: { now, expanded: ['wave-1'] } }));
    expect(closedAgain).toEqual(closed);
    expect(open.nodes.map((node) => node.id)).toEqual(['dev', 'gate', `${GROUP_NODE_PREFIX}wave-1/eu`, `${GROUP_NODE_PREFIX}wave-1/us`, `${GROUP_NODE_PREFIX}wave-1/ap`, 'after']);
  });

  it('lays out a fold that makes a cycle', () => {
    // a (in g) -> b -> c (in g): folded, g waits for b and b for g.
    const layout = layoutReleaseGraph(release([env('a', [], { group: 'g' }), env('b', ['a']), env('c', ['b'], { group: 'g' })]), { groups: {} });
    expect(layout.nodes.map((node) => node.id)).toEqual([`${GROUP_NODE_PREFIX}g`, 'b']);
    expect(layout.edges).toHaveLength(2);
    for (const edge of layout.edges) expect(edge.data.points.length).toBeGreaterThanOrEqual(2);
  });

  it('works with prototype names as groups and environments', () => {
    const environments = PROTOTYPE_NAMES.map((name, i) => env(name, i ? [PROTOTYPE_NAMES[0]] : [], { group: i ? PROTOTYPE_NAMES[i % 3] : undefined }));
    const layout = layoutReleaseGraph(release(environments), { groups: { expanded: ['constructor'] } });
    const ids = layout.nodes.map((node) => node.id);
    expect(ids).toContain(`${GROUP_NODE_PREFIX}toString`);
    expect(ids).toContain(`${GROUP_NODE_PREFIX}__proto__`);
    // The open group shows its members, `constructor` among them.
    expect(ids).toContain('constructor');
    expect(ids).toContain('hasOwnProperty');
    expect(({} as Record<string, unknown>).rank).toBeUndefined();
  });
});

describe('a big release not grouped yet: grouped in a later task', () => {
  // A structure of its own per call: the number of stores differs.
  let count = QUICK_GROUPING_SIZE;
  const big = () => wave((count += 7), ['eu', 'us', 'ap']);
  const closed = { groups: {} };

  it('is planned now when small, or when its structure is cached; not when it is big and new', () => {
    expect(canPlanNow(wave(QUICK_GROUPING_SIZE - 3, ['eu']), closed)).toBe(true);
    const release = big();
    expect(canPlanNow(release, closed)).toBe(false);
    // Asking groups nothing.
    const before = groupCacheStats().computed;
    canPlanNow(release, closed);
    expect(groupCacheStats().computed).toBe(before);
    groupReleaseEnvironments(release);
    expect(canPlanNow(release, closed)).toBe(true);
    // A status-only change, also once another structure was grouped after it.
    const update = { ...release, environments: release.environments.map((e, i) => (i === 10 ? { ...e, status: 'running' as Status } : e)) };
    expect(canPlanNow(update, closed)).toBe(true);
    groupReleaseEnvironments(big());
    expect(canPlanNow(update, closed)).toBe(true);
    // Other grouping options are another structure; data grouping rejects is not cached, and says so quietly.
    expect(canPlanNow(release, { groups: { autoGroupThreshold: 5 } })).toBe(false);
    expect(canPlanNow({ ...release, environments: [...release.environments, env('late', ['nowhere'])] }, closed)).toBe(false);
    expect(canPlanNow(release, { groups: { groupBy: () => { throw new Error('no path'); } } })).toBe(false);
  });

  it('groups, folds and lays out in a task of its own, then all of it is cached', async () => {
    const release = big();
    const now = Date.parse('2026-11-26T12:00:00Z');
    const options = { groups: { now } };
    const before = groupCacheStats().computed;
    const prepared = prepareLayoutLater(release, options);
    // Nothing in the caller's task.
    expect(groupCacheStats().computed).toBe(before);
    await prepared;
    expect(groupCacheStats().computed).toBe(before + 1);
    expect(canPlanNow(release, options)).toBe(true);
    expect(planLayout(release, options).cached()).toBe(true);
    // The layout then is what laying it out at once gives, with no dagre.
    const layouts = layoutCacheStats().computed;
    expect(layoutReleaseGraph(release, options)).toEqual(layoutReleaseGraph({ ...release }, options));
    expect(layoutCacheStats().computed).toBe(layouts);
    expect(groupCacheStats().computed).toBe(before + 1);
  });

  it('does nothing once aborted before its task, and rejects data it cannot draw', async () => {
    const before = { groups: groupCacheStats().computed, layouts: layoutCacheStats().computed };
    const early = new AbortController();
    early.abort();
    await expect(prepareLayoutLater(big(), closed, { signal: early.signal })).rejects.toMatchObject({ name: 'AbortError' });
    const late = new AbortController();
    const waiting = prepareLayoutLater(big(), closed, { signal: late.signal });
    late.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(groupCacheStats().computed).toBe(before.groups);
    expect(layoutCacheStats().computed).toBe(before.layouts);
    const bad = big();
    await expect(prepareLayoutLater({ ...bad, environments: [...bad.environments, env('late', ['nowhere'])] }, closed)).rejects.toMatchObject({ name: 'ReleaseDataError' });
  });

  it('builds the structure in one task and the rest in the next, and stops between them when aborted', async () => {
    vi.useFakeTimers();
    try {
      const release = wave((count += 7), ['eu', 'us', 'ap'], () => 'pending', 'wave-9');
      const before = { groups: groupCacheStats(), layouts: layoutCacheStats().computed };
      const controller = new AbortController();
      const prepared = prepareLayoutLater(release, closed, { signal: controller.signal });
      vi.advanceTimersToNextTimer();
      // The structure is cached; nothing rolled up or laid out yet.
      expect(groupCacheStats().computed).toBe(before.groups.computed + 1);
      expect(groupCacheStats().reused).toBe(before.groups.reused);
      controller.abort();
      await expect(prepared).rejects.toMatchObject({ name: 'AbortError' });
      vi.runAllTimers();
      expect(groupCacheStats().reused).toBe(before.groups.reused);
      expect(layoutCacheStats().computed).toBe(before.layouts);
      expect(canPlanNow(release, closed)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

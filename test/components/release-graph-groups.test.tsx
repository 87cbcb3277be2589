import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { environment as env, release as releaseOf } from '../fixtures/release';
import { PROTOTYPE_NAMES, prototypeState } from '../fixtures/hostile-names';
import {
  GROUP_NODE_PREFIX,
  TILES_NODE_PREFIX,
  groupCacheStats,
  layoutCacheStats,
  layoutReleaseGraph,
  sampleRelease,
  type EnvironmentStep,
  type Release,
} from 'gitops-releases/headless';
import { EnvironmentDetails, ReleaseGraph, ReleasesProvider, ReleaseView, type ReleaseGraphProps } from '../../src/index';
import { createFlowModel, domId } from '../../src/components/ReleaseGraph/flow-model';

// Clicks are fireEvent's: d3-zoom under React Flow reads `event.view`, which user-event's
// synthetic mousedown lacks in jsdom.
// React Flow in jsdom: an observer that never reports (nothing is measured, the nodes are still
// drawn at the sizes the layout gives them).
beforeAll(() => {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
});
afterAll(() => vi.unstubAllGlobals());

// The sample fleet: dev -> staging -> canary (10) -> approve-wave-1 -> wave-1 (100) -> approve-wave-2
// -> wave-2 (500) -> approve-wave-3 -> wave-3 (1,390), stores named `store-0011-ap-south-1` and
// grouped `<wave>/<region>` over 12 regions (wave-1's start with ap-south-1, ap-southeast-1 and
// us-east-1). `blocked`: 3 stores of wave-1 failed; `running`: wave-1 is part-way through.
const blocked = sampleRelease({ shape: 'fleet', state: 'failed', wave: 'wave-1', failures: 3 });
const running = sampleRelease({ shape: 'fleet', state: 'running', wave: 'wave-1' });
/** The release without the source's live text on one environment (the samples always have one). */
const withoutLiveText = (release: Release, name: string): Release => ({
  ...release,
  environments: release.environments.map((environment) => (environment.name === name ? { ...environment, statusText: undefined } : environment)),
});

/**
 * Waits until the graph shows: a fleet of thousands whose structure is not grouped yet shows its
 * outline first (busy) and is grouped in a later task, so its groups come a moment after the
 * first render.
 */
const graphShown = () =>
  waitFor(() => {
    expect(document.querySelector('[aria-busy="true"]')).toBeNull();
    expect(document.querySelector('.react-flow__node')).not.toBeNull();
  });

async function renderGraph(props: Partial<ReleaseGraphProps> = {}) {
  const result = render(
    <ReleasesProvider colorMode="light" timeZone="UTC">
      <ReleaseGraph release={blocked} height={600} {...props} />
    </ReleasesProvider>,
  );
  await graphShown();
  return result;
}

const groupNode = (name: RegExp | string) =>
  screen.getAllByRole('group', { name: typeof name === 'string' ? new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, \\d`) : name }).find((element) => element.classList.contains('gr-release-graph__group'))!;
const groupNodes = () => [...document.querySelectorAll<HTMLElement>('.gr-release-graph__group')];
const frameHeader = (group: string) => screen.getByRole('button', { name: `Hide what is in ${group}` });

describe('ReleaseGraph with groups: a closed group', () => {
  it('is one node per wave, between the gates, with no node per store', async () => {
    await renderGraph();
    expect(groupNodes().map((node) => within(node).getByText((_, el) => el?.classList.contains('gr-release-graph__group-name') ?? false).textContent)).toEqual([
      'canary',
      'wave-1',
      'wave-2',
      'wave-3',
    ]);
    expect(document.querySelectorAll('.gr-release-graph__node')).toHaveLength(5);
    expect(document.querySelector('[data-env-id="store-0011-ap-south-1"]')).toBeNull();
  });

  it('sums itself up: name and size, counts with icons, failed members by name, progress and what it waits for', async () => {
    await renderGraph();
    const wave1 = groupNode('wave-1');
    expect(wave1).toHaveAccessibleName('wave-1, 100 environments: 97 succeeded, 3 failed');
    expect(wave1).toHaveAttribute('data-status', 'failed');
    expect(wave1.querySelector('.gr-release-graph__group-title')).toHaveTextContent('wave-1 · 100 environments');
    expect(wave1.querySelector('.gr-release-graph__group-progress')).toHaveTextContent('100 of 100 done');
    const counts = [...wave1.querySelectorAll<HTMLElement>('.gr-release-graph__count')];
    expect(counts.map((badge) => [badge.dataset.status, badge.textContent, badge.title])).toEqual([
      ['succeeded', '97', '97 succeeded'],
      ['failed', '3', '3 failed'],
    ]);
    expect(counts.every((badge) => badge.querySelector('svg.gr-status-badge__icon'))).toBe(true);
    // The first to fail first.
    expect(wave1.querySelector('.gr-release-graph__group-line[data-status="failed"]')).toHaveTextContent('store-0044-ca-central-1, store-0011-ap-south-1, store-0109-us-east-1');
    // Blocked behind the failures, two levels down: the gate, then the next wave.
    const wave2 = groupNode('wave-2');
    expect(wave2).toHaveAccessibleName('wave-2, 500 environments: 500 not started, waiting for wave-1: 3 of 100 failed');
    expect(wave2.querySelector('.gr-release-graph__group-waiting')).toHaveTextContent('waiting for wave-1: 3 of 100 failed');
  });

  it('lists its regions, each with a mini bar and what stands out', async () => {
    await renderGraph();
    const rows = [...groupNode('wave-1').querySelectorAll<HTMLElement>('.gr-release-graph__subgroup')];
    expect(rows).toHaveLength(12);
    expect(rows.map((row) => row.querySelector('.gr-release-graph__subgroup-name')!.textContent).slice(0, 3)).toEqual(['ap-south-1', 'ap-southeast-1', 'us-east-1']);
    // store-0011 failed in ap-south-1, store-0109 in us-east-1, store-0044 in ca-central-1.
    expect(rows.slice(0, 4).map((row) => row.querySelector('.gr-release-graph__subgroup-headline')!.textContent)).toEqual(['1 failed', '9 succeeded', '1 failed', '9 succeeded']);
    expect(rows.filter((row) => row.dataset.status === 'failed').map((row) => row.querySelector('.gr-release-graph__subgroup-name')!.textContent)).toEqual(['ap-south-1', 'us-east-1', 'ca-central-1']);
    expect(rows.every((row) => row.querySelector('.gr-release-graph__bar--mini'))).toBe(true);
  });

  it('says its running members by name while it runs, and counts its time', async () => {
    await renderGraph({ release: running });
    const wave1 = groupNode('wave-1');
    expect(wave1).toHaveAccessibleName('wave-1, 100 environments: 41 succeeded, 48 running, 11 not started');
    expect(wave1.querySelector('.gr-release-graph__group-line[data-status="running"]')).toHaveTextContent(/^store-0027-eu-west-1, store-0028-eu-central-1, store-0032-ca-central-1\+45 more$/);
  });

  it('shows why an environment waits in place of a live text it does not have', async () => {
    await renderGraph({ release: withoutLiveText(blocked, 'approve-wave-2') });
    // Far out, the name says it.
    expect(document.querySelector('[data-env-id="approve-wave-2"]')).toHaveAccessibleName('approve-wave-2, Pending, waiting for wave-1: 3 of 100 failed');
    document.body.innerHTML = '';
    const release = releaseOf([env('dev', [], { status: 'failed' }), env('qa', ['dev']), env('prod', ['qa'], { statusText: 'Pending Execution' })], 'failed');
    await renderGraph({ release });
    const qa = document.querySelector<HTMLElement>('[data-env-id="qa"]')!;
    expect(qa.querySelector('.gr-release-graph__node-subtitle')).toHaveTextContent('waiting for dev, which failed');
    expect(qa).toHaveAccessibleName('qa, Pending, waiting for dev, which failed');
    // The source's own words come first.
    expect(document.querySelector('[data-env-id="prod"] .gr-release-graph__node-subtitle')).toHaveTextContent('Pending Execution');
  });
});

describe('ReleaseGraph with groups: a fleet of thousands not grouped yet', () => {
  /** The running fleet as a structure no test grouped before: `staging` renamed, and what waits for it. */
  let fresh = 0;
  const freshFleet = (): Release => {
    const name = `staging-${++fresh}`;
    const rename = (dependsOn: string[]) => dependsOn.map((d) => (d === 'staging' ? name : d));
    return { ...running, environments: running.environments.map((e) => (e.name === 'staging' ? { ...e, name } : e.dependsOn.includes('staging') ? { ...e, dependsOn: rename(e.dependsOn) } : e)) };
  };
  const graph = (release: Release) => (
    <ReleasesProvider colorMode="light" timeZone="UTC">
      <ReleaseGraph release={release} height={600} />
    </ReleasesProvider>
  );

  it('shows its outline first, busy, and its groups once they are made, a task later', async () => {
    const release = freshFleet();
    const before = groupCacheStats().computed;
    render(graph(release));
    // The first render groups nothing: it says what it does, and is busy.
    expect(document.querySelector('.gr-release-graph__skeleton')).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Laying out 2,005 environments…');
    expect(groupNodes()).toEqual([]);
    expect(groupCacheStats().computed).toBe(before);
    await graphShown();
    expect(groupNodes().map((node) => node.getAttribute('aria-label')!.split(',')[0])).toEqual(['canary', 'wave-1', 'wave-2', 'wave-3']);
    expect(groupNode('wave-1')).toHaveAccessibleName('wave-1, 100 environments: 41 succeeded, 48 running, 11 not started');
    expect(groupCacheStats().computed).toBe(before + 1);
  });

  it('draws a status update of a fleet it has grouped in the same render, with no outline in between', async () => {
    const release = freshFleet();
    const { rerender } = render(graph(release));
    await graphShown();
    const next = { ...release, environments: release.environments.map((e) => (e.name === 'store-0027-eu-west-1' ? { ...e, status: 'failed' as const } : e)) };
    rerender(graph(next));
    expect(document.querySelector('[aria-busy="true"]')).toBeNull();
    expect(groupNode('wave-1')).toHaveAccessibleName('wave-1, 100 environments: 41 succeeded, 1 failed, 47 running, 11 not started');
  });

  it('says what is wrong with its data once it has read it, and tells the host', async () => {
    const release = freshFleet();
    const broken = { ...release, environments: release.environments.map((e) => (e.name === 'store-0027-eu-west-1' ? { ...e, dependsOn: ['nowhere'] } : e)) };
    const onError = vi.fn();
    // Development builds also say it in the console.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    onTestFinished(() => quiet.mockRestore());
    render(
      <ReleasesProvider colorMode="light" timeZone="UTC">
        <ReleaseGraph release={broken} height={600} onError={onError} />
      </ReleasesProvider>,
    );
    expect(document.querySelector('.gr-release-graph__skeleton')).not.toBeNull();
    expect(await screen.findByText(/depends on "nowhere"/)).toBeInTheDocument();
    expect(document.querySelector('[aria-busy="true"]')).toBeNull();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toMatchObject({ name: 'ReleaseDataError' });
  });

  it('groups and lays out nothing once it is unmounted while it waits', async () => {
    const before = { groups: groupCacheStats().computed, layouts: layoutCacheStats().computed };
    const { unmount } = render(graph(freshFleet()));
    expect(document.querySelector('.gr-release-graph__skeleton')).not.toBeNull();
    unmount();
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(groupCacheStats().computed).toBe(before.groups);
    expect(layoutCacheStats().computed).toBe(before.layouts);
  });
});

describe('ReleaseGraph with groups: opening and closing', () => {
  it('opens a group in place with a click, showing its regions in a frame, and closes it from the frame header', async () => {
    const onExpandedGroupsChange = vi.fn();
    await renderGraph({ onExpandedGroupsChange });
    fireEvent.click(groupNode('wave-2'));
    expect(onExpandedGroupsChange).toHaveBeenLastCalledWith(['wave-2']);
    expect(document.querySelector('.gr-release-graph__group[aria-label^="wave-2,"]')).toBeNull();
    expect(groupNodes()).toHaveLength(3 + 12);
    expect(groupNode('wave-2/eu-west-1')).toHaveAccessibleName('wave-2/eu-west-1, 42 environments: 42 not started, waiting for wave-1: 3 of 100 failed');
    const header = frameHeader('wave-2');
    expect(header).toHaveAttribute('aria-expanded', 'true');
    expect(header).toHaveTextContent('wave-2');
    expect(header.parentElement).toHaveTextContent('wave-2500 environments500 not started');
    fireEvent.click(header);
    expect(onExpandedGroupsChange).toHaveBeenLastCalledWith([]);
    expect(groupNode('wave-2')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Hide what is in/ })).toBeNull();
  });

  it('draws a region of 40 or fewer stores as environment nodes, one of more as a grid of tiles', async () => {
    await renderGraph({ defaultExpandedGroups: ['wave-1', 'wave-1/ap-south-1', 'wave-3', 'wave-3/eu-west-1'] });
    // wave-1/ap-south-1 holds 9 stores: nodes.
    expect(document.querySelector('[data-env-id="store-0011-ap-south-1"]')).toHaveAttribute('data-status', 'failed');
    // wave-3/eu-west-1 holds 116: one grid, a tile each.
    const grid = screen.getByRole('grid', { name: 'Environments in wave-3/eu-west-1' });
    const tiles = within(grid).getAllByRole('gridcell');
    expect(tiles).toHaveLength(116);
    expect(tiles[0]).toHaveAccessibleName('store-0615-eu-west-1, Pending');
    expect(tiles[0]).toHaveAttribute('title', 'store-0615-eu-west-1, Pending');
    expect(tiles[0]).toHaveAttribute('data-status', 'pending');
    expect(document.querySelector('[data-env-id="store-0615-eu-west-1"]')).toBeNull();
  });

  it('follows the host in controlled mode and asks it for every change', async () => {
    function Host({ onChange }: { onChange: (ids: string[]) => void }) {
      const [expanded, setExpanded] = useState<string[]>(['wave-1']);
      return (
        <>
          <button type="button" onClick={() => setExpanded([])}>
            Close all
          </button>
          <ReleaseGraph
            release={blocked}
            height={600}
            expandedGroups={expanded}
            onExpandedGroupsChange={(ids) => {
              onChange(ids);
              if (ids.length < 3) setExpanded(ids);
            }}
          />
        </>
      );
    }
    const onChange = vi.fn();
    render(<Host onChange={onChange} />);
    await graphShown();
    expect(groupNode('wave-1/ap-south-1')).toBeInTheDocument();
    fireEvent.click(groupNode('wave-1/ap-south-1'));
    expect(onChange).toHaveBeenLastCalledWith(['wave-1', 'wave-1/ap-south-1']);
    expect(document.querySelector('[data-env-id="store-0011-ap-south-1"]')).not.toBeNull();
    // A change the host refuses is not shown.
    fireEvent.click(groupNode('wave-2'));
    expect(onChange).toHaveBeenLastCalledWith(['wave-1', 'wave-1/ap-south-1', 'wave-2']);
    expect(groupNode('wave-2')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Close all' }));
    expect(groupNode('wave-1')).toBeInTheDocument();
  });

  it('opens a group with Enter, goes into it, back to its header with Escape, and closes it with Enter there', async () => {
    await renderGraph();
    const wave2 = groupNode('wave-2');
    act(() => wave2.focus());
    fireEvent.keyDown(wave2, { key: 'Enter' });
    // Focus goes to the top region of the opened wave.
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName(/^wave-2\/[\w-]+, /));
    const top = (element: Element) => parseFloat(/translate\([\d.-]+px, ?([\d.-]+)px\)/.exec((element.closest('.react-flow__node') as HTMLElement).style.transform)![1]!);
    const regions = groupNodes().filter((node) => /^wave-2\//.test(node.getAttribute('aria-label')!));
    expect(top(document.activeElement!)).toBe(Math.min(...regions.map(top)));
    expect(document.activeElement).toHaveAttribute('tabindex', '0');
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(document.activeElement).toBe(frameHeader('wave-2'));
    // A click made with the keyboard (detail 0), as Enter on a button makes.
    fireEvent.click(document.activeElement!, { detail: 0 });
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName(/^wave-2, 500 environments/));
  });
});

describe('ReleaseGraph with groups: a grid of tiles from the keyboard', () => {
  it('goes in with Enter, moves by row and column, opens a store with Enter and leaves with Escape', async () => {
    const onEnvironmentOpen = vi.fn();
    const onSelectedEnvironmentChange = vi.fn();
    await renderGraph({ release: running, defaultExpandedGroups: ['wave-3', 'wave-3/eu-west-1'], onEnvironmentOpen, onSelectedEnvironmentChange });
    const grid = screen.getByRole('grid', { name: 'Environments in wave-3/eu-west-1' });
    const node = grid.closest<HTMLElement>('.gr-release-graph__tiles')!;
    const columns = grid.querySelector('[role="row"]')!.children.length;
    act(() => node.focus());
    fireEvent.keyDown(node, { key: 'Enter' });
    const tile = (i: number) => grid.querySelector<HTMLElement>(`[data-index="${i}"]`)!;
    expect(document.activeElement).toBe(tile(0));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tile(1));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(tile(1 + columns));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(tile(2 * columns - 1));
    // Its tooltip names it.
    expect(node.querySelector('.gr-release-graph__tile-tip')).toHaveTextContent(tile(2 * columns - 1).getAttribute('aria-label')!);
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    const name = tile(2 * columns - 1).getAttribute('aria-label')!.split(',')[0];
    expect(onEnvironmentOpen).toHaveBeenLastCalledWith(name);
    expect(onSelectedEnvironmentChange).toHaveBeenLastCalledWith(name);
    expect(tile(2 * columns - 1)).toHaveAttribute('data-selected');
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(document.activeElement).toBe(node);
    // Back in, where it left.
    fireEvent.keyDown(node, { key: 'Enter' });
    expect(document.activeElement).toBe(tile(2 * columns - 1));
  });
});

describe('ReleaseGraph with groups: search and deep links', () => {
  it('finds a store inside a closed group, marks the group, and opens it on Enter to show the store', async () => {
    const onExpandedGroupsChange = vi.fn();
    await renderGraph({ onExpandedGroupsChange });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Find environment' }), 'store-1500');
    expect(screen.getByRole('status')).toHaveTextContent('1 match');
    expect(groupNode('wave-3')).toHaveAttribute('data-match');
    expect(groupNode('wave-2')).not.toHaveAttribute('data-match');
    await userEvent.keyboard('{Enter}');
    expect(onExpandedGroupsChange).toHaveBeenLastCalledWith(['wave-3', 'wave-3/ap-southeast-1']);
    const tile = await screen.findByRole('gridcell', { name: 'store-1500-ap-southeast-1, Pending' });
    expect(tile).toHaveAttribute('data-match');
    expect(tile).toHaveAttribute('data-selected');
  });

  it('opens the groups of a deep link’s store from the first render and focuses its tile', async () => {
    await renderGraph({ defaultFocusEnvironment: 'store-1500-ap-southeast-1' });
    const tile = await screen.findByRole('gridcell', { name: 'store-1500-ap-southeast-1, Pending' });
    expect(tile).toHaveAttribute('data-selected');
    // The grid is the graph's Tab stop.
    expect(tile.closest('.gr-release-graph__tiles')).toHaveAttribute('tabindex', '0');
    await waitFor(() => expect(document.activeElement).toBe(tile));
  });

  it('asks a controlling host to open the groups of a deep link', async () => {
    const onExpandedGroupsChange = vi.fn();
    await renderGraph({ defaultFocusEnvironment: 'store-0012-ap-southeast-1', expandedGroups: [], onExpandedGroupsChange });
    await waitFor(() => expect(onExpandedGroupsChange).toHaveBeenCalledWith(['wave-1', 'wave-1/ap-southeast-1']));
  });
});

describe('ReleaseGraph with groups: hostile group names', () => {
  it.each(PROTOTYPE_NAMES.slice(0, 4))('opens and names a group called %j like any other', async (name) => {
    const before = prototypeState();
    const release = releaseOf([
      env('dev', [], { status: 'succeeded' }),
      ...Array.from({ length: 3 }, (_, i) => env(`${name}-${i}`, ['dev'], { group: `${name}/${name}`, status: i === 0 ? 'failed' : 'succeeded' })),
      env('after', [`${name}-0`, `${name}-1`, `${name}-2`]),
    ]);
    const onExpandedGroupsChange = vi.fn();
    await renderGraph({ release, onExpandedGroupsChange });
    const group = groupNode(name);
    expect(group).toHaveAccessibleName(`${name}, 3 environments: 2 succeeded, 1 failed`);
    fireEvent.click(group);
    fireEvent.click(groupNode(`${name}/${name}`));
    expect(onExpandedGroupsChange).toHaveBeenLastCalledWith([name, `${name}/${name}`]);
    expect(document.querySelector(`[data-env-id="${name}-0"]`)).toHaveAttribute('data-status', 'failed');
    expect(frameHeader(`${name}/${name}`)).toBeInTheDocument();
    expect(prototypeState()).toEqual(before);
  });

  it('draws an automatic group (its id starts with a NUL) without putting a NUL in the page', async () => {
    const release = releaseOf([env('dev', [], { status: 'succeeded' }), ...Array.from({ length: 20 }, (_, i) => env(`shop-${i}`, ['dev']))]);
    const { container } = await renderGraph({ release });
    expect(groupNode('shop')).toHaveAccessibleName(/^shop, 20 environments: 20 not started/);
    expect(container.innerHTML).not.toContain('\u0000');
  });
});

describe('EnvironmentDetails and ReleaseView with groups', () => {
  it('says why an environment waits', () => {
    const release = withoutLiveText(blocked, 'approve-wave-2');
    render(<EnvironmentDetails environment={release.environments.find((e) => e.name === 'approve-wave-2')!} release={release} />);
    expect(screen.getByText('waiting for wave-1: 3 of 100 failed')).toBeInTheDocument();
  });

  it('passes the open groups through, controlled or not', async () => {
    const onExpandedGroupsChange = vi.fn();
    render(<ReleaseView release={blocked} defaultExpandedGroups={['wave-1']} onExpandedGroupsChange={onExpandedGroupsChange} />);
    await graphShown();
    expect(groupNode('wave-1/ap-south-1')).toBeInTheDocument();
    fireEvent.click(groupNode('wave-2'));
    expect(onExpandedGroupsChange).toHaveBeenLastCalledWith(['wave-1', 'wave-2']);
  });
});

describe('the flow model under a live update', () => {
  const expanded = { groups: { expanded: ['wave-3', 'wave-3/eu-west-1'] } };
  const changedIds = (update: (environment: EnvironmentStep, index: number) => EnvironmentStep) => {
    const model = createFlowModel();
    const first = model.patch(layoutReleaseGraph(running, expanded), new Map(), String);
    const next = { ...running, environments: running.environments.map(update) };
    const second = model.patch(layoutReleaseGraph(next, expanded), new Map(), String);
    const before = new Map(first.nodes.map((node) => [node.id, node]));
    expect(second.nodes.map((node) => node.id)).toEqual(first.nodes.map((node) => node.id));
    return second.nodes.filter((node) => before.get(node.id) !== node).map((node) => node.id);
  };

  it('hands React Flow new objects only for the units that show 100 changed stores (and what waits on them)', () => {
    let left = 100;
    const changed = changedIds((environment) =>
      environment.group?.startsWith('wave-1/') && environment.status !== 'succeeded' && left-- > 0 ? { ...environment, status: 'succeeded' } : environment,
    );
    // The wave itself, and the gate whose waiting reason counts the wave's progress.
    expect(changed).toEqual([domId(`${GROUP_NODE_PREFIX}wave-1`), 'approve-wave-2']);
  });

  it('patches a store shown as a tile into its grid and the frames around it only', () => {
    const changed = changedIds((environment) => (environment.name === 'store-0615-eu-west-1' ? { ...environment, status: 'running' } : environment));
    expect(changed.sort()).toEqual(
      [domId(`${TILES_NODE_PREFIX}wave-3/eu-west-1`), ...changed.filter((id) => id.includes('frame:'))].sort(),
    );
    expect(changed.filter((id) => id.includes('frame:'))).toHaveLength(2);
  });
});

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fromSearchParams, sampleReleaseHistory, toSearchString, type EnvironmentStep, type Release, type ReleasesTableState } from 'gitops-releases/headless';
import { ReleasesProvider } from '../../src/components/provider';
import { ReleasesTable } from '../../src/components/ReleasesTable';
import { FLEET_REGIONS, fleetHistory, fleetRelease } from '../fixtures/fleet';
import { sizeTableScroller } from './table-scroller-size';

sizeTableScroller();

// Five releases of 1,000 stores in four waves (10, 250, 370, 370), newest first: the newest runs
// in wave-3, the second failed in wave-2 with 3 stores of 250.
const fleet = fleetHistory({ count: 5, stores: 1000 });
const headers = () => screen.getAllByRole('columnheader').map((th) => th.textContent);
const environmentHeaders = () => headers().slice(7);
const row = (id: string) => document.querySelector<HTMLElement>(`tbody tr[data-index="${fleet.findIndex((release) => release.id === id)}"]`)!;
const cellOf = (id: string, column: string) => {
  const index = headers().indexOf(column);
  return row(id).querySelectorAll('td')[index]!;
};
const toggle = (group: string) => screen.getByRole('button', { name: group });

describe('ReleasesTable with group columns', () => {
  it('shows one column per top-level group, environments in no group keeping theirs, in flow order', () => {
    render(<ReleasesTable releases={fleet} />);
    expect(environmentHeaders()).toEqual(['dev', 'staging', 'wave-1', 'approve-1', 'wave-2', 'approve-2', 'wave-3', 'approve-3', 'wave-4']);
    expect(toggle('wave-2')).toHaveAttribute('aria-expanded', 'false');
    expect(toggle('wave-2')).toHaveAttribute('title', 'Show the columns of wave-2');
  });

  it('sums up each group of each release: a bar, the news in words, every count for a screen reader', () => {
    render(<ReleasesTable releases={fleet} />);
    expect(cellOf('fleet-4', 'wave-2')).toHaveTextContent('3 failed / 250');
    expect(screen.getByRole('cell', { name: 'wave-2, 250 environments: 3 Failed, 247 Succeeded' })).toBe(cellOf('fleet-4', 'wave-2'));
    expect(cellOf('fleet-4', 'wave-3')).toHaveTextContent('370 not started');
    expect(cellOf('fleet-5', 'wave-2')).toHaveTextContent('250 succeeded');
    expect(cellOf('fleet-5', 'wave-1')).toHaveTextContent('10 succeeded');
    // The newest runs: half of wave-3 is done.
    expect(cellOf('fleet-5', 'wave-3')).toHaveTextContent('185 / 370 done');
    expect(screen.getByRole('cell', { name: 'wave-3, 370 environments: 185 Running, 185 Succeeded' })).toBeInTheDocument();
    // The bar: one segment per status, as wide as its count.
    const segments = [...cellOf('fleet-4', 'wave-2').querySelectorAll<HTMLElement>('.gr-releases-table__group-segment')];
    expect(segments.map((segment) => [segment.dataset.status, segment.style.flexGrow])).toEqual([
      ['succeeded', '247'],
      ['failed', '3'],
    ]);
    expect(cellOf('fleet-4', 'wave-2').querySelector('.gr-releases-table__group-bar')).toHaveAttribute('aria-hidden', 'true');
  });

  it('leaves a cell empty, named for screen readers, where a release has no member of the group', () => {
    const small = fleetRelease({ id: 'small', waves: [10, 20], createdAt: '2026-11-27T10:00:00.000Z' });
    render(<ReleasesTable releases={[small, ...fleet.slice(0, 2)]} />);
    const index = headers().indexOf('wave-3');
    const cell = document.querySelector('tbody tr[data-index="0"]')!.querySelectorAll('td')[index]!;
    expect(within(cell as HTMLElement).getByText('Not part of this release')).toBeInTheDocument();
  });

  it('expands a group into its sub-groups and a sub-group into its environments, from the header, and collapses back', async () => {
    const onExpandedGroupsChange = vi.fn();
    render(<ReleasesTable releases={fleet} onExpandedGroupsChange={onExpandedGroupsChange} />);
    await userEvent.click(toggle('wave-2'));
    expect(onExpandedGroupsChange).toHaveBeenLastCalledWith(['wave-2']);
    expect(toggle('wave-2')).toHaveAttribute('aria-expanded', 'true');
    expect(toggle('wave-2')).toHaveAttribute('title', 'Hide the columns of wave-2');
    // The group keeps its column; its regions' follow it, each with its own rollup.
    expect(environmentHeaders().slice(4, 18)).toEqual(['wave-2', ...FLEET_REGIONS, 'approve-2']);
    expect(cellOf('fleet-4', 'eu-west')).toHaveTextContent('1 failed / 21');

    // From the keyboard: Enter on a region's button opens its stores.
    toggle('wave-2/eu-west').focus();
    await userEvent.keyboard('{Enter}');
    expect(onExpandedGroupsChange).toHaveBeenLastCalledWith(['wave-2', 'wave-2/eu-west']);
    expect(toggle('wave-2/eu-west')).toHaveAttribute('aria-expanded', 'true');
    const stores = environmentHeaders().filter((name) => name!.startsWith('store-'));
    expect(stores).toHaveLength(21);
    expect(stores[0]).toBe('store-00010');
    expect(within(cellOf('fleet-4', 'store-00010')).getByRole('img', { name: 'Failed' })).toBeInTheDocument();

    await userEvent.click(toggle('wave-2'));
    expect(environmentHeaders()).toEqual(['dev', 'staging', 'wave-1', 'approve-1', 'wave-2', 'approve-2', 'wave-3', 'approve-3', 'wave-4']);
    // Opened again, the region inside is still open.
    await userEvent.click(toggle('wave-2'));
    expect(environmentHeaders().filter((name) => name!.startsWith('store-'))).toHaveLength(21);
  });

  it('keeps expanded groups in the URL and reads them back', async () => {
    const onStateChange = vi.fn();
    const { unmount } = render(<ReleasesTable releases={fleet} onStateChange={onStateChange} />);
    await userEvent.click(toggle('wave-3'));
    expect(toSearchString(onStateChange.mock.lastCall![0] as ReleasesTableState)).toBe('?expand=wave-3');
    unmount();
    render(<ReleasesTable releases={fleet} defaultState={fromSearchParams('?expand=wave-3,wave-3%2Fap-east')} />);
    expect(toggle('wave-3')).toHaveAttribute('aria-expanded', 'true');
    expect(toggle('wave-3/ap-east')).toHaveAttribute('aria-expanded', 'true');
    // The stores of wave-3 in ap-east: every twelfth of 370, from the eighth.
    expect(environmentHeaders().filter((name) => name!.startsWith('store-'))).toHaveLength(31);
  });

  it('is controlled by expandedGroups: a click asks, the host decides', async () => {
    function Host() {
      const [expanded, setExpanded] = useState<readonly string[]>(['wave-1']);
      return (
        <>
          <output data-testid="expanded">{expanded.join('|')}</output>
          <ReleasesTable releases={fleet} expandedGroups={expanded} onExpandedGroupsChange={(next) => setExpanded(next.filter((group) => group !== 'wave-4'))} />
        </>
      );
    }
    render(<Host />);
    expect(toggle('wave-1')).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(toggle('wave-2'));
    expect(screen.getByTestId('expanded')).toHaveTextContent('wave-1|wave-2');
    // The host refuses wave-4: it stays one column.
    await userEvent.click(toggle('wave-4'));
    expect(toggle('wave-4')).toHaveAttribute('aria-expanded', 'false');
  });

  it('lists groups in the Columns menu: a whole group hides and shows, an expanded one lists its members', async () => {
    const onHiddenGroupsChange = vi.fn();
    render(<ReleasesTable releases={fleet} defaultExpandedGroups={['wave-1']} onHiddenGroupsChange={onHiddenGroupsChange} />);
    await userEvent.click(screen.getByRole('button', { name: /^Columns/ }));
    const menu = within(screen.getByRole('group', { name: 'Columns' }));
    const names = menu.getAllByRole('checkbox').map((box) => box.closest('label')!.textContent);
    expect(names.slice(0, 9)).toEqual(['dev', 'staging', 'wave-1 (group)', ...FLEET_REGIONS.slice(0, 6).map((region) => `wave-1/${region} (group)`)]);
    expect(names).toContain('wave-4 (group)');
    expect(menu.getByRole('checkbox', { name: 'wave-1/eu-west (group)' }).closest('label')).toHaveAttribute('data-depth', '1');

    await userEvent.click(menu.getByRole('checkbox', { name: 'wave-2 (group)' }));
    expect(onHiddenGroupsChange).toHaveBeenLastCalledWith(['wave-2']);
    expect(screen.queryByRole('button', { name: 'wave-2' })).toBeNull();
    expect(environmentHeaders()).not.toContain('wave-2');
    // Hiding wave-1 hides its regions, and takes them off the menu.
    await userEvent.click(menu.getByRole('checkbox', { name: 'wave-1 (group)' }));
    expect(environmentHeaders()).toEqual(['dev', 'staging', 'approve-1', 'approve-2', 'wave-3', 'approve-3', 'wave-4']);
    expect(menu.queryByRole('checkbox', { name: 'wave-1/eu-west (group)' })).toBeNull();
    await userEvent.click(menu.getByRole('checkbox', { name: 'wave-2 (group)' }));
    expect(environmentHeaders()).toContain('wave-2');
  });

  it('filters by a group from the Environment menu: releases that went through it, as for one environment', async () => {
    const onStateChange = vi.fn();
    const flat = sampleReleaseHistory({ count: 4, shape: 'regions', seed: 3, now: '2026-11-20T10:00:00.000Z' });
    render(<ReleasesTable releases={[...fleet, ...flat]} onStateChange={onStateChange} />);
    expect(screen.getByText('9 releases')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Environment Any' }));
    const radios = within(screen.getByRole('radiogroup', { name: 'Environment' }));
    await userEvent.click(radios.getByRole('radio', { name: 'wave-2 (group)' }));
    expect(screen.getByText('5 releases')).toBeInTheDocument();
    expect(onStateChange).toHaveBeenLastCalledWith(expect.objectContaining({ filters: { group: 'wave-2' } }));
    expect(toSearchString(onStateChange.mock.lastCall![0] as ReleasesTableState)).toBe('?group=wave-2');
    expect(screen.getByRole('button', { name: 'Environment wave-2 (group)' })).toBeInTheDocument();
    // An environment replaces the group: one at most.
    await userEvent.click(radios.getByRole('radio', { name: 'prod-eu' }));
    expect(onStateChange).toHaveBeenLastCalledWith(expect.objectContaining({ filters: { environment: 'prod-eu' } }));
    await userEvent.click(radios.getByRole('radio', { name: 'Any environment' }));
    expect(screen.getByText('9 releases')).toBeInTheDocument();
  });

  it('groups by a groupBy function over the field', () => {
    const byRegion = (step: EnvironmentStep) => step.group?.split('/')[1];
    render(<ReleasesTable releases={fleet} groupBy={byRegion} />);
    expect(environmentHeaders().filter((name) => FLEET_REGIONS.includes(name as never))).toEqual([...FLEET_REGIONS]);
    expect(screen.getByRole('cell', { name: 'eu-west, 84 environments: 1 Failed, 62 Pending, 21 Succeeded' })).toBeInTheDocument();
  });

  it('turns group columns off with a groupBy that groups nothing', () => {
    render(<ReleasesTable releases={fleet.slice(0, 1).map((release) => ({ ...release, environments: release.environments.slice(0, 30) }))} groupBy={() => undefined} />);
    expect(environmentHeaders()).toHaveLength(30);
    expect(screen.queryByRole('button', { name: 'wave-1' })).toBeNull();
  });

  it('shows hostile group names as text, expands them and keeps them in the URL', async () => {
    const hostile = ['__proto__', 'constructor', 'a,b', '50% <img src=x onerror=alert(1)>'];
    const release: Release = fleetRelease({ id: 'hostile', waves: [4, 4, 4, 4], regions: ['toString', 'valueOf'] });
    const renamed = { ...release, environments: release.environments.map((step) => (step.group ? { ...step, group: step.group.replace(/^wave-(\d)/, (_, n: string) => hostile[Number(n) - 1]!) } : step)) };
    const onStateChange = vi.fn();
    const { container } = render(<ReleasesTable releases={[renamed]} onStateChange={onStateChange} />);
    expect(environmentHeaders().filter((name) => hostile.includes(name!))).toEqual(hostile);
    expect(container.querySelector('img')).toBeNull();
    await userEvent.click(toggle('__proto__'));
    await userEvent.click(toggle('a,b'));
    expect(toggle('__proto__/toString')).toBeInTheDocument();
    expect(toggle('a,b/valueOf')).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'constructor, 4 environments: 4 Succeeded' })).toBeInTheDocument();
    const state = onStateChange.mock.lastCall![0] as ReleasesTableState;
    expect(state.expandedGroups).toEqual(['__proto__', 'a,b']);
    expect(fromSearchParams(toSearchString(state)).expandedGroups).toEqual(['__proto__', 'a,b']);
  });

  it('shows a group path that is not one as bad data, naming it', () => {
    const bad = { ...fleet[1]!, environments: fleet[1]!.environments.map((step, i) => (i === 3 ? { ...step, group: 'a/b/c/d' } : step)) };
    render(<ReleasesTable releases={[fleet[0]!, bad]} />);
    expect(screen.getByRole('alert')).toHaveTextContent('$[1].environments[3].group');
  });

  it('writes the counts in the provider\'s locale', () => {
    const big = fleetHistory({ count: 2, stores: 3000 });
    render(
      <ReleasesProvider locale="de-DE">
        <ReleasesTable releases={big} />
      </ReleasesProvider>,
    );
    expect(screen.getAllByText('1.360 not started')).toHaveLength(3);
    expect(screen.getByText('680 / 1.360 done')).toBeInTheDocument();
  });
});

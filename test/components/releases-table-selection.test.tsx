import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_TABLE_STATE, sampleReleaseHistory, type Release } from 'gitops-releases/headless';
import { ReleasesTable } from '../../src/components/ReleasesTable';
import { sizeTableScroller } from './table-scroller-size';

sizeTableScroller();

const releases = sampleReleaseHistory({ count: 12, shape: 'sequential', seed: 5 });
const rows = () => [...document.querySelectorAll<HTMLElement>('tbody tr.gr-releases-table__row')];
/** The checkbox of the row shown at `index`. */
const box = (index: number) => within(rows()[index]!).getByRole('checkbox');
const idOf = (index: number) => releases.find((release) => rows()[index]!.textContent!.includes(release.trigger.commit!.sha.slice(0, 7)))!.id;

describe('ReleasesTable in selection mode', () => {
  it('is off by default', () => {
    render(<ReleasesTable releases={releases} />);
    expect(screen.queryByRole('checkbox', { name: /^Select / })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Selected releases' })).toBeNull();
  });

  it('puts a named checkbox first in every row, and never opens the release from it', async () => {
    const onReleaseSelect = vi.fn();
    const onSelectedReleasesChange = vi.fn();
    render(<ReleasesTable releases={releases} selectable onReleaseSelect={onReleaseSelect} onSelectedReleasesChange={onSelectedReleasesChange} />);
    const first = rows()[0]!;
    expect(within(first).getAllByRole('cell')[0]).toContainElement(box(0));
    const version = releases.find((release) => release.id === idOf(0))!.version!;
    expect(box(0)).toHaveAccessibleName(`Select checkout ${version}`);
    await userEvent.click(box(0));
    expect(box(0)).toBeChecked();
    expect(first).toHaveAttribute('data-selected');
    expect(onSelectedReleasesChange).toHaveBeenLastCalledWith([idOf(0)]);
    // The label around the box fills its cell: a click there selects too, and opens nothing.
    await userEvent.click(first.querySelector('label')!);
    expect(box(0)).not.toBeChecked();
    expect(onReleaseSelect).not.toHaveBeenCalled();
    // The rest of the row still opens the release.
    await userEvent.click(within(first).getAllByRole('cell')[2]!);
    expect(onReleaseSelect).toHaveBeenCalledTimes(1);
  });

  it('selects the range between the last click and a Shift-click, in the order shown', async () => {
    const onSelectedReleasesChange = vi.fn();
    // Sorted by version ascending: the order shown is not the data's.
    render(
      <ReleasesTable
        releases={releases}
        selectable
        onSelectedReleasesChange={onSelectedReleasesChange}
        defaultState={{ ...DEFAULT_TABLE_STATE, sort: { key: 'version', desc: false } }}
      />,
    );
    const user = userEvent.setup();
    await user.click(box(1));
    await user.keyboard('{Shift>}');
    await user.click(box(4));
    await user.keyboard('{/Shift}');
    expect(rows().map((row) => row.hasAttribute('data-selected'))).toEqual(rows().map((_, i) => i >= 1 && i <= 4));
    expect(onSelectedReleasesChange).toHaveBeenLastCalledWith([1, 2, 3, 4].map(idOf));
    expect(screen.getByRole('group', { name: 'Selected releases' })).toHaveTextContent('4 selected');
  });

  it('selects from the keyboard: Space toggles the focused row, Shift+Space selects the range, Enter still opens', async () => {
    const onReleaseSelect = vi.fn();
    render(<ReleasesTable releases={releases} selectable onReleaseSelect={onReleaseSelect} />);
    const user = userEvent.setup();
    rows()[0]!.focus();
    await user.keyboard(' ');
    expect(box(0)).toBeChecked();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    await user.keyboard('{Shift>} {/Shift}');
    expect([0, 1, 2, 3].map((i) => (box(i) as HTMLInputElement).checked)).toEqual([true, true, true, false]);
    await user.keyboard('{Enter}');
    expect(onReleaseSelect).toHaveBeenCalledWith(releases.find((release) => release.id === idOf(2)));
  });

  it('enables Compare at exactly two, and calls onCompare with them, older first', async () => {
    const onCompare = vi.fn();
    render(<ReleasesTable releases={releases} onCompare={onCompare} />);
    const compare = screen.getByRole('button', { name: 'Compare' });
    expect(compare).toBeDisabled();
    expect(compare).toHaveAccessibleDescription('Select two releases to compare');
    await userEvent.click(box(0));
    expect(compare).toBeDisabled();
    await userEvent.click(box(3));
    expect(compare).toBeEnabled();
    expect(screen.queryByText('Select two releases to compare')).toBeNull();
    await userEvent.click(box(5));
    expect(compare).toBeDisabled();
    await userEvent.click(box(5));
    await userEvent.click(compare);
    // Newest first in the table: row 3 is the older.
    const [older, newer] = onCompare.mock.calls[0]! as [Release, Release];
    expect([older.id, newer.id]).toEqual([idOf(3), idOf(0)]);
    expect(Date.parse(older.createdAt)).toBeLessThan(Date.parse(newer.createdAt));
  });

  it('keeps the selection across filters, and says how many selected are not shown', async () => {
    const user = userEvent.setup();
    render(<ReleasesTable releases={releases} onCompare={() => {}} />);
    const selected = [idOf(0), idOf(1)];
    await user.click(box(0));
    await user.click(box(1));
    const bar = screen.getByRole('group', { name: 'Selected releases' });
    expect(within(bar).getByRole('status')).toHaveTextContent('2 selected');
    // A search that matches only the first release.
    const first = releases.find((release) => release.id === selected[0])!;
    await user.type(screen.getByRole('searchbox', { name: 'Search releases' }), first.trigger.commit!.sha.slice(0, 10));
    expect(rows()).toHaveLength(1);
    expect(within(bar).getByRole('status')).toHaveTextContent('2 selected, 1 not shown');
    expect(screen.getByRole('button', { name: 'Compare' })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(rows().filter((row) => row.hasAttribute('data-selected'))).toHaveLength(2);
    await user.click(within(bar).getByRole('button', { name: 'Clear selection' }));
    expect(within(bar).getByRole('status')).toHaveTextContent('0 selected');
  });

  it('follows a controlled selection and reports changes without applying them', async () => {
    const onSelectedReleasesChange = vi.fn();
    const { rerender } = render(<ReleasesTable releases={releases} selectable selectedReleases={[releases[2]!.id]} onSelectedReleasesChange={onSelectedReleasesChange} />);
    expect(rows().filter((row) => row.hasAttribute('data-selected'))).toHaveLength(1);
    await userEvent.click(box(0));
    expect(onSelectedReleasesChange).toHaveBeenLastCalledWith([releases[2]!.id, idOf(0)]);
    // The host did not take it: nothing changed.
    expect(box(0)).not.toBeChecked();
    rerender(<ReleasesTable releases={releases} selectable selectedReleases={[]} onSelectedReleasesChange={onSelectedReleasesChange} />);
    expect(rows().filter((row) => row.hasAttribute('data-selected'))).toHaveLength(0);

    function Host() {
      const [ids, setIds] = useState<readonly string[]>([]);
      return <ReleasesTable releases={releases} selectable selectedReleases={ids} onSelectedReleasesChange={setIds} />;
    }
    rerender(<Host />);
    await userEvent.click(box(1));
    expect(box(1)).toBeChecked();
  });

  it('starts from defaultSelectedReleases', () => {
    render(<ReleasesTable releases={releases} selectable defaultSelectedReleases={[releases[0]!.id, releases[1]!.id]} onCompare={() => {}} />);
    expect(screen.getByRole('button', { name: 'Compare' })).toBeEnabled();
  });

  it('renders on a server with its checkboxes and bar', () => {
    const html = renderToString(<ReleasesTable releases={releases} onCompare={() => {}} defaultSelectedReleases={[releases[0]!.id]} />);
    expect(html).toContain('type="checkbox"');
    expect(html).toContain('1 selected');
    expect(html).toContain(`aria-label="Select checkout ${releases[0]!.version}"`);
  });
});

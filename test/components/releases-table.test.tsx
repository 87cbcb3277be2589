import { act, render, renderHook, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_TABLE_STATE,
  buildReleaseRows,
  filterReleaseRows,
  fromSearchParams,
  sampleReleaseHistory,
  toSearchString,
  type Release,
  type ReleasesTableState,
} from 'gitops-releases/headless';
import { ReleasesTable, useReleasesTable } from '../../src/components/ReleasesTable';
import { sizeTableScroller } from './table-scroller-size';

sizeTableScroller();

const releases = sampleReleaseHistory({ count: 30, shape: 'regions', seed: 3 });
const rows = () => [...document.querySelectorAll<HTMLElement>('tbody tr.gr-releases-table__row')];

describe('ReleasesTable', () => {
  it('lists releases newest first with one column per environment, in promotion order', () => {
    render(<ReleasesTable releases={releases} />);
    const headers = screen.getAllByRole('columnheader').map((th) => th.textContent);
    expect(headers).toEqual(['Date', 'Status', 'Initiator', 'Version', 'Promotion Flow', 'Duration', 'Trigger commit', 'dev', 'staging', 'production', 'prod-eu', 'prod-us', 'prod-asia']);
    expect(rows()[0]).toHaveAttribute('data-status', releases[0]!.status);
    expect(screen.getByText('30 releases')).toBeInTheDocument();
  });

  it('shows a dash, named for screen readers, where an environment was not part of a release', () => {
    const manual = releases.find((release) => release.flow === null)!;
    render(<ReleasesTable releases={[manual, releases[0]!]} />);
    const row = rows().find((tr) => tr.textContent!.includes('manual'))!;
    expect(within(row).getAllByText('Not part of this release').length).toBe(5);
  });

  it('sorts by a header, and reverses on a second click', async () => {
    const onStateChange = vi.fn();
    render(<ReleasesTable releases={releases} onStateChange={onStateChange} />);
    const initiator = screen.getByRole('columnheader', { name: /^Initiator/ });
    await userEvent.click(within(initiator).getByRole('button'));
    expect(initiator).toHaveAttribute('aria-sort', 'ascending');
    expect(onStateChange).toHaveBeenLastCalledWith(expect.objectContaining({ sort: { key: 'initiator', desc: false }, page: 1 }));
    const names = rows().map((tr) => tr.querySelector('[data-column="initiator"]')!.textContent!.replace(/^[A-Z]{2}/, ''));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    await userEvent.click(within(initiator).getByRole('button'));
    expect(initiator).toHaveAttribute('aria-sort', 'descending');
  });

  it('filters by text, status, flow and environment, and clears them', async () => {
    render(<ReleasesTable releases={releases} />);
    const version = releases[7]!.version!;
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search releases' }), version);
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toHaveTextContent(version);
    await userEvent.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    expect(screen.getByText('30 releases')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Status Any' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Succeeded' }));
    expect(rows().every((tr) => tr.dataset.status === 'succeeded')).toBe(true);
    expect(screen.getByRole('button', { name: 'Status Succeeded' })).toHaveAttribute('aria-expanded', 'true');
    await userEvent.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Status Succeeded' })).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByRole('button', { name: 'Status Succeeded' })).toHaveFocus();

    await userEvent.click(screen.getByRole('button', { name: /^Promotion flow/ }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'manual' }));
    expect(rows().every((tr) => tr.textContent!.includes('manual'))).toBe(true);
  });

  it('says when no release matches and offers to clear the filters', async () => {
    render(<ReleasesTable releases={releases} defaultState={{ filters: { query: 'zzz-nothing' } }} />);
    expect(screen.getByText('No releases match these filters')).toBeInTheDocument();
    const clear = screen.getAllByRole('button', { name: 'Clear filters' });
    await userEvent.click(clear[clear.length - 1]!);
    expect(screen.getByText('30 releases')).toBeInTheDocument();
  });

  it('calls onReleaseSelect on a row click and on Enter, not on a link click', async () => {
    const onReleaseSelect = vi.fn();
    render(<ReleasesTable releases={releases} onReleaseSelect={onReleaseSelect} getReleaseHref={(release) => `/releases/${release.id}`} />);
    await userEvent.click(rows()[2]!.querySelector('[data-column="version"]')!);
    expect(onReleaseSelect).toHaveBeenLastCalledWith(releases[2]);
    rows()[0]!.focus();
    await userEvent.keyboard('{Enter}');
    expect(onReleaseSelect).toHaveBeenLastCalledWith(releases[0]);
    onReleaseSelect.mockClear();
    await userEvent.click(within(rows()[1]!).getAllByRole('link')[0]!);
    expect(onReleaseSelect).not.toHaveBeenCalled();
  });

  it('gives the Tab stop to one row only', () => {
    render(<ReleasesTable releases={releases} />);
    expect(rows().filter((tr) => tr.tabIndex === 0)).toHaveLength(1);
  });

  it('pages in client mode', async () => {
    render(<ReleasesTable releases={releases} pageSize={10} />);
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(screen.getByText('Page 2 of 3')).toBeInTheDocument();
    expect(rows()[0]).toHaveTextContent(releases[10]!.version!);
  });

  it('in server mode shows the page as given and asks for the next one by cursor', async () => {
    const onStateChange = vi.fn();
    const page = releases.slice(0, 20);
    const { rerender } = render(
      <ReleasesTable
        mode="server"
        releases={page}
        totalCount={120}
        pageInfo={{ hasNextPage: true, hasPrevPage: false, startCursor: 'c0', endCursor: 'c20' }}
        onStateChange={onStateChange}
      />,
    );
    expect(screen.getByText('20 of 120 releases')).toBeInTheDocument();
    // The server sorted and filtered: the order given is kept even against the sort shown.
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(onStateChange).toHaveBeenLastCalledWith(expect.objectContaining({ after: 'c20', page: 2 }));
    rerender(
      <ReleasesTable
        mode="server"
        releases={page}
        loading
        totalCount={120}
        pageInfo={{ hasNextPage: true, hasPrevPage: false, startCursor: 'c0', endCursor: 'c20' }}
        onStateChange={onStateChange}
      />,
    );
    expect(screen.getByRole('progressbar', { name: 'Loading the page' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    // A filter goes back to the first cursor.
    await userEvent.type(screen.getByRole('searchbox'), 'x');
    expect(onStateChange).toHaveBeenLastCalledWith(expect.objectContaining({ filters: { query: 'x' }, after: undefined, page: 1 }));
  });

  it('is controlled when given state', async () => {
    const onStateChange = vi.fn();
    const state: ReleasesTableState = { ...DEFAULT_TABLE_STATE, filters: { statuses: ['failed'] } };
    render(<ReleasesTable releases={releases} state={state} onStateChange={onStateChange} />);
    const failed = releases.filter((release) => release.status === 'failed').length;
    expect(rows()).toHaveLength(failed);
    await userEvent.type(screen.getByRole('searchbox'), 'a');
    expect(onStateChange).toHaveBeenCalledWith(expect.objectContaining({ filters: { statuses: ['failed'], query: 'a' } }));
    // Not applied until the host passes it back.
    expect(rows()).toHaveLength(failed);
  });

  it('shows loading, error with reload, and empty states', async () => {
    const onReload = vi.fn();
    const { rerender } = render(<ReleasesTable releases={undefined} loading />);
    expect(document.querySelector('.gr-releases-table')).toHaveAttribute('data-state', 'loading');
    rerender(<ReleasesTable releases={undefined} error={new Error('network down')} onReload={onReload} />);
    expect(screen.getByRole('alert')).toHaveTextContent('network down');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onReload).toHaveBeenCalled();
    rerender(<ReleasesTable releases={[]} />);
    expect(screen.getByText('No releases yet')).toBeInTheDocument();
  });

  it('still reloads through the deprecated onRetry', async () => {
    const onRetry = vi.fn();
    render(<ReleasesTable releases={undefined} error={new Error('network down')} onRetry={onRetry} />);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('forwards its ref, id, data-* and aria-* to its root, and its aria-label to the table', () => {
    const ref = createRef<HTMLDivElement>();
    render(<ReleasesTable ref={ref} releases={releases} id="releases" data-testid="table-root" aria-describedby="help" aria-label="Checkout releases" />);
    const root = screen.getByTestId('table-root');
    expect(ref.current).toBe(root);
    expect(root).toHaveClass('gr-releases-table');
    expect(root).toHaveAttribute('id', 'releases');
    expect(root).toHaveAttribute('aria-describedby', 'help');
    expect(root).not.toHaveAttribute('aria-label');
    expect(screen.getByRole('table', { name: 'Checkout releases' })).toBeInTheDocument();
  });

  it('lets a host control only the filters, leaving the sort to the table', async () => {
    const onFiltersChange = vi.fn();
    const onSortChange = vi.fn();
    // The slice wins over the whole state given.
    render(
      <ReleasesTable
        releases={releases}
        state={{ ...DEFAULT_TABLE_STATE, filters: { query: 'zzz-nothing' } }}
        filters={{ statuses: ['failed'] }}
        onFiltersChange={onFiltersChange}
        onSortChange={onSortChange}
      />,
    );
    const failed = releases.filter((release) => release.status === 'failed').length;
    expect(rows()).toHaveLength(failed);
    await userEvent.type(screen.getByRole('searchbox'), 'a');
    expect(onFiltersChange).toHaveBeenLastCalledWith({ statuses: ['failed'], query: 'a' });
    expect(rows()).toHaveLength(failed);
    expect(onSortChange).not.toHaveBeenCalled();
  });

  it('keeps the sort when only the filters are controlled', async () => {
    const onSortChange = vi.fn();
    render(<ReleasesTable releases={releases} filters={{}} onSortChange={onSortChange} />);
    const version = screen.getByRole('columnheader', { name: /^Version/ });
    await userEvent.click(within(version).getByRole('button'));
    expect(version).toHaveAttribute('aria-sort', 'ascending');
    expect(onSortChange).toHaveBeenLastCalledWith({ key: 'version', desc: false });
  });

  it('shows bad data inline with the path, and keeps the host page', () => {
    render(
      <main>
        <h1>Host page</h1>
        <ReleasesTable releases={[releases[0]!, { ...releases[1]!, environments: [{ dependsOn: [] }] as never }]} />
      </main>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('$[1].environments[0].name');
    expect(screen.getByRole('heading', { name: 'Host page' })).toBeInTheDocument();
  });

  it('renders hostile strings as text and drops unsafe links', () => {
    const hostile: Release = {
      ...releases[2]!,
      version: '<img src=x onerror=alert(1)>',
      flow: { name: '<script>alert(1)</script>' },
      initiator: { name: '\u202Egnp.exe', avatarUrl: 'javascript:alert(1)' },
      trigger: { ...releases[2]!.trigger, commit: { sha: 'abcdef1234567', message: '<b>bold</b>\nsecond line', url: 'javascript:alert(1)' } },
    };
    const { container } = render(<ReleasesTable releases={[hostile]} getReleaseHref={() => 'javascript:alert(1)'} getFlowHref={() => 'data:text/html,x'} />);
    expect(container.querySelector('img, script, b')).toBeNull();
    const table = within(screen.getByRole('table'));
    expect(table.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(table.getByText('<script>alert(1)</script>')).toBeInTheDocument();
    for (const link of container.querySelectorAll('a')) expect(link.getAttribute('href')).toMatch(/^(https?:|mailto:|\/)/);
    expect(container.querySelectorAll('a')).toHaveLength(0);
  });

  it('hides and shows environment columns from the columns menu', async () => {
    render(<ReleasesTable releases={releases} />);
    await userEvent.click(screen.getByRole('button', { name: /^Columns/ }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'prod-eu' }));
    expect(screen.queryByRole('columnheader', { name: 'prod-eu' })).toBeNull();
    await userEvent.click(screen.getByRole('checkbox', { name: 'prod-eu' }));
    expect(screen.getByRole('columnheader', { name: 'prod-eu' })).toBeInTheDocument();
  });
});

describe('the Environment filter: a menu like its neighbours, one environment at most', () => {
  const allRows = buildReleaseRows(releases);
  const through = (environment: string) => filterReleaseRows(allRows, { environment }).length;
  const button = (value: string) => screen.getByRole('button', { name: `Environment ${value}` });
  // A release history where some releases skipped an environment, so the filter narrows.
  const mixed = [...releases.slice(0, 10), ...sampleReleaseHistory({ count: 8, shape: 'sequential', seed: 5 })];

  it('opens from its button, lists every environment and Any, and keeps one environment', async () => {
    const onStateChange = vi.fn();
    render(<ReleasesTable releases={mixed} onStateChange={onStateChange} />);
    expect(screen.queryByRole('combobox')).toBeNull();
    await userEvent.click(button('Any'));
    expect(button('Any')).toHaveAttribute('aria-expanded', 'true');
    const group = screen.getByRole('radiogroup', { name: 'Environment' });
    const choices = within(group).getAllByRole('radio');
    expect(choices.map((radio) => radio.getAttribute('aria-label') ?? radio.closest('label')!.textContent)).toEqual([
      'Any environment',
      'dev',
      'qa',
      'staging',
      'production',
      'prod-eu',
      'prod-us',
      'prod-asia',
    ]);
    expect(within(group).getByRole('radio', { name: 'Any environment' })).toBeChecked();

    await userEvent.click(within(group).getByRole('radio', { name: 'prod-eu' }));
    expect(screen.getByText(`${filterReleaseRows(buildReleaseRows(mixed), { environment: 'prod-eu' }).length} releases`)).toBeInTheDocument();
    expect(onStateChange).toHaveBeenLastCalledWith(expect.objectContaining({ filters: { environment: 'prod-eu' } }));
    expect(button('prod-eu')).toBeInTheDocument();
    // One at most: choosing another replaces it.
    await userEvent.click(within(group).getByRole('radio', { name: 'qa' }));
    expect(onStateChange).toHaveBeenLastCalledWith(expect.objectContaining({ filters: { environment: 'qa' } }));
    expect(within(group).getAllByRole('radio', { checked: true }).map((radio) => radio.closest('label')!.textContent)).toEqual(['qa']);

    await userEvent.click(within(group).getByRole('radio', { name: 'Any environment' }));
    expect(onStateChange).toHaveBeenLastCalledWith(expect.objectContaining({ filters: {} }));
    expect(screen.getByText(`${mixed.length} releases`)).toBeInTheDocument();
    expect(button('Any')).toBeInTheDocument();
  });

  it('works from the keyboard: open, choose with the arrows, close with Escape, clear', async () => {
    render(<ReleasesTable releases={releases} />);
    button('Any').focus();
    await userEvent.keyboard('{Enter}');
    expect(button('Any')).toHaveAttribute('aria-expanded', 'true');
    await userEvent.tab();
    expect(screen.getByRole('radio', { name: 'Any environment' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: 'dev' })).toHaveFocus();
    expect(screen.getByRole('radio', { name: 'dev' })).toBeChecked();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: 'staging' })).toBeChecked();
    expect(screen.getByText(`${through('staging')} releases`)).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(button('staging')).toHaveAttribute('aria-expanded', 'false');
    expect(button('staging')).toHaveFocus();

    // Space opens too; Tab lands on the chosen one; Any clears.
    await userEvent.keyboard(' ');
    expect(button('staging')).toHaveAttribute('aria-expanded', 'true');
    await userEvent.tab();
    expect(screen.getByRole('radio', { name: 'staging' })).toHaveFocus();
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    expect(screen.getByRole('radio', { name: 'Any environment' })).toBeChecked();
    expect(screen.getByText(`${releases.length} releases`)).toBeInTheDocument();
    // Tab leaves the menu, which closes.
    await userEvent.tab();
    expect(button('Any')).toHaveAttribute('aria-expanded', 'false');
  });

  it('shows the environment of a URL, one no release has left among the choices', async () => {
    const { unmount } = render(<ReleasesTable releases={releases} defaultState={fromSearchParams('?env=prod-us')} />);
    expect(button('prod-us')).toBeInTheDocument();
    await userEvent.click(button('prod-us'));
    expect(screen.getByRole('radio', { name: 'prod-us' })).toBeChecked();
    unmount();

    render(<ReleasesTable releases={releases} defaultState={fromSearchParams('?env=retired')} />);
    expect(screen.getByText('No releases match these filters')).toBeInTheDocument();
    await userEvent.click(button('retired'));
    expect(screen.getByRole('radio', { name: 'retired' })).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: 'Any environment' }));
    expect(screen.getByText(`${releases.length} releases`)).toBeInTheDocument();
  });

  it('writes the same URL parameter as before: env=<name>', async () => {
    const onStateChange = vi.fn();
    render(<ReleasesTable releases={releases} onStateChange={onStateChange} />);
    await userEvent.click(button('Any'));
    await userEvent.click(screen.getByRole('radio', { name: 'prod-asia' }));
    expect(toSearchString(onStateChange.mock.lastCall![0] as ReleasesTableState)).toBe('?env=prod-asia');
  });

  it('is cleared by Clear filters with the others', async () => {
    render(<ReleasesTable releases={releases} defaultState={{ ...DEFAULT_TABLE_STATE, filters: { environment: 'dev', statuses: ['failed'] } }} />);
    await userEvent.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    expect(button('Any')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Status Any' })).toBeInTheDocument();
  });
});

describe('useReleasesTable keeps every change made in one event (regression: setters built on the state of the last render)', () => {
  // A host's own button calls two setters in one click: the second must build on the first.
  function Host(props: { controlled?: boolean; onStateChange?: (state: ReleasesTableState) => void }) {
    const [state, setState] = useState<ReleasesTableState>(DEFAULT_TABLE_STATE);
    const table = useReleasesTable({
      releases,
      state: props.controlled ? state : undefined,
      onStateChange: (next) => {
        props.onStateChange?.(next);
        setState(next);
      },
    });
    return (
      <>
        <button
          type="button"
          onClick={() => {
            table.setFilters({ statuses: ['failed'] });
            table.setColumnHidden('dev', true);
          }}
        >
          Failed, without dev
        </button>
        <output data-testid="filters">{JSON.stringify(table.state.filters)}</output>
        <output data-testid="hidden">{JSON.stringify(table.state.hiddenColumns ?? [])}</output>
      </>
    );
  }

  it.each([
    ['uncontrolled', false],
    ['controlled through onStateChange', true],
  ])('keeps the filter set before hiding a column (%s)', async (_, controlled) => {
    const onStateChange = vi.fn();
    render(<Host controlled={controlled} onStateChange={onStateChange} />);
    await userEvent.click(screen.getByRole('button', { name: 'Failed, without dev' }));
    expect(screen.getByTestId('filters')).toHaveTextContent('{"statuses":["failed"]}');
    expect(screen.getByTestId('hidden')).toHaveTextContent('["dev"]');
    expect(onStateChange).toHaveBeenLastCalledWith(expect.objectContaining({ filters: { statuses: ['failed'] }, hiddenColumns: ['dev'] }));
  });
});

describe('useReleasesTable', () => {
  it('gives rows, columns and setters to a host that renders its own table', () => {
    const { result } = renderHook(() => useReleasesTable({ releases }));
    expect(result.current.rows).toHaveLength(releases.length);
    expect(result.current.environments).toEqual(['dev', 'staging', 'production', 'prod-eu', 'prod-us', 'prod-asia']);
    expect(result.current.columns.map((column) => column.id).slice(0, 3)).toEqual(['date', 'status', 'initiator']);
    act(() => result.current.setFilters({ statuses: ['failed'] }));
    expect(result.current.filtered).toBe(true);
    expect(result.current.rows.every((row) => row.status === 'failed')).toBe(true);
    act(() => result.current.toggleSort('duration'));
    expect(result.current.state.sort).toEqual({ key: 'duration', desc: true });
    act(() => result.current.setColumnHidden('dev', true));
    expect(result.current.visibleColumns.some((column) => column.id === 'env:dev')).toBe(false);
    act(() => result.current.clearFilters());
    expect(result.current.rows).toHaveLength(releases.length);
  });

  it('takes updaters, and reports each slice that changed', () => {
    const onPageChange = vi.fn();
    const onFiltersChange = vi.fn();
    const onDensityChange = vi.fn();
    const { result } = renderHook(() => useReleasesTable({ releases, pageSize: 5, onPageChange, onFiltersChange, onDensityChange }));
    act(() => {
      result.current.setPage((page) => page + 1);
      result.current.setPage((page) => page + 1);
    });
    expect(result.current.page).toBe(3);
    expect(onPageChange).toHaveBeenLastCalledWith(3);
    expect(onFiltersChange).not.toHaveBeenCalled();
    act(() => result.current.setFilters((filters) => ({ ...filters, statuses: ['failed', 'succeeded'] })));
    act(() => result.current.setFilters((filters) => ({ statuses: filters.statuses?.slice(0, 1) })));
    expect(result.current.state.filters).toEqual({ statuses: ['failed'] });
    expect(onPageChange).toHaveBeenLastCalledWith(1);
    expect(result.current.density).toBeUndefined();
    act(() => result.current.setDensity('compact'));
    expect(result.current.density).toBe('compact');
    expect(onDensityChange).toHaveBeenCalledWith('compact');
  });

  it('reports bad data as an error instead of throwing', () => {
    const { result } = renderHook(() => useReleasesTable({ releases: 'nope' as never }));
    expect(String(result.current.error)).toContain('ReleaseDataError');
    expect(result.current.rows).toEqual([]);
  });
});

describe('ReleasesTable in another locale', () => {
  it("writes the count in the provider's locale", async () => {
    const { ReleasesProvider } = await import('../../src/components/provider');
    const many = sampleReleaseHistory({ count: 1_200, shape: 'sequential', seed: 5 });
    render(
      <ReleasesProvider locale="de-DE">
        <ReleasesTable releases={many} />
      </ReleasesProvider>,
    );
    expect(screen.getByText('1.200 releases')).toBeInTheDocument();
  });
});

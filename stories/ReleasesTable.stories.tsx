import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import {
  DEFAULT_TABLE_STATE,
  fromSearchParams,
  sampleReleaseHistory,
  toSearchString,
  type Release,
  type ReleasesPageInfo,
  type ReleasesTableState,
} from 'gitops-releases/headless';
import { ReleasesTable } from '../src';

/** A product's history seen right now: the newest release runs, its duration ticks. */
const history = (count: number, options: { seed?: number; shape?: 'regions' | 'sequential' | 'parallel' } = {}) =>
  sampleReleaseHistory({ count, shape: options.shape ?? 'regions', seed: options.seed ?? 4, now: new Date().toISOString() });

const REFERENCE = history(40);
const hrefs = {
  getReleaseHref: (release: Release) => `/products/${encodeURIComponent(release.product)}/releases/${encodeURIComponent(release.id)}`,
  getFlowHref: (flow: string) => `/promotion-flows/${encodeURIComponent(flow)}`,
};

const meta = {
  title: 'Components/ReleasesTable',
  component: ReleasesTable,
  args: { releases: REFERENCE, onReleaseSelect: fn(), onStateChange: fn(), ...hrefs },
  argTypes: { releases: { control: false }, error: { control: false }, state: { control: false }, defaultState: { control: false } },
} satisfies Meta<typeof ReleasesTable>;
export default meta;
type Story = StoryObj<typeof meta>;

const bodyRows = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('tbody tr.gr-releases-table__row')];
const headerOf = (root: HTMLElement, name: string) => within(root).getByRole('columnheader', { name: new RegExp(`^${name}`) });

/**
 * The reference view's columns (Date, Initiator, Version, Promotion Flow, then one per
 * environment) plus status, duration and commit, on a product with 6 environments. Sorting by a
 * header, filtering by status and choosing a row with the keyboard all work.
 */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    // Six environment columns, in promotion order.
    const headers = canvas.getAllByRole('columnheader').map((th) => th.textContent);
    await expect(headers.slice(7)).toEqual(['dev', 'staging', 'production', 'prod-eu', 'prod-us', 'prod-asia']);
    // Newest first by default; the running release is on top and highlighted.
    await expect(headerOf(canvasElement, 'Date')).toHaveAttribute('aria-sort', 'descending');
    await expect(bodyRows(canvasElement)[0]).toHaveAttribute('data-status', 'running');

    // Sort by version: ascending, then descending.
    await userEvent.click(within(headerOf(canvasElement, 'Version')).getByRole('button'));
    await expect(headerOf(canvasElement, 'Version')).toHaveAttribute('aria-sort', 'ascending');
    const versions = () => bodyRows(canvasElement).map((row) => row.querySelector('[data-column="version"]')!.textContent!);
    const natural = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
    const ascending = versions();
    await expect(ascending).toEqual([...ascending].sort(natural));
    const highest = REFERENCE.map((release) => release.version!).sort(natural).at(-1);
    await userEvent.click(within(headerOf(canvasElement, 'Version')).getByRole('button'));
    await expect(headerOf(canvasElement, 'Version')).toHaveAttribute('aria-sort', 'descending');
    await expect(versions()[0]).toBe(highest);
    await expect(headerOf(canvasElement, 'Date')).toHaveAttribute('aria-sort', 'none');

    // Filter by status: only failed releases remain.
    await userEvent.click(canvas.getByRole('button', { name: 'Status Any' }));
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Failed' }));
    await waitFor(() => expect(bodyRows(canvasElement).length).toBeGreaterThan(0));
    for (const row of bodyRows(canvasElement)) await expect(row).toHaveAttribute('data-status', 'failed');
    await userEvent.keyboard('{Escape}');

    // Select a row with the keyboard: Tab reaches the first row, ArrowDown moves, Enter selects.
    const first = bodyRows(canvasElement)[0]!;
    first.focus();
    await userEvent.keyboard('{ArrowDown}');
    const second = bodyRows(canvasElement)[1]!;
    await waitFor(() => expect(second).toHaveFocus());
    await userEvent.keyboard('{Enter}');
    const chosen = REFERENCE.find((release) => release.id === (args.onReleaseSelect as ReturnType<typeof fn>).mock.calls.at(-1)?.[0]?.id);
    await expect(chosen?.status).toBe('failed');

    // Clear filters brings every release back.
    await userEvent.click(canvas.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(canvas.getByText(`${REFERENCE.length} releases`)).toBeVisible());
  },
};

/** Failed and terminated releases: the date is red with an icon, the reason shows on hover and focus. */
export const FailedAndTerminated: Story = {
  args: { defaultState: { ...DEFAULT_TABLE_STATE, filters: { statuses: ['failed', 'terminated'] } } },
  play: async ({ canvasElement }) => {
    const rows = bodyRows(canvasElement);
    await expect(rows.length).toBeGreaterThan(0);
    const row = rows[0]!;
    const tooltip = row.querySelector<HTMLElement>('[role="tooltip"]')!;
    await expect(tooltip.textContent).not.toBe('');
    await expect(tooltip).not.toBeVisible();
    // Keyboard readers get it too: focusing the date link shows it.
    row.querySelector<HTMLElement>('[data-column="date"] a')!.focus();
    await waitFor(() => expect(tooltip).toBeVisible());
    // Screen readers hear the reason with the date.
    const described = row.querySelector(`[aria-describedby="${tooltip.id}"]`);
    await expect(described).not.toBeNull();
  },
};

/** Only running releases: highlighted, their durations count up every second. */
export const Running: Story = {
  args: { defaultState: { ...DEFAULT_TABLE_STATE, filters: { statuses: ['running'] } } },
  play: async ({ canvasElement }) => {
    const duration = () => bodyRows(canvasElement)[0]!.querySelector('[data-column="duration"]')!.textContent;
    const before = duration();
    await waitFor(() => expect(duration()).not.toBe(before), { timeout: 3000 });
  },
};

const TEN_THOUSAND = history(10_000, { seed: 9 });

/** 10,000 releases: rows are virtualised, so about 60 are in the page however far you scroll. */
export const TenThousand: Story = {
  args: { releases: TEN_THOUSAND, height: 640 },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('10,000 releases')).toBeVisible();
    await expect(bodyRows(canvasElement).length).toBeLessThanOrEqual(80);
    const scroller = canvasElement.querySelector<HTMLElement>('.gr-releases-table__scroller')!;
    scroller.scrollTop = scroller.scrollHeight / 2;
    await waitFor(() => expect(Number(bodyRows(canvasElement)[0]!.dataset.index)).toBeGreaterThan(4000));
    await expect(bodyRows(canvasElement).length).toBeLessThanOrEqual(80);
  },
};

/** Pages of 20 in client mode. */
export const Paged: Story = {
  args: { releases: history(95), pageSize: 20 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Page 1 of 5')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Next page' }));
    await expect(canvas.getByText('Page 2 of 5')).toBeVisible();
    await expect(canvas.getByRole('table')).toHaveAttribute('aria-rowcount', '21');
  },
};

// A fake API that pages by cursor as Codefresh's does: filters and sort applied "server-side"
// (here with the same logic), 20 a page, 400 ms a request.
const SERVER_DATA = history(230, { seed: 12 });
function useFakeServer(state: ReleasesTableState) {
  type Page = { releases: Release[]; pageInfo: ReleasesPageInfo; totalCount: number };
  const [answer, setAnswer] = useState<{ key: string; page: Page } | undefined>();
  const key = toSearchString({ ...state, hiddenColumns: undefined });
  useEffect(() => {
    const timer = setTimeout(() => {
      const query = state.filters.query?.toLowerCase() ?? '';
      const statuses = state.filters.statuses;
      const matching = SERVER_DATA.filter(
        (release) =>
          (!statuses?.length || statuses.includes(release.status)) &&
          (!query || `${release.version} ${release.initiator?.name} ${release.trigger.commit?.message}`.toLowerCase().includes(query)),
      );
      const start = state.after ? Number(state.after) : state.before ? Math.max(0, Number(state.before) - 20) : 0;
      setAnswer({
        key,
        page: {
          releases: matching.slice(start, start + 20),
          totalCount: matching.length,
          pageInfo: { hasPrevPage: start > 0, hasNextPage: start + 20 < matching.length, startCursor: String(start), endCursor: String(start + 20) },
        },
      });
    }, 400);
    return () => clearTimeout(timer);
    // The key stands for the state's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  // The last page answered stays on screen while the next one loads.
  return { page: answer?.page, loading: answer?.key !== key };
}

function ServerPagedDemo(props: { onStateChange?: (state: ReleasesTableState) => void; onReleaseSelect?: (release: Release) => void }) {
  const [state, setState] = useState<ReleasesTableState>(DEFAULT_TABLE_STATE);
  const { page, loading } = useFakeServer(state);
  return (
    <ReleasesTable
      mode="server"
      releases={page?.releases}
      pageInfo={page?.pageInfo}
      totalCount={page?.totalCount}
      loading={loading}
      state={state}
      onStateChange={(next) => {
        setState(next);
        props.onStateChange?.(next);
      }}
      onReleaseSelect={props.onReleaseSelect}
      height={480}
    />
  );
}

/** The host owns the data and pages by cursor; the table shows a loading bar between pages. */
export const ServerPaged: Story = {
  render: (args) => <ServerPagedDemo onStateChange={args.onStateChange} onReleaseSelect={args.onReleaseSelect} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText('20 of 230 releases')).toBeVisible(), { timeout: 5000 });
    await expect(canvas.getByRole('table')).toHaveAttribute('aria-rowcount', '21');
    const firstId = bodyRows(canvasElement)[0]!.textContent;
    await userEvent.click(canvas.getByRole('button', { name: 'Next page' }));
    await expect(args.onStateChange).toHaveBeenLastCalledWith(expect.objectContaining({ after: '20', page: 2 }));
    // Between pages the old rows stay, with a progress bar.
    await expect(canvas.getByRole('progressbar')).toBeInTheDocument();
    await waitFor(() => expect(canvas.queryByRole('progressbar')).toBeNull(), { timeout: 5000 });
    await expect(bodyRows(canvasElement)[0]!.textContent).not.toBe(firstId);
    await expect(canvas.getByText('Page 2')).toBeVisible();
  },
};

/** The host's address bar, as the demos below write it. */
function UrlLine({ search }: { search: string }) {
  return (
    <p style={{ fontFamily: 'monospace', fontSize: 13 }}>
      URL: <output data-testid="url">/products/checkout/releases{search}</output>
    </p>
  );
}

function UrlStateDemo(props: { onReleaseSelect?: (release: Release) => void }) {
  // A host router's location, kept in state here: the filters survive a reload of the URL.
  const [search, setSearch] = useState('?status=succeeded&sort=-duration&q=ada');
  const [initial] = useState(() => fromSearchParams(search));
  return (
    <div>
      <UrlLine search={search} />
      <ReleasesTable
        releases={REFERENCE}
        defaultState={initial}
        onStateChange={useCallback((state: ReleasesTableState) => setSearch(toSearchString(state)), [])}
        onReleaseSelect={props.onReleaseSelect}
        height={420}
      />
    </div>
  );
}

/** Filters and sort kept in the URL (`toSearchString` / `fromSearchParams`). */
export const FiltersInUrl: Story = {
  render: (args) => <UrlStateDemo onReleaseSelect={args.onReleaseSelect} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('searchbox')).toHaveValue('ada');
    await expect(headerOf(canvasElement, 'Duration')).toHaveAttribute('aria-sort', 'descending');
    for (const row of bodyRows(canvasElement)) await expect(row).toHaveAttribute('data-status', 'succeeded');
    await userEvent.click(within(headerOf(canvasElement, 'Date')).getByRole('button'));
    await expect(canvas.getByTestId('url')).toHaveTextContent('?status=succeeded&q=ada');
    // One environment, from a menu like its neighbours', written as `env=`.
    await userEvent.click(canvas.getByRole('button', { name: 'Environment Any' }));
    await userEvent.click(canvas.getByRole('radio', { name: 'prod-eu' }));
    await expect(canvas.getByTestId('url')).toHaveTextContent('?status=succeeded&env=prod-eu&q=ada');
    await expect(canvas.getByRole('button', { name: 'Environment prod-eu' })).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(canvas.getByRole('radio', { name: 'Any environment' }));
    await expect(canvas.getByTestId('url')).toHaveTextContent(/releases\?status=succeeded&q=ada$/);
  },
};

function OnlyFiltersInUrlDemo() {
  // The host keeps only the filters in its URL; sort, page and columns stay the table's own.
  const [search, setSearch] = useState('?status=succeeded');
  const filters = useMemo(() => fromSearchParams(search).filters, [search]);
  return (
    <div>
      <UrlLine search={search} />
      <ReleasesTable
        releases={REFERENCE}
        filters={filters}
        onFiltersChange={useCallback((next: ReleasesTableState['filters']) => setSearch(toSearchString({ filters: next })), [])}
        height={420}
      />
    </div>
  );
}

/** Only the filters controlled (`filters` / `onFiltersChange`): sorting leaves the URL alone. */
export const OnlyFiltersInUrl: Story = {
  render: () => <OnlyFiltersInUrlDemo />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const row of bodyRows(canvasElement)) await expect(row).toHaveAttribute('data-status', 'succeeded');
    await userEvent.click(within(headerOf(canvasElement, 'Version')).getByRole('button'));
    await expect(headerOf(canvasElement, 'Version')).toHaveAttribute('aria-sort', 'ascending');
    await expect(canvas.getByTestId('url')).toHaveTextContent(/releases\?status=succeeded$/);
    await userEvent.type(canvas.getByRole('searchbox'), 'ada');
    await expect(canvas.getByTestId('url')).toHaveTextContent('?status=succeeded&q=ada');
  },
};

/** Nothing matches: the empty state offers to clear the filters. */
export const NoMatch: Story = {
  args: { defaultState: { ...DEFAULT_TABLE_STATE, filters: { query: 'no such release anywhere' } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('No releases match these filters')).toBeVisible();
    await userEvent.click(canvas.getAllByRole('button', { name: 'Clear filters' }).at(-1)!);
    await expect(bodyRows(canvasElement).length).toBeGreaterThan(0);
  },
};

/** A product without releases yet. */
export const Empty: Story = {
  args: { releases: [] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('No releases yet')).toBeVisible();
  },
};

/** The first load: skeleton rows under the real header. */
export const Loading: Story = {
  args: { releases: undefined, loading: true },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('tr[data-skeleton]').length).toBeGreaterThan(3);
    await expect(canvasElement.querySelector('.gr-releases-table')).toHaveAttribute('data-state', 'loading');
  },
};

/** The host's request failed: the error inline, with a button to load the releases again. */
export const Error: Story = {
  args: { releases: undefined, error: new globalThis.Error('GET /api/releases: 503 Service Unavailable'), onReload: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent('503 Service Unavailable');
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(args.onReload).toHaveBeenCalled();
  },
};

/** Malformed data (a release without an id) shows the path and value inline, not a blank page. */
export const BadData: Story = {
  args: { releases: [REFERENCE[0]!, { ...REFERENCE[1]!, id: undefined as unknown as string }] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('$[1].id');
  },
};

function longNamed(releases: readonly Release[]): Release[] {
  const long = (name: string) => `${name}-cluster-with-a-very-long-descriptive-name-01`;
  return releases.map((release) => ({
    ...release,
    version: release.version ? `${release.version}-rc.1+build.20261126.abcdef` : release.version,
    flow: release.flow ? { name: `${release.flow.name}-for-the-checkout-team-with-regional-waves` } : null,
    initiator: release.initiator ? { ...release.initiator, name: `${release.initiator.name} Fernández-Oyelaran de la Vega` } : undefined,
    environments: release.environments.map((environment) => ({
      ...environment,
      name: long(environment.name),
      dependsOn: environment.dependsOn.map(long),
    })),
  }));
}

/** Long names everywhere truncate with the whole text on hover; the table scrolls sideways. */
export const LongNames: Story = {
  args: { releases: longNamed(REFERENCE.slice(0, 20)) },
  play: async ({ canvasElement }) => {
    const flow = bodyRows(canvasElement)[0]!.querySelector<HTMLElement>('[data-column="flow"] .gr-releases-table__truncate')!;
    await expect(flow.scrollWidth).toBeGreaterThan(flow.clientWidth);
    await expect(flow.title).toBe(flow.textContent);
  },
};

/** In a narrow container: the table scrolls sideways and the date column stays in view. */
export const Narrow: Story = {
  decorators: [(Story) => <div style={{ width: 420 }}>{Story()}</div>],
  play: async ({ canvasElement }) => {
    const scroller = canvasElement.querySelector<HTMLElement>('.gr-releases-table__scroller')!;
    await expect(scroller.scrollWidth).toBeGreaterThan(scroller.clientWidth);
    const dateCell = bodyRows(canvasElement)[0]!.querySelector<HTMLElement>('td')!;
    const left = dateCell.getBoundingClientRect().left;
    scroller.scrollLeft = 600;
    await waitFor(() => expect(scroller.scrollLeft).toBeGreaterThan(0));
    await expect(Math.round(dateCell.getBoundingClientRect().left)).toBe(Math.round(left));
  },
};

/** Compact rows, two environments hidden from the columns menu. */
export const Compact: Story = {
  args: { density: 'compact', defaultState: { ...DEFAULT_TABLE_STATE, hiddenColumns: ['prod-us', 'prod-asia'] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole('columnheader', { name: 'prod-us' })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: /^Columns/ }));
    await userEvent.click(canvas.getByRole('checkbox', { name: 'prod-us' }));
    await expect(canvas.getByRole('columnheader', { name: 'prod-us' })).toBeVisible();
    await expect(bodyRows(canvasElement)[0]!.getBoundingClientRect().height).toBeLessThanOrEqual(33);
  },
};

/** Dark mode. */
export const Dark: Story = {
  globals: { colorMode: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('.gr-root')).toHaveAttribute('data-color-mode', 'dark');
    await expect(bodyRows(canvasElement).length).toBeGreaterThan(0);
    // The Environment menu open, chosen from the keyboard (and checked by axe in the dark).
    const canvas = within(canvasElement);
    canvas.getByRole('button', { name: 'Environment Any' }).focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.tab();
    await userEvent.keyboard('{ArrowDown}');
    await expect(canvas.getByRole('radio', { name: 'dev' })).toBeChecked();
    await expect(canvas.getByRole('radiogroup', { name: 'Environment' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Environment dev' })).toHaveAttribute('aria-expanded', 'true');
  },
};

// Eight releases of a product rolled out to 2,000 stores (`sampleReleaseHistory({ shape: 'fleet' })`):
// dev, staging, a canary of 10 stores, then waves of 100, 500 and 1,390 behind approval gates, each
// store grouped `<wave>/<region>` over 12 regions. The newest runs in wave-2, the next is queued,
// the fourth failed in wave-2 (8 of its 500 stores), the seventh was promoted by hand to one store.
const FLEET = sampleReleaseHistory({ count: 8, shape: 'fleet', seed: 8, now: new Date().toISOString() });
const groupButton = (root: HTMLElement, group: string) => within(root).getByRole('button', { name: group });
const headerTexts = (root: HTMLElement) => within(root).getAllByRole('columnheader').map((th) => th.textContent);

/**
 * Thousands of environments in groups: one column per wave, each cell a bar of its stores'
 * statuses and the news in words. A wave's header opens it into its regions, a region into its
 * stores; the Columns menu hides a whole wave, the Environment menu filters by one.
 */
export const WithGroupColumns: Story = {
  name: 'With group columns',
  args: { releases: FLEET, height: 420 },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(headerTexts(canvasElement).slice(7)).toEqual(['dev', 'staging', 'canary', 'approve-wave-1', 'wave-1', 'approve-wave-2', 'wave-2', 'approve-wave-3', 'wave-3']);
    await expect(groupButton(canvasElement, 'wave-2')).toHaveAttribute('aria-expanded', 'false');
    // The failed release: 8 of wave-2's 500 stores failed, and a screen reader hears every count.
    await expect(canvas.getByText('8 failed / 500')).toBeVisible();
    await expect(canvas.getByRole('cell', { name: 'wave-2, 500 environments: 8 Failed, 492 Succeeded' })).toBeInTheDocument();
    // The running release is part-way through wave-2; wave-3 has not started.
    await expect(canvas.getByText('201 / 500 done')).toBeVisible();
    await expect(canvas.getAllByText('1,390 not started').length).toBeGreaterThan(0);

    // Open wave-2: its 12 regions follow its column; open ca-central-1: its 42 stores follow.
    await userEvent.click(groupButton(canvasElement, 'wave-2'));
    await expect(groupButton(canvasElement, 'wave-2')).toHaveAttribute('aria-expanded', 'true');
    await expect(args.onStateChange).toHaveBeenLastCalledWith(expect.objectContaining({ expandedGroups: ['wave-2'] }));
    await expect(headerTexts(canvasElement)).toContain('ap-southeast-2');
    await expect(canvas.getByText('2 failed / 42')).toBeVisible();
    await userEvent.click(groupButton(canvasElement, 'wave-2/ca-central-1'));
    await waitFor(() => expect(headerTexts(canvasElement).filter((text) => text!.startsWith('store-'))).toHaveLength(42));
    await expect(canvas.getAllByRole('img', { name: 'Failed' }).length).toBeGreaterThan(0);

    // Close wave-2 again from the keyboard.
    groupButton(canvasElement, 'wave-2').focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(headerTexts(canvasElement)).not.toContain('ca-central-1'));
  },
};

/** Group columns in the dark, a wave open and the Environment menu filtering by a wave. */
export const WithGroupColumnsDark: Story = {
  name: 'With group columns, dark',
  globals: { colorMode: 'dark' },
  args: { releases: FLEET, height: 420, defaultExpandedGroups: ['wave-2'] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvasElement.querySelector('.gr-root')).toHaveAttribute('data-color-mode', 'dark');
    await expect(groupButton(canvasElement, 'wave-2')).toHaveAttribute('aria-expanded', 'true');
    await expect(canvas.getByText('8 failed / 500')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Environment Any' }));
    await userEvent.click(canvas.getByRole('radio', { name: 'wave-3 (group)' }));
    // Every release went through wave-3, the one promoted by hand to a single store too.
    await expect(canvas.getByText(`${FLEET.length} releases`)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Environment wave-3 (group)' })).toBeVisible();
  },
};

/** A live history: a new release starts every few seconds on top. */
function LiveDemo() {
  const all = useMemo(() => history(60, { seed: 21 }), []);
  const [count, setCount] = useState(50);
  useEffect(() => {
    const timer = setInterval(() => setCount((n) => (n >= all.length ? 50 : n + 1)), 3000);
    return () => clearInterval(timer);
  }, [all]);
  return <ReleasesTable releases={all.slice(all.length - count)} height={480} />;
}

export const Live: Story = {
  render: () => <LiveDemo />,
  play: async ({ canvasElement }) => {
    await expect(bodyRows(canvasElement).length).toBeGreaterThan(0);
  },
};

/**
 * Selection mode: a checkbox per row; Shift-click selects the range from the last row clicked,
 * in the order shown (here sorted by version). With exactly two selected, Compare calls
 * `onCompare` with them, older first.
 */
export const SelectToCompare: Story = {
  args: { releases: REFERENCE, onCompare: fn(), onSelectedReleasesChange: fn(), height: 420 },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const user = userEvent.setup();
    const box = (index: number) => within(bodyRows(canvasElement)[index]!).getByRole('checkbox');
    const compare = canvas.getByRole('button', { name: 'Compare' });
    await expect(compare).toBeDisabled();
    await expect(compare).toHaveAccessibleDescription('Select two releases to compare');
    // Sort by version, then select rows 1 to 4 of that order with a Shift-click.
    await user.click(within(headerOf(canvasElement, 'Version')).getByRole('button'));
    await user.click(box(1));
    await user.keyboard('{Shift>}');
    await user.click(box(4));
    await user.keyboard('{/Shift}');
    await expect(bodyRows(canvasElement).map((row) => row.hasAttribute('data-selected'))).toEqual(bodyRows(canvasElement).map((_, i) => i >= 1 && i <= 4));
    const status = within(canvas.getByRole('group', { name: 'Selected releases' })).getByRole('status');
    await expect(status).toHaveTextContent('4 selected');
    await expect(compare).toBeDisabled();
    // The checkbox never opens the release.
    await expect(args.onReleaseSelect).not.toHaveBeenCalled();

    // Two, then Compare: the older of the two first.
    await user.click(canvas.getByRole('button', { name: 'Clear selection' }));
    await user.click(box(0));
    await user.click(box(5));
    await expect(compare).toBeEnabled();
    await user.click(compare);
    const versionOf = (index: number) => bodyRows(canvasElement)[index]!.querySelector('[data-column="version"]')!.textContent;
    const [older, newer] = (args.onCompare as ReturnType<typeof fn>).mock.calls[0]! as [Release, Release];
    await expect([older.version, newer.version].sort()).toEqual([versionOf(0), versionOf(5)].sort());
    await expect(Date.parse(older.createdAt)).toBeLessThan(Date.parse(newer.createdAt));
  },
};

/** Selection mode in the dark, with a selection a filter partly hides: it still counts. */
export const SelectionDark: Story = {
  globals: { colorMode: 'dark' },
  args: {
    releases: REFERENCE,
    onCompare: fn(),
    height: 420,
    defaultSelectedReleases: [REFERENCE[0]!.id, REFERENCE.find((release) => release.status === 'succeeded')!.id],
    defaultState: { ...DEFAULT_TABLE_STATE, filters: { statuses: ['succeeded'] } },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(within(canvas.getByRole('group', { name: 'Selected releases' })).getByRole('status')).toHaveTextContent('2 selected, 1 not shown');
    await expect(canvas.getByRole('button', { name: 'Compare' })).toBeEnabled();
  },
};

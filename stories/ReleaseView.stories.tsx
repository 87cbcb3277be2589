import { useState, type CSSProperties } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { sampleRelease, type Release, type SampleReleaseOptions } from 'gitops-releases/headless';
import { ReleasesProvider } from '../src/components/provider';
import { ReleaseView, type ReleaseViewTab } from '../src/components/ReleaseView';

/** A release seen right now, so running durations and timeline bars look as they would live. */
const live = (options: SampleReleaseOptions) => sampleRelease({ ...options, now: new Date().toISOString() });

const LONG_MESSAGE = [
  '[promotion:parallel-flow] Merged PR: General fixes/changes + taking care of the following tickets: AP-47672, AP-47673 and AP-47680 for the checkout team',
  '',
  '* Optimize performance - AP-47672',
  '* Update UI layout - AP-47673',
  '',
  'Co-authored-by: Kenji Sato <kenji.sato@acme.dev>',
].join('\n');

function withMessage(release: Release, message: string): Release {
  return { ...release, trigger: { ...release.trigger, commit: { ...release.trigger.commit!, message } } };
}

const failed = withMessage(sampleRelease({ shape: 'parallel', state: 'failed' }), LONG_MESSAGE);

/** Applications across every environment: what the Applications tab lists. */
const applicationCount = (release: Release) => release.environments.reduce((n, e) => n + e.applications.length, 0);

const hrefs = {
  getProductHref: (release: Release) => `https://platform.example.com/products/${encodeURIComponent(release.product)}`,
  getFlowHref: (flow: string) => `https://platform.example.com/promotion-flows/${encodeURIComponent(flow)}`,
};

const meta = {
  title: 'Components/ReleaseView',
  component: ReleaseView,
  args: hrefs,
  argTypes: {
    release: { control: false },
    error: { control: false },
    releaseNotes: { control: false },
    tab: { control: 'inline-radio', options: ['graph', 'notes', 'applications', 'timeline'] },
  },
} satisfies Meta<typeof ReleaseView>;

export default meta;
type Story = StoryObj<typeof meta>;

async function openTab(canvasElement: HTMLElement, name: RegExp | string) {
  const canvas = within(canvasElement);
  const tab = canvas.getByRole('tab', { name });
  await userEvent.click(tab);
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  return canvas.getByRole('tabpanel');
}

/** A release under way: Terminate is offered, durations and running bars grow every second. */
export const Running: Story = {
  args: {
    release: live({ shape: 'parallel', state: 'running' }),
    onTerminate: fn(),
    onRetry: fn(),
    onReleaseNotes: fn(),
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 2 })).toHaveTextContent('checkout·parallel-flow·1.25.1');
    await expect(canvasElement.querySelector('.gr-release-header__status')).toHaveTextContent('Running');
    const counters = canvas.getByRole('list', { name: 'Environments by status' });
    await expect(counters).toHaveTextContent('1 Succeeded');
    await expect(counters).toHaveTextContent('2 Running');
    await expect(counters).toHaveTextContent('1 Pending');
    await expect(canvas.queryByRole('alert')).toBeNull();
    // Retry is for failed releases only.
    await expect(canvas.queryByRole('button', { name: 'Retry' })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Terminate' }));
    await expect(args.onTerminate).toHaveBeenCalledOnce();

    const duration = canvasElement.querySelector('.gr-release-header__duration')!;
    const before = duration.textContent;
    await waitFor(() => expect(duration.textContent).not.toBe(before), { timeout: 3000 });

    const panel = await openTab(canvasElement, 'Timeline');
    const rows = panel.querySelectorAll('.gr-release-timeline__row');
    await expect(rows).toHaveLength(4);
    await expect(panel.querySelectorAll('.gr-release-timeline__row[data-running]')).toHaveLength(2);
    await expect(within(panel).getByText('not started')).toBeVisible();
  },
};

/** A failed release: the banner says why, Retry is offered, the long commit message folds. */
export const Failed: Story = {
  args: { release: failed, onRetry: fn(), onTerminate: fn(), onReleaseNotes: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const banner = canvas.getByRole('alert');
    await expect(banner).toHaveTextContent('STEP_FAILED');
    await expect(banner).toHaveTextContent('qa environment for the application cart-api failed');
    await expect(canvas.queryByRole('button', { name: 'Terminate' })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
    await userEvent.click(canvas.getByRole('button', { name: 'Release notes' }));
    await expect(args.onReleaseNotes).toHaveBeenCalledOnce();

    const counters = canvas.getByRole('list', { name: 'Environments by status' });
    await expect(counters).toHaveTextContent('1 Failed');
    await expect(counters).toHaveTextContent('2 Succeeded');

    // One line with an ellipsis, then the whole message.
    const message = canvasElement.querySelector<HTMLElement>('.gr-release-header__message-text')!;
    await expect(getComputedStyle(message).textOverflow).toBe('ellipsis');
    await expect(message).not.toHaveTextContent('Co-authored-by');
    const toggle = canvas.getByRole('button', { name: 'Show more' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    await expect(canvas.getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
    await expect(message).toHaveTextContent('Co-authored-by: Kenji Sato');

    // Links: product and flow to the host, the commit to the Git host.
    await expect(canvas.getByRole('link', { name: 'checkout' })).toHaveAttribute('href', 'https://platform.example.com/products/checkout');
    await expect(canvas.getByRole('link', { name: /7dc5f4f/ })).toHaveAttribute('href', expect.stringContaining('github.com'));

    const panel = await openTab(canvasElement, /Applications/);
    await expect(within(panel).getAllByRole('row')).toHaveLength(applicationCount(failed) + 1);
  },
};

/** Double-click (or Enter on) an environment: its details open beside the graph, and close again. */
export const OpenEnvironment: Story = {
  args: { release: failed, onRetry: fn(), onSelectedEnvironmentChange: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const node = await waitFor(() => {
      const found = canvasElement.querySelector<HTMLElement>('[data-env-id="qa"]');
      if (!found) throw new globalThis.Error('the qa node is not drawn yet');
      return found;
    });
    await userEvent.dblClick(node);
    const details = await waitFor(() => {
      const found = canvasElement.querySelector<HTMLElement>('.gr-release-view__details');
      if (!found) throw new globalThis.Error('no details panel');
      return found;
    });
    await expect(within(details).getByRole('heading', { level: 3, name: 'qa' })).toBeVisible();
    await expect(args.onSelectedEnvironmentChange).toHaveBeenCalledWith('qa');
    await userEvent.click(within(details).getByRole('button', { name: 'Close' }));
    await expect(canvasElement.querySelector('.gr-release-view__details')).toBeNull();
    await expect(canvas.getByRole('heading', { level: 2 })).toBeVisible();
    // Enter opens it from the keyboard; it stays open so the a11y check sees it.
    canvasElement.querySelector<HTMLElement>('[data-env-id="staging"]')!.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(canvasElement.querySelector('.gr-release-view__details')).toHaveTextContent('staging'));
  },
};

/** Terminated by a user: the banner says so; neither Retry nor Terminate applies. */
export const Terminated: Story = {
  args: { release: sampleRelease({ shape: 'regions', state: 'terminated' }), onRetry: fn(), onTerminate: fn() },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent('Product release was terminated by user');
    await expect(canvasElement.querySelector('.gr-release-header__status')).toHaveTextContent('Terminated');
    await expect(canvas.queryByRole('button', { name: 'Retry' })).toBeNull();
    await expect(canvas.queryByRole('button', { name: 'Terminate' })).toBeNull();
    await expect(canvas.getByRole('list', { name: 'Environments by status' })).toHaveTextContent('1 Terminated');
  },
};

/** Held by a pull request that must be merged: a polite notice, the pull-request status. */
export const SuspendedPullRequest: Story = {
  args: { release: live({ shape: 'parallel', state: 'suspended-pr' }), onTerminate: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(canvasElement.querySelector('.gr-release-view__notice')).toHaveTextContent(/Waiting for pull request #\d+ to be merged/);
    await expect(canvasElement.querySelector('.gr-release-header__status')).toHaveTextContent('Waiting for PR merge');
    await userEvent.click(canvas.getByRole('button', { name: 'Terminate' }));
    await expect(args.onTerminate).toHaveBeenCalledOnce();
  },
};

/** Queued behind another release: nothing has started, it can still be terminated. */
export const Queued: Story = {
  args: { release: live({ shape: 'parallel', state: 'queued' }), onTerminate: fn(), onRetry: fn() },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvasElement.querySelector('.gr-release-view__notice')).toHaveTextContent('Queued behind a running release of checkout');
    await expect(canvasElement.querySelector('.gr-release-header__duration')).toHaveTextContent('not started');
    await expect(canvas.getByRole('button', { name: 'Terminate' })).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Retry' })).toBeNull();
    const panel = await openTab(canvasElement, 'Timeline');
    await expect(within(panel).getAllByText('not started')).toHaveLength(4);
  },
};

const succeeded = sampleRelease({ shape: 'parallel', state: 'succeeded' });

/** Done: no banner, every counter green, the notes slot filled by the host. */
export const Succeeded: Story = {
  args: {
    release: succeeded,
    onReleaseNotes: fn(),
    releaseNotes: (
      <ul data-testid="host-notes">
        {succeeded.notes?.images.map((image) => (
          <li key={image.reference}>
            <code>{image.reference}</code>
          </li>
        ))}
      </ul>
    ),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(canvas.getByRole('list', { name: 'Environments by status' })).toHaveTextContent('4 Succeeded');
    await expect(canvas.queryByRole('button', { name: 'Terminate' })).toBeNull();
    const panel = await openTab(canvasElement, 'Release notes');
    await expect(within(panel).getByTestId('host-notes')).toBeVisible();
  },
};

/** While the host fetches: a skeleton header and a busy message. */
export const Loading: Story = {
  args: { loading: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByRole('status');
    await expect(status).toHaveTextContent('Loading the release');
    await expect(status).toHaveAttribute('aria-busy', 'true');
    await expect(canvasElement.querySelector('.gr-release-header[data-loading]')).toBeVisible();
    await expect(canvas.queryByRole('tablist')).toBeNull();
  },
};

/** Nothing to show yet. */
export const Empty: Story = {
  args: {},
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('No release to show');
  },
};

/** The host's fetch failed: said inline, with the error's message. */
export const Error: Story = {
  args: { error: new globalThis.Error('GET /api/releases/7f3c785a failed: 503 Service Unavailable') },
  play: async ({ canvasElement }) => {
    const alert = within(canvasElement).getByRole('alert');
    await expect(alert).toHaveTextContent('Could not load the release');
    await expect(alert).toHaveTextContent('503 Service Unavailable');
  },
};

const cyclic: Release = (() => {
  const release = sampleRelease({ shape: 'parallel', state: 'succeeded' });
  return {
    ...release,
    environments: release.environments.map((e) => (e.name === 'dev' ? { ...e, dependsOn: ['production'] } : e)),
  };
})();

/** Environments that form a cycle: the graph says so inline; the rest of the view works. */
export const BadData: Story = {
  args: { release: cyclic },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = canvas.getByRole('alert');
    await expect(alert).toHaveTextContent('Could not show the release graph');
    await expect(alert).toHaveTextContent('cycle');
    await expect(canvas.getByRole('heading', { level: 2 })).toHaveTextContent('checkout');
    const panel = await openTab(canvasElement, /Applications/);
    await expect(within(panel).getByRole('table')).toBeVisible();
  },
};

const removed: Release = (() => {
  const release = sampleRelease({ shape: 'parallel', state: 'succeeded' });
  // "qa" was removed from the flow after this release ran; production still names it.
  return { ...release, environments: release.environments.filter((e) => e.name !== 'qa') };
})();

/** An environment removed from the flow since: named in an inline error; header, Applications and Timeline still work. */
export const RemovedEnvironment: Story = {
  args: { release: removed },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = canvas.getByRole('alert');
    await expect(alert).toHaveTextContent('Environment "production" depends on "qa", which is not an environment of this release');
    await expect(canvas.getByRole('list', { name: 'Environments by status' })).toHaveTextContent('3 Succeeded');
    let panel = await openTab(canvasElement, /Applications/);
    await expect(within(panel).getAllByRole('row')).toHaveLength(applicationCount(removed) + 1);
    panel = await openTab(canvasElement, 'Timeline');
    await expect(panel.querySelectorAll('.gr-release-timeline__row')).toHaveLength(3);
  },
};

/** Names over 60 characters: truncated with the whole name on hover; nothing spills out. */
export const LongNames: Story = {
  args: { release: sampleRelease({ shape: 'parallel', state: 'failed', longNames: true }), onRetry: fn() },
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector<HTMLElement>('.gr-release-view')!;
    await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth + 1);
    const panel = await openTab(canvasElement, 'Timeline');
    const name = panel.querySelector<HTMLElement>('.gr-release-timeline__name-text')!;
    await expect(name.title).toMatch(/extended-validation$/);
    await expect(name.scrollWidth).toBeGreaterThan(name.clientWidth);
    await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth + 1);
  },
};

const huge = live({ shape: 'huge', state: 'running' });

/** 300 environments: the Applications table and the Timeline stay usable. */
export const Huge: Story = {
  args: { release: huge, onTerminate: fn() },
  play: async ({ canvasElement }) => {
    // Role queries are slow on a thousand rows; plain selectors keep the check about the view.
    let panel = await openTab(canvasElement, /Applications/);
    await expect(panel.querySelectorAll('tbody tr')).toHaveLength(applicationCount(huge));
    panel = await openTab(canvasElement, 'Timeline');
    await expect(panel.querySelectorAll('.gr-release-timeline__row')).toHaveLength(300);
    await expect(panel.querySelectorAll('.gr-release-timeline__tick').length).toBeGreaterThanOrEqual(2);
  },
};

/** The failed release in dark mode. */
export const Dark: Story = {
  args: { release: failed, onRetry: fn(), onReleaseNotes: fn() },
  globals: { colorMode: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('.gr-root')).toHaveAttribute('data-color-mode', 'dark');
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('STEP_FAILED');
  },
};

function ControlledTabsDemo(props: { release: Release; onTabChange?: (tab: ReleaseViewTab) => void }) {
  const [tab, setTab] = useState<ReleaseViewTab>('graph');
  return (
    <div>
      <p data-testid="current-tab">Current tab: {tab}</p>
      <ReleaseView
        release={props.release}
        tab={tab}
        onTabChange={(next) => {
          setTab(next);
          props.onTabChange?.(next);
        }}
      />
    </div>
  );
}

/** The host owns the tab (e.g. in its URL); arrow keys move between tabs (Radix roving focus). */
export const ControlledTabs: Story = {
  args: { release: sampleRelease({ shape: 'parallel', state: 'succeeded' }), onTabChange: fn() },
  render: (args) => <ControlledTabsDemo release={args.release!} onTabChange={args.onTabChange} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByTestId('current-tab')).toHaveTextContent('Current tab: graph');
    canvas.getByRole('tab', { name: 'Graph' }).focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    await expect(canvas.getByTestId('current-tab')).toHaveTextContent('Current tab: timeline');
    await expect(args.onTabChange).toHaveBeenLastCalledWith('timeline');
    const timeline = canvas.getByRole('tab', { name: 'Timeline' });
    await expect(timeline).toHaveFocus();
    await expect(timeline).toHaveAttribute('aria-selected', 'true');
    await expect(canvas.getByRole('tabpanel')).toHaveTextContent('When each environment started and finished');
    await userEvent.keyboard('{Home}');
    await expect(canvas.getByTestId('current-tab')).toHaveTextContent('Current tab: graph');
  },
};

const HOST_STYLE = {
  '--gr-font-family': 'Georgia, "Times New Roman", serif',
  '--gr-surface': '#fbf8f1',
  '--gr-surface-raised': '#f2ede1',
  '--gr-text': '#2a2418',
  '--gr-text-muted': '#5e5440',
  '--gr-border': '#d9cfb8',
  '--gr-focus-ring': '#7a3e9d',
  '--gr-radius': '2px',
  background: 'var(--gr-surface)',
  padding: '1rem',
} as CSSProperties;

/** A host's theme: its own surface, text, border, link colour, radius and font through `--gr-*` tokens. */
export const HostTheme: Story = {
  args: { release: failed, onRetry: fn(), onReleaseNotes: fn() },
  render: (args) => (
    <ReleasesProvider colorMode="light" style={HOST_STYLE}>
      <ReleaseView {...args} />
    </ReleasesProvider>
  ),
  play: async ({ canvasElement }) => {
    const view = canvasElement.querySelector<HTMLElement>('.gr-release-view')!;
    await expect(getComputedStyle(view).fontFamily).toContain('Georgia');
    await expect(getComputedStyle(view).color).toBe('rgb(42, 36, 24)');
    const retry = within(canvasElement).getByRole('button', { name: 'Retry' });
    await expect(getComputedStyle(retry).borderTopLeftRadius).toBe('2px');
    await expect(getComputedStyle(within(canvasElement).getByRole('link', { name: 'checkout' })).color).toBe('rgb(122, 62, 157)');
  },
};

import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STATUSES, formatDuration, releaseActions, sampleRelease, type Release, type Status } from 'gitops-releases/headless';
import { ReleasesProvider } from '../../src/components/provider';
import type { ReleaseGraphProps } from '../../src/components/ReleaseGraph';
import { ReleaseHeader, ReleaseView, type ReleaseViewTab } from '../../src/components/ReleaseView';
import { expectElementLikeRoot } from './root-element';

// The graph is React Flow (tested on its own, best in a real browser). Here a stand-in exposes
// the props ReleaseView passes, with buttons for selecting and opening an environment.
vi.mock('../../src/components/ReleaseGraph', () => ({
  ReleaseGraph: ({ release, selectedEnvironment, onSelectedEnvironmentChange, onEnvironmentOpen, onWorkflowStepSelect, defaultFocusEnvironment, height }: ReleaseGraphProps) => (
    <ul data-testid="graph" data-selected={selectedEnvironment ?? ''} data-focus={defaultFocusEnvironment ?? ''} data-height={String(height)}>
      {release.environments.map((environment) => (
        <li key={environment.name}>
          <button type="button" onClick={() => onSelectedEnvironmentChange?.(environment.name)}>
            Select {environment.name}
          </button>
          <button type="button" onClick={() => onEnvironmentOpen?.(environment.name)}>
            Open {environment.name}
          </button>
          {environment.workflows?.preAction?.[0] ? (
            <button type="button" onClick={() => onWorkflowStepSelect?.({ environment: environment.name, section: 'preAction', name: environment.workflows!.preAction![0]!.name }, environment.workflows!.preAction![0]!)}>
              Step of {environment.name}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  ),
}));

afterEach(() => {
  vi.useRealTimers();
});

const running = () => sampleRelease({ shape: 'parallel', state: 'running' });
const failed = () => sampleRelease({ shape: 'parallel', state: 'failed' });
const succeeded = () => sampleRelease({ shape: 'parallel', state: 'succeeded' });

function withCommit(release: Release, commit: Partial<NonNullable<Release['trigger']['commit']>>): Release {
  return { ...release, trigger: { ...release.trigger, commit: { ...release.trigger.commit!, ...commit } } };
}

function renderInUtc(ui: React.ReactNode) {
  return render(
    <ReleasesProvider colorMode="light" timeZone="UTC">
      {ui}
    </ReleasesProvider>,
  );
}

const counters = () => screen.getByRole('list', { name: 'Environments by status' });

describe('ReleaseHeader', () => {
  it('shows product, flow, version, short SHA, commit line, initiator, creation time and duration', () => {
    const release = succeeded();
    renderInUtc(
      <ReleaseHeader
        release={release}
        getProductHref={(r) => `https://host.example/products/${r.product}`}
        getFlowHref={(flow) => `https://host.example/flows/${flow}`}
      />,
    );
    const heading = screen.getByRole('heading', { level: 2 });
    expect(within(heading).getByRole('link', { name: 'checkout' })).toHaveAttribute('href', 'https://host.example/products/checkout');
    // Links inside the host stay in the tab.
    expect(within(heading).getByRole('link', { name: 'checkout' })).not.toHaveAttribute('target');
    expect(within(heading).getByRole('link', { name: 'parallel-flow' })).toHaveAttribute('href', 'https://host.example/flows/parallel-flow');
    expect(heading).toHaveTextContent('1.25.1');

    const sha = screen.getByRole('link', { name: 'commit 7dc5f4f' });
    expect(sha).toHaveAttribute('href', release.trigger.commit!.url);
    expect(sha).toHaveAttribute('target', '_blank');
    expect(sha).toHaveAttribute('title', release.trigger.commit!.sha);

    expect(screen.getByText('Harden order timeouts')).toBeInTheDocument();
    const commitLine = document.querySelector('.gr-release-header__commit')!;
    expect(commitLine).toHaveTextContent('git commit by Lena Novak in acme/checkout-gitops on main');
    expect(within(commitLine as HTMLElement).getByRole('link', { name: 'acme/checkout-gitops' })).toHaveAttribute(
      'href',
      'https://github.com/acme/checkout-gitops',
    );

    const meta = document.querySelector('.gr-release-header__meta')!;
    expect(meta).toHaveTextContent('Started byLena Novak');
    expect(meta.querySelector('time')).toHaveAttribute('dateTime', release.createdAt);
    expect(meta.querySelector('time')).toHaveTextContent(/Nov \d+, 2026/);
    const expected = formatDuration(Date.parse(release.finishedAt!) - Date.parse(release.createdAt));
    expect(document.querySelector('.gr-release-header__duration')).toHaveTextContent(expected);

    const badge = document.querySelector('.gr-release-header__status')!;
    expect(badge).toHaveAttribute('data-variant', 'solid');
    expect(badge).toHaveTextContent('Succeeded');
  });

  it('says "manual" for a release without a flow, and never links it', () => {
    const release = { ...succeeded(), flow: null };
    renderInUtc(<ReleaseHeader release={release} getFlowHref={() => 'https://host.example/flows/x'} />);
    const heading = screen.getByRole('heading', { level: 2 });
    expect(heading).toHaveTextContent('manual');
    expect(within(heading).queryByRole('link', { name: 'manual' })).toBeNull();
  });

  it('uses getCommitHref over the commit URL', () => {
    render(<ReleaseHeader release={succeeded()} getCommitHref={() => 'https://git.example/c/1'} />);
    expect(screen.getByRole('link', { name: 'commit 7dc5f4f' })).toHaveAttribute('href', 'https://git.example/c/1');
  });

  it('shows the first line of a long message and toggles the rest with Show more / Show less', async () => {
    const user = userEvent.setup();
    const message = 'Merge the checkout rework\n\n* Optimize performance - AP-47672\n* Update UI layout - AP-47673';
    render(<ReleaseHeader release={withCommit(succeeded(), { message })} />);
    const text = document.querySelector('.gr-release-header__message-text')!;
    expect(text).toHaveTextContent('Merge the checkout rework');
    expect(text).not.toHaveTextContent('AP-47672');

    const toggle = screen.getByRole('button', { name: 'Show more' });
    expect(toggle).toHaveAttribute('type', 'button');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveAttribute('aria-controls', text.id);
    await user.click(toggle);
    expect(screen.getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
    expect(text).toHaveTextContent('Optimize performance - AP-47672');
    await user.click(screen.getByRole('button', { name: 'Show less' }));
    expect(text).not.toHaveTextContent('AP-47672');
  });

  it('has no toggle for a short one-line message', () => {
    render(<ReleaseHeader release={succeeded()} />);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('offers Show more for a single line longer than 100 characters', () => {
    render(<ReleaseHeader release={withCommit(succeeded(), { message: 'x'.repeat(140) })} />);
    expect(screen.getByRole('button', { name: 'Show more' })).toBeInTheDocument();
  });

  it('counts environments per status group with an icon, a number and a readable text', () => {
    render(<ReleaseHeader release={running()} />);
    const items = within(counters()).getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('data-group'))).toEqual(['succeeded', 'running', 'failed', 'pending']);
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining('1 Succeeded'),
      expect.stringContaining('2 Running'),
      expect.stringContaining('0 Failed'),
      expect.stringContaining('1 Pending'),
    ]);
    expect(items[0]!.querySelector('.gr-status-badge svg')).not.toBeNull();
    expect(items[0]!.querySelector('.gr-status-badge')).toHaveAttribute('title', '1 Succeeded');
  });

  it('adds terminated and skipped counters only when some environment is in them', () => {
    const release = sampleRelease({ shape: 'parallel', state: 'terminated' });
    render(<ReleaseHeader release={{ ...release, environments: [...release.environments, { ...release.environments[0]!, name: 'x', status: 'skipped' }] }} />);
    expect(counters()).toHaveTextContent('2 Terminated');
    expect(counters()).toHaveTextContent('1 Skipped');
  });

  it('ticks the duration of a running release every second', () => {
    const release = running();
    vi.useFakeTimers({ now: Date.parse(release.updatedAt!) });
    render(<ReleaseHeader release={release} />);
    const duration = document.querySelector('.gr-release-header__duration')!;
    const at = (ms: number) => formatDuration(ms - Date.parse(release.createdAt));
    expect(duration).toHaveTextContent(at(Date.parse(release.updatedAt!)));
    act(() => vi.advanceTimersByTime(5000));
    expect(duration).toHaveTextContent(at(Date.parse(release.updatedAt!) + 5000));
  });

  it('says "not started" for a queued release', () => {
    render(<ReleaseHeader release={sampleRelease({ shape: 'parallel', state: 'queued' })} />);
    expect(document.querySelector('.gr-release-header__duration')).toHaveTextContent('not started');
  });

  it('shows the pull-request status when the release waits for a merge', () => {
    render(<ReleaseHeader release={sampleRelease({ shape: 'parallel', state: 'suspended-pr' })} />);
    expect(document.querySelector('.gr-release-header__status')).toHaveTextContent('Waiting for PR merge');
  });
});

describe('ReleaseView banner', () => {
  it('shows the error code and message of a failed release as an alert', () => {
    render(<ReleaseView release={failed()} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('STEP_FAILED');
    expect(alert).toHaveTextContent('Release failed: qa environment for the application cart-api failed');
  });

  it('shows the termination message', () => {
    render(<ReleaseView release={sampleRelease({ shape: 'regions', state: 'terminated' })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Product release was terminated by user');
  });

  it('falls back to the status reason, then to the status', () => {
    const release = { ...failed(), error: undefined };
    const { rerender } = render(<ReleaseView release={{ ...release, statusReason: 'Timed out after 2h' }} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Timed out after 2h');
    rerender(<ReleaseView release={release} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Release Failed');
    rerender(<ReleaseView release={{ ...release, status: 'error' }} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Release Error');
  });

  it('shows no alert for a succeeded or running release, and a polite notice for a waiting one', () => {
    const { rerender } = render(<ReleaseView release={succeeded()} />);
    expect(screen.queryByRole('alert')).toBeNull();
    rerender(<ReleaseView release={running()} />);
    expect(screen.queryByRole('alert')).toBeNull();
    rerender(<ReleaseView release={sampleRelease({ shape: 'parallel', state: 'queued' })} />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.querySelector('.gr-release-view__notice')).toHaveAttribute('role', 'status');
    expect(document.querySelector('.gr-release-view__notice')).toHaveTextContent('Queued behind a running release of checkout');
  });
});

describe('ReleaseView actions', () => {
  const all = () => ({ onReleaseNotes: vi.fn(), onRetry: vi.fn(), onTerminate: vi.fn() });
  const buttons = () =>
    [...document.querySelectorAll('.gr-release-view__action')].map((button) => button.textContent);

  it('shows no action row when no callback is passed', () => {
    render(<ReleaseView release={failed()} />);
    expect(screen.queryByRole('group', { name: 'Release actions' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it.each<[Status, string[]]>([
    ['failed', ['Release notes', 'Retry']],
    ['error', ['Release notes', 'Retry']],
    ['running', ['Release notes', 'Terminate']],
    ['suspended', ['Release notes', 'Terminate']],
    ['queued', ['Release notes', 'Terminate']],
    ['pending', ['Release notes', 'Terminate']],
    ['succeeded', ['Release notes']],
    ['terminated', ['Release notes']],
    ['terminating', ['Release notes']],
    ['skipped', ['Release notes']],
    ['unknown', ['Release notes']],
  ])('a %s release offers %j', (status, expected) => {
    render(<ReleaseView release={{ ...running(), status }} {...all()} />);
    expect(buttons()).toEqual(expected);
  });

  it('offers Retry and Terminate exactly where the headless releaseActions allows them, for every status', () => {
    for (const status of STATUSES) {
      const { unmount } = render(<ReleaseView release={{ ...running(), status }} onRetry={vi.fn()} onTerminate={vi.fn()} />);
      const allowed = releaseActions({ status });
      expect(buttons(), status).toEqual([...(allowed.retry ? ['Retry'] : []), ...(allowed.terminate ? ['Terminate'] : [])]);
      unmount();
    }
  });

  it('shows each button only when its callback is passed', () => {
    const { rerender } = render(<ReleaseView release={failed()} onRetry={vi.fn()} />);
    expect(buttons()).toEqual(['Retry']);
    rerender(<ReleaseView release={running()} onTerminate={vi.fn()} />);
    expect(buttons()).toEqual(['Terminate']);
  });

  it('calls the callbacks on click; the buttons are type="button"', async () => {
    const user = userEvent.setup();
    const callbacks = all();
    const { rerender } = render(<ReleaseView release={failed()} {...callbacks} />);
    for (const button of screen.getAllByRole('button').filter((b) => b.classList.contains('gr-release-view__action'))) {
      expect(button).toHaveAttribute('type', 'button');
    }
    await user.click(screen.getByRole('button', { name: 'Release notes' }));
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    rerender(<ReleaseView release={running()} {...callbacks} />);
    await user.click(screen.getByRole('button', { name: 'Terminate' }));
    expect(callbacks.onReleaseNotes).toHaveBeenCalledOnce();
    expect(callbacks.onRetry).toHaveBeenCalledOnce();
    expect(callbacks.onTerminate).toHaveBeenCalledOnce();
    // "Release notes" only calls back; it does not switch tabs.
    expect(screen.getByRole('tab', { name: 'Graph' })).toHaveAttribute('aria-selected', 'true');
  });
});

describe('ReleaseView tabs', () => {
  it('opens on the graph, and switches tabs uncontrolled, telling the host', async () => {
    const user = userEvent.setup();
    const onTabChange = vi.fn();
    const release = succeeded();
    const count = release.environments.reduce((n, e) => n + e.applications.length, 0);
    render(<ReleaseView release={release} onTabChange={onTabChange} graphHeight={300} />);
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['Graph', 'Release notes', `Applications (${count})`, 'Timeline']);
    expect(screen.getByRole('tab', { name: 'Graph' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('graph')).toHaveAttribute('data-height', '300');

    await user.click(screen.getByRole('tab', { name: /Applications/ }));
    expect(onTabChange).toHaveBeenLastCalledWith('applications');
    expect(screen.getByRole('tabpanel')).toContainElement(screen.getByRole('table'));
    expect(screen.queryByTestId('graph')).toBeNull();
  });

  it('starts on defaultTab', () => {
    render(<ReleaseView release={succeeded()} defaultTab="timeline" />);
    expect(screen.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveTextContent('When each environment started and finished');
  });

  it('follows a controlled tab and only asks the host to change it', async () => {
    const user = userEvent.setup();
    const onTabChange = vi.fn();
    const { rerender } = render(<ReleaseView release={succeeded()} tab="notes" onTabChange={onTabChange} />);
    expect(screen.getByRole('tabpanel')).toHaveAttribute('data-tab', 'notes');
    await user.click(screen.getByRole('tab', { name: 'Timeline' }));
    expect(onTabChange).toHaveBeenCalledWith('timeline');
    expect(screen.getByRole('tab', { name: 'Release notes' })).toHaveAttribute('aria-selected', 'true');
    rerender(<ReleaseView release={succeeded()} tab="timeline" onTabChange={onTabChange} />);
    expect(screen.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
  });

  it('moves between tabs with the arrow keys', async () => {
    const user = userEvent.setup();
    function Host() {
      const [tab, setTab] = useState<ReleaseViewTab>('graph');
      return (
        <>
          <output>{tab}</output>
          <ReleaseView release={succeeded()} tab={tab} onTabChange={setTab} />
        </>
      );
    }
    render(<Host />);
    act(() => screen.getByRole('tab', { name: 'Graph' }).focus());
    await user.keyboard('{ArrowRight}');
    expect(document.querySelector('output')).toHaveTextContent('notes');
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(document.querySelector('output')).toHaveTextContent('timeline');
    expect(screen.getByRole('tab', { name: 'Timeline' })).toHaveFocus();
  });

  it("shows the release's own notes, the host's, or says there are none", () => {
    const { rerender } = render(<ReleaseView release={{ ...succeeded(), notes: undefined }} defaultTab="notes" />);
    expect(screen.getByRole('tabpanel')).toHaveTextContent('No changes in this release');
    const withNotes = sampleRelease({ shape: 'regions', state: 'succeeded' });
    rerender(<ReleaseView release={withNotes} defaultTab="notes" />);
    expect(within(screen.getByRole('tabpanel')).getByRole('button', { name: /^Issues/ })).toHaveAttribute('aria-expanded', 'true');
    expect(within(screen.getByRole('tabpanel')).getByText(withNotes.notes!.issues[0]!.key)).toBeInTheDocument();
    rerender(<ReleaseView release={succeeded()} defaultTab="notes" releaseNotes={<p>Notes from the host</p>} />);
    expect(screen.getByRole('tabpanel')).toHaveTextContent('Notes from the host');
  });
});

describe('ReleaseView graph and environment details', () => {
  it('passes an uncontrolled selection through to the graph', async () => {
    const user = userEvent.setup();
    const onSelectedEnvironmentChange = vi.fn();
    render(<ReleaseView release={succeeded()} defaultSelectedEnvironment="qa" onSelectedEnvironmentChange={onSelectedEnvironmentChange} />);
    expect(screen.getByTestId('graph')).toHaveAttribute('data-selected', 'qa');
    await user.click(screen.getByRole('button', { name: 'Select staging' }));
    expect(onSelectedEnvironmentChange).toHaveBeenCalledWith('staging');
    expect(screen.getByTestId('graph')).toHaveAttribute('data-selected', 'staging');
  });

  it('keeps a controlled selection until the host changes it', async () => {
    const user = userEvent.setup();
    const onSelectedEnvironmentChange = vi.fn();
    render(<ReleaseView release={succeeded()} selectedEnvironment={null} onSelectedEnvironmentChange={onSelectedEnvironmentChange} />);
    await user.click(screen.getByRole('button', { name: 'Select dev' }));
    expect(onSelectedEnvironmentChange).toHaveBeenCalledWith('dev');
    expect(screen.getByTestId('graph')).toHaveAttribute('data-selected', '');
  });

  it('opens the details of an environment beside the graph, and closes them', async () => {
    const user = userEvent.setup();
    render(<ReleaseView release={succeeded()} />);
    expect(document.querySelector('.gr-release-view__details')).toBeNull();
    const open = screen.getByRole('button', { name: 'Open staging' });
    act(() => open.focus());
    await user.click(open);
    const details = document.querySelector<HTMLElement>('.gr-release-view__details')!;
    expect(within(details).getByRole('heading', { level: 3, name: 'staging' })).toBeInTheDocument();
    expect(screen.getByTestId('graph')).toHaveAttribute('data-selected', 'staging');
    // The panel follows the selection while open.
    await user.click(screen.getByRole('button', { name: 'Select qa' }));
    expect(within(document.querySelector<HTMLElement>('.gr-release-view__details')!).getByRole('heading', { name: 'qa' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(document.querySelector('.gr-release-view__details')).toBeNull();
    // Focus returns to where it was when the panel opened.
    expect(open).toHaveFocus();
  });

  const detailsHeading = () => {
    const details = document.querySelector<HTMLElement>('.gr-release-view__details');
    return details ? within(details).getByRole('heading', { level: 3 }).textContent : null;
  };

  it('opens the environment a host keeps (from its URL), selects and centres it, and asks the host to change it', async () => {
    const user = userEvent.setup();
    const onOpenEnvironmentChange = vi.fn();
    const { rerender } = render(<ReleaseView release={succeeded()} openEnvironment="qa" onOpenEnvironmentChange={onOpenEnvironmentChange} />);
    expect(detailsHeading()).toBe('qa');
    expect(screen.getByTestId('graph')).toHaveAttribute('data-selected', 'qa');
    expect(screen.getByTestId('graph')).toHaveAttribute('data-focus', 'qa');
    // Controlled: opening another or closing only asks the host.
    await user.click(screen.getByRole('button', { name: 'Open staging' }));
    expect(onOpenEnvironmentChange).toHaveBeenLastCalledWith('staging');
    expect(detailsHeading()).toBe('qa');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onOpenEnvironmentChange).toHaveBeenLastCalledWith(null);
    expect(detailsHeading()).toBe('qa');
    // The host follows (its URL changed): the panel does too.
    rerender(<ReleaseView release={succeeded()} openEnvironment="staging" onOpenEnvironmentChange={onOpenEnvironmentChange} />);
    expect(detailsHeading()).toBe('staging');
    rerender(<ReleaseView release={succeeded()} openEnvironment={null} onOpenEnvironmentChange={onOpenEnvironmentChange} />);
    expect(detailsHeading()).toBeNull();
  });

  it('starts with defaultOpenEnvironment open, and reports opening and closing uncontrolled', async () => {
    const user = userEvent.setup();
    const onOpenEnvironmentChange = vi.fn();
    render(<ReleaseView release={succeeded()} defaultOpenEnvironment="staging" onOpenEnvironmentChange={onOpenEnvironmentChange} />);
    expect(detailsHeading()).toBe('staging');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onOpenEnvironmentChange).toHaveBeenLastCalledWith(null);
    expect(detailsHeading()).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Open dev' }));
    expect(onOpenEnvironmentChange).toHaveBeenLastCalledWith('dev');
    expect(detailsHeading()).toBe('dev');
  });

  it('leaves the details to the host with showDetails={false}, still reporting which environment opens', async () => {
    const user = userEvent.setup();
    const onOpenEnvironmentChange = vi.fn();
    render(<ReleaseView release={succeeded()} showDetails={false} onOpenEnvironmentChange={onOpenEnvironmentChange} />);
    await user.click(screen.getByRole('button', { name: 'Open qa' }));
    expect(onOpenEnvironmentChange).toHaveBeenLastCalledWith('qa');
    expect(screen.getByTestId('graph')).toHaveAttribute('data-selected', 'qa');
    expect(document.querySelector('.gr-release-view__details')).toBeNull();
  });

  it('reports a workflow step picked in the graph, opens its environment and highlights it; a controlled step wins', async () => {
    const user = userEvent.setup();
    const release = succeeded();
    const withSteps = release.environments.filter((environment) => environment.workflows?.preAction?.[0]);
    expect(withSteps.length).toBeGreaterThan(1);
    const [first, second] = withSteps as [Release['environments'][number], Release['environments'][number]];
    const onWorkflowStepChange = vi.fn();
    const { rerender } = render(<ReleaseView release={release} onWorkflowStepChange={onWorkflowStepChange} />);
    await user.click(screen.getByRole('button', { name: `Step of ${first.name}` }));
    const stepName = first.workflows!.preAction![0]!.name;
    expect(onWorkflowStepChange).toHaveBeenLastCalledWith({ environment: first.name, section: 'preAction', name: stepName });
    expect(detailsHeading()).toBe(first.name);
    const details = document.querySelector<HTMLElement>('.gr-release-view__details')!;
    expect(details.querySelector('[aria-current="true"], [aria-selected="true"], [data-selected]')?.textContent).toContain(stepName);
    // Controlled from a URL: the host's step shows in its environment.
    const otherStep = second.workflows!.preAction![0]!.name;
    rerender(
      <ReleaseView
        release={release}
        openEnvironment={second.name}
        workflowStep={{ environment: second.name, section: 'preAction', name: otherStep }}
        onWorkflowStepChange={onWorkflowStepChange}
      />,
    );
    expect(detailsHeading()).toBe(second.name);
    expect(document.querySelector('.gr-release-view__details [aria-current="true"], .gr-release-view__details [aria-selected="true"], .gr-release-view__details [data-selected]')?.textContent).toContain(otherStep);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onWorkflowStepChange).toHaveBeenLastCalledWith(null);
  });
});

describe('ReleaseView states', () => {
  it('shows a skeleton header and a busy message while loading', () => {
    const { container } = render(<ReleaseView loading />);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Loading the release');
    expect(status).toHaveAttribute('aria-busy', 'true');
    expect(container.querySelector('.gr-release-header[data-loading]')).toHaveAttribute('aria-hidden', 'true');
    expect(container.firstElementChild).toHaveAttribute('data-state', 'loading');
    expect(screen.queryByRole('tablist')).toBeNull();
  });

  it('keeps a shown release while it refreshes, marked busy', () => {
    const { container } = render(<ReleaseView release={succeeded()} loading />);
    expect(container.firstElementChild).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('checkout');
  });

  it('says there is nothing to show without a release', () => {
    const { container } = render(<ReleaseView />);
    expect(screen.getByRole('status')).toHaveTextContent('No release to show');
    expect(container.firstElementChild).toHaveAttribute('data-state', 'empty');
  });

  it('shows a host fetch error inline', () => {
    render(<ReleaseView error={new Error('503 Service Unavailable')} loading />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not load the release');
    expect(alert).toHaveTextContent('503 Service Unavailable');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows a fetch error above a release still on screen', () => {
    render(<ReleaseView release={succeeded()} error="timeout" />);
    expect(screen.getByRole('alert')).toHaveTextContent('timeout');
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('checkout');
  });

  it('shows the header and says so for a release with no environments', () => {
    render(<ReleaseView release={{ ...succeeded(), environments: [] }} />);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('checkout');
    expect(screen.getByRole('tabpanel')).toHaveTextContent('This release has no environments.');
  });

  it('shows a cycle inline under a working header (the page never goes blank)', async () => {
    const user = userEvent.setup();
    const release = succeeded();
    const cyclic = { ...release, environments: release.environments.map((e) => (e.name === 'dev' ? { ...e, dependsOn: ['production'] } : e)) };
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(<ReleaseView release={cyclic} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not show the release graph');
    expect(alert).toHaveTextContent('The environments form a cycle');
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('checkout');
    await user.click(screen.getByRole('tab', { name: /Applications/ }));
    expect(screen.getByRole('table')).toBeInTheDocument();
    vi.mocked(console.error).mockRestore();
  });

  it('names an environment removed from the flow; header, Applications and Timeline still work', async () => {
    const user = userEvent.setup();
    const release = succeeded();
    const removed = { ...release, environments: release.environments.filter((e) => e.name !== 'qa') };
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(<ReleaseView release={removed} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Environment "production" depends on "qa", which is not an environment of this release',
    );
    expect(counters()).toHaveTextContent('3 Succeeded');
    await user.click(screen.getByRole('tab', { name: /Applications/ }));
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(
      removed.environments.reduce((n, e) => n + e.applications.length, 0) + 1,
    );
    await user.click(screen.getByRole('tab', { name: 'Timeline' }));
    expect(document.querySelectorAll('.gr-release-timeline__row')).toHaveLength(3);
    vi.mocked(console.error).mockRestore();
  });

  it('recovers when a good release replaces a bad one', () => {
    const release = succeeded();
    const removed = { ...release, environments: release.environments.filter((e) => e.name !== 'qa') };
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { rerender } = render(<ReleaseView release={removed} />);
    expect(screen.getByRole('alert')).toBeInTheDocument();
    rerender(<ReleaseView release={release} />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('graph')).toBeInTheDocument();
    vi.mocked(console.error).mockRestore();
  });
});

describe('ReleaseView hostile data', () => {
  it('renders a commit message with markup as text', async () => {
    const user = userEvent.setup();
    const evil = '<img src=x onerror=alert(1)>';
    const { container } = render(<ReleaseView release={withCommit(failed(), { message: `${evil}\nsecond <script>alert(2)</script>` })} />);
    expect(container.querySelector('img, script')).toBeNull();
    expect(screen.getByText(evil)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.querySelector('.gr-release-header__message-text')).toHaveTextContent('second <script>alert(2)</script>');
  });

  it('never links a javascript: URL, from the data or from a host callback', () => {
    const release = withCommit(succeeded(), { url: 'javascript:alert(1)', repoUrl: 'javascript:alert(2)' });
    const { container } = render(
      <ReleaseView release={release} getProductHref={() => 'javascript:alert(3)'} getFlowHref={() => ' JAVASCRIPT:alert(4)'} />,
    );
    for (const link of container.querySelectorAll('a')) expect(link.getAttribute('href')).toMatch(/^https?:/);
    expect(container.innerHTML).not.toMatch(/javascript:/i);
    expect(screen.getByText('7dc5f4f')).toBeInTheDocument();
  });

  it('renders an error message with markup as text', () => {
    const release = { ...failed(), error: { code: '<b>X</b>', message: '<img src=x onerror=alert(1)>' } };
    const { container } = render(<ReleaseView release={release} />);
    expect(container.querySelector('img, b')).toBeNull();
    expect(screen.getByRole('alert')).toHaveTextContent('<b>X</b><img src=x onerror=alert(1)>');
  });

  it('survives untyped data: no environments list, no commit, no dates', () => {
    const release = { ...succeeded(), environments: undefined, trigger: { kind: 'manual', environment: 'dev' }, createdAt: 'yesterday' };
    render(<ReleaseView release={release as unknown as Release} />);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('checkout');
    expect(screen.getByRole('tabpanel')).toHaveTextContent('This release has no environments.');
  });
});

describe('ReleaseView applications', () => {
  it('lists every application of every environment with its badges', async () => {
    const user = userEvent.setup();
    const release = running();
    render(<ReleaseView release={release} defaultTab="applications" />);
    const table = screen.getByRole('table');
    const count = release.environments.reduce((n, e) => n + e.applications.length, 0);
    expect(table.querySelector('caption')).toHaveTextContent(`Applications of checkout 1.25.1: ${count} in 4 environments`);
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Environment',
      'Application',
      'Namespace',
      'Version',
      'Commit',
      'Sync',
      'Health',
      'Promotion',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(count);
    const first = rows[0]!;
    const app = release.environments[0]!.applications[0]!;
    expect(within(first).getByRole('rowheader')).toHaveTextContent(app.name);
    expect(within(first).getByRole('link', { name: app.name })).toHaveAttribute('href', app.url);
    expect(first.querySelector('[data-kind="sync"]')).toHaveAttribute('data-status', app.sync);
    expect(first.querySelector('[data-kind="health"]')).toHaveAttribute('data-status', app.health);
    expect(first).toHaveTextContent(app.commitSha!.slice(0, 7));
    await user.click(screen.getByRole('tab', { name: 'Graph' }));
    expect(screen.queryByRole('table')).toBeNull();
  });

  // Every row, not how fast: speed is for bench/. jsdom is slow at 725 rows, hence the budget.
  it('renders 300 environments of applications', () => {
    const huge = sampleRelease({ shape: 'huge', state: 'running' });
    render(<ReleaseView release={huge} defaultTab="applications" />);
    const count = huge.environments.reduce((n, e) => n + e.applications.length, 0);
    expect(screen.getAllByRole('row')).toHaveLength(count + 1);
  }, 60_000);
});

describe('ReleaseView timeline', () => {
  it('draws each started environment as a bar with its text, and lists the others as not started', () => {
    const release = running();
    vi.useFakeTimers({ now: Date.parse(release.updatedAt!) });
    renderInUtc(<ReleaseView release={release} defaultTab="timeline" />);
    const rows = [...document.querySelectorAll<HTMLElement>('.gr-release-timeline__row')];
    expect(rows.map((row) => row.querySelector('.gr-release-timeline__name-text')!.textContent)).toEqual(['dev', 'qa', 'staging', 'production']);
    const [dev, qa, , production] = rows;
    expect(dev).toHaveAttribute('data-status', 'succeeded');
    expect(dev).toHaveTextContent(formatDuration(Date.parse(release.environments[0]!.finishedAt!) - Date.parse(release.environments[0]!.startedAt!)));
    expect(dev).toHaveTextContent(/Succeeded, started Nov 20, 2026, 9:53 AM, finished/);
    expect(qa).toHaveAttribute('data-running');
    expect(qa).toHaveTextContent('still running');
    expect(production).toHaveAttribute('data-not-started');
    expect(production).toHaveTextContent('not started');
    expect(production!.querySelector('.gr-release-timeline__bar')).toBeNull();
    // The axis has a few ticks; bars sit within it.
    const ticks = document.querySelectorAll('.gr-release-timeline__tick');
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.length).toBeLessThanOrEqual(7);
    const length = (row: HTMLElement) =>
      Number(row.querySelector<HTMLElement>('.gr-release-timeline__bar')!.style.getPropertyValue('--_gr-timeline-length'));
    const timeline = document.querySelector<HTMLElement>('.gr-release-timeline')!;
    const span = () => Number(timeline.style.getPropertyValue('--_gr-timeline-span'));
    const [qaLength, devLength, spanBefore] = [length(qa!), length(dev!), span()];
    act(() => vi.advanceTimersByTime(60_000));
    // A running bar reaches "now": it grows as time passes, and the axis with it; a finished one keeps its length.
    expect(length(qa!)).toBe(qaLength + 60);
    expect(span()).toBe(spanBefore + 60);
    expect(length(dev!)).toBe(devLength);
    expect(qa).toHaveTextContent(formatDuration((qaLength + 60) * 1000));
  });

  it('copes with missing and invalid dates (no axis, no endless loop)', () => {
    const release = sampleRelease({ shape: 'parallel', state: 'queued' });
    render(<ReleaseView release={{ ...release, createdAt: 'not a date' }} defaultTab="timeline" />);
    expect(within(screen.getByRole('tabpanel')).getAllByText('not started')).toHaveLength(4);
  });

  it('lists every environment as not started for a queued release', () => {
    render(<ReleaseView release={sampleRelease({ shape: 'parallel', state: 'queued' })} defaultTab="timeline" />);
    expect(within(screen.getByRole('tabpanel')).getAllByText('not started')).toHaveLength(4);
    expect(document.querySelector('.gr-release-timeline__axis')).toBeNull();
  });
});

describe('ReleaseView overrides', () => {
  it('takes className, style and classNames', () => {
    const { container } = render(
      <ReleaseView
        release={failed()}
        onRetry={() => {}}
        className="host-view"
        style={{ maxWidth: 900 }}
        classNames={{ root: 'r', header: 'h', banner: 'b', actions: 'a', tabList: 'tl', tab: 't', panel: 'p', graph: 'g' }}
      />,
    );
    const root = container.firstElementChild as HTMLElement;
    expect(root).toHaveClass('gr-release-view', 'gr-root', 'host-view', 'r');
    expect(root.style.maxWidth).toBe('900px');
    expect(root).toHaveAttribute('data-status', 'failed');
    expect(container.querySelector('.gr-release-header')).toHaveClass('h');
    expect(container.querySelector('.gr-release-view__banner')).toHaveClass('b');
    expect(container.querySelector('.gr-release-view__actions')).toHaveClass('a');
    expect(container.querySelector('.gr-release-view__tab-list')).toHaveClass('tl');
    expect(container.querySelector('.gr-release-view__tab')).toHaveClass('t');
    expect(container.querySelector('.gr-release-view__panel')).toHaveClass('p');
    expect(container.querySelector('.gr-release-view__graph-area')).toHaveClass('g');
  });

  it('does not add gr-root inside a provider', () => {
    const { container } = render(
      <ReleasesProvider colorMode="dark">
        <ReleaseView release={failed()} />
      </ReleasesProvider>,
    );
    expect(container.querySelector('.gr-release-view')).not.toHaveClass('gr-root');
    expect(container.querySelector('.gr-release-header')).not.toHaveClass('gr-root');
  });
});

describe('ReleaseView root', () => {
  it('forwards its ref to the root and passes id, data-* and aria-* through, its own state winning', () => {
    const ref = createRef<HTMLDivElement>();
    render(
      <ReleaseView
        ref={ref}
        release={succeeded()}
        id="release-42"
        data-testid="view"
        aria-describedby="help"
        data-state="forged"
        className="host"
        style={{ maxWidth: 900 }}
        classNames={{ root: 'host-root' }}
      />,
    );
    const root = screen.getByTestId('view');
    expectElementLikeRoot(root, ref, 'release-42');
    expect(root).toHaveAttribute('data-state', 'ready');
    expect(root).toHaveClass('gr-release-view', 'host', 'host-root');
    expect(root.style.maxWidth).toBe('900px');
  });

  it('centres the graph on defaultFocusEnvironment, and on the deprecated focusEnvironment still', () => {
    const { unmount } = render(<ReleaseView release={succeeded()} defaultFocusEnvironment="staging" />);
    expect(screen.getByTestId('graph')).toHaveAttribute('data-focus', 'staging');
    unmount();
    render(<ReleaseView release={succeeded()} focusEnvironment="qa" />);
    expect(screen.getByTestId('graph')).toHaveAttribute('data-focus', 'qa');
  });

  it('links the flow through getFlowHref(flow, release), as ReleasesTable does', () => {
    const release = succeeded();
    const getFlowHref = vi.fn((flow: string) => `/flows/${flow}`);
    render(<ReleaseView release={release} getFlowHref={getFlowHref} />);
    expect(getFlowHref).toHaveBeenCalledWith('parallel-flow', release);
    expect(screen.getByRole('link', { name: 'parallel-flow' })).toHaveAttribute('href', '/flows/parallel-flow');
  });
});

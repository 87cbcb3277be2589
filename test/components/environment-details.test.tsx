import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sampleRelease, type EnvironmentStep, type Release, type Status } from 'gitops-releases/headless';
import { EnvironmentDetails } from '../../src/components/EnvironmentDetails';
import { expectElementLikeRoot } from './root-element';
import { ReleasesProvider, type LinkRenderProps } from '../../src/components/provider';

function environmentOf(release: Release, status: Status): EnvironmentStep {
  const environment = release.environments.find((e) => e.status === status);
  if (!environment) throw new Error(`no ${status} environment in the sample`);
  return environment;
}

const failedRelease = sampleRelease({ shape: 'regions', state: 'failed' });
const failed = environmentOf(failedRelease, 'failed');
const runningRelease = sampleRelease({ shape: 'regions', state: 'running' });
const prRelease = sampleRelease({ shape: 'regions', state: 'suspended-pr' });
const HOSTILE = '<img src=x onerror=alert(1)>';

/** A small environment built by hand, so a test shows exactly what it relies on. */
function environment(overrides: Partial<EnvironmentStep> = {}): EnvironmentStep {
  return {
    name: 'qa',
    dependsOn: ['dev'],
    status: 'succeeded',
    startedAt: '2026-11-20T09:00:00.000Z',
    finishedAt: '2026-11-20T09:02:05.000Z',
    workflows: { trigger: [], preAction: [], postAction: [] },
    applications: [],
    issues: [],
    ...overrides,
  };
}

function panel(): HTMLElement {
  return document.querySelector<HTMLElement>('.gr-environment-details')!;
}

function steps(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('.gr-environment-details__workflow')];
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('EnvironmentDetails', () => {
  it('renders its sections from the data', () => {
    render(
      <ReleasesProvider timeZone="UTC">
        <EnvironmentDetails environment={failed} release={failedRelease} />
      </ReleasesProvider>,
    );
    const region = screen.getByRole('region', { name: 'production' });
    expect(region).toHaveAttribute('data-status', 'failed');
    expect(region).toHaveAttribute('data-kind', 'production');
    expect(screen.getByRole('heading', { level: 2, name: 'production' })).toBeInTheDocument();
    expect(screen.getByText('Production')).toBeInTheDocument();

    const header = document.querySelector<HTMLElement>('.gr-environment-details__header')!;
    expect(within(header).getByText('Failed')).toBeInTheDocument();
    expect(within(header).getByText('Started')).toBeInTheDocument();
    expect(within(header).getByText('5m 6s')).toBeInTheDocument();
    expect(within(header).getByText('Nov 20, 2026, 9:54 AM', { exact: false })).toBeInTheDocument();

    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['Issues (1)', 'Pre-Action Workflow', 'Post-Action Workflow', 'Applications (3)']);

    expect(screen.getByText('Workflow smoke-tests-v9tf5 failed: exit code 1')).toBeInTheDocument();
    expect(steps().map((s) => s.querySelector('.gr-environment-details__step-name')!.textContent)).toEqual([
      'approval',
      'load-test',
      'smoke-tests',
    ]);
    expect(within(steps()[2]!).getByText('3 runs, 1 failed')).toBeInTheDocument();
    // Words stay apart in the summary's text (its accessible name), hidden labels included.
    expect(steps()[0]!.querySelector('summary')!.textContent).toBe('approval Succeeded Started Nov 20, 2026, 9:54 AM took 1m 25s 3 runs');

    const table = screen.getByRole('table', { name: 'Applications in production' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Application',
      'Sync',
      'Health',
      'Promotion',
      'Version',
      'Commit',
      'Namespace',
    ]);
    const first = rows[1]!;
    expect(within(first).getByRole('rowheader')).toHaveTextContent('cart-api');
    expect(within(first).getByText('7dc5f4f')).toHaveAttribute('title', '7dc5f4f9a3fd8c73a3056113f80dd7bee94a2cba');
    expect(within(first).getByText('Synced')).toBeInTheDocument();
    expect(within(first).getByText('Healthy')).toBeInTheDocument();
    expect(within(first).getByText('Failed')).toBeInTheDocument();
    expect(within(first).getByText('checkout-production')).toBeInTheDocument();
  });

  it('is one landmark named by the environment; its sections are not landmarks', () => {
    render(<EnvironmentDetails environment={failed} />);
    expect(screen.getAllByRole('region')).toHaveLength(1);
    expect(screen.getByRole('region')).toHaveAccessibleName('production');
  });

  it('omits empty sections', () => {
    render(<EnvironmentDetails environment={environmentOf(runningRelease, 'running')} />);
    expect(screen.queryByRole('heading', { name: /^Issues/ })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Pull request' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Trigger Workflow' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Pre-Action Workflow' })).toBeInTheDocument();
    expect(screen.queryByText(/Nothing ran/)).toBeNull();
  });

  it('hides a subtitle that only repeats the badge, and shows one that says more', () => {
    const { unmount } = render(<EnvironmentDetails environment={failed} />);
    const header = () => document.querySelector<HTMLElement>('.gr-environment-details__header')!;
    expect(within(header()).getAllByText('Failed')).toHaveLength(1);
    unmount();
    render(<EnvironmentDetails environment={environmentOf(runningRelease, 'running')} />);
    expect(within(header()).getByText('Waiting For App To Sync')).toBeInTheDocument();
  });

  it('opens failed steps by default and leaves the others closed', () => {
    render(<EnvironmentDetails environment={failed} />);
    const byName = (name: string) => steps().find((s) => s.textContent!.includes(name))!.querySelector('details')!;
    expect(byName('smoke-tests').open).toBe(true);
    expect(byName('approval').open).toBe(false);
    expect(byName('load-test').open).toBe(false);
  });

  it('keeps the reader toggling a step open or closed', async () => {
    const user = userEvent.setup();
    render(<EnvironmentDetails environment={failed} />);
    const approval = steps()[0]!.querySelector('details')!;
    await user.click(within(approval).getByText('approval'));
    expect(approval.open).toBe(true);
    expect(within(approval).getByRole('link', { name: 'approval-1r58p' })).toBeInTheDocument();
    const smoke = steps()[2]!.querySelector('details')!;
    await user.click(within(smoke).getByText('smoke-tests'));
    expect(smoke.open).toBe(false);
  });

  it('opens, marks and scrolls to the selected workflow step', () => {
    const scrollIntoView = vi.fn();
    Element.prototype.scrollIntoView = scrollIntoView;
    try {
      const { rerender } = render(
        <EnvironmentDetails environment={failed} selectedWorkflowStep={{ section: 'postAction', name: 'load-test' }} />,
      );
      const loadTest = steps()[1]!;
      expect(loadTest).toHaveAttribute('data-selected');
      expect(loadTest).toHaveAttribute('aria-current', 'true');
      expect(loadTest.querySelector('details')!.open).toBe(true);
      expect(scrollIntoView).toHaveBeenCalledTimes(1);
      expect(scrollIntoView.mock.contexts[0]).toBe(loadTest);

      // Another selection opens that step too; the same name in another list is not it.
      rerender(<EnvironmentDetails environment={failed} selectedWorkflowStep={{ section: 'preAction', name: 'approval' }} />);
      expect(steps()[0]).toHaveAttribute('data-selected');
      expect(steps()[0]!.querySelector('details')!.open).toBe(true);
      expect(steps()[1]).not.toHaveAttribute('data-selected');
      rerender(<EnvironmentDetails environment={failed} selectedWorkflowStep={{ section: 'trigger', name: 'approval' }} />);
      expect(document.querySelector('[data-selected]')).toBeNull();
      // A WorkflowStepRef names its environment: this one's step is selected, another's is not.
      rerender(<EnvironmentDetails environment={failed} selectedWorkflowStep={{ environment: failed.name, section: 'preAction', name: 'approval' }} />);
      expect(steps()[0]).toHaveAttribute('data-selected');
      rerender(<EnvironmentDetails environment={failed} selectedWorkflowStep={{ environment: `${failed.name}-other`, section: 'preAction', name: 'approval' }} />);
      expect(document.querySelector('[data-selected]')).toBeNull();
    } finally {
      delete (Element.prototype as Partial<Element>).scrollIntoView;
    }
  });

  it('calls onClose from the Close button and from Escape inside the panel', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(
      <>
        <button type="button">outside</button>
        <EnvironmentDetails environment={failed} onClose={onClose} />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);

    screen.getByRole('link', { name: 'smoke-tests-v9tf5' }).focus();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(2);

    // Escape elsewhere on the page is not the panel's.
    screen.getByRole('button', { name: 'outside' }).focus();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('has no Close button without onClose, and ignores Escape then', () => {
    render(<EnvironmentDetails environment={failed} />);
    expect(screen.queryByRole('button', { name: 'Close' })).toBeNull();
    expect(() => fireEvent.keyDown(panel(), { key: 'Escape' })).not.toThrow();
  });

  it('links only safe URLs and renders the rest as text', () => {
    const env = environment({
      status: 'failed',
      applications: [
        { name: 'safe-app', sync: 'synced', health: 'healthy', url: 'https://argocd.example/applications/safe-app' },
        { name: 'js-app', sync: 'synced', health: 'degraded', url: 'javascript:alert(1)' },
        { name: 'data-app', sync: 'synced', health: 'healthy', url: 'data:text/html,<script>alert(1)</script>' },
        { name: 'relative-app', sync: 'synced', health: 'healthy', url: '/applications/relative-app' },
      ],
      workflows: {
        trigger: [],
        preAction: [
          {
            name: 'tests',
            status: 'failed',
            runs: [
              { application: 'safe-app', workflow: 'tests-safe', status: 'failed', url: 'https://argo.example/wf/tests-safe' },
              { application: 'js-app', workflow: 'tests-js', status: 'failed', url: ' JavaScript:alert(1)' },
            ],
          },
        ],
        postAction: [],
      },
      issues: [
        { kind: 'application', level: 'error', message: 'js-app is Degraded', application: 'js-app' },
        { kind: 'application', level: 'error', message: 'safe-app is slow', application: 'safe-app' },
        { kind: 'git', level: 'warning', message: 'no application' },
      ],
      pullRequest: { id: '7', title: 'Promote', url: 'vbscript:msgbox(1)', state: 'open' },
    });
    render(<EnvironmentDetails environment={env} />);
    const hrefs = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs.sort()).toEqual([
      'https://argo.example/wf/tests-safe',
      'https://argocd.example/applications/safe-app',
      'https://argocd.example/applications/safe-app',
    ]);
    for (const a of document.querySelectorAll('a')) {
      expect(a).toHaveAttribute('target', '_blank');
      expect(a).toHaveAttribute('rel', 'noopener noreferrer');
    }
    // Unsafe ones stay readable as text.
    for (const text of ['js-app', 'data-app', 'relative-app', 'tests-js', 'Promote']) {
      expect(screen.getAllByText(text).length).toBeGreaterThan(0);
    }
    // "View application" only where the application has a safe link.
    expect(screen.getAllByRole('link', { name: /View application/ })).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'View application safe-app' })).toBeInTheDocument();
  });

  it('uses the host href mappings instead of the source URLs', () => {
    const getApplicationHref = vi.fn((app: { name: string }, env: EnvironmentStep) => `https://portal.example/${env.name}/${app.name}`);
    const getWorkflowHref = vi.fn((run: { workflow: string }) => (run.workflow.startsWith('approval') ? undefined : `https://portal.example/wf/${run.workflow}`));
    render(<EnvironmentDetails environment={failed} getApplicationHref={getApplicationHref} getWorkflowHref={getWorkflowHref} />);
    expect(screen.getByRole('link', { name: 'cart-api' })).toHaveAttribute('href', 'https://portal.example/production/cart-api');
    // In-app links: no new tab.
    expect(screen.getByRole('link', { name: 'cart-api' })).not.toHaveAttribute('target');
    expect(screen.getByRole('link', { name: 'smoke-tests-v9tf5' })).toHaveAttribute('href', 'https://portal.example/wf/smoke-tests-v9tf5');
    expect(getApplicationHref).toHaveBeenCalledWith(failed.applications[0], failed);
    // A mapping that returns undefined means no link, not the source URL.
    expect(document.querySelector('a[href*="approval"]')).toBeNull();
  });

  it('renders every link through the provider renderLink', () => {
    const renderLink = vi.fn(({ href, className, children }: LinkRenderProps) => (
      <a href={href} className={className} data-router-link="">
        {children}
      </a>
    ));
    render(
      <ReleasesProvider renderLink={renderLink}>
        <EnvironmentDetails environment={environmentOf(prRelease, 'suspended')} />
      </ReleasesProvider>,
    );
    const links = [...document.querySelectorAll('a')];
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) expect(link).toHaveAttribute('data-router-link');
    expect(renderLink).toHaveBeenCalledWith(
      expect.objectContaining({ href: 'https://github.com/acme/checkout-gitops/pull/357', external: true }),
    );
  });

  it.each([2, 3, 4] as const)('puts the name at heading level %i and its sections one below', (level) => {
    render(<EnvironmentDetails environment={failed} headingLevel={level} />);
    expect(screen.getByRole('heading', { level, name: 'production' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: level + 1, name: 'Issues (1)' })).toBeInTheDocument();
    expect(panel()).toHaveAttribute('aria-labelledby', screen.getByRole('heading', { level }).id);
  });

  it('falls back to level 2 for a level outside 2-4', () => {
    render(<EnvironmentDetails environment={failed} headingLevel={7 as never} />);
    expect(screen.getByRole('heading', { level: 2, name: 'production' })).toBeInTheDocument();
  });

  it('keeps hostile text as text', () => {
    const env = environment({
      name: `prod ${HOSTILE}`,
      status: 'failed',
      statusText: `<b>bold</b> ${HOSTILE}`,
      applications: [{ name: HOSTILE, namespace: HOSTILE, version: HOSTILE, commitSha: HOSTILE, sync: 'synced', health: 'healthy' }],
      issues: [{ kind: 'workflow', level: 'error', message: `<script>alert(1)</script>${HOSTILE}`, workflow: HOSTILE }],
      workflows: {
        trigger: [{ name: HOSTILE, template: HOSTILE, status: 'failed', runs: [{ application: HOSTILE, workflow: HOSTILE, status: 'failed' }] }],
        preAction: [],
        postAction: [],
      },
      pullRequest: { id: HOSTILE, title: HOSTILE, state: 'open', repo: HOSTILE, author: { name: HOSTILE } },
    });
    render(<EnvironmentDetails environment={env} />);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(`prod ${HOSTILE}`);
    expect(screen.getByText(`<b>bold</b> ${HOSTILE}`)).toBeInTheDocument();
    expect(screen.getByText(`<script>alert(1)</script>${HOSTILE}`)).toBeInTheDocument();
    expect(document.querySelector('img, script, b')).toBeNull();
    expect(panel().innerHTML).not.toContain('<img');
  });

  it('orders issues errors first, keeping the source order within a level', () => {
    const env = environment({
      status: 'failed',
      issues: [
        { kind: 'git', level: 'warning', message: 'w1' },
        { kind: 'application', level: 'error', message: 'e1' },
        { kind: 'git', level: 'warning', message: 'w2' },
        { kind: 'workflow', level: 'error', message: 'e2' },
      ],
    });
    render(<EnvironmentDetails environment={env} />);
    const cards = [...document.querySelectorAll<HTMLElement>('.gr-environment-details__issue')];
    expect(cards.map((c) => c.querySelector('.gr-environment-details__issue-message')!.textContent)).toEqual(['e1', 'e2', 'w1', 'w2']);
    expect(cards.map((c) => c.dataset.level)).toEqual(['error', 'error', 'warning', 'warning']);
    expect(within(cards[0]!).getByText('Application')).toBeInTheDocument();
    expect(within(cards[0]!).getByText('Error')).toHaveAttribute('data-tone', 'error');
    expect(within(cards[2]!).getByText('Warning')).toHaveAttribute('data-tone', 'warning');
  });

  it('shows the pull request and the waiting-for-merge badge of a suspended environment', () => {
    const env = environmentOf(prRelease, 'suspended');
    render(<EnvironmentDetails environment={env} release={prRelease} />);
    const header = document.querySelector<HTMLElement>('.gr-environment-details__header')!;
    expect(header.querySelector('.gr-status-badge')).toHaveAttribute('data-waiting-for', 'pull-request');
    expect(within(header).getByText('Waiting for PR merge')).toBeInTheDocument();
    const pr = document.querySelector<HTMLElement>('.gr-environment-details__section[data-section="pull-request"]')!;
    expect(within(pr).getByRole('heading', { level: 3 })).toHaveTextContent('Pull request');
    expect(within(pr).getByRole('link', { name: env.pullRequest!.title })).toHaveAttribute('href', env.pullRequest!.url);
    expect(within(pr).getByText('Open')).toBeInTheDocument();
    expect(within(pr).getByText('acme/checkout-gitops')).toBeInTheDocument();
    expect(within(pr).getByText(/by promotion-bot$/)).toBeInTheDocument();
  });

  it('shows a merged pull request without the waiting badge', () => {
    const env = environmentOf(prRelease, 'suspended');
    render(<EnvironmentDetails environment={{ ...env, pullRequest: { ...env.pullRequest!, state: 'merged' } }} />);
    expect(document.querySelector('[data-waiting-for]')).toBeNull();
    expect(screen.getByText('Merged')).toHaveAttribute('data-tone', 'merged');
  });

  it('marks the trigger environment and production', () => {
    const dev = runningRelease.environments.find((e) => e.name === runningRelease.trigger.environment)!;
    render(<EnvironmentDetails environment={dev} release={runningRelease} />);
    expect(panel()).toHaveAttribute('data-trigger');
    expect(screen.getByText('Trigger')).toBeInTheDocument();
    expect(screen.queryByText('Production')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Trigger Workflow' })).toBeInTheDocument();
  });

  it('says nothing ran in a pending environment, and still lists what will run', () => {
    render(<EnvironmentDetails environment={environmentOf(runningRelease, 'pending')} release={runningRelease} />);
    expect(screen.getByText('Nothing ran in this environment yet.')).toBeInTheDocument();
    expect(screen.queryByText('Started')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Pre-Action Workflow' })).toBeInTheDocument();
  });

  it('says only the message for an environment with nothing at all', () => {
    render(<EnvironmentDetails environment={environment({ status: 'pending', startedAt: undefined, finishedAt: undefined })} />);
    expect(screen.getByRole('status')).toHaveTextContent('Nothing ran in this environment yet.');
    expect(screen.queryAllByRole('heading', { level: 3 })).toHaveLength(0);
  });

  it('does not say "yet" when the release ended before reaching the environment', () => {
    const terminated = sampleRelease({ shape: 'regions', state: 'terminated' });
    render(<EnvironmentDetails environment={environmentOf(terminated, 'pending')} release={terminated} />);
    expect(screen.getByText('Nothing ran in this environment.')).toBeInTheDocument();
    expect(screen.getByText('The release ended (Terminated) before it reached this environment.')).toBeInTheDocument();
  });

  it('shows a busy placeholder while loading', () => {
    render(<EnvironmentDetails environment={failed} loading />);
    expect(panel()).toHaveAttribute('aria-busy', 'true');
    expect(panel()).toHaveAttribute('data-loading');
    expect(screen.getByRole('heading', { level: 2, name: 'production' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Loading environment details');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByText(/Issues/)).toBeNull();
  });

  it('ticks the duration while the environment runs', () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-11-20T10:00:00.000Z'));
    const env = environment({ status: 'running', startedAt: '2026-11-20T09:58:55.000Z', finishedAt: undefined });
    render(<EnvironmentDetails environment={env} />);
    const duration = () => document.querySelector('.gr-environment-details__times dd[data-running]')!.textContent;
    expect(duration()).toBe('1m 5s');
    act(() => vi.advanceTimersByTime(3000));
    expect(duration()).toBe('1m 8s');
  });

  it('applies className, style and classNames to their parts', () => {
    render(
      <EnvironmentDetails
        environment={failed}
        className="host-panel"
        style={{ maxHeight: 300 }}
        classNames={{ root: 'r', header: 'h', section: 's', issue: 'i', application: 'a', workflow: 'w' }}
      />,
    );
    expect(panel()).toHaveClass('gr-environment-details', 'host-panel', 'r', 'gr-root');
    expect(panel().style.maxHeight).toBe('300px');
    expect(document.querySelector('.gr-environment-details__header')).toHaveClass('h');
    expect(document.querySelectorAll('.gr-environment-details__section.s')).toHaveLength(4);
    expect(document.querySelectorAll('.gr-environment-details__issue.i')).toHaveLength(1);
    expect(document.querySelectorAll('.gr-environment-details__application.a')).toHaveLength(3);
    expect(document.querySelectorAll('.gr-environment-details__workflow.w')).toHaveLength(3);
  });

  it('carries gr-root only without a provider', () => {
    render(
      <ReleasesProvider colorMode="dark">
        <EnvironmentDetails environment={failed} />
      </ReleasesProvider>,
    );
    expect(panel()).not.toHaveClass('gr-root');
  });

  it('renders malformed data without taking the page down', () => {
    const broken = { name: 'broken', status: 'bogus', dependsOn: [] } as unknown as EnvironmentStep;
    render(<EnvironmentDetails environment={broken} />);
    expect(screen.getByRole('heading', { level: 2, name: 'broken' })).toBeInTheDocument();
    expect(document.querySelector('.gr-environment-details__header .gr-status-badge')).toHaveAttribute('data-status', 'unknown');
  });
});

describe('EnvironmentDetails root', () => {
  it('forwards its ref to the root and passes id, data-* and aria-* through, its own labelling winning', () => {
    const ref = { current: null as HTMLElement | null };
    render(
      <EnvironmentDetails
        ref={ref}
        environment={failed}
        id="env-panel"
        data-testid="panel"
        aria-labelledby="forged"
        aria-describedby="help"
        classNames={{ root: 'host-root' }}
      />,
    );
    const root = screen.getByTestId('panel');
    expectElementLikeRoot(root, ref, 'env-panel');
    expect(root.getAttribute('aria-labelledby')).not.toBe('forged');
    expect(root).toHaveClass('gr-environment-details', 'host-root');
  });
});

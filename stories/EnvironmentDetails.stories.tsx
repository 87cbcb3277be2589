// Temporary: the integrator moves this stylesheet into src/styles/index.css and drops the import.
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import {
  sampleRelease,
  type ApplicationState,
  type EnvironmentStep,
  type Issue,
  type Release,
  type Status,
  type WorkflowStep,
} from 'gitops-releases/headless';
import { EnvironmentDetails } from '../src/components/EnvironmentDetails';
import { ReleasesProvider, type LinkRenderProps } from '../src/components/provider';

/** The first environment of a release in `status`; stories fail loudly if the sample changes. */
function environmentOf(release: Release, status: Status): EnvironmentStep {
  const environment = release.environments.find((e) => e.status === status);
  if (!environment) throw new Error(`sample release ${release.id} has no ${status} environment`);
  return environment;
}

// A running release seen right now, so its ticking duration reads like a live one (minutes, not days).
const running = sampleRelease({ shape: 'regions', state: 'running', now: new Date().toISOString() });
const failed = sampleRelease({ shape: 'regions', state: 'failed' });
const suspended = sampleRelease({ shape: 'regions', state: 'suspended-pr', now: new Date().toISOString() });
const terminated = sampleRelease({ shape: 'regions', state: 'terminated' });
const longNames = sampleRelease({ shape: 'regions', state: 'failed', longNames: true });

/** The panel as a host shows it: a drawer 320-480px wide with a limited height, so it scrolls. */
function Drawer({ children, width = 480 }: { children: React.ReactNode; width?: number }) {
  return (
    <div
      data-testid="drawer"
      style={{
        width,
        maxWidth: '100%',
        height: 'min(760px, calc(100vh - 2rem))',
        border: '1px solid var(--gr-border, var(--gr-border-default))',
        borderRadius: 'var(--gr-radius, var(--gr-radius-default))',
        overflow: 'hidden',
      }}
    >
      {children}
    </div>
  );
}

const meta = {
  title: 'Components/EnvironmentDetails',
  component: EnvironmentDetails,
  decorators: [
    (Story, { parameters }) => (
      <Drawer width={(parameters.drawerWidth as number | undefined) ?? 480}>
        <Story />
      </Drawer>
    ),
  ],
  args: {
    environment: environmentOf(failed, 'failed'),
    release: failed,
    headingLevel: 2,
    loading: false,
    onClose: fn(),
  },
  argTypes: {
    environment: { control: false },
    release: { control: false },
    headingLevel: { control: 'inline-radio', options: [2, 3, 4] },
  },
} satisfies Meta<typeof EnvironmentDetails>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The environment the release is promoting right now: its duration ticks, apps still syncing. */
export const Running: Story = {
  args: { environment: environmentOf(running, 'running'), release: running },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const panel = canvas.getByRole('region', { name: args.environment.name });
    await expect(panel).toHaveAttribute('data-status', 'running');
    const header = canvasElement.querySelector<HTMLElement>('.gr-environment-details__header')!;
    await expect(within(header).getByText('Running')).toBeVisible();
    await expect(canvas.getByText('Waiting For App To Sync')).toBeVisible();
    await expect(canvas.getByText('Production')).toBeVisible();
    await expect(canvas.getByText('Duration')).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Pre-Action Workflow' })).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Post-Action Workflow' })).toBeVisible();
    await expect(canvas.queryByRole('heading', { name: 'Trigger Workflow' })).toBeNull();
    const table = canvas.getByRole('table', { name: `Applications in ${args.environment.name}` });
    await expect(within(table).getAllByRole('row')).toHaveLength(args.environment.applications.length + 1);
    await expect(within(table).getAllByText('Syncing').length).toBeGreaterThan(0);
    // Nothing failed, so every step is closed.
    for (const details of canvasElement.querySelectorAll('details')) await expect(details.open).toBe(false);
  },
};

/** A failed environment: its issue first, the failed step open on its failing run. */
export const Failed: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 2, name: 'production' })).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Issues (1)' })).toBeVisible();
    const issue = canvasElement.querySelector<HTMLElement>('.gr-environment-details__issue')!;
    await expect(issue).toHaveTextContent('Workflow smoke-tests-v9tf5 failed: exit code 1');
    await expect(within(issue).getByText('Error')).toBeVisible();
    await expect(within(issue).getByRole('link', { name: /View application/ })).toHaveAttribute(
      'href',
      'https://argocd.acme.dev/applications/argocd/cart-api',
    );
    // The failed step is open, the succeeded ones are not.
    const failedStep = canvasElement.querySelector<HTMLElement>('.gr-environment-details__workflow[data-status="failed"]')!;
    await expect(failedStep.querySelector('details')!.open).toBe(true);
    await expect(within(failedStep).getByRole('link', { name: 'smoke-tests-v9tf5' })).toBeVisible();
    const succeeded = canvasElement.querySelectorAll<HTMLDetailsElement>('.gr-environment-details__workflow[data-status="succeeded"] details');
    for (const details of succeeded) await expect(details.open).toBe(false);

    // Opening a step shows its runs.
    await userEvent.click(canvas.getByText('approval'));
    await expect(canvas.getByRole('link', { name: 'approval-1r58p' })).toBeVisible();

    // Close button and Escape both call onClose.
    await userEvent.click(canvas.getByRole('button', { name: 'Close' }));
    await expect(args.onClose).toHaveBeenCalledTimes(1);
    canvas.getByRole('link', { name: 'approval-1r58p' }).focus();
    await userEvent.keyboard('{Escape}');
    await expect(args.onClose).toHaveBeenCalledTimes(2);
  },
};

/** Waiting for its pull request to be merged: the PR glyph and label, and the pull request. */
export const SuspendedPullRequest: Story = {
  args: { environment: environmentOf(suspended, 'suspended'), release: suspended },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const pr = args.environment.pullRequest!;
    await expect(canvas.getByText('Waiting for PR merge')).toBeVisible();
    const badge = canvasElement.querySelector('.gr-environment-details__header .gr-status-badge');
    await expect(badge).toHaveAttribute('data-waiting-for', 'pull-request');
    await expect(canvas.getByRole('heading', { name: 'Pull request' })).toBeVisible();
    await expect(canvas.getByRole('link', { name: pr.title })).toHaveAttribute('href', pr.url);
    await expect(canvas.getByText('Open')).toBeVisible();
    await expect(canvas.getByText(pr.repo!)).toBeVisible();
    // One sentence, "in {repository} by {author}", so translations can reorder it.
    await expect(canvas.getByText((_, element) => element?.tagName === 'SPAN' && element.textContent === `in ${pr.repo!} by ${pr.author!.name}`)).toBeVisible();
  },
};

/** Stopped by a user mid-promotion. */
export const Terminated: Story = {
  args: { environment: environmentOf(terminated, 'terminated'), release: terminated },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const header = canvasElement.querySelector<HTMLElement>('.gr-environment-details__header')!;
    await expect(within(header).getByText('Terminated')).toBeVisible();
    // The badge already says "Terminated": the identical subtitle is not repeated.
    await expect(within(header).getAllByText('Terminated')).toHaveLength(1);
    await expect(canvas.getAllByText('Terminated').length).toBeGreaterThan(1);
    await expect(canvas.getByText('Duration')).toBeVisible();
  },
};

/** Not reached yet: says so, then shows what will run and the applications as they are. */
export const Pending: Story = {
  args: { environment: environmentOf(running, 'pending'), release: running, onClose: undefined },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Nothing ran in this environment yet.')).toBeVisible();
    await expect(canvas.queryByText('Started')).toBeNull();
    await expect(canvas.queryByText('Duration')).toBeNull();
    await expect(canvas.queryByRole('button', { name: 'Close' })).toBeNull();
    await expect(canvas.queryByRole('heading', { name: /^Issues/ })).toBeNull();
  },
};

/** Details still being fetched: the name, then a placeholder marked busy. */
export const Loading: Story = {
  args: { environment: environmentOf(running, 'pending'), release: running, loading: true },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const panel = canvas.getByRole('region', { name: args.environment.name });
    await expect(panel).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.getByRole('status')).toHaveTextContent('Loading environment details');
    await expect(canvas.queryByRole('table')).toBeNull();
  },
};

/** 60+ character names wrap instead of overflowing a 320px drawer. */
export const LongNames: Story = {
  parameters: { drawerWidth: 320 },
  args: { environment: environmentOf(longNames, 'failed'), release: longNames },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const heading = canvas.getByRole('heading', { level: 2, name: args.environment.name });
    await expect(heading).toBeVisible();
    const panel = canvasElement.querySelector<HTMLElement>('.gr-environment-details')!;
    // Nothing pushes the panel wider than its drawer (the table scrolls in its own box).
    await expect(panel.scrollWidth).toBeLessThanOrEqual(panel.clientWidth);
    await expect(heading.getBoundingClientRect().width).toBeLessThanOrEqual(panel.clientWidth);
  },
};

/** The failed environment in dark mode. */
export const Dark: Story = {
  globals: { colorMode: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('.gr-root')).toHaveAttribute('data-color-mode', 'dark');
    const panel = canvasElement.querySelector<HTMLElement>('.gr-environment-details')!;
    // The panel paints the dark surface token (#0d1117).
    await expect(getComputedStyle(panel).backgroundColor).toBe('rgb(13, 17, 23)');
    await expect(within(panel).getByRole('heading', { name: 'Issues (1)' })).toBeVisible();
  },
};

/** Every link goes through the host's router link (the provider's `renderLink`). */
export const WithRouterLinks: Story = {
  render: (args) => (
    <ReleasesProvider
      renderLink={({ href, className, title, children }: LinkRenderProps) => (
        <a href={href} className={className} title={title} data-router-link="">
          {children}
        </a>
      )}
      style={{ height: '100%' }}
    >
      <EnvironmentDetails {...args} getApplicationHref={(app) => `https://portal.acme.dev/apps/${encodeURIComponent(app.name)}`} />
    </ReleasesProvider>
  ),
  play: async ({ canvasElement }) => {
    const links = [...canvasElement.querySelectorAll('a')];
    await expect(links.length).toBeGreaterThan(3);
    for (const link of links) await expect(link).toHaveAttribute('data-router-link');
    await expect(within(canvasElement).getByRole('link', { name: 'cart-api' })).toHaveAttribute(
      'href',
      'https://portal.acme.dev/apps/cart-api',
    );
  },
};

const HOSTILE = '<img src=x onerror=alert(1)>';
const hostile: EnvironmentStep = {
  name: `prod ${HOSTILE}`,
  kind: 'production',
  dependsOn: [],
  status: 'failed',
  statusText: `Failed ${HOSTILE}`,
  startedAt: '2026-11-20T09:00:00.000Z',
  finishedAt: '2026-11-20T09:05:00.000Z',
  workflows: {
    trigger: [],
    preAction: [
      {
        name: `smoke ${HOSTILE}`,
        template: HOSTILE,
        status: 'failed',
        startedAt: '2026-11-20T09:00:00.000Z',
        finishedAt: '2026-11-20T09:01:00.000Z',
        runs: [{ application: HOSTILE, workflow: `wf ${HOSTILE}`, status: 'failed', url: 'javascript:alert(1)' }],
      },
    ],
    postAction: [],
  },
  applications: [
    { name: HOSTILE, namespace: HOSTILE, version: HOSTILE, commitSha: HOSTILE, sync: 'synced', health: 'degraded', url: 'javascript:alert(1)' },
  ],
  issues: [{ kind: 'application', level: 'error', message: `Broken ${HOSTILE}`, application: HOSTILE, at: '2026-11-20T09:05:00.000Z' }],
  pullRequest: { id: '1', title: `PR ${HOSTILE}`, url: 'javascript:alert(1)', state: 'open', repo: HOSTILE, author: { name: HOSTILE } },
};

/** Markup and `javascript:` URLs in the data stay text: no element, no link. */
export const HostileData: Story = {
  args: { environment: hostile, release: undefined },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 2, name: `prod ${HOSTILE}` })).toBeVisible();
    await expect(canvas.getByText(`Broken ${HOSTILE}`)).toBeVisible();
    await expect(canvas.getByText(`PR ${HOSTILE}`)).toBeVisible();
    await expect(canvasElement.querySelector('img')).toBeNull();
    await expect(canvasElement.querySelector('a[href^="javascript"]')).toBeNull();
    await expect(canvasElement.querySelectorAll('a')).toHaveLength(0);
    // No "View application" for an application whose only link is unsafe.
    await expect(canvas.queryByText('View application')).toBeNull();
  },
};

const STATUSES_CYCLE: Status[] = ['succeeded', 'succeeded', 'running', 'failed', 'pending'];

/** 40 applications and 10 workflow steps of 40 runs each. */
function hugeEnvironment(): EnvironmentStep {
  const apps: ApplicationState[] = Array.from({ length: 40 }, (_, i) => ({
    name: `service-${String(i + 1).padStart(2, '0')}`,
    namespace: 'payments-production',
    version: `2.${i % 7}.${i % 3}`,
    commitSha: `${(0x1a2b3c4 + i * 7919).toString(16)}deadbeefcafe`,
    sync: i % 9 === 0 ? 'out-of-sync' : i % 5 === 0 ? 'syncing' : 'synced',
    health: i % 11 === 0 ? 'degraded' : i % 5 === 0 ? 'progressing' : 'healthy',
    promotion: i % 11 === 0 ? 'failed' : i % 5 === 0 ? 'running' : 'succeeded',
    url: `https://argocd.acme.dev/applications/argocd/service-${i + 1}`,
  }));
  const step = (name: string, index: number): WorkflowStep => {
    const status = STATUSES_CYCLE[index % STATUSES_CYCLE.length]!;
    return {
      name,
      template: `${name}-template`,
      status,
      startedAt: status === 'pending' ? undefined : `2026-11-20T09:${String(10 + index * 3).padStart(2, '0')}:00.000Z`,
      finishedAt: status === 'pending' || status === 'running' ? undefined : `2026-11-20T09:${String(12 + index * 3).padStart(2, '0')}:30.000Z`,
      runs: apps.map((app, i) => ({
        application: app.name,
        workflow: `${name}-${(i * 4099 + index * 31).toString(36).padStart(5, 'x')}`,
        status: status === 'failed' && i % 11 === 0 ? 'failed' : status === 'failed' ? 'succeeded' : status,
        url: `https://argo-workflows.acme.dev/workflows/payments/${name}-${i}`,
      })),
    };
  };
  return {
    name: 'payments-production',
    kind: 'production',
    dependsOn: ['payments-staging'],
    status: 'failed',
    statusText: 'Post-action workflow failed',
    startedAt: '2026-11-20T09:10:00.000Z',
    finishedAt: '2026-11-20T09:45:00.000Z',
    workflows: {
      trigger: [],
      preAction: ['lint', 'unit-tests', 'integration-tests', 'security-scan', 'approval'].map(step),
      postAction: ['smoke-tests', 'load-test', 'canary-analysis', 'notify-slack', 'update-status'].map((n, i) => step(n, i + 5)),
    },
    applications: apps,
    // The warning comes first in the data: the panel puts errors before it.
    issues: [
      { kind: 'application', level: 'warning', message: 'Application service-10 is OutOfSync', application: 'service-10', at: '2026-11-20T09:40:00.000Z' },
      ...apps
        .filter((app) => app.health === 'degraded')
        .map((app): Issue => ({ kind: 'application', level: 'error', message: `Application ${app.name} is Degraded`, application: app.name, at: '2026-11-20T09:45:00.000Z' })),
    ],
  };
}

export const Huge: Story = {
  args: { environment: hugeEnvironment(), release: undefined, selectedWorkflowStep: { section: 'postAction', name: 'notify-slack' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Applications (40)' })).toBeVisible();
    await expect(canvasElement.querySelectorAll('.gr-environment-details__application')).toHaveLength(40);
    await expect(canvasElement.querySelectorAll('.gr-environment-details__workflow')).toHaveLength(10);
    await expect(canvasElement.querySelectorAll('.gr-environment-details__run')).toHaveLength(400);
    // Errors come before the warning.
    const levels = [...canvasElement.querySelectorAll<HTMLElement>('.gr-environment-details__issue')].map((el) => el.dataset.level);
    await expect(levels.at(-1)).toBe('warning');
    await expect(levels.indexOf('warning')).toBe(levels.length - 1);
    // The selected step is open, marked and scrolled into the panel's view.
    const selected = canvasElement.querySelector<HTMLElement>('.gr-environment-details__workflow[data-selected]')!;
    await expect(selected).toHaveTextContent('notify-slack');
    await expect(selected.querySelector('details')!.open).toBe(true);
    const panel = canvasElement.querySelector<HTMLElement>('.gr-environment-details')!;
    await expect(panel.scrollTop).toBeGreaterThan(0);
    const box = selected.getBoundingClientRect();
    const view = panel.getBoundingClientRect();
    await expect(box.top).toBeLessThan(view.bottom);
    await expect(box.bottom).toBeGreaterThan(view.top);
  },
};

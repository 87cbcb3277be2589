import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { computeDeliveryMetrics, sampleReleaseHistory, type Release } from 'gitops-releases/headless';
import { ReleaseInsights } from '../src';

/** The clock every story measures at, so the numbers are the same on every run. */
const NOW = '2026-11-20T10:00:00.000Z';

/**
 * 180 days of a team's releases, so the widest window (90 days) has one before it to compare with:
 * a healthy team deploys several times a day and recovers within hours, a struggling one deploys
 * every day or two, fails about a third of the time and recovers in days.
 */
const team = (team: 'healthy' | 'struggling', seed = 4) => sampleReleaseHistory({ team, days: 180, seed, shape: 'regions', now: NOW });

const HEALTHY = team('healthy');
const STRUGGLING = team('struggling', 9);
/** Thousands of releases: the sample's plain pace, a few hours apart, over two years and more. */
const HUGE = sampleReleaseHistory({ count: 5000, seed: 2, shape: 'regions', now: NOW });

/** The same history with every environment's name long, as some platforms name them. */
const LONG: Release[] = HEALTHY.map((release) => ({
  ...release,
  environments: release.environments.map((environment) => ({
    ...environment,
    name: `${environment.name}-cluster-eu-central-1-${'x'.repeat(40)}`,
    dependsOn: environment.dependsOn.map((name) => `${name}-cluster-eu-central-1-${'x'.repeat(40)}`),
  })),
}));

const getReleaseHref = (release: Release) => `/products/${encodeURIComponent(release.product)}/releases/${encodeURIComponent(release.id)}`;

const meta = {
  title: 'Components/ReleaseInsights',
  component: ReleaseInsights,
  args: { releases: HEALTHY, now: NOW, getReleaseHref, onDaysChange: fn() },
  argTypes: { releases: { control: false }, metrics: { control: false }, error: { control: false }, environment: { control: false } },
} satisfies Meta<typeof ReleaseInsights>;
export default meta;
type Story = StoryObj<typeof meta>;

const tile = (root: HTMLElement, name: string) => within(root).getByRole('region', { name });
const valueOf = (root: HTMLElement, name: string) => tile(root, name).querySelector('.gr-release-insights__value')!.textContent;

/**
 * 90 days of a team that ships several times a day: the four keys with their change against the
 * previous window, the value stream, environments, failing steps and failed deployments.
 */
export const HealthyTeam: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(valueOf(canvasElement, 'Deployment frequency')).toMatch(/per day$/);
    await expect(canvas.getAllByRole('img').length).toBe(5);
    for (const chart of canvas.getAllByRole('img')) await expect(chart.getAttribute('aria-label')).toMatch(/over the last 30 days: from .* on average$|^From first commit to production/);

    // "Show as table" shows the sparkline's numbers, a row per day (the window's first and last
    // days cut by the clock).
    const frequency = tile(canvasElement, 'Deployment frequency');
    await userEvent.click(within(frequency).getByRole('button', { name: /Show as table/ }));
    const days = (n: number) => computeDeliveryMetrics(HEALTHY, { now: NOW, days: n }).series;
    await expect(within(frequency).getAllByRole('row')).toHaveLength(days(30).length + 1);
    await expect(within(frequency).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(days(30).map((point) => String(point.deployments)));

    // A shorter window: other numbers.
    const before = within(frequency).getByRole('img').getAttribute('aria-label');
    await userEvent.click(canvas.getByRole('radio', { name: '7 days' }));
    await expect(args.onDaysChange).toHaveBeenCalledWith(7);
    await expect(within(frequency).getByRole('img').getAttribute('aria-label')).not.toBe(before);
    await expect(within(frequency).getAllByRole('row')).toHaveLength(days(7).length + 1);
  },
};

/** A team whose deployments often fail and recover slowly. */
export const StrugglingTeam: Story = {
  args: { releases: STRUGGLING, defaultDays: 90 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('radio', { name: '90 days' })).toBeChecked();
    // About a third of its deployments fail, and fewer than one a day go out.
    await expect(Number.parseFloat(valueOf(canvasElement, 'Change fail rate')!)).toBeGreaterThan(15);
    await expect(valueOf(canvasElement, 'Deployment frequency')).toMatch(/per week$/);
    await expect(canvas.getByRole('region', { name: 'Failing steps' }).querySelectorAll('tbody tr').length).toBeGreaterThan(0);
    const failed = canvas.getByRole('region', { name: 'Failed deployments' });
    const links = within(failed).getAllByRole('link');
    await expect(links.length).toBeGreaterThan(0);
    await expect(links[0]).toHaveAttribute('href', expect.stringMatching(/^\/products\/checkout\/releases\//));
  },
};

/** No deployment in the window: says so, and the window can still be widened. */
export const Empty: Story = {
  args: { releases: [] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('No deployments in the last 30 days');
    await userEvent.click(canvas.getByRole('radio', { name: '90 days' }));
    await expect(canvas.getByRole('status')).toHaveTextContent('No deployments in the last 90 days');
  },
};

export const Loading: Story = {
  args: { releases: undefined, loading: true },
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector('.gr-release-insights')!;
    await expect(root).toHaveAttribute('aria-busy', 'true');
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Loading delivery metrics');
  },
};

export const Error: Story = {
  args: { releases: undefined, error: new globalThis.Error('GET /api/products/checkout/releases: 503 Service Unavailable') },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('503 Service Unavailable');
  },
};

export const BadData: Story = {
  args: { releases: [{ id: 42 }] as never },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('Could not measure the releases');
  },
};

export const Dark: Story = {
  globals: { colorMode: 'dark' },
  play: async ({ canvasElement }) => {
    const worse = canvasElement.querySelector('[data-verdict="worse"], [data-verdict="better"]');
    await expect(worse).toBeVisible();
    await expect(within(canvasElement).getByRole('region', { name: 'Value stream' })).toBeVisible();
  },
};

/** Environment names of 70 characters: tables wrap them, the legend cuts them with their full name on hover. */
export const LongNames: Story = {
  args: { releases: LONG },
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector<HTMLElement>('.gr-release-insights')!;
    await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth + 1);
    await expect(within(canvasElement).getByRole('region', { name: 'Environments' })).toHaveTextContent('production-cluster-eu-central-1-');
  },
};

/** 5,000 releases: measured once per window, the view stays as small as with 50. */
export const Huge: Story = {
  args: { releases: HUGE, defaultDays: 90 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(tile(canvasElement, 'Deployment frequency')).toHaveTextContent(/\d[\d,]* deployments/);
    await userEvent.click(canvas.getByRole('radio', { name: '7 days' }));
    await expect(canvas.getByRole('radio', { name: '7 days' })).toBeChecked();
    await expect(valueOf(canvasElement, 'Deployment frequency')).toMatch(/per (day|week)$/);
  },
};

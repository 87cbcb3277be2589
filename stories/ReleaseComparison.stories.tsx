import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { sampleRelease, type Release } from 'gitops-releases/headless';
import { ReleaseComparison } from '../src';

// Two releases of one product, with full notes: 1.25.1, then 1.25.2 an hour later, which failed in
// some environments.
const newer = sampleRelease({ shape: 'regions', state: 'failed', seed: 2 });
const older: Release = { ...sampleRelease({ shape: 'regions', state: 'succeeded', seed: 1 }), createdAt: new Date(Date.parse(newer.createdAt) - 3_600_000).toISOString() };
/** A release created between the two, whose changes a promotion to the newer brings too. */
const between: Release = { ...sampleRelease({ shape: 'regions', state: 'succeeded', seed: 3 }), createdAt: new Date(Date.parse(older.createdAt) + 60_000).toISOString() };

const meta = {
  title: 'Components/ReleaseComparison',
  component: ReleaseComparison,
  args: { older, newer, onError: fn() },
  argTypes: { older: { control: false }, newer: { control: false }, releases: { control: false }, comparison: { control: false }, error: { control: false } },
} satisfies Meta<typeof ReleaseComparison>;
export default meta;
type Story = StoryObj<typeof meta>;

const environmentRows = (root: HTMLElement) => within(within(root).getByRole('table', { name: 'Each environment in the two releases' })).getAllByRole('row').slice(1);

/** Older → newer: each environment before and after, what changed per application, and the changes a promotion brings. */
export const TwoReleases: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 2 })).toHaveTextContent(`From checkout ${older.version} to checkout ${newer.version}`);
    // An environment the newer release failed in reads Succeeded → Failed.
    const failed = newer.environments.find((environment) => environment.status === 'failed')!;
    const row = environmentRows(canvasElement).find((tr) => within(tr).getByRole('rowheader').textContent === failed.name)!;
    await expect(within(row).getAllByRole('cell')[1]).toHaveTextContent('Failed');
    await expect(canvas.getByRole('table', { name: 'Changes between the two releases' })).toBeVisible();
    // The newer release's commits are listed, and searchable.
    const commit = newer.notes!.commits[0]!;
    await expect(canvas.getByTitle(commit.sha)).toBeVisible();
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search release notes' }), 'zzz-nothing');
    await expect(canvas.getByText('No changes match this search')).toBeVisible();
  },
};

/** With the product's history: a release created between the two adds its changes. */
export const WithReleasesBetween: Story = {
  args: { releases: [newer, between, older] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(`In checkout ${newer.version} or the release before it, not in checkout ${older.version}`)).toBeVisible();
    await expect(canvas.getByTitle(between.notes!.commits[0]!.sha)).toBeVisible();
  },
};

/** The same release twice: nothing to compare, and the reader is told why. */
export const SameRelease: Story = {
  args: { newer: older },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('The same release twice')).toBeVisible();
  },
};

/** A copy of a release under another id: nothing changes. */
export const NothingChanges: Story = {
  args: { newer: { ...older, id: 'copy', createdAt: new Date(Date.parse(older.createdAt) + 60_000).toISOString() } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Nothing changes')).toBeVisible();
  },
};

export const Loading: Story = {
  args: { loading: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Comparing the releases');
  },
};

export const Error: Story = {
  args: { error: new globalThis.Error('GET /api/releases/41: 404 Not Found') },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('404 Not Found');
  },
};

/** Bad data: shown inline, naming where, and reported to `onError` once. */
export const BadData: Story = {
  args: { newer: { ...newer, environments: [{ name: 42 }] as never } },
  play: async ({ canvasElement, args }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('$.b.environments[0].name');
    await expect(args.onError).toHaveBeenCalledTimes(1);
  },
};

export const Dark: Story = {
  globals: { colorMode: 'dark' },
  args: { releases: [newer, between, older] },
  play: async ({ canvasElement }) => {
    await expect(environmentRows(canvasElement).length).toBe(newer.environments.length);
  },
};

const longNewer = sampleRelease({ shape: 'regions', state: 'running', seed: 2, longNames: true, product: 'checkout-payments-and-subscriptions-platform-eu' });
const longOlder: Release = {
  ...sampleRelease({ shape: 'regions', state: 'succeeded', seed: 1, longNames: true, product: 'checkout-payments-and-subscriptions-platform-eu' }),
  createdAt: new Date(Date.parse(longNewer.createdAt) - 3_600_000).toISOString(),
};

/** Long product, environment and application names wrap or cut with an ellipsis; nothing overflows the page. */
export const LongNames: Story = {
  args: { older: longOlder, newer: longNewer },
  parameters: { viewport: { defaultViewport: 'mobile1' } },
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector<HTMLElement>('.gr-release-comparison')!;
    await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth + 1);
    await expect(within(canvasElement).getByRole('heading', { level: 2 })).toHaveTextContent('checkout-payments-and-subscriptions-platform-eu');
  },
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { sampleRelease, type Release } from 'gitops-releases/headless';
import { ReleaseDiff } from '../src';

const previous = sampleRelease({ shape: 'regions', state: 'succeeded', seed: 3 });

/** The next release: new versions and commits for two applications, a new region, one region gone. */
const next: Release = (() => {
  const bump = (version?: string) => version?.replace(/\d+$/, (n) => String(Number(n) + 1));
  const environments = previous.environments
    .filter((environment) => environment.name !== 'prod-asia')
    .map((environment) => ({
      ...environment,
      applications: environment.applications.map((application) =>
        application.name === 'pricing-svc' || application.name === 'auth-gateway'
          ? { ...application, version: bump(application.version), commitSha: `9f${application.commitSha?.slice(2) ?? 'a'.repeat(38)}` }
          : application,
      ),
    }));
  const eu = environments.find((environment) => environment.name === 'prod-eu')!;
  return {
    ...previous,
    id: `${previous.id}-next`,
    environments: [...environments, { ...eu, name: 'prod-sa' }],
    notes: previous.notes && {
      ...previous.notes,
      images: previous.notes.images.map((image) =>
        image.application === 'pricing-svc' ? { ...image, tag: `${image.tag}-hotfix`, reference: image.reference.replace(`:${image.tag}@`, `:${image.tag}-hotfix@`) } : image,
      ),
    },
  };
})();

const meta = {
  title: 'Components/ReleaseDiff',
  component: ReleaseDiff,
  args: { previous, next },
  argTypes: { previous: { control: false }, next: { control: false }, diff: { control: false }, error: { control: false } },
} satisfies Meta<typeof ReleaseDiff>;
export default meta;
type Story = StoryObj<typeof meta>;

const rows = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('tbody tr')];

/** Two releases of a product: what changed where, tagged, old values struck through. */
export const BetweenTwoReleases: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(rows(canvasElement).some((row) => row.dataset.change === 'unchanged')).toBe(false);
    const added = rows(canvasElement).filter((row) => row.dataset.change === 'added');
    await expect(added.length).toBeGreaterThan(0);
    for (const row of added) await expect(row).toHaveTextContent('prod-sa');
    await expect(rows(canvasElement).filter((row) => row.dataset.change === 'removed').every((row) => row.textContent!.includes('prod-asia'))).toBe(true);
    const pricing = rows(canvasElement).find((row) => row.dataset.change === 'changed' && row.textContent!.includes('pricing-svc'))!;
    await expect(pricing.querySelectorAll('del').length).toBe(3);
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Show unchanged' }));
    await expect(rows(canvasElement).some((row) => row.dataset.change === 'unchanged')).toBe(true);
  },
};

/** The same release twice: nothing changed. */
export const NoChange: Story = {
  args: { next: previous },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('No application changed')).toBeVisible();
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

export const BadData: Story = {
  args: { next: { ...next, environments: [{ name: 42 }] as never } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('$.next.environments[0].name');
  },
};

export const Empty: Story = {
  args: { previous: { ...previous, environments: [] }, next: { ...previous, environments: [] } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Nothing to compare')).toBeVisible();
  },
};

export const Dark: Story = {
  globals: { colorMode: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(rows(canvasElement).length).toBeGreaterThan(0);
  },
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import {
  HEALTH_LABELS,
  HEALTH_STATUSES,
  STATUS_LABELS,
  STATUSES,
  SYNC_LABELS,
  SYNC_STATUSES,
} from 'gitops-releases/headless';
import { StatusBadge, type StatusBadgeVariant } from '../src/components/StatusBadge';

const VARIANTS: readonly StatusBadgeVariant[] = ['subtle', 'solid', 'icon-only'];

const meta = {
  title: 'Components/StatusBadge',
  component: StatusBadge,
  args: { status: 'failed', variant: 'subtle', size: 'md' },
  argTypes: {
    status: { control: 'select', options: [...STATUSES] },
    kind: { control: false },
    variant: { control: 'inline-radio', options: [...VARIANTS] },
    size: { control: 'inline-radio', options: ['sm', 'md', 'lg'] },
    label: { control: 'text' },
    title: { control: 'text' },
  },
} satisfies Meta<typeof StatusBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

const cellStyle = {
  padding: '0.375rem 0.75rem',
  textAlign: 'start' as const,
  fontWeight: 'normal' as const,
  whiteSpace: 'nowrap' as const,
};

/** Every status of the three vocabularies in every variant, as a table a screen reader can read. */
function StatusGrid() {
  const rows = [
    ...STATUSES.map((status) => ({ key: `release-${status}`, name: status, badge: { kind: 'release' as const, status } })),
    {
      key: 'release-suspended-pr',
      name: 'suspended, waiting for pull request',
      badge: { kind: 'release' as const, status: 'suspended' as const, waitingFor: 'pull-request' as const },
    },
    ...SYNC_STATUSES.map((status) => ({ key: `sync-${status}`, name: `sync: ${status}`, badge: { kind: 'sync' as const, status } })),
    ...HEALTH_STATUSES.map((status) => ({
      key: `health-${status}`,
      name: `health: ${status}`,
      badge: { kind: 'health' as const, status },
    })),
  ];
  return (
    <table style={{ borderCollapse: 'collapse', fontSize: '0.875rem' }}>
      <thead>
        <tr>
          <th scope="col" style={cellStyle}>
            Value
          </th>
          {VARIANTS.map((variant) => (
            <th key={variant} scope="col" style={cellStyle}>
              {variant}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-row={row.key}>
            <th scope="row" style={{ ...cellStyle, color: 'var(--gr-text-muted, var(--gr-text-muted-default))' }}>
              <code>{row.name}</code>
            </th>
            {VARIANTS.map((variant) => (
              <td key={variant} style={cellStyle}>
                <StatusBadge {...row.badge} variant={variant} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Asserts the grid shows one badge per status and variant, with the right text and state. */
async function expectGrid(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  for (const variant of ['subtle', 'solid'] as const) {
    const badges = [...canvasElement.querySelectorAll<HTMLElement>(`.gr-status-badge[data-kind="release"][data-variant="${variant}"]`)];
    // One per status, plus the "waiting for pull request" row.
    await expect(badges).toHaveLength(STATUSES.length + 1);
    for (const status of STATUSES) {
      const badge = badges.find((b) => b.dataset.status === status && !b.dataset.waitingFor);
      await expect(badge).toHaveTextContent(STATUS_LABELS[status]);
    }
  }
  for (const status of SYNC_STATUSES) {
    const badge = canvasElement.querySelector(`.gr-status-badge[data-kind="sync"][data-status="${status}"][data-variant="subtle"]`);
    await expect(badge).toHaveTextContent(SYNC_LABELS[status]);
  }
  for (const status of HEALTH_STATUSES) {
    const badge = canvasElement.querySelector(`.gr-status-badge[data-kind="health"][data-status="${status}"][data-variant="subtle"]`);
    await expect(badge).toHaveTextContent(HEALTH_LABELS[status]);
  }
  await expect(canvas.getAllByText('Waiting for PR merge')).toHaveLength(2);
  await expect(canvas.getByRole('img', { name: 'Waiting for PR merge' })).toBeVisible();
  // The pull request case has its own glyph.
  const pr = canvasElement.querySelector('.gr-status-badge[data-waiting-for="pull-request"] svg');
  await expect(pr).toHaveAttribute('data-glyph', 'pull-request');
  // Icon-only badges are found by their accessible name (one per vocabulary row).
  await expect(canvas.getAllByRole('img', { name: 'Failed' })).toHaveLength(1);
  await expect(canvas.getAllByRole('img', { name: 'Unknown' })).toHaveLength(3);
}

/** Drive one badge from the controls. */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const badge = canvasElement.querySelector('.gr-status-badge');
    await expect(badge).toHaveAttribute('data-status', args.status);
    await expect(badge).toHaveAttribute('data-variant', args.variant);
    if (args.variant !== 'icon-only' && args.status === 'failed') await expect(badge).toHaveTextContent('Failed');
  },
};

/** Every status, sync and health value in every variant. */
export const AllStatuses: Story = {
  render: () => <StatusGrid />,
  play: async ({ canvasElement, globals }) => {
    await expectGrid(canvasElement);
    // The toolbar's mode (light unless changed) reaches the provider.
    await expect(canvasElement.querySelector('.gr-root')).toHaveAttribute('data-color-mode', globals.colorMode ?? 'light');
  },
};

/** The same grid in dark mode: the tokens switch, the contrast still passes axe. */
export const Dark: Story = {
  render: () => <StatusGrid />,
  globals: { colorMode: 'dark' },
  play: async ({ canvasElement }) => {
    await expectGrid(canvasElement);
    await expect(canvasElement.querySelector('.gr-root')).toHaveAttribute('data-color-mode', 'dark');

    // A badge outside any provider uses the light defaults: compare the two.
    const probe = document.createElement('span');
    probe.className = 'gr-root gr-status-badge';
    Object.assign(probe.dataset, { kind: 'release', status: 'failed', variant: 'subtle', size: 'md' });
    probe.textContent = 'probe';
    document.body.append(probe);
    try {
      const dark = canvasElement.querySelector<HTMLElement>('.gr-status-badge[data-status="failed"][data-variant="subtle"]')!;
      await expect(getComputedStyle(dark).color).not.toBe(getComputedStyle(probe).color);
      await expect(getComputedStyle(dark).backgroundColor).not.toBe(getComputedStyle(probe).backgroundColor);
    } finally {
      probe.remove();
    }
  },
};

/** Small, medium and large side by side. */
export const Sizes: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: '0.75rem' }}>
      {(['sm', 'md', 'lg'] as const).map((size) => (
        <div key={size} data-size-row={size} style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
          <StatusBadge status="succeeded" size={size} />
          <StatusBadge status="running" size={size} variant="solid" />
          <StatusBadge status="suspended" waitingFor="pull-request" size={size} />
          <StatusBadge kind="health" status="degraded" size={size} />
          <StatusBadge status="failed" size={size} variant="icon-only" />
        </div>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const height = (size: string) =>
      canvasElement.querySelector<HTMLElement>(`[data-size-row="${size}"] .gr-status-badge`)!.getBoundingClientRect().height;
    await expect(height('sm')).toBeLessThan(height('md'));
    await expect(height('md')).toBeLessThan(height('lg'));
  },
};

/** Icons alone, for dense tables: each keeps an accessible name and a tooltip. */
export const IconOnly: Story = {
  render: () => (
    <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'center', flexWrap: 'wrap' }}>
      {STATUSES.map((status) => (
        <StatusBadge key={status} status={status} variant="icon-only" />
      ))}
      <StatusBadge status="suspended" waitingFor="pull-request" variant="icon-only" />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const failed = canvas.getByRole('img', { name: 'Failed' });
    await expect(failed).toHaveAttribute('title', 'Failed');
    await expect(failed).toHaveAttribute('data-status', 'failed');
    for (const status of STATUSES) await expect(canvas.getByRole('img', { name: STATUS_LABELS[status] })).toBeVisible();
    await expect(canvas.getByRole('img', { name: 'Waiting for PR merge' })).toBeVisible();
    // No visible text: the name comes from aria-label.
    await expect(failed).toHaveTextContent('');
  },
};

const LONG_LABEL = 'Waiting for the production change advisory board to approve the promotion';

/** A long custom label in a narrow cell truncates with an ellipsis; the title keeps it whole. */
export const LongLabel: Story = {
  args: { status: 'suspended', label: LONG_LABEL },
  render: (args) => (
    <div style={{ width: 180, border: '1px dashed var(--gr-border, var(--gr-border-default))', padding: 4 }}>
      <StatusBadge {...args} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const badge = canvasElement.querySelector<HTMLElement>('.gr-status-badge')!;
    const label = badge.querySelector<HTMLElement>('.gr-status-badge__label')!;
    await expect(badge).toHaveAttribute('title', LONG_LABEL);
    await expect(label).toHaveTextContent(LONG_LABEL);
    await expect(getComputedStyle(label).textOverflow).toBe('ellipsis');
    await expect(label.scrollWidth).toBeGreaterThan(label.clientWidth);
    await expect(badge.getBoundingClientRect().width).toBeLessThanOrEqual(180);
  },
};

/** A value outside the vocabulary (from untyped data) shows as Unknown, with the raw value in the title. */
export const UnknownValue: Story = {
  args: { status: 'PROMOTING_SIDEWAYS' as never },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const badge = canvasElement.querySelector<HTMLElement>('.gr-status-badge')!;
    await expect(canvas.getByText('Unknown')).toBeVisible();
    await expect(badge).toHaveAttribute('data-status', 'unknown');
    await expect(badge.getAttribute('title')).toContain('PROMOTING_SIDEWAYS');
  },
};

/** While the host fetches: a placeholder named "Loading status", never a misleading Unknown. */
export const Loading: Story = {
  args: { loading: true },
  render: (args) => (
    <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'center' }}>
      <StatusBadge {...args} />
      <StatusBadge {...args} variant="solid" />
      <StatusBadge {...args} variant="icon-only" />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const placeholders = canvas.getAllByRole('status', { name: 'Loading status' });
    await expect(placeholders).toHaveLength(3);
    for (const placeholder of placeholders) {
      await expect(placeholder).toHaveAttribute('aria-busy', 'true');
      await expect(placeholder).not.toHaveAttribute('data-status');
      await expect(placeholder.textContent).toBe('');
    }
  },
};

/** No status at all (a field missing from the host's data) reads as Unknown, and says so on hover. */
export const Empty: Story = {
  args: { status: undefined as never },
  play: async ({ canvasElement }) => {
    const badge = canvasElement.querySelector('.gr-status-badge')!;
    await expect(badge).toHaveAttribute('data-status', 'unknown');
    await expect(badge).toHaveTextContent('Unknown');
    await expect(badge.getAttribute('title')).toMatch(/received undefined/);
  },
};

/** The states a release view shows most: one badge each, subtle and solid. */
export const RunningFailedTerminated: Story = {
  render: () => (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, max-content)', gap: '0.75rem' }}>
      {(['running', 'failed', 'terminated'] as const).flatMap((status) =>
        (['subtle', 'solid', 'icon-only'] as const).map((variant) => (
          <StatusBadge key={`${status}-${variant}`} status={status} variant={variant} />
        )),
      )}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByText('Running')).toHaveLength(2);
    await expect(canvas.getByRole('img', { name: 'Failed' })).toBeInTheDocument();
    await expect(canvasElement.querySelectorAll('[data-status="terminated"]')).toHaveLength(3);
    // The running glyph turns; the finished ones stand still.
    await expect(canvasElement.querySelector('[data-status="running"] svg')).toHaveAttribute('data-animated');
    await expect(canvasElement.querySelector('[data-status="failed"] svg')).not.toHaveAttribute('data-animated');
  },
};

const HUGE = 2000;
/** 2,000 badges (a releases table's worth of environment cells): they stay plain, cheap spans. */
export const Huge: Story = {
  render: () => (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.25rem' }}>
      {Array.from({ length: HUGE }, (_, i) => (
        <StatusBadge key={i} status={STATUSES[i % STATUSES.length]!} variant="icon-only" size="sm" />
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('.gr-status-badge')).toHaveLength(HUGE);
    const failed = Array.from({ length: HUGE }, (_, i) => STATUSES[i % STATUSES.length]).filter((s) => s === 'failed');
    await expect(canvasElement.querySelectorAll('[data-status="failed"]')).toHaveLength(failed.length);
  },
};

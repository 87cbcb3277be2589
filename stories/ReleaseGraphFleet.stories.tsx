// A release at fleet scale: thousands of stores in waves and regions. The fleet is built by the
// tests' fixture (dev -> staging -> canary -> gate -> wave-1 (5 %) -> gate -> wave-2 (25 %) ->
// gate -> wave-3, stores grouped wave-N/<region> over 12 regions) until the sample data has one.
import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ReleaseGraph } from '../src';
import { fleetRelease } from '../test/fixtures/fleet-release';

const meta = {
  title: 'Components/ReleaseGraph/Fleet',
  component: ReleaseGraph,
  parameters: { layout: 'fullscreen' },
  args: {
    release: fleetRelease({ stores: 2000, state: 'running' }),
    height: 640,
    onSelectedEnvironmentChange: fn(),
    onEnvironmentOpen: fn(),
    onExpandedGroupsChange: fn(),
  },
} satisfies Meta<typeof ReleaseGraph>;
export default meta;
type Story = StoryObj<typeof meta>;

const groupNamed = (root: HTMLElement, name: string) => root.querySelector<HTMLElement>(`.gr-release-graph__group[aria-label^="${name},"]`);
async function waitForGroups(root: HTMLElement, count: number) {
  await waitFor(() => expect(root.querySelectorAll('.gr-release-graph__group')).toHaveLength(count), { timeout: 10_000 });
}

/** 2,000 stores fitted: one node per wave, in its status colour and named in large type. */
export const Fleet2000Stores: Story = {
  name: 'Fleet — 2,000 stores',
  args: { showMinimap: true },
  play: async ({ canvasElement }) => {
    await waitForGroups(canvasElement, 4);
    const wave1 = groupNamed(canvasElement, 'wave-1')!;
    await expect(wave1).toHaveAccessibleName('wave-1, 100 environments: 33 succeeded, 34 running, 33 not started');
    // Far out, the wave is a tile: its name and what stands out (34 running), readable.
    await expect(canvasElement.querySelector('.gr-release-graph__canvas')).toHaveAttribute('data-zoom', 'far');
    await expect(within(wave1).getByText('wave-1', { selector: '.gr-release-graph__far-name' })).toBeVisible();
    const detail = wave1.querySelector<HTMLElement>('.gr-release-graph__far-detail')!;
    await expect(detail).toBeVisible();
    await expect(detail).toHaveTextContent('34');
    await expect(detail.querySelector('[data-glyph="running"]')).not.toBeNull();
    await expect(canvasElement.querySelectorAll('.gr-release-graph__node')).toHaveLength(5);
  },
};

/** Three stores of wave-1 failed: wave-1 says which, and the next waves say why they wait. */
export const WaveBlockedByFailures: Story = {
  name: 'Wave blocked by failures',
  args: { release: fleetRelease({ stores: 2000, state: 'blocked' }), defaultFocusEnvironment: 'gate-2' },
  play: async ({ canvasElement }) => {
    await waitForGroups(canvasElement, 4);
    const wave1 = groupNamed(canvasElement, 'wave-1')!;
    await waitFor(() => expect(canvasElement.querySelector('.gr-release-graph__canvas')).toHaveAttribute('data-zoom', 'near'));
    await expect(within(wave1).getByTitle('3 failed')).toBeVisible();
    await expect(wave1.querySelector('.gr-release-graph__group-line[data-status="failed"]')).toHaveTextContent('store-0011, store-0012, store-0013');
    const wave2 = groupNamed(canvasElement, 'wave-2')!;
    await expect(within(wave2).getByText('waiting for wave-1: 3 of 100 failed')).toBeVisible();
    await expect(canvasElement.querySelector('[data-env-id="gate-2"]')).toHaveAccessibleName('gate-2, Pending, waiting for wave-1: 3 of 100 failed');
  },
};

function ControlledRegion(args: Story['args']) {
  const [expanded, setExpanded] = useState<string[]>(['wave-3', 'wave-3/eu-west']);
  return (
    <ReleaseGraph
      {...args}
      release={args!.release!}
      expandedGroups={expanded}
      onExpandedGroupsChange={(next) => {
        setExpanded(next);
        args?.onExpandedGroupsChange?.(next);
      }}
    />
  );
}

/** One region of wave-3 open (controlled, as a host keeps it in its URL): 116 stores as tiles. */
export const OneRegionExpanded: Story = {
  name: 'One region expanded',
  render: (args) => <ControlledRegion {...args} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const grid = await canvas.findByRole('grid', { name: 'Environments in wave-3/eu-west' }, { timeout: 10_000 });
    const tiles = within(grid).getAllByRole('gridcell');
    await expect(tiles).toHaveLength(116);
    await expect(tiles[0]).toHaveAccessibleName('store-0611, Pending');
    // The other regions of wave-3 stay closed; the frame's header closes the region.
    await expect(groupNamed(canvasElement, 'wave-3/eu-central')).not.toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Hide what is in wave-3/eu-west' }));
    await expect(args.onExpandedGroupsChange).toHaveBeenLastCalledWith(['wave-3']);
    await waitFor(() => expect(canvas.queryByRole('grid')).toBeNull());
  },
};

/** A link to one store: its wave and region open, its tile selected, focused and named. */
export const DeepLinkToOneStore: Story = {
  name: 'Deep link to one store',
  args: { defaultFocusEnvironment: 'store-1500' },
  play: async ({ canvasElement }) => {
    const tile = await within(canvasElement).findByRole('gridcell', { name: 'store-1500, Pending' }, { timeout: 10_000 });
    await expect(tile).toHaveAttribute('data-selected');
    await waitFor(() => expect(tile).toHaveFocus());
    await expect(canvasElement.querySelector('.gr-release-graph__tile-tip')).toHaveTextContent('store-1500, Pending');
  },
};

/** Dark mode, wave-1 open into its regions: the failed regions stand out. */
export const Dark: Story = {
  args: { release: fleetRelease({ stores: 2000, state: 'blocked' }), defaultExpandedGroups: ['wave-1'] },
  globals: { colorMode: 'dark' },
  play: async ({ canvasElement }) => {
    await waitForGroups(canvasElement, 3 + 12);
    const failed = [...canvasElement.querySelectorAll<HTMLElement>('.gr-release-graph__group[data-status="failed"]')].map((node) => node.getAttribute('aria-label')!.split(',')[0]);
    await expect(failed).toEqual(expect.arrayContaining(['wave-1/eu-west', 'wave-1/eu-central', 'wave-1/eu-north']));
    const tile = canvasElement.querySelector<HTMLElement>('.gr-release-graph__group[data-status="failed"] .gr-release-graph__far-name')!;
    await expect(getComputedStyle(tile).backgroundColor).not.toBe('rgb(255, 255, 255)');
  },
};

/** From the keyboard: Enter opens a wave, arrows go between regions, Escape back to the header, Enter closes. */
export const Keyboard: Story = {
  args: { release: fleetRelease({ stores: 2000, state: 'blocked' }), defaultFocusEnvironment: 'gate-2' },
  play: async ({ canvasElement, args }) => {
    await waitForGroups(canvasElement, 4);
    await waitFor(() => expect(document.activeElement?.getAttribute('data-env-id')).toBe('gate-2'));
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^wave-2, /));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(args.onExpandedGroupsChange).toHaveBeenLastCalledWith(['wave-2']));
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^wave-2\/[\w-]+, /));
    // The top region of the wave: the next one is below it. Focus moves after the key (once the
    // node is drawn), so wait for a region other than the first, not for any region.
    const first = document.activeElement!.getAttribute('aria-label')!;
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => {
      const label = document.activeElement?.getAttribute('aria-label') ?? '';
      expect(label).toMatch(/^wave-2\/[\w-]+, /);
      expect(label).not.toBe(first);
    });
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName('Hide what is in wave-2'));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(args.onExpandedGroupsChange).toHaveBeenLastCalledWith([]));
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^wave-2, 500 environments/));
  },
};

/** 5,000 stores, every group closed: the page holds a few hundred elements. */
export const Fleet5000Stores: Story = {
  name: 'Fleet — 5,000 stores',
  args: { release: fleetRelease({ stores: 5000, state: 'blocked' }), showMinimap: true },
  play: async ({ canvasElement }) => {
    await waitForGroups(canvasElement, 4);
    await expect(groupNamed(canvasElement, 'wave-1')).toHaveAccessibleName('wave-1, 250 environments: 247 succeeded, 3 failed');
    await expect(canvasElement.querySelectorAll('*').length).toBeLessThan(1000);
  },
};

// A release at fleet scale, from the sample data: `sampleRelease({ shape: 'fleet' })` is dev ->
// staging -> a canary of 10 stores -> approve-wave-1 -> wave-1 (5 %) -> approve-wave-2 -> wave-2
// (25 %) -> approve-wave-3 -> wave-3 (the rest), each store named `store-0001-us-east-1` and
// grouped `<wave>/<region>` over 12 regions. Of 2,000 stores, wave-1 has 100, wave-2 500 and
// wave-3 1,390; of 5,000, 250, 1,250 and 3,490.
import { useEffect, useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { sampleFlow, sampleRelease, simulatePromotion, type Release } from 'gitops-releases/headless';
import { ReleaseGraph, type ReleaseGraphProps } from '../src';

const meta = {
  title: 'Components/ReleaseGraph/Fleet',
  component: ReleaseGraph,
  parameters: { layout: 'fullscreen' },
  args: {
    release: sampleRelease({ shape: 'fleet', state: 'running' }),
    height: 640,
    onSelectedEnvironmentChange: fn(),
    onEnvironmentOpen: fn(),
    onExpandedGroupsChange: fn(),
  },
} satisfies Meta<typeof ReleaseGraph>;
export default meta;
type Story = StoryObj<typeof meta>;

// Three stores of wave-2 failed (in eu-west-1, us-east-2 and eu-central-1): approve-wave-3 never opens.
const blockedInWave2 = sampleRelease({ shape: 'fleet', state: 'failed', wave: 'wave-2', failures: 3 });
// Three stores of wave-1 failed: wave-2 and wave-3 wait behind approve-wave-2.
const blockedInWave1 = sampleRelease({ shape: 'fleet', state: 'failed', wave: 'wave-1', failures: 3 });

const groupNamed = (root: HTMLElement, name: string) => root.querySelector<HTMLElement>(`.gr-release-graph__group[aria-label^="${name},"]`);
/** The graph may lay a big fleet out off the main thread: its nodes come a moment after the first render. */
async function waitForGroups(root: HTMLElement, count: number) {
  await waitFor(() => expect(root.querySelectorAll('.gr-release-graph__group')).toHaveLength(count), { timeout: 15_000 });
}
const canvasOf = (root: HTMLElement) => root.querySelector('.gr-release-graph__canvas');
/** A far-out text as it reads (its hyphens are non-breaking ones, so `wave-2` stays on one line). */
const farText = (element: Element) => element.textContent!.replace(/\u2011/g, '-');

/** How often the live story shows the next snapshot: three minutes of the rollout each time. */
const LIVE_TICK_MS = 600;

/**
 * A rollout as a host's live feed gives it: `simulatePromotion` in three-minute steps, each
 * snapshot sharing every store that did not change with the one before (as a store of releases
 * would), so the graph patches the groups that changed and never lays the fleet out again. It
 * starts over a few seconds after it has finished.
 */
function LiveFleet(props: Omit<ReleaseGraphProps, 'release'>) {
  const [release, setRelease] = useState<Release | undefined>();
  useEffect(() => {
    let snapshots = simulatePromotion(sampleFlow('fleet'), { step: 180_000, structuralSharing: true });
    let rest = 0;
    const next = () => {
      const step = snapshots.next();
      if (!step.done) setRelease(step.value);
      else if ((rest += 1) > 8) {
        snapshots = simulatePromotion(sampleFlow('fleet'), { step: 180_000, structuralSharing: true });
        rest = 0;
      }
    };
    next();
    const timer = setInterval(next, LIVE_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return release ? <ReleaseGraph {...props} release={release} /> : null;
}

/**
 * 2,000 stores rolling out live, fitted: one tile per wave in its status colour, its regions as a
 * mosaic of cells turning from grey to blue to green as the stores finish.
 */
export const LiveRollout2000Stores: Story = {
  name: 'Fleet — 2,000 stores, live',
  args: { showMinimap: true },
  render: ({ release: _release, ...args }) => <LiveFleet {...args} />,
  play: async ({ canvasElement }) => {
    await waitForGroups(canvasElement, 4);
    await expect(canvasOf(canvasElement)).toHaveAttribute('data-zoom', 'far');
    // The canary's ten stores finish within a few snapshots, then wave-1 starts.
    await waitFor(() => expect(groupNamed(canvasElement, 'canary')).toHaveAccessibleName('canary, 10 environments: 10 succeeded'), { timeout: 20_000 });
    await waitFor(() => expect(groupNamed(canvasElement, 'wave-1')).toHaveAttribute('data-status', 'running'), { timeout: 20_000 });
    const wave1 = groupNamed(canvasElement, 'wave-1')!;
    // Far out, the wave says it in large type: its name, and the running stores' icon and count.
    await expect(within(wave1).getByText('wave-1', { selector: '.gr-release-graph__far-name' })).toBeVisible();
    await expect(wave1.querySelector('.gr-release-graph__far-detail [data-glyph="running"]')).not.toBeNull();
    // Its 12 regions are cells in their status colours; wave-3 has not started and says why.
    await expect(wave1.querySelectorAll('.gr-release-graph__far-subgroup')).toHaveLength(12);
    await expect(farText(groupNamed(canvasElement, 'wave-3')!.querySelector('.gr-release-graph__far-waiting')!)).toMatch(/^waiting for approve-wave-3/);
  },
};

/** Three stores of wave-2 failed: wave-2 names them and their regions, and wave-3 says why it waits. */
export const WaveBlockedByFailures: Story = {
  name: 'Wave blocked by failures',
  args: { release: blockedInWave2, defaultFocusEnvironment: 'approve-wave-3' },
  play: async ({ canvasElement }) => {
    await waitForGroups(canvasElement, 4);
    // A deep link is shown close up.
    await waitFor(() => expect(canvasOf(canvasElement)).toHaveAttribute('data-zoom', 'near'));
    const wave2 = groupNamed(canvasElement, 'wave-2')!;
    await expect(wave2).toHaveAccessibleName('wave-2, 500 environments: 497 succeeded, 3 failed');
    await expect(within(wave2).getByTitle('3 failed')).toBeVisible();
    // The first to fail first.
    await expect(wave2.querySelector('.gr-release-graph__group-line[data-status="failed"]')).toHaveTextContent(
      'store-0111-eu-west-1, store-0271-us-east-2, store-0604-eu-central-1',
    );
    const failedRegions = [...wave2.querySelectorAll('.gr-release-graph__subgroup[data-status="failed"] .gr-release-graph__subgroup-name')].map((name) => name.textContent);
    await expect(failedRegions).toEqual(['eu-west-1', 'eu-central-1', 'us-east-2']);
    await expect(within(groupNamed(canvasElement, 'wave-3')!).getByText('waiting for wave-2: 3 of 500 failed', { selector: '.gr-release-graph__group-waiting' })).toBeVisible();
    await expect(groupNamed(canvasElement, 'wave-3')).toHaveAccessibleName('wave-3, 1,390 environments: 1,390 not started, waiting for wave-2: 3 of 500 failed');
  },
};

function ControlledRegion(args: Story['args']) {
  const [expanded, setExpanded] = useState<string[]>(['wave-3', 'wave-3/eu-west-1']);
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

/** One region of wave-3 open (controlled, as a host keeps it in its URL): its 116 stores as tiles. */
export const OneRegionExpanded: Story = {
  name: 'One region expanded',
  render: (args) => <ControlledRegion {...args} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const grid = await canvas.findByRole('grid', { name: 'Environments in wave-3/eu-west-1' }, { timeout: 15_000 });
    const tiles = within(grid).getAllByRole('gridcell');
    await expect(tiles).toHaveLength(116);
    await expect(tiles[0]).toHaveAccessibleName('store-0615-eu-west-1, Pending');
    // The other regions of wave-3 stay closed, waiting for their gate; the frame's header closes the region.
    await expect(groupNamed(canvasElement, 'wave-3/ap-southeast-2')).toHaveAccessibleName(/^wave-3\/ap-southeast-2, 116 environments: 116 not started, waiting for approve-wave-3$/);
    await userEvent.click(canvas.getByRole('button', { name: 'Hide what is in wave-3/eu-west-1' }));
    await expect(args.onExpandedGroupsChange).toHaveBeenLastCalledWith(['wave-3']);
    await waitFor(() => expect(canvas.queryByRole('grid')).toBeNull());
    // A click on the closed region opens it again, as the story began.
    // Once its node is drawn again (a callback that returns null would not make waitFor wait).
    await waitFor(() => expect(groupNamed(canvasElement, 'wave-3/eu-west-1')).not.toBeNull());
    await userEvent.click(groupNamed(canvasElement, 'wave-3/eu-west-1')!);
    await expect(args.onExpandedGroupsChange).toHaveBeenLastCalledWith(['wave-3', 'wave-3/eu-west-1']);
    await expect(await canvas.findByRole('grid', { name: 'Environments in wave-3/eu-west-1' })).toBeInTheDocument();
  },
};

/** A link to one store: its wave and region open, its tile selected, focused and named. */
export const DeepLinkToOneStore: Story = {
  name: 'Deep link to one store',
  args: { defaultFocusEnvironment: 'store-1500-ap-southeast-1' },
  play: async ({ canvasElement }) => {
    const tile = await within(canvasElement).findByRole('gridcell', { name: 'store-1500-ap-southeast-1, Pending' }, { timeout: 15_000 });
    await expect(tile).toHaveAttribute('data-selected');
    await waitFor(() => expect(tile).toHaveFocus());
    await expect(canvasElement.querySelector('.gr-release-graph__tile-tip')).toHaveTextContent('store-1500-ap-southeast-1, Pending');
    await expect(within(canvasElement).getByRole('grid', { name: 'Environments in wave-3/ap-southeast-1' })).toBeVisible();
  },
};

/** Dark mode, the failed wave open into its regions: the regions with failures stand out in red. */
export const Dark: Story = {
  args: { release: sampleRelease({ shape: 'fleet', state: 'failed', wave: 'wave-2' }), defaultExpandedGroups: ['wave-2'] },
  globals: { colorMode: 'dark' },
  play: async ({ canvasElement }) => {
    await waitForGroups(canvasElement, 3 + 12);
    const failed = [...canvasElement.querySelectorAll<HTMLElement>('.gr-release-graph__group[data-status="failed"]')].map((node) => node.getAttribute('aria-label')!.split(',')[0]);
    await expect(failed).toHaveLength(8);
    await expect(failed).toEqual(expect.arrayContaining(['wave-2/eu-west-1', 'wave-2/ap-southeast-2', 'wave-2/ca-central-1']));
    await expect(groupNamed(canvasElement, 'wave-2/eu-north-1')).toHaveAttribute('data-status', 'succeeded');
    // Seen whole, far out: each region is a tile in its status colour, on the dark canvas.
    await expect(canvasOf(canvasElement)).toHaveAttribute('data-zoom', 'far');
    const tile = groupNamed(canvasElement, 'wave-2/eu-west-1')!.querySelector<HTMLElement>('.gr-release-graph__far')!;
    await expect(getComputedStyle(tile).backgroundColor).not.toBe(getComputedStyle(groupNamed(canvasElement, 'wave-2/eu-north-1')!.querySelector('.gr-release-graph__far')!).backgroundColor);
    await expect(canvasElement.querySelector('.gr-root')).toHaveAttribute('data-color-mode', 'dark');
  },
};

/** From the keyboard: Enter opens a wave, arrows go between regions, Escape back to the header, Enter closes. */
export const Keyboard: Story = {
  args: { release: blockedInWave1, defaultFocusEnvironment: 'approve-wave-2' },
  play: async ({ canvasElement, args }) => {
    await waitForGroups(canvasElement, 4);
    await waitFor(() => expect(document.activeElement?.getAttribute('data-env-id')).toBe('approve-wave-2'));
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^wave-2, /));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(args.onExpandedGroupsChange).toHaveBeenLastCalledWith(['wave-2']));
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^wave-2\/[\w-]+, 4\d environments: 4\d not started, waiting for wave-1: 3 of 100 failed$/));
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

/**
 * 5,000 stores, nine of wave-2 failed, fitted and every group closed (the README's picture):
 * canary and wave-1 done, wave-2 failed in eight of its twelve regions, wave-3 waiting and saying
 * why. The page holds a few hundred elements.
 */
export const Fleet5000Stores: Story = {
  name: 'Fleet — 5,000 stores',
  args: { release: sampleRelease({ shape: 'fleet', size: 5000, state: 'failed', wave: 'wave-2' }), showMinimap: true, height: 560 },
  play: async ({ canvasElement }) => {
    await waitForGroups(canvasElement, 4);
    await expect(canvasOf(canvasElement)).toHaveAttribute('data-zoom', 'far');
    await expect(groupNamed(canvasElement, 'wave-1')).toHaveAccessibleName('wave-1, 250 environments: 250 succeeded');
    const wave2 = groupNamed(canvasElement, 'wave-2')!;
    await expect(wave2).toHaveAccessibleName('wave-2, 1,250 environments: 1,241 succeeded, 9 failed');
    // Far out: the failed count in large type, and which regions failed, red among green.
    await expect(wave2.querySelector('.gr-release-graph__far-detail')).toHaveTextContent('9');
    const regions = [...wave2.querySelectorAll<HTMLElement>('.gr-release-graph__far-subgroup')];
    await expect(regions.map((cell) => cell.dataset.status)).toEqual(
      ['sa-east-1', 'eu-north-1', 'ap-south-1', 'ap-southeast-1', 'us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'ap-northeast-1', 'us-east-2', 'ca-central-1'].map((region) =>
        ['sa-east-1', 'us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1'].includes(region) ? 'succeeded' : 'failed',
      ),
    );
    await expect(regions[1]).toHaveAttribute('title', 'eu-north-1: 2 failed');
    // And why wave-3 has not started.
    const waiting = groupNamed(canvasElement, 'wave-3')!.querySelector<HTMLElement>('.gr-release-graph__far-waiting')!;
    await expect(waiting).toBeVisible();
    await expect(farText(waiting)).toBe('waiting for wave-2: 9 of 1,250 failed');
    await expect(canvasElement.querySelectorAll('*').length).toBeLessThan(1000);
  },
};

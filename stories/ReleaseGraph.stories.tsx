import { useEffect, useMemo, useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { sampleFlow, sampleRelease, simulatePromotion, type Release, type SampleReleaseOptions } from 'gitops-releases/headless';
import { ReleaseGraph, ReleasesProvider } from '../src';
import { randomDagRelease } from '../test/fixtures/random-dag';

/** A release seen right now, so running durations read as they would live (minutes, not days). */
const live = (options: SampleReleaseOptions) => sampleRelease({ ...options, now: new Date().toISOString() });

const meta = {
  title: 'Components/ReleaseGraph',
  component: ReleaseGraph,
  parameters: { layout: 'fullscreen' },
  args: {
    release: live({ shape: 'parallel', state: 'running' }),
    height: 560,
    onSelectedEnvironmentChange: fn(),
    onEnvironmentOpen: fn(),
    onWorkflowStepSelect: fn(),
  },
} satisfies Meta<typeof ReleaseGraph>;
export default meta;
type Story = StoryObj<typeof meta>;

const nodesOf = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('.gr-release-graph__node')];

/** Nodes drawn where the layout put them: none overlaps another on screen. */
async function expectNoOverlap(root: HTMLElement) {
  const boxes = nodesOf(root).map((node) => node.getBoundingClientRect());
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const overlap = a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      await expect(overlap).toBe(false);
    }
  }
}

async function waitForNodes(root: HTMLElement, count: number) {
  await waitFor(() => expect(nodesOf(root)).toHaveLength(count), { timeout: 5000 });
}

/** Fan-out and fan-in, running: qa and staging in parallel, production waits for both. */
export const Running: Story = {
  play: async ({ canvasElement, args }) => {
    await waitForNodes(canvasElement, 4);
    await expectNoOverlap(canvasElement);
    await expect(canvasElement.querySelectorAll('.gr-release-graph__edge')).toHaveLength(4);
    await expect(canvasElement.querySelectorAll('.gr-release-graph__edge[data-state="active"]').length).toBeGreaterThan(0);
    const canvas = within(canvasElement);
    // Click selects; Enter opens.
    const qa = canvasElement.querySelector<HTMLElement>('[data-env-id="qa"]')!;
    await userEvent.click(qa);
    await expect(args.onSelectedEnvironmentChange).toHaveBeenCalledWith('qa');
    qa.focus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onEnvironmentOpen).toHaveBeenCalledWith('qa');
    await expect(canvas.getByRole('group', { name: /^qa, Running/ })).toBeVisible();
  },
};

/** A failed environment with issues; everything after it never ran. */
export const Failed: Story = {
  args: { release: sampleRelease({ shape: 'regions', state: 'failed' }) },
  play: async ({ canvasElement, args }) => {
    await waitForNodes(canvasElement, 6);
    const failed = canvasElement.querySelector<HTMLElement>('.gr-release-graph__node[data-status="failed"]')!;
    await expect(failed).toBeVisible();
    const issues = within(failed).getByRole('button', { name: /Issues \(\d+\)/ });
    await userEvent.click(issues);
    await expect(args.onEnvironmentOpen).toHaveBeenCalledWith(failed.dataset.envId);
    await expect(canvasElement.querySelectorAll('.gr-release-graph__edge[data-state="skipped"]').length).toBeGreaterThan(0);
  },
};

/** Terminated by a user: downstream environments never run. */
export const Terminated: Story = {
  args: { release: sampleRelease({ shape: 'regions', state: 'terminated' }) },
  play: async ({ canvasElement }) => {
    await waitForNodes(canvasElement, 6);
    await expect(canvasElement.querySelector('.gr-release-graph__node[data-status="terminated"]')).not.toBeNull();
  },
};

/** Waiting for a pull request to be merged: the edge marker and the badge say so. */
export const SuspendedPullRequest: Story = {
  args: { release: live({ shape: 'regions', state: 'suspended-pr' }) },
  play: async ({ canvasElement }) => {
    await waitForNodes(canvasElement, 6);
    await expect(canvasElement.querySelector('.gr-release-graph__edge[data-action="pull-request"]')).not.toBeNull();
    await expect(within(canvasElement).getAllByText('Waiting for PR merge').length).toBeGreaterThan(0);
  },
};

/** Keyboard: Tab into the graph, arrows along the edges, Enter opens. */
export const Keyboard: Story = {
  args: { release: sampleRelease({ shape: 'parallel', state: 'succeeded' }) },
  play: async ({ canvasElement, args }) => {
    await waitForNodes(canvasElement, 4);
    const dev = canvasElement.querySelector<HTMLElement>('[data-env-id="dev"]')!;
    dev.focus();
    await expect(dev).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(document.activeElement?.getAttribute('data-env-id')).toMatch(/^(qa|staging)$/));
    // Across the flow to the sibling, whichever side of it the layout put it.
    const first = document.activeElement!.getAttribute('data-env-id')!;
    const other = first === 'qa' ? 'staging' : 'qa';
    const top = (name: string) => canvasElement.querySelector(`[data-env-id="${name}"]`)!.getBoundingClientRect().top;
    await userEvent.keyboard(top(other) > top(first) ? '{ArrowDown}' : '{ArrowUp}');
    await waitFor(() => expect(document.activeElement?.getAttribute('data-env-id')).toBe(other));
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(document.activeElement?.getAttribute('data-env-id')).toBe('production'));
    await userEvent.keyboard('{Enter}');
    await expect(args.onEnvironmentOpen).toHaveBeenLastCalledWith('production');
  },
};

/** 300 environments: only what is in view renders; search highlights and pans. */
export const Huge: Story = {
  args: { release: live({ shape: 'huge', state: 'running' }), height: 640, showMinimap: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // Fitted, the whole flow is in view.
    await waitFor(() => expect(nodesOf(canvasElement)).toHaveLength(300), { timeout: 10000 });
    const search = canvas.getByRole('searchbox', { name: 'Find environment' });
    await userEvent.type(search, 'eu-west-1-prod');
    await expect(canvasElement.querySelector('.gr-release-graph__matches')).toHaveTextContent(/\d+ matches/);
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(canvasElement.querySelector('.gr-release-graph__node[data-match][data-selected]')).not.toBeNull());
    // Panned and zoomed to the match: only what is in view is rendered (onlyRenderVisibleElements).
    await waitFor(() => expect(nodesOf(canvasElement).length).toBeLessThan(100), { timeout: 5000 });
  },
};

/**
 * A held-out DAG of 1,000 environments, each waiting for 1-3 earlier ones anywhere (edges skip
 * ranks): its layout runs in a Web Worker while the graph says so, and the page stays responsive.
 * Seen whole it is its overview, every environment a rectangle in its status colour; zoom in (or
 * use the arrow keys from the one node left, the Tab stop) for the nodes.
 */
export const LayingOutInAWorker: Story = {
  args: { release: randomDagRelease(1000, 11, (i) => `cluster-${String(i).padStart(4, '0')}`), height: 640 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // Skipped when this story's structure is already laid out (the cache outlives a story).
    if (canvasElement.querySelector('.gr-release-graph__skeleton')) {
      await expect(canvas.getByRole('status')).toHaveTextContent('Laying out 1,000 environments…');
    }
    await waitFor(() => expect(canvasElement.querySelector('.gr-release-graph__overview')).not.toBeNull(), { timeout: 30000 });
    await waitFor(() => expect(canvasElement.querySelector('[aria-busy]')).toBeNull());
    const rectangles = [...canvasElement.querySelectorAll('.gr-release-graph__overview-nodes')].reduce((sum, path) => sum + path.getAttribute('d')!.split('M').length - 1, 0);
    await expect(rectangles).toBe(1000);
    await waitFor(() => expect(nodesOf(canvasElement)).toHaveLength(1));
  },
};

/** The same 1,000 environments far out, in dark mode: status colours on the dark canvas. */
export const FarOutDark: Story = {
  args: { release: randomDagRelease(1000, 11, (i) => `cluster-${String(i).padStart(4, '0')}`), height: 640 },
  globals: { colorMode: 'dark' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('.gr-release-graph__overview')).not.toBeNull(), { timeout: 30000 });
    const fill = (status: string) => getComputedStyle(canvasElement.querySelector(`.gr-release-graph__overview-nodes[data-status="${status}"]`)!).fill;
    await expect(fill('succeeded')).not.toBe(fill('running'));
  },
};

/** Collapsing what follows production hides the regions behind one "3 more" node, and back. */
export const CollapseDownstream: Story = {
  args: { release: sampleRelease({ shape: 'regions', state: 'succeeded' }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForNodes(canvasElement, 6);
    await userEvent.click(canvas.getByRole('button', { name: 'Hide the environments after production' }));
    await waitForNodes(canvasElement, 4);
    const more = canvas.getByRole('button', { name: /3 more environments/ });
    await userEvent.click(more);
    await waitForNodes(canvasElement, 6);
  },
};

/** Long names are cut with an ellipsis and keep the full name as a tooltip. */
export const LongNames: Story = {
  args: { release: live({ shape: 'regions', state: 'running', longNames: true }) },
  play: async ({ canvasElement }) => {
    await waitForNodes(canvasElement, 6);
    const name = canvasElement.querySelector<HTMLElement>('.gr-release-graph__node-name')!;
    await expect(name.title.length).toBeGreaterThan(60);
    await expect(name.scrollWidth).toBeGreaterThan(name.clientWidth);
    await expectNoOverlap(canvasElement);
  },
};

export const TopToBottom: Story = {
  args: { direction: 'TB', release: live({ shape: 'regions', state: 'running' }) },
  play: async ({ canvasElement }) => {
    await waitForNodes(canvasElement, 6);
    const dev = canvasElement.querySelector('[data-env-id="dev"]')!.getBoundingClientRect();
    const staging = canvasElement.querySelector('[data-env-id="staging"]')!.getBoundingClientRect();
    await expect(staging.top).toBeGreaterThan(dev.bottom);
  },
};

/** The controls switch between left to right and top to bottom; the host hears about it. */
export const DirectionToggle: Story = {
  args: { release: live({ shape: 'sequential', state: 'running' }), onDirectionChange: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await waitForNodes(canvasElement, 4);
    const box = (name: string) => canvasElement.querySelector(`[data-env-id="${name}"]`)!.getBoundingClientRect();
    await expect(box('qa').left).toBeGreaterThan(box('dev').right);
    await userEvent.click(canvas.getByRole('button', { name: 'Lay out top to bottom' }));
    await expect(args.onDirectionChange).toHaveBeenCalledWith('TB');
    await waitFor(() => expect(box('qa').top).toBeGreaterThan(box('dev').bottom));
    await expect(canvas.getByRole('button', { name: 'Lay out left to right' })).toBeVisible();
  },
};

export const Dark: Story = {
  args: { release: sampleRelease({ shape: 'regions', state: 'failed' }) },
  globals: { colorMode: 'dark' },
  play: async ({ canvasElement }) => {
    await waitForNodes(canvasElement, 6);
    const node = nodesOf(canvasElement)[0]!;
    await expect(getComputedStyle(node).backgroundColor).not.toBe('rgb(255, 255, 255)');
  },
};

/** A deep link: the named environment is selected and centred on mount. */
export const FocusFromDeepLink: Story = {
  args: { release: live({ shape: 'large', state: 'running' }), defaultFocusEnvironment: 'preprod' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-env-id="preprod"][data-selected]')).not.toBeNull(), { timeout: 5000 });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-env-id')).toBe('preprod'));
  },
};

/** Bad data (a cycle) shows inline; an empty release says so. */
export const BadData: Story = {
  args: {
    release: {
      ...sampleRelease({ shape: 'sequential' }),
      environments: sampleRelease({ shape: 'sequential' }).environments.map((e) => (e.name === 'dev' ? { ...e, dependsOn: ['production'] } : e)),
    },
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(/cycle: .*production/);
  },
};

export const Empty: Story = {
  args: { release: { ...sampleRelease(), environments: [] } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('This release has no environments.');
  },
};

function LiveGraph() {
  const snapshots = useMemo(() => [...simulatePromotion(sampleFlow('regions'), { seed: 5 })], []);
  const [index, setIndex] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setIndex((i) => (i + 1) % snapshots.length), 700);
    return () => clearInterval(id);
  }, [snapshots]);
  const release: Release = snapshots[index]!;
  return <ReleaseGraph release={release} height={560} />;
}

/** A release running live (simulatePromotion, one snapshot every 0.7 s): nodes update in place. */
export const Live: Story = {
  render: () => <LiveGraph />,
  play: async ({ canvasElement }) => {
    await waitForNodes(canvasElement, 6);
    const dev = canvasElement.querySelector('[data-env-id="dev"]');
    const labels = () => nodesOf(canvasElement).map((node) => node.getAttribute('aria-label')).join('|');
    const before = labels();
    await waitFor(() => expect(labels()).not.toBe(before), { timeout: 5000 });
    // The same DOM node: updated in place, not remounted.
    await expect(canvasElement.querySelector('[data-env-id="dev"]')).toBe(dev);
  },
};

/** Themed like a host: a few plain token names set on a provider. */
export const HostTheme: Story = {
  render: (args) => (
    <ReleasesProvider
      colorMode="light"
      style={{
        ['--gr-font-family' as string]: 'Georgia, serif',
        ['--gr-radius' as string]: '0px',
        ['--gr-surface' as string]: '#f6f1e7',
        ['--gr-surface-raised' as string]: '#fffdf8',
        ['--gr-border' as string]: '#cbbd9f',
      }}
    >
      <ReleaseGraph {...args} />
    </ReleasesProvider>
  ),
  play: async ({ canvasElement }) => {
    await waitForNodes(canvasElement, 4);
    await expect(getComputedStyle(nodesOf(canvasElement)[0]!).borderRadius).toBe('0px');
  },
};

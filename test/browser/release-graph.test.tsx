/// <reference types="vite/client" />
import { act, type Ref } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import axe from 'axe-core';
import { layoutCacheStats, sampleFlow, sampleRelease, simulatePromotion, type Release } from 'gitops-releases/headless';
import { ReleaseGraph, ReleasesProvider, type ReleaseGraphProps } from '../../src';
import { randomDagRelease } from '../fixtures/random-dag';
import '../../src/styles/index.css';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let container: HTMLDivElement | undefined;

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  root = undefined;
});

function mount(release: Release, colorMode: 'light' | 'dark' = 'light') {
  container = document.createElement('div');
  container.style.width = '1200px';
  document.body.append(container);
  root = createRoot(container);
  const render = (next: Release) =>
    act(() =>
      root!.render(
        <ReleasesProvider colorMode={colorMode}>
          <ReleaseGraph release={next} height={600} showSearch={false} />
        </ReleasesProvider>,
      ),
    );
  render(release);
  return render;
}

/** Mounts one graph, with any props, in a light provider. */
function mountGraph(props: ReleaseGraphProps & { ref?: Ref<HTMLDivElement> }) {
  container = document.createElement('div');
  container.style.width = '1200px';
  document.body.append(container);
  root = createRoot(container);
  act(() =>
    root!.render(
      <ReleasesProvider colorMode="light">
        <ReleaseGraph height={600} {...props} />
      </ReleasesProvider>,
    ),
  );
}

const nodeElements = () => new Map([...document.querySelectorAll<HTMLElement>('[data-env-id]')].map((el) => [el.dataset.envId!, el]));
const settle = async () => {
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
  // React Flow draws its nodes after measuring: wait for them, however busy the machine.
  await vi.waitFor(() => expect(document.querySelector('[data-env-id]')).not.toBeNull(), { timeout: 20_000 });
};

describe('ReleaseGraph live updates', () => {
  it('applies 100 status updates without running the layout again or remounting a node', { timeout: 120_000 }, async () => {
    // Snapshots of one release as it runs: the same structure, new objects every time.
    const snapshots = [...simulatePromotion(sampleFlow('large'), { seed: 11 })];
    expect(snapshots.length).toBeGreaterThanOrEqual(100);
    const render = mount(snapshots[0]!);
    await settle();
    const before = layoutCacheStats();
    const elements = nodeElements();
    expect(elements.size).toBe(40);

    for (const snapshot of snapshots.slice(1, 101)) render(snapshot);
    await settle();

    const after = layoutCacheStats();
    expect(after.computed - before.computed).toBe(0);
    expect(after.reused - before.reused).toBe(100);
    // Every environment is still the very same DOM element: patched, never remounted.
    for (const [name, element] of nodeElements()) expect(element).toBe(elements.get(name));
    // And the updates did arrive.
    const last = snapshots[100]!;
    for (const environment of last.environments) {
      expect(document.querySelector(`[data-env-id="${environment.name}"]`)).toHaveAttribute('data-status', environment.status);
    }
  });

  it('lays out once more when the structure changes, and only once', async () => {
    const release = sampleRelease({ shape: 'parallel', state: 'running' });
    const render = mount(release);
    await settle();
    const before = layoutCacheStats().computed;
    const grown: Release = {
      ...release,
      environments: [...release.environments, { ...release.environments[3]!, name: 'prod-eu', dependsOn: ['production'] }],
    };
    render(grown);
    render({ ...grown });
    render({ ...grown, status: 'failed' });
    await settle();
    expect(layoutCacheStats().computed - before).toBe(1);
    expect(nodeElements().size).toBe(5);
  });
});

describe('ReleaseGraph first view of a large flow', () => {
  it('draws each of 300 environments once, compact, already fitted', { timeout: 120_000 }, async () => {
    // Every element that enters the page during the mount (a record may repeat one).
    const added = new Set<Element>();
    const observer = new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) if (node instanceof Element) for (const element of [node, ...node.querySelectorAll('*')]) added.add(element);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    mount(sampleRelease({ shape: 'huge', state: 'running' }));
    await settle();
    await vi.waitFor(() => expect(nodeElements().size).toBe(300), { timeout: 20_000 });
    await act(() => new Promise((resolve) => setTimeout(resolve, 200)));
    observer.disconnect();
    const nodes = [...added].filter((element) => element.matches('[data-env-id]'));
    // Far out, each environment is its box, name and status colour, drawn once...
    expect(nodes).toHaveLength(300);
    expect(nodes.filter((element) => element.hasAttribute('data-compact'))).toHaveLength(300);
    // The layout ran in a worker: meanwhile the outline of what is laid out showed, and went.
    const outline = (element: Element) => element.closest('.gr-release-graph__skeleton') !== null;
    expect([...added].some(outline)).toBe(true);
    // ...and nothing else is drawn for nothing: not the full rows of every node at React Flow's
    // default zoom first, thrown away when the view is fitted.
    expect([...added].filter((element) => !element.isConnected && !outline(element)).length).toBe(0);
    // Its edges are lines alone: no arrowheads or action markers a few pixels wide.
    const edges = () => [...document.querySelectorAll('g.gr-release-graph__edge')];
    expect(edges().length).toBeGreaterThan(250);
    expect(edges().every((edge) => edge.hasAttribute('data-compact') && edge.querySelectorAll('*').length === 1)).toBe(true);
    expect(document.querySelectorAll('.gr-release-graph__edge-arrow, .gr-release-graph__edge-action')).toHaveLength(0);
    // Zoomed in, the edges in view get them back.
    const first = nodeElements().values().next().value!;
    const box = first.getBoundingClientRect();
    for (let step = 0; step < 12; step++) {
      await act(async () => {
        first.closest('.react-flow')!.querySelector('.react-flow__pane')!.dispatchEvent(
          new WheelEvent('wheel', { bubbles: true, cancelable: true, deltaY: -200, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 }),
        );
        await new Promise((resolve) => setTimeout(resolve, 30));
      });
    }
    await vi.waitFor(() => expect(document.querySelectorAll('.gr-release-graph__edge-arrow').length).toBeGreaterThan(0));
    expect(document.querySelector('[data-env-id]:not([data-compact])')).not.toBeNull();
  });
});

describe('ReleaseGraph resizing', () => {
  const inView = () => {
    const frame = document.querySelector<HTMLElement>('.react-flow')!.getBoundingClientRect();
    return [...nodeElements()].filter(([, el]) => {
      const box = el.getBoundingClientRect();
      return box.left >= frame.left - 1 && box.right <= frame.right + 1;
    }).map(([name]) => name);
  };

  it('fits the whole flow again when its container narrows after a node was clicked', async () => {
    mount(sampleRelease({ shape: 'sequential', state: 'running' }));
    await settle();
    const all = [...nodeElements().keys()];
    await vi.waitFor(() => expect(inView()).toEqual(all));
    // A click selects a node (a move start without movement), then a host's side panel takes
    // half of the width.
    const node = nodeElements().get(all[1]!)!;
    const at = { bubbles: true, view: window, clientX: node.getBoundingClientRect().left + 5, clientY: node.getBoundingClientRect().top + 5 };
    node.dispatchEvent(new MouseEvent('mousedown', at));
    node.dispatchEvent(new MouseEvent('mouseup', at));
    node.click();
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    container!.style.width = '700px';
    await vi.waitFor(() => expect(inView()).toEqual(all), { timeout: 5_000 });
  });
});

describe('ReleaseGraph minimap', () => {
  it('draws each environment in its status colour, and the others neutral', async () => {
    const release = sampleRelease({ shape: 'regions', state: 'failed' });
    mountGraph({ release, showMinimap: true });
    await settle();
    const fills = () => [...document.querySelectorAll<SVGRectElement>('.react-flow__minimap-node')].map((rect) => getComputedStyle(rect).fill);
    await vi.waitFor(() => expect(fills()).toHaveLength(release.environments.length));
    const expected = release.environments.map((environment) =>
      ({ failed: 'rgb(207, 34, 46)', succeeded: 'rgb(26, 127, 55)' })[environment.status as string] ?? 'neutral',
    );
    expect(expected).toContain('rgb(207, 34, 46)');
    expect(expected).toContain('neutral');
    const neutral = fills()[expected.indexOf('neutral')];
    expect(fills()).toEqual(expected.map((fill) => (fill === 'neutral' ? neutral : fill)));
    expect(neutral).not.toBe('rgb(207, 34, 46)');
  });
});

describe('ReleaseGraph accessibility', () => {
  it.each(['light', 'dark'] as const)('has no axe violations in %s mode', async (mode) => {
    mount(sampleRelease({ shape: 'regions', state: 'failed' }), mode);
    await settle();
    const result = await axe.run(container!);
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('names each environment with its status, duration and issues', async () => {
    mount(sampleRelease({ shape: 'regions', state: 'failed' }));
    await settle();
    const failed = document.querySelector<HTMLElement>('.gr-release-graph__node[data-status="failed"]')!;
    expect(failed.getAttribute('aria-label')).toMatch(/^[\w-]+, Failed, .*\d+[smhd].*, \d+ issues?$/);
    // Roving tabindex: one node takes Tab.
    expect(document.querySelectorAll('.gr-release-graph__node[tabindex="0"]')).toHaveLength(1);
  });

  it('truncates a long subtitle, never the status beside it', async () => {
    const release = sampleRelease({ shape: 'parallel', state: 'running' });
    const qa = release.environments.find((environment) => environment.name === 'qa')!;
    mount({
      ...release,
      environments: release.environments.map((e) => (e === qa ? { ...e, statusText: 'Running Pre-Action Workflow integration-tests (attempt 3 of 5)' } : e)),
    });
    await settle();
    const labels = [...document.querySelectorAll<HTMLElement>('.gr-release-graph__node-status .gr-status-badge__label')];
    expect(labels.map((label) => label.textContent)).toContain('Running');
    for (const label of labels) expect(label.scrollWidth, label.textContent ?? '').toBeLessThanOrEqual(label.clientWidth);
    // The subtitle that did not fit is the one cut short, with the whole text on hover.
    const subtitles = [...document.querySelectorAll<HTMLElement>('.gr-release-graph__node-subtitle')];
    expect(subtitles.some((subtitle) => subtitle.scrollWidth > subtitle.clientWidth)).toBe(true);
    for (const subtitle of subtitles) expect(subtitle.title).toBe(subtitle.textContent);
  });
});

describe('ReleaseGraph keyboard focus', () => {
  const press = (key: string) =>
    act(() => {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    });
  const wait = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));
  const focused = () => document.activeElement?.getAttribute('data-env-id');

  const mountChain = (onEnvironmentOpen: (name: string) => void) =>
    mountGraph({ release: sampleRelease({ shape: 'sequential', state: 'succeeded' }), showSearch: false, onEnvironmentOpen });

  // dev -> qa -> staging -> production: three ArrowRight presses reach production, whatever the
  // pace. An older press's pending focus attempt used to move focus back (bug: the keyboard focus
  // jumps back when arrows are pressed quickly).
  it.each([0, 50, 150, 300])('ends where the arrows counted to when pressed %i ms apart, and Enter opens it', async (gap) => {
    const onEnvironmentOpen = vi.fn();
    mountChain(onEnvironmentOpen);
    await settle();
    await vi.waitFor(() => expect(nodeElements().size).toBe(4));
    nodeElements().get('dev')!.focus();
    expect(focused()).toBe('dev');
    for (let i = 0; i < 3; i++) {
      if (i > 0) await wait(gap);
      press('ArrowRight');
    }
    // Past any focus attempt a press could have left behind.
    await wait(400);
    expect(focused()).toBe('production');
    press('Enter');
    expect(onEnvironmentOpen).toHaveBeenLastCalledWith('production');
  });

  it('schedules nothing of its own after it unmounts with a focus request pending', async () => {
    mountChain(() => {});
    await settle();
    await vi.waitFor(() => expect(nodeElements().size).toBe(4));
    nodeElements().get('dev')!.focus();
    // Callbacks our own code (not React Flow's or d3's) schedules, and whether one ran after the
    // unmount.
    let unmounted = false;
    const late: string[] = [];
    const ours = () => (new Error().stack ?? '').split('\n')[3]?.includes('/src/') ?? false;
    const original = { setTimeout: window.setTimeout, requestAnimationFrame: window.requestAnimationFrame };
    const track =
      <F extends (...args: never[]) => unknown>(kind: string, schedule: (callback: F, ...rest: never[]) => number) =>
      (callback: F, ...rest: never[]) =>
        schedule.call(
          window,
          (ours()
            ? (...args: never[]) => {
                if (unmounted) late.push(kind);
                return callback(...args);
              }
            : callback) as F,
          ...rest,
        );
    window.setTimeout = track('setTimeout', original.setTimeout as never) as typeof window.setTimeout;
    window.requestAnimationFrame = track('requestAnimationFrame', original.requestAnimationFrame as never) as typeof window.requestAnimationFrame;
    try {
      press('ArrowRight');
      act(() => root!.unmount());
      root = undefined;
      unmounted = true;
      await new Promise((resolve) => original.setTimeout.call(window, resolve, 400));
    } finally {
      Object.assign(window, original);
    }
    expect(late).toEqual([]);
  });
});

describe('ReleaseGraph root and parts', () => {
  it('forwards its ref, passes id, data-* and aria-* through, and puts classNames on nodes and edges', async () => {
    const ref = { current: null as HTMLDivElement | null };
    const onWorkflowStepSelect = vi.fn();
    const release = sampleRelease({ shape: 'sequential', state: 'running' });
    mountGraph({
      ref,
      release,
      id: 'graph-1',
      'data-testid': 'graph',
      'aria-describedby': 'help',
      'aria-label': 'Checkout flow',
      classNames: { node: 'host-node', edge: 'host-edge' },
      defaultFocusEnvironment: 'qa',
      onWorkflowStepSelect,
    });
    await settle();
    const element = document.querySelector<HTMLElement>('[data-testid="graph"]')!;
    expect(ref.current).toBe(element);
    expect(element).toHaveAttribute('id', 'graph-1');
    expect(element).toHaveAttribute('aria-describedby', 'help');
    // The name is the canvas region's, once.
    expect(element).not.toHaveAttribute('aria-label');
    expect(element.querySelector('[role="region"]')).toHaveAttribute('aria-label', 'Checkout flow');
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('data-env-id')).toBe('qa'));
    expect(element.querySelectorAll('.gr-release-graph__node.host-node')).toHaveLength(4);
    expect(element.querySelectorAll('.gr-release-graph__edge.host-edge')).toHaveLength(3);
    const step = element.querySelector<HTMLButtonElement>('.gr-release-graph__step')!;
    const section = step.closest<HTMLElement>('[data-env-id]')!;
    act(() => step.click());
    expect(onWorkflowStepSelect).toHaveBeenCalledWith(
      { environment: section.dataset.envId, section: expect.stringMatching(/^(trigger|preAction|postAction)$/), name: step.title },
      expect.objectContaining({ name: step.title }),
    );
  });
});

describe('ReleaseGraph far out on a thousand environments', () => {
  const wheel = async (target: Element, deltaY: number, times: number) => {
    const box = target.getBoundingClientRect();
    for (let step = 0; step < times; step++) {
      await act(async () => {
        document.querySelector('.react-flow__pane')!.dispatchEvent(
          new WheelEvent('wheel', { bubbles: true, cancelable: true, deltaY, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 }),
        );
        await new Promise((resolve) => setTimeout(resolve, 30));
      });
    }
  };

  it('draws its overview: every environment in its status colour, a few elements, the Tab stop a node; zoomed in, nodes again', { timeout: 120_000 }, async () => {
    const release = randomDagRelease(1000, 23);
    mount(release, 'dark');
    const overview = () => document.querySelector('.gr-release-graph__overview');
    await vi.waitFor(() => expect(overview()).not.toBeNull(), { timeout: 30_000 });
    await vi.waitFor(() => expect(document.querySelector('[aria-busy="true"]')).toBeNull());
    // Every environment is a rectangle, in one path per status, painted in the status's colour.
    const paths = [...document.querySelectorAll<SVGPathElement>('.gr-release-graph__overview-nodes')];
    const rectangles = paths.reduce((sum, path) => sum + path.getAttribute('d')!.split('M').length - 1, 0);
    expect(rectangles).toBe(1000);
    const fill = (status: string) => getComputedStyle(paths.find((path) => path.dataset.status === status)!).fill;
    expect(fill('succeeded')).not.toBe(fill('running'));
    expect(fill('running')).not.toBe(fill('pending'));
    expect(document.querySelectorAll('.gr-release-graph__overview-edges').length).toBeGreaterThan(0);
    // A few elements in all, not tens of thousands; one node is left, the graph's Tab stop.
    expect(container!.querySelectorAll('*').length).toBeLessThan(300);
    await vi.waitFor(() => expect(nodeElements().size).toBe(1));
    const stop = [...nodeElements().values()][0]!;
    expect(stop.tabIndex).toBe(0);
    expect(stop.dataset.envId).toBe(release.environments[0]!.name);
    // The arrow keys move along the edges as ever: the next node is drawn, and focused.
    act(() => stop.focus());
    await act(async () => {
      stop.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    await vi.waitFor(() => expect((document.activeElement as HTMLElement | null)?.dataset.envId).toMatch(/^env-\d+$/));
    expect((document.activeElement as HTMLElement).dataset.envId).not.toBe(release.environments[0]!.name);
    expect(overview()).not.toBeNull();
    const result = await axe.run(container!);
    expect(result.violations).toEqual([]);
    // Zoomed in, the overview gives way to the nodes and edges in view.
    for (let step = 0; step < 20 && overview(); step++) await wheel(document.querySelector('.react-flow__pane')!, -150, 1);
    expect(overview()).toBeNull();
    await vi.waitFor(() => expect(nodeElements().size).toBeGreaterThan(5));
    await vi.waitFor(() => expect(document.querySelectorAll('g.gr-release-graph__edge').length).toBeGreaterThan(0));
  });


  it('outlines a search\'s matches on its overview', { timeout: 60_000 }, async () => {
    mountGraph({ release: randomDagRelease(1000, 31) });
    await vi.waitFor(() => expect(document.querySelector('.gr-release-graph__overview')).not.toBeNull(), { timeout: 30_000 });
    expect(document.querySelector('.gr-release-graph__overview-matches')).toBeNull();
    const search = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(search, 'env-99');
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // env-99 and env-990 to env-999: eleven rectangles outlined, over the overview's.
    const outline = await vi.waitFor(() => document.querySelector<SVGPathElement>('.gr-release-graph__overview-matches')!);
    expect(outline.getAttribute('d')!.split('M').length - 1).toBe(11);
    expect(getComputedStyle(outline).stroke).not.toBe('none');
    expect(document.querySelector('.gr-release-graph__matches')).toHaveTextContent('11');
  });
});

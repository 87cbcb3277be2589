/// <reference types="vite/client" />
import { act, type ReactElement } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import axe from 'axe-core';
import { sampleRelease, type EnvironmentStep, type Release } from 'gitops-releases/headless';
import { ReleaseGraph, ReleasesProvider, type ReleaseGraphProps } from '../../src';
import '../../src/styles/index.css';
import { environment as env, release as releaseOf } from '../fixtures/release';
import { describeViolations, mount, rerender } from './harness';

const wait = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));

function graph(props: Partial<ReleaseGraphProps> & { release: Release }, colorMode: 'light' | 'dark' = 'light'): ReactElement {
  return (
    <ReleasesProvider colorMode={colorMode}>
      <ReleaseGraph height={640} {...props} />
    </ReleasesProvider>
  );
}

async function show(props: Partial<ReleaseGraphProps> & { release: Release }, colorMode: 'light' | 'dark' = 'light'): Promise<HTMLElement> {
  await page.viewport(1240, 800);
  const root = await mount(graph(props, colorMode), { width: '1200px' });
  // React Flow draws its nodes once it has measured the canvas.
  await vi.waitFor(() => expect(root.querySelector('.react-flow__node')).not.toBeNull(), { timeout: 20_000 });
  await wait(300);
  return root;
}

// The sample fleet: dev -> staging -> a canary of 10 stores -> approve-wave-1 -> wave-1 (5 %) ->
// approve-wave-2 -> wave-2 (25 %) -> approve-wave-3 -> wave-3 (the rest), stores named
// `store-0011-ap-south-1` and grouped `<wave>/<region>` over 12 regions. Of 2,000 stores, wave-1
// has 100 and wave-3 1,390 (116 in eu-west-1); here 3 stores of wave-1 failed.
const blocked = () => sampleRelease({ shape: 'fleet', state: 'failed', wave: 'wave-1', failures: 3 });

/** The zoom React Flow draws at, read from its viewport's transform. */
const zoomOf = (root: HTMLElement) => new DOMMatrixReadOnly(getComputedStyle(root.querySelector('.react-flow__viewport')!).transform).a;

/** dev -> 250 stores in wave-1/eu-west -> after. */
function bigRegion(): Release {
  const stores: EnvironmentStep[] = Array.from({ length: 250 }, (_, i) =>
    env(`store-${String(i + 1).padStart(3, '0')}`, ['dev'], { group: 'wave-1/eu-west', status: i % 25 === 3 ? 'failed' : i % 2 ? 'succeeded' : 'running' }),
  );
  return releaseOf([env('dev', [], { status: 'succeeded' }), ...stores, env('after', stores.map((store) => store.name))]);
}

describe('a grid of 250 tiles', () => {
  it('opens from the group node and draws every store as a tile in its status colour', async () => {
    const root = await show({ release: bigRegion(), defaultExpandedGroups: ['wave-1'] });
    const group = root.querySelector<HTMLElement>('.gr-release-graph__group')!;
    expect(group).toHaveAccessibleName('wave-1/eu-west, 250 environments: 120 succeeded, 10 failed, 120 running');
    group.click();
    const grid = await vi.waitFor(() => {
      const found = root.querySelector<HTMLElement>('[role="grid"]');
      expect(found).not.toBeNull();
      return found!;
    });
    const tiles = [...grid.querySelectorAll<HTMLElement>('[role="gridcell"]')];
    expect(tiles).toHaveLength(250);
    // One element per tile, nothing inside it.
    expect(tiles.every((tile) => tile.childElementCount === 0)).toBe(true);
    const failed = tiles.find((tile) => tile.dataset.status === 'failed')!;
    expect(getComputedStyle(failed).backgroundColor).toBe('rgb(207, 34, 46)');
    expect(getComputedStyle(tiles.find((tile) => tile.dataset.status === 'succeeded')!).backgroundColor).toBe('rgb(26, 127, 55)');
    // Every tile inside its node's box (the layout sized it for them).
    const box = grid.closest('.gr-release-graph__tiles')!.getBoundingClientRect();
    for (const tile of tiles) {
      const rect = tile.getBoundingClientRect();
      expect(rect.right).toBeLessThanOrEqual(box.right + 0.5);
      expect(rect.bottom).toBeLessThanOrEqual(box.bottom + 0.5);
    }
  });

  it('names the tile under the pointer and the tile with the focus', async () => {
    const root = await show({ release: bigRegion(), defaultExpandedGroups: ['wave-1', 'wave-1/eu-west'], defaultFocusEnvironment: 'store-004' });
    const tip = root.querySelector<HTMLElement>('.gr-release-graph__tile-tip')!;
    const tile = (name: string) => [...root.querySelectorAll<HTMLElement>('[role="gridcell"]')].find((cell) => cell.getAttribute('aria-label')!.startsWith(`${name},`))!;
    await vi.waitFor(() => expect(document.activeElement).toBe(tile('store-004')));
    expect(tip).toBeVisible();
    expect(tip).toHaveTextContent('store-004, Failed');
    await userEvent.hover(tile('store-020'));
    expect(tip).toHaveTextContent('store-020, Succeeded');
    const rect = tip.getBoundingClientRect();
    const anchor = tile('store-020').getBoundingClientRect();
    expect(rect.bottom).toBeLessThanOrEqual(anchor.top + 1);
    expect(Math.abs((rect.left + rect.right) / 2 - (anchor.left + anchor.right) / 2)).toBeLessThan(2);
    // The accessible name says the same.
    expect(tile('store-020')).toHaveAccessibleName('store-020, Succeeded');
    expect(tile('store-020')).toHaveAttribute('title', 'store-020, Succeeded');
  });
});

describe('a grid of tiles seen close up', () => {
  it('brings the tile the keyboard moves to into view', async () => {
    const root = await show({ release: bigRegion(), defaultExpandedGroups: ['wave-1', 'wave-1/eu-west'], defaultFocusEnvironment: 'store-001' });
    const tiles = () => [...root.querySelectorAll<HTMLElement>('[role="gridcell"]')];
    await vi.waitFor(() => expect(document.activeElement).toBe(tiles()[0]));
    const zoomIn = root.querySelector<HTMLButtonElement>('.react-flow__controls-zoomin')!;
    for (let i = 0; i < 10 && !zoomIn.disabled; i++) {
      zoomIn.click();
      await wait(20);
    }
    await wait(300);
    tiles()[0]!.focus();
    const inView = (element: HTMLElement) => {
      const frame = root.querySelector('.react-flow')!.getBoundingClientRect();
      const box = element.getBoundingClientRect();
      return box.left >= frame.left && box.right <= frame.right && box.top >= frame.top && box.bottom <= frame.bottom;
    };
    const last = tiles()[249]!;
    expect(inView(last)).toBe(false);
    await userEvent.keyboard('{PageDown}');
    expect(document.activeElement).toBe(last);
    await vi.waitFor(() => expect(inView(last)).toBe(true));
  });
});

describe('semantic zoom', () => {
  it('draws names at least 10px high on screen at the smallest zoom, and the rows not at all', async () => {
    const root = await show({ release: blocked(), defaultExpandedGroups: ['wave-1', 'wave-3', 'wave-3/eu-west-1'] });
    const zoomOut = root.querySelector<HTMLButtonElement>('.react-flow__controls-zoomout')!;
    for (let i = 0; i < 30 && !zoomOut.disabled; i++) {
      zoomOut.click();
      await wait(20);
    }
    await wait(300);
    expect(zoomOut.disabled).toBe(true);
    const zoom = zoomOf(root);
    expect(zoom).toBeLessThan(0.35);
    expect(root.querySelector('.gr-release-graph__canvas')).toHaveAttribute('data-zoom', 'far');
    const names = [...root.querySelectorAll<HTMLElement>('.gr-release-graph__far-name, .gr-release-graph__compact-name, .gr-release-graph__frame[data-depth="0"] .gr-release-graph__frame-far')];
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      expect(name).toBeVisible();
      expect(parseFloat(getComputedStyle(name).fontSize) * zoom, name.textContent ?? '').toBeGreaterThanOrEqual(10);
    }
    // Regression: long region names (`ap-southeast-2`, `ca-central-1`) ran past their small tiles
    // over the next ones. Each far-out text stays inside its tile, ending in an ellipsis if need be.
    // (What a tile has no room for moves whole past its right edge, where it is clipped.)
    const tileOf = (text: Element) => text.closest('.gr-release-graph__group, .gr-release-graph__tiles')!.getBoundingClientRect();
    const texts = [...root.querySelectorAll<HTMLElement>('.gr-release-graph__far > *')].filter((text) => text.getClientRects().length > 0 && text.getBoundingClientRect().left < tileOf(text).right);
    expect(texts.map((text) => text.textContent)).toEqual(expect.arrayContaining(['ap-southeast-2', 'ca-central-1', 'ap-northeast-1']));
    for (const text of texts) {
      const box = text.getBoundingClientRect();
      expect(box.left, text.textContent ?? '').toBeGreaterThanOrEqual(tileOf(text).left - 0.5);
      expect(box.right, text.textContent ?? '').toBeLessThanOrEqual(tileOf(text).right + 0.5);
    }
    // The rows of text are not drawn at all: nothing of a few pixels.
    for (const rows of root.querySelectorAll('.gr-release-graph__group-full')) expect(getComputedStyle(rows).display).toBe('none');
    for (const header of root.querySelectorAll('.gr-release-graph__tiles-header')) expect(header).not.toBeVisible();
    // Near again: the rows, and no large names.
    const zoomIn = root.querySelector<HTMLButtonElement>('.react-flow__controls-zoomin')!;
    for (let i = 0; i < 30 && zoomOf(root) < 0.8; i++) {
      zoomIn.click();
      await wait(20);
    }
    await vi.waitFor(() => expect(root.querySelector('.gr-release-graph__canvas')).toHaveAttribute('data-zoom', 'near'));
    expect(getComputedStyle(root.querySelector('.gr-release-graph__far')!).display).toBe('none');
  });

  it('colours the groups in the minimap by status', async () => {
    const root = await show({ release: blocked(), showMinimap: true });
    await vi.waitFor(() => expect(root.querySelectorAll('.react-flow__minimap-node').length).toBeGreaterThan(5));
    const fills = [...root.querySelectorAll<SVGRectElement>('.react-flow__minimap-node')].map((rect) => getComputedStyle(rect).fill);
    // wave-1 failed, canary succeeded.
    expect(fills).toContain('rgb(207, 34, 46)');
    expect(fills.filter((fill) => fill === 'rgb(26, 127, 55)').length).toBeGreaterThan(2);
  });

  it('seen whole, says each gate and environment beside the groups by its name in large type, not in 5px rows', async () => {
    const root = await show({ release: sampleRelease({ shape: 'fleet', size: 5000, state: 'running' }) });
    await wait(300);
    // Fitted, or a step in: between the two levels, groups far out (below 60 %) yet above 35 %.
    if (zoomOf(root) < 0.35) root.querySelector<HTMLButtonElement>('.react-flow__controls-zoomin')!.click();
    await wait(400);
    const zoom = zoomOf(root);
    expect(zoom).toBeLessThan(0.6);
    expect(zoom).toBeGreaterThanOrEqual(0.35);
    const gates = [...root.querySelectorAll<HTMLElement>('[data-env-id]')];
    expect(gates.map((gate) => gate.dataset.envId)).toEqual(expect.arrayContaining(['dev', 'staging', 'approve-wave-1']));
    for (const gate of gates) {
      expect(gate).toHaveAttribute('data-compact');
      const name = gate.querySelector<HTMLElement>('.gr-release-graph__compact-name')!;
      expect(parseFloat(getComputedStyle(name).fontSize) * zoom, name.textContent ?? '').toBeGreaterThanOrEqual(10);
      // The whole story stays in its accessible name.
      expect(gate.getAttribute('aria-label')).toContain(gate.dataset.envId!);
    }
    expect(root.querySelector('.gr-release-graph__node-name')).toBeNull();
  });
});

describe('a fleet at first sight', () => {
  it('mounts 5,000 stores, every group closed, in a small page', async () => {
    const root = await show({ release: sampleRelease({ shape: 'fleet', size: 5000, state: 'failed', wave: 'wave-2' }) });
    expect(root.querySelectorAll('.gr-release-graph__group')).toHaveLength(4);
    const elements = root.querySelectorAll('*').length;
    // Measured: 553 elements (the canvas and its controls, nine nodes, eight edges, and far out the
    // regions of three waves as cells).
    expect(elements).toBeLessThan(700);
  });

  it('patches a status update of 100 stores into what shows them, leaving the other nodes alone', async () => {
    // wave-1 holds 250 stores: 101 done, 45 running, 104 not started.
    const release = sampleRelease({ shape: 'fleet', size: 5000, state: 'running', wave: 'wave-1' });
    const expanded = ['wave-3', 'wave-3/eu-west-1'];
    const root = await show({ release, defaultExpandedGroups: expanded });
    const others = [
      ...['dev', 'staging', 'approve-wave-1', 'approve-wave-3'].map((name) => root.querySelector(`[data-env-id="${name}"]`)),
      ...['canary', 'wave-2', 'wave-3/eu-central-1', 'wave-3/eu-west-1'].map((name) => root.querySelector(`[aria-label^="${name},"]`)),
    ];
    expect(others.every((element) => element !== null)).toBe(true);
    const changed: Node[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) changed.push(record.target);
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    let left = 100;
    const next: Release = {
      ...release,
      environments: release.environments.map((environment) =>
        environment.group?.startsWith('wave-1/') && environment.status !== 'succeeded' && left-- > 0
          ? { ...environment, status: 'succeeded' as const, statusText: 'Completed Successfully', finishedAt: '2026-11-20T10:20:00.000Z' }
          : environment,
      ),
    };
    rerender(graph({ release: next, defaultExpandedGroups: expanded }));
    await wait(300);
    observer.disconnect();
    expect(root.querySelector('[aria-label^="wave-1,"]')).toHaveAccessibleName('wave-1, 250 environments: 201 succeeded, 1 running, 48 not started');
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((target) => others.some((element) => element!.contains(target)))).toEqual([]);
  });
});

describe('keys pressed quickly', () => {
  it('Escape right after an arrow goes to the group\'s header and stays there, whatever the pan still does', async () => {
    const root = await show({ release: blocked(), defaultExpandedGroups: ['wave-2'], defaultFocusEnvironment: 'approve-wave-2' });
    const regions = () => [...root.querySelectorAll<HTMLElement>('.gr-release-graph__group[aria-label^="wave-2/"]')];
    await vi.waitFor(() => expect(regions().length).toBe(12));
    // Into the open wave, on its top region, then one down and at once Escape: within the pan's
    // 200 ms, when the arrow's focus request still has attempts pending.
    const top = regions().reduce((a, b) => (b.getBoundingClientRect().top < a.getBoundingClientRect().top ? b : a));
    act(() => top.focus());
    expect(document.activeElement).toBe(top);
    await userEvent.keyboard('{ArrowDown}');
    await vi.waitFor(() => expect(document.activeElement).not.toBe(top));
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^wave-2\//);
    await userEvent.keyboard('{Escape}');
    expect(document.activeElement).toHaveAccessibleName('Hide what is in wave-2');
    // After the pan, and after the request's last attempt (250 ms): still there.
    await wait(400);
    expect(document.activeElement).toHaveAccessibleName('Hide what is in wave-2');
  });
});

describe('groups and axe', () => {
  it.each([
    ['light', 'near'],
    ['dark', 'near'],
    ['light', 'far'],
    ['dark', 'far'],
  ] as const)('has no violations with groups closed, open and in a grid, in %s mode, %s', async (mode, distance) => {
    const root = await show(
      {
        release: blocked(),
        defaultExpandedGroups: ['wave-1', 'wave-1/ap-south-1', 'wave-3', 'wave-3/eu-west-1'],
        // A deep link is shown at zoom 1; without one the whole fleet is fitted, far out.
        defaultFocusEnvironment: distance === 'near' ? 'store-0011-ap-south-1' : undefined,
      },
      mode,
    );
    await vi.waitFor(() => expect(root.querySelector('.gr-release-graph__canvas')).toHaveAttribute('data-zoom', distance));
    const results = await axe.run(root);
    expect(results.violations, describeViolations(results)).toEqual([]);
  });
});

describe('far out, zoom by zoom', () => {
  it('shows each line of a closed group whole inside its tile or not at all', async () => {
    // wave-3's regions wait for approve-wave-3: far out each says so, in a line that wraps into
    // a hidden column where the tile is too short. At some zooms a sliver of that column showed.
    const root = await show({ release: blocked(), defaultExpandedGroups: ['wave-3'], defaultFocusEnvironment: 'approve-wave-3' });
    const pane = root.querySelector<HTMLElement>('.react-flow__pane')!;
    const box = pane.getBoundingClientRect();
    const seen = new Set<string>();
    while (zoomOf(root) > 0.2) {
      // One notch of a mouse wheel, out, at the middle of the canvas.
      pane.dispatchEvent(new WheelEvent('wheel', { deltaY: 40, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, cancelable: true }));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      if (root.querySelector('.gr-release-graph__canvas')?.getAttribute('data-zoom') !== 'far') continue;
      seen.add(zoomOf(root).toFixed(2));
      for (const far of root.querySelectorAll<HTMLElement>('.gr-release-graph__far')) {
        const tile = far.getBoundingClientRect();
        for (const line of far.children) {
          const at = line.getBoundingClientRect();
          const inside = at.left >= tile.left - 0.5 && at.right <= tile.right + 0.5;
          const outside = at.left >= tile.right || at.right <= tile.left;
          expect(inside || outside, `${far.closest('[data-node-id]')?.getAttribute('data-node-id')}: ${line.className} at zoom ${zoomOf(root).toFixed(3)}`).toBe(true);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(8);
  });
});

describe('a grouped graph from a server', () => {
  let root: Root | undefined;
  afterEach(async () => {
    await act(async () => root?.unmount());
    root = undefined;
  });

  it('hydrates without a mismatch, with a group open and a grid', async () => {
    const element = graph({ release: blocked(), defaultExpandedGroups: ['wave-1', 'wave-3', 'wave-3/eu-west-1'] });
    const html = renderToString(element);
    expect(html).toContain('gr-release-graph__group');
    expect(html).toContain('role="grid"');
    expect(html).not.toContain('\u0000');
    const container = document.createElement('div');
    container.style.width = '1200px';
    container.innerHTML = html;
    document.body.append(container);
    const errors: unknown[] = [];
    const consoleError = vi.spyOn(console, 'error').mockImplementation((...args) => void errors.push(args));
    try {
      await act(async () => {
        root = hydrateRoot(container, element, { onRecoverableError: (error) => void errors.push(error) });
      });
      await wait(100);
    } finally {
      consoleError.mockRestore();
    }
    expect(errors.map(String).filter((text) => /hydrat|mismatch|did not match|didn't match|server/i.test(text))).toEqual([]);
    expect(errors).toEqual([]);
    expect(container.querySelectorAll('[role="gridcell"]')).toHaveLength(116);
    container.remove();
  });
});

/// <reference types="vite/client" />
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import axe from 'axe-core';
import { groupCacheStats, layoutCacheStats, layoutReleaseGraph, layoutReleaseGraphAsync, sampleRelease, type Release } from 'gitops-releases/headless';
import { ReleaseGraph, ReleasesProvider, type ReleaseGraphProps } from '../../src';
import { randomDagRelease } from '../fixtures/random-dag';
import '../../src/styles/index.css';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The library's worker script, made by the test so it can watch the worker's life. */
function watchedWorkers() {
  const made: Array<{ worker: Worker; terminated: boolean }> = [];
  const make = () => {
    const worker = new Worker(new URL('../../src/headless/graph/layout-worker.ts', import.meta.url), { type: 'module' });
    const entry = { worker, terminated: false };
    const terminate = worker.terminate.bind(worker);
    worker.terminate = () => {
      entry.terminated = true;
      terminate();
    };
    made.push(entry);
    return worker;
  };
  return { make, made };
}

// Every test lays out a structure of its own (the seed and names differ), so nothing comes from the cache.
let seed = 100;
const fresh = (count: number, name?: (i: number) => string) => randomDagRelease(count, seed++, name);
const fleet = sampleRelease({ shape: 'fleet', size: 5000, state: 'running' });
/** The 5,000-store fleet as a structure of its own: `staging` renamed, and what waits for it. */
const freshFleet = (): Release => {
  const name = `staging-${seed++}`;
  const rename = (dependsOn: string[]) => dependsOn.map((d) => (d === 'staging' ? name : d));
  return { ...fleet, environments: fleet.environments.map((e) => (e.name === 'staging' ? { ...e, name } : e.dependsOn.includes('staging') ? { ...e, dependsOn: rename(e.dependsOn) } : e)) };
};
const positions = (layout: { nodes: Array<{ position: { x: number; y: number } }> }) => layout.nodes.map((node) => [node.position.x, node.position.y]);

describe('layoutReleaseGraphAsync in a browser', () => {
  it('lays a rank-skipping 300-environment DAG out in the library worker, as the main thread would', async () => {
    const release = fresh(300);
    const before = layoutCacheStats();
    const inWorker = await layoutReleaseGraphAsync(release, { nodeSpacing: 41 });
    expect(layoutCacheStats().inWorker - before.inWorker).toBe(1);
    // The same DAG under other names, laid out here: dagre sees indices only, so positions agree.
    const renamed = { ...release, environments: release.environments.map((e) => ({ ...e, name: `x-${e.name}`, dependsOn: e.dependsOn.map((d) => `x-${d}`) })) };
    const here = layoutReleaseGraph(renamed, { nodeSpacing: 41 });
    expect(positions(inWorker)).toEqual(positions(here));
    expect(inWorker.nodes).toHaveLength(300);
    // Now cached: a second call answers without a worker.
    await layoutReleaseGraphAsync(release, { nodeSpacing: 41 });
    expect(layoutCacheStats().inWorker - before.inWorker).toBe(1);
  });

  it('keeps names like __proto__ and constructor out of the worker and gets them back right', async () => {
    const hostile = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'n0'];
    const release = fresh(120, (i) => (i < hostile.length ? hostile[i]! : `store-${i}`));
    const layout = await layoutReleaseGraphAsync(release, { nodeSpacing: 42 });
    expect(layout.nodes.slice(0, 5).map((node) => node.id)).toEqual(hostile);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('rejects an aborted layout with AbortError, terminates its running worker, and serves the next one', async () => {
    const { make, made } = watchedWorkers();
    const controller = new AbortController();
    const running = layoutReleaseGraphAsync(fresh(300), { nodeSpacing: 43 }, { signal: controller.signal, worker: make });
    // The job is posted to a worker when the call returns; its answer cannot arrive in this turn.
    expect(made).toHaveLength(1);
    expect(made[0]!.terminated).toBe(false);
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(made).toHaveLength(1);
    expect(made[0]!.terminated).toBe(true);
    const next = await layoutReleaseGraphAsync(fresh(200), { nodeSpacing: 43 }, { worker: make });
    expect(next.nodes).toHaveLength(200);
    // A new worker did it, and was ended once it had nothing left to do.
    expect(made).toHaveLength(2);
    expect(made[1]!.terminated).toBe(true);
  });

  it('shares one job between callers of one structure, and keeps it while one still waits', async () => {
    const { make, made } = watchedWorkers();
    const release = fresh(250);
    const first = new AbortController();
    const a = layoutReleaseGraphAsync(release, { nodeSpacing: 44 }, { signal: first.signal, worker: make });
    const b = layoutReleaseGraphAsync({ ...release }, { nodeSpacing: 44 }, { worker: make });
    first.abort();
    await expect(a).rejects.toMatchObject({ name: 'AbortError' });
    expect((await b).nodes).toHaveLength(250);
    expect(made).toHaveLength(1);
  });

  it('falls back to the main thread when the worker cannot start', async () => {
    const before = layoutCacheStats();
    const broken = () => new Worker(new URL('./no-such-worker.js', import.meta.url), { type: 'module' });
    const layout = await layoutReleaseGraphAsync(fresh(150), { nodeSpacing: 45 }, { worker: broken });
    expect(layout.nodes).toHaveLength(150);
    expect(layoutCacheStats().computed - before.computed).toBe(1);
    expect(layoutCacheStats().inWorker - before.inWorker).toBe(0);
  });

  it('rejects bad data at once, before any worker, with ReleaseDataError', async () => {
    const release = fresh(10);
    const bad = { ...release, environments: [...release.environments, { ...release.environments[0]!, name: 'env-1' }] };
    await expect(layoutReleaseGraphAsync(bad)).rejects.toMatchObject({ name: 'ReleaseDataError' });
  });
});

describe('ReleaseGraph with a big graph', () => {
  let root: Root | undefined;
  let container: HTMLDivElement | undefined;
  afterEach(() => {
    act(() => root?.unmount());
    container?.remove();
    root = undefined;
  });
  function mount(props: ReleaseGraphProps) {
    container = document.createElement('div');
    container.style.width = '1200px';
    document.body.append(container);
    root = createRoot(container);
    const render = (next: ReleaseGraphProps) =>
      act(() =>
        root!.render(
          <ReleasesProvider>
            <ReleaseGraph height={600} {...next} />
          </ReleasesProvider>,
        ),
      );
    render(props);
    return render;
  }
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 400 && !check(); i++) await act(() => new Promise((resolve) => setTimeout(resolve, 25)));
    expect(check()).toBe(true);
  };

  it('shows what it lays out while the worker works, then the graph; live updates keep the job and the layout', async () => {
    const release: Release = fresh(300);
    const before = layoutCacheStats();
    const render = mount({ release });
    const skeleton = container!.querySelector('.gr-release-graph__skeleton');
    expect(skeleton?.getAttribute('aria-busy')).toBe('true');
    expect(container!.querySelector('[role="status"]')?.textContent).toBe('Laying out 300 environments…');
    const results = await axe.run(container!);
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
    // A status update while it waits: the same structure, the same job.
    render({ release: { ...release, environments: release.environments.map((e, i) => (i === 200 ? { ...e, status: 'running' } : e)) } });
    await until(() => container!.querySelectorAll('.react-flow__node').length > 0);
    expect(container!.querySelector('.gr-release-graph__skeleton')).toBeNull();
    expect(container!.querySelector('[aria-busy]')).toBeNull();
    expect(layoutCacheStats().inWorker - before.inWorker).toBe(1);
    expect(layoutCacheStats().computed - before.computed).toBe(1);
  });

  it('keeps the last structure of the same release on screen, busy, while a new one is laid out; never another release', async () => {
    const small = fresh(8);
    const render = mount({ release: small });
    expect(container!.querySelectorAll('.react-flow__node')).toHaveLength(8);
    // The same release grows to 300 environments: the 8 stay, marked busy, until the new layout arrives.
    const grown = { ...fresh(300), id: small.id };
    render({ release: grown });
    expect(container!.querySelectorAll('.react-flow__node')).toHaveLength(8);
    expect(container!.querySelector('.gr-release-graph__canvas')?.getAttribute('aria-busy')).toBe('true');
    expect(container!.querySelector('.gr-release-graph__busy')?.textContent).toBe('Laying out 300 environments…');
    await until(() => container!.querySelector('[aria-busy]') === null);
    // The view stays where it was (far from most of the new graph); fitted, it shows the new one.
    act(() => container!.querySelector<HTMLButtonElement>('.react-flow__controls-fitview')!.click());
    await until(() => container!.querySelectorAll('.react-flow__node').length > 8);
    // Another release never shows this one's nodes while it waits: its outline instead.
    render({ release: { ...fresh(300), id: `${small.id}-other` } });
    expect(container!.querySelector('.react-flow__node')).toBeNull();
    expect(container!.querySelector('.gr-release-graph__skeleton')).not.toBeNull();
    await until(() => container!.querySelectorAll('.react-flow__node').length > 0);
  });

  it('ends the worker of a layout nobody waits for when the graph unmounts', async () => {
    const { make, made } = watchedWorkers();
    const before = layoutCacheStats();
    mount({ release: fresh(300), layoutWorker: make });
    // The mount's effect gave the job to a worker, which is still at it.
    expect(made).toHaveLength(1);
    expect(made[0]!.terminated).toBe(false);
    act(() => root?.unmount());
    root = undefined;
    expect(made[0]!.terminated).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(layoutCacheStats().inWorker).toBe(before.inWorker);
  });

  it('shows a 5,000-store fleet not grouped yet as its outline first, then groups it and draws its groups', async () => {
    const release = freshFleet();
    const before = groupCacheStats().computed;
    mount({ release });
    // The mount's render grouped nothing: the outline, busy, says what comes.
    expect(container!.querySelector('.gr-release-graph__skeleton')?.getAttribute('aria-busy')).toBe('true');
    expect(container!.querySelector('[role="status"]')?.textContent).toBe('Laying out 5,005 environments…');
    expect(groupCacheStats().computed).toBe(before);
    await until(() => container!.querySelectorAll('.gr-release-graph__group').length === 4);
    expect(container!.querySelector('[aria-busy]')).toBeNull();
    expect(container!.querySelector('.gr-release-graph__group[aria-label^="wave-2,"]')?.getAttribute('aria-label')).toMatch(/^wave-2, 1,250 environments: \d/);
    expect(groupCacheStats().computed).toBe(before + 1);
  });

  it('groups and lays out nothing after an unmount while a fleet waits to be grouped', async () => {
    const before = { groups: groupCacheStats().computed, layouts: layoutCacheStats().computed };
    mount({ release: freshFleet() });
    expect(container!.querySelector('.gr-release-graph__skeleton')).not.toBeNull();
    act(() => root?.unmount());
    root = undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(groupCacheStats().computed).toBe(before.groups);
    expect(layoutCacheStats().computed).toBe(before.layouts);
  });

  it('draws at once, without a worker, from a layout made elsewhere', async () => {
    const release = fresh(300);
    // What a host's server would do with the headless entry (here on this thread), sent as JSON.
    const made = JSON.parse(JSON.stringify(layoutReleaseGraph({ ...release }, { direction: 'LR', groups: {} }))) as ReturnType<typeof layoutReleaseGraph>;
    // The cache forgets it: 40 other structures later, only the prop can seed it.
    for (let i = 0; i < 40; i++) layoutReleaseGraph(fresh(3), { nodeSpacing: 100 + i });
    const before = layoutCacheStats();
    // Without the layout it would wait for a worker (as the test above shows).
    mount({ release, layout: made });
    expect(container!.querySelector('.gr-release-graph__skeleton')).toBeNull();
    expect(container!.querySelectorAll('.react-flow__node').length).toBeGreaterThan(0);
    expect(layoutCacheStats().computed - before.computed).toBe(0);
  });

  it('ignores a layout of another structure, and lays the graph out itself', async () => {
    const release = fresh(300);
    const other = layoutReleaseGraph(fresh(300), { direction: 'LR', groups: {} });
    mount({ release, layout: other, layoutWorker: false });
    expect(container!.querySelectorAll('.react-flow__node').length).toBeGreaterThan(0);
  });
});

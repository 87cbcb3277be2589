// Regression: ReleaseInsights without `now` measured up to the moment it mounted, on the server
// and again in the browser, seconds (or, for a cached page, hours) later. A deployment near a
// window's edge then counted on one side only, and hydration failed. The browser now keeps the
// moment the server measured up to.
import { act } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, expect, it, vi } from 'vitest';
import type { Release } from 'gitops-releases/headless';
import { ReleaseInsights } from '../../src';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const DAY = 86_400_000;
const serverAt = Date.parse('2026-11-20T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** A release whose production deployment succeeded at `at`. */
function deployed(id: string, at: number): Release {
  return {
    id,
    product: 'checkout',
    version: id,
    flow: { name: 'main' },
    status: 'succeeded',
    trigger: {},
    createdAt: iso(at - 3_600_000),
    environments: [{ name: 'production', kind: 'production', status: 'succeeded', dependsOn: [], startedAt: iso(at - 600_000), finishedAt: iso(at) }],
  } as unknown as Release;
}

// Five seconds inside the server's 30-day window, and outside the one a browser a minute later
// would measure.
const releases = [deployed('edge', serverAt - 30 * DAY + 5_000)];

let mounted: { container: HTMLElement; root: Root } | undefined;
afterEach(async () => {
  if (mounted) await act(async () => mounted!.root.unmount());
  mounted?.container.remove();
  mounted = undefined;
  vi.useRealTimers();
  vi.restoreAllMocks();
});

it('measures, once hydrated, the window the server measured, whatever the browser’s clock says', async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(serverAt);
  const element = <ReleaseInsights releases={releases} />;
  const html = renderToString(element);
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  const root = container.querySelector('.gr-release-insights')!;
  expect(root).toHaveAttribute('data-state', 'ready');
  expect(root).toHaveAttribute('data-measured-at', String(serverAt));

  // The browser hydrates a minute later.
  vi.setSystemTime(serverAt + 60_000);
  const consoleError = vi.spyOn(console, 'error');
  const problems: unknown[] = [];
  let hydrated!: Root;
  await act(async () => {
    hydrated = hydrateRoot(container, element, { onRecoverableError: (error) => void problems.push(error) });
  });
  mounted = { container, root: hydrated };
  expect(problems).toEqual([]);
  // The same words (a mismatched text is a recoverable error), and no attribute React found
  // different (a console error).
  const served = document.createElement('div');
  served.innerHTML = html;
  expect(container.textContent).toBe(served.textContent);
  expect(consoleError).not.toHaveBeenCalled();
  expect(container.querySelector('.gr-release-insights')).toHaveAttribute('data-state', 'ready');
});

it('measures up to its own mount when it was not server-rendered, and to `now` when given', async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(serverAt + 60_000);
  const container = document.createElement('div');
  document.body.append(container);
  const { createRoot } = await import('react-dom/client');
  const root = createRoot(container);
  mounted = { container, root };
  await act(async () => root.render(<ReleaseInsights releases={releases} />));
  // A minute later the deployment is 30 days and 55 seconds old: outside the window.
  expect(container.querySelector('.gr-release-insights')).toHaveAttribute('data-state', 'empty');
  expect(container.querySelector('.gr-release-insights')).toHaveAttribute('data-measured-at', String(serverAt + 60_000));
  await act(async () => root.render(<ReleaseInsights releases={releases} now={iso(serverAt)} />));
  expect(container.querySelector('.gr-release-insights')).toHaveAttribute('data-state', 'ready');
  expect(container.querySelector('.gr-release-insights')).not.toHaveAttribute('data-measured-at');
});

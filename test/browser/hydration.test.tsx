/// <reference types="vite/client" />
// Every public component, rendered to HTML by react-dom/server (as a string and as a stream) and
// hydrated over that HTML in Chromium: React must adopt the server's markup as it is. A mismatch
// shows up as a recoverable error (text: React throws the server's DOM away and renders again),
// as a console error (attributes: React keeps the wrong ones), or as markup that differs from the
// server's when the hydration commits; each fails the test.
import { act, useLayoutEffect, type ReactElement, type ReactNode } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToReadableStream, renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  HEALTH_STATUSES,
  STATUSES,
  SYNC_STATUSES,
  buildReleaseRows,
  sampleRelease,
  sampleReleaseHistory,
  sortReleaseRows,
  type Release,
  type Status,
} from 'gitops-releases/headless';
import {
  EnvironmentDetails,
  ReleaseDiff,
  ReleaseGraph,
  ReleaseComparison,
  ReleaseHeader,
  ReleaseInsights,
  ReleaseNotes,
  ReleasesProvider,
  ReleasesTable,
  ReleaseView,
  StatusBadge,
  type ReleaseViewTab,
} from '../../src';
import { randomDagRelease } from '../fixtures/random-dag';
import '../../src/styles/index.css';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// Running releases seen a few minutes ago: the server has no clock and renders them as of their
// data; the hydrated page then counts on from the browser's clock.
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const running = sampleRelease({ shape: 'regions', state: 'running', now: minutesAgo(5) });
const failed = sampleRelease({ shape: 'parallel', state: 'failed' });
const succeeded = sampleRelease({ shape: 'parallel', state: 'succeeded' });
const suspended = sampleRelease({ shape: 'regions', state: 'suspended-pr', now: minutesAgo(20) });
const history = sampleReleaseHistory({ count: 200, shape: 'regions', now: minutesAgo(3) });
const byDuration = history.slice(0, 40);
const qa = succeeded.environments.find((environment) => environment.name === 'qa')!;
const nextRelease: Release = {
  ...succeeded,
  environments: succeeded.environments.map((environment) =>
    environment === qa ? { ...qa, applications: qa.applications.map((app, i) => (i === 0 ? { ...app, version: '9.9.9' } : app)) } : environment,
  ),
};
// A team's 90 days seen now, measured up to the same moment on both sides (as the README asks).
const measuredAt = minutesAgo(1);
const team = sampleReleaseHistory({ team: 'struggling', days: 90, shape: 'regions', now: measuredAt });
const runningEnvironment = running.environments.find((environment) => environment.status === 'running')!;
const failedEnvironment = failed.environments.find((environment) => environment.status === 'failed')!;
const thousand = randomDagRelease(1000, 29);
const brokenGraph: Release = {
  ...failed,
  environments: failed.environments.map((environment) => (environment.name === 'qa' ? { ...environment, dependsOn: ['nowhere'] } : environment)),
};

// ---- the harness -------------------------------------------------------------------------------

const HYDRATION_TROUBLE = /hydrat|mismatch|did not match|didn't match|server rendered|server HTML/i;

/** Renders nothing of its own; notes the container's markup when the hydration commits. */
function AtCommit({ onCommit, children }: { onCommit?: () => void; children: ReactNode }) {
  // Layout effects run in the hydration's own commit, before any effect could re-render: what
  // is in the page now is what hydration made of the server's markup.
  useLayoutEffect(() => onCommit?.(), [onCommit]);
  return children;
}

/** `html` parsed into a detached element, to query the server's markup. */
function parsed(html: string): HTMLElement {
  const element = document.createElement('div');
  element.innerHTML = html;
  return element;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

type ServerRender = 'string' | 'stream';

/** True while the server render of `hydrate` runs: lets the self-check below differ on purpose. */
let renderingOnServer = false;

async function renderOnServer(element: ReactElement, how: ServerRender, problems: string[]): Promise<string> {
  renderingOnServer = true;
  try {
    if (how === 'string') return renderToString(element);
    const stream = await renderToReadableStream(element, { onError: (error) => void problems.push(`server render: ${String(error)}`) });
    await stream.allReady;
    return await new Response(stream).text();
  } finally {
    renderingOnServer = false;
  }
}

interface Hydrated {
  container: HTMLElement;
  /** The server's markup, as the browser parsed it into the container. */
  serverHtml: string;
  /** The container's markup when the hydration committed. */
  committedHtml: string;
  /** Recoverable errors, errors caught by boundaries, hydration warnings: all failures. */
  problems: string[];
  root: Root;
}

// What the last test put in the page, removed after it even when it failed half-way.
let mounted: { container: HTMLElement; root?: Root } | undefined;
afterEach(async () => {
  if (!mounted) return;
  const { root, container } = mounted;
  mounted = undefined;
  if (root) await act(async () => root.unmount());
  container.remove();
  vi.useRealTimers();
});

/**
 * How long after the server's render the browser hydrates (a cached page, a slow network).
 * Markup computed from the server's clock (a duration, "3 min ago", an order by duration) would
 * differ by then; rendered and hydrated in the same millisecond it would not show.
 */
const HYDRATED_LATER_MS = 90 * 60_000;

/** Server-renders `element`, puts the HTML in the page, hydrates it and lets it settle. */
async function hydrate(element: ReactElement, how: ServerRender = 'string'): Promise<Hydrated> {
  const problems: string[] = [];
  const html = await renderOnServer(<AtCommit>{element}</AtCommit>, how, problems);
  // Only Date: the page's timers and frames run as usual.
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true, now: Date.now() + HYDRATED_LATER_MS });
  const container = document.createElement('div');
  container.style.width = '1400px';
  container.innerHTML = html;
  document.body.append(container);
  mounted = { container };
  const serverHtml = container.innerHTML;
  let committedHtml = '';
  const onCommit = () => {
    committedHtml = container.innerHTML;
  };

  const original = { error: console.error, warn: console.warn };
  const listen = (level: 'error' | 'warn') =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      const message = args.map(String).join(' ');
      if (HYDRATION_TROUBLE.test(message)) problems.push(`console.${level}: ${message}`);
      // Anything else still reaches the output: a warning is worth seeing even when it is not ours.
      else original[level](...args);
    });
  const spies = [listen('error'), listen('warn')];
  let root!: Root;
  try {
    await act(async () => {
      root = mounted!.root = hydrateRoot(container, <AtCommit onCommit={onCommit}>{element}</AtCommit>, {
        onRecoverableError: (error) => void problems.push(`recoverable: ${error instanceof Error ? error.message : String(error)}`),
        onCaughtError: (error) => void problems.push(`caught by a boundary: ${error instanceof Error ? error.message : String(error)}`),
      });
    });
    // Effects run, observers report sizes, the clock starts: two frames let it all land.
    await act(nextFrame);
    await act(nextFrame);
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return { container, serverHtml, committedHtml, problems, root };
}

/** Where two pieces of markup part, with some context, or undefined when they are the same. */
function firstDifference(server: string, client: string): string | undefined {
  if (server === client) return undefined;
  let at = 0;
  while (server[at] === client[at]) at += 1;
  const around = (html: string) => html.slice(Math.max(0, at - 160), at + 160);
  return `at ${at}:\n  server: …${around(server)}…\n  client: …${around(client)}…`;
}

/** No hydration problem, and the hydration kept the server's markup as it was. */
function expectCleanHydration({ problems, serverHtml, committedHtml }: Hydrated) {
  expect(problems).toEqual([]);
  expect(committedHtml).not.toBe('');
  expect(firstDifference(serverHtml, committedHtml)).toBeUndefined();
}

// ---- the cases ---------------------------------------------------------------------------------

interface Case {
  name: string;
  element: ReactElement;
  /**
   * The markup stays the server's after the page settles too. False where the client has more to
   * show than a server can know: a clock (relative dates, running durations), measured sizes
   * (React Flow, the virtualized table).
   */
  still: boolean;
  /**
   * It shows dates and times. Without a zone pinned by a provider, the server writes them in UTC
   * and the hydrated page in the reader's zone: then they are not still either.
   */
  times?: boolean;
  /** Undoes, in the settled markup, an update the client makes after mounting anyway. */
  settled?: (html: string) => string;
  /** What a reader sees the hydrated component do: proves the server's DOM came alive. */
  thenCheck?: (hydrated: Hydrated) => Promise<void>;
}

const within = (container: HTMLElement, selector: string) => {
  const element = container.querySelector<HTMLElement>(selector);
  expect(element, selector).not.toBeNull();
  return element!;
};
const click = (element: HTMLElement) => act(async () => element.click());
const onClose = vi.fn();
/**
 * Radix's tab list is tabbable (tabindex 0) only once its tabs have registered, in an effect: a
 * server and a first client render both say -1. Not a mismatch; put back to compare the rest.
 */
const tabListBeforeMount = (html: string) => html.replace(/(<div role="tablist"[^>]*?) tabindex="0"/, '$1 tabindex="-1"');
const tabs: readonly ReleaseViewTab[] = ['graph', 'notes', 'applications', 'timeline'];

function badgesOf(status: Status) {
  return (
    <p>
      {(['subtle', 'solid', 'icon-only'] as const).map((variant) =>
        (['sm', 'md'] as const).map((size) => <StatusBadge key={`${variant}-${size}`} status={status} variant={variant} size={size} />),
      )}
    </p>
  );
}

const CASES: Case[] = [
  ...STATUSES.map<Case>((status) => ({ name: `StatusBadge ${status}, every variant and size`, element: badgesOf(status), still: true })),
  {
    name: 'StatusBadge sync, health, waiting for a pull request, loading, unknown',
    element: (
      <p>
        {SYNC_STATUSES.map((status) => <StatusBadge key={`sync-${status}`} kind="sync" status={status} />)}
        {HEALTH_STATUSES.map((status) => <StatusBadge key={`health-${status}`} kind="health" status={status} />)}
        <StatusBadge status="suspended" waitingFor="pull-request" />
        <StatusBadge status="suspended" waitingFor="pull-request" variant="icon-only" />
        <StatusBadge status="running" loading />
        <StatusBadge status={'bogus' as Status} />
      </p>
    ),
    still: true,
  },
  {
    name: 'ReleasesTable with rows',
    element: <ReleasesTable releases={history} height={560} getReleaseHref={(release) => `/releases/${release.id}`} />,
    still: false,
    thenCheck: async ({ container, serverHtml }) => {
      // The server had no clock and wrote dates out; the hydrated table says how long ago.
      const serverDate = within(parsed(serverHtml), 'tbody time').textContent;
      await vi.waitFor(() => expect(within(container, 'tbody time').textContent).not.toBe(serverDate));
      const header = within(container, 'th[aria-sort="descending"]');
      await click(within(header, 'button'));
      await vi.waitFor(() => expect(header).toHaveAttribute('aria-sort', 'ascending'));
    },
  },
  {
    // Regression: sorted by duration, server and browser each measured running releases to their
    // own clock and ordered the rows differently, so hydration failed and rendered the table again.
    name: 'ReleasesTable sorted by duration, a running release among finished ones',
    element: <ReleasesTable releases={byDuration} defaultState={{ sort: { key: 'duration', desc: true } }} height={2000} />,
    still: false,
    thenCheck: async ({ container }) => {
      // Hydrated in the server's order, then ordered by the browser's clock: the running and the
      // queued release have been going for an hour and a half by now.
      const expected = sortReleaseRows(buildReleaseRows(byDuration), { key: 'duration', desc: true }, Date.now()).map((row) => row.status);
      await vi.waitFor(() =>
        expect([...container.querySelectorAll('tbody tr[data-status]')].map((row) => row.getAttribute('data-status'))).toEqual(expected),
      );
    },
  },
  { name: 'ReleasesTable loading', element: <ReleasesTable releases={undefined} loading />, still: true },
  { name: 'ReleasesTable empty', element: <ReleasesTable releases={[]} />, still: true },
  { name: 'ReleasesTable error', element: <ReleasesTable releases={undefined} error={new Error('503 from the API')} />, still: true },
  {
    name: 'ReleaseGraph of a running release',
    element: <ReleaseGraph release={running} showMinimap />,
    still: false,
    thenCheck: async ({ container }) => {
      const search = within(container, 'input[type="search"]') as HTMLInputElement;
      await act(async () => {
        // React listens for input events: set the value as a reader's typing would.
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(search, 'prod');
        search.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await vi.waitFor(() => expect(within(container, '.gr-release-graph__matches').textContent).toMatch(/match/));
      // Drawn after hydration only (its markup depends on the browser), but drawn.
      await vi.waitFor(() => expect(container.querySelector('.gr-release-graph__minimap svg')).not.toBeNull());
    },
  },
  { name: 'ReleaseGraph of a failed release, top to bottom', element: <ReleaseGraph release={failed} defaultDirection="TB" />, still: false },
  { name: 'ReleaseGraph with bad data', element: <ReleaseGraph release={brokenGraph} />, still: true },
  {
    name: 'ReleaseGraph of 1,000 environments seen whole: its overview and one node',
    element: <ReleaseGraph release={thousand} />,
    still: false,
    thenCheck: async ({ container, serverHtml }) => {
      expect(serverHtml).toContain('gr-release-graph__overview-nodes');
      expect(serverHtml.match(/data-env-id=/g)).toHaveLength(1);
      expect(container.querySelector('.gr-release-graph__overview')).not.toBeNull();
    },
  },
  ...tabs.map<Case>((tab) => ({
    name: `ReleaseView of a running release, ${tab} tab`,
    element: <ReleaseView release={running} defaultTab={tab} onRetry={() => {}} onTerminate={() => {}} onReleaseNotes={() => {}} />,
    still: false,
    thenCheck: async ({ container }) => {
      const other = container.querySelector<HTMLElement>(`[role="tab"]:not([data-state="active"])`)!;
      // Radix activates a tab on mousedown (and on focus), not on click.
      await act(async () => other.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 })));
      await vi.waitFor(() => expect(other).toHaveAttribute('data-state', 'active'));
    },
  })),
  ...tabs.map<Case>((tab) => ({
    name: `ReleaseView of a failed release, ${tab} tab`,
    element: <ReleaseView release={failed} defaultTab={tab} onRetry={() => {}} />,
    // The graph tab measures its nodes; the others have nothing to measure and no clock.
    still: tab !== 'graph',
    times: true,
    settled: tabListBeforeMount,
  })),
  { name: 'ReleaseView loading', element: <ReleaseView loading />, still: true },
  { name: 'ReleaseView empty', element: <ReleaseView />, still: true },
  { name: 'ReleaseView error', element: <ReleaseView error={new Error('boom')} />, still: true },
  {
    name: 'ReleaseHeader of a release held by a pull request',
    element: <ReleaseHeader release={suspended} />,
    still: false,
  },
  {
    name: 'EnvironmentDetails of a running environment',
    element: <EnvironmentDetails environment={runningEnvironment} release={running} onClose={() => {}} />,
    still: false,
  },
  {
    name: 'EnvironmentDetails of a failed environment',
    element: <EnvironmentDetails environment={failedEnvironment} release={failed} onClose={onClose} />,
    still: true,
    times: true,
    thenCheck: async ({ container }) => {
      onClose.mockClear();
      await click(within(container, '.gr-environment-details__close'));
      expect(onClose).toHaveBeenCalledTimes(1);
    },
  },
  { name: 'EnvironmentDetails loading', element: <EnvironmentDetails environment={failedEnvironment} loading />, still: true },
  {
    name: 'ReleaseNotes',
    element: <ReleaseNotes release={succeeded} />,
    still: true,
    thenCheck: async ({ container }) => {
      const toggle = within(container, 'button[aria-expanded="true"]');
      await click(toggle);
      await vi.waitFor(() => expect(toggle).toHaveAttribute('aria-expanded', 'false'));
    },
  },
  { name: 'ReleaseNotes loading', element: <ReleaseNotes loading />, still: true },
  { name: 'ReleaseNotes error', element: <ReleaseNotes error={new Error('notes unavailable')} />, still: true },
  {
    name: 'ReleaseDiff',
    element: <ReleaseDiff previous={succeeded} next={nextRelease} />,
    still: true,
    thenCheck: async ({ container }) => {
      const rows = () => container.querySelectorAll('tbody tr').length;
      const before = rows();
      await click(within(container, 'input[type="checkbox"]'));
      await vi.waitFor(() => expect(rows()).toBeGreaterThan(before));
    },
  },
  { name: 'ReleaseDiff with nothing to compare', element: <ReleaseDiff />, still: true },
  {
    name: 'ReleaseInsights',
    element: <ReleaseInsights releases={team} now={measuredAt} getReleaseHref={(release) => `/releases/${release.id}`} />,
    still: true,
    times: true,
    thenCheck: async ({ container }) => {
      // The window's radio group and a chart's table answer once hydrated.
      const seven = within(container, 'input[value="7"]') as HTMLInputElement;
      await click(seven);
      await vi.waitFor(() => expect(seven.checked).toBe(true));
      const show = within(container, 'button[aria-expanded="false"]');
      await click(show);
      await vi.waitFor(() => expect(show).toHaveAttribute('aria-expanded', 'true'));
    },
  },
  { name: 'ReleaseInsights loading', element: <ReleaseInsights loading />, still: true },
  { name: 'ReleaseInsights with no deployments', element: <ReleaseInsights releases={[]} now={measuredAt} />, still: true },
  {
    name: 'ReleaseComparison',
    element: <ReleaseComparison older={history[8]} newer={history[0]} releases={history} getReleaseHref={(release) => `/releases/${release.id}`} />,
    still: true,
    times: true,
  },
  { name: 'ReleaseComparison loading', element: <ReleaseComparison loading />, still: true },
];

/** The same, inside a dark provider with another locale and time zone than the defaults. */
const inProvider = (element: ReactElement) => (
  <ReleasesProvider colorMode="dark" locale="hi-IN" timeZone="Asia/Kolkata" messages={{ status: { failed: 'विफल' } }}>
    {element}
  </ReleasesProvider>
);

const VARIANTS = [
  { name: 'alone, renderToString', wrap: (element: ReactElement) => element, how: 'string', zonePinned: false },
  { name: 'in a dark hi-IN provider, renderToString', wrap: inProvider, how: 'string', zonePinned: true },
  { name: 'in a dark hi-IN provider, renderToReadableStream', wrap: inProvider, how: 'stream', zonePinned: true },
] as const;

describe('server markup hydrates without a mismatch', () => {
  for (const variant of VARIANTS) {
    describe(variant.name, () => {
      it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, { element, still, times, settled = (html) => html, thenCheck }) => {
        const hydrated = await hydrate(variant.wrap(element), variant.how);
        expectCleanHydration(hydrated);
        if (still && (variant.zonePinned || !times)) expect(firstDifference(hydrated.serverHtml, settled(hydrated.container.innerHTML))).toBeUndefined();
        await thenCheck?.(hydrated);
      });
    });
  }

  it('renders the provider\'s locale, time zone and colour mode on the server', async () => {
    const { container } = await hydrate(inProvider(<EnvironmentDetails environment={failedEnvironment} release={failed} />));
    expect(within(container, '.gr-root')).toHaveAttribute('data-color-mode', 'dark');
    const started = new Intl.DateTimeFormat('hi-IN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' }).format(
      Date.parse(failedEnvironment.startedAt!),
    );
    expect(container.textContent).toContain(started);
  });

  it('starts the clock of a running release once hydrated', async () => {
    const view = await hydrate(<ReleaseView release={running} defaultTab="timeline" />);
    // The server has no clock: the running duration ends at the data's last update, five minutes
    // ago. The hydrated page counts on from the browser's clock.
    const serverDuration = within(parsed(view.serverHtml), '.gr-release-header__duration').textContent;
    await vi.waitFor(() => expect(within(view.container, '.gr-release-header__duration').textContent).not.toBe(serverDuration));
  });

  it('adds the running duration the server left out once hydrated', async () => {
    const details = await hydrate(<EnvironmentDetails environment={runningEnvironment} release={running} />);
    expect(parsed(details.serverHtml).querySelector('dd[data-running]')).toBeNull();
    await vi.waitFor(() => expect(within(details.container, 'dd[data-running]').textContent).not.toBe(''));
  });
});

describe('the hydration check itself', () => {
  function ClientDiffers({ part }: { part: 'text' | 'attribute' }) {
    const side = renderingOnServer ? 'server' : 'client';
    return part === 'text' ? <span>{side}</span> : <span title={side}>same text</span>;
  }

  it('fails on text that differs between server and client', async () => {
    const { problems, container } = await hydrate(
      <ReleasesProvider colorMode="dark">
        <StatusBadge status="failed" />
        <ClientDiffers part="text" />
      </ReleasesProvider>,
    );
    expect(problems.join('\n')).toMatch(/recoverable: .*(hydrat|match)/i);
    // React threw the server's markup away and rendered the client's.
    expect(container.textContent).toContain('client');
  });

  it('fails on an attribute that differs between server and client', async () => {
    const { problems } = await hydrate(<ClientDiffers part="attribute" />, 'stream');
    expect(problems.join('\n')).toMatch(/console\.error: .*attributes/i);
  });
});

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sampleRelease, sampleReleaseHistory, type EnvironmentStep, type Release } from 'gitops-releases/headless';
import {
  DEFAULT_MESSAGES,
  EnvironmentDetails,
  ReleaseComparison,
  ReleaseDiff,
  ReleaseGraph,
  ReleaseHeader,
  ReleaseInsights,
  ReleaseNotes,
  ReleasesProvider,
  ReleasesTable,
  ReleaseView,
  StatusBadge,
  type PartialReleasesMessages,
  type ReleasesMessages,
  type ReleaseViewTab,
} from '../../src/index';
import { mergeMessages } from '../../src/components/provider';
import { durationFormatter } from '../../src/components/internal/time';
import { englishIn, readableTexts } from '../../stories/readable-texts';
import { emptyMetrics, fixtureMetrics } from '../fixtures/delivery-metrics';

/**
 * Every message replaced by a mark naming it: `⟦table.columns.date⟧` for a string,
 * `⟦graph.issues:3⟧` for a function (its arguments but the number formatter). Rendered with it,
 * a component shows no English default text unless one is written into the component.
 */
function mark(value: unknown, path: string): unknown {
  if (typeof value === 'string') return `⟦${path}⟧`;
  if (typeof value === 'function') {
    return (...args: unknown[]) => `⟦${path}:${args.filter((arg) => typeof arg !== 'function').join(',')}⟧`;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, mark(child, path ? `${path}.${key}` : key)]));
  }
  return value;
}
const MARKED = mark(DEFAULT_MESSAGES, '') as ReleasesMessages;

/** The fixed words of every English default: strings, and functions' text without their arguments. */
function englishFragments(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    for (const arg of [7, '¤']) {
      try {
        return [(value as (...args: unknown[]) => string)(arg, arg, arg, String)];
      } catch {
        // The other kind of argument.
      }
    }
    return [];
  }
  if (value && typeof value === 'object') return Object.values(value).flatMap(englishFragments);
  return [];
}
const ENGLISH = [
  ...new Set(
    englishFragments(DEFAULT_MESSAGES)
      // Split at arguments, and at a sentence's placeholders and optional parts.
      .flatMap((text) => text.split(/[¤7]+|\{[^{}]*\}|[[\]]/))
      .map((part) => part.trim().replace(/^[\s(),:·/]+|[\s(),:·/]+$/g, ''))
      .filter((part) => part.length > 3),
  ),
];

/** English defaults found in `root`: a single word as a whole text, several words anywhere. */
const englishInRoot = (root: Element) => englishIn(root, ENGLISH);

const withMarks = (element: ReactElement) => <ReleasesProvider messages={MARKED}>{element}</ReleasesProvider>;

const serverContainers: HTMLElement[] = [];
afterEach(() => {
  for (const container of serverContainers.splice(0)) container.remove();
});

/** A server render put into the document: React Flow draws its nodes there without measuring. */
function serverRendered(element: ReactElement, messages: PartialReleasesMessages = MARKED): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = renderToString(<ReleasesProvider messages={messages}>{element}</ReleasesProvider>);
  document.body.append(container);
  serverContainers.push(container);
  return container;
}

const NOW = '2026-01-05T10:30:00Z';
const quiet = (release: Release): Release => ({ ...release, environments: release.environments.map((e) => ({ ...e, statusText: undefined })) });
const failed = sampleRelease({ shape: 'regions', state: 'failed' });
// Without the source's own status texts ("Running Pre-Action Workflow"): data, not messages, and
// part of a node's accessible name.
const running = quiet(sampleRelease({ shape: 'parallel', state: 'running', now: NOW }));
const suspended = sampleRelease({ shape: 'regions', state: 'suspended-pr', now: NOW });
const history = sampleReleaseHistory({ count: 30, shape: 'regions', seed: 4, now: NOW });
const failedEnvironment = failed.environments.find((environment) => environment.status === 'failed')!;
const next: Release = {
  ...failed,
  id: `${failed.id}-next`,
  environments: failed.environments.slice(1).map((environment, index) => (index === 0 ? { ...environment, name: 'prod-new' } : environment)),
};

describe('messages: merge', () => {
  it('merges a partial deeply, keeping every other default', () => {
    const merged = mergeMessages(DEFAULT_MESSAGES, { table: { columns: { date: 'Datum' } }, status: { failed: 'Échoué' } });
    expect(merged.table.columns.date).toBe('Datum');
    expect(merged.table.columns.status).toBe('Status');
    expect(merged.table.empty).toBe(DEFAULT_MESSAGES.table.empty);
    expect(merged.status.failed).toBe('Échoué');
    expect(merged.status.running).toBe('Running');
    // Untouched groups keep their identity.
    expect(merged.graph).toBe(DEFAULT_MESSAGES.graph);
  });

  it('ignores unknown keys, values of the wrong kind and prototype tricks', () => {
    const hostile = JSON.parse(
      '{"table":{"columns":{"date":42,"nope":"x"},"empty":{"a":1},"count":"not a function","__proto__":{"polluted":true}},"graph":"flat","extra":{"x":"y"},"loading":null}',
    ) as PartialReleasesMessages;
    const merged = mergeMessages(DEFAULT_MESSAGES, hostile);
    expect(merged).toEqual(DEFAULT_MESSAGES);
    expect(merged.table.count(2, undefined, String)).toBe('2 releases');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(mergeMessages(DEFAULT_MESSAGES, 'nonsense')).toBe(DEFAULT_MESSAGES);
  });

  it('falls back to the default when a host function throws or returns something else than text', () => {
    const merged = mergeMessages(DEFAULT_MESSAGES, {
      table: {
        count: () => {
          throw new Error('boom');
        },
        page: (() => ({ html: '<b>1</b>' })) as never,
        sortBy: (column: string) => `Trier par ${column}`,
      },
    });
    expect(merged.table.count(1, undefined, String)).toBe('1 release');
    expect(merged.table.page(2, 3, String)).toBe('Page 2 of 3');
    expect(merged.table.sortBy('Date')).toBe('Trier par Date');
  });

  it('renders with the messages of nested providers merged, the inner one winning', () => {
    render(
      <ReleasesProvider messages={{ table: { empty: 'Rien', emptyDetail: 'Toujours rien' } }}>
        <ReleasesProvider messages={{ table: { empty: 'Nada' }, status: { failed: 'Kaputt' } }}>
          <ReleasesTable releases={[]} />
          <StatusBadge status="failed" />
        </ReleasesProvider>
      </ReleasesProvider>,
    );
    expect(screen.getByText('Nada')).toBeInTheDocument();
    expect(screen.getByText('Toujours rien')).toBeInTheDocument();
    expect(screen.getAllByText('Kaputt').length).toBeGreaterThan(0);
  });

  it('renders despite messages of the wrong shape', () => {
    const broken = { table: { count: () => null, columns: 'x' }, graph: { issues: 5 }, status: ['x'] } as unknown as PartialReleasesMessages;
    render(
      <ReleasesProvider messages={broken}>
        <ReleasesTable releases={history.slice(0, 2)} />
      </ReleasesProvider>,
    );
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('2 releases');
    expect(screen.getByRole('columnheader', { name: /^Date/ })).toBeInTheDocument();
  });
});

describe('messages: whole sentences a translator can reorder', () => {
  const release = sampleRelease({ shape: 'parallel', state: 'succeeded' });
  const commit = release.trigger.commit!;
  const inGerman = (messages: PartialReleasesMessages, element: ReactElement) =>
    render(<ReleasesProvider messages={messages}>{element}</ReleasesProvider>);

  it('writes the commit line in the order of the translated sentence, its repository still a link', () => {
    inGerman({ view: { header: { commitLine: 'Git-Commit[ auf {branch}][ in {repository}][ von {author}]' } } }, <ReleaseHeader release={release} />);
    const line = document.querySelector<HTMLElement>('.gr-release-header__commit')!;
    expect(line).toHaveTextContent(`Git-Commit auf ${commit.branch} in acme/checkout-gitops von ${commit.author!.name}`);
    expect(within(line).getByRole('link', { name: 'acme/checkout-gitops' })).toHaveAttribute('href', commit.repoUrl);
  });

  it('leaves out the part of a sentence whose value is missing', () => {
    const noAuthor = { ...release, trigger: { ...release.trigger, commit: { ...commit, author: undefined } } };
    render(<ReleaseHeader release={noAuthor} />);
    expect(document.querySelector('.gr-release-header__commit')).toHaveTextContent(/^git commit in acme\/checkout-gitops on main$/);
  });

  it("writes a pull request's origin in the translated order", () => {
    const environment = suspended.environments.find((e) => e.pullRequest?.repo)!;
    inGerman({ environment: { pullRequestSource: '[von {author}][ aus {repository}]' } }, <EnvironmentDetails environment={environment} />);
    expect(document.querySelector('.gr-environment-details__pull-request-meta')).toHaveTextContent(
      `von ${environment.pullRequest!.author!.name} aus ${environment.pullRequest!.repo}`,
    );
  });

  it("puts the assignee where the translated sentence puts it", () => {
    const { container } = inGerman({ notes: { assignee: '{person} zugewiesen' } }, <ReleaseNotes release={failed} />);
    const person = container.querySelector('.gr-release-notes__person')!;
    const name = failed.notes!.issues[0]!.assignee!.name;
    expect(person.textContent).toMatch(new RegExp(`${name}\\s*zugewiesen$`));
  });

  it('reads a changed value in the translated order', () => {
    const { container } = inGerman({ diff: { change: 'von {before} zu {after}' } }, <ReleaseDiff previous={failed} next={next} />);
    const value = container.querySelector('.gr-release-diff__value:has(del)')!;
    expect(value.textContent!.replace(/\s+/g, ' ').trim()).toMatch(/^von \S+ zu → \S+$/);
  });

  it('shows translated status labels as written, never re-cased', () => {
    const failedRelease = { ...failed, error: undefined, statusReason: undefined };
    const container = serverRendered(<ReleaseView release={failedRelease} defaultTab="applications" />, {
      status: { failed: 'FEHLGESCHLAGEN', succeeded: 'Erfolgreich' },
    });
    expect(container.querySelector('[role="alert"]')).toHaveTextContent('FEHLGESCHLAGEN');
    expect(container.querySelector('.gr-release-header__counters')).toHaveTextContent('Erfolgreich');
  });

  it('names production and the trigger once for every component', () => {
    const production = failed.environments.find((e) => e.kind === 'production')!;
    const container = serverRendered(
      <>
        <ReleaseGraph release={failed} />
        <EnvironmentDetails environment={production} release={failed} />
        <EnvironmentDetails environment={failed.environments[0]!} release={failed} />
      </>,
      { common: { production: 'Produktion', trigger: 'Auslöser' } } as PartialReleasesMessages,
    );
    expect(container.querySelector('.gr-release-graph__tag[data-tag="production"]')).toHaveTextContent(/^Produktion$/);
    expect(container.querySelector('.gr-release-graph__tag[data-tag="trigger"]')).toHaveTextContent(/^Auslöser$/);
    expect(container.querySelector('[data-marker="production"]')).toHaveTextContent('Produktion');
    expect(container.querySelector('[data-marker="trigger"]')).toHaveTextContent('Auslöser');
  });
});

describe('messages: overrides that are dropped', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('reports each dropped override once, with its key path, in development', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const messages = { table: { selectedCount: 'many', unheardOf: 'x', columns: { flow: 3 } }, tabel: {} } as unknown as PartialReleasesMessages;
    const { rerender } = render(
      <ReleasesProvider messages={messages}>
        <ReleasesTable releases={history.slice(0, 2)} />
      </ReleasesProvider>,
    );
    rerender(
      <ReleasesProvider messages={{ ...messages }}>
        <ReleasesTable releases={history.slice(0, 3)} />
      </ReleasesProvider>,
    );
    const reported = error.mock.calls.map((call) => String(call[0]));
    for (const path of ['table.selectedCount', 'table.unheardOf', 'table.columns.flow', 'tabel']) {
      expect(reported.filter((text) => text.includes(`"${path}"`))).toHaveLength(1);
    }
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('3 releases');
  });

  it('reports nothing in production', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    serverRendered(<ReleaseGraph release={failed} />, { graph: { zoomIn: 4 } } as unknown as PartialReleasesMessages);
    expect(error.mock.calls.filter((call) => String(call[0]).includes('graph.zoomIn'))).toEqual([]);
  });
});

describe('messages: no English left', () => {
  it('is a check that finds English', () => {
    const container = serverRendered(<StatusBadge status="failed" label="Loading releases" />);
    expect(englishInRoot(container)).toContain('Loading releases');
  });

  it.each<[string, ReactElement]>([
    ['StatusBadge', <>
      <StatusBadge status="failed" />
      <StatusBadge status="suspended" waitingFor="pull-request" variant="icon-only" />
      <StatusBadge kind="sync" status="out-of-sync" />
      <StatusBadge kind="health" status="degraded" />
      <StatusBadge status={'exploded' as never} />
      <StatusBadge status="running" loading />
    </>],
    ['ReleasesTable', <ReleasesTable releases={history} pageSize={10} getReleaseHref={(release) => `/r/${release.id}`} />],
    ['ReleasesTable, server mode', <ReleasesTable releases={history.slice(0, 5)} mode="server" totalCount={120} pageInfo={{ hasNextPage: true, hasPrevPage: false }} loading />],
    ['ReleasesTable, loading', <ReleasesTable releases={undefined} loading />],
    ['ReleasesTable, error', <ReleasesTable releases={undefined} error={new Error('offline')} onRetry={() => {}} />],
    ['ReleasesTable, bad data', <ReleasesTable releases={[{ id: 1 } as never]} />],
    ['ReleasesTable, empty', <ReleasesTable releases={[]} />],
    ['ReleasesTable, selection', <ReleasesTable releases={history} onCompare={() => {}} defaultSelectedReleases={[history[0]!.id]} />],
    ['ReleasesTable, two selected', <ReleasesTable releases={history} onCompare={() => {}} defaultSelectedReleases={[history[0]!.id, history[1]!.id]} />],
    ['ReleasesTable, no match', <ReleasesTable releases={history} defaultState={{ filters: { query: 'zzz-nothing' } }} />],
    ['ReleaseGraph', <ReleaseGraph release={failed} showMinimap />],
    ['ReleaseGraph, running', <ReleaseGraph release={running} />],
    ['ReleaseGraph, no environments', <ReleaseGraph release={{ ...failed, environments: [] }} />],
    ['ReleaseGraph, bad data', <ReleaseGraph release={{ ...failed, environments: failed.environments.map((e, i) => (i === 1 ? { ...e, dependsOn: ['nowhere'] } : e)) }} />],
    ...(['graph', 'notes', 'applications', 'timeline'] as ReleaseViewTab[]).flatMap((tab): Array<[string, ReactElement]> => [
      [`ReleaseView, ${tab} tab, failed`, <ReleaseView release={failed} defaultTab={tab} onRetry={() => {}} onReleaseNotes={() => {}} />],
      [`ReleaseView, ${tab} tab, running`, <ReleaseView release={running} defaultTab={tab} onTerminate={() => {}} />],
      [`ReleaseView, ${tab} tab, manual`, <ReleaseView release={sampleRelease({ shape: 'manual', state: 'queued' })} defaultTab={tab} />],
    ]),
    ['ReleaseView, loading', <ReleaseView loading />],
    ['ReleaseView, error', <ReleaseView error={new Error('offline')} />],
    ['ReleaseView, empty', <ReleaseView />],
    ['ReleaseView, no applications', <ReleaseView release={{ ...failed, environments: failed.environments.map((e) => ({ ...e, applications: [] })) }} defaultTab="applications" />],
    ['EnvironmentDetails, failed', <EnvironmentDetails environment={failedEnvironment} release={failed} onClose={() => {}} />],
    ...suspended.environments.map((environment): [string, ReactElement] => [
      `EnvironmentDetails, ${environment.name} of a suspended release`,
      <EnvironmentDetails environment={environment} release={suspended} />,
    ]),
    ['EnvironmentDetails, loading', <EnvironmentDetails environment={failedEnvironment} loading />],
    ['EnvironmentDetails, bad issue labels', <EnvironmentDetails environment={{ ...failedEnvironment, issues: [{ kind: 1, level: null, message: 'm' }] } as unknown as EnvironmentStep} />],
    ['ReleaseNotes', <ReleaseNotes release={failed} />],
    ['ReleaseNotes by type', <ReleaseNotes release={failed} groupBy="type" />],
    ['ReleaseNotes by application', <ReleaseNotes release={[failed, running]} groupBy="application" />],
    ['ReleaseNotes, empty', <ReleaseNotes release={{ ...failed, notes: undefined, environments: [] }} />],
    ['ReleaseNotes, loading', <ReleaseNotes loading />],
    ['ReleaseNotes, error', <ReleaseNotes error={new Error('offline')} />],
    ['ReleaseDiff', <ReleaseDiff previous={failed} next={next} defaultShowUnchanged />],
    ['ReleaseDiff, nothing changed', <ReleaseDiff previous={failed} next={failed} />],
    ['ReleaseDiff, empty', <ReleaseDiff previous={{ ...failed, environments: [] }} next={{ ...failed, environments: [] }} />],
    ['ReleaseDiff, loading', <ReleaseDiff loading />],
    ['ReleaseDiff, error', <ReleaseDiff error={new Error('offline')} />],
    ['ReleaseInsights', <ReleaseInsights metrics={fixtureMetrics()} getReleaseHref={(release) => `/r/${release.id}`} />],
    ['ReleaseInsights, weekly', <ReleaseInsights metrics={fixtureMetrics({ series: fixtureMetrics().series.slice(0, 1).map((point) => ({ ...point, to: fixtureMetrics().window.to })) })} />],
    ['ReleaseInsights, empty', <ReleaseInsights metrics={emptyMetrics()} />],
    ['ReleaseInsights, loading', <ReleaseInsights loading />],
    ['ReleaseInsights, error', <ReleaseInsights error={new Error('offline')} />],
    ['ReleaseInsights, bad data', <ReleaseInsights metrics={{ ...fixtureMetrics(), environments: 'x' as never }} />],
    ['ReleaseComparison', <ReleaseComparison older={failed} newer={running} releases={[failed, suspended, running]} getReleaseHref={(release) => `/r/${release.id}`} />],
    ['ReleaseComparison, one release twice', <ReleaseComparison older={failed} newer={failed} />],
    ['ReleaseComparison, nothing changed', <ReleaseComparison older={failed} newer={{ ...failed, id: 'copy', createdAt: '2030-01-01T00:00:00Z' }} />],
    ['ReleaseComparison, empty', <ReleaseComparison />],
    ['ReleaseComparison, loading', <ReleaseComparison loading />],
    ['ReleaseComparison, error', <ReleaseComparison error={new Error('offline')} />],
    ['ReleaseComparison, bad data', <ReleaseComparison older={failed} newer={{ ...running, environments: 'x' as never }} />],
  ])('%s shows only messages', (_name, element) => {
    const container = serverRendered(element);
    expect(readableTexts(container).join('')).toContain('⟦');
    expect(englishInRoot(container)).toEqual([]);
  });

  it('keeps English out of what opens on interaction too', async () => {
    const user = userEvent.setup();
    const { container } = render(withMarks(<ReleasesTable releases={history} />));
    for (const button of container.querySelectorAll<HTMLElement>('.gr-releases-table__menu-button')) await user.click(button);
    expect(englishInRoot(container)).toEqual([]);

    const notes = render(withMarks(<ReleaseNotes release={failed} />));
    await user.type(within(notes.container).getByRole('searchbox'), 'zzz-nothing');
    expect(within(notes.container).getByText('⟦notes.noMatch⟧')).toBeInTheDocument();
    expect(englishInRoot(notes.container)).toEqual([]);

    const insights = render(withMarks(<ReleaseInsights metrics={fixtureMetrics()} />));
    for (const button of within(insights.container).getAllByRole('button')) await user.click(button);
    expect(insights.container.querySelectorAll('table')).toHaveLength(8);
    expect(englishInRoot(insights.container)).toEqual([]);
  });
});

describe('dates and durations', () => {
  const release: Release = {
    ...failed,
    environments: failed.environments.map((environment) => ({
      ...environment,
      startedAt: '2026-01-05T10:00:00Z',
      finishedAt: '2026-01-05T11:20:00Z',
    })),
  };
  const environment = release.environments[0]!;
  const startedIn = (timeZone: string | undefined, locale = 'en-US') => {
    const { container, unmount } = render(
      <ReleasesProvider locale={locale} timeZone={timeZone}>
        <EnvironmentDetails environment={environment} release={release} />
      </ReleasesProvider>,
    );
    const times = container.querySelectorAll('.gr-environment-details__time dd');
    const result = { started: times[0]!.textContent!, duration: times[1]!.textContent! };
    unmount();
    return result;
  };

  it('writes times in the provider time zone', () => {
    expect(startedIn('UTC').started).toContain('10:00');
    expect(startedIn('Asia/Tokyo').started).toContain('7:00');
    expect(startedIn('UTC').started).not.toBe(startedIn('Asia/Tokyo').started);
  });

  it('falls back to the local zone for an unknown one, without throwing', () => {
    expect(() => startedIn('Mars/Olympus_Mons')).not.toThrow();
    expect(startedIn('Mars/Olympus_Mons').started).toBe(startedIn('local').started);
    expect(startedIn('local').started).toBe(startedIn(undefined).started);
  });

  it('lets a nested provider keep or replace the time zone', () => {
    render(
      <ReleasesProvider timeZone="Asia/Tokyo">
        <ReleasesProvider>
          <EnvironmentDetails environment={environment} />
        </ReleasesProvider>
        <ReleasesProvider timeZone="UTC">
          <EnvironmentDetails environment={environment} />
        </ReleasesProvider>
      </ReleasesProvider>,
    );
    const [inherited, own] = [...document.querySelectorAll('.gr-environment-details__time time')].map((time) => time.textContent);
    expect(inherited).toContain('7:00');
    expect(own).toContain('10:00');
  });

  it('writes durations in the provider locale', () => {
    const english = startedIn('UTC').duration;
    const german = startedIn('UTC', 'de-DE').duration;
    expect(english).toBe('1h 20m');
    expect(german).not.toBe(english);
    expect(german).toMatch(/1\s?h.*20\s?Min/);
  });

  it('writes the duration in the release header, the graph and the timeline in the provider locale', () => {
    const finished = {
      ...release,
      status: 'succeeded' as const,
      createdAt: '2026-01-05T10:00:00Z',
      finishedAt: '2026-01-05T11:20:00Z',
      environments: release.environments.map((e) => ({ ...e, status: 'succeeded' as const })),
    };
    for (const tab of ['graph', 'timeline'] as const) {
      const html = renderToString(
        <ReleasesProvider locale="de-DE" timeZone="UTC">
          <ReleaseView release={finished} defaultTab={tab} />
        </ReleasesProvider>,
      );
      expect(html).not.toContain('1h 20m');
      expect(html).toMatch(/1\s?h(,|&nbsp;|\s)*20\s?Min/);
    }
  });

  it('writes a negative duration (clock skew) as zero, like the headless formatter', () => {
    expect(durationFormatter('en-US')(-5000)).toBe('0s');
    expect(durationFormatter('en-US')(Number.NaN)).toBe('0s');
  });

  it('falls back to en-US for a locale Intl rejects', () => {
    render(
      <ReleasesProvider locale="not a locale!">
        <ReleasesTable releases={history} />
      </ReleasesProvider>,
    );
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('30 releases');
  });
});

describe('density', () => {
  it('renders data-density on the provider, comfortable by default, inherited by nested providers', () => {
    const { container } = render(
      <ReleasesProvider>
        <ReleasesProvider density="compact">
          <ReleasesProvider>
            <span />
          </ReleasesProvider>
        </ReleasesProvider>
      </ReleasesProvider>,
    );
    const roots = container.querySelectorAll('.gr-root');
    expect([...roots].map((root) => root.getAttribute('data-density'))).toEqual(['comfortable', 'compact', 'compact']);
  });

  it("gives ReleasesTable the provider's density unless the table has its own", () => {
    // A server render: it draws the rows that fit the box, where jsdom lays nothing out.
    const container = document.createElement('div');
    container.innerHTML = renderToString(
      <ReleasesProvider density="compact">
        <ReleasesTable releases={history} />
        <ReleasesTable releases={history} density="comfortable" />
      </ReleasesProvider>,
    );
    const tables = container.querySelectorAll('.gr-releases-table');
    expect([...tables].map((table) => table.getAttribute('data-density'))).toEqual(['compact', 'comfortable']);
    // Compact rows are shorter.
    const heights = [...tables].map((table) => (table.querySelector('tbody tr.gr-releases-table__row') as HTMLElement).style.height);
    expect(heights).toEqual(['32px', '44px']);
  });

  it('ignores a density outside the vocabulary', () => {
    const { container } = render(<ReleasesProvider density={'roomy' as never} />);
    expect(container.firstElementChild).toHaveAttribute('data-density', 'comfortable');
  });
});

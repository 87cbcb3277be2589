// @vitest-environment node
// Node, not jsdom: proves the components need no window or document to render on a server.
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  HEALTH_LABELS,
  HEALTH_STATUSES,
  STATUS_LABELS,
  STATUSES,
  SYNC_STATUSES,
  sampleRelease,
  sampleReleaseHistory,
  type Release,
} from 'gitops-releases/headless';
import * as library from '../../src/index';
import {
  EnvironmentDetails,
  ReleaseComparison,
  ReleaseDiff,
  ReleaseGraph,
  ReleaseInsights,
  ReleaseHeader,
  ReleaseNotes,
  ReleasesProvider,
  ReleasesTable,
  ReleaseView,
  StatusBadge,
} from '../../src/index';
import { emptyMetrics, fixtureMetrics } from '../fixtures/delivery-metrics';

const running = sampleRelease({ shape: 'regions', state: 'running' });
const succeeded = sampleRelease({ shape: 'parallel', state: 'succeeded' });
const changed: Release = {
  ...succeeded,
  environments: succeeded.environments.map((environment, i) =>
    i === 0 ? { ...environment, applications: environment.applications.map((app) => ({ ...app, version: '9.9.9' })) } : environment,
  ),
};

/**
 * What each public component is server-rendered with: its ready state and its loading, empty and
 * error states. Keyed by export name, so a component added to the package without a server
 * render here fails the first test below.
 */
const SERVER_RENDERS: Record<string, Record<string, ReactElement>> = {
  StatusBadge: { ready: <StatusBadge status="failed" />, loading: <StatusBadge status="running" loading /> },
  ReleasesProvider: { ready: <ReleasesProvider colorMode="light" /> },
  ReleasesTable: {
    ready: <ReleasesTable releases={sampleReleaseHistory({ count: 30, shape: 'regions' })} />,
    loading: <ReleasesTable releases={undefined} loading />,
    empty: <ReleasesTable releases={[]} />,
    error: <ReleasesTable releases={undefined} error={new Error('boom')} />,
    selection: <ReleasesTable releases={sampleReleaseHistory({ count: 30, shape: 'regions' })} onCompare={() => {}} defaultSelectedReleases={['nowhere']} />,
  },
  ReleaseGraph: { ready: <ReleaseGraph release={running} />, empty: <ReleaseGraph release={{ ...running, environments: [] }} /> },
  ReleaseView: {
    ready: <ReleaseView release={running} />,
    loading: <ReleaseView loading />,
    empty: <ReleaseView />,
    error: <ReleaseView error={new Error('boom')} />,
  },
  ReleaseHeader: { ready: <ReleaseHeader release={running} /> },
  EnvironmentDetails: {
    ready: <EnvironmentDetails environment={running.environments[0]!} release={running} onClose={() => {}} />,
    loading: <EnvironmentDetails environment={running.environments[0]!} loading />,
  },
  ReleaseNotes: {
    ready: <ReleaseNotes release={succeeded} />,
    loading: <ReleaseNotes loading />,
    empty: <ReleaseNotes />,
    error: <ReleaseNotes error={new Error('boom')} />,
  },
  ReleaseDiff: {
    ready: <ReleaseDiff previous={succeeded} next={changed} />,
    loading: <ReleaseDiff loading />,
    empty: <ReleaseDiff />,
    error: <ReleaseDiff error={new Error('boom')} />,
  },
  ReleaseInsights: {
    ready: <ReleaseInsights metrics={fixtureMetrics()} getReleaseHref={(release) => `/releases/${release.id}`} />,
    loading: <ReleaseInsights loading />,
    empty: <ReleaseInsights metrics={emptyMetrics()} />,
    error: <ReleaseInsights error={new Error('boom')} />,
  },
  ReleaseComparison: {
    ready: <ReleaseComparison older={succeeded} newer={changed} />,
    loading: <ReleaseComparison loading />,
    empty: <ReleaseComparison />,
    error: <ReleaseComparison error={new Error('boom')} />,
  },
};

describe('server rendering', () => {
  it('runs without a DOM', () => {
    expect(typeof document).toBe('undefined');
    expect(typeof window).toBe('undefined');
  });

  it('renders every StatusBadge to a string with its label', () => {
    for (const status of STATUSES) {
      for (const variant of ['subtle', 'solid', 'icon-only'] as const) {
        const html = renderToString(<StatusBadge status={status} variant={variant} />);
        expect(html).toContain(`data-status="${status}"`);
        // Icon-only carries the label as its accessible name instead of text.
        expect(html).toContain(variant === 'icon-only' ? `aria-label="${STATUS_LABELS[status]}"` : `>${STATUS_LABELS[status]}<`);
      }
    }
    for (const status of SYNC_STATUSES) expect(() => renderToString(<StatusBadge kind="sync" status={status} />)).not.toThrow();
    for (const status of HEALTH_STATUSES) {
      expect(renderToString(<StatusBadge kind="health" status={status} />)).toContain(HEALTH_LABELS[status]);
    }
  });

  it('renders ReleasesProvider with its colour mode and relabelled children', () => {
    const html = renderToString(
      <ReleasesProvider colorMode="system" messages={{ status: { failed: 'Broken' } }}>
        <StatusBadge status="failed" />
        <StatusBadge status={'bogus' as never} />
      </ReleasesProvider>,
    );
    expect(html).toContain('class="gr-root"');
    expect(html).toContain('data-color-mode="system"');
    expect(html).toContain('Broken');
    expect(html).toContain('Unknown');
  });

  it('escapes untrusted raw values in the title', () => {
    const html = renderToString(<StatusBadge status={'"><script>alert(1)</script>' as never} />);
    expect(html).not.toContain('<script>');
  });

  it('has a server render for every component the package exports', () => {
    // Components are the capitalised exports that are functions or React's wrappers (forwardRef
    // gives an object); hooks start with `use`.
    const isComponent = (value: unknown) => typeof value === 'function' || (typeof value === 'object' && value !== null && '$$typeof' in value);
    const components = Object.entries(library)
      .filter(([name, value]) => /^[A-Z]/.test(name) && isComponent(value))
      .map(([name]) => name);
    expect(components.sort()).toEqual(Object.keys(SERVER_RENDERS).sort());
  });

  describe.each(Object.entries(SERVER_RENDERS))('%s', (_name, states) => {
    it.each(Object.entries(states))('renders its %s state alone and in a dark provider with another locale', (state, element) => {
      const alone = renderToString(element);
      expect(alone).toMatch(/^<(div|span|section|p|table)[ >]/);
      if (state === 'loading') expect(alone).toContain('aria-busy="true"');
      if (state === 'error') expect(alone).toContain('boom');
      const themed = renderToString(
        <ReleasesProvider colorMode="dark" locale="de-DE" timeZone="Europe/Berlin">
          {element}
        </ReleasesProvider>,
      );
      expect(themed).toContain('data-color-mode="dark"');
      // The same markup twice: nothing in it depends on when or how often it is rendered.
      expect(renderToString(element)).toBe(alone);
    });
  });

  it('renders ReleaseNotes with every change of the release, and ReleaseDiff with what changed', () => {
    const notes = renderToString(<ReleaseNotes release={succeeded} />);
    for (const issue of succeeded.notes!.issues) expect(notes).toContain(issue.key);
    expect(notes).toContain('data-state="ready"');
    const diff = renderToString(<ReleaseDiff previous={succeeded} next={changed} />);
    expect(diff).toContain('9.9.9');
    expect(diff).toContain('<del');
    expect(diff).toContain('<ins');
  });

  it('renders ReleaseInsights with its numbers, charts named by their summaries, and links', () => {
    const html = renderToString(<ReleaseInsights metrics={fixtureMetrics()} getReleaseHref={(release) => `/releases/${release.id}`} />);
    expect(html).toContain('3.1 per day');
    expect(html).toContain('role="img" aria-label="Deployments per day over the last 7 days: from 2 to 5, 3.1 on average"');
    expect(html).toContain('aria-expanded="false"');
    expect(html).toContain('href="/releases/r-2"');
    // Times name UTC until the page is hydrated in the reader's zone.
    expect(html).toMatch(/Mar 13, 2026, 3:00\sAM UTC/);
    // Metrics sent by a host's server in a shape the view cannot draw: an inline error, not a throw.
    const bad = renderToString(<ReleaseInsights metrics={{ ...fixtureMetrics(), environments: [{ name: { html: 1 } }] as never }} />);
    expect(bad).toContain('role="alert"');
    expect(bad).toContain('at $.environments[0].name, expected a string');
  });

  it('server-renders the loading placeholder', () => {
    const html = renderToString(<StatusBadge status="running" loading />);
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('aria-label="Loading status"');
  });
});

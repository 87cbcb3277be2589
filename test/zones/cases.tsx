// What the cross-zone hydration test renders: every public component, with running releases,
// in the setups a host uses. Rendered to HTML by a Node process in one zone and locale, and
// hydrated in a browser in another, so it must build the same tree on both sides from nothing
// but `now` (the moment the data was seen, chosen once by the test).
import type { ReactElement } from 'react';
import { sampleRelease, sampleReleaseHistory, type Release } from 'gitops-releases/headless';
import {
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
  type ReleaseViewTab,
} from '../../src';

/** The zone a host pins in the `pinned` variant: neither the server's nor the browser's. */
export const PINNED_ZONE = 'Asia/Kolkata';

export interface Variant {
  name: string;
  /** The zone times show in once hydrated; `undefined`: the browser's own. */
  timeZone: string | undefined;
  wrap: (element: ReactElement) => ReactElement;
}

export const VARIANTS: readonly Variant[] = [
  // The README's setup: a provider with the default locale and `timeZone: 'local'`.
  { name: 'in a default provider', timeZone: undefined, wrap: (element) => <ReleasesProvider>{element}</ReleasesProvider> },
  { name: 'without a provider', timeZone: undefined, wrap: (element) => element },
  {
    name: `in a provider pinned to ${PINNED_ZONE}`,
    timeZone: PINNED_ZONE,
    wrap: (element) => (
      <ReleasesProvider timeZone={PINNED_ZONE} locale="en-GB">
        {element}
      </ReleasesProvider>
    ),
  },
];

export interface Case {
  name: string;
  element: ReactElement;
}

const VIEW_TABS: readonly ReleaseViewTab[] = ['graph', 'notes', 'applications', 'timeline'];

/** The releases of the cases, as seen at `now` (an ISO time). */
export function sampleData(now: string) {
  return {
    running: sampleRelease({ shape: 'regions', state: 'running', now }),
    suspended: sampleRelease({ shape: 'regions', state: 'suspended-pr', now }),
    succeeded: sampleRelease({ shape: 'parallel', state: 'succeeded', now }),
    history: sampleReleaseHistory({ count: 60, shape: 'regions', now }),
    // A team's 90 days, paced, with failures and recoveries: every tile, chart and table of the insights.
    team: sampleReleaseHistory({ team: 'struggling', days: 90, shape: 'regions', now }),
  };
}

/** The cases for data seen at `now`. */
export function cases(now: string): Case[] {
  const { running, suspended, succeeded, history, team } = sampleData(now);
  const qa = succeeded.environments.find((environment) => environment.name === 'qa')!;
  const next: Release = {
    ...succeeded,
    environments: succeeded.environments.map((environment) =>
      environment === qa ? { ...qa, applications: qa.applications.map((app, i) => (i === 0 ? { ...app, version: '9.9.9' } : app)) } : environment,
    ),
  };
  const runningEnvironment = running.environments.find((environment) => environment.status === 'running')!;
  return [
    { name: 'ReleasesTable', element: <ReleasesTable releases={history} height={800} getReleaseHref={(release) => `/releases/${release.id}`} /> },
    {
      name: 'ReleasesTable sorted by duration',
      element: <ReleasesTable releases={history.slice(0, 30)} height={800} defaultState={{ sort: { key: 'duration', desc: true } }} />,
    },
    { name: 'ReleaseGraph', element: <ReleaseGraph release={running} /> },
    ...VIEW_TABS.map((tab) => ({ name: `ReleaseView, ${tab} tab`, element: <ReleaseView release={running} defaultTab={tab} /> })),
    { name: 'ReleaseHeader', element: <ReleaseHeader release={suspended} /> },
    { name: 'EnvironmentDetails', element: <EnvironmentDetails environment={runningEnvironment} release={running} /> },
    { name: 'ReleaseNotes', element: <ReleaseNotes release={succeeded} /> },
    { name: 'ReleaseDiff', element: <ReleaseDiff previous={succeeded} next={next} /> },
    // With `now`: the window ends where the data was seen.
    { name: 'ReleaseInsights', element: <ReleaseInsights releases={team} now={now} getReleaseHref={(release) => `/releases/${release.id}`} /> },
    // Without it, the browser keeps the moment the server measured up to.
    { name: 'ReleaseInsights measured at mount', element: <ReleaseInsights releases={team} /> },
    { name: 'ReleaseComparison', element: <ReleaseComparison older={history[5]} newer={history[0]} releases={history} /> },
    {
      name: 'StatusBadge',
      element: (
        <p>
          <StatusBadge status="running" />
          <StatusBadge status="failed" variant="solid" />
          <StatusBadge status="suspended" waitingFor="pull-request" variant="icon-only" />
        </p>
      ),
    },
  ];
}

/** Every variant of every case, by a name that says both. */
export function allCases(now: string): Map<string, { variant: Variant; element: ReactElement }> {
  const all = new Map<string, { variant: Variant; element: ReactElement }>();
  for (const variant of VARIANTS) {
    for (const { name, element } of cases(now)) all.set(`${variant.name}: ${name}`, { variant, element: variant.wrap(element) });
  }
  return all;
}

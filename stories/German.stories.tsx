import type { ReactNode } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { sampleRelease, sampleReleaseHistory, type Release } from 'gitops-releases/headless';
import {
  DEFAULT_MESSAGES,
  EnvironmentDetails,
  ReleaseComparison,
  ReleaseDiff,
  ReleaseInsights,
  ReleaseNotes,
  ReleasesProvider,
  ReleasesTable,
  ReleaseView,
  type ReleaseViewTab,
} from '../src';
import { MESSAGES_DE } from './messages-de';
import { englishIn } from './readable-texts';

/**
 * Every component in German, with German dates (Europe/Berlin) and numbers: `messages` set to the
 * complete German `MESSAGES_DE` (the compiler checks it names every message). Each story's
 * `play` walks the whole canvas (text, `aria-label`, `title`, `placeholder`, `alt`) and fails on
 * any English default message that German does not share, so a string written into a component
 * instead of taken from the messages shows up here.
 */
function German({ children }: { children: ReactNode }) {
  return (
    <ReleasesProvider locale="de-DE" timeZone="Europe/Berlin" messages={MESSAGES_DE}>
      <div lang="de">{children}</div>
    </ReleasesProvider>
  );
}

const now = new Date().toISOString();
const history = sampleReleaseHistory({ count: 30, shape: 'regions', seed: 4, now });
/** A team's half year, for the delivery metrics. */
const teamHistory = sampleReleaseHistory({ team: 'struggling', days: 180, shape: 'regions', seed: 4, now });
const failed = sampleRelease({ shape: 'regions', state: 'failed' });
const running = sampleRelease({ shape: 'parallel', state: 'running', now });
const previous = sampleRelease({ shape: 'regions', state: 'succeeded', seed: 3 });
const next: Release = {
  ...previous,
  id: `${previous.id}-next`,
  environments: previous.environments
    .filter((environment) => environment.name !== 'prod-asia')
    .map((environment) => ({
      ...environment,
      applications: environment.applications.map((application, index) =>
        index === 0 ? { ...application, version: `${application.version ?? '1.0.0'}-1`, commitSha: `9f${'a'.repeat(38)}` } : application,
      ),
    })),
};
const failedEnvironment = failed.environments.find((environment) => environment.status === 'failed') ?? failed.environments[0]!;

type Leaf = { path: string; english: string; german: string | undefined };

/** Every message as text: strings as they are, functions called with sample arguments. */
function leaves(english: unknown, german: unknown, path = ''): Leaf[] {
  if (typeof english === 'string') return [{ path, english, german: typeof german === 'string' ? german : undefined }];
  if (typeof english === 'function') {
    return [{ path, english: call(english), german: typeof german === 'function' ? call(german) : undefined }];
  }
  if (english && typeof english === 'object') {
    return Object.entries(english).flatMap(([key, value]) =>
      leaves(value, german && typeof german === 'object' ? (german as Record<string, unknown>)[key] : undefined, `${path}.${key}`),
    );
  }
  return [];
}

/** A message function's text with its arguments as markers (numbers, then strings if numbers throw). */
function call(message: unknown): string {
  const f = message as (...args: unknown[]) => string;
  for (const arg of [7, '¤']) {
    try {
      return f(arg, arg, arg, String);
    } catch {
      // The other kind of argument.
    }
  }
  return '';
}

/** The fixed words of a message: its text without the arguments, in pieces. */
const fragments = (text: string) =>
  text
    // At arguments, and at a sentence's placeholders and optional parts.
    .split(/[¤7]+|\{[^{}]*\}|[[\]]/)
    .map((part) => part.trim().replace(/^[\s(),:·/]+|[\s(),:·/]+$/g, ''))
    .filter((part) => part.length > 3);

/**
 * The English words no German text may contain: fragments of every default message (longer than
 * 3 characters) that are not also part of some German message (e.g. "Releases", "Commit").
 */
const ENGLISH = (() => {
  const all = leaves(DEFAULT_MESSAGES, MESSAGES_DE);
  const german = all.map((leaf) => leaf.german ?? '').join('\n');
  const words = new Set<string>();
  for (const leaf of all) for (const fragment of fragments(leaf.english)) if (!german.includes(fragment)) words.add(fragment);
  return [...words];
})();

/** Fails with every English message found in the canvas: in text nodes and in named attributes. */
async function expectNoEnglish(root: HTMLElement) {
  await expect(englishIn(root, ENGLISH)).toEqual([]);
}

const meta = {
  title: 'Embedding/German',
  parameters: { layout: 'padded' },
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

export const Table: Story = {
  render: () => (
    <German>
      <ReleasesTable releases={history} pageSize={10} getReleaseHref={(release) => `/releases/${release.id}`} onReleaseSelect={fn()} height={420} />
    </German>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('columnheader', { name: /Datum/ });
    await expect(canvas.getByRole('search', { name: 'Release-Filter' })).toBeInTheDocument();
    await expect(canvasElement.querySelector('.gr-releases-table__page')).toHaveTextContent('Seite 1 von 3');
    // A filter that matches nothing: the empty state speaks German too.
    await userEvent.type(canvas.getByLabelText('Releases durchsuchen'), 'zzz-nichts');
    await canvas.findByText('Kein Release passt zu diesen Filtern');
    await expectNoEnglish(canvasElement);
  },
};

function View({ tab, release }: { tab: ReleaseViewTab; release: Release }) {
  return (
    <German>
      <ReleaseView release={release} defaultTab={tab} onRetry={fn()} onTerminate={fn()} onReleaseNotes={fn()} graphHeight={420} />
    </German>
  );
}

export const ViewGraph: Story = {
  name: 'ReleaseView: graph',
  render: () => <View tab="graph" release={failed} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvasElement.querySelectorAll('.gr-release-graph__node').length).toBeGreaterThan(0));
    await expect(canvas.getByRole('tab', { name: 'Graph' })).toHaveAttribute('aria-selected', 'true');
    await expect(canvas.getByRole('button', { name: 'Wiederholen' })).toBeInTheDocument();
    // Open the failed environment's details beside the graph.
    const node = canvasElement.querySelector<HTMLElement>(`[data-env-id="${failedEnvironment.name}"]`)!;
    node.focus();
    await userEvent.keyboard('{Enter}');
    await canvas.findByRole('button', { name: 'Schließen' });
    await expectNoEnglish(canvasElement);
  },
};

export const ViewNotes: Story = {
  name: 'ReleaseView: release notes',
  render: () => <View tab="notes" release={failed} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('tab', { name: 'Versionshinweise' })).toHaveAttribute('aria-selected', 'true');
    await canvas.findByRole('button', { name: 'Als Markdown kopieren' });
    await expectNoEnglish(canvasElement);
  },
};

export const ViewApplications: Story = {
  name: 'ReleaseView: applications',
  render: () => <View tab="applications" release={running} />,
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('columnheader', { name: 'Namensraum' });
    await expectNoEnglish(canvasElement);
  },
};

export const ViewTimeline: Story = {
  name: 'ReleaseView: timeline',
  render: () => <View tab="timeline" release={running} />,
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Wann jede Umgebung begann und endete');
    // Running durations tick: let one tick pass so the German units are what is checked.
    await waitFor(() => expect(canvasElement.querySelector('.gr-release-header__duration')?.textContent).not.toBe(''));
    await expectNoEnglish(canvasElement);
  },
};

export const Environment: Story = {
  name: 'EnvironmentDetails',
  render: () => (
    <German>
      <EnvironmentDetails environment={failedEnvironment} release={failed} onClose={fn()} />
    </German>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Schließen' })).toBeInTheDocument();
    await expect(canvas.getByText('Dauer')).toBeInTheDocument();
    await expectNoEnglish(canvasElement);
  },
};

export const Notes: Story = {
  name: 'ReleaseNotes',
  render: () => (
    <German>
      <ReleaseNotes release={failed} />
    </German>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByPlaceholderText('Änderungen suchen')).toBeInTheDocument();
    await expectNoEnglish(canvasElement);
    await userEvent.type(canvas.getByLabelText('Versionshinweise durchsuchen'), 'zzz-nichts');
    await canvas.findByText('Keine Änderung passt zu dieser Suche');
    await expectNoEnglish(canvasElement);
  },
};

export const Diff: Story = {
  name: 'ReleaseDiff',
  render: () => (
    <German>
      <ReleaseDiff previous={previous} next={next} defaultShowUnchanged />
    </German>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('table', { name: 'Änderungen zwischen den beiden Releases' })).toBeInTheDocument();
    await expect(canvas.getByRole('checkbox', { name: 'Unveränderte zeigen' })).toBeChecked();
    await expectNoEnglish(canvasElement);
  },
};

export const Insights: Story = {
  name: 'ReleaseInsights',
  render: () => (
    <German>
      <ReleaseInsights releases={teamHistory} now={now} defaultDays={90} getReleaseHref={(release) => `/releases/${release.id}`} />
    </German>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('radiogroup', { name: 'Zeitraum' })).toBeInTheDocument();
    await expect(canvas.getByRole('region', { name: 'Bereitstellungshäufigkeit' })).toHaveTextContent(/pro (Tag|Woche)/);
    for (const button of canvas.getAllByRole('button', { name: /Als Tabelle zeigen/ })) await userEvent.click(button);
    await expectNoEnglish(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: '7 Tage' }));
    await expectNoEnglish(canvasElement);
  },
};

export const TableSelection: Story = {
  name: 'ReleasesTable, selecting two to compare',
  render: () => (
    <German>
      <ReleasesTable releases={history} onCompare={fn()} height={360} />
    </German>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Vergleichen' })).toBeDisabled();
    const boxes = canvas.getAllByRole('checkbox', { name: /auswählen$/ });
    await userEvent.click(boxes[0]!);
    await userEvent.click(boxes[2]!);
    await expect(canvas.getByRole('group', { name: 'Ausgewählte Releases' })).toHaveTextContent('2 ausgewählt');
    await expect(canvas.getByRole('button', { name: 'Vergleichen' })).toBeEnabled();
    await expectNoEnglish(canvasElement);
  },
};

const comparedOlder = sampleRelease({ shape: 'regions', state: 'succeeded', seed: 2 });
const comparedNewer = sampleRelease({ shape: 'regions', state: 'failed', seed: 1 });

export const Comparison: Story = {
  name: 'ReleaseComparison',
  render: () => (
    <German>
      <ReleaseComparison older={comparedOlder} newer={comparedNewer} />
    </German>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 2 })).toHaveTextContent(`Von checkout ${comparedOlder.version} zu checkout ${comparedNewer.version}`);
    await expect(canvas.getByRole('table', { name: 'Jede Umgebung in beiden Releases' })).toBeInTheDocument();
    await expect(canvas.getByRole('heading', { name: /^Änderungen der Promotion/ })).toBeInTheDocument();
    await expectNoEnglish(canvasElement);
  },
};

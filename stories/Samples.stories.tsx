import { useMemo, useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import {
  SAMPLE_FLOW_SHAPES,
  SAMPLE_STATES,
  countByStatusGroup,
  durationMs,
  formatDuration,
  sampleFlow,
  sampleRelease,
  simulatePromotion,
  type Release,
} from 'gitops-releases/headless';
import { StatusBadge } from '../src';
import './samples.css';

/**
 * The sample releases every story, test and benchmark is built from (`gitops-releases/headless`
 * exports them), drawn with StatusBadge until the table and graph components arrive.
 */
const meta: Meta = {
  title: 'Sample data/Releases',
  parameters: { layout: 'fullscreen' },
};
export default meta;

const NOW = Date.parse('2026-11-20T10:00:00.000Z');

function ReleaseRow({ release, label }: { release: Release; label: string }) {
  const counts = countByStatusGroup(release.environments);
  const duration = durationMs(release.createdAt, release.finishedAt, NOW);
  return (
    <tr data-testid={label}>
      <th scope="row" className="gr-sample__cell">
        {label}
      </th>
      <td className="gr-sample__cell">
        <StatusBadge status={release.status} />
      </td>
      <td className="gr-sample__cell">{release.flow?.name ?? 'manual'}</td>
      <td className="gr-sample__cell">{duration === undefined ? '-' : formatDuration(duration)}</td>
      <td className="gr-sample__cell">
        {counts.succeeded} succeeded · {counts.running} running · {counts.failed} failed · {counts.pending} pending
        {counts.terminated ? ` · ${counts.terminated} terminated` : ''}
        {counts.skipped ? ` · ${counts.skipped} skipped` : ''}
      </td>
      <td className="gr-sample__cell">
        <div className="gr-sample__envs">
        {release.environments.slice(0, 12).map((environment) => (
          <span key={environment.name} className="gr-sample__env">
            <StatusBadge
              status={environment.status}
              waitingFor={environment.pullRequest?.state === 'open' ? 'pull-request' : undefined}
              variant="icon-only"
              size="sm"
            />
            <span className="gr-sample__env-name" title={environment.name}>
              {environment.name}
            </span>
          </span>
        ))}
        {release.environments.length > 12 ? <span>+{release.environments.length - 12} more</span> : null}
        </div>
      </td>
    </tr>
  );
}

function SampleTable({ rows }: { rows: Array<[string, Release]> }) {
  return (
    <table className="gr-sample">
      <caption className="gr-sample__caption">Sample releases of the product “checkout”</caption>
      <thead>
        <tr>
          {['Sample', 'Status', 'Flow', 'Duration', 'Environments', 'Environment statuses'].map((heading) => (
            <th key={heading} scope="col" className="gr-sample__cell">
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, release]) => (
          <ReleaseRow key={label} label={label} release={release} />
        ))}
      </tbody>
    </table>
  );
}

/** One release of the parallel flow in every state the samples cover. */
export const EveryState: StoryObj = {
  render: () => (
    <SampleTable rows={SAMPLE_STATES.map((state) => [state, sampleRelease({ shape: 'parallel', state })] as [string, Release])} />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const failed = canvas.getByTestId('failed');
    await expect(within(failed).getAllByText('Failed')[0]).toBeVisible();
    const terminated = canvas.getByTestId('terminated');
    await expect(terminated.querySelector('[data-status="terminated"]')).not.toBeNull();
    await expect(within(terminated).getByText(/\d+ terminated/)).toBeVisible();
    const pr = canvas.getByTestId('suspended-pr');
    await expect(within(pr).getByRole('img', { name: /waiting for pr merge/i })).toBeInTheDocument();
  },
};

/**
 * Every flow shape the samples generate: sequential, fan-out/fan-in, regions, 40, 300, manual, a
 * fleet of 2,000 stores in gated waves and 400 tenants in three cells (their first 12 shown).
 */
export const EveryShape: StoryObj = {
  render: () => (
    <SampleTable rows={SAMPLE_FLOW_SHAPES.map((shape) => [shape, sampleRelease({ shape, state: 'running' })] as [string, Release])} />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(within(canvas.getByTestId('huge')).getByText('+288 more')).toBeVisible();
    // 2,000 stores, dev, staging and three gates.
    await expect(within(canvas.getByTestId('fleet')).getByText('+1993 more')).toBeVisible();
    await expect(within(canvas.getByTestId('tenants')).getByText('+1190 more')).toBeVisible();
    // The manual sample's row label and its flow cell both read "manual" (a manual release has no flow).
    await expect(within(canvas.getByTestId('manual')).getAllByText('manual')).toHaveLength(2);
  },
};

/** Long environment names are cut with an ellipsis and keep the full name as a tooltip. */
export const LongNames: StoryObj = {
  render: () => <SampleTable rows={[['long names', sampleRelease({ shape: 'regions', state: 'failed', longNames: true })]]} />,
  play: async ({ canvasElement }) => {
    const name = canvasElement.querySelector<HTMLElement>('.gr-sample__env-name')!;
    await expect(name.title.length).toBeGreaterThan(60);
    await expect(name.scrollWidth).toBeGreaterThan(name.clientWidth);
  },
};

export const Dark: StoryObj = {
  ...EveryState,
  globals: { colorMode: 'dark' },
};

function Simulation() {
  const snapshots = useMemo(() => [...simulatePromotion(sampleFlow('regions'), { seed: 3 })], []);
  const [index, setIndex] = useState(0);
  const release = snapshots[index]!;
  return (
    <div>
      <p>
        <button type="button" className="gr-sample__button" onClick={() => setIndex((i) => Math.min(i + 1, snapshots.length - 1))}>
          Next snapshot
        </button>{' '}
        <button type="button" className="gr-sample__button" onClick={() => setIndex(0)}>
          Restart
        </button>{' '}
        <span aria-live="polite">
          Snapshot {index + 1} of {snapshots.length}
        </span>
      </p>
      <SampleTable rows={[['simulated', release]]} />
    </div>
  );
}

/** `simulatePromotion` steps a release through its flow; press "Next snapshot". */
export const LivePromotion: StoryObj = {
  render: () => <Simulation />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const row = () => canvas.getByTestId('simulated');
    const statuses = () => [...row().querySelectorAll('[data-status]')].map((el) => el.getAttribute('data-status')).join(',');
    const first = statuses();
    await userEvent.click(canvas.getByRole('button', { name: 'Next snapshot' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Next snapshot' }));
    await expect(canvas.getByText(/Snapshot 3 of/)).toBeVisible();
    await expect(statuses()).not.toBe(first);
  },
};

/** Environments per top-level group (a wave, a cell), in flow order; ungrouped ones under their name. */
function waveCounts(release: Release): Array<[string, Map<string, number>]> {
  const waves = new Map<string, Map<string, number>>();
  for (const environment of release.environments) {
    const wave = environment.group?.split('/', 1)[0] ?? environment.name;
    const counts = waves.get(wave) ?? new Map<string, number>();
    counts.set(environment.status, (counts.get(environment.status) ?? 0) + 1);
    waves.set(wave, counts);
  }
  return [...waves];
}

function WaveTable({ release, label }: { release: Release; label: string }) {
  return (
    <table className="gr-sample" data-testid={label}>
      <caption className="gr-sample__caption">
        {label}: <StatusBadge status={release.status} />
      </caption>
      <thead>
        <tr>
          {['Wave', 'Environments', 'Statuses'].map((heading) => (
            <th key={heading} scope="col" className="gr-sample__cell">
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {waveCounts(release).map(([wave, counts]) => (
          <tr key={wave} data-wave={wave}>
            <th scope="row" className="gr-sample__cell">
              {wave}
            </th>
            <td className="gr-sample__cell">{[...counts.values()].reduce((a, b) => a + b, 0)}</td>
            <td className="gr-sample__cell">{[...counts].map(([status, n]) => `${n} ${status}`).join(' · ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * `sampleRelease({ shape: 'fleet' })` in every state: 2,000 stores behind dev and staging, a canary
 * of 10, then waves of 5 %, 25 % and the rest, each opened by an approval gate. The states happen
 * in wave-2 (`wave` picks another): part-way, a handful of stores failed, stopped, held by a PR.
 */
export const FleetStates: StoryObj = {
  render: () => (
    <div>
      {SAMPLE_STATES.map((state) => (
        <WaveTable key={state} label={state} release={sampleRelease({ shape: 'fleet', state })} />
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const wave = (state: string, name: string) => canvas.getByTestId(state).querySelector(`[data-wave="${name}"]`)!;
    await expect(wave('running', 'wave-2').textContent).toMatch(/succeeded.*running.*pending/);
    await expect(wave('failed', 'wave-2').textContent).toMatch(/\d+ failed/);
    await expect(wave('failed', 'approve-wave-3').textContent).toContain('1 pending');
    await expect(wave('failed', 'wave-3').textContent).toContain('1390 pending');
  },
};

function FleetSimulation() {
  // A three-minute step plays the five-hour rollout in about 100 snapshots; shared environments
  // let components that compare by reference skip the stores that did not change.
  const snapshots = useMemo(
    () => [
      ...simulatePromotion(sampleFlow('fleet'), { seed: 3, step: 180_000, structuralSharing: true, failures: { group: 'wave-2', count: 5 } }),
    ],
    [],
  );
  const [index, setIndex] = useState(0);
  return (
    <div>
      <p>
        <button type="button" className="gr-sample__button" onClick={() => setIndex((i) => Math.min(i + 10, snapshots.length - 1))}>
          Ten snapshots on
        </button>{' '}
        <button type="button" className="gr-sample__button" onClick={() => setIndex(snapshots.length - 1)}>
          Last snapshot
        </button>{' '}
        <button type="button" className="gr-sample__button" onClick={() => setIndex(0)}>
          Restart
        </button>{' '}
        <span aria-live="polite">
          Snapshot {index + 1} of {snapshots.length}
        </span>
      </p>
      <WaveTable label="simulated fleet" release={snapshots[index]!} />
    </div>
  );
}

/**
 * `simulatePromotion` on a 2,000-store fleet, five stores of wave-2 failing: the gate of wave-3
 * never opens and the release ends failed.
 */
export const FleetRollout: StoryObj = {
  render: () => <FleetSimulation />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const row = (name: string) => canvas.getByTestId('simulated fleet').querySelector(`[data-wave="${name}"]`)!;
    await expect(row('canary').textContent).toContain('10 pending');
    await userEvent.click(canvas.getByRole('button', { name: 'Ten snapshots on' }));
    await expect(canvas.getByText(/Snapshot 11 of/)).toBeVisible();
    await expect(row('canary').textContent).not.toContain('10 pending');
    await userEvent.click(canvas.getByRole('button', { name: 'Last snapshot' }));
    await expect(row('wave-2').textContent).toContain('5 failed');
    await expect(row('approve-wave-3').textContent).toContain('1 pending');
    await expect(within(canvas.getByTestId('simulated fleet')).getAllByText('Failed')[0]).toBeVisible();
  },
};

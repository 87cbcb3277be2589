/// <reference types="vite/client" />
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { sampleRelease, type EnvironmentStep, type Release, type Status } from 'gitops-releases/headless';
import { EnvironmentDetails } from '../../src/components/EnvironmentDetails';
import { ReleasesProvider, type ColorMode } from '../../src/components/provider';
import '../../src/styles/index.css';
import { describeViolations, mount } from './harness';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function environmentOf(release: Release, status: Status): EnvironmentStep {
  const environment = release.environments.find((e) => e.status === status);
  if (!environment) throw new Error(`no ${status} environment in the sample`);
  return environment;
}

const failedRelease = sampleRelease({ shape: 'regions', state: 'failed' });
const prRelease = sampleRelease({ shape: 'regions', state: 'suspended-pr' });
const runningRelease = sampleRelease({ shape: 'regions', state: 'running' });
const longRelease = sampleRelease({ shape: 'regions', state: 'failed', longNames: true });

/** One panel per interesting case, each in a drawer-sized box as a host would show it. */
const CASES: ReadonlyArray<{ label: string; environment: EnvironmentStep; release: Release; loading?: boolean }> = [
  { label: 'failed', environment: environmentOf(failedRelease, 'failed'), release: failedRelease },
  { label: 'suspended', environment: environmentOf(prRelease, 'suspended'), release: prRelease },
  { label: 'running', environment: environmentOf(runningRelease, 'running'), release: runningRelease },
  { label: 'pending', environment: environmentOf(runningRelease, 'pending'), release: runningRelease },
  { label: 'loading', environment: environmentOf(runningRelease, 'pending'), release: runningRelease, loading: true },
  { label: 'long', environment: environmentOf(longRelease, 'failed'), release: longRelease },
];


async function mountCases(colorMode: ColorMode, width = 480): Promise<HTMLElement> {
  return mount(
    <ReleasesProvider colorMode={colorMode} style={{ background: 'var(--gr-surface, var(--gr-surface-default))', padding: 8 }}>
      {CASES.map(({ label, environment, release, loading }) => (
        <div key={label} data-case={label} style={{ width, height: 560, marginBottom: 16 }}>
          <EnvironmentDetails
            environment={environment}
            release={release}
            loading={loading}
            onClose={() => {}}
            headingLevel={3}
            selectedWorkflowStep={label === 'running' ? { section: 'postAction', name: 'smoke-tests' } : undefined}
          />
        </div>
      ))}
    </ReleasesProvider>,
  );
}

describe('EnvironmentDetails in a real browser', () => {
  // One panel at a time, as a host shows it: several panels of environments with one name would
  // be landmarks with one name, a violation of the test page rather than of the panel.
  it.each((['light', 'dark'] as const).flatMap((mode) => CASES.map((c) => [mode, c.label] as const)))(
    'has no axe violations in %s mode: %s (contrast included)',
    async (mode, label) => {
      const only = CASES.find((c) => c.label === label)!;
      const el = await mount(
        <ReleasesProvider colorMode={mode} style={{ background: 'var(--gr-surface, var(--gr-surface-default))', padding: 8 }}>
          <div style={{ width: 480, height: 560 }}>
            <EnvironmentDetails environment={only.environment} release={only.release} loading={only.loading} onClose={() => {}} />
          </div>
        </ReleasesProvider>,
      );
      // Open every step, so the runs and their links are checked too.
      for (const details of el.querySelectorAll('details')) details.open = true;
      const results = await axe.run(el);
      expect(results.violations.map((v) => v.id), describeViolations(results)).toEqual([]);
      expect(results.passes.some((p) => p.id === 'color-contrast')).toBe(true);
    },
  );

  it('scrolls inside its own box when its container limits the height', async () => {
    const el = await mountCases('light');
    const panel = el.querySelector<HTMLElement>('[data-case="failed"] .gr-environment-details')!;
    expect(panel.getBoundingClientRect().height).toBeLessThanOrEqual(560);
    expect(panel.scrollHeight).toBeGreaterThan(panel.clientHeight);
    expect(getComputedStyle(panel).overflowY).toBe('auto');
  });

  it('scrolls the selected workflow step into view', async () => {
    const el = await mountCases('light');
    const panel = el.querySelector<HTMLElement>('[data-case="running"] .gr-environment-details')!;
    const selected = panel.querySelector<HTMLElement>('.gr-environment-details__workflow[data-selected]')!;
    expect(selected.querySelector('details')!.open).toBe(true);
    const box = selected.getBoundingClientRect();
    const view = panel.getBoundingClientRect();
    expect(box.top).toBeGreaterThanOrEqual(view.top - 1);
    expect(box.top).toBeLessThan(view.bottom);
  });

  it.each([320, 480])('fits a %ipx drawer: long names wrap, only the table scrolls sideways', async (width) => {
    const el = await mountCases('light', width);
    for (const panel of el.querySelectorAll<HTMLElement>('.gr-environment-details')) {
      expect(panel.scrollWidth).toBeLessThanOrEqual(panel.clientWidth);
    }
    const long = el.querySelector<HTMLElement>('[data-case="long"]')!;
    const heading = long.querySelector<HTMLElement>('.gr-environment-details__title')!;
    expect(heading.getBoundingClientRect().width).toBeLessThanOrEqual(width);
    // The heading wrapped onto several lines rather than overflowing.
    expect(heading.getBoundingClientRect().height).toBeGreaterThan(parseFloat(getComputedStyle(heading).lineHeight) * 1.5);
    const scroller = long.querySelector<HTMLElement>('.gr-environment-details__table-scroll')!;
    expect(scroller.scrollWidth).toBeGreaterThan(scroller.clientWidth);
  });

  it('colours issue tags from the status tokens', async () => {
    const el = await mountCases('light');
    const level = el.querySelector<HTMLElement>('[data-case="failed"] .gr-environment-details__issue-level')!;
    // Light failed fg #b3161f on failed bg #ffebe9.
    expect(getComputedStyle(level).color).toBe('rgb(179, 22, 31)');
    expect(getComputedStyle(level).backgroundColor).toBe('rgb(255, 235, 233)');
  });

  it('keeps visually hidden labels out of sight but in the accessible text', async () => {
    const el = await mountCases('light');
    const hidden = el.querySelector<HTMLElement>('.gr-visually-hidden')!;
    expect(hidden.getBoundingClientRect().width).toBeLessThanOrEqual(1);
    expect(hidden.textContent).not.toBe('');
  });
});

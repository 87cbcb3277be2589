import { render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EnvironmentDetails, ReleaseComparison, ReleaseDiff, ReleaseGraph, ReleaseInsights, ReleaseNotes, ReleasesProvider, ReleasesTable, ReleaseView } from '../../src/index';
import { fixtureMetrics } from '../fixtures/delivery-metrics';
import type { ReleasesErrorHandler } from '../../src/index';
import { isReleaseDataError, sampleRelease, type Release } from '../../src/headless';

const release = sampleRelease({ shape: 'sequential', state: 'failed' });
const unknownDependency: Release = {
  ...release,
  environments: release.environments.map((environment, i) => (i === 1 ? { ...environment, dependsOn: ['nowhere'] } : environment)),
};
const badEnvironment = { ...release.environments[0]!, workflows: { trigger: [null as never], preAction: [], postAction: [] } };
const badReleases = [{ id: 1 } as never];

/** Each component fed data it cannot show, with the name it reports itself by. */
const cases: Array<[string, (onError?: ReleasesErrorHandler) => ReactElement]> = [
  ['ReleasesTable', (onError) => <ReleasesTable releases={[{ id: 1 } as never]} onError={onError} />],
  ['ReleaseGraph', (onError) => <ReleaseGraph release={unknownDependency} onError={onError} />],
  ['ReleaseView', (onError) => <ReleaseView release={unknownDependency} onError={onError} />],
  ['EnvironmentDetails', (onError) => <EnvironmentDetails environment={badEnvironment} release={release} onError={onError} />],
  ['ReleaseNotes', (onError) => <ReleaseNotes release={{ ...release, notes: { ...release.notes!, issues: [{ title: 'x' } as never] } }} onError={onError} />],
  ['ReleaseDiff', (onError) => <ReleaseDiff previous={release} next={{ ...release, environments: 'x' as never }} onError={onError} />],
  ['ReleaseInsights', (onError) => <ReleaseInsights metrics={{ ...fixtureMetrics(), failingSteps: 'x' as never }} onError={onError} />],
  ['ReleaseComparison', (onError) => <ReleaseComparison older={release} newer={{ ...release, id: 'other', environments: 'x' as never }} onError={onError} />],
];

afterEach(() => vi.restoreAllMocks());

describe('errors disappear: a data error shown inline is also reported to the host', () => {
  it.each(cases)('%s tells the provider’s onError, once, with its name', async (component, element) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const onError = vi.fn<ReleasesErrorHandler>();
    render(<ReleasesProvider onError={onError}>{element()}</ReleasesProvider>);
    expect((await screen.findAllByRole('alert')).length).toBeGreaterThan(0);
    expect(onError).toHaveBeenCalled();
    const [error, info] = onError.mock.calls[0]!;
    expect(info.component).toBe(component);
    expect(error).toBeDefined();
    // Every report is of a distinct error: a re-render does not tell the host again.
    expect(new Set(onError.mock.calls.map(([e]) => e)).size).toBe(onError.mock.calls.length);
  });

  it.each(cases)('%s: its own onError takes the provider’s place', async (_component, element) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const provider = vi.fn<ReleasesErrorHandler>();
    const own = vi.fn<ReleasesErrorHandler>();
    render(<ReleasesProvider onError={provider}>{element(own)}</ReleasesProvider>);
    await screen.findAllByRole('alert');
    expect(own).toHaveBeenCalled();
    expect(provider).not.toHaveBeenCalled();
  });

  it('names the path of a ReleaseDataError it reports', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const onError = vi.fn<ReleasesErrorHandler>();
    render(<ReleaseDiff previous={release} next={{ ...release, environments: 'x' as never }} onError={onError} />);
    await screen.findByRole('alert');
    const [error] = onError.mock.calls[0]!;
    expect(isReleaseDataError(error) && error.path).toBe('$.next.environments');
  });

  it('logs each error once in development, naming the component, and a throwing host logger changes nothing', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { rerender } = render(
      <ReleasesProvider onError={() => { throw new Error('logger down'); }}>
        <ReleasesTable releases={badReleases} />
      </ReleasesProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('$[0]');
    rerender(
      <ReleasesProvider onError={() => { throw new Error('logger down'); }}>
        <ReleasesTable releases={badReleases} density="compact" />
      </ReleasesProvider>,
    );
    const ours = logged.mock.calls.filter(([first]) => typeof first === 'string' && first.includes('ReleasesTable'));
    expect(ours).toHaveLength(1);
  });
});

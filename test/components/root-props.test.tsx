import { render } from '@testing-library/react';
import { createRef, type ReactElement, type Ref } from 'react';
import { describe, expect, it } from 'vitest';
import { EnvironmentDetails, ReleaseComparison, ReleaseDiff, ReleaseGraph, ReleaseInsights, ReleaseNotes, ReleasesTable, ReleaseView, StatusBadge } from '../../src/index';
import { fixtureMetrics } from '../fixtures/delivery-metrics';
import { sampleRelease, sampleReleaseHistory } from '../../src/headless';

const release = sampleRelease({ shape: 'sequential', state: 'failed' });
const history = sampleReleaseHistory({ count: 5 });

/** Every component, given a ref and the attributes a host puts on any element. */
const cases: Array<[string, (ref: Ref<HTMLElement>, extra: Record<string, unknown>) => ReactElement]> = [
  ['StatusBadge', (ref, extra) => <StatusBadge ref={ref as Ref<HTMLSpanElement>} status="failed" {...extra} />],
  ['ReleasesTable', (ref, extra) => <ReleasesTable ref={ref as Ref<HTMLDivElement>} releases={history} {...extra} />],
  ['ReleaseGraph', (ref, extra) => <ReleaseGraph ref={ref as Ref<HTMLDivElement>} release={release} {...extra} />],
  ['ReleaseView', (ref, extra) => <ReleaseView ref={ref as Ref<HTMLDivElement>} release={release} {...extra} />],
  ['EnvironmentDetails', (ref, extra) => <EnvironmentDetails ref={ref as Ref<HTMLElement>} environment={release.environments[0]!} release={release} {...extra} />],
  ['ReleaseNotes', (ref, extra) => <ReleaseNotes ref={ref as Ref<HTMLDivElement>} release={release} {...extra} />],
  ['ReleaseDiff', (ref, extra) => <ReleaseDiff ref={ref as Ref<HTMLDivElement>} previous={release} next={release} {...extra} />],
  ['ReleaseInsights', (ref, extra) => <ReleaseInsights ref={ref as Ref<HTMLDivElement>} metrics={fixtureMetrics()} {...extra} />],
  ['ReleaseComparison', (ref, extra) => <ReleaseComparison ref={ref as Ref<HTMLDivElement>} older={history[1]} newer={history[0]} {...extra} />],
];

describe('component roots behave like elements', () => {
  it.each(cases)('%s forwards its ref to its root and passes id, data-* and aria-* through', (_name, element) => {
    const ref = createRef<HTMLElement>();
    const { container } = render(
      element(ref, { id: 'host-id', 'data-testid': 'host-test', 'data-track': 'releases', 'aria-describedby': 'host-help', className: 'host-class', style: { marginTop: '3px' } }),
    );
    const root = container.firstElementChild as HTMLElement;
    expect(ref.current).toBe(root);
    expect(root.id).toBe('host-id');
    expect(root.dataset.testid).toBe('host-test');
    expect(root.dataset.track).toBe('releases');
    expect(root.getAttribute('aria-describedby')).toBe('host-help');
    expect(root).toHaveClass('host-class');
    expect(root.style.marginTop).toBe('3px');
  });
});

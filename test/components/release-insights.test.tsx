import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeDeliveryMetrics, sampleReleaseHistory } from 'gitops-releases/headless';
import { ReleaseInsights, ReleasesProvider, type InsightsWindowDays, type ReleasesErrorHandler } from '../../src';
import { emptyMetrics, fixtureMetrics, fixtureRelease } from '../fixtures/delivery-metrics';

afterEach(() => vi.restoreAllMocks());

const tile = (name: string) => screen.getByRole('region', { name });

describe('ReleaseInsights: the four keys', () => {
  it('writes each value in friendly units, with the change against the previous window in an arrow and a word', () => {
    render(<ReleaseInsights metrics={fixtureMetrics()} />);
    const frequency = tile('Deployment frequency');
    expect(frequency).toHaveTextContent('3.1 per day');
    expect(frequency).toHaveTextContent('22 deployments');
    // Up from 2 per day: more often is better.
    const up = frequency.querySelector('.gr-release-insights__trend')!;
    expect(up).toHaveAttribute('data-direction', 'up');
    expect(up).toHaveTextContent('+57%better');
    expect(up.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
    expect(frequency).toHaveTextContent('previous 7 days: 2 per day');

    // Down from 6 h: faster is better.
    const lead = tile('Change lead time');
    expect(lead).toHaveTextContent('4h 12m');
    expect(lead.querySelector('.gr-release-insights__trend')).toHaveTextContent('-30%better');
    expect(lead.querySelector('.gr-release-insights__trend')).toHaveAttribute('data-direction', 'down');

    // Up from 4 %: more failures is worse, told in points.
    const rate = tile('Change fail rate');
    expect(rate).toHaveTextContent('8.3%');
    expect(rate.querySelector('.gr-release-insights__trend')).toHaveTextContent('+4.3 ptsworse');
    expect(rate).toHaveTextContent('2 of 24 deployments failed');

    // No recovery in the previous window: nothing to compare with.
    const recovery = tile('Failed deployment recovery time');
    expect(recovery).toHaveTextContent('45m');
    expect(recovery.querySelector('.gr-release-insights__trend')).toBeEmptyDOMElement();
    expect(recovery).not.toHaveTextContent(/better|worse/);
    expect(recovery).toHaveTextContent('nothing to compare with in the previous 7 days');
    expect(recovery).toHaveTextContent('1 recovered, 1 not yet');
  });

  it('claims no change when the previous window had no deployment at all (a history that does not reach back)', () => {
    const metrics = fixtureMetrics();
    const { deploymentFrequency, changeLeadTime, changeFailRate, failedDeploymentRecoveryTime } = emptyMetrics();
    const none = { window: metrics.previous.window, deploymentFrequency, changeLeadTime, changeFailRate, failedDeploymentRecoveryTime };
    render(<ReleaseInsights metrics={{ ...metrics, previous: none }} />);
    for (const name of ['Deployment frequency', 'Change lead time', 'Change fail rate', 'Failed deployment recovery time']) {
      expect(tile(name)).toHaveTextContent('nothing to compare with in the previous 7 days');
      expect(tile(name)).not.toHaveTextContent(/better|worse/);
    }
  });

  it('names each sparkline by a summary of its numbers', () => {
    render(<ReleaseInsights metrics={fixtureMetrics()} />);
    expect(within(tile('Deployment frequency')).getByRole('img')).toHaveAccessibleName(
      'Deployments per day over the last 7 days: from 2 to 5, 3.1 on average',
    );
    expect(within(tile('Failed deployment recovery time')).getByRole('img')).toHaveAccessibleName(
      'Median recovery time per day over the last 7 days: from 45m to 45m, 45m on average',
    );
  });

  it('shows a chart as a table on request, with the same numbers', async () => {
    render(<ReleaseInsights metrics={fixtureMetrics()} />);
    const frequency = tile('Deployment frequency');
    expect(within(frequency).queryByRole('table')).toBeNull();
    const toggle = within(frequency).getByRole('button', { name: 'Show as table: Deployments per day' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const table = within(frequency).getByRole('table', { name: 'Deployments per day' });
    const cells = within(table).getAllByRole('row').slice(1).map((row) => within(row).getByRole('cell').textContent);
    expect(cells).toEqual(['2', '3', '5', '4', '3', '2', '3']);
    expect(within(table).getAllByRole('rowheader')[0]).toHaveTextContent('Mar 8, 2026');
    // A bucket without a change has no lead time: a dash, read as "none".
    await userEvent.click(within(tile('Change lead time')).getByRole('button', { name: /Show as table/ }));
    expect(within(tile('Change lead time')).getAllByRole('row')[4]).toHaveTextContent('—none');
    await userEvent.click(toggle);
    expect(within(frequency).queryByRole('table')).toBeNull();
  });
});

describe('ReleaseInsights: where the time goes', () => {
  it('draws the value stream as one bar named by its stages, with a legend and a table', async () => {
    render(<ReleaseInsights metrics={fixtureMetrics()} />);
    const stream = screen.getByRole('region', { name: 'Value stream' });
    const bar = within(stream).getByRole('img');
    expect(bar).toHaveAccessibleName(expect.stringMatching(/^From first commit to production in 4h 15m \(median, last 7 days\): Commit to release 1h 30m \(35\.3%\), dev running 4m/));
    expect(bar.querySelectorAll('rect[data-kind]')).toHaveLength(6);
    expect(within(stream).getAllByRole('listitem')[4]).toHaveTextContent('production waiting2h (47.1%)');
    await userEvent.click(within(stream).getByRole('button', { name: 'Show as table: Value stream' }));
    const rows = within(within(stream).getByRole('table')).getAllByRole('row');
    expect(rows[5]).toHaveTextContent('production waiting2h47.1%');
  });

  it('lists environments, failing steps and failed deployments', () => {
    render(<ReleaseInsights metrics={fixtureMetrics()} getReleaseHref={(release) => `/releases/${release.id}`} />);
    const environments = within(screen.getByRole('region', { name: 'Environments' })).getAllByRole('row');
    expect(environments[2]).toHaveTextContent('staging282629' + '2.9%12m20m');
    const steps = within(screen.getByRole('region', { name: 'Failing steps' })).getAllByRole('row');
    expect(steps[1]).toHaveTextContent('smoke-testsproductionPost-Action Workflow224');
    const failed = screen.getByRole('region', { name: 'Failed deployments' });
    expect(within(failed).getByRole('link', { name: '1.4.2' })).toHaveAttribute('href', '/releases/r-2');
    expect(within(failed).getAllByRole('row')[1]).toHaveTextContent('not recovered yet');
    expect(within(failed).getAllByRole('row')[2]).toHaveTextContent('45m');
  });

  it('links a failed deployment only to http, https, mailto or a path of the host', () => {
    const hrefs = new Map([
      ['r-2', 'javascript:alert(1)'],
      ['r-1', '//evil.example/releases'],
    ]);
    const { rerender } = render(<ReleaseInsights metrics={fixtureMetrics()} getReleaseHref={(release) => hrefs.get(release.id)} />);
    const failed = () => screen.getByRole('region', { name: 'Failed deployments' });
    expect(within(failed()).queryAllByRole('link')).toEqual([]);
    expect(failed()).toHaveTextContent('1.4.2');
    hrefs.set('r-2', 'https://ci.example/releases/2').set('r-1', 'mailto:oncall@example.com');
    rerender(<ReleaseInsights metrics={fixtureMetrics()} getReleaseHref={(release) => hrefs.get(release.id)} />);
    expect(within(failed()).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['https://ci.example/releases/2', 'mailto:oncall@example.com']);
  });
});

describe('ReleaseInsights: from a release history', () => {
  const NOW = '2026-11-20T10:00:00.000Z';
  const history = sampleReleaseHistory({ count: 400, shape: 'regions', seed: 4, now: NOW });

  it('measures the releases itself, the same as computeDeliveryMetrics, for the window picked', async () => {
    render(<ReleaseInsights releases={history} now={NOW} />);
    const expected = (days: number) => computeDeliveryMetrics(history, { now: NOW, days });
    const count = (days: number) => `${expected(days).deploymentFrequency.deployments.toLocaleString('en-US')} deployment`;
    expect(tile('Deployment frequency')).toHaveTextContent(count(30));
    await userEvent.click(screen.getByRole('radio', { name: '7 days' }));
    expect(tile('Deployment frequency')).toHaveTextContent(count(7));
    expect(within(tile('Deployment frequency')).getByRole('img')).toHaveAccessibleName(expect.stringContaining('over the last 7 days'));
  });

  it('passes the target environment and the buckets on', () => {
    render(<ReleaseInsights releases={history} now={NOW} environment="staging" bucket="week" />);
    const expected = computeDeliveryMetrics(history, { now: NOW, environment: 'staging', bucket: 'week' });
    expect(tile('Deployment frequency')).toHaveTextContent(`${expected.deploymentFrequency.deployments} deployments`);
    expect(within(tile('Deployment frequency')).getByRole('img')).toHaveAccessibleName(expect.stringMatching(/^Deployments per week/));
  });

  it('reads the clock once: a re-render measures the same window', () => {
    const recent = sampleReleaseHistory({ count: 400, shape: 'regions', seed: 4, now: new Date().toISOString() });
    const { rerender } = render(<ReleaseInsights releases={recent} defaultDays={7} />);
    const label = () => within(tile('Deployment frequency')).getByRole('img').getAttribute('aria-label');
    const first = label();
    expect(first).toMatch(/from \d/);
    // Four days on, a fresh reading would drop four of the seven days.
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 4 * 24 * 60 * 60 * 1000);
    rerender(<ReleaseInsights releases={recent} defaultDays={7} className="again" />);
    expect(label()).toBe(first);
  });

  it('shows a history it cannot read inline, naming the path, and tells onError once', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const onError = vi.fn<ReleasesErrorHandler>();
    const bad = [...history.slice(0, 3), { id: 'x', createdAt: 42 } as never];
    const { rerender } = render(<ReleaseInsights releases={bad} now={NOW} onError={onError} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('$[3]');
    rerender(<ReleaseInsights releases={bad} now={NOW} onError={onError} className="again" />);
    expect(onError).toHaveBeenCalledTimes(1);
  });
});

describe('ReleaseInsights: the window', () => {
  const days = () => screen.getByRole('radiogroup', { name: 'Window' });

  it('is uncontrolled from defaultDays, and tells the host each choice', async () => {
    const onDaysChange = vi.fn();
    render(<ReleaseInsights metrics={fixtureMetrics()} defaultDays={90} onDaysChange={onDaysChange} />);
    expect(within(days()).getByRole('radio', { name: '90 days' })).toBeChecked();
    await userEvent.click(within(days()).getByRole('radio', { name: '7 days' }));
    expect(within(days()).getByRole('radio', { name: '7 days' })).toBeChecked();
    expect(onDaysChange).toHaveBeenLastCalledWith(7);
  });

  it('starts from the window of the metrics given, and moves with the arrow keys', async () => {
    render(<ReleaseInsights metrics={fixtureMetrics()} />);
    const seven = within(days()).getByRole('radio', { name: '7 days' });
    expect(seven).toBeChecked();
    seven.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(within(days()).getByRole('radio', { name: '30 days' })).toBeChecked();
  });

  it('is controlled by days: a choice the host refuses does not stick', async () => {
    const onDaysChange = vi.fn();
    const { rerender } = render(<ReleaseInsights metrics={fixtureMetrics()} days={30} onDaysChange={onDaysChange} />);
    await userEvent.click(within(days()).getByRole('radio', { name: '90 days' }));
    expect(onDaysChange).toHaveBeenCalledWith(90);
    expect(within(days()).getByRole('radio', { name: '30 days' })).toBeChecked();
    rerender(<ReleaseInsights metrics={fixtureMetrics()} days={90} onDaysChange={onDaysChange} />);
    expect(within(days()).getByRole('radio', { name: '90 days' })).toBeChecked();
  });

  it('lets a host compute the metrics for the window picked', async () => {
    function Host() {
      const [days, setDays] = useState<InsightsWindowDays>(7);
      const metrics = days === 7 ? fixtureMetrics() : emptyMetrics();
      return <ReleaseInsights metrics={{ ...metrics, window: { ...metrics.window, days } }} days={days} onDaysChange={setDays} />;
    }
    render(<Host />);
    expect(tile('Deployment frequency')).toHaveTextContent('3.1 per day');
    await userEvent.click(screen.getByRole('radio', { name: '30 days' }));
    expect(screen.getByRole('status')).toHaveTextContent('No deployments in the last 30 days');
  });
});

describe('ReleaseInsights: states', () => {
  it('shows a busy skeleton while loading', () => {
    render(<ReleaseInsights loading />);
    const root = screen.getByRole('region', { name: 'Delivery insights' });
    expect(root).toHaveAttribute('aria-busy', 'true');
    expect(root).toHaveAttribute('data-state', 'loading');
    expect(screen.getByRole('status')).toHaveTextContent('Loading delivery metrics');
    expect(root.querySelectorAll('.gr-release-insights__skeleton').length).toBeGreaterThan(4);
  });

  it('says when nothing was deployed in the window, with its length', () => {
    render(<ReleaseInsights metrics={emptyMetrics()} />);
    expect(screen.getByRole('status')).toHaveTextContent('No deployments in the last 7 days');
    // The window can still be changed.
    expect(screen.getByRole('radiogroup', { name: 'Window' })).toBeInTheDocument();
  });

  it('shows the host’s fetch error inline', () => {
    render(<ReleaseInsights error={new Error('GET /api/releases: 503')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load the release history');
    expect(screen.getByRole('alert')).toHaveTextContent('503');
  });

  it('shows metrics it cannot draw inline and tells onError once', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const onError = vi.fn<ReleasesErrorHandler>();
    const bad = { ...fixtureMetrics(), environments: 'x' as never };
    const { rerender } = render(<ReleaseInsights metrics={bad} onError={onError} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not measure the releases');
    expect(screen.getByRole('alert')).toHaveTextContent('at $.environments, expected an array: "x"');
    rerender(<ReleaseInsights metrics={bad} onError={onError} className="again" />);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![1].component).toBe('ReleaseInsights');
  });

  it('speaks the provider’s language and writes numbers in its locale', () => {
    render(
      <ReleasesProvider locale="de-DE" messages={{ insights: { perDay: (n, f) => `${f(n)} pro Tag`, keys: { deploymentFrequency: 'Häufigkeit' } } }}>
        <ReleaseInsights metrics={fixtureMetrics()} />
      </ReleasesProvider>,
    );
    expect(tile('Häufigkeit')).toHaveTextContent('3,1 pro Tag');
    expect(tile('Change fail rate')).toHaveTextContent('8,3 %');
  });
});

describe('ReleaseInsights: hostile names', () => {
  it('shows environments and steps called __proto__ or constructor like any other', () => {
    const metrics = fixtureMetrics({
      environments: ['__proto__', 'constructor', 'toString'].map((name) => ({ name, runs: 1, succeeded: 1, failed: 0, successRate: 1, medianDurationMs: 1000, medianWaitMs: null })),
      failingSteps: [{ environment: '__proto__', section: '__proto__' as never, name: 'constructor', failures: 1, runs: 1 }],
      failedDeployments: [{ release: fixtureRelease('__proto__', '__proto__'), at: '2026-03-12T00:00:00.000Z', environment: 'constructor', recoveryMs: null }],
      valueStream: [
        { kind: 'wait', environment: '__proto__', medianMs: 1000 },
        { kind: 'run', environment: 'constructor', medianMs: 1000 },
      ],
    });
    render(<ReleaseInsights metrics={metrics} getReleaseHref={(release) => `/releases/${release.id}`} />);
    const rows = within(screen.getByRole('region', { name: 'Environments' })).getAllByRole('rowheader').map((cell) => cell.textContent);
    expect(rows).toEqual(['__proto__', 'constructor', 'toString']);
    expect(screen.getByRole('region', { name: 'Failing steps' })).toHaveTextContent('constructor__proto____proto__');
    expect(screen.getByRole('link', { name: '__proto__' })).toHaveAttribute('href', '/releases/__proto__');
    expect(within(screen.getByRole('region', { name: 'Value stream' })).getByRole('img')).toHaveAccessibleName(expect.stringContaining('__proto__ waiting 1s (50%), constructor running 1s (50%)'));
  });
});

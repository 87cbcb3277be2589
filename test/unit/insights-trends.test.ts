import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDeliveryMetrics,
  computeDeliveryMetrics,
  DELIVERY_KEY_IDS,
  deliveryKeySeries,
  deliveryKeyValue,
  deliveryTrend,
  isReleaseDataError,
  sampleReleaseHistory,
  summarizeSeries,
  valueStreamShares,
  type DeliveryKeyId,
} from 'gitops-releases/headless';
import { emptyMetrics, fixtureMetrics } from '../fixtures/delivery-metrics';

const HOUR = 3_600_000;

describe('deliveryTrend: which way is better', () => {
  it.each([
    // id, previous, current, direction, verdict
    ['deploymentFrequency', 2, 3, 'up', 'better'],
    ['deploymentFrequency', 3, 2, 'down', 'worse'],
    ['changeLeadTime', 4 * HOUR, 5 * HOUR, 'up', 'worse'],
    ['changeLeadTime', 5 * HOUR, 4 * HOUR, 'down', 'better'],
    ['changeFailRate', 0.1, 0.2, 'up', 'worse'],
    ['changeFailRate', 0.2, 0.1, 'down', 'better'],
    ['recoveryTime', HOUR, 2 * HOUR, 'up', 'worse'],
    ['recoveryTime', 2 * HOUR, HOUR, 'down', 'better'],
  ] as const)('%s from %d to %d goes %s: %s', (id, previous, current, direction, verdict) => {
    expect(deliveryTrend(id, current, previous)).toMatchObject({ direction, verdict });
  });

  it('gives the change relative to the previous window, except for the fail rate (points)', () => {
    expect(deliveryTrend('deploymentFrequency', 3, 2)).toEqual({ direction: 'up', verdict: 'better', relative: 0.5, absolute: 1 });
    const rate = deliveryTrend('changeFailRate', 0.25, 0.1)!;
    expect(rate.relative).toBeUndefined();
    expect(rate.absolute).toBeCloseTo(0.15);
  });

  it('calls a change that rounds to 0 % (or 0 points of fail rate) no change', () => {
    expect(deliveryTrend('changeLeadTime', 1000.4, 1000)).toMatchObject({ direction: 'flat', verdict: 'same' });
    expect(deliveryTrend('changeFailRate', 0.104, 0.1)).toMatchObject({ direction: 'flat', verdict: 'same' });
    expect(deliveryTrend('changeFailRate', 0.11, 0.1)).toMatchObject({ direction: 'up', verdict: 'worse' });
  });

  it('has no trend when either window has no value, and none relative to 0', () => {
    expect(deliveryTrend('changeLeadTime', null, HOUR)).toBeUndefined();
    expect(deliveryTrend('changeLeadTime', HOUR, null)).toBeUndefined();
    expect(deliveryTrend('deploymentFrequency', Number.NaN, 1)).toBeUndefined();
    expect(deliveryTrend('deploymentFrequency', 2, 0)).toEqual({ direction: 'up', verdict: 'better', relative: undefined, absolute: 2 });
  });

  it('says better exactly when the value moved the good way, for any two values', () => {
    const ids = fc.constantFrom<DeliveryKeyId>(...DELIVERY_KEY_IDS);
    fc.assert(
      fc.property(ids, fc.double({ min: 0, max: 1e9, noNaN: true }), fc.double({ min: 0, max: 1e9, noNaN: true }), (id, previous, current) => {
        const trend = deliveryTrend(id, current, previous)!;
        if (trend.verdict === 'same') return;
        const upIsGood = id === 'deploymentFrequency';
        expect(trend.verdict === 'better').toBe(current > previous === upIsGood);
      }),
    );
  });
});

describe('deliveryKeyValue and deliveryKeySeries', () => {
  it('reads each key of a window in its own unit', () => {
    const metrics = fixtureMetrics();
    expect(DELIVERY_KEY_IDS.map((id) => deliveryKeyValue(metrics, id))).toEqual([
      metrics.deploymentFrequency.perDay,
      metrics.changeLeadTime.medianMs,
      metrics.changeFailRate.rate,
      metrics.failedDeploymentRecoveryTime.medianMs,
    ]);
  });

  it('gives one value per bucket: deployments, median lead time, fail rate, gaps as null', () => {
    const metrics = fixtureMetrics();
    expect(deliveryKeySeries(metrics, 'deploymentFrequency')).toEqual([2, 3, 5, 4, 3, 2, 3]);
    expect(deliveryKeySeries(metrics, 'changeLeadTime')).toEqual([5 * HOUR, 4 * HOUR, 4.5 * HOUR, null, 3 * HOUR, 4 * HOUR, 4.2 * HOUR]);
    expect(deliveryKeySeries(metrics, 'changeFailRate')).toEqual([0, 0, 1 / 6, 0, 0, 1 / 3, 0]);
  });

  it('puts each recovered failure in the bucket it failed in, and takes their median', () => {
    const metrics = fixtureMetrics();
    const [first, second] = metrics.series;
    const failure = metrics.failedDeployments[0]!;
    const at = (point: typeof first) => new Date(Date.parse(point!.from) + HOUR).toISOString();
    const series = deliveryKeySeries(
      {
        ...metrics,
        failedDeployments: [
          { ...failure, at: at(first), recoveryMs: 1 * HOUR },
          { ...failure, at: at(first), recoveryMs: 3 * HOUR },
          { ...failure, at: second!.from, recoveryMs: 5 * HOUR },
          // Not recovered yet, and one before the series: neither counts.
          { ...failure, at: at(second), recoveryMs: null },
          { ...failure, at: '2000-01-01T00:00:00.000Z', recoveryMs: 7 * HOUR },
        ],
      },
      'recoveryTime',
    );
    expect(series).toEqual([2 * HOUR, 5 * HOUR, null, null, null, null, null]);
  });

  it('is empty for an empty window and has a value per bucket on a real history', () => {
    expect(deliveryKeySeries(emptyMetrics(), 'changeLeadTime').every((value) => value === null)).toBe(true);
    const now = '2026-06-01T00:00:00.000Z';
    const metrics = computeDeliveryMetrics(sampleReleaseHistory({ team: 'struggling', days: 30, seed: 3, now }), { now, days: 30 });
    for (const id of DELIVERY_KEY_IDS) expect(deliveryKeySeries(metrics, id)).toHaveLength(metrics.series.length);
    expect(deliveryKeySeries(metrics, 'deploymentFrequency').reduce((sum: number, n) => sum + n!, 0)).toBe(metrics.deploymentFrequency.deployments);
  });
});

describe('summarizeSeries', () => {
  it('gives the lowest, highest and mean value, gaps skipped', () => {
    expect(summarizeSeries([3, null, 1, Number.NaN, 5])).toEqual({ lowest: 1, highest: 5, average: 3, count: 3 });
    expect(summarizeSeries([null, null])).toBeUndefined();
    expect(summarizeSeries([])).toBeUndefined();
  });
});

describe('valueStreamShares', () => {
  it('shares the bar among the stages that take time, in order', () => {
    const { total, shares } = valueStreamShares([
      { kind: 'commit', medianMs: 6 * HOUR },
      { kind: 'wait', environment: 'prod', medianMs: 0 },
      { kind: 'run', environment: 'prod', medianMs: 2 * HOUR },
      { kind: 'wait', environment: '__proto__', medianMs: Number.NaN },
    ]);
    expect(total).toBe(8 * HOUR);
    expect(shares.map((share) => [share.stage.kind, share.stage.environment, share.share])).toEqual([
      ['commit', undefined, 0.75],
      ['run', 'prod', 0.25],
    ]);
    expect(valueStreamShares([])).toEqual({ total: 0, shares: [] });
  });
});

describe('checkDeliveryMetrics', () => {
  it('returns metrics computed here, and the same sent through JSON', () => {
    const metrics = fixtureMetrics();
    expect(checkDeliveryMetrics(metrics)).toBe(metrics);
    const sent = JSON.parse(JSON.stringify(metrics));
    expect(checkDeliveryMetrics(sent)).toBe(sent);
  });

  it.each([
    ['not an object', () => 'metrics', '$'],
    ['a key missing', (m: Record<string, unknown>) => ({ ...m, changeFailRate: undefined }), '$.changeFailRate'],
    ['no previous window', (m: Record<string, unknown>) => ({ ...m, previous: null }), '$.previous'],
    ['a list that is not one', (m: Record<string, unknown>) => ({ ...m, environments: 'x' }), '$.environments'],
    ['a row without its name', (m: Record<string, unknown>) => ({ ...m, failingSteps: [{ environment: 'prod', name: 7 }] }), '$.failingSteps[0].name'],
    [
      'a failed deployment without its release',
      (m: Record<string, unknown>) => ({ ...m, failedDeployments: [{ at: '2026-01-01T00:00:00Z', environment: 'prod', release: null }] }),
      '$.failedDeployments[0].release',
    ],
  ])('raises ReleaseDataError naming the path: %s', (_, change, path) => {
    const bad = change(fixtureMetrics() as unknown as Record<string, unknown>);
    let error: unknown;
    try {
      checkDeliveryMetrics(bad);
    } catch (thrown) {
      error = thrown;
    }
    expect(isReleaseDataError(error)).toBe(true);
    expect((error as { path: string }).path).toBe(path);
  });
});

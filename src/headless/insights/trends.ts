import { ReleaseDataError } from '../adapters/errors';
import { medianOrNull } from './metrics';
import type { DeliveryKeys, DeliveryMetrics, ValueStreamStage } from './types';

/**
 * The four keys as a view shows them, each by one id: `'recoveryTime'` is the failed deployment
 * recovery time.
 */
export type DeliveryKeyId = 'deploymentFrequency' | 'changeLeadTime' | 'changeFailRate' | 'recoveryTime';

/** The four keys in DORA's order: throughput (frequency, lead time), then stability. */
export const DELIVERY_KEY_IDS: readonly DeliveryKeyId[] = ['deploymentFrequency', 'changeLeadTime', 'changeFailRate', 'recoveryTime'];

/**
 * A key's value in one window: successful deployments per day, a median in milliseconds, or a
 * rate from 0 to 1; `null` when the window has nothing to measure it by.
 */
export function deliveryKeyValue(keys: DeliveryKeys, id: DeliveryKeyId): number | null {
  switch (id) {
    case 'deploymentFrequency':
      return keys.deploymentFrequency.perDay;
    case 'changeLeadTime':
      return keys.changeLeadTime.medianMs;
    case 'changeFailRate':
      return keys.changeFailRate.rate;
    case 'recoveryTime':
      return keys.failedDeploymentRecoveryTime.medianMs;
  }
}

/** How a key moved against the previous window, and whether that is good news. */
export interface DeliveryTrend {
  /** `'flat'` when the change rounds to 0 % (for the fail rate, to 0 percentage points). */
  direction: 'up' | 'down' | 'flat';
  /** Frequency is better going up; lead time, fail rate and recovery time going down. */
  verdict: 'better' | 'worse' | 'same';
  /** `(current − previous) ÷ previous`; absent when the previous value is 0, and for the fail rate. */
  relative?: number;
  /** `current − previous`, in the key's own unit (for the fail rate, a difference of rates). */
  absolute: number;
}

/**
 * The change of a key between the previous window and this one (values from `deliveryKeyValue`).
 * `undefined` when either window has no value. Frequency is better going up; lead time, fail rate
 * and recovery time going down. A change that rounds to 0 % (or, for the fail rate, to 0
 * percentage points) is no change.
 */
export function deliveryTrend(id: DeliveryKeyId, current: number | null, previous: number | null): DeliveryTrend | undefined {
  if (current === null || previous === null || !Number.isFinite(current) || !Number.isFinite(previous)) return undefined;
  const absolute = current - previous;
  const relative = id !== 'changeFailRate' && previous !== 0 ? absolute / previous : undefined;
  const flat = relative !== undefined ? Math.abs(relative) < 0.005 : Math.abs(absolute) < (id === 'changeFailRate' ? 0.005 : 1e-9);
  if (flat) return { direction: 'flat', verdict: 'same', relative, absolute };
  const direction = absolute > 0 ? 'up' : 'down';
  const betterUp = id === 'deploymentFrequency';
  return { direction, verdict: (direction === 'up') === betterUp ? 'better' : 'worse', relative, absolute };
}

/** A key in this window against the one before: what a tile shows. */
export interface DeliveryKeyChange {
  /** This window's value (`deliveryKeyValue`). */
  value: number | null;
  /** The previous window's; `null` when that window had no finished deployment to measure. */
  previous: number | null;
  /** From `previous` to `value`; absent when either is `null`. */
  trend: DeliveryTrend | undefined;
}

/**
 * A key of `metrics` against the previous window. A previous window without a single finished
 * deployment (a history that does not reach back that far, or a pause) gives nothing to compare
 * with, for every key alike: its frequency of 0 is no baseline to call a change better or worse.
 */
export function deliveryKeyChange(metrics: DeliveryMetrics, id: DeliveryKeyId): DeliveryKeyChange {
  const value = deliveryKeyValue(metrics, id);
  const previous = metrics.previous.changeFailRate.deployments > 0 ? deliveryKeyValue(metrics.previous, id) : null;
  return { value, previous, trend: deliveryTrend(id, value, previous) };
}

/**
 * A key's value per bucket of `metrics.series`, oldest first (`null`: nothing to measure there):
 * successful deployments, the median lead time, failed ÷ (successful + failed). The recovery time
 * has no series of its own: each bucket takes the median recovery of the failures that happened in
 * it (`failedDeployments`, recovered ones only).
 */
export function deliveryKeySeries(metrics: DeliveryMetrics, id: DeliveryKeyId): (number | null)[] {
  const { series } = metrics;
  switch (id) {
    case 'deploymentFrequency':
      return series.map((point) => point.deployments);
    case 'changeLeadTime':
      return series.map((point) => point.medianLeadTimeMs);
    case 'changeFailRate':
      return series.map((point) => (point.deployments + point.failed > 0 ? point.failed / (point.deployments + point.failed) : null));
    case 'recoveryTime': {
      const starts = series.map((point) => Date.parse(point.from));
      const end = series.length > 0 ? Date.parse(series[series.length - 1]!.to) : Number.NaN;
      const buckets = series.map(() => [] as number[]);
      for (const failure of metrics.failedDeployments) {
        if (failure.recoveryMs === null) continue;
        const at = Date.parse(failure.at);
        if (!(at < end)) continue;
        // The last bucket that starts at or before the failure (the buckets are in order and touch).
        let index = -1;
        for (let i = starts.length - 1; i >= 0; i--) {
          if (starts[i]! <= at) {
            index = i;
            break;
          }
        }
        if (index >= 0) buckets[index]!.push(failure.recoveryMs);
      }
      return buckets.map((values) => medianOrNull(values));
    }
  }
}

/** The lowest, highest and mean of a series' values. */
export interface SeriesSummary {
  lowest: number;
  highest: number;
  average: number;
  /** How many buckets had a value. */
  count: number;
}

/**
 * What a chart of a series says in words: its lowest, highest and mean value, gaps (`null`,
 * non-finite) skipped; `undefined` when it has no value at all.
 */
export function summarizeSeries(values: readonly (number | null)[]): SeriesSummary | undefined {
  let lowest = Infinity;
  let highest = -Infinity;
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (value === null || !Number.isFinite(value)) continue;
    if (value < lowest) lowest = value;
    if (value > highest) highest = value;
    sum += value;
    count++;
  }
  return count === 0 ? undefined : { lowest, highest, average: sum / count, count };
}

/** A stage of the value stream with its share of the whole (0 to 1). */
export interface ValueStreamShare {
  stage: ValueStreamStage;
  share: number;
}

/**
 * The value stream as one stacked bar: the stages that take time (a positive, finite median), in
 * order, each with its share of their sum, and the sum.
 */
export function valueStreamShares(stages: readonly ValueStreamStage[]): { total: number; shares: ValueStreamShare[] } {
  const kept = stages.filter((stage) => Number.isFinite(stage.medianMs) && stage.medianMs > 0);
  const total = kept.reduce((sum, stage) => sum + stage.medianMs, 0);
  return { total, shares: kept.map((stage) => ({ stage, share: total > 0 ? stage.medianMs / total : 0 })) };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const KEY_FIELDS = ['deploymentFrequency', 'changeLeadTime', 'changeFailRate', 'failedDeploymentRecoveryTime'] as const;
const ROW_STRINGS: readonly (readonly [keyof DeliveryMetrics, readonly string[]])[] = [
  ['environments', ['name']],
  ['failingSteps', ['environment', 'name']],
  ['series', ['from', 'to']],
  ['failedDeployments', ['at', 'environment']],
  ['valueStream', ['kind']],
];

/**
 * Checks metrics that arrive from elsewhere (computed on a server, sent as JSON) for the shape a
 * view draws: the four keys of both windows, and the rows of every list with their names. Returns
 * them typed; raises `ReleaseDataError` with the path and value of the first thing wrong.
 */
export function checkDeliveryMetrics(metrics: unknown): DeliveryMetrics {
  const fail = (path: string, value: unknown, expected: string): never => {
    throw new ReleaseDataError('Not delivery metrics', path, value, expected);
  };
  const keys = (value: unknown, path: string): void => {
    if (!isRecord(value)) return fail(path, value, 'an object');
    const span = value.window;
    const spanPath = `${path}.window`;
    if (!isRecord(span)) fail(spanPath, span, 'an object');
    else if (typeof span.days !== 'number') fail(`${spanPath}.days`, span.days, 'a number');
    for (const key of KEY_FIELDS) if (!isRecord(value[key])) fail(`${path}.${key}`, value[key], 'an object');
  };
  keys(metrics, '$');
  const m = metrics as Record<string, unknown>;
  keys(m.previous, '$.previous');
  for (const [key, strings] of ROW_STRINGS) {
    const list = m[key];
    if (!Array.isArray(list)) return fail(`$.${key}`, list, 'an array');
    list.forEach((row: unknown, i) => {
      if (!isRecord(row)) return fail(`$.${key}[${i}]`, row, 'an object');
      for (const field of strings) if (typeof row[field] !== 'string') fail(`$.${key}[${i}].${field}`, row[field], 'a string');
      if (key === 'failedDeployments' && !isRecord(row.release)) fail(`$.${key}[${i}].release`, row.release, 'a release');
    });
  }
  return metrics as DeliveryMetrics;
}

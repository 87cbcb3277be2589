import type { DeliveryKeys, DeliveryMetrics, ValueStreamStage } from 'gitops-releases/headless';

/** The four keys, in the order the tiles show them. */
export type KeyId = 'deploymentFrequency' | 'changeLeadTime' | 'changeFailRate' | 'recoveryTime';
export const KEYS: readonly KeyId[] = ['deploymentFrequency', 'changeLeadTime', 'changeFailRate', 'recoveryTime'];

/** A key's value in one window: deployments per day, milliseconds, or a rate from 0 to 1. */
export function keyValue(keys: DeliveryKeys, id: KeyId): number | null {
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
export interface Trend {
  direction: 'up' | 'down' | 'flat';
  verdict: 'better' | 'worse' | 'same';
  /** `(current − previous) ÷ previous`; absent when the previous value is 0 or for the fail rate. */
  relative?: number;
  /** `current − previous`, in the key's own unit (for the fail rate, a rate difference). */
  absolute: number;
}

/**
 * The change of a key against the previous window. Frequency is better going up; lead time, fail
 * rate and recovery time going down. `undefined` when either window has no value. A change that
 * rounds to 0 % (or to 0 points of fail rate) is no change.
 */
export function trendOf(id: KeyId, current: number | null, previous: number | null): Trend | undefined {
  if (current === null || previous === null || !Number.isFinite(current) || !Number.isFinite(previous)) return undefined;
  const absolute = current - previous;
  const relative = id !== 'changeFailRate' && previous !== 0 ? absolute / previous : undefined;
  const flat = relative !== undefined ? Math.abs(relative) < 0.005 : Math.abs(absolute) < (id === 'changeFailRate' ? 0.005 : 1e-9);
  if (flat) return { direction: 'flat', verdict: 'same', relative, absolute };
  const direction = absolute > 0 ? 'up' : 'down';
  const betterUp = id === 'deploymentFrequency';
  return { direction, verdict: (direction === 'up') === betterUp ? 'better' : 'worse', relative, absolute };
}

/**
 * A key's value per bucket of the series, oldest first (`null`: nothing to measure there). The
 * recovery time has no series of its own: each bucket takes the median recovery of the failures
 * that happened in it.
 */
export function seriesValues(metrics: DeliveryMetrics, id: KeyId): (number | null)[] {
  const { series } = metrics;
  switch (id) {
    case 'deploymentFrequency':
      return series.map((point) => point.deployments);
    case 'changeLeadTime':
      return series.map((point) => point.medianLeadTimeMs);
    case 'changeFailRate':
      return series.map((point) => (point.deployments + point.failed > 0 ? point.failed / (point.deployments + point.failed) : null));
    case 'recoveryTime': {
      const bounds = series.map((point) => [Date.parse(point.from), Date.parse(point.to)] as const);
      const buckets = series.map(() => [] as number[]);
      for (const failure of metrics.failedDeployments) {
        if (failure.recoveryMs === null) continue;
        const at = Date.parse(failure.at);
        const index = bounds.findIndex(([from, to]) => from <= at && at < to);
        if (index >= 0) buckets[index]!.push(failure.recoveryMs);
      }
      return buckets.map((values) => (values.length > 0 ? median(values) : null));
    }
  }
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The lowest, highest and mean of a series' values (gaps skipped); `undefined` when it has none. */
export function seriesSummary(values: readonly (number | null)[]): { lowest: number; highest: number; average: number } | undefined {
  const present = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (present.length === 0) return undefined;
  return { lowest: Math.min(...present), highest: Math.max(...present), average: present.reduce((sum, value) => sum + value, 0) / present.length };
}

/** A stage of the value stream with its share of the whole (0 to 1). */
export interface StageShare {
  stage: ValueStreamStage;
  share: number;
}

/** The stages that take time, each with its share of their sum; the sum. */
export function valueStreamShares(stages: readonly ValueStreamStage[]): { total: number; shares: StageShare[] } {
  const kept = stages.filter((stage) => Number.isFinite(stage.medianMs) && stage.medianMs > 0);
  const total = kept.reduce((sum, stage) => sum + stage.medianMs, 0);
  return { total, shares: kept.map((stage) => ({ stage, share: total > 0 ? stage.medianMs / total : 0 })) };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Metrics a host passes (computed on its server, sent as JSON) checked for the shape the view
 * draws, so bad data shows inline, on a server too, instead of throwing mid-render. Throws an
 * error naming the first path that is wrong.
 */
export function checkMetrics(metrics: unknown): DeliveryMetrics {
  const fail = (path: string, expected: string): never => {
    throw new TypeError(`metrics${path}: expected ${expected}`);
  };
  if (!isObject(metrics)) fail('', 'an object');
  const m = metrics as Record<string, unknown>;
  const keys = (value: unknown, path: string) => {
    if (!isObject(value)) fail(path, 'an object');
    const k = value as Record<string, unknown>;
    if (!isObject(k.window) || typeof k.window.days !== 'number') fail(`${path}.window.days`, 'a number');
    for (const key of ['deploymentFrequency', 'changeLeadTime', 'changeFailRate', 'failedDeploymentRecoveryTime']) {
      if (!isObject(k[key])) fail(`${path}.${key}`, 'an object');
    }
  };
  keys(m, '');
  keys(m.previous, '.previous');
  const rows = (key: string, strings: readonly string[]) => {
    const list = m[key];
    if (!Array.isArray(list)) return fail(`.${key}`, 'an array');
    list.forEach((row, i) => {
      if (!isObject(row)) fail(`.${key}[${i}]`, 'an object');
      for (const field of strings) if (typeof (row as Record<string, unknown>)[field] !== 'string') fail(`.${key}[${i}].${field}`, 'a string');
    });
  };
  rows('environments', ['name']);
  rows('failingSteps', ['environment', 'name']);
  rows('series', ['from', 'to']);
  rows('failedDeployments', ['at', 'environment']);
  rows('valueStream', ['kind']);
  (m.failedDeployments as Record<string, unknown>[]).forEach((failure, i) => {
    if (!isObject(failure.release)) fail(`.failedDeployments[${i}].release`, 'a release');
  });
  return metrics as DeliveryMetrics;
}

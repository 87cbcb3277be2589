import type { HealthStatus, Status, SyncStatus } from './types';

/** Every status of the library's vocabulary, in the order a legend shows them. */
export const STATUSES: readonly Status[] = [
  'queued',
  'pending',
  'running',
  'suspended',
  'succeeded',
  'failed',
  'error',
  'terminating',
  'terminated',
  'skipped',
  'unknown',
];

export const SYNC_STATUSES: readonly SyncStatus[] = ['synced', 'out-of-sync', 'syncing', 'unknown'];

export const HEALTH_STATUSES: readonly HealthStatus[] = [
  'healthy',
  'progressing',
  'degraded',
  'suspended',
  'missing',
  'unknown',
  'terminated',
];

/** English labels; a host may replace them through the provider's messages. */
export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  queued: 'Queued',
  pending: 'Pending',
  running: 'Running',
  suspended: 'Suspended',
  succeeded: 'Succeeded',
  failed: 'Failed',
  error: 'Error',
  terminating: 'Terminating',
  terminated: 'Terminated',
  skipped: 'Skipped',
  unknown: 'Unknown',
};

export const SYNC_LABELS: Readonly<Record<SyncStatus, string>> = {
  synced: 'Synced',
  'out-of-sync': 'Out of sync',
  syncing: 'Syncing',
  unknown: 'Unknown',
};

export const HEALTH_LABELS: Readonly<Record<HealthStatus, string>> = {
  healthy: 'Healthy',
  progressing: 'Progressing',
  degraded: 'Degraded',
  suspended: 'Suspended',
  missing: 'Missing',
  unknown: 'Unknown',
  terminated: 'Terminated',
};

const TERMINAL: ReadonlySet<Status> = new Set<Status>(['succeeded', 'failed', 'error', 'terminated', 'skipped']);
const ACTIVE: ReadonlySet<Status> = new Set<Status>(['running', 'suspended', 'terminating']);
const PROBLEMS: ReadonlySet<Status> = new Set<Status>(['failed', 'error', 'terminated']);

/** True when nothing more will happen to a thing in this status. */
export function isTerminalStatus(status: Status): boolean {
  return TERMINAL.has(status);
}

/** True while work is under way (running, waiting on a person or a pull request, or stopping). */
export function isActiveStatus(status: Status): boolean {
  return ACTIVE.has(status);
}

/** True when a thing ended badly: it failed, hit an error, or was stopped before its end. */
export function isProblemStatus(status: Status): boolean {
  return PROBLEMS.has(status);
}

/**
 * Aggregation priority, highest first: when several statuses are combined (a workflow step's runs,
 * one per application; a release's environments) the one that appears earliest here wins.
 *
 * - A problem outranks progress: one failed application fails the step even while others run,
 *   because that is the news a reader needs first.
 * - `terminating` and `terminated` come next: a stop in progress or done explains the rest.
 * - Work under way (`running`, then `suspended`) outranks work not started.
 * - `unknown` outranks `succeeded`: a step is not a success while any part of it is unaccounted for.
 * - `skipped` is lowest: skipped parts neither add nor take away, so `succeeded` + `skipped` is
 *   `succeeded`, and only an all-skipped list is `skipped`.
 */
export const AGGREGATION_PRIORITY: readonly Status[] = [
  'error',
  'failed',
  'terminating',
  'terminated',
  'running',
  'suspended',
  'pending',
  'queued',
  'unknown',
  'succeeded',
  'skipped',
];

// A Map: a status word from untyped data may be `constructor` or `__proto__`.
const RANK: ReadonlyMap<string, number> = new Map(AGGREGATION_PRIORITY.map((status, index) => [status, index]));

/**
 * Combines statuses into one by `AGGREGATION_PRIORITY`. An empty list is `unknown` (nothing to
 * report on), never a silent success.
 */
export function aggregateStatus(statuses: Iterable<Status>): Status {
  let best: Status = 'unknown';
  let bestRank = Infinity;
  for (const given of statuses) {
    // A value outside the vocabulary (from untyped data) counts as unknown.
    const status: Status = RANK.has(given) ? given : 'unknown';
    const rank = RANK.get(status)!;
    if (rank < bestRank) [best, bestRank] = [status, rank];
  }
  return best;
}

/** The four groups of a release header's counters, plus the two that fit none of them. */
export type StatusGroup = 'succeeded' | 'running' | 'failed' | 'pending' | 'terminated' | 'skipped';

const GROUP: Readonly<Record<Status, StatusGroup>> = {
  succeeded: 'succeeded',
  running: 'running',
  suspended: 'running',
  terminating: 'running',
  failed: 'failed',
  error: 'failed',
  terminated: 'terminated',
  queued: 'pending',
  pending: 'pending',
  unknown: 'pending',
  skipped: 'skipped',
};

/** Which counter of a release header a status falls under. */
export function statusGroup(status: Status): StatusGroup {
  // An own property only: a status word from untyped data may be `constructor` or `toString`.
  return Object.hasOwn(GROUP, status) ? GROUP[status] : 'pending';
}

export type StatusCounts = Record<StatusGroup, number> & { total: number };

/**
 * Counts things (usually a release's environments) by header group: succeeded, running (with
 * suspended and terminating), failed (with error), pending (with queued and unknown), terminated,
 * and skipped.
 */
export function countByStatusGroup(items: Iterable<{ status: Status }>): StatusCounts {
  const counts: StatusCounts = { succeeded: 0, running: 0, failed: 0, pending: 0, terminated: 0, skipped: 0, total: 0 };
  for (const item of items) {
    counts[statusGroup(item.status)] += 1;
    counts.total += 1;
  }
  return counts;
}

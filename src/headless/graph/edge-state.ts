import type { EnvironmentStep, Status } from '../model/types';
import { isTerminalStatus } from '../model/status';

/** How far a promotion has come along one edge of the graph. */
export type EdgeState = 'pending' | 'active' | 'done' | 'failed' | 'skipped';

const NOT_PASSED: ReadonlySet<Status> = new Set<Status>(['failed', 'error', 'terminated', 'terminating', 'skipped']);

/**
 * The state of the edge `source -> target`, from the two environments (and the release, for
 * edges that will never be crossed because the release is over).
 *
 * - target succeeded: `done`; target failed, error or terminated: `failed`; target skipped: `skipped`
 * - target running, suspended or terminating: `active`
 * - target not started: `skipped` when the source did not get through (or the release ended),
 *   otherwise `pending`.
 */
export function edgeState(source: EnvironmentStep, target: EnvironmentStep, releaseStatus: Status): EdgeState {
  switch (target.status) {
    case 'succeeded':
      return 'done';
    case 'failed':
    case 'error':
    case 'terminated':
      return 'failed';
    case 'skipped':
      return 'skipped';
    case 'running':
    case 'suspended':
    case 'terminating':
      return 'active';
    default:
      return NOT_PASSED.has(source.status) || isTerminalStatus(releaseStatus) ? 'skipped' : 'pending';
  }
}

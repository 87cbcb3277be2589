import type { Release, Status } from './types';

/** What a host may do to a release in its current status. */
export interface ReleaseActions {
  /** Run it again: it ended in failure (`failed`, `error`). */
  retry: boolean;
  /** Stop it: it has not ended (`queued`, `pending`, `running`, `suspended`). */
  terminate: boolean;
}

const RETRYABLE: ReadonlySet<Status> = new Set<Status>(['failed', 'error']);
// Not `terminating`: it is already being stopped.
const TERMINABLE: ReadonlySet<Status> = new Set<Status>(['queued', 'pending', 'running', 'suspended']);

/** Which of the host's actions (retry, terminate) a release's status allows. */
export function releaseActions(release: Pick<Release, 'status'>): ReleaseActions {
  const status = release.status;
  return { retry: RETRYABLE.has(status), terminate: TERMINABLE.has(status) };
}

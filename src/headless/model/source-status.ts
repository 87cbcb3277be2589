import type { HealthStatus, Status, SyncStatus } from './types';

/** A source system's status word mapped onto the library's vocabulary, with the word kept. */
export interface MappedStatus<T extends string> {
  status: T;
  /** The source's own value exactly as received (`undefined` when it was not a string). */
  raw: string | undefined;
}

function mapper<T extends string>(table: Readonly<Record<string, T>>, fallback: T) {
  return (raw: unknown): MappedStatus<T> => {
    if (typeof raw !== 'string') return { status: fallback, raw: undefined };
    const status = Object.prototype.hasOwnProperty.call(table, raw) ? table[raw] : undefined;
    return { status: status ?? fallback, raw };
  };
}

const CODEFRESH_RELEASE: Readonly<Record<string, Status>> = {
  QUEUED: 'queued',
  PENDING: 'pending',
  INITIALIZING: 'running',
  RUNNING: 'running',
  SUSPENDED: 'suspended',
  // Finalizing runs the release's own hooks: still under way.
  FINALIZING: 'running',
  FINALIZING_TERMINATION: 'terminating',
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  TERMINATING: 'terminating',
  TERMINATED: 'terminated',
};

/** Codefresh `ProductReleaseStatus` (and its public subset `ProductReleasePublicStatus`). */
export const fromCodefreshReleaseStatus = mapper<Status>(CODEFRESH_RELEASE, 'unknown');

/** Codefresh `ProductReleaseStepStatus`: one environment of a release (the release's words and SKIPPED). */
export const fromCodefreshEnvironmentStatus = mapper<Status>({ ...CODEFRESH_RELEASE, SKIPPED: 'skipped' }, 'unknown');

/** Argo Workflows node phases, as Codefresh reports workflow steps (`WorkflowNodePhases`). */
export const fromArgoWorkflowPhase = mapper<Status>(
  {
    Pending: 'pending',
    Running: 'running',
    Succeeded: 'succeeded',
    Skipped: 'skipped',
    Failed: 'failed',
    Error: 'error',
    // Omitted: a node that did not run because its branch was not taken.
    Omitted: 'skipped',
  },
  'unknown',
);

/** Codefresh `ExtendedWorkflowPhases`: one application's promotion inside an environment. */
export const fromCodefreshApplicationPromotionStatus = mapper<Status>(
  {
    // Elected: chosen to be promoted, not started yet.
    ELECTED: 'pending',
    PENDING: 'pending',
    INITIALIZING: 'running',
    RUNNING: 'running',
    SUSPENDED: 'suspended',
    SUCCEEDED: 'succeeded',
    FAILED: 'failed',
    ERROR: 'error',
    SKIPPED: 'skipped',
    TERMINATING: 'terminating',
    TERMINATED: 'terminated',
  },
  'unknown',
);

/** Application sync: Argo CD's `Synced`/`OutOfSync`/`Unknown` and Codefresh's upper-case words. */
export const fromSyncStatus = mapper<SyncStatus>(
  {
    Synced: 'synced',
    OutOfSync: 'out-of-sync',
    Unknown: 'unknown',
    SYNCED: 'synced',
    OUT_OF_SYNC: 'out-of-sync',
    SYNCING: 'syncing',
    UNKNOWN: 'unknown',
  },
  'unknown',
);

/** Application health: Argo CD's `HealthStatusCode` and Codefresh's upper-case words. */
export const fromHealthStatus = mapper<HealthStatus>(
  {
    Healthy: 'healthy',
    Progressing: 'progressing',
    Degraded: 'degraded',
    Suspended: 'suspended',
    Missing: 'missing',
    Unknown: 'unknown',
    HEALTHY: 'healthy',
    PROGRESSING: 'progressing',
    DEGRADED: 'degraded',
    SUSPENDED: 'suspended',
    MISSING: 'missing',
    UNKNOWN: 'unknown',
    TERMINATED: 'terminated',
  },
  'unknown',
);

/** Kargo `PromotionPhase`. */
export const fromKargoPromotionPhase = mapper<Status>(
  {
    // Kargo's Pending means waiting in the stage's queue.
    Pending: 'queued',
    Running: 'running',
    Succeeded: 'succeeded',
    Failed: 'failed',
    Errored: 'error',
    // Aborted: stopped by a user.
    Aborted: 'terminated',
  },
  'unknown',
);

/** Kargo `HealthState` of a stage. */
export const fromKargoHealthState = mapper<HealthStatus>(
  {
    Healthy: 'healthy',
    Unhealthy: 'degraded',
    Progressing: 'progressing',
    Unknown: 'unknown',
    // NotApplicable: the stage has nothing whose health is checked.
    NotApplicable: 'unknown',
  },
  'unknown',
);

/** GitHub deployment status `state`. */
export const fromGitHubDeploymentState = mapper<Status>(
  {
    queued: 'queued',
    pending: 'pending',
    in_progress: 'running',
    success: 'succeeded',
    failure: 'failed',
    error: 'error',
    // GitHub marks a deployment inactive only after it succeeded and a newer one replaced it.
    inactive: 'succeeded',
  },
  'unknown',
);

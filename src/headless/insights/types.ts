import type { EnvironmentStep, Release } from '../model/types';
import type { WorkflowSection } from '../model/workflow';

/** How `computeDeliveryMetrics` cuts its series: by UTC day or by UTC week (weeks start on Monday). */
export type DeliveryBucket = 'day' | 'week';

/** A moment: an ISO-8601 string, milliseconds since the epoch, or a `Date`. */
export type DeliveryTime = string | number | Date;

/** The options of `computeDeliveryMetrics`. */
export interface DeliveryMetricsOptions {
  /**
   * The target environments: a name, or a predicate over a release's environments. A deployment
   * is a release reaching its target environments.
   * @default every environment whose `kind` is `'production'`
   */
  environment?: string | ((environment: EnvironmentStep, release: Release) => boolean);
  /**
   * The clock the metrics are seen at: the window ends here unless `to` is given. The only place
   * the current time is read, and only when it is left out.
   * @default the current time
   */
  now?: DeliveryTime;
  /** The window's end (excluded). @default `now` */
  to?: DeliveryTime;
  /** The window's start (included). @default `days` days before `to` */
  from?: DeliveryTime;
  /** The window's length in days when `from` is not given (7, 30 and 90 are the views' choices). @default 30 */
  days?: number;
  /** The series' buckets. @default 'day' */
  bucket?: DeliveryBucket;
}

/** The window metrics cover: `[from, to)`. */
export interface DeliveryWindow {
  /** ISO-8601, included. */
  from: string;
  /** ISO-8601, excluded. */
  to: string;
  /** `(to − from)` in days (fractional when the window is not whole days). */
  days: number;
}

/** Successful deployments in the window, in all and per day and per week. */
export interface DeploymentFrequency {
  /** Successful deployments whose time falls in the window. */
  deployments: number;
  /** `deployments ÷ window.days`. */
  perDay: number;
  /** `perDay × 7`. */
  perWeek: number;
}

/** From commit to target, over the changes successful deployments in the window brought. */
export interface ChangeLeadTime {
  /** The median; the mean of the two middle values when the count is even. `null` with no changes. */
  medianMs: number | null;
  /** By nearest rank: `sorted[ceil(0.9 · n) − 1]`. `null` with no changes. */
  p90Ms: number | null;
  /** How many changes (commits, de-duplicated by SHA) were measured. */
  changes: number;
}

/** Failed deployments ÷ (successful + failed deployments) in the window. */
export interface ChangeFailRate {
  /** `null` when the window has no finished deployment. */
  rate: number | null;
  /** Failed deployments in the window. */
  failed: number;
  /** Successful + failed deployments. */
  deployments: number;
}

/** From each failed deployment in the window to the first successful deployment after it. */
export interface FailedDeploymentRecoveryTime {
  /** `null` when no failure in the window has recovered. */
  medianMs: number | null;
  /** Failures in the window that have recovered (the recovery may fall after the window). */
  recoveries: number;
  /** Failures in the window with no successful deployment after them yet. */
  unrecovered: number;
}

/** DORA's four keys for one window. */
export interface DeliveryKeys {
  /** The window these keys cover. */
  window: DeliveryWindow;
  /** How often the target was reached. */
  deploymentFrequency: DeploymentFrequency;
  /** How long changes took from commit to the target. */
  changeLeadTime: ChangeLeadTime;
  /** How many deployments failed. */
  changeFailRate: ChangeFailRate;
  /** How long failed deployments took to be followed by a successful one. */
  failedDeploymentRecoveryTime: FailedDeploymentRecoveryTime;
}

/** One environment name, over every release of the window (by the release's `createdAt`). */
export interface EnvironmentMetrics {
  /** The environment's name, as the releases give it. */
  name: string;
  /** Times the environment started (its status is not `queued`, `pending` or `skipped`). */
  runs: number;
  /** Runs that ended `succeeded`. */
  succeeded: number;
  /** Ended `failed`, `error` or `terminated`. */
  failed: number;
  /** `succeeded ÷ (succeeded + failed)`; `null` when none finished. */
  successRate: number | null;
  /** Median of `finishedAt − startedAt`; `null` when no run has both. */
  medianDurationMs: number | null;
  /**
   * Median of `startedAt` − the latest `finishedAt` of its `dependsOn` in the same release; `null`
   * when no run has both (an environment that depends on nothing never waits).
   */
  medianWaitMs: number | null;
}

/** A workflow step that failed, over every release of the window. */
export interface FailingStep {
  /** The environment's name. */
  environment: string;
  /** The workflow list the step is in. */
  section: WorkflowSection;
  /** The step's name. */
  name: string;
  /** Runs that ended `failed`, `error` or `terminated`. */
  failures: number;
  /** Runs that started. */
  runs: number;
}

/** One bucket of the series. */
export interface DeliverySeriesPoint {
  /** ISO-8601, the bucket's start (included); the first and last buckets are clipped to the window. */
  from: string;
  /** ISO-8601, excluded. */
  to: string;
  /** Successful deployments. */
  deployments: number;
  /** Failed deployments. */
  failed: number;
  /** Median change lead time of the bucket's successful deployments; `null` without changes. */
  medianLeadTimeMs: number | null;
}

/** A failed deployment in the window, newest first in `DeliveryMetrics.failedDeployments`. */
export interface FailedDeployment {
  /** The release, as given (link it with `getReleaseHref`). */
  release: Release;
  /** ISO-8601: when it failed. */
  at: string;
  /** The target environment that failed (the first, in the release's order). */
  environment: string;
  /** Until the first successful deployment after it; `null` when none came yet. */
  recoveryMs: number | null;
}

/** One stage of the value stream: where time goes from first commit to the target. */
export interface ValueStreamStage {
  /**
   * `'commit'`: from a deployment's oldest new commit to its release's `createdAt`;
   * `'wait'`: an environment waiting for what it depends on; `'run'`: an environment running.
   */
  kind: 'commit' | 'wait' | 'run';
  /** The environment (absent for `'commit'`). */
  environment?: string;
  /** The median over the window's successful deployments whose path passes here. */
  medianMs: number;
}

/** What `computeDeliveryMetrics` returns. */
export interface DeliveryMetrics extends DeliveryKeys {
  /** The same four keys for the window of equal length just before. */
  previous: DeliveryKeys;
  /** Per environment name, in flow order (the newest release's order, then others by name). */
  environments: EnvironmentMetrics[];
  /** Steps ranked by failures (then runs, environment, section, name); only steps that failed. */
  failingSteps: FailingStep[];
  /** One point per bucket of the window, oldest first. */
  series: DeliverySeriesPoint[];
  /** The window's failed deployments, newest first. */
  failedDeployments: FailedDeployment[];
  /**
   * From first commit to the target: `commit`, then for each environment on the path that ended
   * last (the trigger first), its `wait` and `run`. The stages' sum approximates the median lead
   * time; empty when the window has no successful deployment.
   */
  valueStream: ValueStreamStage[];
}

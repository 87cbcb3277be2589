import type { EnvironmentStep, Issue, Status, WorkflowSection, WorkflowStep } from 'gitops-releases/headless';
import { isActiveStatus, parseTime, WORKFLOW_SECTIONS } from '../../headless/internal';

/**
 * Pure helpers behind EnvironmentDetails (no React). They read untyped data defensively: a
 * missing list is an empty list, never a crash.
 */

/** Statuses that mean "has not started": nothing of it ran yet (or ever, when skipped). */
const NOT_STARTED: ReadonlySet<string> = new Set<Status>(['pending', 'queued', 'skipped', 'unknown']);

/** The steps of one workflow list, or `[]` when the data has none. */
export function stepsOf(environment: EnvironmentStep, section: WorkflowSection): WorkflowStep[] {
  const list = environment.workflows?.[section];
  return Array.isArray(list) ? list : [];
}

/** A list from untyped data: the array itself, or `[]`. */
export function listOf<T>(value: readonly T[] | undefined | null): readonly T[] {
  return Array.isArray(value) ? value : [];
}

/**
 * True once anything happened in the environment: it or one of its workflow steps started, it
 * reported an issue, or its promotion opened a pull request. False for an environment that is
 * only planned (pending, queued, skipped): its workflows and applications are what *will* run.
 */
export function hasEnvironmentRun(environment: EnvironmentStep): boolean {
  if (parseTime(environment.startedAt) !== undefined) return true;
  if (!NOT_STARTED.has(environment.status)) return true;
  if (listOf(environment.issues).length > 0 || environment.pullRequest) return true;
  return WORKFLOW_SECTIONS.some((section) =>
    stepsOf(environment, section).some((step) => parseTime(step.startedAt) !== undefined || !NOT_STARTED.has(step.status)),
  );
}

/** True while something in the environment still runs, so its durations must tick. */
export function isEnvironmentLive(environment: EnvironmentStep): boolean {
  if (isActiveStatus(environment.status)) return true;
  // Read outside the error boundary (the clock is set up above it): a malformed step must leave
  // the error to the boundary's inline message, not throw here and take the host page down.
  return WORKFLOW_SECTIONS.some((section) => stepsOf(environment, section).some((step) => isActiveStatus(step?.status)));
}

/** Issues with errors before warnings; otherwise in the order the source reported them. */
export function sortIssues(issues: readonly Issue[] | undefined): Issue[] {
  const rank = (issue: Issue) => (issue.level === 'error' ? 0 : 1);
  // Array.prototype.sort is stable, so equal levels keep their order.
  return [...listOf(issues)].sort((a, b) => rank(a) - rank(b));
}

/** A failed step opens by default: its failing runs are what the reader came for. */
export function isFailedStatus(status: Status): boolean {
  return status === 'failed' || status === 'error';
}

import { durationMs, formatDuration, parseTime, type IssueKind, type IssueLevel, type PullRequestState } from 'gitops-releases/headless';

/** The panel's own words (English), kept in one place. */
export const TEXT = {
  close: 'Close',
  closeTitle: 'Close (Esc)',
  production: 'Production',
  trigger: 'Trigger environment',
  started: 'Started',
  duration: 'Duration',
  pullRequest: 'Pull request',
  pullRequestIn: 'in',
  pullRequestBy: 'by',
  issues: (n: number) => `Issues (${n})`,
  applications: (n: number) => `Applications (${n})`,
  applicationsCaption: (environment: string) => `Applications in ${environment}`,
  viewApplication: 'View application',
  workflow: 'Workflow',
  runs: (n: number) => (n === 1 ? '1 run' : `${n} runs`),
  failedRuns: (n: number) => `${n} failed`,
  runsOf: (step: string) => `Runs of ${step}`,
  template: 'Template',
  took: 'took',
  columns: {
    name: 'Application',
    namespace: 'Namespace',
    version: 'Version',
    commit: 'Commit',
    sync: 'Sync',
    health: 'Health',
    promotion: 'Promotion',
  },
  nothingRanYet: 'Nothing ran in this environment yet.',
  nothingRan: 'Nothing ran in this environment.',
  releaseEnded: (status: string) => `The release ended (${status}) before it reached this environment.`,
  loading: 'Loading environment details…',
  couldNotShow: 'the environment details',
  none: '—',
  noneLabel: 'none',
} as const;

export const ISSUE_KIND_LABELS: Readonly<Record<IssueKind, string>> = {
  workflow: 'Workflow',
  application: 'Application',
  git: 'Git',
};

export const ISSUE_LEVEL_LABELS: Readonly<Record<IssueLevel, string>> = {
  error: 'Error',
  warning: 'Warning',
};

export const PULL_REQUEST_STATE_LABELS: Readonly<Record<PullRequestState, string>> = {
  open: 'Open',
  merged: 'Merged',
  closed: 'Closed',
};

/** A label from a fixed vocabulary; a value outside it (untyped data) is shown as received. */
export function labelOf<K extends string>(labels: Readonly<Record<K, string>>, value: unknown): string {
  if (typeof value === 'string' && Object.prototype.hasOwnProperty.call(labels, value)) return labels[value as K];
  return typeof value === 'string' && value ? value : 'Unknown';
}

/**
 * How long something took, or has taken so far. `undefined` when it never started, and while it
 * is unfinished on the server (`now` is 0: no clock yet, so server and client markup agree).
 */
export function elapsed(startedAt: string | undefined, finishedAt: string | undefined, now: number): string | undefined {
  if (parseTime(finishedAt) === undefined && now === 0) return undefined;
  const ms = durationMs(startedAt, finishedAt, now);
  return ms === undefined ? undefined : formatDuration(ms);
}

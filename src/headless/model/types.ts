/**
 * The library's release model: plain, serialisable data (ISO-8601 strings for times, no classes,
 * no functions, no Dates). Every adapter produces it and every component reads it.
 */

/** The one status vocabulary every source system maps onto. */
export type Status =
  | 'queued'
  | 'pending'
  | 'running'
  | 'suspended'
  | 'succeeded'
  | 'failed'
  | 'error'
  | 'terminating'
  | 'terminated'
  | 'skipped'
  | 'unknown';

/** An Argo CD application's sync status. */
export type SyncStatus = 'synced' | 'out-of-sync' | 'syncing' | 'unknown';

/** An Argo CD application's health status. */
export type HealthStatus =
  | 'healthy'
  | 'progressing'
  | 'degraded'
  | 'suspended'
  | 'missing'
  | 'unknown'
  | 'terminated';

/** An ISO-8601 date-time string, e.g. `2026-11-26T09:30:00Z`. */
export type IsoDateTime = string;

export interface Person {
  name: string;
  email?: string;
  avatarUrl?: string;
}

export interface Commit {
  sha: string;
  message?: string;
  author?: Person;
  date?: IsoDateTime;
  repoUrl?: string;
  branch?: string;
  url?: string;
  /** In release notes: the application whose change this is. */
  application?: string;
}

export type PullRequestState = 'open' | 'merged' | 'closed';

export interface PullRequest {
  id: string;
  title: string;
  url?: string;
  author?: Person;
  state: PullRequestState;
  repo?: string;
  /** In release notes: the application whose change this is. */
  application?: string;
}

export type TriggerKind = 'git-commit' | 'manual' | 'drag-and-drop' | 'restart' | 'unknown';

export interface ReleaseTrigger {
  kind: TriggerKind;
  /** The environment where the change first landed. */
  environment: string;
  commit?: Commit;
}

export type IssueKind = 'workflow' | 'application' | 'git';
export type IssueLevel = 'error' | 'warning';

export interface Issue {
  kind: IssueKind;
  level: IssueLevel;
  message: string;
  application?: string;
  workflow?: string;
  at?: IsoDateTime;
}

export interface WorkflowRun {
  application: string;
  workflow: string;
  status: Status;
  rawStatus?: string;
  url?: string;
}

/** One workflow step (a template) in an environment; its status aggregates its runs. */
export interface WorkflowStep {
  name: string;
  template?: string;
  status: Status;
  rawStatus?: string;
  startedAt?: IsoDateTime;
  finishedAt?: IsoDateTime;
  runs: WorkflowRun[];
}

export interface EnvironmentWorkflows {
  trigger: WorkflowStep[];
  preAction: WorkflowStep[];
  postAction: WorkflowStep[];
}

export interface ApplicationState {
  name: string;
  namespace?: string;
  runtime?: string;
  version?: string;
  commitSha?: string;
  sync: SyncStatus;
  health: HealthStatus;
  rawSync?: string;
  rawHealth?: string;
  /** How this application's own promotion went in this environment. */
  promotion?: Status;
  url?: string;
}

export type HookEvent = 'on-start' | 'on-success' | 'on-failure';

export interface HookRun {
  event: HookEvent;
  workflow?: string;
  template?: string;
  status: Status;
  message?: string;
}

export type EnvironmentKind = 'production' | 'non-production';

export interface EnvironmentStep {
  /** Unique within a release; also the node id in the graph. */
  name: string;
  kind?: EnvironmentKind;
  /**
   * The group of targets this environment belongs to, as a path of at most 3 levels separated by
   * `/`: a wave, a region, a ring (`wave-2/eu-west`). Environments of one group roll up into one
   * node in the graph and one column in the table. Adapters fill it from what their source has;
   * a host's `groupBy` option overrides it. Data, never a key: any name is fine.
   */
  group?: string;
  /** Names of the environments this one waits for (all of them: fan-in waits for every one). */
  dependsOn: string[];
  status: Status;
  rawStatus?: string;
  /** A live subtitle, e.g. "Waiting For App To Sync". */
  statusText?: string;
  startedAt?: IsoDateTime;
  finishedAt?: IsoDateTime;
  workflows: EnvironmentWorkflows;
  applications: ApplicationState[];
  issues: Issue[];
  /** The pull request this environment's promotion opened, when the action is a pull request. */
  pullRequest?: PullRequest;
  hooks?: HookRun[];
}

export interface ReleaseImage {
  reference: string;
  repository?: string;
  tag?: string;
  digest?: string;
  application?: string;
  url?: string;
}

export interface ReleaseIssueRef {
  key: string;
  title?: string;
  url?: string;
  assignee?: Person;
  /** The application whose change mentions it. */
  application?: string;
}

export interface ReleaseNotes {
  images: ReleaseImage[];
  issues: ReleaseIssueRef[];
  pullRequests: PullRequest[];
  commits: Commit[];
}

export type ReleaseErrorCode =
  | 'CREATION_FAILED'
  | 'PROMOTION_FLOW_ERROR'
  | 'RELEASE_ERROR'
  | 'RELEASE_TERMINATED'
  | 'STEP_ERROR'
  | 'STEP_FAILED'
  | 'STEP_TERMINATED';

export interface ReleaseError {
  /** The source's error code; Codefresh's codes are listed in `ReleaseErrorCode`. */
  code?: ReleaseErrorCode | (string & {});
  message: string;
}

export type SourceSystem = 'codefresh' | 'kargo' | 'github' | 'argocd' | 'sample';

/** Where a release came from, with the source's own status word kept as it was. */
export interface ReleaseSource {
  system: SourceSystem | (string & {});
  status?: string;
}

export interface Release {
  id: string;
  product: string;
  name?: string;
  version?: string;
  /** The promotion flow; `null` for a manual promotion. */
  flow: { name: string } | null;
  status: Status;
  statusReason?: string;
  error?: ReleaseError;
  trigger: ReleaseTrigger;
  initiator?: Person;
  createdAt: IsoDateTime;
  updatedAt?: IsoDateTime;
  finishedAt?: IsoDateTime;
  environments: EnvironmentStep[];
  notes?: ReleaseNotes;
  hooks?: HookRun[];
  source?: ReleaseSource;
}

/** One environment of a promotion flow's definition. */
export interface FlowEnvironment {
  name: string;
  dependsOn: string[];
  kind?: EnvironmentKind;
  /** The environment's group path (see `EnvironmentStep.group`). */
  group?: string;
}

/** A promotion flow's definition: the DAG a release moves through. */
export interface PromotionFlow {
  name: string;
  /** The trigger environment: where a change first lands. It depends on nothing. */
  trigger: string;
  environments: FlowEnvironment[];
}

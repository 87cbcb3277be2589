import {
  fromArgoWorkflowPhase,
  fromCodefreshApplicationPromotionStatus,
  fromCodefreshEnvironmentStatus,
  fromCodefreshReleaseStatus,
  fromHealthStatus,
  fromSyncStatus,
  type MappedStatus,
} from '../model/source-status';
import { isTerminalStatus } from '../model/status';
import type {
  ApplicationState,
  Commit,
  EnvironmentStep,
  HookRun,
  Issue,
  IssueKind,
  PullRequest,
  PullRequestState,
  Release,
  ReleaseImage,
  ReleaseIssueRef,
  ReleaseNotes,
  Status,
  TriggerKind,
  WorkflowRun,
  WorkflowStep,
} from '../model/types';
import {
  GROUP_LABEL,
  groupPath,
  httpUrl,
  isObject,
  orderWithoutCycles,
  parsePerson,
  raise,
  readList,
  readListField,
  readObject,
  readOptionalBoolean,
  readOptionalBooleanField,
  readOptionalObject,
  readOptionalObjectField,
  readOptionalString,
  readOptionalStringField,
  readOptionalTime,
  readOptionalTimeField,
  readString,
  readStringField,
  withoutUndefined,
  type Json,
} from './read';
import type { ReleasesPageInfo } from '../table/query';

/**
 * Codefresh GitOps adapter: the promotion orchestrator's GraphQL nodes (`ProductRelease`, the newer
 * `Promotion`, and their `…Slice` connections, as `codefresh-io/go-sdk`
 * `pkg/model/promotion-orchestrator/models_gen.go` types them) turned into the library's `Release`.
 * The input is untrusted JSON: anything unusable raises `ReleaseDataError` with its JSON path;
 * unknown fields are ignored, `null` counts as absent, unknown status words map to `unknown` and
 * are kept as `rawStatus` / `source.status`.
 */

/**
 * `Environment` (the GraphQL `environments` query; go-sdk `models_gen.go`): the fields read are
 * `name` and `labelPairs`. An environment may span several clusters (`clusters`), each with its
 * runtime and namespaces; they are not read (see `fromCodefreshRelease`).
 */
export interface CodefreshEnvironment {
  name: string;
  kind?: 'PROD' | 'NON_PROD' | (string & {});
  clusters?: Array<{ runtimeName?: string; name?: string; server?: string | null; namespaces?: string[]; exists?: boolean }> | null;
  /** `key=value` strings. */
  labelPairs?: string[] | null;
}

/** The options of the Codefresh adapters: links the API does not send, and the environments' groups. */
export interface CodefreshAdapterOptions {
  /**
   * Links the API does not send (it has no URL for a workflow run or an application): the host
   * knows its Codefresh address. Only absolute httpUrl(s) results are kept.
   */
  links?: {
    workflow?: (run: { workflow: string; application: string; environment: string }) => string | undefined;
    application?: (app: { name: string; namespace?: string; runtime?: string; environment: string }) => string | undefined;
  };
  /**
   * The account's environments (the `environments` query), for their groups: an environment of
   * a release whose `Environment` of that name has the label pair `gitops-releases/group=<path>`
   * (`groupLabel`) is in that group. See `fromCodefreshRelease`.
   * @default []
   */
  environments?: readonly CodefreshEnvironment[] | null;
  /**
   * The key of the label pair that names an environment's group.
   * @default 'gitops-releases/group'
   */
  groupLabel?: string;
}

/** `fromCodefreshPromotion`'s options: also the `PromotionEnvironmentStatus` list of the promotion, when queried. */
export interface CodefreshPromotionOptions extends CodefreshAdapterOptions {
  environmentStatuses?: unknown;
}

export interface CodefreshReleasesPage {
  releases: Release[];
  pageInfo: ReleasesPageInfo;
}

type Links = CodefreshAdapterOptions['links'];

/** `o.status` mapped, the word kept. */
const status = (map: (raw: unknown) => MappedStatus<Status>, o: Json, path: string) => map(readOptionalStringField(o, 'status', path));
const requiredTime = (value: unknown, path: string) =>
  readOptionalTime(value, path) ?? raise('A required date-time is missing (is it selected in the GraphQL query?)', path, value, 'an ISO-8601 date-time');
/** `WAITING_FOR_APP_TO_SYNC` → `Waiting For App To Sync`; text that is not an enum word stays as it is. */
const liveTexts = new Map<string, string | undefined>();
const liveText = (value: string | undefined) => {
  if (!value || !/^[A-Z0-9_]+$/.test(value)) return value;
  // A small vocabulary, seen on every step: remembered (up to a bound, whatever a source sends).
  let text = liveTexts.get(value);
  if (text === undefined) {
    text = value.toLowerCase().split('_').filter(Boolean).map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' ') || undefined;
    if (liveTexts.size < 256) liveTexts.set(value, text);
  }
  return text;
};

// The schema's enums (PromotionTriggers, EnvironmentKind, IssueType, PullRequestState, hooks).
const TRIGGERS = new Map<string, TriggerKind>([
  ['GIT_COMMIT', 'git-commit'],
  ['MANUAL', 'manual'],
  ['DRAG_AND_DROP', 'drag-and-drop'],
  ['RESTART', 'restart'],
]);
const ISSUE_KINDS = new Map<string, IssueKind>([
  ['WORKFLOW', 'workflow'],
  ['APPLICATION', 'application'],
  ['GIT', 'git'],
  ['WorkflowIssue', 'workflow'],
  ['ApplicationIssue', 'application'],
  ['GitIssue', 'git'],
]);
const HOOKS = [
  ['onStart', 'on-start'],
  ['onSuccess', 'on-success'],
  ['onFail', 'on-failure'],
] as const;

/** `CommitInfo` (ProductRelease.triggerCommit) or `PromotionCommitInfo` (Promotion.triggerCommitInfo). */
function commit(value: unknown, path: string): Commit | undefined {
  const o = readOptionalObject(value, path);
  if (!o) return undefined;
  // The two types name the same fields differently.
  const [sha, message, author, date] = o.commitSha !== undefined ? ['commitSha', 'commitMessage', 'commitAuthor', 'commitDate'] : ['sha', 'message', 'committer', 'date'];
  return withoutUndefined({
    sha: readStringField(o, sha, path),
    message: readOptionalStringField(o, message, path),
    author: parsePerson(readOptionalStringField(o, author, path), readOptionalStringField(o, 'avatarURL', path)),
    date: readOptionalTimeField(o, date, path),
    repoUrl: readOptionalStringField(o, 'repoURL', path),
    branch: readOptionalStringField(o, 'revision', path),
  });
}

/** `Issue` (the WorkflowIssue | ApplicationIssue | GitIssue union) or an application's `AppInfoIssue`. */
function issue(value: unknown, path: string, application?: string): Issue {
  const o = readObject(value, path);
  const workflow = readOptionalStringField(o, 'workflowName', path);
  const kind =
    ISSUE_KINDS.get(readOptionalStringField(o, 'type', path) ?? '') ??
    ISSUE_KINDS.get(readOptionalStringField(o, '__typename', path) ?? '') ??
    (workflow ? 'workflow' : 'application');
  return withoutUndefined({
    kind,
    level: readOptionalStringField(o, 'level', path) === 'WARNING' ? ('warning' as const) : ('error' as const),
    message: readStringField(o, 'message', path),
    application: readOptionalStringField(o, 'applicationName', path) ?? application,
    workflow,
    at: readOptionalTimeField(o, 'date', path),
  });
}

/** `WorkflowsStepView`: one workflow template in an environment, with one run per application. */
function workflowStep(value: unknown, path: string, environment: string, links: Links): WorkflowStep {
  const o = readObject(value, path);
  const template = readOptionalStringField(o, 'templateName', path);
  const name = readOptionalStringField(o, 'name', path) ?? template ?? raise('A workflow step has no name', `${path}.templateName`, o.templateName, 'a non-empty string');
  const mapped = status(fromArgoWorkflowPhase, o, path);
  const runs = readListField(o, 'workflows', path, (entry, at): WorkflowRun => {
    const run = readObject(entry, at);
    const application = readStringField(run, 'applicationName', at);
    const workflow = readStringField(run, 'workflowName', at);
    const phase = status(fromArgoWorkflowPhase, run, at);
    // Built by hand, not through `withoutUndefined`: there are many runs.
    const result: WorkflowRun = { application, workflow, status: phase.status };
    if (phase.raw !== undefined) result.rawStatus = phase.raw;
    const url = links?.workflow && httpUrl(links.workflow({ workflow, application, environment }));
    if (url) result.url = url;
    return result;
  });
  return withoutUndefined({
    name,
    template,
    status: mapped.status,
    rawStatus: mapped.raw,
    startedAt: readOptionalTimeField(o, 'startedAt', path),
    finishedAt: readOptionalTimeField(o, 'finishedAt', path),
    runs,
  });
}

const workflowSteps = (o: Json, path: string, environment: string, links: Links) => ({
  trigger: [],
  preAction: readListField(o, 'preWorkflowsStepsView', path, (v, p) => workflowStep(v, p, environment, links)),
  postAction: readListField(o, 'postWorkflowsStepsView', path, (v, p) => workflowStep(v, p, environment, links)),
});

/** `ApplicationID` {runtime, namespace, name}. */
function applicationId(parent: Json, key: string, at: string) {
  const path = `${at}.${key}`;
  const o = readObject(parent[key], path);
  return { name: readStringField(o, 'name', path), namespace: readOptionalStringField(o, 'namespace', path), runtime: readOptionalStringField(o, 'runtime', path) };
}

function applicationState(
  id: { name: string; namespace?: string; runtime?: string },
  sync: MappedStatus<ApplicationState['sync']>,
  health: MappedStatus<ApplicationState['health']>,
  environment: string,
  links: Links,
  rest: Partial<ApplicationState>,
): ApplicationState {
  return withoutUndefined({
    name: id.name,
    namespace: id.namespace,
    runtime: id.runtime,
    version: rest.version,
    commitSha: rest.commitSha,
    sync: sync.status,
    health: health.status,
    rawSync: sync.raw,
    rawHealth: health.raw,
    promotion: rest.promotion,
    url: links?.application ? httpUrl(links.application({ ...id, environment })) : undefined,
  });
}

/** `PullRequest` (ApplicationInfo.pr, PromotionTaskPullRequestStatus): a promotion's pull request. */
function pullRequest(value: unknown, path: string): PullRequest {
  const o = readObject(value, path);
  const id =
    typeof o.id === 'number' && Number.isFinite(o.id)
      ? String(o.id)
      : typeof o.id === 'string' && o.id !== ''
        ? o.id
        : raise('A pull request needs an id', `${path}.id`, o.id, 'a number (PullRequest.id is an Int)');
  const state: PullRequestState = readOptionalBooleanField(o, 'isMerged', path)
    ? 'merged'
    : readOptionalStringField(o, 'state', path) === 'CLOSED'
      ? 'closed'
      : 'open';
  return withoutUndefined({
    id,
    title: readOptionalStringField(o, 'title', path) ?? `#${id}`,
    url: httpUrl(readOptionalStringField(o, 'url', path)),
    author: parsePerson(readOptionalStringField(o, 'author', path), readOptionalStringField(o, 'avatarUrl', path)),
    state,
    repo: readOptionalStringField(o, 'repo', path),
  });
}

/**
 * An `Annotation`'s `value`: a JSON `IssueValue` / `PullRequestValue` as the annotations API
 * stores them, or a bare URL or text (older annotations). Fields inside it are read leniently.
 */
function annotationValue(text: string | undefined): Json {
  if (text === undefined) return {};
  if (text.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (isObject(parsed)) return parsed;
    } catch {
      // not JSON: text
    }
  }
  return httpUrl(text) ? { url: text } : { title: text };
}
const loose = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const REPO_IN_URL = /^https?:\/\/[^/]+\/([^/]+\/[^/]+)\/(?:-\/)?(?:pull|pulls|merge_requests|pull-requests)\//i;

/** `Annotation` of a pull request (ProductReleaseStep.pr, ProductReleaseDetails.prs), and the commits its value lists. */
function annotationPullRequest(value: unknown, path: string, state: PullRequestState, application?: string) {
  const o = readObject(value, path);
  const key = readStringField(o, 'key', path);
  const v = annotationValue(readOptionalStringField(o, 'value', path));
  const url = httpUrl(v.url);
  const committer = Array.isArray(v.committers) && isObject(v.committers[0]) ? v.committers[0] : {};
  const name = loose(committer.userName);
  const pr: PullRequest = withoutUndefined({
    id: loose(v.id) ?? key,
    title: loose(v.title) ?? key,
    url,
    author: name ? withoutUndefined({ name, avatarUrl: httpUrl(committer.avatar) }) : undefined,
    state,
    repo: url ? REPO_IN_URL.exec(url)?.[1] : undefined,
    application,
  });
  const commits: Commit[] = [];
  for (const c of Array.isArray(v.commits) ? v.commits : []) {
    const sha = isObject(c) ? loose(c.sha) : undefined;
    if (!sha || !isObject(c)) continue;
    const author = loose(c.userName);
    const date = loose(c.commitDate);
    commits.push(
      withoutUndefined({
        sha,
        message: loose(c.message),
        author: author ? { name: author } : undefined,
        date: date && !Number.isNaN(Date.parse(date)) ? date : undefined,
        url: httpUrl(c.url),
        application,
      }),
    );
  }
  return { pr, commits };
}

/** `ProductReleaseDetails` {issues, prs, images, builds} → release notes (duplicates kept: `compileReleaseNotes` counts them). */
function notes(value: unknown, path: string, trigger: Commit | undefined): ReleaseNotes | undefined {
  const o = readOptionalObject(value, path);
  if (!o) return undefined;
  // An annotation's entityId is the image (binary id or reference) it annotates; the image names its application.
  const applicationOf = new Map<string, string>();
  const images = readListField(o, 'images', path, (v, p): ReleaseImage => {
    const image = readObject(v, p);
    const repository = readOptionalStringField(image, 'repositoryName', p);
    const tag = readOptionalStringField(image, 'tag', p);
    const reference =
      readOptionalStringField(image, 'image', p) ??
      (repository ? (tag ? `${repository}:${tag}` : repository) : raise('An image has neither `image` nor `repositoryName`', p, v, 'an Images object with `image`'));
    const application = readOptionalStringField(image, 'name', p);
    const binary = readOptionalStringField(image, 'binaryId', p);
    if (application) for (const key of [binary, reference]) if (key) applicationOf.set(key, application);
    return withoutUndefined({
      reference,
      repository,
      tag,
      digest: /@(sha256:[0-9a-f]+)$/i.exec(reference)?.[1],
      application,
      url: httpUrl(readOptionalStringField(image, 'workflowUrl', p)),
    });
  });
  const entityApp = (a: Json, p: string) => {
    const entity = readOptionalStringField(a, 'entityId', p);
    return entity === undefined ? undefined : applicationOf.get(entity);
  };
  const issues = readListField(o, 'issues', path, (v, p): ReleaseIssueRef => {
    const a = readObject(v, p);
    const value = annotationValue(readOptionalStringField(a, 'value', p));
    const assignee = loose(value.assignee);
    return withoutUndefined({
      key: readStringField(a, 'key', p),
      title: loose(value.title),
      url: httpUrl(value.url),
      assignee: assignee ? withoutUndefined({ name: assignee, avatarUrl: httpUrl(value.avatarURL) }) : undefined,
      application: entityApp(a, p),
    });
  });
  const commits: Commit[] = trigger ? [{ ...trigger }] : [];
  const pullRequests = readListField(o, 'prs', path, (v, p) => {
    const { pr, commits: listed } = annotationPullRequest(v, p, 'merged', isObject(v) ? entityApp(v, p) : undefined);
    for (const listedCommit of listed) commits.push(listedCommit);
    return pr;
  });
  readListField(o, 'builds', path, readObject);
  return { images, issues, pullRequests, commits };
}

function hooks(value: unknown, path: string): HookRun[] | undefined {
  const o = readOptionalObject(value, path);
  const runs: HookRun[] = [];
  for (const [key, event] of HOOKS) {
    const hook = readOptionalObject(o?.[key], `${path}.${key}`);
    if (!hook) continue;
    const at = `${path}.${key}`;
    const error = readOptionalObjectField(hook, 'error', at);
    runs.push(
      withoutUndefined({
        event,
        workflow: readOptionalStringField(hook, 'workflowName', at),
        template: readOptionalStringField(hook, 'templateName', at),
        status: status(fromArgoWorkflowPhase, hook, at).status,
        message: error && readOptionalString(error.message, `${at}.error.message`),
      }),
    );
  }
  return runs.length ? runs : undefined;
}

/**
 * An environment with the fields both nodes have (name, dependsOn, status, times); the rest is
 * filled in by the caller. Every key is there from the start, in one order, so every environment
 * has one shape (`withoutUndefined` drops the empty ones at the end); `dependsOn` is checked later.
 */
function environment(o: Json, path: string, nameKey: string): EnvironmentStep {
  const mapped = status(fromCodefreshEnvironmentStatus, o, path);
  const updatedAt = readOptionalTimeField(o, 'updatedAt', path);
  return {
    name: readStringField(o, nameKey, path),
    kind: undefined,
    group: undefined,
    dependsOn: readListField(o, 'dependsOn', path, readString),
    status: mapped.status,
    rawStatus: mapped.raw,
    statusText: undefined,
    startedAt: readOptionalTimeField(o, 'startedAt', path),
    finishedAt: isTerminalStatus(mapped.status) ? updatedAt : undefined,
    workflows: { trigger: [], preAction: [], postAction: [] },
    applications: [],
    issues: [],
    pullRequest: undefined,
  };
}

/** `ProductReleaseStep`: one environment of a product release. */
function step(value: unknown, path: string, links: Links): EnvironmentStep {
  const o = readObject(value, path);
  const base = environment(o, path, 'environmentName');
  const kind = readOptionalStringField(o, 'environmentKind', path);
  const issues = readListField(o, 'issues', path, (v, p) => issue(v, p));
  const appPrs: PullRequest[] = [];
  const applications = readListField(o, 'applications', path, (v, p) => {
    const app = readObject(v, p);
    const id = applicationId(app, 'applicationId', p);
    // ApplicationInfo has no sync or health: the latest of its issues that reports them, unless
    // the host joined `syncStatus` / `healthStatus` in (the names PromotionTaskApplicationStatus uses).
    const appIssues = readListField(app, 'issues', p, (i, ip) => {
      issues.push(issue(i, ip, id.name));
      return i as Json;
    });
    const latest = (key: string) => {
      if (app[key] !== undefined && app[key] !== null) return readOptionalStringField(app, key, p);
      for (let i = appIssues.length - 1; i >= 0; i--) if (typeof appIssues[i]![key] === 'string') return appIssues[i]![key] as string;
      return undefined;
    };
    const pr = readOptionalObjectField(app, 'pr', p) && pullRequest(app.pr, `${p}.pr`);
    if (pr) appPrs.push(pr);
    const promotion = status(fromCodefreshApplicationPromotionStatus, app, p);
    const sync = latest('syncStatus');
    const health = latest('healthStatus');
    // An application's promotion succeeds only once it is synced and healthy: with no word on
    // either, that is what a SUCCEEDED promotion says (no raw word is kept for it).
    const done = promotion.raw === 'SUCCEEDED';
    return applicationState(
      id,
      sync === undefined && done ? { status: 'synced', raw: undefined } : fromSyncStatus(sync),
      health === undefined && done ? { status: 'healthy', raw: undefined } : fromHealthStatus(health),
      base.name,
      links,
      {
        version: readOptionalStringField(app, 'version', p),
        commitSha: readOptionalStringField(app, 'commitSha', p),
        promotion: promotion.raw === undefined ? undefined : promotion.status,
      },
    );
  });
  readOptionalStringField(o, 'policyAction', path);
  // The step's pending pull request is an Annotation; an application's own PullRequest says more.
  const pending = readOptionalObjectField(o, 'pr', path) && annotationPullRequest(o.pr, `${path}.pr`, 'open').pr;
  const pendingPr = (pending && (appPrs.find((pr) => pr.url !== undefined && pr.url === pending.url) ?? pending)) || appPrs[0];
  base.kind = kind === undefined ? undefined : kind === 'PROD' || kind === 'PRODUCTION' ? 'production' : 'non-production';
  base.statusText = liveText(readOptionalStringField(o, 'liveStatus', path));
  base.workflows = workflowSteps(o, path, base.name, links);
  base.applications = applications;
  base.issues = issues;
  base.pullRequest = pendingPr;
  return base;
}

/**
 * Every `dependsOn` must name an environment of the release, no name twice, no cycle: the
 * model's rule (`topologicalOrder`), raised at the Codefresh path of the offending value.
 */
function checkGraph(environments: EnvironmentStep[], path: string, list: string, nameKey: string, value: unknown): void {
  if (environments.length === 0) raise(`A release needs at least one environment (is \`${list}\` selected in the GraphQL query?)`, `${path}.${list}`, value, 'a non-empty list');
  const index = new Map<string, number>();
  environments.forEach((environment, i) => {
    if (index.has(environment.name)) {
      raise(`Environment "${environment.name}" appears twice (${list} ${index.get(environment.name)} and ${i})`, `${path}.${list}[${i}].${nameKey}`, environment.name, 'a name unique within the release');
    }
    index.set(environment.name, i);
  });
  environments.forEach((environment, i) =>
    environment.dependsOn.forEach((dependency, d) => {
      if (!index.has(dependency)) {
        raise(
          `Environment "${environment.name}" depends on "${dependency}", which is not an environment of this release`,
          `${path}.${list}[${i}].dependsOn[${d}]`,
          dependency,
          `the name of one of its ${list}: ${[...index.keys()].slice(0, 20).join(', ')}`,
        );
      }
    }),
  );
  const listed = environments.map((environment) => environment.dependsOn);
  for (const environment of environments) environment.dependsOn = [...new Set(environment.dependsOn)];
  orderWithoutCycles(
    environments,
    (from, to) => {
      const i = index.get(from)!;
      return `${path}.${list}[${i}].dependsOn[${listed[i]!.indexOf(to)}]`;
    },
    'environments',
  );
}

/**
 * The groups of the `environments` option, by environment name: the value of the first label pair
 * `<groupLabel>=<path>` of the first Environment of each name.
 */
function readGroups(options: unknown): Map<string, string> {
  const o = readOptionalObject(options, '$options');
  const label = `${readOptionalString(o?.groupLabel, '$options.groupLabel') ?? GROUP_LABEL}=`;
  const groups = new Map<string, string>();
  readList(o?.environments, '$options.environments', (v, p) => {
    const entry = readObject(v, p);
    const name = readStringField(entry, 'name', p);
    let group: string | undefined;
    readListField(entry, 'labelPairs', p, (pair, at) => {
      const text = readOptionalString(pair, at);
      if (group === undefined && text?.startsWith(label)) group = groupPath(text.slice(label.length), at, pair) ?? '';
    });
    if (group && !groups.has(name)) groups.set(name, group);
  });
  return groups;
}

/** A release with the fields both nodes have, its environments' empty fields dropped; the caller fills in the rest. */
function release(o: Json, path: string, id: string, environments: EnvironmentStep[], trigger: string | undefined, triggerCommit: Commit | undefined, groups: Map<string, string>): Release {
  const mapped = fromCodefreshReleaseStatus(readStringField(o, 'status', path));
  const updatedAt = readOptionalTimeField(o, 'updatedAt', path);
  const flow = readOptionalStringField(o, 'promotionFlowName', path);
  return {
    id,
    product: readStringField(o, 'productName', path),
    name: undefined,
    version: undefined,
    flow: flow === undefined ? null : { name: flow },
    status: mapped.status,
    error: undefined,
    trigger: withoutUndefined({
      // No field of either node carries the schema's PromotionTriggers yet: a host may join it in as `trigger`.
      kind: (typeof o.trigger === 'string' ? TRIGGERS.get(o.trigger) : undefined) ?? ('unknown' as const),
      // The trigger environment: the one named, else the first that depends on nothing.
      environment: trigger ?? (environments.find((e) => e.dependsOn.length === 0) ?? environments[0]!).name,
      commit: triggerCommit,
    }),
    initiator: undefined,
    createdAt: requiredTime(o.createdAt, `${path}.createdAt`),
    updatedAt,
    finishedAt: isTerminalStatus(mapped.status) ? updatedAt : undefined,
    environments: environments.map((e) => ((e.group = groups.get(e.name)), withoutUndefined(e))),
    notes: undefined,
    hooks: undefined,
    source: withoutUndefined({ system: 'codefresh', status: mapped.raw }),
  };
}

const errorOf = (o: Json | undefined, path: string) => {
  const code = o && readOptionalStringField(o, 'code', path);
  const message = (o && readOptionalStringField(o, 'message', path)) ?? code;
  return message === undefined ? undefined : withoutUndefined({ code, message });
};

function readProductRelease(value: unknown, path: string, options: CodefreshAdapterOptions, groups: Map<string, string>): Release {
  const o = readObject(value, path);
  const id = readStringField(o, 'releaseId', path);
  // A list query may select only `environmentsStatuses` (name and status, no dependsOn), as Codefresh's CLI does.
  const list = o.steps === undefined || o.steps === null ? 'environmentsStatuses' : 'steps';
  const environments = readList(o[list], `${path}.${list}`, (v, p) =>
    list === 'steps' ? step(v, p, options.links) : environment(readObject(v, p), p, 'environmentName'),
  );
  checkGraph(environments, path, list, 'environmentName', o[list]);
  const triggerCommit = commit(o.triggerCommit, `${path}.triggerCommit`);
  const result = release(o, path, id, environments, readOptionalStringField(o, 'triggerEnvironment', path), triggerCommit, groups);
  const initiator = readOptionalObjectField(o, 'initiator', path);
  result.name = readOptionalStringField(o, 'releaseName', path);
  result.version = readOptionalStringField(o, 'version', path);
  result.error = errorOf(readOptionalObjectField(o, 'error', path), `${path}.error`);
  result.initiator = initiator && parsePerson(readOptionalStringField(initiator, 'name', `${path}.initiator`), readOptionalStringField(initiator, 'avatarUrl', `${path}.initiator`));
  result.notes = notes(o.details, `${path}.details`, triggerCommit);
  result.hooks = hooks(o.hooks, `${path}.hooks`);
  return withoutUndefined(result);
}

/** `PromotionEnvironmentStatus`: what one environment of a `Promotion` did (workflows, applications, pull requests, issues). */
function promotionEnvironmentStatus(environment: EnvironmentStep, o: Json, path: string, links: Links): void {
  const byId = new Map<string, { id: ReturnType<typeof applicationId>; sync?: unknown; health?: unknown; commitSha?: string }>();
  const app = (entry: Json, at: string) => {
    const id = applicationId(entry, 'appId', at);
    const key = `${id.runtime}/${id.namespace}/${id.name}`;
    let found = byId.get(key);
    if (!found) byId.set(key, (found = { id }));
    found.commitSha = readOptionalStringField(entry, 'commitSha', at) ?? found.commitSha;
    return found;
  };
  readListField(o, 'applications', path, (v, p) => {
    const entry = readObject(v, p);
    Object.assign(app(entry, p), { sync: readOptionalStringField(entry, 'syncStatus', p), health: readOptionalStringField(entry, 'healthStatus', p) });
  });
  for (const key of ['verifyAppStatus', 'commitStatus']) readList(o[key], `${path}.${key}`, (v, p) => app(readObject(v, p), p));
  const prs = readListField(o, 'pullRequestStatus', path, (v, p) => (app(readObject(v, p), p), pullRequest(v, p)));
  environment.workflows = workflowSteps(o, path, environment.name, links);
  environment.applications = [...byId.values()].map((a) =>
    applicationState(a.id, fromSyncStatus(a.sync), fromHealthStatus(a.health), environment.name, links, withoutUndefined({ commitSha: a.commitSha })),
  );
  environment.issues = readListField(o, 'issues', path, (v, p) => issue(v, p));
  if (prs[0]) environment.pullRequest = prs[0];
}

function readPromotion(value: unknown, path: string, options: CodefreshPromotionOptions, groups: Map<string, string>): Release {
  const o = readObject(value, path);
  const id = readStringField(o, 'id', path);
  const environments = readListField(o, 'environments', path, (v, p) => environment(readObject(v, p), p, 'name'));
  checkGraph(environments, path, 'environments', 'name', o.environments);
  readList(options.environmentStatuses, 'options.environmentStatuses', (v, p) => {
    const entry = readObject(v, p);
    const name = readStringField(entry, 'environment', p);
    const environment = environments.find((e) => e.name === name) ?? raise(`No environment "${name}" in this promotion`, `${p}.environment`, name, 'the name of one of its environments');
    promotionEnvironmentStatus(environment, entry, p, options.links);
  });
  const failure = readOptionalObjectField(o, 'failure', path);
  if (failure) readOptionalTimeField(failure, 'timestamp', `${path}.failure`);
  const result = release(o, path, id, environments, readOptionalStringField(o, 'triggerEnvironment', path), commit(o.triggerCommitInfo, `${path}.triggerCommitInfo`), groups);
  result.version = readOptionalStringField(o, 'promotionAppVersion', path);
  result.error = errorOf(failure, `${path}.failure`);
  return withoutUndefined(result);
}

/**
 * A Codefresh `ProductRelease` node (GraphQL `productRelease` / `productReleases` queries) as a
 * `Release`. Raises `ReleaseDataError` for data it cannot use, at the value's JSON path
 * (`$options.…` for the options' data).
 *
 * `group`: a release has no per-cluster targets. A Codefresh environment may span several
 * clusters (`Environment.clusters`), but a release's steps (and a Promotion's environments) are
 * whole environments, each with one status, and their applications are named by runtime,
 * namespace and name only, with no cluster. So an environment is never split into clusters, and
 * its clusters give it no group. What there is: the `Environment`'s label pairs
 * (`options.environments`). An environment's group is the value of the first pair
 * `gitops-releases/group=<path>` (`options.groupLabel`; the first `=` ends the key) of the first
 * Environment of its name, trimmed level by level; a blank value is none; no such Environment or
 * pair, no group. A pair that is not a string, or a value with an empty level or more than 3
 * levels, raises `ReleaseDataError` at the pair.
 */
export function fromCodefreshRelease(productRelease: unknown, options: CodefreshAdapterOptions = {}): Release {
  return readProductRelease(productRelease, '$', options, readGroups(options));
}

/**
 * A Codefresh `Promotion` node (the newer promotions API) as a `Release`. Its environments carry
 * only their status; pass the promotion's `PromotionEnvironmentStatus` list as
 * `options.environmentStatuses` for workflows, applications, pull requests and issues. Groups
 * come from `options.environments`, as for `fromCodefreshRelease`.
 */
export function fromCodefreshPromotion(promotion: unknown, options: CodefreshPromotionOptions = {}): Release {
  return readPromotion(promotion, '$', options, readGroups(options));
}

/**
 * A page of releases: a `ProductReleaseSlice` or `PromotionOrReleaseSlice`
 * (`{ edges: [{ node, cursor }], pageInfo: SliceInfo }`), in the table's server-mode shape.
 */
export function fromCodefreshReleasesPage(connection: unknown, options: CodefreshAdapterOptions = {}): CodefreshReleasesPage {
  const groups = readGroups(options);
  const o = readObject(connection, '$');
  const cursors: Array<string | undefined> = [];
  const releases = readList(o.edges, '$.edges', (v, p) => {
    const edge = readObject(v, p);
    cursors.push(readOptionalStringField(edge, 'cursor', p));
    const node = readObject(edge.node, `${p}.node`);
    const type = readOptionalString(node.__typename, `${p}.node.__typename`) ?? (node.releaseId !== undefined ? 'ProductRelease' : node.id !== undefined ? 'Promotion' : undefined);
    if (type === 'ProductRelease') return readProductRelease(node, `${p}.node`, options, groups);
    if (type === 'Promotion') return readPromotion(node, `${p}.node`, options, groups);
    return raise('A node that is neither a ProductRelease nor a Promotion', `${p}.node`, node, 'a ProductRelease (with releaseId) or a Promotion (with id)');
  });
  const info = readOptionalObject(o.pageInfo, '$.pageInfo') ?? {};
  const flag = (key: string) => readOptionalBoolean(info[key], `$.pageInfo.${key}`) ?? false;
  return {
    releases,
    pageInfo: {
      hasNextPage: flag('hasNextPage'),
      hasPrevPage: flag('hasPrevPage') || flag('hasPreviousPage'),
      startCursor: readOptionalString(info.startCursor, '$.pageInfo.startCursor') ?? cursors[0] ?? null,
      endCursor: readOptionalString(info.endCursor, '$.pageInfo.endCursor') ?? cursors[cursors.length - 1] ?? null,
    },
  };
}

import { topologicalOrder } from '../graph/validate';
import { safeHref } from '../model/links';
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
  Person,
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
import { isReleaseDataError, ReleaseDataError } from './errors';
import {
  isObject,
  readList,
  readObject,
  readOptionalBoolean,
  readOptionalObject,
  readOptionalString as str,
  readOptionalTime as time,
  readString,
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
export interface CodefreshAdapterOptions {
  /**
   * Links the API does not send (it has no URL for a workflow run or an application): the host
   * knows its Codefresh address. Only absolute http(s) results are kept.
   */
  links?: {
    workflow?: (run: { workflow: string; application: string; environment: string }) => string | undefined;
    application?: (app: { name: string; namespace?: string; runtime?: string; environment: string }) => string | undefined;
  };
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

const own = <T>(table: Readonly<Record<string, T>>, key: string | undefined): T | undefined =>
  key !== undefined && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
/** An absolute http(s) URL, else `undefined` (what `safeHref` keeps, without mailto:; `URL.canParse` is quicker where there is one). */
const http = (url: unknown): string | undefined => {
  const text = typeof url === 'string' ? url.trim() : '';
  if (!/^https?:/i.test(text)) return undefined;
  return (typeof URL.canParse === 'function' ? URL.canParse(text) : safeHref(text) !== undefined) ? text : undefined;
};
/** The object without its `undefined` values, so the model has no `key: undefined` (a copy: `delete` is slow). */
function def<T extends object>(value: T): T {
  const out = {} as T;
  for (const key in value) if (value[key] !== undefined) out[key] = value[key];
  return out;
}
// Readers of one field (`o[key]` at `${path}.${key}`), on top of ./read: the path is built only
// for an error, never for valid data.
const S = (o: Json, key: string, path: string): string | undefined => {
  const v = o[key];
  return typeof v === 'string' && v !== '' ? v : str(v, `${path}.${key}`);
};
const R = (o: Json, key: string, path: string): string => {
  const v = o[key];
  return typeof v === 'string' && v !== '' ? v : readString(v, `${path}.${key}`);
};
const T = (o: Json, key: string, path: string): string | undefined => {
  const v = o[key];
  return typeof v === 'string' && v !== '' && !Number.isNaN(Date.parse(v)) ? v : time(v, `${path}.${key}`);
};
const O = (o: Json, key: string, path: string): Json | undefined => {
  const v = o[key];
  return isObject(v) ? v : readOptionalObject(v, `${path}.${key}`);
};
const B = (o: Json, key: string, path: string): boolean | undefined => {
  const v = o[key];
  return typeof v === 'boolean' ? v : readOptionalBoolean(v, `${path}.${key}`);
};
const L = <T>(o: Json, key: string, path: string, item: (value: unknown, path: string, index: number) => T): T[] => {
  const v = o[key];
  return v === undefined || v === null ? [] : readList(v, `${path}.${key}`, item);
};
const raise = (message: string, path: string, value: unknown, expected?: string): never => {
  throw new ReleaseDataError(message, path, value, expected);
};
/** `o.status` mapped, the word kept. */
const status = (map: (raw: unknown) => MappedStatus<Status>, o: Json, path: string) => map(S(o, 'status', path));
const requiredTime = (value: unknown, path: string) =>
  time(value, path) ?? raise('A required date-time is missing (is it selected in the GraphQL query?)', path, value, 'an ISO-8601 date-time');
/** A person from a name, or from `Name <email>` as Git writes an author. */
const person = (text: string | undefined, avatar: unknown): Person | undefined => {
  const git = text && /^(.+?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(text);
  return text === undefined ? undefined : def({ name: git ? git[1]! : text, email: git ? git[2] : undefined, avatarUrl: http(avatar) });
};
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
const TRIGGERS: Readonly<Record<string, TriggerKind>> = { GIT_COMMIT: 'git-commit', MANUAL: 'manual', DRAG_AND_DROP: 'drag-and-drop', RESTART: 'restart' };
const ISSUE_KINDS: Readonly<Record<string, IssueKind>> = {
  WORKFLOW: 'workflow',
  APPLICATION: 'application',
  GIT: 'git',
  WorkflowIssue: 'workflow',
  ApplicationIssue: 'application',
  GitIssue: 'git',
};
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
  return def({
    sha: R(o, sha, path),
    message: S(o, message, path),
    author: person(S(o, author, path), S(o, 'avatarURL', path)),
    date: T(o, date, path),
    repoUrl: S(o, 'repoURL', path),
    branch: S(o, 'revision', path),
  });
}

/** `Issue` (the WorkflowIssue | ApplicationIssue | GitIssue union) or an application's `AppInfoIssue`. */
function issue(value: unknown, path: string, application?: string): Issue {
  const o = readObject(value, path);
  const workflow = S(o, 'workflowName', path);
  const kind =
    own(ISSUE_KINDS, S(o, 'type', path)) ?? own(ISSUE_KINDS, S(o, '__typename', path)) ?? (workflow ? 'workflow' : 'application');
  return def({
    kind,
    level: S(o, 'level', path) === 'WARNING' ? ('warning' as const) : ('error' as const),
    message: R(o, 'message', path),
    application: S(o, 'applicationName', path) ?? application,
    workflow,
    at: T(o, 'date', path),
  });
}

/** `WorkflowsStepView`: one workflow template in an environment, with one run per application. */
function workflowStep(value: unknown, path: string, environment: string, links: Links): WorkflowStep {
  const o = readObject(value, path);
  const template = S(o, 'templateName', path);
  const name = S(o, 'name', path) ?? template ?? raise('A workflow step has no name', `${path}.templateName`, o.templateName, 'a non-empty string');
  const mapped = status(fromArgoWorkflowPhase, o, path);
  const runs = L(o, 'workflows', path, (entry, at): WorkflowRun => {
    const run = readObject(entry, at);
    const application = R(run, 'applicationName', at);
    const workflow = R(run, 'workflowName', at);
    const phase = status(fromArgoWorkflowPhase, run, at);
    // Built by hand, not through `def`: there are many runs.
    const result: WorkflowRun = { application, workflow, status: phase.status };
    if (phase.raw !== undefined) result.rawStatus = phase.raw;
    const url = links?.workflow && http(links.workflow({ workflow, application, environment }));
    if (url) result.url = url;
    return result;
  });
  return def({
    name,
    template,
    status: mapped.status,
    rawStatus: mapped.raw,
    startedAt: T(o, 'startedAt', path),
    finishedAt: T(o, 'finishedAt', path),
    runs,
  });
}

const workflowSteps = (o: Json, path: string, environment: string, links: Links) => ({
  trigger: [],
  preAction: L(o, 'preWorkflowsStepsView', path, (v, p) => workflowStep(v, p, environment, links)),
  postAction: L(o, 'postWorkflowsStepsView', path, (v, p) => workflowStep(v, p, environment, links)),
});

/** `ApplicationID` {runtime, namespace, name}. */
function applicationId(parent: Json, key: string, at: string) {
  const path = `${at}.${key}`;
  const o = readObject(parent[key], path);
  return { name: R(o, 'name', path), namespace: S(o, 'namespace', path), runtime: S(o, 'runtime', path) };
}

function applicationState(
  id: { name: string; namespace?: string; runtime?: string },
  sync: MappedStatus<ApplicationState['sync']>,
  health: MappedStatus<ApplicationState['health']>,
  environment: string,
  links: Links,
  rest: Partial<ApplicationState>,
): ApplicationState {
  return def({
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
    url: links?.application ? http(links.application({ ...id, environment })) : undefined,
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
  const state: PullRequestState = B(o, 'isMerged', path)
    ? 'merged'
    : S(o, 'state', path) === 'CLOSED'
      ? 'closed'
      : 'open';
  return def({
    id,
    title: S(o, 'title', path) ?? `#${id}`,
    url: http(S(o, 'url', path)),
    author: person(S(o, 'author', path), S(o, 'avatarUrl', path)),
    state,
    repo: S(o, 'repo', path),
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
  return http(text) ? { url: text } : { title: text };
}
const loose = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const REPO_IN_URL = /^https?:\/\/[^/]+\/([^/]+\/[^/]+)\/(?:-\/)?(?:pull|pulls|merge_requests|pull-requests)\//i;

/** `Annotation` of a pull request (ProductReleaseStep.pr, ProductReleaseDetails.prs), and the commits its value lists. */
function annotationPullRequest(value: unknown, path: string, state: PullRequestState, application?: string) {
  const o = readObject(value, path);
  const key = R(o, 'key', path);
  const v = annotationValue(S(o, 'value', path));
  const url = http(v.url);
  const committer = Array.isArray(v.committers) && isObject(v.committers[0]) ? v.committers[0] : {};
  const name = loose(committer.userName);
  const pr: PullRequest = def({
    id: loose(v.id) ?? key,
    title: loose(v.title) ?? key,
    url,
    author: name ? def({ name, avatarUrl: http(committer.avatar) }) : undefined,
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
      def({
        sha,
        message: loose(c.message),
        author: author ? { name: author } : undefined,
        date: date && !Number.isNaN(Date.parse(date)) ? date : undefined,
        url: http(c.url),
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
  const images = L(o, 'images', path, (v, p): ReleaseImage => {
    const image = readObject(v, p);
    const repository = S(image, 'repositoryName', p);
    const tag = S(image, 'tag', p);
    const reference =
      S(image, 'image', p) ??
      (repository ? (tag ? `${repository}:${tag}` : repository) : raise('An image has neither `image` nor `repositoryName`', p, v, 'an Images object with `image`'));
    const application = S(image, 'name', p);
    const binary = S(image, 'binaryId', p);
    if (application) for (const key of [binary, reference]) if (key) applicationOf.set(key, application);
    return def({
      reference,
      repository,
      tag,
      digest: /@(sha256:[0-9a-f]+)$/i.exec(reference)?.[1],
      application,
      url: http(S(image, 'workflowUrl', p)),
    });
  });
  const entityApp = (a: Json, p: string) => {
    const entity = S(a, 'entityId', p);
    return entity === undefined ? undefined : applicationOf.get(entity);
  };
  const issues = L(o, 'issues', path, (v, p): ReleaseIssueRef => {
    const a = readObject(v, p);
    const value = annotationValue(S(a, 'value', p));
    const assignee = loose(value.assignee);
    return def({
      key: R(a, 'key', p),
      title: loose(value.title),
      url: http(value.url),
      assignee: assignee ? def({ name: assignee, avatarUrl: http(value.avatarURL) }) : undefined,
      application: entityApp(a, p),
    });
  });
  const commits: Commit[] = trigger ? [{ ...trigger }] : [];
  const pullRequests = L(o, 'prs', path, (v, p) => {
    const { pr, commits: listed } = annotationPullRequest(v, p, 'merged', isObject(v) ? entityApp(v, p) : undefined);
    for (const listedCommit of listed) commits.push(listedCommit);
    return pr;
  });
  L(o, 'builds', path, readObject);
  return { images, issues, pullRequests, commits };
}

function hooks(value: unknown, path: string): HookRun[] | undefined {
  const o = readOptionalObject(value, path);
  const runs: HookRun[] = [];
  for (const [key, event] of HOOKS) {
    const hook = readOptionalObject(o?.[key], `${path}.${key}`);
    if (!hook) continue;
    const at = `${path}.${key}`;
    const error = O(hook, 'error', at);
    runs.push(
      def({
        event,
        workflow: S(hook, 'workflowName', at),
        template: S(hook, 'templateName', at),
        status: status(fromArgoWorkflowPhase, hook, at).status,
        message: error && str(error.message, `${at}.error.message`),
      }),
    );
  }
  return runs.length ? runs : undefined;
}

/**
 * An environment with the fields both nodes have (name, dependsOn, status, times); the rest is
 * filled in by the caller. Every key is there from the start, in one order, so every environment
 * has one shape (`def` drops the empty ones at the end); `dependsOn` is checked later.
 */
function environment(o: Json, path: string, nameKey: string): EnvironmentStep {
  const mapped = status(fromCodefreshEnvironmentStatus, o, path);
  const updatedAt = T(o, 'updatedAt', path);
  return {
    name: R(o, nameKey, path),
    kind: undefined,
    dependsOn: L(o, 'dependsOn', path, readString),
    status: mapped.status,
    rawStatus: mapped.raw,
    statusText: undefined,
    startedAt: T(o, 'startedAt', path),
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
  const kind = S(o, 'environmentKind', path);
  const issues = L(o, 'issues', path, (v, p) => issue(v, p));
  const appPrs: PullRequest[] = [];
  const applications = L(o, 'applications', path, (v, p) => {
    const app = readObject(v, p);
    const id = applicationId(app, 'applicationId', p);
    // ApplicationInfo has no sync or health: the latest of its issues that reports them, unless
    // the host joined `syncStatus` / `healthStatus` in (the names PromotionTaskApplicationStatus uses).
    const appIssues = L(app, 'issues', p, (i, ip) => {
      issues.push(issue(i, ip, id.name));
      return i as Json;
    });
    const latest = (key: string) => {
      if (app[key] !== undefined && app[key] !== null) return S(app, key, p);
      for (let i = appIssues.length - 1; i >= 0; i--) if (typeof appIssues[i]![key] === 'string') return appIssues[i]![key] as string;
      return undefined;
    };
    const pr = O(app, 'pr', p) && pullRequest(app.pr, `${p}.pr`);
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
        version: S(app, 'version', p),
        commitSha: S(app, 'commitSha', p),
        promotion: promotion.raw === undefined ? undefined : promotion.status,
      },
    );
  });
  S(o, 'policyAction', path);
  // The step's pending pull request is an Annotation; an application's own PullRequest says more.
  const pending = O(o, 'pr', path) && annotationPullRequest(o.pr, `${path}.pr`, 'open').pr;
  const pendingPr = (pending && (appPrs.find((pr) => pr.url !== undefined && pr.url === pending.url) ?? pending)) || appPrs[0];
  base.kind = kind === undefined ? undefined : kind === 'PROD' || kind === 'PRODUCTION' ? 'production' : 'non-production';
  base.statusText = liveText(S(o, 'liveStatus', path));
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
  for (const environment of environments) environment.dependsOn = [...new Set(environment.dependsOn)];
  try {
    topologicalOrder(environments);
  } catch (error) {
    // A cycle (the rest was checked above): raised again at the Codefresh path.
    if (!isReleaseDataError(error)) throw error;
    const message = error.message.slice(0, error.message.lastIndexOf(' (at '));
    raise(message, error.path.replace('$.environments', `${path}.${list}`), error.value, 'dependsOn lists that form no cycle');
  }
}

/** A release with the fields both nodes have, its environments' empty fields dropped; the caller fills in the rest. */
function release(o: Json, path: string, id: string, environments: EnvironmentStep[], trigger: string | undefined, triggerCommit: Commit | undefined): Release {
  const mapped = fromCodefreshReleaseStatus(R(o, 'status', path));
  const updatedAt = T(o, 'updatedAt', path);
  const flow = S(o, 'promotionFlowName', path);
  return {
    id,
    product: R(o, 'productName', path),
    name: undefined,
    version: undefined,
    flow: flow === undefined ? null : { name: flow },
    status: mapped.status,
    error: undefined,
    trigger: def({
      // No field of either node carries the schema's PromotionTriggers yet: a host may join it in as `trigger`.
      kind: own(TRIGGERS, typeof o.trigger === 'string' ? o.trigger : undefined) ?? ('unknown' as const),
      // The trigger environment: the one named, else the first that depends on nothing.
      environment: trigger ?? (environments.find((e) => e.dependsOn.length === 0) ?? environments[0]!).name,
      commit: triggerCommit,
    }),
    initiator: undefined,
    createdAt: requiredTime(o.createdAt, `${path}.createdAt`),
    updatedAt,
    finishedAt: isTerminalStatus(mapped.status) ? updatedAt : undefined,
    environments: environments.map(def),
    notes: undefined,
    hooks: undefined,
    source: def({ system: 'codefresh', status: mapped.raw }),
  };
}

const errorOf = (o: Json | undefined, path: string) => {
  const code = o && S(o, 'code', path);
  const message = (o && S(o, 'message', path)) ?? code;
  return message === undefined ? undefined : def({ code, message });
};

function readProductRelease(value: unknown, path: string, options: CodefreshAdapterOptions): Release {
  const o = readObject(value, path);
  const id = R(o, 'releaseId', path);
  // A list query may select only `environmentsStatuses` (name and status, no dependsOn), as Codefresh's CLI does.
  const list = o.steps === undefined || o.steps === null ? 'environmentsStatuses' : 'steps';
  const environments = readList(o[list], `${path}.${list}`, (v, p) =>
    list === 'steps' ? step(v, p, options.links) : environment(readObject(v, p), p, 'environmentName'),
  );
  checkGraph(environments, path, list, 'environmentName', o[list]);
  const triggerCommit = commit(o.triggerCommit, `${path}.triggerCommit`);
  const result = release(o, path, id, environments, S(o, 'triggerEnvironment', path), triggerCommit);
  const initiator = O(o, 'initiator', path);
  result.name = S(o, 'releaseName', path);
  result.version = S(o, 'version', path);
  result.error = errorOf(O(o, 'error', path), `${path}.error`);
  result.initiator = initiator && person(S(initiator, 'name', `${path}.initiator`), S(initiator, 'avatarUrl', `${path}.initiator`));
  result.notes = notes(o.details, `${path}.details`, triggerCommit);
  result.hooks = hooks(o.hooks, `${path}.hooks`);
  return def(result);
}

/** `PromotionEnvironmentStatus`: what one environment of a `Promotion` did (workflows, applications, pull requests, issues). */
function promotionEnvironmentStatus(environment: EnvironmentStep, o: Json, path: string, links: Links): void {
  const byId = new Map<string, { id: ReturnType<typeof applicationId>; sync?: unknown; health?: unknown; commitSha?: string }>();
  const app = (entry: Json, at: string) => {
    const id = applicationId(entry, 'appId', at);
    const key = `${id.runtime}/${id.namespace}/${id.name}`;
    let found = byId.get(key);
    if (!found) byId.set(key, (found = { id }));
    found.commitSha = S(entry, 'commitSha', at) ?? found.commitSha;
    return found;
  };
  L(o, 'applications', path, (v, p) => {
    const entry = readObject(v, p);
    Object.assign(app(entry, p), { sync: S(entry, 'syncStatus', p), health: S(entry, 'healthStatus', p) });
  });
  for (const key of ['verifyAppStatus', 'commitStatus']) readList(o[key], `${path}.${key}`, (v, p) => app(readObject(v, p), p));
  const prs = L(o, 'pullRequestStatus', path, (v, p) => (app(readObject(v, p), p), pullRequest(v, p)));
  environment.workflows = workflowSteps(o, path, environment.name, links);
  environment.applications = [...byId.values()].map((a) =>
    applicationState(a.id, fromSyncStatus(a.sync), fromHealthStatus(a.health), environment.name, links, def({ commitSha: a.commitSha })),
  );
  environment.issues = L(o, 'issues', path, (v, p) => issue(v, p));
  if (prs[0]) environment.pullRequest = prs[0];
}

function readPromotion(value: unknown, path: string, options: CodefreshPromotionOptions): Release {
  const o = readObject(value, path);
  const id = R(o, 'id', path);
  const environments = L(o, 'environments', path, (v, p) => environment(readObject(v, p), p, 'name'));
  checkGraph(environments, path, 'environments', 'name', o.environments);
  readList(options.environmentStatuses, 'options.environmentStatuses', (v, p) => {
    const entry = readObject(v, p);
    const name = R(entry, 'environment', p);
    const environment = environments.find((e) => e.name === name) ?? raise(`No environment "${name}" in this promotion`, `${p}.environment`, name, 'the name of one of its environments');
    promotionEnvironmentStatus(environment, entry, p, options.links);
  });
  const failure = O(o, 'failure', path);
  if (failure) T(failure, 'timestamp', `${path}.failure`);
  const result = release(o, path, id, environments, S(o, 'triggerEnvironment', path), commit(o.triggerCommitInfo, `${path}.triggerCommitInfo`));
  result.version = S(o, 'promotionAppVersion', path);
  result.error = errorOf(failure, `${path}.failure`);
  return def(result);
}

/**
 * A Codefresh `ProductRelease` node (GraphQL `productRelease` / `productReleases` queries) as a
 * `Release`. Raises `ReleaseDataError` for data it cannot use, at the value's JSON path.
 */
export function fromCodefreshRelease(productRelease: unknown, options: CodefreshAdapterOptions = {}): Release {
  return readProductRelease(productRelease, '$', options);
}

/**
 * A Codefresh `Promotion` node (the newer promotions API) as a `Release`. Its environments carry
 * only their status; pass the promotion's `PromotionEnvironmentStatus` list as
 * `options.environmentStatuses` for workflows, applications, pull requests and issues.
 */
export function fromCodefreshPromotion(promotion: unknown, options: CodefreshPromotionOptions = {}): Release {
  return readPromotion(promotion, '$', options);
}

/**
 * A page of releases: a `ProductReleaseSlice` or `PromotionOrReleaseSlice`
 * (`{ edges: [{ node, cursor }], pageInfo: SliceInfo }`), in the table's server-mode shape.
 */
export function fromCodefreshReleasesPage(connection: unknown, options: CodefreshAdapterOptions = {}): CodefreshReleasesPage {
  const o = readObject(connection, '$');
  const cursors: Array<string | undefined> = [];
  const releases = readList(o.edges, '$.edges', (v, p) => {
    const edge = readObject(v, p);
    cursors.push(S(edge, 'cursor', p));
    const node = readObject(edge.node, `${p}.node`);
    const type = str(node.__typename, `${p}.node.__typename`) ?? (node.releaseId !== undefined ? 'ProductRelease' : node.id !== undefined ? 'Promotion' : undefined);
    if (type === 'ProductRelease') return readProductRelease(node, `${p}.node`, options);
    if (type === 'Promotion') return readPromotion(node, `${p}.node`, options);
    return raise('A node that is neither a ProductRelease nor a Promotion', `${p}.node`, node, 'a ProductRelease (with releaseId) or a Promotion (with id)');
  });
  const info = readOptionalObject(o.pageInfo, '$.pageInfo') ?? {};
  const flag = (key: string) => readOptionalBoolean(info[key], `$.pageInfo.${key}`) ?? false;
  return {
    releases,
    pageInfo: {
      hasNextPage: flag('hasNextPage'),
      hasPrevPage: flag('hasPrevPage') || flag('hasPreviousPage'),
      startCursor: str(info.startCursor, '$.pageInfo.startCursor') ?? cursors[0] ?? null,
      endCursor: str(info.endCursor, '$.pageInfo.endCursor') ?? cursors[cursors.length - 1] ?? null,
    },
  };
}

import { shortSha } from '../model/links';
import { fromGitHubDeploymentState } from '../model/source-status';
import { aggregateStatus, isTerminalStatus } from '../model/status';
import type { ApplicationState, Commit, EnvironmentStep, Issue, Person, Release, Status } from '../model/types';
import {
  groupPath,
  httpUrl,
  parsePerson,
  raise,
  readEnum,
  readList,
  readObject,
  readOptionalBoolean,
  readOptionalObject,
  readOptionalString,
  readOwn,
  readString,
  readTime,
  withoutUndefined,
  type Json,
} from './read';

/**
 * GitHub Deployments (REST API v3: `GET /repos/{owner}/{repo}/deployments` and
 * `GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses`) read into releases: one
 * release per commit SHA (or per ref), one environment per deployment environment.
 *
 * The interfaces below name the fields of GitHub's `deployment` and `deployment-status` schemas
 * that are read; every other field (`node_id`, `payload`, `statuses_url`,
 * `performed_via_github_app`, …) is accepted and ignored. Everything is checked at run time:
 * bad data raises `ReleaseDataError` with its JSON path, never anything else.
 */

/** A user as GitHub embeds it (`simple-user`): only these fields are read. */
export interface GitHubUser {
  login: string;
  avatar_url?: string | null;
  html_url?: string | null;
}

/** GitHub's `deployment status` states. */
export type GitHubDeploymentState = 'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success';

/** One item of `GET /repos/{owner}/{repo}/deployments`. */
export interface GitHubDeployment {
  id: number;
  node_id?: string;
  sha: string;
  /** The ref that was deployed: a branch, a tag or a SHA. */
  ref: string;
  task?: string;
  environment: string;
  original_environment?: string;
  description?: string | null;
  creator?: GitHubUser | null;
  created_at: string;
  updated_at?: string;
  statuses_url?: string;
  /** `https://api.github.com/repos/{owner}/{repo}` (`https://{host}/api/v3/repos/…` on GitHub Enterprise Server). */
  repository_url?: string;
  /** `…/repos/{owner}/{repo}/deployments/{id}`: names the repository when `repository_url` is missing. */
  url?: string;
  transient_environment?: boolean;
  production_environment?: boolean;
  payload?: unknown;
}

/** One item of `GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses`. */
export interface GitHubDeploymentStatus {
  id: number;
  node_id?: string;
  /** An unknown word is not an error: it becomes `unknown`, kept as the raw status. */
  state: GitHubDeploymentState | (string & {});
  creator?: GitHubUser | null;
  description?: string | null;
  environment?: string;
  target_url?: string | null;
  log_url?: string | null;
  environment_url?: string | null;
  created_at: string;
  updated_at?: string;
  /** `…/deployments/{deployment_id}`: ties a status of a flat list to its deployment. */
  deployment_url?: string;
  repository_url?: string;
}

export interface GitHubDeploymentsInput {
  /** The deployments, in any order (GitHub lists them newest first). */
  deployments: readonly GitHubDeployment[];
  /**
   * Their statuses, in either shape: a map from deployment id to that deployment's statuses (one
   * `…/statuses` response per deployment), or one flat list whose items name their deployment by
   * `deployment_url` (ending in `/deployments/{id}`). Any order. Statuses of deployments not
   * listed are ignored; a deployment without statuses is `pending`.
   */
  statuses?: Readonly<Record<string, readonly GitHubDeploymentStatus[]>> | readonly GitHubDeploymentStatus[];
  /**
   * The promotion order, e.g. `['dev', 'staging', 'production']`: each environment depends on the
   * previous one deployed in the same release. The list is also a filter: deployments to other
   * environments are left out (and a release with none of these environments with them). Without
   * it, each release orders its environments by first deployment (`created_at`, then `id`).
   */
  environments?: readonly string[];
  /** The product name of every release; default: the repository's name from `repository_url`. */
  repository?: string;
  /** Group deployments into releases by commit (`sha`, default) or by `ref` (a tag, a branch). */
  groupBy?: 'sha' | 'ref';
  /** The releases' flow name. @default 'github-deployments' */
  flow?: string;
}

/** A rule of `GitHubDeploymentsOptions.groups`: environments whose name matches `pattern` get `group`. */
export interface GitHubEnvironmentGroupRule {
  /**
   * Tested against the environment's name as `RegExp.prototype.exec` does (anchor it, `^…$`, to
   * match the whole name); a string is a regular expression's source. Its flags are kept but `g`
   * and `y`, so every name is tested from its start.
   */
  pattern: RegExp | string;
  /**
   * The group path (`production/$1`): `$1`…`$99` stand for the pattern's capture groups (two
   * digits only when the pattern has that many groups), `$<name>` for a named group, `$&` for
   * the whole match, `$$` for a `$`; any other `$` is itself, and a group that took no part is
   * empty. Trimmed level by level; an empty result means no group (so a first rule with `''`
   * keeps names out of later rules).
   */
  group: string;
}

/** `fromGitHubDeployments`' options: code of the host's, not data (a RegExp is not JSON). */
export interface GitHubDeploymentsOptions {
  /**
   * Groups of environments by name: the first rule whose pattern matches an environment's name
   * makes its group; with none, the environment has no group. GitHub has no field that groups
   * deployment environments, so their names are what there is.
   * @default []
   */
  groups?: readonly GitHubEnvironmentGroupRule[];
}

/** The flow name of releases read from GitHub Deployments unless `flow` says otherwise. */
export const GITHUB_DEPLOYMENTS_FLOW = 'github-deployments';

interface DeploymentStatusData {
  index: number;
  id: number | undefined;
  state: string;
  createdAt: string;
  time: number;
  description?: string;
  environmentUrl?: string;
}

interface DeploymentData {
  path: string;
  index: number;
  id: number | undefined;
  key: string;
  sha: string;
  ref?: string;
  environment: string;
  createdAt: string;
  time: number;
  creator?: Person;
  repositoryUrl?: string;
  production?: boolean;
  statuses: DeploymentStatusData[];
}

/**
 * Reads GitHub deployments and their statuses into releases, newest first (by `createdAt`, the
 * first deployment of each).
 *
 * - A release is one SHA (or one ref with `groupBy: 'ref'`): `id` is that SHA (or ref), `version`
 *   the ref of its first deployment (the short SHA when that ref is the SHA itself), `trigger` a
 *   `git-commit` with the SHA and ref, `initiator` the first deployment's creator, `createdAt` its
 *   `created_at`, `flow` `{ name: 'github-deployments' }` (a flow, not `null`: `null` means a person
 *   promoted by hand).
 * - An environment deployed more than once in a release shows its latest deployment (by
 *   `created_at`, then `id`); its status is that deployment's latest status (same order) mapped by
 *   `fromGitHubDeploymentState`, the state word kept as `rawStatus` and the description as
 *   `statusText`. `startedAt` is the first `in_progress` status; `finishedAt` the last `success`,
 *   `failure` or `error` status once the status is final. `production_environment` sets `kind`.
 * - Each environment holds one application named after the product (the deployed SHA, the ref as
 *   version, `url` = the latest `environment_url`), and an error issue when it failed.
 * - `group` from the environment's name by `options.groups` (see `GitHubDeploymentsOptions`); a
 *   name that makes a group of more than 3 levels or with an empty level (`a//b`) raises
 *   `ReleaseDataError` at the deployment's `environment`, and a bad rule at `$options.groups[i]`.
 */
export function fromGitHubDeployments(input: GitHubDeploymentsInput, options: GitHubDeploymentsOptions = {}): Release[] {
  const rules = readRules(options);
  const root = readObject(input, '$');
  const groupBy = root.groupBy === undefined || root.groupBy === null ? 'sha' : readEnum(root.groupBy, '$.groupBy', ['sha', 'ref'] as const);
  const repository = readOptionalString(root.repository, '$.repository');
  const flow = readOptionalString(root.flow, '$.flow') ?? GITHUB_DEPLOYMENTS_FLOW;
  const order = readEnvironmentList(root.environments);

  const deployments = readList(root.deployments, '$.deployments', (value, path, index) => readDeployment(value, path, index, groupBy));
  const statuses = readStatuses(root.statuses);
  for (const deployment of deployments) {
    deployment.statuses = (statuses.get(deployment.key) ?? []).slice().sort(byTimeThenId);
  }

  const groups = new Map<string, DeploymentData[]>();
  for (const deployment of deployments) {
    const key = groupBy === 'ref' ? deployment.ref! : deployment.sha;
    const group = groups.get(key);
    if (group) group.push(deployment);
    else groups.set(key, [deployment]);
  }

  const releases: Array<{ release: Release; time: number; updated: number }> = [];
  // Names come back in every release: each is grouped once (a Map, as names are data).
  const known = new Map<string, string | undefined>();
  const groupOf = (name: string, path: string) => {
    if (!known.has(name)) known.set(name, groupByRules(rules, name, path));
    return known.get(name);
  };
  for (const [key, group] of groups) {
    const built = buildRelease(key, group, groupBy, order, repository, flow, groupOf);
    if (built) releases.push(built);
  }
  releases.sort((a, b) => b.time - a.time || b.updated - a.updated || (a.release.id < b.release.id ? -1 : a.release.id > b.release.id ? 1 : 0));
  return releases.map((entry) => entry.release);
}

function buildRelease(
  key: string,
  group: DeploymentData[],
  groupBy: 'sha' | 'ref',
  order: string[] | undefined,
  repository: string | undefined,
  flow: string,
  groupOf: (name: string, path: string) => string | undefined,
): { release: Release; time: number; updated: number } | undefined {
  if (order) {
    // Deployments to environments outside the list are not part of the release at all.
    const listed = new Set(order);
    group = group.filter((deployment) => listed.has(deployment.environment));
    if (group.length === 0) return undefined;
  }
  group.sort(byTimeThenId);
  const first = group[0]!;
  const latestIn = new Map<string, DeploymentData>();
  for (const deployment of group) latestIn.set(deployment.environment, deployment); // sorted: the last one wins
  // Without a list, environments in order of first deployment (a Map keeps insertion order).
  const names = order ? order.filter((name) => latestIn.has(name)) : [...latestIn.keys()];

  const withRepository = group.find((deployment) => deployment.repositoryUrl !== undefined);
  const repo = parseRepositoryUrl(withRepository?.repositoryUrl);
  const product = repository ?? repo?.name;
  if (product === undefined) {
    raise(
      'Cannot tell which repository these deployments belong to',
      `${(withRepository ?? first).path}.repository_url`,
      withRepository?.repositoryUrl,
      'an API URL ending in /repos/{owner}/{repo} (or a url ending in /deployments/{id}), or the repository option',
    );
  }

  const latest = group[group.length - 1]!;
  const sha = groupBy === 'ref' ? latest.sha : key;
  const version = groupBy === 'ref' ? key : versionOf(first);
  const environments = names.map((name, index) => {
    const deployment = latestIn.get(name)!;
    return environmentStep(name, deployment, names[index - 1], product, groupOf(name, `${deployment.path}.environment`));
  });
  const status = aggregateStatus(environments.map((environment) => environment.status));

  let updated = -Infinity;
  let updatedAt: string | undefined;
  for (const deployment of group) {
    for (const entry of [deployment, ...deployment.statuses]) {
      if (entry.time > updated) [updated, updatedAt] = [entry.time, entry.createdAt];
    }
  }
  let finishedAt: string | undefined;
  if (isTerminalStatus(status) && environments.every((environment) => environment.finishedAt !== undefined)) {
    finishedAt = environments.map((environment) => environment.finishedAt!).reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
  }
  const failed = environments.find((environment) => environment.status === status && (status === 'failed' || status === 'error'));

  const ref = groupBy === 'ref' ? key : first.ref;
  const commit: Commit = withoutUndefined({
    sha,
    branch: ref !== undefined && ref !== sha ? ref : undefined,
    repoUrl: repo?.html,
    // Only a real SHA goes into a link (a hostile one could be anything, even a lone surrogate).
    url: repo?.html && /^[0-9a-f]{7,64}$/i.test(sha) ? httpUrl(`${repo.html}/commit/${sha}`) : undefined,
  });
  const release: Release = withoutUndefined({
    id: key,
    product,
    version,
    flow: { name: flow },
    status,
    statusReason: failed?.issues[0]?.message,
    trigger: { kind: 'git-commit' as const, environment: environments[0]!.name, commit },
    initiator: first.creator,
    createdAt: first.createdAt,
    updatedAt,
    finishedAt,
    environments,
    source: { system: 'github' },
  });
  return { release, time: first.time, updated };
}

const FINAL_STATES = new Set(['success', 'failure', 'error']);

function environmentStep(name: string, deployment: DeploymentData, previous: string | undefined, product: string, group: string | undefined): EnvironmentStep {
  const statuses = deployment.statuses;
  const latest = statuses[statuses.length - 1];
  const mapped = latest ? fromGitHubDeploymentState(latest.state) : { status: 'pending' as Status, raw: undefined };
  const status = mapped.status;

  const started = statuses.find((entry) => entry.state === 'in_progress')?.createdAt;
  const startedAt = started ?? (status === 'queued' || status === 'pending' ? undefined : deployment.createdAt);
  const finishedAt = isTerminalStatus(status) ? (findLast(statuses, (entry) => FINAL_STATES.has(entry.state)) ?? latest)?.createdAt : undefined;
  const environmentUrl = findLast(statuses, (entry) => entry.environmentUrl !== undefined)?.environmentUrl;

  const issues: Issue[] = [];
  if ((status === 'failed' || status === 'error') && latest) {
    issues.push(
      withoutUndefined({
        kind: 'application' as const,
        level: 'error' as const,
        message: latest.description ?? `Deployment to ${name} ended in ${latest.state}`,
        application: product,
        at: latest.createdAt,
      }),
    );
  }
  const application: ApplicationState = withoutUndefined({
    name: product,
    version: versionOf(deployment),
    commitSha: deployment.sha,
    sync: 'unknown' as const,
    health: 'unknown' as const,
    promotion: status,
    url: environmentUrl,
  });
  return withoutUndefined({
    name,
    kind: deployment.production === undefined ? undefined : deployment.production ? ('production' as const) : ('non-production' as const),
    group,
    dependsOn: previous === undefined ? [] : [previous],
    status,
    rawStatus: mapped.raw,
    statusText: latest?.description,
    startedAt,
    finishedAt,
    workflows: { trigger: [], preAction: [], postAction: [] },
    applications: [application],
    issues,
  });
}

/** A rule's group: text, numbered groups, named groups. */
type Part = string | number | { name: string };
interface Rule {
  pattern: RegExp;
  parts: Part[];
}

/** The options' rules, checked: every pattern compiles, every reference names a group of its pattern. */
function readRules(options: unknown): Rule[] {
  const o = readOptionalObject(options, '$options');
  return readList(o?.groups, '$options.groups', (value, path) => {
    const rule = readObject(value, path);
    const source = rule.pattern instanceof RegExp ? rule.pattern : typeof rule.pattern === 'string' ? rule.pattern : undefined;
    let pattern: RegExp | undefined;
    try {
      // A copy without `g` and `y`: exec then starts at 0 every time, and the host's RegExp keeps its lastIndex.
      pattern = source === undefined ? undefined : new RegExp(source, source instanceof RegExp ? source.flags.replace(/[gy]/g, '') : '');
    } catch {
      // reported below
    }
    if (pattern === undefined) raise('Not a pattern', `${path}.pattern`, rule.pattern, 'a RegExp, or the source of one');
    const group = rule.group;
    if (typeof group !== 'string') return raise('Unexpected group', `${path}.group`, group, 'a string: the group path');
    // Matching nothing (the empty alternative) tells how many groups, and which names, the pattern has.
    const probe = new RegExp(`${pattern.source}|`, pattern.flags).exec('')!;
    const count = probe.length - 1;
    const missing = () => raise('The group refers to a capture group its pattern does not have', `${path}.group`, group, `text with $1…$${count}, $<name>, $& or $$ for the pattern's groups`);
    const parts: Part[] = [];
    const reference = /\$(\$|&|<([^>]*)>|[1-9]\d?)/g;
    let from = 0;
    for (let match = reference.exec(group); match !== null; match = reference.exec(group)) {
      const [, token, name] = match as unknown as [string, string, string | undefined];
      parts.push(group.slice(from, match.index));
      from = reference.lastIndex;
      if (token === '$') parts.push('$');
      else if (token === '&') parts.push(0);
      else if (name !== undefined) parts.push(Object.prototype.hasOwnProperty.call(probe.groups ?? {}, name) ? { name } : missing());
      else if (Number(token) <= count) parts.push(Number(token));
      else if (Number(token[0]) <= count) parts.push(Number(token[0]), token[1]!);
      else missing();
    }
    parts.push(group.slice(from));
    return { pattern, parts };
  });
}

/** The group of the first rule whose pattern matches the name, else none. */
function groupByRules(rules: readonly Rule[], name: string, path: string): string | undefined {
  for (const { pattern, parts } of rules) {
    const match = pattern.exec(name);
    if (match === null) continue;
    const text = parts.map((part) => (typeof part === 'string' ? part : ((typeof part === 'number' ? match[part] : readOwn(match.groups, part.name)) ?? ''))).join('');
    return groupPath(text, path, name);
  }
  return undefined;
}

function readEnvironmentList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const seen = new Set<string>();
  return readList(value, '$.environments', (item, path) => {
    const name = readString(item, path);
    if (seen.has(name)) raise(`Environment "${name}" is listed twice`, path, item, 'each environment once');
    seen.add(name);
    return name;
  });
}

function readDeployment(value: unknown, path: string, index: number, groupBy: 'sha' | 'ref'): DeploymentData {
  const item = readObject(value, path);
  const id = readId(item.id, `${path}.id`);
  const createdAt = readTime(item.created_at, `${path}.created_at`);
  const creator = readOptionalObject(item.creator, `${path}.creator`);
  const login = creator && readOptionalString(creator.login, `${path}.creator.login`);
  const avatar = creator && readOptionalString(creator.avatar_url, `${path}.creator.avatar_url`);
  return withoutUndefined({
    path,
    index,
    id: id.number,
    key: id.key,
    sha: readString(item.sha, `${path}.sha`),
    ref: groupBy === 'ref' ? readString(item.ref, `${path}.ref`) : readOptionalString(item.ref, `${path}.ref`),
    environment: readString(item.environment, `${path}.environment`),
    createdAt,
    time: Date.parse(createdAt),
    creator: parsePerson(login, avatar),
    // Without `repository_url`, the deployment's own REST `url` names its repository too.
    repositoryUrl:
      readOptionalString(item.repository_url, `${path}.repository_url`) ?? repositoryOfDeploymentUrl(readOptionalString(item.url, `${path}.url`)),
    production: readOptionalBoolean(item.production_environment, `${path}.production_environment`),
    statuses: [],
  });
}

/** Statuses by deployment id, from either the map or the flat list. */
function readStatuses(value: unknown): Map<string, DeploymentStatusData[]> {
  const byDeployment = new Map<string, DeploymentStatusData[]>();
  const add = (id: string, entry: DeploymentStatusData) => {
    const list = byDeployment.get(id);
    if (list) list.push(entry);
    else byDeployment.set(id, [entry]);
  };
  if (Array.isArray(value)) {
    readList(value, '$.statuses', (item, path, index) => {
      const status = readObject(item, path);
      const url = readString(status.deployment_url, `${path}.deployment_url`);
      const match = /\/deployments\/([^/?#]+)\/?$/.exec(url);
      if (!match) raise('A deployment status names no deployment', `${path}.deployment_url`, url, 'a URL ending in /deployments/{id}');
      add(match[1]!, readStatus(status, path, index));
    });
  } else {
    const map = readOptionalObject(value, '$.statuses') ?? {};
    for (const id of Object.keys(map)) {
      const path = `$.statuses[${JSON.stringify(id)}]`;
      readList(map[id], path, (item, itemPath, index) => add(id, readStatus(readObject(item, itemPath), itemPath, index)));
    }
  }
  return byDeployment;
}

function readStatus(status: Json, path: string, index: number): DeploymentStatusData {
  const createdAt = readTime(status.created_at, `${path}.created_at`);
  return withoutUndefined({
    index,
    id: readId(status.id, `${path}.id`).number,
    state: readString(status.state, `${path}.state`),
    createdAt,
    time: Date.parse(createdAt),
    description: readOptionalString(status.description, `${path}.description`),
    environmentUrl: httpUrl(readOptionalString(status.environment_url, `${path}.environment_url`)),
  });
}

/** GitHub ids are integers; a string id is accepted too (and kept as the key). */
function readId(value: unknown, path: string): { number: number | undefined; key: string } {
  if (typeof value === 'number' && Number.isFinite(value)) return { number: value, key: String(value) };
  if (typeof value === 'string' && value !== '') return { number: undefined, key: value };
  raise('Unexpected id', path, value, 'an integer id');
}

/** Oldest first: by time, then by numeric id, then by position in the input. */
function byTimeThenId(a: { time: number; id: number | undefined; index: number }, b: { time: number; id: number | undefined; index: number }): number {
  return a.time - b.time || (a.id !== undefined && b.id !== undefined ? a.id - b.id : 0) || a.index - b.index;
}

function versionOf(deployment: DeploymentData): string | undefined {
  const ref = deployment.ref;
  return ref === undefined || ref === deployment.sha || /^[0-9a-f]{40}$/i.test(ref) ? shortSha(deployment.sha) : ref;
}

/** `…/repos/{owner}/{repo}/deployments/{id}` → `…/repos/{owner}/{repo}`; anything else → `undefined`. */
function repositoryOfDeploymentUrl(url: string | undefined): string | undefined {
  return url === undefined ? undefined : /^(.*\/repos\/[^/?#]+\/[^/?#]+)\/deployments\/[^/?#]+\/?$/.exec(url)?.[1];
}

/** `https://api.github.com/repos/acme/checkout` → name `checkout`, page `https://github.com/acme/checkout`. */
function parseRepositoryUrl(url: string | undefined): { name: string; html?: string } | undefined {
  const match = url === undefined ? null : /^(https?:\/\/[^/?#]+)(\/api\/v3)?\/repos\/([^/?#]+)\/([^/?#]+)\/?$/.exec(url);
  if (!match) return undefined;
  const [, origin, enterprise, owner, name] = match as unknown as [string, string, string | undefined, string, string];
  const html = origin === 'https://api.github.com' ? `https://github.com/${owner}/${name}` : enterprise ? `${origin}/${owner}/${name}` : undefined;
  return { name, html: httpUrl(html) };
}

function findLast<T>(list: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let index = list.length - 1; index >= 0; index -= 1) if (test(list[index]!)) return list[index];
  return undefined;
}

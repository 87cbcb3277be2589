import { ReleaseDataError } from '../adapters/errors';
import { safeHref } from '../model/links';
import { countByStatusGroup, isProblemStatus, STATUSES } from '../model/status';
import type { EnvironmentStep, Release, Status } from '../model/types';

/**
 * Commit statuses carry a promotion's progress back into Git: the commit that started a release
 * (or the commit an environment was promoted to) shows a check whose Details link opens the
 * release. This module only builds the JSON bodies; the host posts them with its own credentials,
 * so nothing here talks to a network.
 */

/** The Git hosts whose commit-status REST APIs are modelled here. */
export type CommitStatusProvider = 'github' | 'gitlab' | 'bitbucket';

export type GitHubCommitState = 'error' | 'failure' | 'pending' | 'success';
export type GitLabCommitState = 'pending' | 'running' | 'success' | 'failed' | 'canceled' | 'skipped';
export type BitbucketCommitState = 'INPROGRESS' | 'SUCCESSFUL' | 'FAILED' | 'STOPPED';

/** Body of GitHub's `POST /repos/{owner}/{repo}/statuses/{sha}`. */
export interface GitHubCommitStatus {
  state: GitHubCommitState;
  target_url: string;
  description: string;
  /** GitHub keeps one status per context and commit: re-posting the same context updates it. */
  context: string;
}

/** Body of GitLab's `POST /projects/:id/statuses/:sha`. */
export interface GitLabCommitStatus {
  state: GitLabCommitState;
  target_url: string;
  description: string;
  /** GitLab's label for the status (it also takes it as `context`). */
  name: string;
}

/** Body of Bitbucket Cloud's `POST /2.0/repositories/{workspace}/{repo_slug}/commit/{commit}/statuses/build`. */
export interface BitbucketCommitStatus {
  state: BitbucketCommitState;
  /** What Bitbucket keeps one status per commit by; at most 40 characters. */
  key: string;
  url: string;
  /** The link text Bitbucket shows. */
  name: string;
  description: string;
}

export interface CommitStatusPayloads {
  github: GitHubCommitStatus;
  gitlab: GitLabCommitStatus;
  bitbucket: BitbucketCommitStatus;
}

export interface CommitStatusOptions<P extends CommitStatusProvider = CommitStatusProvider> {
  provider: P;
  /**
   * Where the status's Details link goes: an absolute `http:` or `https:` URL. A function gets the
   * environment's name for per-environment statuses (and `undefined` for the release's own), so
   * each status can open its environment.
   */
  detailsUrl: string | ((environment?: string) => string);
  /** The status's context (GitHub), name (GitLab) or key (Bitbucket). Default `<contextPrefix>/<product>`. */
  context?: string;
  /** Default `gitops-releases`. */
  contextPrefix?: string;
  /** One status per environment and promoted commit instead of one for the release. */
  perEnvironment?: boolean;
}

export interface CommitStatusResult<P extends CommitStatusProvider = CommitStatusProvider> {
  /** The commit to post the payload to. */
  sha: string;
  /** The environment a per-environment status is about; absent for the release's status. */
  environment?: string;
  /** The library status the payload was made from. */
  status: Status;
  /** Exactly the provider's request body. */
  payload: CommitStatusPayloads[P];
}

/**
 * How each library status reads in each provider's own words. Providers have fewer states, so:
 * waiting and stopping still count as in progress (a person or a pull request is holding the
 * promotion, it has not ended); `terminated` is GitHub's `error` (GitHub has no "cancelled", and
 * `failure` would blame the change); `skipped` is a success where the provider has no "skipped",
 * so a skipped promotion never blocks a merge; `unknown` is pending rather than a failure
 * nobody can explain.
 */
export const COMMIT_STATUS_STATES: {
  readonly [P in CommitStatusProvider]: Readonly<Record<Status, CommitStatusPayloads[P]['state']>>;
} = {
  github: {
    queued: 'pending',
    pending: 'pending',
    running: 'pending',
    suspended: 'pending',
    succeeded: 'success',
    failed: 'failure',
    error: 'error',
    terminating: 'pending',
    terminated: 'error',
    skipped: 'success',
    unknown: 'pending',
  },
  gitlab: {
    queued: 'pending',
    pending: 'pending',
    running: 'running',
    suspended: 'running',
    succeeded: 'success',
    failed: 'failed',
    error: 'failed',
    terminating: 'running',
    terminated: 'canceled',
    skipped: 'skipped',
    unknown: 'pending',
  },
  bitbucket: {
    queued: 'INPROGRESS',
    pending: 'INPROGRESS',
    running: 'INPROGRESS',
    suspended: 'INPROGRESS',
    succeeded: 'SUCCESSFUL',
    failed: 'FAILED',
    error: 'FAILED',
    terminating: 'INPROGRESS',
    terminated: 'STOPPED',
    skipped: 'SUCCESSFUL',
    unknown: 'INPROGRESS',
  },
};

/**
 * The longest description each provider accepts; a longer one is refused (GitHub answers 422),
 * not shortened. Bitbucket documents no limit: 255 is an assumption that keeps it readable.
 */
export const DESCRIPTION_LIMITS: Readonly<Record<CommitStatusProvider, number>> = { github: 140, gitlab: 255, bitbucket: 255 };

/**
 * The longest context (GitHub), name (GitLab) or key (Bitbucket). Bitbucket refuses keys over
 * 40 characters; the other two document no limit, so 255 only guards against runaway names.
 */
export const CONTEXT_LIMITS: Readonly<Record<CommitStatusProvider, number>> = { github: 255, gitlab: 255, bitbucket: 40 };

/** GitLab refuses a `target_url` over 255 characters, so a longer details URL is an error here. */
export const DETAILS_URL_LIMITS: Readonly<Partial<Record<CommitStatusProvider, number>>> = { gitlab: 255 };

/** Bitbucket's `name` (the link text) past 255 characters is refused by its API. */
const NAME_LIMIT = 255;

const WORDS: Readonly<Record<Status, string>> = {
  queued: 'queued',
  pending: 'pending',
  running: 'running',
  suspended: 'waiting',
  succeeded: 'succeeded',
  failed: 'failed',
  error: 'failed with an error',
  terminating: 'terminating',
  terminated: 'terminated',
  skipped: 'skipped',
  unknown: 'status unknown',
};

const UNDER_WAY: ReadonlySet<Status> = new Set<Status>(['running', 'suspended', 'terminating']);
// A SHA-1 or SHA-256 object name, full or abbreviated: anything else would end up in the API's path.
const SHA = /^[0-9a-f]{7,64}$/i;

/**
 * The commit statuses to post for a release, always as an array: one element for the release
 * (on `release.trigger.commit.sha`), or with `perEnvironment` one per environment and distinct
 * `applications[].commitSha` (an environment with no promoted commit yet gives none). Throws
 * `ReleaseDataError` when the release, a SHA or an option cannot make a payload the provider
 * would accept: a rejected request later would be harder to trace than an error here.
 */
export function toCommitStatus<P extends CommitStatusProvider>(release: Release, options: CommitStatusOptions<P>): CommitStatusResult<P>[] {
  if (!isObject(options)) throw new ReleaseDataError('Commit status options must be an object', '$.options', options);
  const { provider } = options;
  if (typeof provider !== 'string' || !Object.hasOwn(COMMIT_STATUS_STATES, provider)) {
    throw new ReleaseDataError('Unknown commit status provider', '$.options.provider', provider);
  }
  if (!isObject(release)) throw new ReleaseDataError('A release must be an object', '$', release);
  if (typeof release.product !== 'string' || release.product.trim() === '') {
    throw new ReleaseDataError('A release needs a product name', '$.product', release.product);
  }
  checkStatus(release.status, '$.status');

  const prefix = nonEmpty(options.contextPrefix) ?? 'gitops-releases';
  const context = clean(nonEmpty(options.context) ?? `${prefix}/${release.product}`);
  const product = clean(release.product);
  const labelFor = (environment?: string) => fitKey(environment === undefined ? context : `${context}/${clean(environment)}`, CONTEXT_LIMITS[provider]);
  const make = (sha: string, status: Status, description: string, environment?: string): CommitStatusResult<P> => {
    const url = detailsHref(options.detailsUrl, provider, environment);
    const title = environment === undefined ? `Promotion of ${product}` : `Promotion of ${product} to ${clean(environment)}`;
    const result: CommitStatusResult<P> = { sha, status, payload: payload(provider, status, description, labelFor(environment), url, title) };
    if (environment !== undefined) result.environment = environment;
    return result;
  };

  if (!options.perEnvironment) {
    const sha = release.trigger?.commit?.sha;
    checkSha(sha, '$.trigger.commit.sha');
    return [make(sha, release.status, releaseDescription(release))];
  }

  const environments: unknown = release.environments;
  if (!Array.isArray(environments)) throw new ReleaseDataError('A release needs a list of environments', '$.environments', environments);
  const results: CommitStatusResult<P>[] = [];
  const seen = new Set<string>();
  environments.forEach((env: unknown, i) => {
    const path = `$.environments[${i}]`;
    if (!isObject(env) || typeof env.name !== 'string' || env.name === '') {
      throw new ReleaseDataError('An environment needs a name', `${path}.name`, isObject(env) ? env.name : env);
    }
    const step = env as unknown as EnvironmentStep;
    checkStatus(step.status, `${path}.status`);
    const applications: unknown = step.applications;
    if (!Array.isArray(applications)) return;
    applications.forEach((app: unknown, j) => {
      const sha = isObject(app) ? app.commitSha : undefined;
      if (sha === undefined || sha === null || sha === '') return;
      checkSha(sha, `${path}.applications[${j}].commitSha`);
      // GitHub and GitLab keep one status per commit and context, Bitbucket per commit and key.
      const id = `${sha.toLowerCase()} ${labelFor(step.name)}`;
      if (seen.has(id)) return;
      seen.add(id);
      results.push(make(sha, step.status, environmentDescription(step), step.name));
    });
  });
  return results;
}

function payload<P extends CommitStatusProvider>(
  provider: P,
  status: Status,
  description: string,
  context: string,
  url: string,
  title: string,
): CommitStatusPayloads[P] {
  const text = truncate(clean(description), DESCRIPTION_LIMITS[provider]);
  const states = COMMIT_STATUS_STATES;
  const body: CommitStatusPayloads[CommitStatusProvider] =
    provider === 'github'
      ? { state: states.github[status], target_url: url, description: text, context }
      : provider === 'gitlab'
        ? { state: states.gitlab[status], target_url: url, description: text, name: context }
        : { state: states.bitbucket[status], key: context, url, name: truncate(title, NAME_LIMIT), description: text };
  return body as CommitStatusPayloads[P];
}

/** "Promotion failed in qa: <reason>", "Promotion running: 2 of 6 environments done". */
function releaseDescription(release: Release): string {
  const environments = (Array.isArray(release.environments) ? release.environments : []).filter(isObject);
  const { status } = release;
  let text = `Promotion ${WORDS[status]}`;
  if (isProblemStatus(status) || status === 'suspended') {
    const where =
      environments.find((env) => env.status === status) ??
      (status === 'error' || status === 'failed' ? environments.find((env) => isProblemStatus(env.status) && env.status !== 'terminated') : undefined);
    if (typeof where?.name === 'string') text += ` in ${where.name}`;
  }
  if (isProblemStatus(status)) {
    const reason = nonEmpty(release.error?.message) ?? nonEmpty(release.statusReason);
    if (reason) text += `: ${reason}`;
  } else if (UNDER_WAY.has(status) && environments.length > 0) {
    const counts = countByStatusGroup(environments);
    text += `: ${counts.succeeded + counts.skipped} of ${counts.total} environment${counts.total === 1 ? '' : 's'} done`;
  }
  return text;
}

/** "qa: Promotion succeeded", "qa: Promotion failed: <first error issue or live status text>". */
function environmentDescription(env: EnvironmentStep): string {
  let text = `${env.name}: Promotion ${WORDS[env.status]}`;
  const issues: unknown = env.issues;
  const issue = Array.isArray(issues) ? issues.find((item) => isObject(item) && item.level === 'error') : undefined;
  const detail = isProblemStatus(env.status)
    ? (nonEmpty(issue?.message) ?? nonEmpty(env.statusText))
    : UNDER_WAY.has(env.status)
      ? nonEmpty(env.statusText)
      : undefined;
  if (detail) text += `: ${detail}`;
  return text;
}

function detailsHref(detailsUrl: CommitStatusOptions['detailsUrl'], provider: CommitStatusProvider, environment?: string): string {
  const value: unknown = typeof detailsUrl === 'function' ? detailsUrl(environment) : detailsUrl;
  const safe = safeHref(value);
  // safeHref also allows mailto:, which is no page to open; credentials would be published in Git.
  const url = safe === undefined ? undefined : new URL(safe);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw new ReleaseDataError('detailsUrl must be an absolute http(s) URL without credentials', '$.options.detailsUrl', value);
  }
  // The parsed form: the URL parser drops tabs and newlines and escapes the rest.
  let href = url.href;
  // Bitbucket expands {repository.full_name}-style templates in the URL; a brace here is literal.
  if (provider === 'bitbucket') href = href.replace(/[{}]/g, (brace) => (brace === '{' ? '%7B' : '%7D'));
  const limit = DETAILS_URL_LIMITS[provider];
  if (limit !== undefined && href.length > limit) {
    throw new ReleaseDataError(`detailsUrl is longer than ${provider} accepts (${limit} characters)`, '$.options.detailsUrl', value);
  }
  return href;
}

// Unpaired surrogates (which APIs reject as invalid UTF-8), control characters and bidi controls:
// the text comes from source systems and ends up in someone else's UI.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const INVISIBLE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gu;

/** Untrusted text on one line: no control characters, no newlines, no doubled spaces. */
function clean(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd').replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Shortens with an ellipsis to `limit` UTF-16 code units. The APIs count characters (code
 * points), which are never more than code units, so this is within every limit; a surrogate pair
 * is never split.
 */
function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return `${withoutHalfPair(text.slice(0, limit - 1)).trimEnd()}…`;
}

/**
 * A context or key within `limit`: a long one keeps its start and gains a hash of the whole, so
 * two long contexts that share a start still differ (a key that collides overwrites the other
 * status), and the same context always gives the same key (so updates replace, not add).
 */
function fitKey(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return `${withoutHalfPair(text.slice(0, limit - 9))}-${fnv1a(text).toString(16).padStart(8, '0')}`;
}

function withoutHalfPair(text: string): string {
  return /[\ud800-\udbff]$/.test(text) ? text.slice(0, -1) : text;
}

/** 32-bit FNV-1a: tiny, deterministic, and enough to tell keys apart. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function checkStatus(status: unknown, path: string): asserts status is Status {
  if (!STATUSES.includes(status as Status)) throw new ReleaseDataError('Not a status of the library', path, status);
}

function checkSha(sha: unknown, path: string): asserts sha is string {
  if (typeof sha !== 'string' || !SHA.test(sha)) throw new ReleaseDataError('A commit status needs a commit SHA', path, sha);
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

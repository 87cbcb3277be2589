import { fromHealthStatus, fromSyncStatus, type MappedStatus } from '../model/source-status';
import type { ApplicationState, EnvironmentStep, HealthStatus, Issue, Release, Status, SyncStatus } from '../model/types';
import { isObject, raise, readList, readObject, readOptionalObject, readOptionalString, readOptionalTime, readString } from './read';

/**
 * Live Argo CD Applications (`argoproj.io/v1alpha1` `Application`, as `kubectl get applications
 * -o json` or Argo CD's `GET /api/v1/applications` return them) laid over a release's
 * environments. The interface names the fields of Argo CD's `pkg/apis/application/v1alpha1`
 * types that are read; every other field is accepted and ignored. Everything is checked at run
 * time: bad data raises `ReleaseDataError` with its JSON path, never anything else.
 */

/** Argo CD's `SyncStatusCode`. */
export type ArgoCdSyncStatusCode = 'Synced' | 'OutOfSync' | 'Unknown';
/** gitops-engine's `HealthStatusCode`. */
export type ArgoCdHealthStatusCode = 'Healthy' | 'Progressing' | 'Degraded' | 'Suspended' | 'Missing' | 'Unknown';
/** gitops-engine's `OperationPhase`. */
export type ArgoCdOperationPhase = 'Running' | 'Terminating' | 'Failed' | 'Error' | 'Succeeded';

export interface ArgoCdApplication {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    /** Where the Application resource lives (`argocd`, or any namespace with apps-in-any-namespace). */
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: {
    destination?: { server?: string; name?: string; namespace?: string };
  };
  status?: {
    sync?: { status?: ArgoCdSyncStatusCode | (string & {}); revision?: string; revisions?: string[] };
    health?: { status?: ArgoCdHealthStatusCode | (string & {}); message?: string; lastTransitionTime?: string };
    summary?: { images?: string[]; externalURLs?: string[] };
    operationState?: {
      phase?: ArgoCdOperationPhase | (string & {});
      message?: string;
      startedAt?: string;
      finishedAt?: string;
      syncResult?: { revision?: string; revisions?: string[] };
    };
  };
}

/** `kubectl get applications -o json` and `GET /api/v1/applications` wrap the list. */
export interface ArgoCdApplicationList {
  items: readonly ArgoCdApplication[] | null;
}

/**
 * The callbacks get each Application as received, once its fields have been checked (so
 * `metadata.name` is a string; labels and annotations are not checked). What they throw is thrown.
 */
export interface ArgoCdOverlayOptions {
  /**
   * The environment an Application belongs to (e.g. from a label), or `undefined` for none. When
   * given, an Application only matches applications of that environment, and namespaces are not
   * compared.
   */
  environmentOf?: (application: ArgoCdApplication) => string | undefined;
  /** The application name an Application stands for; default `metadata.name`. */
  applicationOf?: (application: ArgoCdApplication) => string | undefined;
  /**
   * With `environmentOf`: an Application whose environment is in the release but that matches no
   * application there is added to it. Without this (or without `environmentOf`) it is ignored.
   * @default false
   */
  addUnmatched?: boolean;
}

interface LiveApplication {
  name: string | undefined;
  environment: string | undefined;
  namespaces: string[];
  namespace: string | undefined;
  sync?: MappedStatus<SyncStatus>;
  health?: MappedStatus<HealthStatus>;
  healthMessage?: string;
  healthAt?: string;
  revision?: string;
  version?: string;
  phase?: string;
  operationMessage?: string;
  operationAt?: string;
}

/** Operation phases that say how a promotion is going; `Succeeded` says nothing about this release. */
const PROMOTION = new Map<string, Status>([
  ['Running', 'running'],
  ['Terminating', 'terminating'],
  ['Failed', 'failed'],
  ['Error', 'error'],
]);

/**
 * A copy of `release` with live Argo CD state on its applications (the input is not changed).
 *
 * Matching: an Application matches an environment's application when its name (`applicationOf`,
 * default `metadata.name`) is the application's name and, when the application has a
 * `namespace`, that namespace is the Application's `metadata.namespace` or
 * `spec.destination.namespace`. With `environmentOf`, the environment must be the one it returns
 * instead. The first matching Application in list order wins; Applications matching nothing are
 * ignored unless `addUnmatched` (see the options).
 *
 * Live values win: each field the Application reports replaces the release's value, and fields it
 * does not report leave the release's value alone.
 * - `sync`/`rawSync` from `status.sync.status`, `health`/`rawHealth` from `status.health.status`,
 *   mapped by `fromSyncStatus` / `fromHealthStatus` (unknown words become `unknown`, kept raw).
 *   While an operation is `Running`, `sync` is `syncing` (Argo CD's own UI says "Syncing").
 * - `commitSha` from `status.sync.revision` (else the first of `revisions`, else the operation's
 *   `syncResult.revision`).
 * - `version` from the tag of the image in `status.summary.images` whose repository ends in the
 *   application's name, else the first image with a tag.
 * - `promotion` from `status.operationState.phase` when it is `Running`, `Terminating`, `Failed`
 *   or `Error`.
 * - An error issue (kind `application`) for `Degraded` health (with the health message) and for a
 *   `Failed` or `Error` operation (with the operation message), unless the same issue is there.
 *
 * Environment statuses are not changed: they are the release's record of the promotion.
 */
export function withArgoCdApplications(
  release: Release,
  applications: readonly ArgoCdApplication[] | ArgoCdApplicationList,
  options: ArgoCdOverlayOptions = {},
): Release {
  const { environmentOf, addUnmatched = false } = options;
  const live = readApplications(applications).map((raw, index) => readApplication(raw, `${listPath(applications)}[${index}]`, options));
  const byName = new Map<string, LiveApplication[]>();
  for (const application of live) {
    if (application.name === undefined) continue;
    const list = byName.get(application.name);
    if (list) list.push(application);
    else byName.set(application.name, [application]);
  }

  const environments = release.environments.map((environment): EnvironmentStep => {
    const used = new Set<LiveApplication>();
    const issues: Issue[] = [...environment.issues];
    const addIssues = (application: LiveApplication, name: string) => {
      for (const issue of issuesOf(application, name)) {
        if (!issues.some((known) => known.kind === issue.kind && known.application === issue.application && known.message === issue.message)) issues.push(issue);
      }
    };
    const states = environment.applications.map((state) => {
      const match = byName.get(state.name)?.find((application) => matches(application, environment.name, state, environmentOf !== undefined));
      if (!match) return state;
      used.add(match);
      addIssues(match, state.name);
      return overlay(state, match);
    });
    if (environmentOf && addUnmatched) {
      for (const application of live) {
        if (application.environment !== environment.name || application.name === undefined || used.has(application)) continue;
        if (states.some((state) => state.name === application.name)) continue;
        used.add(application);
        addIssues(application, application.name);
        states.push(overlay({ name: application.name, namespace: application.namespace, sync: 'unknown', health: 'unknown' }, application));
      }
    }
    return { ...environment, applications: states, issues };
  });
  return { ...release, environments };
}

function matches(application: LiveApplication, environment: string, state: ApplicationState, byEnvironment: boolean): boolean {
  if (byEnvironment) return application.environment === environment;
  return state.namespace === undefined || application.namespaces.includes(state.namespace);
}

function overlay(state: ApplicationState, live: LiveApplication): ApplicationState {
  const next: ApplicationState = { ...state };
  if (live.sync) [next.sync, next.rawSync] = [live.sync.status, live.sync.raw];
  if (live.phase === 'Running') next.sync = 'syncing';
  if (live.health) [next.health, next.rawHealth] = [live.health.status, live.health.raw];
  if (live.revision !== undefined) next.commitSha = live.revision;
  if (live.version !== undefined) next.version = live.version;
  const promotion = live.phase === undefined ? undefined : PROMOTION.get(live.phase);
  if (promotion) next.promotion = promotion;
  if (next.namespace === undefined) delete next.namespace;
  return next;
}

function issuesOf(live: LiveApplication, name: string): Issue[] {
  const issues: Issue[] = [];
  if (live.health?.status === 'degraded') {
    issues.push(issue(live.healthMessage ?? `${name} is Degraded`, name, live.healthAt));
  }
  if (live.phase === 'Failed' || live.phase === 'Error') {
    issues.push(issue(live.operationMessage ?? `Sync operation ended in ${live.phase}`, name, live.operationAt));
  }
  return issues;
}

function issue(message: string, application: string, at: string | undefined): Issue {
  const result: Issue = { kind: 'application', level: 'error', message, application };
  if (at !== undefined) result.at = at;
  return result;
}

function listPath(applications: unknown): string {
  return isObject(applications) ? '$.applications.items' : '$.applications';
}

function readApplications(applications: unknown): unknown[] {
  if (applications === undefined || applications === null) return [];
  // Read item by item: a hole in the list is a missing Application, not one to skip.
  if (Array.isArray(applications)) return readList(applications, '$.applications', (value) => value);
  if (isObject(applications)) return readList(applications.items, '$.applications.items', (value) => value);
  raise('Unexpected Argo CD applications', '$.applications', applications, 'a list of Argo CD Applications or an ApplicationList');
}

function readApplication(value: unknown, path: string, options: ArgoCdOverlayOptions): LiveApplication {
  const application = readObject(value, path);
  const metadata = readObject(application.metadata, `${path}.metadata`);
  const metadataName = readString(metadata.name, `${path}.metadata.name`);
  const metadataNamespace = readOptionalString(metadata.namespace, `${path}.metadata.namespace`);
  const spec = readOptionalObject(application.spec, `${path}.spec`);
  const destination = readOptionalObject(spec?.destination, `${path}.spec.destination`);
  const destinationNamespace = readOptionalString(destination?.namespace, `${path}.spec.destination.namespace`);

  const status = readOptionalObject(application.status, `${path}.status`);
  const sync = readOptionalObject(status?.sync, `${path}.status.sync`);
  const syncStatus = readOptionalString(sync?.status, `${path}.status.sync.status`);
  const revisions = readList(sync?.revisions, `${path}.status.sync.revisions`, readOptionalString);
  const health = readOptionalObject(status?.health, `${path}.status.health`);
  const healthStatus = readOptionalString(health?.status, `${path}.status.health.status`);
  const summary = readOptionalObject(status?.summary, `${path}.status.summary`);
  const images = readList(summary?.images, `${path}.status.summary.images`, readString);
  const operation = readOptionalObject(status?.operationState, `${path}.status.operationState`);
  const syncResult = readOptionalObject(operation?.syncResult, `${path}.status.operationState.syncResult`);
  const startedAt = readOptionalTime(operation?.startedAt, `${path}.status.operationState.startedAt`);
  const finishedAt = readOptionalTime(operation?.finishedAt, `${path}.status.operationState.finishedAt`);

  const raw = application as unknown as ArgoCdApplication;
  const name = nameOf(options.applicationOf ? options.applicationOf(raw) : metadataName);
  return {
    name,
    environment: options.environmentOf ? nameOf(options.environmentOf(raw)) : undefined,
    namespaces: [metadataNamespace, destinationNamespace].filter((namespace): namespace is string => namespace !== undefined),
    namespace: destinationNamespace ?? metadataNamespace,
    sync: syncStatus === undefined ? undefined : fromSyncStatus(syncStatus),
    health: healthStatus === undefined ? undefined : fromHealthStatus(healthStatus),
    healthMessage: readOptionalString(health?.message, `${path}.status.health.message`),
    healthAt: readOptionalTime(health?.lastTransitionTime, `${path}.status.health.lastTransitionTime`),
    revision:
      readOptionalString(sync?.revision, `${path}.status.sync.revision`) ??
      revisions.find((revision) => revision !== undefined) ??
      readOptionalString(syncResult?.revision, `${path}.status.operationState.syncResult.revision`),
    version: imageVersion(images, name ?? metadataName),
    phase: readOptionalString(operation?.phase, `${path}.status.operationState.phase`),
    operationMessage: readOptionalString(operation?.message, `${path}.status.operationState.message`),
    operationAt: finishedAt ?? startedAt,
  };
}

/** The tag of the image named like the application, else of the first image with a tag. */
function imageVersion(images: readonly string[], name: string): string | undefined {
  const parsed = images.map((image) => {
    const reference = image.split('@')[0]!;
    const colon = reference.lastIndexOf(':');
    const tagged = colon > reference.lastIndexOf('/');
    return { repository: tagged ? reference.slice(0, colon) : reference, tag: tagged ? reference.slice(colon + 1) || undefined : undefined };
  });
  const named = parsed.find((image) => image.tag !== undefined && image.repository.split('/').pop() === name);
  return (named ?? parsed.find((image) => image.tag !== undefined))?.tag;
}

function nameOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

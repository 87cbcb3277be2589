import { fromHealthStatus, fromSyncStatus, type MappedStatus } from '../model/source-status';
import type { ApplicationState, EnvironmentStep, HealthStatus, Issue, Release, Status, SyncStatus } from '../model/types';
import type { Json } from './read';
import {
  groupPath,
  isObject,
  keyPath,
  raise,
  readGroupPath,
  readList,
  readObject,
  readOptionalObject,
  readOptionalString,
  readOptionalTime,
  readOwn,
  readString,
} from './read';

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
    /** An Application made by an ApplicationSet names it here (`kind: ApplicationSet`). */
    ownerReferences?: Array<{ apiVersion?: string; kind: string; name: string; uid?: string; controller?: boolean }>;
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

/** `ApplicationMatchExpression`: a condition on an Application's label. */
export interface ArgoCdMatchExpression {
  key?: string;
  /** `In` and `NotIn` are the operators Argo CD knows; see `withArgoCdApplications` for any other. */
  operator?: 'In' | 'NotIn' | (string & {});
  values?: string[] | null;
}

/** `ApplicationSetRolloutStep`: the Applications its expressions all select sync together. */
export interface ArgoCdRollingSyncStep {
  matchExpressions?: ArgoCdMatchExpression[] | null;
  maxUpdate?: number | string | null;
}

/** `ApplicationSet` (applicationset_types.go): the fields read for the RollingSync steps. */
export interface ArgoCdApplicationSet {
  apiVersion?: string;
  kind?: string;
  metadata: { name: string; namespace?: string };
  spec: {
    strategy?: {
      /** `AllAtOnce` (the default) or `RollingSync`. */
      type?: 'AllAtOnce' | 'RollingSync' | (string & {});
      rollingSync?: { steps?: ArgoCdRollingSyncStep[] | null } | null;
    } | null;
  };
}

/** `kubectl get applicationsets -o json` and `GET /api/v1/applicationsets` wrap the list. */
export interface ArgoCdApplicationSetList {
  items: readonly ArgoCdApplicationSet[] | null;
}

/** A cluster as Argo CD's `GET /api/v1/clusters` lists it (`Cluster`): the fields read. */
export interface ArgoCdCluster {
  server?: string;
  name?: string;
  /** The labels of the cluster's Secret. */
  labels?: Record<string, string> | null;
}

/**
 * A cluster Secret (labelled `argocd.argoproj.io/secret-type: cluster`, as
 * `kubectl get secrets -o json` returns it): `data.name` and `data.server` are base64.
 */
export interface ArgoCdClusterSecret {
  apiVersion?: string;
  kind?: 'Secret';
  metadata: { name?: string; namespace?: string; labels?: Record<string, string> | null };
  data?: { name?: string; server?: string } | null;
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
  /**
   * ApplicationSets (a list or an `ApplicationSetList`) whose RollingSync steps group the
   * environments: see `withArgoCdApplications`.
   * @default []
   */
  applicationSets?: readonly ArgoCdApplicationSet[] | ArgoCdApplicationSetList | null;
  /**
   * Argo CD's clusters, as its API lists them (`Cluster`) or as their Secrets, in a list or a
   * `…List`: read only with `clusterLabel`.
   * @default []
   */
  clusters?: readonly (ArgoCdCluster | ArgoCdClusterSecret)[] | { items: readonly (ArgoCdCluster | ArgoCdClusterSecret)[] | null } | null;
  /**
   * A label of the clusters (e.g. `region`) whose value is the last level of an environment's
   * group, under its RollingSync step when it has one (`wave-2/eu-west`).
   * @default undefined (no cluster level)
   */
  clusterLabel?: string;
}

interface LiveApplication {
  name: string | undefined;
  group: string | undefined;
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
 *
 * Groups: an environment's `group` comes from the first of its Applications (in the order of its
 * applications, then those `addUnmatched` adds) that has one, and replaces the release's; with
 * none, the release's stays. An Application's group is its RollingSync step, then its cluster's
 * `clusterLabel` value (`early/eu-west`; either alone when the other is missing):
 * - The step: of the ApplicationSet (`applicationSets`) that the Application's
 *   `metadata.ownerReferences` names (`kind: ApplicationSet`, same namespace when both have one),
 *   when its `spec.strategy.type` is `RollingSync` with at least one step, as Argo CD's
 *   progressive sync decides it: the first step all of whose `matchExpressions` hold on the
 *   Application's labels (none: every Application). `In` holds when the label is one of `values`,
 *   `NotIn` when it is none of them or the label is missing; any other operator (`Exists` is not
 *   Argo CD's) fails when the label is there and holds when it is missing, and `In` fails when
 *   the label is missing. An Application no step selects (Argo CD leaves it to a manual sync) has
 *   no step. A step is named by the value of its one `In` expression when it has exactly one
 *   with exactly one value (trimmed; not blank, no `/`), else `step-<n>` (1-based, as the
 *   ApplicationSet's `status.applicationStatus[].step`); when two steps would share a name, all
 *   are named by number. Steps of one name in several ApplicationSets are one group.
 * - The cluster: the one whose `server` is the Application's `spec.destination.server` (trailing
 *   `/` aside) or whose `name` is its `spec.destination.name`; its label value is trimmed, a blank
 *   one is none.
 * A step and a label make a path of at most 3 levels: a label that is not a string, has an empty
 * level, or makes more than 3 levels raises `ReleaseDataError` at the label (so does any bad field
 * of the ApplicationSets and clusters read, at `$options.…`).
 */
export function withArgoCdApplications(
  release: Release,
  applications: readonly ArgoCdApplication[] | ArgoCdApplicationList,
  options: ArgoCdOverlayOptions = {},
): Release {
  const { environmentOf, addUnmatched = false } = options;
  const fleet = readFleet(options);
  const live = readApplications(applications).map((raw, index) => readApplication(raw, `${listPath(applications)}[${index}]`, options, fleet));
  const byName = new Map<string, LiveApplication[]>();
  for (const application of live) {
    if (application.name === undefined) continue;
    const list = byName.get(application.name);
    if (list) list.push(application);
    else byName.set(application.name, [application]);
  }

  const environments = release.environments.map((environment): EnvironmentStep => {
    const used = new Set<LiveApplication>();
    let group: string | undefined;
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
      group ??= match.group;
      addIssues(match, state.name);
      return overlay(state, match);
    });
    if (environmentOf && addUnmatched) {
      for (const application of live) {
        if (application.environment !== environment.name || application.name === undefined || used.has(application)) continue;
        if (states.some((state) => state.name === application.name)) continue;
        used.add(application);
        group ??= application.group;
        addIssues(application, application.name);
        states.push(overlay({ name: application.name, namespace: application.namespace, sync: 'unknown', health: 'unknown' }, application));
      }
    }
    return group === undefined ? { ...environment, applications: states, issues } : { ...environment, group, applications: states, issues };
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

function listPath(applications: unknown, path = '$.applications'): string {
  return isObject(applications) ? `${path}.items` : path;
}

/** A list, or a Kubernetes `…List` of it: its items, read item by item (a hole is a missing item, not one to skip). */
function readItems(value: unknown, path: string, expected: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value) || isObject(value)) return readList(Array.isArray(value) ? value : value.items, listPath(value, path), (item) => item);
  return raise('Unexpected Argo CD objects', path, value, expected);
}

const readApplications = (applications: unknown) => readItems(applications, '$.applications', 'a list of Argo CD Applications or an ApplicationList');

interface RollingSync {
  name: string;
  namespace: string | undefined;
  steps: Array<{ name: string; expressions: Array<{ key: string; operator: string; values: string[] }> }>;
}

/** A cluster's `clusterLabel` value: trimmed (`undefined` when blank), and where it is. */
interface ClusterLabel {
  label: string | undefined;
  path: string;
  value: unknown;
}

interface Fleet {
  sets: RollingSync[];
  /** Clusters by `server:<url>` and `name:<name>`. */
  clusters: Map<string, ClusterLabel>;
}

const anyString = (value: unknown, path: string): string => (typeof value === 'string' ? value : raise('Unexpected value', path, value, 'a string'));
const trimEnd = (server: string | undefined) => server?.replace(/\/+$/, '');

function readFleet(options: ArgoCdOverlayOptions): Fleet {
  const o = readOptionalObject(options, '$options') ?? {};
  const sets = readItems(o.applicationSets, '$options.applicationSets', 'a list of ApplicationSets or an ApplicationSetList').map((value, index) =>
    readApplicationSet(value, `${listPath(o.applicationSets, '$options.applicationSets')}[${index}]`),
  );
  const clusterLabel = readOptionalString(o.clusterLabel, '$options.clusterLabel');
  const clusters = new Map<string, ClusterLabel>();
  if (clusterLabel !== undefined) {
    const path = listPath(o.clusters, '$options.clusters');
    readItems(o.clusters, '$options.clusters', 'a list of clusters or cluster Secrets').forEach((value, index) => {
      const at = `${path}[${index}]`;
      const cluster = readObject(value, at);
      // A Secret has metadata and base64 data; the API's Cluster has neither.
      const secret = isObject(cluster.metadata);
      const data = secret ? readOptionalObject(cluster.data, `${at}.data`) : cluster;
      const text = (key: string) => (secret ? fromBase64 : readOptionalString)(data?.[key], `${at}${secret ? '.data' : ''}.${key}`);
      const labelsAt = `${at}${secret ? '.metadata' : ''}.labels`;
      const labels = readOptionalObject(secret ? (cluster.metadata as Json).labels : cluster.labels, labelsAt);
      const labelPath = keyPath(labelsAt, clusterLabel);
      const labelValue = readOwn(labels, clusterLabel);
      const entry = { label: readGroupPath(labelValue, labelPath), path: labelPath, value: labelValue };
      for (const [prefix, found] of [['name:', text('name')], ['server:', trimEnd(text('server'))]]) {
        if (found !== undefined && !clusters.has(prefix + found)) clusters.set(prefix + found, entry);
      }
    });
  }
  return { sets: sets.filter((set) => set !== undefined), clusters };
}

/** A Secret's data value, base64 of UTF-8 text. */
function fromBase64(value: unknown, path: string): string | undefined {
  const text = readOptionalString(value, path);
  try {
    return text === undefined ? undefined : new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
  } catch {
    return raise('Not base64 of UTF-8 text', path, value, 'base64, as a Secret holds its data');
  }
}

function readApplicationSet(value: unknown, path: string): RollingSync | undefined {
  const set = readObject(value, path);
  const meta = readObject(set.metadata, `${path}.metadata`);
  const name = readString(meta.name, `${path}.metadata.name`);
  const namespace = readOptionalString(meta.namespace, `${path}.metadata.namespace`);
  const strategy = readOptionalObject(readOptionalObject(set.spec, `${path}.spec`)?.strategy, `${path}.spec.strategy`);
  const at = `${path}.spec.strategy.rollingSync`;
  // As Argo CD: steps only for the RollingSync type, with a rollingSync of at least one step.
  if (readOptionalString(strategy?.type, `${path}.spec.strategy.type`) !== 'RollingSync') return undefined;
  const rolling = readOptionalObject(strategy!.rollingSync, at);
  const steps = readList(rolling?.steps, `${at}.steps`, (step, stepPath) =>
    readList(readObject(step, stepPath).matchExpressions, `${stepPath}.matchExpressions`, (item, itemPath) => {
      const expression = readObject(item, itemPath);
      return {
        key: readOptionalString(expression.key, `${itemPath}.key`) ?? '',
        operator: readOptionalString(expression.operator, `${itemPath}.operator`) ?? '',
        values: readList(expression.values, `${itemPath}.values`, anyString),
      };
    }),
  );
  const named = steps.map((expressions, index) => {
    const ins = expressions.filter((expression) => expression.operator === 'In');
    const value = ins.length === 1 && ins[0]!.values.length === 1 ? ins[0]!.values[0]!.trim() : '';
    return value !== '' && !value.includes('/') ? value : `step-${index + 1}`;
  });
  const unique = new Set(named).size === named.length;
  return steps.length === 0 ? undefined : { name, namespace, steps: steps.map((expressions, index) => ({ name: unique ? named[index]! : `step-${index + 1}`, expressions })) };
}

/** The Application's RollingSync step, then its cluster's label: its group. */
function applicationGroup(metadata: Json, path: string, destination: Json | undefined, namespace: string | undefined, fleet: Fleet): string | undefined {
  let step: string | undefined;
  if (fleet.sets.length > 0) {
    const owners = readList(metadata.ownerReferences, `${path}.metadata.ownerReferences`, (value, at) => {
      const reference = readObject(value, at);
      return readOptionalString(reference.kind, `${at}.kind`) === 'ApplicationSet' ? readString(reference.name, `${at}.name`) : undefined;
    });
    const set = fleet.sets.find((candidate) => owners.includes(candidate.name) && (candidate.namespace === undefined || namespace === undefined || candidate.namespace === namespace));
    if (set) {
      const labels = readOptionalObject(metadata.labels, `${path}.metadata.labels`);
      const label = (key: string) => {
        const value = readOwn(labels, key);
        return value === undefined ? undefined : anyString(value, keyPath(`${path}.metadata.labels`, key));
      };
      step = set.steps.find(({ expressions }) =>
        expressions.every(({ key, operator, values }) => {
          const value = label(key);
          if (value === undefined) return operator !== 'In';
          return operator === 'In' ? values.includes(value) : operator === 'NotIn' && !values.includes(value);
        }),
      )?.name;
    }
  }
  const server = trimEnd(readOptionalString(destination?.server, `${path}.spec.destination.server`));
  const clusterName = readOptionalString(destination?.name, `${path}.spec.destination.name`);
  const cluster = (server === undefined ? undefined : fleet.clusters.get(`server:${server}`)) ?? (clusterName === undefined ? undefined : fleet.clusters.get(`name:${clusterName}`));
  if (cluster?.label === undefined) return step;
  return groupPath(step === undefined ? cluster.label : `${step}/${cluster.label}`, cluster.path, cluster.value);
}

function readApplication(value: unknown, path: string, options: ArgoCdOverlayOptions, fleet: Fleet): LiveApplication {
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
    group: applicationGroup(metadata, path, destination, metadataNamespace, fleet),
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

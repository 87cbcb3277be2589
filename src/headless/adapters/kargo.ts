import { topologicalOrder } from '../graph/validate';
import { safeHref, shortSha } from '../model/links';
import { fromHealthStatus, fromKargoHealthState, fromKargoPromotionPhase, fromSyncStatus } from '../model/source-status';
import { aggregateStatus, isProblemStatus, isTerminalStatus } from '../model/status';
import type { ApplicationState, Commit, EnvironmentStep, Issue, Person, Release, ReleaseImage, Status } from '../model/types';
import { isReleaseDataError, ReleaseDataError } from './errors';
import {
  isObject,
  readList,
  readObject,
  readOptionalObject,
  readOptionalString,
  readOptionalTime,
  readString,
  type Json,
} from './read';

/*
 * Kargo (akuity/kargo, `api/v1alpha1`) as JSON: the fields this adapter reads, with Kargo's names
 * and JSON tags. Kubernetes objects carry many more fields; they are allowed and ignored.
 */

/** `metav1.ObjectMeta`: the fields read here. */
export interface KargoObjectMeta {
  name?: string;
  namespace?: string;
  creationTimestamp?: string;
  labels?: Record<string, string> | null;
  annotations?: Record<string, string> | null;
}

/** `FreightOrigin` (stage_types.go). `FreightOriginKind` has one value today: `Warehouse`. */
export interface KargoFreightOrigin {
  kind: 'Warehouse' | (string & {});
  name: string;
}

/** `FreightRequest` and `FreightSources` (stage_types.go). */
export interface KargoFreightRequest {
  origin: KargoFreightOrigin;
  sources: {
    direct?: boolean;
    stages?: string[] | null;
    requiredSoakTime?: string;
    /** `FreightAvailabilityStrategy`: `All`, `OneOf` or `""` (= OneOf). Not modelled: see `fromKargo`. */
    availabilityStrategy?: 'All' | 'OneOf' | '' | (string & {});
  };
}

/** `HealthState` (stage_types.go). */
export type KargoHealthState = 'Healthy' | 'Unhealthy' | 'Progressing' | 'Unknown' | 'NotApplicable';

/** `Stage` with `StageSpec`, `StageStatus`, `Health`, `FreightCollection` (stage_types.go). */
export interface KargoStage {
  metadata: KargoObjectMeta;
  spec: { requestedFreight: KargoFreightRequest[] };
  status?: {
    health?: { status?: KargoHealthState | (string & {}); issues?: string[] | null; output?: unknown } | null;
    /** Newest first; `items` is keyed by the origin as `Kind/name`. */
    freightHistory?: Array<{ id?: string; items?: Record<string, { name?: string; origin?: KargoFreightOrigin }> | null }> | null;
  } | null;
}

/** `PromotionPhase` (promotion_types.go). */
export type KargoPromotionPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Errored' | 'Aborted';

/** `Promotion` with `PromotionSpec` and `PromotionStatus` (promotion_types.go). */
export interface KargoPromotion {
  metadata?: KargoObjectMeta | null;
  spec: { stage: string; freight?: string };
  status?: {
    phase?: KargoPromotionPhase | (string & {});
    message?: string;
    startedAt?: string | null;
    finishedAt?: string | null;
  } | null;
}

/** `Freight` with `GitCommit`, `Image`, `Chart`, `FreightStatus` (freight_types.go, stage_types.go). */
export interface KargoFreight {
  metadata: KargoObjectMeta;
  alias?: string;
  discoveredAt?: string | null;
  origin: KargoFreightOrigin;
  commits?: Array<{ repoURL?: string; id?: string; branch?: string; tag?: string; message?: string; author?: string; committer?: string }> | null;
  images?: Array<{ repoURL?: string; tag?: string; digest?: string }> | null;
  charts?: Array<{ repoURL?: string; name?: string; version?: string }> | null;
  status?: {
    currentlyIn?: Record<string, { since?: string | null }> | null;
    verifiedIn?: Record<string, { verifiedAt?: string | null }> | null;
  } | null;
}

/** `Warehouse` (warehouse_types.go): only its metadata is read. */
export interface KargoWarehouse {
  metadata: KargoObjectMeta;
}

export interface KargoInput {
  /** The project's Stages; those that do not request this Freight's origin are left out. */
  stages: readonly KargoStage[];
  /** Promotions; only those of this Freight (`spec.freight`) count. */
  promotions?: readonly KargoPromotion[] | null;
  /** The one Freight whose journey the release is. */
  freight: KargoFreight;
  /** The Freight's origin Warehouse, when the host has it. */
  warehouse?: KargoWarehouse | null;
}

/** `AnnotationKeyCreateActor` (annotations.go). */
const CREATE_ACTOR = 'kargo.akuity.io/create-actor';
/** `LabelKeyAlias` (labels.go). */
const ALIAS_LABEL = 'kargo.akuity.io/alias';

const own = (object: Json | undefined, key: string): unknown =>
  object !== undefined && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;

const key = (path: string, name: string) => `${path}[${JSON.stringify(name)}]`;

const time = (value: string | undefined): number => (value === undefined ? -Infinity : Date.parse(value));

/** Drops `undefined` properties, so the model serialises and compares cleanly. */
function defined<T extends object>(object: T): T {
  for (const name of Object.keys(object) as Array<keyof T>) if (object[name] === undefined) delete object[name];
  return object;
}

interface Origin {
  kind: string;
  name: string;
}

function readOrigin(value: unknown, path: string): Origin {
  const origin = readObject(value, path);
  return { kind: readString(origin.kind, `${path}.kind`), name: readString(origin.name, `${path}.name`) };
}

interface Meta {
  name: string | undefined;
  namespace: string | undefined;
  created: string | undefined;
  labels: Json | undefined;
  annotations: Json | undefined;
}

function readMeta(value: unknown, path: string, required: boolean): Meta {
  const meta = required ? readObject(value, path) : (readOptionalObject(value, path) ?? {});
  return {
    name: required ? readString(meta.name, `${path}.name`) : readOptionalString(meta.name, `${path}.name`),
    namespace: readOptionalString(meta.namespace, `${path}.namespace`),
    created: readOptionalTime(meta.creationTimestamp, `${path}.creationTimestamp`),
    labels: readOptionalObject(meta.labels, `${path}.labels`),
    annotations: readOptionalObject(meta.annotations, `${path}.annotations`),
  };
}

/** Kargo writes a Git author as `Name <email>`. */
function person(text: string | undefined): Person | undefined {
  if (text === undefined) return undefined;
  const open = text.lastIndexOf('<');
  if (open < 0 || !text.endsWith('>')) return { name: text.trim() || text };
  const email = text.slice(open + 1, -1).trim();
  const name = text.slice(0, open).trim();
  return defined({ name: name || email || text, email: email || undefined });
}

/** A create-actor annotation: `admin`, `email:…`, `subject:…`, `kubernetes:…`, `controller:…`. */
function actor(text: string | undefined): Person | undefined {
  if (text === undefined) return undefined;
  if (text.startsWith('email:') && text.length > 6) return { name: text.slice(6), email: text.slice(6) };
  for (const prefix of ['subject:', 'kubernetes:']) if (text.startsWith(prefix) && text.length > prefix.length) return { name: text.slice(prefix.length) };
  return { name: text };
}

const httpHref = (url: string | undefined) => {
  const href = safeHref(url);
  return href !== undefined && /^https?:/i.test(href) ? href : undefined;
};

function trimSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '/') end -= 1;
  return text.slice(0, end);
}

/** A commit link for GitHub and GitLab repositories; none for other hosts. */
function commitHref(repoUrl: string | undefined, sha: string): string | undefined {
  if (repoUrl === undefined || !/^[0-9a-f]{7,64}$/i.test(sha)) return undefined;
  const url = new URL(repoUrl);
  let path = trimSlashes(url.pathname);
  if (path.endsWith('.git')) path = path.slice(0, -4);
  if (url.search !== '' || url.hash !== '' || path === '') return undefined;
  if (url.hostname === 'github.com') return httpHref(`${url.origin}${path}/commit/${sha}`);
  if (url.hostname === 'gitlab.com') return httpHref(`${url.origin}${path}/-/commit/${sha}`);
  return undefined;
}

function readCommit(value: unknown, path: string): { commit: Commit; tag: string | undefined } | undefined {
  const commit = readObject(value, path);
  const sha = readOptionalString(commit.id, `${path}.id`);
  const repoUrl = httpHref(readOptionalString(commit.repoURL, `${path}.repoURL`));
  const message = readOptionalString(commit.message, `${path}.message`);
  const author = person(readOptionalString(commit.author, `${path}.author`));
  const branch = readOptionalString(commit.branch, `${path}.branch`);
  const tag = readOptionalString(commit.tag, `${path}.tag`);
  readOptionalString(commit.committer, `${path}.committer`);
  if (sha === undefined) return undefined;
  return { commit: defined({ sha, message, author, repoUrl, branch: branch ?? tag, url: commitHref(repoUrl, sha) }), tag };
}

function readImage(value: unknown, path: string): ReleaseImage | undefined {
  const image = readObject(value, path);
  const repository = readOptionalString(image.repoURL, `${path}.repoURL`);
  const tag = readOptionalString(image.tag, `${path}.tag`);
  const digest = readOptionalString(image.digest, `${path}.digest`);
  if (repository === undefined) return undefined;
  return defined({ reference: `${repository}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`, repository, tag, digest });
}

/** A Helm chart as a release-notes image: `repoURL/name:version` (OCI charts have no name). */
function readChart(value: unknown, path: string): ReleaseImage | undefined {
  const chart = readObject(value, path);
  const repoUrl = readOptionalString(chart.repoURL, `${path}.repoURL`);
  const name = readOptionalString(chart.name, `${path}.name`);
  const version = readOptionalString(chart.version, `${path}.version`);
  if (repoUrl === undefined) return undefined;
  const repository = name === undefined ? repoUrl : `${trimSlashes(repoUrl)}/${name}`;
  return defined({ reference: version ? `${repository}:${version}` : repository, repository, tag: version, url: httpHref(repoUrl) });
}

interface Promotion {
  index: number;
  name: string | undefined;
  created: string | undefined;
  actor: string | undefined;
  phase: string | undefined;
  message: string | undefined;
  startedAt: string | undefined;
  finishedAt: string | undefined;
}

/** Newest first: creation time, then name (Kargo's names embed a ULID), then input order. */
const newer = (a: Promotion, b: Promotion): boolean => {
  const [ta, tb] = [time(a.created), time(b.created)];
  if (ta !== tb) return ta > tb;
  const [na, nb] = [a.name ?? '', b.name ?? ''];
  return na !== nb ? na > nb : a.index > b.index;
};

/** The Argo CD applications of a stage's health output: `[{ applicationStatuses: [{ Name, Namespace, health, sync }] }]`. */
function outputApplications(output: unknown): Array<{ name: string; namespace?: string; health: unknown; sync: unknown; revision?: string }> {
  const apps: Array<{ name: string; namespace?: string; health: unknown; sync: unknown; revision?: string }> = [];
  const seen = new Set<string>();
  // Health.Output is opaque JSON: read what has the argocd-update checker's shape, skip the rest.
  for (const entry of Array.isArray(output) ? output : [output]) {
    const statuses = isObject(entry) ? own(entry, 'applicationStatuses') : undefined;
    if (!Array.isArray(statuses)) continue;
    for (const status of statuses) {
      if (!isObject(status)) continue;
      const name = own(status, 'Name') ?? own(status, 'name');
      if (typeof name !== 'string' || name === '') continue;
      const namespace = own(status, 'Namespace') ?? own(status, 'namespace');
      // Several health checks may report one application: keep the first.
      const id = JSON.stringify([namespace, name]);
      if (seen.has(id)) continue;
      seen.add(id);
      const health = own(status, 'health') ?? own(status, 'healthStatus');
      const sync = own(status, 'sync') ?? own(status, 'syncStatus');
      const revision = isObject(sync) ? own(sync, 'revision') : undefined;
      apps.push({
        name,
        namespace: typeof namespace === 'string' && namespace !== '' ? namespace : undefined,
        health: isObject(health) ? own(health, 'status') : undefined,
        sync: isObject(sync) ? own(sync, 'status') : undefined,
        revision: typeof revision === 'string' && revision !== '' ? revision : undefined,
      });
    }
  }
  return apps;
}

/**
 * One Freight's journey through a Kargo project's Stages, as a release.
 *
 * - Environments are the Stages that request Freight from this Freight's origin
 *   (`spec.requestedFreight[].origin`, kind and name, as Kargo's `Stage.RequestsFreightFromOrigin`)
 *   and, when both have a namespace, live in the Freight's namespace. `dependsOn` lists the
 *   `sources.stages` of those requests; a Stage not among `stages` is an error, a given Stage that
 *   does not take this origin is dropped. Kargo's `availabilityStrategy` (default OneOf) is not
 *   modelled: the model's `dependsOn` always lists every upstream Stage.
 * - An environment's status is its newest Promotion of this Freight (`status.phase`); with none,
 *   `succeeded` when `Freight.status` or the Stage's current Freight shows it got there (Kargo
 *   deletes old Promotions), else `pending`. A Promotion with no phase yet is `queued`.
 * - Stage health describes the Stage's current Freight, so it becomes the environment's
 *   applications (and issues) only when this Freight is current there.
 *
 * Raises `ReleaseDataError` (with the JSON path from the input's root) for data it cannot use.
 */
export function fromKargo(input: KargoInput): Release {
  const root = readObject(input, '$');

  // The Freight.
  const freight = readObject(root.freight, '$.freight');
  const freightMeta = readMeta(freight.metadata, '$.freight.metadata', true);
  const id = freightMeta.name!;
  const namespace = freightMeta.namespace;
  const origin = readOrigin(freight.origin, '$.freight.origin');
  const originKey = `${origin.kind}/${origin.name}`;
  const alias =
    readOptionalString(freight.alias, '$.freight.alias') ??
    readOptionalString(own(freightMeta.labels, ALIAS_LABEL), key('$.freight.metadata.labels', ALIAS_LABEL));
  const createdAt = freightMeta.created ?? readOptionalTime(freight.discoveredAt, '$.freight.discoveredAt');
  if (createdAt === undefined) {
    const value = (freight.metadata as Json).creationTimestamp;
    throw new ReleaseDataError('Freight needs a creation time', '$.freight.metadata.creationTimestamp', value, 'an ISO-8601 date-time (or discoveredAt)');
  }
  const gitCommits = readList(freight.commits, '$.freight.commits', readCommit).filter((c) => c !== undefined);
  const commits = gitCommits.map((c) => c.commit);
  const images = [
    ...readList(freight.images, '$.freight.images', readImage),
    ...readList(freight.charts, '$.freight.charts', readChart),
  ].filter((image) => image !== undefined);
  const freightStatus = readOptionalObject(freight.status, '$.freight.status');
  const currentlyIn = readOptionalObject(freightStatus?.currentlyIn, '$.freight.status.currentlyIn');
  const verifiedIn = readOptionalObject(freightStatus?.verifiedIn, '$.freight.status.verifiedIn');
  const stageRecord = (map: Json | undefined, path: string, stage: string, field: string) => {
    const recordPath = key(path, stage);
    const record = readOptionalObject(own(map, stage), recordPath);
    return { present: record !== undefined, at: readOptionalTime(record?.[field], `${recordPath}.${field}`) };
  };

  // The Warehouse, when given, must be the Freight's origin.
  const warehouse = readOptionalObject(root.warehouse, '$.warehouse');
  const warehouseMeta = warehouse && readMeta(warehouse.metadata, '$.warehouse.metadata', true);
  if (warehouseMeta && (origin.kind !== 'Warehouse' || warehouseMeta.name !== origin.name)) {
    throw new ReleaseDataError(`The Warehouse is not this Freight's origin (${originKey})`, '$.warehouse.metadata.name', warehouseMeta.name, `"${origin.name}"`);
  }
  const sameProject = (other: string | undefined) => other === undefined || namespace === undefined || other === namespace;

  // The Stages that can receive this Freight.
  interface StageEntry {
    index: number;
    name: string;
    stage: Json;
    requests: Array<{ request: Json; path: string }>;
  }
  const given = new Set<string>();
  const included = new Map<string, StageEntry>();
  readList(root.stages, '$.stages', (value, path, index) => {
    const stage = readObject(value, path);
    const meta = readMeta(stage.metadata, `${path}.metadata`, true);
    const name = meta.name!;
    given.add(name);
    const spec = readObject(stage.spec, `${path}.spec`);
    const requests = readList(spec.requestedFreight, `${path}.spec.requestedFreight`, (item, itemPath) => {
      const request = readObject(item, itemPath);
      const from = readOrigin(request.origin, `${itemPath}.origin`);
      return from.kind === origin.kind && from.name === origin.name ? { request, path: itemPath } : undefined;
    }).filter((request) => request !== undefined);
    if (requests.length === 0 || !sameProject(meta.namespace)) return;
    const first = included.get(name);
    if (first !== undefined) {
      throw new ReleaseDataError(`Stage "${name}" appears twice (stages ${first.index} and ${index})`, `${path}.metadata.name`, name, 'a unique Stage name');
    }
    included.set(name, { index, name, stage, requests });
  });
  if (included.size === 0) {
    throw new ReleaseDataError(`No Stage requests Freight from ${originKey}`, '$.stages', root.stages, `a Stage whose spec.requestedFreight names ${originKey}`);
  }

  // This Freight's Promotions, by Stage.
  const promotions = new Map<string, Promotion[]>();
  readList(root.promotions, '$.promotions', (value, path, index) => {
    const promotion = readObject(value, path);
    const spec = readObject(promotion.spec, `${path}.spec`);
    const meta = readMeta(promotion.metadata, `${path}.metadata`, false);
    if (readOptionalString(spec.freight, `${path}.spec.freight`) !== id || !sameProject(meta.namespace)) return;
    const stage = readString(spec.stage, `${path}.spec.stage`);
    const status = readOptionalObject(promotion.status, `${path}.status`) ?? {};
    const entry: Promotion = {
      index,
      name: meta.name,
      created: meta.created,
      actor: readOptionalString(own(meta.annotations, CREATE_ACTOR), key(`${path}.metadata.annotations`, CREATE_ACTOR)),
      phase: readOptionalString(status.phase, `${path}.status.phase`),
      message: readOptionalString(status.message, `${path}.status.message`),
      startedAt: readOptionalTime(status.startedAt, `${path}.status.startedAt`),
      finishedAt: readOptionalTime(status.finishedAt, `${path}.status.finishedAt`),
    };
    if (!included.has(stage)) return;
    const list = promotions.get(stage);
    if (list === undefined) promotions.set(stage, [entry]);
    else list.push(entry);
  });

  // Environments.
  const edgePaths = new Map<string, Map<string, string>>();
  const environments = [...included.values()].map(({ index, name, stage, requests }): EnvironmentStep => {
    const stagePath = `$.stages[${index}]`;
    const dependsOn = new Map<string, string>();
    for (const { request, path } of requests) {
      const sources = readObject(request.sources, `${path}.sources`);
      readList(sources.stages, `${path}.sources.stages`, (upstream, upstreamPath) => {
        const upstreamName = readString(upstream, upstreamPath);
        if (!given.has(upstreamName)) {
          throw new ReleaseDataError(`Stage "${name}" takes Freight from Stage "${upstreamName}", which is not among the stages`, upstreamPath, upstream, 'the name of a given Stage');
        }
        if (included.has(upstreamName) && !dependsOn.has(upstreamName)) dependsOn.set(upstreamName, upstreamPath);
      });
    }
    edgePaths.set(name, dependsOn);

    const status = readOptionalObject(stage.status, `${stagePath}.status`);
    const health = readOptionalObject(status?.health, `${stagePath}.status.health`);
    const healthWord = readOptionalString(health?.status, `${stagePath}.status.health.status`);
    const healthIssues = readList(health?.issues, `${stagePath}.status.health.issues`, readOptionalString);
    // Stage.status.freightHistory[0] is the Stage's current Freight collection.
    // (null: the Stage has no Freight from this origin.)
    const [current] = readList(status?.freightHistory, `${stagePath}.status.freightHistory`, (item, path, i) => {
      if (i !== 0) return null;
      const items = readOptionalObject(readOptionalObject(item, path)?.items, `${path}.items`);
      const reference = readOptionalObject(own(items, originKey), key(`${path}.items`, originKey));
      return readOptionalString(reference?.name, `${key(`${path}.items`, originKey)}.name`) ?? null;
    });
    const inNow = stageRecord(currentlyIn, '$.freight.status.currentlyIn', name, 'since');
    const verified = stageRecord(verifiedIn, '$.freight.status.verifiedIn', name, 'verifiedAt');
    const isCurrent = current !== undefined ? current === id : currentlyIn !== undefined ? inNow.present : undefined;

    const promotion = (promotions.get(name) ?? []).reduce<Promotion | undefined>((best, p) => (best === undefined || newer(p, best) ? p : best), undefined);
    const environment: EnvironmentStep = {
      name,
      dependsOn: [...dependsOn.keys()],
      status: 'pending',
      workflows: { trigger: [], preAction: [], postAction: [] },
      applications: [],
      issues: [],
    };
    if (promotion !== undefined) {
      const phase = promotion.phase === undefined ? { status: 'queued' as Status, raw: undefined } : fromKargoPromotionPhase(promotion.phase);
      Object.assign(environment, { status: phase.status, rawStatus: phase.raw, statusText: promotion.message, startedAt: promotion.startedAt, finishedAt: promotion.finishedAt });
      if (phase.status === 'failed' || phase.status === 'error') {
        environment.issues.push(
          defined<Issue>({ kind: 'workflow', level: 'error', message: promotion.message ?? `Promotion ${phase.raw}`, workflow: promotion.name, at: promotion.finishedAt }),
        );
      }
    } else if (isCurrent === true || verified.present) {
      Object.assign(environment, { status: 'succeeded', finishedAt: inNow.at ?? verified.at });
    }
    const apps = outputApplications(health?.output);
    // NotApplicable: the Stage checks no health, so there is no application to show.
    const hasHealth = apps.length > 0 || (healthWord !== undefined && healthWord !== 'NotApplicable');
    if ((isCurrent ?? environment.status === 'succeeded') && hasHealth) {
      const mapped = fromKargoHealthState(healthWord);
      environment.applications = (apps.length > 0 ? apps : [{ name, health: undefined, sync: undefined }]).map((app): ApplicationState => {
        const appHealth = apps.length > 0 ? fromHealthStatus(app.health) : mapped;
        const sync = fromSyncStatus(app.sync);
        return defined({
          name: app.name,
          namespace: 'namespace' in app ? app.namespace : undefined,
          commitSha: 'revision' in app ? app.revision : undefined,
          sync: sync.status,
          rawSync: sync.raw,
          health: appHealth.status,
          rawHealth: appHealth.raw,
          promotion: environment.status,
        });
      });
      for (const message of healthIssues) {
        if (message !== undefined) environment.issues.push({ kind: 'application', level: healthWord === 'Unhealthy' ? 'error' : 'warning', message });
      }
    }
    return defined(environment);
  });

  // The Stages must form a DAG; report a cycle at the Stage source that closes it.
  try {
    topologicalOrder(environments);
  } catch (error) {
    if (!isReleaseDataError(error) || !Array.isArray(error.value)) throw error;
    const cycle = error.value as string[];
    const [from, to] = [cycle[cycle.length - 2] ?? '', cycle[cycle.length - 1] ?? ''];
    const path = edgePaths.get(from)?.get(to);
    if (path === undefined) throw error;
    throw new ReleaseDataError(`The Stages form a cycle: ${cycle.join(' -> ')}`, path, to, 'Stages that form no cycle');
  }

  // The release.
  const status = aggregateStatus(environments.map((environment) => environment.status));
  const failing = environments.find((environment) => environment.status === status && isProblemStatus(status));
  const statusReason = failing && (failing.statusText ?? `Promotion to ${failing.name}: ${failing.rawStatus ?? failing.status}`);
  const counted = [...promotions.values()].flat();
  const first = counted.reduce<Promotion | undefined>((best, p) => (best === undefined || newer(best, p) ? p : best), undefined);
  const latest = (times: Array<string | undefined>) =>
    times.reduce<string | undefined>((best, t) => (t !== undefined && (best === undefined || time(t) > time(best)) ? t : best), undefined);
  // An image tag, else a chart version, else a Git tag, else the short commit SHA.
  const version = images.find((image) => image.tag !== undefined)?.tag ?? gitCommits.find((c) => c.tag !== undefined)?.tag ?? shortSha(commits[0]?.sha);

  return defined<Release>({
    id,
    product: namespace ?? warehouseMeta?.namespace ?? origin.name,
    name: alias,
    version,
    flow: origin.kind === 'Warehouse' ? { name: origin.name } : null,
    status,
    statusReason,
    error: failing && status !== 'terminated' ? { message: statusReason! } : undefined,
    trigger: defined({
      kind: commits.length > 0 ? ('git-commit' as const) : ('unknown' as const),
      environment: environments.find((environment) => environment.dependsOn.length === 0)!.name,
      commit: commits[0],
    }),
    initiator: actor(first?.actor),
    createdAt,
    updatedAt: latest(counted.flatMap((p) => [p.created, p.startedAt, p.finishedAt])),
    // Finished only when every Stage is done with this Freight (Kargo can promote it again later).
    finishedAt: environments.every((environment) => isTerminalStatus(environment.status)) ? latest(environments.map((environment) => environment.finishedAt)) : undefined,
    environments,
    notes: { images, issues: [], pullRequests: [], commits },
    source: { system: 'kargo' },
  });
}

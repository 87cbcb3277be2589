import { shortSha } from '../model/links';
import { fromHealthStatus, fromKargoHealthState, fromKargoPromotionPhase, fromSyncStatus } from '../model/source-status';
import { aggregateStatus, isProblemStatus, isTerminalStatus } from '../model/status';
import type { ApplicationState, Commit, EnvironmentStep, Issue, Person, Release, ReleaseImage, Status } from '../model/types';
import {
  GROUP_LABEL,
  httpUrl,
  isObject,
  keyPath as key,
  orderWithoutCycles,
  parsePerson,
  raise,
  readGroupPath,
  readList,
  readObject,
  readOptionalBoolean,
  readOptionalObject,
  readOptionalString,
  readOptionalTime,
  readOwn,
  readString,
  timeValue,
  withoutUndefined,
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
  spec: {
    /**
     * The shard (the Kargo controller, often one per cluster or region) that promotes to this
     * Stage; Kargo keeps the `kargo.akuity.io/shard` label equal to it. Empty: the default shard.
     */
    shard?: string;
    requestedFreight: KargoFreightRequest[];
  };
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

/** `fromKargo`'s options. */
export interface KargoOptions {
  /**
   * The label (or, for a path of several levels, the annotation) whose value is a Stage's group,
   * e.g. `gitops-releases/group: wave-2` (Kubernetes label values cannot hold a `/`; annotation
   * values can: `gitops-releases/group: wave-2/eu-west`).
   * @default 'gitops-releases/group'
   */
  groupLabel?: string;
}

/** `AnnotationKeyCreateActor` (annotations.go). */
const CREATE_ACTOR = 'kargo.akuity.io/create-actor';
/** `LabelKeyAlias` (labels.go). */
const ALIAS_LABEL = 'kargo.akuity.io/alias';
/** `LabelKeyShard` (labels.go). */
const SHARD_LABEL = 'kargo.akuity.io/shard';

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

/** A create-actor annotation: `admin`, `email:…`, `subject:…`, `kubernetes:…`, `controller:…`. */
function actor(text: string | undefined): Person | undefined {
  if (text === undefined) return undefined;
  if (text.startsWith('email:') && text.length > 6) return { name: text.slice(6), email: text.slice(6) };
  for (const prefix of ['subject:', 'kubernetes:']) if (text.startsWith(prefix) && text.length > prefix.length) return { name: text.slice(prefix.length) };
  return { name: text };
}

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
  if (url.hostname === 'github.com') return httpUrl(`${url.origin}${path}/commit/${sha}`);
  if (url.hostname === 'gitlab.com') return httpUrl(`${url.origin}${path}/-/commit/${sha}`);
  return undefined;
}

function readCommit(value: unknown, path: string): { commit: Commit; tag: string | undefined } | undefined {
  const commit = readObject(value, path);
  const sha = readOptionalString(commit.id, `${path}.id`);
  const repoUrl = httpUrl(readOptionalString(commit.repoURL, `${path}.repoURL`));
  const message = readOptionalString(commit.message, `${path}.message`);
  const author = parsePerson(readOptionalString(commit.author, `${path}.author`));
  const branch = readOptionalString(commit.branch, `${path}.branch`);
  const tag = readOptionalString(commit.tag, `${path}.tag`);
  readOptionalString(commit.committer, `${path}.committer`);
  if (sha === undefined) return undefined;
  return { commit: withoutUndefined({ sha, message, author, repoUrl, branch: branch ?? tag, url: commitHref(repoUrl, sha) }), tag };
}

function readImage(value: unknown, path: string): ReleaseImage | undefined {
  const image = readObject(value, path);
  const repository = readOptionalString(image.repoURL, `${path}.repoURL`);
  const tag = readOptionalString(image.tag, `${path}.tag`);
  const digest = readOptionalString(image.digest, `${path}.digest`);
  if (repository === undefined) return undefined;
  return withoutUndefined({ reference: `${repository}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`, repository, tag, digest });
}

/** A Helm chart as a release-notes image: `repoURL/name:version` (OCI charts have no name). */
function readChart(value: unknown, path: string): ReleaseImage | undefined {
  const chart = readObject(value, path);
  const repoUrl = readOptionalString(chart.repoURL, `${path}.repoURL`);
  const name = readOptionalString(chart.name, `${path}.name`);
  const version = readOptionalString(chart.version, `${path}.version`);
  if (repoUrl === undefined) return undefined;
  const repository = name === undefined ? repoUrl : `${trimSlashes(repoUrl)}/${name}`;
  return withoutUndefined({ reference: version ? `${repository}:${version}` : repository, repository, tag: version, url: httpUrl(repoUrl) });
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
  const [ta, tb] = [timeValue(a.created), timeValue(b.created)];
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
    const statuses = isObject(entry) ? readOwn(entry, 'applicationStatuses') : undefined;
    if (!Array.isArray(statuses)) continue;
    for (const status of statuses) {
      if (!isObject(status)) continue;
      const name = readOwn(status, 'Name') ?? readOwn(status, 'name');
      if (typeof name !== 'string' || name === '') continue;
      const namespace = readOwn(status, 'Namespace') ?? readOwn(status, 'namespace');
      // Several health checks may report one application: keep the first.
      const id = JSON.stringify([namespace, name]);
      if (seen.has(id)) continue;
      seen.add(id);
      const health = readOwn(status, 'health') ?? readOwn(status, 'healthStatus');
      const sync = readOwn(status, 'sync') ?? readOwn(status, 'syncStatus');
      const revision = isObject(sync) ? readOwn(sync, 'revision') : undefined;
      apps.push({
        name,
        namespace: typeof namespace === 'string' && namespace !== '' ? namespace : undefined,
        health: isObject(health) ? readOwn(health, 'status') : undefined,
        sync: isObject(sync) ? readOwn(sync, 'status') : undefined,
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
 * - `group`, the first of: the Stage's `gitops-releases/group` label (`options.groupLabel`), else
 *   its annotation of that key (a path of up to 3 levels: label values cannot hold a `/`), else
 *   its shard (`spec.shard`, else the `kargo.akuity.io/shard` label Kargo keeps equal to it).
 *   Else, Stages that take Freight from the same places (identical `spec.requestedFreight`: the
 *   same origins, each with the same `direct` and the same `sources.stages`, in any order) and
 *   feed the same Stages (so the model's structural rule holds: one `dependsOn`, one set of
 *   dependents) form a group when there are two or more of them, named after the sources this
 *   Freight comes from: `from uat`, `from eu-canary + us-canary`, `from store-001 + 49 more`
 *   (names sorted; the Warehouse's name when a request is `direct`; a `/` in a name shows as
 *   `∕` so the group stays one level; a second set with the same name gets ` (2)`, in input
 *   order). Soak times, availability strategies and auto-promotion options are not compared:
 *   they say when Freight moves, not from where. Any other Stage has no group. A group path is
 *   trimmed; a label, annotation or shard that is not a string, has an empty level (`a//b`) or
 *   more than 3 levels raises `ReleaseDataError` at its path.
 *
 * Raises `ReleaseDataError` (with the JSON path from the input's root, `$options` for the
 * options) for data it cannot use.
 */
export function fromKargo(input: KargoInput, options: KargoOptions = {}): Release {
  const root = readObject(input, '$');
  const groupLabel = readOptionalString(readOptionalObject(options, '$options')?.groupLabel, '$options.groupLabel') ?? GROUP_LABEL;
  const freight = readFreight(root.freight);
  const warehouse = readWarehouse(root.warehouse, freight);
  const stages = readStages(root.stages, freight, groupLabel);
  const promotions = readPromotions(root.promotions, freight, stages.included);
  const edgePaths = new Map<string, Map<string, string>>();
  for (const stage of stages.included.values()) edgePaths.set(stage.name, upstreamStages(stage, stages));
  const siblings = siblingGroups(stages.included, edgePaths);
  const environments = [...stages.included.values()].map((stage) =>
    stageEnvironment(stage, [...edgePaths.get(stage.name)!.keys()], freight, promotions.get(stage.name) ?? [], stage.group ?? siblings.get(stage.name)),
  );
  // The Stages must form a DAG; a cycle is reported at the Stage source that closes it.
  orderWithoutCycles(environments, (from, to) => edgePaths.get(from)?.get(to), 'Stages');
  return freightRelease(freight, warehouse, environments, promotions);
}

interface FreightData {
  id: string;
  namespace: string | undefined;
  origin: Origin;
  /** `Kind/name`, as `freightHistory[].items` keys it. */
  originKey: string;
  alias: string | undefined;
  createdAt: string;
  gitCommits: Array<{ commit: Commit; tag: string | undefined }>;
  images: ReleaseImage[];
  currentlyIn: Json | undefined;
  verifiedIn: Json | undefined;
}

function readFreight(value: unknown): FreightData {
  const freight = readObject(value, '$.freight');
  const meta = readMeta(freight.metadata, '$.freight.metadata', true);
  const origin = readOrigin(freight.origin, '$.freight.origin');
  const alias =
    readOptionalString(freight.alias, '$.freight.alias') ?? readOptionalString(readOwn(meta.labels, ALIAS_LABEL), key('$.freight.metadata.labels', ALIAS_LABEL));
  const createdAt =
    meta.created ??
    readOptionalTime(freight.discoveredAt, '$.freight.discoveredAt') ??
    raise('Freight needs a creation time', '$.freight.metadata.creationTimestamp', (freight.metadata as Json).creationTimestamp, 'an ISO-8601 date-time (or discoveredAt)');
  const images = [...readList(freight.images, '$.freight.images', readImage), ...readList(freight.charts, '$.freight.charts', readChart)];
  const status = readOptionalObject(freight.status, '$.freight.status');
  return {
    id: meta.name!,
    namespace: meta.namespace,
    origin,
    originKey: `${origin.kind}/${origin.name}`,
    alias,
    createdAt,
    gitCommits: readList(freight.commits, '$.freight.commits', readCommit).filter((c) => c !== undefined),
    images: images.filter((image) => image !== undefined),
    currentlyIn: readOptionalObject(status?.currentlyIn, '$.freight.status.currentlyIn'),
    verifiedIn: readOptionalObject(status?.verifiedIn, '$.freight.status.verifiedIn'),
  };
}

/** An object's namespace is in the Freight's project, or one of them does not say. */
const sameProject = (freight: FreightData, other: string | undefined) => other === undefined || freight.namespace === undefined || other === freight.namespace;

/** The Warehouse's metadata, when given: it must be the Freight's origin. */
function readWarehouse(value: unknown, freight: FreightData): Meta | undefined {
  const warehouse = readOptionalObject(value, '$.warehouse');
  const meta = warehouse && readMeta(warehouse.metadata, '$.warehouse.metadata', true);
  if (meta && (freight.origin.kind !== 'Warehouse' || meta.name !== freight.origin.name)) {
    raise(`The Warehouse is not this Freight's origin (${freight.originKey})`, '$.warehouse.metadata.name', meta.name, `"${freight.origin.name}"`);
  }
  return meta;
}

interface StageEntry {
  index: number;
  name: string;
  stage: Json;
  /** The Stage's requests for this Freight's origin. */
  requests: Array<{ request: Json; path: string }>;
  /** Its group from its label, annotation or shard. */
  group: string | undefined;
  /** Every request's origin and sources, in one order: equal for Stages fed from the same places. */
  sources: string;
  /** What its requests for this Freight's origin name as sources: upstream Stages, the Warehouse when direct. */
  shares: string[];
}

interface StageSet {
  /** Every given Stage's name. */
  given: Set<string>;
  /** The Stages that can receive this Freight, by name, in input order. */
  included: Map<string, StageEntry>;
}

function readStages(value: unknown, freight: FreightData, groupLabel: string): StageSet {
  const given = new Set<string>();
  const included = new Map<string, StageEntry>();
  readList(value, '$.stages', (item, path, index) => {
    const stage = readObject(item, path);
    const meta = readMeta(stage.metadata, `${path}.metadata`, true);
    const name = meta.name!;
    given.add(name);
    const spec = readObject(stage.spec, `${path}.spec`);
    const sources: string[] = [];
    const shares = new Set<string>();
    const requests = readList(spec.requestedFreight, `${path}.spec.requestedFreight`, (entry, entryPath) => {
      const request = readObject(entry, entryPath);
      const from = readOrigin(request.origin, `${entryPath}.origin`);
      const feed = readObject(request.sources, `${entryPath}.sources`);
      const direct = readOptionalBoolean(feed.direct, `${entryPath}.sources.direct`) === true;
      const upstream = readList(feed.stages, `${entryPath}.sources.stages`, readString).sort();
      sources.push(JSON.stringify([from.kind, from.name, direct, upstream]));
      if (from.kind !== freight.origin.kind || from.name !== freight.origin.name) return undefined;
      if (direct) shares.add(from.name);
      for (const upstreamName of upstream) shares.add(upstreamName);
      return { request, path: entryPath };
    }).filter((request) => request !== undefined);
    if (requests.length === 0 || !sameProject(freight, meta.namespace)) return;
    const first = included.get(name);
    if (first !== undefined) raise(`Stage "${name}" appears twice (stages ${first.index} and ${index})`, `${path}.metadata.name`, name, 'a unique Stage name');
    const labels = `${path}.metadata.labels`;
    const group =
      readGroupPath(readOwn(meta.labels, groupLabel), key(labels, groupLabel)) ??
      readGroupPath(readOwn(meta.annotations, groupLabel), key(`${path}.metadata.annotations`, groupLabel)) ??
      readGroupPath(spec.shard, `${path}.spec.shard`) ??
      readGroupPath(readOwn(meta.labels, SHARD_LABEL), key(labels, SHARD_LABEL));
    included.set(name, { index, name, stage, requests, group, sources: JSON.stringify(sources.sort()), shares: [...shares].sort() });
  });
  if (included.size === 0) {
    raise(`No Stage requests Freight from ${freight.originKey}`, '$.stages', value, `a Stage whose spec.requestedFreight names ${freight.originKey}`);
  }
  return { given, included };
}

/** This Freight's Promotions to included Stages, by Stage. */
function readPromotions(value: unknown, freight: FreightData, included: ReadonlyMap<string, StageEntry>): Map<string, Promotion[]> {
  const promotions = new Map<string, Promotion[]>();
  readList(value, '$.promotions', (item, path, index) => {
    const promotion = readObject(item, path);
    const spec = readObject(promotion.spec, `${path}.spec`);
    const meta = readMeta(promotion.metadata, `${path}.metadata`, false);
    if (readOptionalString(spec.freight, `${path}.spec.freight`) !== freight.id || !sameProject(freight, meta.namespace)) return;
    const stage = readString(spec.stage, `${path}.spec.stage`);
    const status = readOptionalObject(promotion.status, `${path}.status`) ?? {};
    const entry: Promotion = {
      index,
      name: meta.name,
      created: meta.created,
      actor: readOptionalString(readOwn(meta.annotations, CREATE_ACTOR), key(`${path}.metadata.annotations`, CREATE_ACTOR)),
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
  return promotions;
}

/** A Stage's entry in `Freight.status.currentlyIn` / `verifiedIn`: there or not, and its time. */
function stageRecord(map: Json | undefined, path: string, stage: string, field: string): { present: boolean; at: string | undefined } {
  const recordPath = key(path, stage);
  const record = readOptionalObject(readOwn(map, stage), recordPath);
  return { present: record !== undefined, at: readOptionalTime(record?.[field], `${recordPath}.${field}`) };
}

/** The upstream Stages of a Stage's requests, each with the path of its `sources.stages` entry. */
function upstreamStages(stage: StageEntry, stages: StageSet): Map<string, string> {
  const dependsOn = new Map<string, string>();
  for (const { request, path } of stage.requests) {
    const sources = readObject(request.sources, `${path}.sources`);
    readList(sources.stages, `${path}.sources.stages`, (upstream, upstreamPath) => {
      const upstreamName = readString(upstream, upstreamPath);
      if (!stages.given.has(upstreamName)) {
        raise(`Stage "${stage.name}" takes Freight from Stage "${upstreamName}", which is not among the stages`, upstreamPath, upstream, 'the name of a given Stage');
      }
      if (stages.included.has(upstreamName) && !dependsOn.has(upstreamName)) dependsOn.set(upstreamName, upstreamPath);
    });
  }
  return dependsOn;
}

/**
 * Stages without a group of their own that are fed from the same places and feed the same Stages,
 * two or more: one group each, named after their sources (see `fromKargo`).
 */
function siblingGroups(included: ReadonlyMap<string, StageEntry>, upstream: ReadonlyMap<string, ReadonlyMap<string, string>>): Map<string, string> {
  const dependents = new Map<string, string[]>();
  for (const [name, sources] of upstream) {
    for (const source of sources.keys()) {
      const list = dependents.get(source);
      if (list === undefined) dependents.set(source, [name]);
      else list.push(name);
    }
  }
  const sets = new Map<string, StageEntry[]>();
  for (const stage of included.values()) {
    if (stage.group !== undefined || stage.shares.length === 0) continue;
    const id = JSON.stringify([stage.sources, (dependents.get(stage.name) ?? []).sort()]);
    const set = sets.get(id);
    if (set === undefined) sets.set(id, [stage]);
    else set.push(stage);
  }
  const groups = new Map<string, string>();
  const named = new Map<string, number>();
  for (const [first, ...rest] of sets.values()) {
    if (rest.length === 0) continue;
    const shares = first!.shares;
    const base = `from ${shares.length > 2 ? `${shares[0]} + ${shares.length - 1} more` : shares.join(' + ')}`.replaceAll('/', '∕').trim();
    const count = (named.get(base) ?? 0) + 1;
    named.set(base, count);
    for (const stage of [first!, ...rest]) groups.set(stage.name, count === 1 ? base : `${base} (${count})`);
  }
  return groups;
}

/** One Stage as an environment of the Freight's release. */
function stageEnvironment({ index, name, stage }: StageEntry, dependsOn: string[], freight: FreightData, promotions: readonly Promotion[], group: string | undefined): EnvironmentStep {
  const stagePath = `$.stages[${index}]`;
  const status = readOptionalObject(stage.status, `${stagePath}.status`);
  const health = readOptionalObject(status?.health, `${stagePath}.status.health`);
  const healthWord = readOptionalString(health?.status, `${stagePath}.status.health.status`);
  const healthIssues = readList(health?.issues, `${stagePath}.status.health.issues`, readOptionalString);
  // Stage.status.freightHistory[0] is the Stage's current Freight collection.
  // (null: the Stage has no Freight from this origin.)
  const [current] = readList(status?.freightHistory, `${stagePath}.status.freightHistory`, (item, path, i) => {
    if (i !== 0) return null;
    const items = readOptionalObject(readOptionalObject(item, path)?.items, `${path}.items`);
    const reference = readOptionalObject(readOwn(items, freight.originKey), key(`${path}.items`, freight.originKey));
    return readOptionalString(reference?.name, `${key(`${path}.items`, freight.originKey)}.name`) ?? null;
  });
  const inNow = stageRecord(freight.currentlyIn, '$.freight.status.currentlyIn', name, 'since');
  const verified = stageRecord(freight.verifiedIn, '$.freight.status.verifiedIn', name, 'verifiedAt');
  const isCurrent = current !== undefined ? current === freight.id : freight.currentlyIn !== undefined ? inNow.present : undefined;

  const promotion = promotions.reduce<Promotion | undefined>((best, p) => (best === undefined || newer(p, best) ? p : best), undefined);
  const environment: EnvironmentStep = { name, group, dependsOn, status: 'pending', workflows: { trigger: [], preAction: [], postAction: [] }, applications: [], issues: [] };
  if (promotion !== undefined) {
    const phase = promotion.phase === undefined ? { status: 'queued' as Status, raw: undefined } : fromKargoPromotionPhase(promotion.phase);
    Object.assign(environment, { status: phase.status, rawStatus: phase.raw, statusText: promotion.message, startedAt: promotion.startedAt, finishedAt: promotion.finishedAt });
    if (phase.status === 'failed' || phase.status === 'error') {
      environment.issues.push(
        withoutUndefined<Issue>({ kind: 'workflow', level: 'error', message: promotion.message ?? `Promotion ${phase.raw}`, workflow: promotion.name, at: promotion.finishedAt }),
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
      return withoutUndefined({
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
  return withoutUndefined(environment);
}

/** The release: the Freight, its environments, and what the Promotions say about who and when. */
function freightRelease(freight: FreightData, warehouse: Meta | undefined, environments: EnvironmentStep[], promotions: ReadonlyMap<string, Promotion[]>): Release {
  const commits = freight.gitCommits.map((c) => c.commit);
  const status = aggregateStatus(environments.map((environment) => environment.status));
  const failing = environments.find((environment) => environment.status === status && isProblemStatus(status));
  const statusReason = failing && (failing.statusText ?? `Promotion to ${failing.name}: ${failing.rawStatus ?? failing.status}`);
  const counted = [...promotions.values()].flat();
  const first = counted.reduce<Promotion | undefined>((best, p) => (best === undefined || newer(best, p) ? p : best), undefined);
  const latest = (times: Array<string | undefined>) =>
    times.reduce<string | undefined>((best, t) => (t !== undefined && (best === undefined || timeValue(t) > timeValue(best)) ? t : best), undefined);
  // An image tag, else a chart version, else a Git tag, else the short commit SHA.
  const version = freight.images.find((image) => image.tag !== undefined)?.tag ?? freight.gitCommits.find((c) => c.tag !== undefined)?.tag ?? shortSha(commits[0]?.sha);

  return withoutUndefined<Release>({
    id: freight.id,
    product: freight.namespace ?? warehouse?.namespace ?? freight.origin.name,
    name: freight.alias,
    version,
    flow: freight.origin.kind === 'Warehouse' ? { name: freight.origin.name } : null,
    status,
    statusReason,
    error: failing && status !== 'terminated' ? { message: statusReason! } : undefined,
    trigger: withoutUndefined({
      kind: commits.length > 0 ? ('git-commit' as const) : ('unknown' as const),
      environment: environments.find((environment) => environment.dependsOn.length === 0)!.name,
      commit: commits[0],
    }),
    initiator: actor(first?.actor),
    createdAt: freight.createdAt,
    updatedAt: latest(counted.flatMap((p) => [p.created, p.startedAt, p.finishedAt])),
    // Finished only when every Stage is done with this Freight (Kargo can promote it again later).
    finishedAt: environments.every((environment) => isTerminalStatus(environment.status)) ? latest(environments.map((environment) => environment.finishedAt)) : undefined,
    environments,
    notes: { images: freight.images, issues: [], pullRequests: [], commits },
    source: { system: 'kargo' },
  });
}

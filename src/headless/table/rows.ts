import { ReleaseDataError } from '../adapters/errors';
import { parseTime } from '../model/duration';
import { shortSha } from '../model/links';
import { AGGREGATION_PRIORITY, STATUSES } from '../model/status';
import type { EnvironmentStep, Release, Status } from '../model/types';
import type { ReleaseSortKey } from './state';
import { groupColumns, type TableGroupingOptions } from './groups';

/** One release, flattened for a table: what each column shows and sorts by, computed once. */
export interface ReleaseRow {
  /** The release's id (row key). */
  id: string;
  /** Position in the array given: the last tie-break of every sort, so sorting is stable. */
  index: number;
  release: Release;
  status: Status;
  /** `createdAt` in epoch ms; `undefined` if it is not a date. */
  created: number | undefined;
  /** Epoch ms it finished; `undefined` while it runs (its duration then grows with the clock). */
  finished: number | undefined;
  initiator: string;
  version: string;
  /** The promotion flow's name; `null` for a manual promotion. */
  flow: string | null;
  commit: { sha?: string; shortSha?: string; title?: string };
  /** Why a failed, errored or terminated release stopped (`statusReason`, else `error.message`). */
  reason: string | undefined;
  /** The status of each environment that was part of this release. */
  environments: ReadonlyMap<string, Status>;
  /** Rank of the status in `AGGREGATION_PRIORITY` (problems first), the status column's sort key. */
  statusRank: number;
}

// Built on first use, not with the row: most tables never search or sort by these, and building
// them for 10,000 rows up front would double the time to first render.
const texts = /* @__PURE__ */ new WeakMap<ReleaseRow, string>();
const versionKeys = /* @__PURE__ */ new WeakMap<ReleaseRow, string>();
const textKeys = /* @__PURE__ */ new WeakMap<ReleaseRow, { initiator: string; flow: string; commit: string }>();

/** The initiator, flow and commit title as sort keys (folded case and accents), built on first sort. */
export function rowTextKeys(row: ReleaseRow): { initiator: string; flow: string; commit: string } {
  let value = textKeys.get(row);
  if (value === undefined) {
    value = { initiator: foldText(row.initiator), flow: foldText(row.flow ?? ''), commit: foldText(row.commit.title ?? '') };
    textKeys.set(row, value);
  }
  return value;
}

/** The lower-cased text the free-text filter searches: id, name, version, SHA, message, initiator, flow. */
export function rowSearchText(row: ReleaseRow): string {
  let value = texts.get(row);
  if (value === undefined) {
    const { release } = row;
    value = [row.id, text(release.name), row.version, row.commit.sha, row.commit.title, row.initiator, text(release.initiator?.email), row.flow ?? 'manual']
      .join('\n')
      .toLowerCase();
    texts.set(row, value);
  }
  return value;
}

/**
 * Builds the lazily computed search text and sort keys of `rows[start..end)` now. A table calls it
 * while the browser is idle, so the first keystroke or sort does not pay for every row.
 */
export function warmReleaseRows(rows: readonly ReleaseRow[], start = 0, end = rows.length): void {
  for (let i = start; i < Math.min(end, rows.length); i++) {
    const row = rows[i]!;
    rowSearchText(row);
    rowVersionKey(row);
    rowTextKeys(row);
  }
}

/** The version's natural sort key (`1.10.0` after `1.9.0`). */
export function rowVersionKey(row: ReleaseRow): string {
  let value = versionKeys.get(row);
  if (value === undefined) versionKeys.set(row, (value = naturalKey(row.version)));
  return value;
}

const STATUS_SET: ReadonlySet<string> = /* @__PURE__ */ new Set(STATUSES);
const STATUS_RANK: ReadonlyMap<Status, number> = /* @__PURE__ */ new Map(/* @__PURE__ */ AGGREGATION_PRIORITY.map((status, index) => [status, index]));
const DONE: ReadonlySet<Status> = /* @__PURE__ */ new Set<Status>(['succeeded', 'failed', 'error', 'terminated', 'skipped']);
const STOPPED: ReadonlySet<Status> = /* @__PURE__ */ new Set<Status>(['failed', 'error', 'terminated', 'terminating']);

/** Lower case without accents, so "Émile" sorts with "emile", not after "Zoe". */
export function foldText(value: string): string {
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

const ZEROS = '0'.repeat(24);
/** A run of digits without leading zeros, left-padded to 24 digits (string work only, no regex). */
function padNumber(digits: string): string {
  let start = 0;
  while (start < digits.length - 1 && digits.charCodeAt(start) === 48) start++;
  const significant = start ? digits.slice(start) : digits;
  return significant.length >= 24 ? significant : ZEROS.slice(significant.length) + significant;
}

/** A key that sorts numbers inside strings by value: `1.10.0` after `1.9.0`. */
export function naturalKey(value: string): string {
  return foldText(value).replace(/\d+/g, padNumber);
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function fail(message: string, path: string, value: unknown): never {
  throw new ReleaseDataError(message, path, value);
}

/**
 * Flattens releases into table rows, once: sorting and filtering then only compare pre-computed
 * values. Raises `ReleaseDataError` naming the path for data a table cannot show (not an array, a
 * release without an id, environments that are not a list of named steps); an unknown status
 * word reads as `unknown`, and missing optional fields show as empty.
 */
export function buildReleaseRows(releases: readonly Release[]): ReleaseRow[] {
  if (!Array.isArray(releases)) fail('Releases must be an array', '$', releases);
  const rows: ReleaseRow[] = new Array(releases.length);
  const seen = new Set<string>();
  for (let index = 0; index < releases.length; index++) {
    const release = releases[index] as Release;
    const at = `$[${index}]`;
    if (typeof release !== 'object' || release === null) fail('A release must be an object', at, release);
    const id = release.id;
    if (typeof id !== 'string' || id === '') fail('A release needs an id', `${at}.id`, id);
    if (seen.has(id)) fail('Two releases have the same id', `${at}.id`, id);
    seen.add(id);
    const steps = release.environments;
    if (!Array.isArray(steps)) fail('A release needs a list of environments', `${at}.environments`, steps);
    const environments = new Map<string, Status>();
    for (let e = 0; e < steps.length; e++) {
      const step = steps[e];
      const name = step?.name;
      if (typeof name !== 'string' || name === '') fail('An environment needs a name', `${at}.environments[${e}].name`, name);
      environments.set(name, STATUS_SET.has(step!.status) ? step!.status : 'unknown');
    }
    const status: Status = STATUS_SET.has(release.status) ? release.status : 'unknown';
    const created = parseTime(release.createdAt);
    const commit = release.trigger?.commit;
    const sha = text(commit?.sha);
    const title = text(commit?.message).split('\n', 1)[0]!.trim();
    const initiator = text(release.initiator?.name);
    const version = text(release.version);
    const flow = typeof release.flow?.name === 'string' ? release.flow.name : null;
    const reason = STOPPED.has(status) ? text(release.statusReason) || text(release.error?.message) || undefined : undefined;
    rows[index] = {
      id,
      index,
      release,
      status,
      created,
      finished: DONE.has(status) ? (parseTime(release.finishedAt) ?? parseTime(release.updatedAt)) : undefined,
      initiator,
      version,
      flow,
      commit: { sha: sha || undefined, shortSha: shortSha(sha || undefined), title: title || undefined },
      reason,
      environments,
      statusRank: STATUS_RANK.get(status) ?? AGGREGATION_PRIORITY.length,
    };
  }
  return rows;
}

/** How long a release ran (to `now` while it runs); `undefined` without a start date. */
export function rowDuration(row: ReleaseRow, now: number): number | undefined {
  if (row.created === undefined) return undefined;
  // Done without an end time: how long it took is not known.
  if (row.finished === undefined && DONE.has(row.status)) return undefined;
  return Math.max(0, (row.finished ?? now) - row.created);
}

export type ReleaseFieldColumnId = ReleaseSortKey;

/**
 * A column of the releases table: a field of the release, one environment's status, or a group
 * of environments rolled up (see `releaseColumns`).
 */
export type ReleaseColumn =
  | { kind: 'field'; id: ReleaseFieldColumnId; sortKey: ReleaseSortKey }
  | {
      kind: 'environment';
      /** `env:` and the environment's name. */
      id: string;
      environment: string;
      /** The expanded groups it is shown in, outermost first; absent at the top level. */
      groups?: readonly string[];
    }
  | ReleaseGroupColumn;

/** The column of a group of environments: each release's members rolled up (`releaseGroupRollups`). */
export interface ReleaseGroupColumn {
  kind: 'group';
  /** `group:` and the group's id. */
  id: string;
  /** The group's id: its path as normalised (`wave-2/eu-west`). */
  group: string;
  /** What its header shows: the path's last level (`eu-west`). */
  name: string;
  /** 0 for a top-level group. */
  depth: number;
  /** The expanded groups it is shown in, outermost first (empty at the top level). */
  groups: readonly string[];
  /** True when its sub-groups' or environments' columns follow it. */
  expanded: boolean;
}

/** The field columns, in the reference view's order plus status, duration and commit. */
export const FIELD_COLUMNS: readonly ReleaseFieldColumnId[] = ['date', 'status', 'initiator', 'version', 'flow', 'duration', 'commit'];

/**
 * The environments of these rows in promotion order: a topological order of every `dependsOn`
 * edge across the releases (a flow's later versions may add environments), ties broken by first
 * appearance. Conflicting edges (two flows ordering the same environments differently) cannot
 * make it fail: the earliest-seen environment of a cycle goes first.
 */
export function environmentOrder(rows: readonly ReleaseRow[]): string[] {
  const structures = distinctStructures(rows);
  const firstSeen = new Map<string, number>();
  const parents = new Map<string, Set<string>>();
  for (const steps of structures) {
    for (const step of steps) {
      if (!firstSeen.has(step.name)) {
        firstSeen.set(step.name, firstSeen.size);
        parents.set(step.name, new Set());
      }
    }
  }
  for (const steps of structures) {
    for (const step of steps) {
      const own = parents.get(step.name)!;
      if (!Array.isArray(step.dependsOn)) continue;
      for (const parent of step.dependsOn) if (parent !== step.name && firstSeen.has(parent)) own.add(parent);
    }
  }
  const order: string[] = [];
  const placed = new Set<string>();
  const remaining = [...firstSeen.keys()];
  while (remaining.length > 0) {
    // The first-seen environment whose parents are all placed; when only cycles are left, the
    // first-seen environment on a cycle (not one that merely depends on a cycle).
    let pick = remaining.findIndex((name) => [...parents.get(name)!].every((parent) => placed.has(parent)));
    if (pick < 0) pick = Math.max(0, remaining.findIndex((name) => onCycle(name, parents, placed)));
    const [name] = remaining.splice(pick, 1);
    placed.add(name!);
    order.push(name!);
  }
  return order;
}

/** Whether `start` reaches itself through parents not yet placed. */
function onCycle(start: string, parents: ReadonlyMap<string, ReadonlySet<string>>, placed: ReadonlySet<string>): boolean {
  const seen = new Set<string>();
  const stack = [...parents.get(start)!];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (name === start) return true;
    if (placed.has(name) || seen.has(name)) continue;
    seen.add(name);
    stack.push(...parents.get(name)!);
  }
  return false;
}

function sameStructure(a: readonly EnvironmentStep[], b: readonly EnvironmentStep[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.name !== y.name) return false;
    const p = x.dependsOn;
    const q = y.dependsOn;
    if (p === q) continue;
    if (!Array.isArray(p) || !Array.isArray(q) || p.length !== q.length) return false;
    for (let j = 0; j < p.length; j++) if (p[j] !== q[j]) return false;
  }
  return true;
}

/**
 * The rows' environment lists, leaving out one that matches the last one kept for its flow (same
 * names, same dependsOn): releases of a flow mostly share their structure, and comparing
 * allocates nothing, where reading every release's edges into sets took 15 ms for 10,000.
 */
function distinctStructures(rows: readonly ReleaseRow[]): readonly EnvironmentStep[][] {
  const out: EnvironmentStep[][] = [];
  const lastRead = new Map<string | null, readonly EnvironmentStep[]>();
  for (const row of rows) {
    const steps = row.release.environments;
    const previous = lastRead.get(row.flow);
    if (previous && sameStructure(previous, steps)) continue;
    lastRead.set(row.flow, steps);
    out.push(steps);
  }
  return out;
}

/** What `releaseColumns` takes besides the rows. */
export interface ReleaseColumnsOptions extends TableGroupingOptions {
  /**
   * The promotion order of every environment (`environmentOrder` of all the rows), so the
   * columns of filtered rows keep their places.
   * @default `environmentOrder(rows)`
   */
  environmentOrder?: readonly string[];
  /**
   * Groups whose sub-groups' and environments' columns follow their own (by id, e.g.
   * `wave-2/eu-west`); a group inside a collapsed one stays hidden, an id no row has is ignored.
   * @default none: every group is one column
   */
  expandedGroups?: readonly string[];
}

/**
 * The table's columns: the field columns, then one per environment in promotion order (of the
 * rows given: pass the filtered rows so only environments they went through get a column).
 *
 * When environments are in groups (their `group` field, or `options.groupBy`), the environments
 * of a group share one column instead (`kind: 'group'`, its members rolled up per release by
 * `releaseGroupRollups`), placed where its first environment is in the promotion order;
 * environments in no group keep their own columns. An expanded group's column is followed by the
 * columns of its sub-groups and environments (`groups` names the expanded groups a column is
 * shown in). Raises `ReleaseDataError` for a group path that is not one.
 */
export function releaseColumns(rows: readonly ReleaseRow[], options: ReleaseColumnsOptions = {}): ReleaseColumn[] {
  const order = options.environmentOrder ?? environmentOrder(rows);
  const grouped = groupColumns(rows, order, options);
  if (grouped) return [...fieldColumns(), ...grouped];
  if (!options.environmentOrder) return columnsForEnvironments(order);
  const present = new Set<string>();
  for (const row of rows) for (const name of row.environments.keys()) present.add(name);
  return columnsForEnvironments(order.filter((name) => present.has(name)));
}

const fieldColumns = () => FIELD_COLUMNS.map((id): ReleaseColumn => ({ kind: 'field', id, sortKey: id }));

/** The field columns, then one column per environment named, in the order given. */
export function columnsForEnvironments(environments: readonly string[]): ReleaseColumn[] {
  return [
    ...fieldColumns(),
    ...environments.map((environment): ReleaseColumn => ({ kind: 'environment', id: `env:${environment}`, environment })),
  ];
}

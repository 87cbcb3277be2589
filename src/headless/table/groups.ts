import { ReleaseDataError } from '../adapters/errors';
import { parseGroupPath } from '../groups/group';
import type { GroupingOptions } from '../groups/types';
import { AGGREGATION_PRIORITY, STATUSES, isActiveStatus, isProblemStatus, isTerminalStatus } from '../model/status';
import type { EnvironmentStep, Release, Status } from '../model/types';
import type { ReleaseColumn, ReleaseGroupColumn, ReleaseRow } from './rows';

// The table's side of fleet groups. A table shows many releases of thousands of environments
// each, and draws only the rows in view: what it needs per release is a count per status of each
// group, computed once per release object and only for the releases drawn (or filtered by
// group). `groupReleaseEnvironments` gives a release's whole story (automatic groups, times,
// waiting reasons, the DAG checked) and costs accordingly; this reads the same paths the same
// way (`parseGroupPath`) and counts by the same rules, and no more.

/** How a table puts environments into groups: by their `group` field, or by `groupBy`. */
export type TableGroupingOptions = Pick<GroupingOptions, 'groupBy'>;

/** One group of one release, rolled up for a table cell. */
export interface GroupRollup {
  /** The group's id: its path as normalised (`wave-2/eu-west`). */
  id: string;
  /** The path's last level (`eu-west`). */
  name: string;
  /** 0 for a top-level group. */
  depth: number;
  /** The enclosing group's id; `undefined` at the top. */
  parent: string | undefined;
  /** The release's environments in it and its sub-groups. */
  total: number;
  /** How many members are in each status (every status present, 0 when none): `StatusCountsByStatus`. */
  counts: Readonly<Record<Status, number>>;
  /** Members that will do nothing more (succeeded, failed, error, terminated, skipped). */
  finished: number;
  /** Members that ended with a problem (failed, error, terminated). */
  failed: number;
  /** Members under way (running, suspended, terminating). */
  running: number;
  /** The members' statuses combined, as `aggregateStatus` combines them. */
  status: Status;
}

/** What stays the same while statuses change: which group each environment is in. */
interface Shape {
  names: readonly string[];
  /** The paths as read (the field, or `groupBy`'s answer), to tell a release of the same shape. */
  raw: readonly unknown[];
  /** For each environment, the indices of its groups, outermost first (empty for none). */
  chains: ReadonlyArray<readonly number[]>;
  ids: readonly string[];
  levels: ReadonlyArray<{ name: string; depth: number; parent: number }>;
  index: ReadonlyMap<string, number>;
}

/** A release none of whose environments is in a group. */
const FLAT: Shape = /* @__PURE__ */ Object.freeze({ names: [], raw: [], chains: [], ids: [], levels: [], index: /* @__PURE__ */ new Map() });
const NO_CHAIN: readonly number[] = /* @__PURE__ */ Object.freeze([]);
const NO_ROLLUPS: ReadonlyMap<string, GroupRollup> = /* @__PURE__ */ new Map();

interface Cache {
  groupBy: TableGroupingOptions['groupBy'];
  shapes: WeakMap<Release, Shape>;
  rollups: WeakMap<Release, ReadonlyMap<string, GroupRollup>>;
  /** The last shape built: a release history mostly repeats one structure, shared this way. */
  last: Shape | undefined;
}

const newCache = (groupBy: TableGroupingOptions['groupBy']): Cache => ({ groupBy, shapes: new WeakMap(), rollups: new WeakMap(), last: undefined });
/** One cache per `groupBy` function (a host passes a stable one), one for the `group` field. */
const byFunction = /* @__PURE__ */ new WeakMap<NonNullable<TableGroupingOptions['groupBy']>, Cache>();
let byField: Cache | undefined;

function cacheFor(groupBy: TableGroupingOptions['groupBy']): Cache {
  if (!groupBy) return (byField ??= newCache(undefined));
  let cache = byFunction.get(groupBy);
  if (!cache) byFunction.set(groupBy, (cache = newCache(groupBy)));
  return cache;
}

/** Parsed paths by their text: a fleet repeats a few dozen paths over thousands of environments. */
const parsed = /* @__PURE__ */ new Map<string, readonly string[]>();
const MAX_PARSED = 10_000;

function levelsOf(value: unknown, path: string): readonly string[] {
  if (typeof value === 'string') {
    const known = parsed.get(value);
    if (known) return known;
  }
  const levels = parseGroupPath(value, path);
  if (typeof value === 'string') {
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(value, levels);
  }
  return levels;
}

const isEmptyPath = (value: unknown) => value === undefined || value === null || value === '';

/** The release's groups; `at` is the JSON path of the release, for errors. */
function shapeOf(release: Release, at: string, cache: Cache): Shape {
  const known = cache.shapes.get(release);
  if (known) return known;
  const steps = release?.environments;
  if (!Array.isArray(steps)) throw new ReleaseDataError('A release needs a list of environments', `${at}.environments`, steps);
  const { groupBy } = cache;
  const raw: unknown[] = new Array(steps.length);
  let grouped = false;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as EnvironmentStep;
    const name = step?.name;
    if (typeof name !== 'string' || name === '') throw new ReleaseDataError('An environment needs a name', `${at}.environments[${i}].name`, name);
    const value = groupBy ? groupBy(step) : step.group;
    raw[i] = value;
    if (!isEmptyPath(value)) grouped = true;
  }
  let shape = FLAT;
  if (grouped) shape = sameShape(cache.last, steps, raw) ? cache.last! : buildShape(steps, raw, at);
  if (shape !== FLAT) cache.last = shape;
  cache.shapes.set(release, shape);
  return shape;
}

function sameShape(shape: Shape | undefined, steps: readonly EnvironmentStep[], raw: readonly unknown[]): boolean {
  if (!shape || shape.names.length !== steps.length) return false;
  for (let i = 0; i < steps.length; i++) if (steps[i]!.name !== shape.names[i] || raw[i] !== shape.raw[i]) return false;
  return true;
}

function buildShape(steps: readonly EnvironmentStep[], raw: readonly unknown[], at: string): Shape {
  const ids: string[] = [];
  const levels: Array<{ name: string; depth: number; parent: number }> = [];
  const index = new Map<string, number>();
  const chainOf = new Map<string, readonly number[]>();
  const chains = raw.map((value, i): readonly number[] => {
    const path = levelsOf(value, `${at}.environments[${i}].group`);
    if (path.length === 0) return NO_CHAIN;
    const key = path.join('/');
    let chain = chainOf.get(key);
    if (chain) return chain;
    const built: number[] = [];
    for (let depth = 0; depth < path.length; depth++) {
      const id = path.slice(0, depth + 1).join('/');
      let g = index.get(id);
      if (g === undefined) {
        g = ids.push(id) - 1;
        index.set(id, g);
        levels.push({ name: path[depth]!, depth, parent: depth > 0 ? built[depth - 1]! : -1 });
      }
      built.push(g);
    }
    chainOf.set(key, (chain = built));
    return chain;
  });
  return { names: steps.map((step) => step.name), raw, chains, ids, levels, index };
}

const STATUS_INDEX: ReadonlyMap<string, number> = /* @__PURE__ */ new Map(/* @__PURE__ */ STATUSES.map((status, i) => [status, i]));
const UNKNOWN = /* @__PURE__ */ STATUSES.indexOf('unknown');

/**
 * Each group of a release (every level) with its members counted by status: what a table's group
 * cell shows. Groups come from each environment's `group` path, or `options.groupBy`, read as
 * `groupReleaseEnvironments` reads them; the counts follow its rules too (a status outside the
 * vocabulary counts as unknown). Computed once per release object (and `groupBy` function): a
 * table calls it for each row it draws. Raises `ReleaseDataError` for a group path that is not
 * one, naming it (`$.environments[3].group`).
 */
export function releaseGroupRollups(release: Release, options: TableGroupingOptions = {}): ReadonlyMap<string, GroupRollup> {
  return rollupsOf(release, '$', cacheFor(options.groupBy));
}

function rollupsOf(release: Release, at: string, cache: Cache): ReadonlyMap<string, GroupRollup> {
  const known = cache.rollups.get(release);
  if (known) return known;
  const shape = shapeOf(release, at, cache);
  if (shape === FLAT) {
    cache.rollups.set(release, NO_ROLLUPS);
    return NO_ROLLUPS;
  }
  const size = STATUSES.length;
  const counts = new Int32Array(shape.ids.length * size);
  const steps = release.environments;
  for (let i = 0; i < steps.length; i++) {
    const chain = shape.chains[i]!;
    if (chain.length === 0) continue;
    const s = STATUS_INDEX.get(steps[i]!.status) ?? UNKNOWN;
    for (const g of chain) counts[g * size + s]! += 1;
  }
  const rollups = new Map<string, GroupRollup>();
  shape.ids.forEach((id, g) => {
    const byStatus = {} as Record<Status, number>;
    let total = 0;
    let finished = 0;
    let failed = 0;
    let running = 0;
    STATUSES.forEach((status, s) => {
      const n = counts[g * size + s]!;
      byStatus[status] = n;
      total += n;
      if (isTerminalStatus(status)) finished += n;
      if (isProblemStatus(status)) failed += n;
      if (isActiveStatus(status)) running += n;
    });
    const level = shape.levels[g]!;
    rollups.set(id, {
      id,
      name: level.name,
      depth: level.depth,
      parent: level.parent < 0 ? undefined : shape.ids[level.parent],
      total,
      counts: byStatus,
      finished,
      failed,
      running,
      status: AGGREGATION_PRIORITY.find((status) => byStatus[status] > 0) ?? 'unknown',
    });
  });
  cache.rollups.set(release, rollups);
  return rollups;
}

/**
 * True when an environment of these rows is in a group (its `group` field, or `options.groupBy`):
 * the table then shows group columns. Raises `ReleaseDataError` for a group path that is not one,
 * naming it from the releases given (`$[4].environments[3].group`).
 */
export function hasEnvironmentGroups(rows: readonly ReleaseRow[], options: TableGroupingOptions = {}): boolean {
  const cache = cacheFor(options.groupBy);
  let grouped = false;
  // Every row, not up to the first grouped one: a bad path anywhere is reported at once.
  for (const row of rows) if (shapeOf(row.release, `$[${row.index}]`, cache) !== FLAT) grouped = true;
  return grouped;
}

/** True when the row's release has an environment in the group `group` (an id, at any level). */
export function rowInGroup(row: ReleaseRow, group: string, options: TableGroupingOptions = {}): boolean {
  return shapeOf(row.release, `$[${row.index}]`, cacheFor(options.groupBy)).index.has(group);
}

/** A group as the columns see it, across every release given. */
interface GroupNode {
  id: string;
  name: string;
  depth: number;
  /** Where it goes: its first environment's place in the promotion order. */
  position: number;
  groups: Set<string>;
  environments: Set<string>;
}

/**
 * The environment and group columns of these rows, or `undefined` when no environment of theirs
 * is in a group. One column per top-level group and per environment in no group, placed by the
 * promotion order (a group where its first environment is); an expanded group is followed by
 * the columns of its sub-groups and environments, in the same order.
 */
export function groupColumns(
  rows: readonly ReleaseRow[],
  order: readonly string[],
  options: TableGroupingOptions & { expandedGroups?: readonly string[] },
): ReleaseColumn[] | undefined {
  const cache = cacheFor(options.groupBy);
  const shapes = rows.map((row) => shapeOf(row.release, `$[${row.index}]`, cache));
  if (shapes.every((shape) => shape === FLAT)) return undefined;
  const position = new Map<string, number>();
  order.forEach((name, i) => position.set(name, i));
  const place = (name: string) => {
    let at = position.get(name);
    if (at === undefined) position.set(name, (at = position.size));
    return at;
  };
  const groups = new Map<string, GroupNode>();
  const top = new Map<string, number>();
  const topGroups = new Set<string>();
  const seen = new Set<Shape>();
  for (let r = 0; r < rows.length; r++) {
    const shape = shapes[r]!;
    if (shape === FLAT) {
      for (const name of rows[r]!.environments.keys()) if (!top.has(name)) top.set(name, place(name));
      continue;
    }
    if (seen.has(shape)) continue;
    seen.add(shape);
    shape.ids.forEach((id, g) => {
      if (groups.has(id)) return;
      const level = shape.levels[g]!;
      groups.set(id, { id, name: level.name, depth: level.depth, position: Infinity, groups: new Set(), environments: new Set() });
      if (level.parent < 0) topGroups.add(id);
      else groups.get(shape.ids[level.parent]!)!.groups.add(id);
    });
    shape.names.forEach((name, i) => {
      const chain = shape.chains[i]!;
      const at = place(name);
      if (chain.length === 0) {
        if (!top.has(name)) top.set(name, at);
        return;
      }
      groups.get(shape.ids[chain[chain.length - 1]!]!)!.environments.add(name);
      for (const g of chain) {
        const node = groups.get(shape.ids[g]!)!;
        if (at < node.position) node.position = at;
      }
    });
  }

  type Unit = { type: 'group'; node: GroupNode; position: number } | { type: 'environment'; name: string; position: number };
  const sorted = (units: Unit[]) => units.sort((a, b) => a.position - b.position || (a.type === b.type ? 0 : a.type === 'environment' ? -1 : 1));
  const expanded = new Set(options.expandedGroups);
  const columns: ReleaseColumn[] = [];
  const shown = new Set<string>();
  const emit = (unit: Unit, within: readonly string[]) => {
    if (unit.type === 'environment') {
      // A name in no group in one release and in a group in another gets one column.
      if (shown.has(unit.name)) return;
      shown.add(unit.name);
      columns.push(within.length ? { kind: 'environment', id: `env:${unit.name}`, environment: unit.name, groups: within } : { kind: 'environment', id: `env:${unit.name}`, environment: unit.name });
      return;
    }
    const { node } = unit;
    const open = expanded.has(node.id);
    const column: ReleaseGroupColumn = { kind: 'group', id: `group:${node.id}`, group: node.id, name: node.name, depth: node.depth, groups: within, expanded: open };
    columns.push(column);
    if (!open) return;
    const inside = [...within, node.id];
    const children: Unit[] = [
      ...[...node.groups].map((id): Unit => ({ type: 'group', node: groups.get(id)!, position: groups.get(id)!.position })),
      ...[...node.environments].map((name): Unit => ({ type: 'environment', name, position: position.get(name)! })),
    ];
    for (const child of sorted(children)) emit(child, inside);
  };
  const roots: Unit[] = [
    ...[...topGroups].map((id): Unit => ({ type: 'group', node: groups.get(id)!, position: groups.get(id)!.position })),
    ...[...top].map(([name, at]): Unit => ({ type: 'environment', name, position: at })),
  ];
  for (const unit of sorted(roots)) emit(unit, []);
  return columns;
}

/**
 * The columns a reader has not hidden: an environment column hidden by its name
 * (`hiddenColumns`), a group column by its id (`hiddenGroups`), with every column shown inside
 * a hidden group. The columns given when nothing is hidden.
 */
export function visibleReleaseColumns(
  columns: readonly ReleaseColumn[],
  hidden: { hiddenColumns?: readonly string[]; hiddenGroups?: readonly string[] },
): readonly ReleaseColumn[] {
  if (!hidden.hiddenColumns?.length && !hidden.hiddenGroups?.length) return columns;
  const environments = new Set(hidden.hiddenColumns);
  const groups = new Set(hidden.hiddenGroups);
  return columns.filter((column) => {
    if (column.kind === 'field') return true;
    if (column.groups?.some((group) => groups.has(group))) return false;
    return column.kind === 'group' ? !groups.has(column.group) : !environments.has(column.environment);
  });
}

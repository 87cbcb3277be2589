import { ReleaseDataError } from '../adapters/errors';
import { topologicalOrder } from '../graph/validate';
import { parseTime } from '../model/duration';
import { AGGREGATION_PRIORITY, STATUSES, isActiveStatus, isProblemStatus, isTerminalStatus } from '../model/status';
import type { EnvironmentStep, Release, Status } from '../model/types';
import type {
  EnvironmentGroup,
  FoldedGraph,
  FoldedUnit,
  GroupUnit,
  GroupingOptions,
  ReleaseGrouping,
  StatusCountsByStatus,
  WaitingReason,
} from './types';

/** The start of every automatic group's id: a NUL, which a declared group path may not hold. */
export const AUTO_GROUP_PREFIX = '\u0000auto:';
/** Levels a group path may have. */
export const MAX_GROUP_DEPTH = 3;
/** More environments than this directly in an expanded group are drawn as one grid of tiles. */
export const TILE_THRESHOLD = 40;

/** A group without its state: what stays the same while statuses change. */
interface GroupShape {
  id: string;
  name: string;
  label: string;
  automatic: boolean;
  parent: string | undefined;
  depth: number;
  children: GroupUnit[];
  /** Indices of its members in the release's order. */
  members: number[];
  /** Their names (what every grouping of this structure hands out as `members`). */
  memberNames: string[];
  dependsOn: GroupUnit[];
}

/** Everything about a release's grouping that depends on its structure only. */
interface Structure {
  key: string;
  names: string[];
  /** Indices of each environment's dependencies. */
  deps: number[][];
  /** Group ids of each environment, outermost first. */
  chains: string[][];
  groups: Map<string, GroupShape>;
  roots: GroupUnit[];
  /** Each environment's dependencies as units at its own level. */
  envDeps: GroupUnit[][];
  /** Each environment as a unit, one object each (what `envDeps` and group dependencies hold). */
  envUnits: GroupUnit[];
  folds: Map<string, FoldedGraph>;
  index: ReadonlyMap<string, number>;
  groupsOf: ReadonlyMap<string, readonly string[]>;
  dependsOn: ReadonlyMap<string, readonly GroupUnit[]>;
}

/** What the last call saw, to tell a status-only change without building the key. */
interface Seen {
  names: string[];
  dependsOn: ReadonlyArray<readonly string[]>;
  paths: unknown[];
  threshold: number;
  structure: Structure;
}
let last: Seen | undefined;

/**
 * The last grouping handed out and what it was made of. A release is data: the same release
 * object with the same environment objects is the same snapshot, and asking for its grouping again
 * (a group opened or closed, a second component) gets it again instead of rolling every group up
 * once more. Only the durations of groups still at work follow the clock.
 */
interface Snapshot {
  release: Release;
  environments: readonly EnvironmentStep[];
  /** The environment objects it read, in order: an array changed in place is another snapshot. */
  members: readonly EnvironmentStep[];
  status: Status;
  groupBy: GroupingOptions['groupBy'];
  threshold: number;
  now: number;
  grouping: ReleaseGrouping;
  /** The groups whose duration runs on to `now`, with their first start. */
  live: ReadonlyArray<readonly [string, number]>;
}
let snapshot: Snapshot | undefined;

const CACHE_SIZE = 16;
const cache = new Map<string, Structure>();
const structureOf = new WeakMap<ReleaseGrouping, Structure>();
const stats = { computed: 0, reused: 0 };

/**
 * How often `groupReleaseEnvironments` built a release's group structure (`computed`) and how
 * often it reused a cached one (`reused`): a status-only change must reuse it.
 */
export function groupCacheStats(): { computed: number; reused: number } {
  return { ...stats };
}

/**
 * Each environment's declared path as levels, trimmed; raises for a path that is not one, at the
 * first environment that has it. Each distinct value is read once and its levels shared: a fleet
 * has thousands of environments and a few dozen paths.
 */
function readPaths(paths: readonly unknown[]): string[][] {
  const read = new Map<unknown, string[]>();
  return paths.map((value, index) => {
    let levels = read.get(value);
    if (!levels) {
      levels = parseGroupPath(value, `$.environments[${index}].group`);
      read.set(value, levels);
    }
    return levels;
  });
}

/**
 * A group path's levels, trimmed (`' wave-2 / eu-west '` is `['wave-2', 'eu-west']`; no group is
 * `[]`): the one reading of a path, shared by everything that groups, so a table's group ids are
 * the ids `groupReleaseEnvironments` gives. Raises `ReleaseDataError` at `path` for a value that is
 * not a string, has an empty level or a NUL, or has more than `MAX_GROUP_DEPTH` levels.
 */
export function parseGroupPath(value: unknown, path: string): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value !== 'string') throw new ReleaseDataError('A group must be a string path', path, value, 'a string such as "wave-2/eu-west"');
  const levels = value.split('/').map((level) => level.trim());
  if (levels.length > MAX_GROUP_DEPTH) {
    throw new ReleaseDataError(`A group path has at most ${MAX_GROUP_DEPTH} levels`, path, value);
  }
  if (levels.some((level) => level === '' || level.includes('\u0000'))) {
    throw new ReleaseDataError('A group path has an empty level (or a NUL character)', path, value);
  }
  return levels;
}

/** What automatic group members are called: the start their names share, else the end, else after what they wait for. */
function sharedName(names: readonly string[], after: string | undefined): string {
  const first = names[0] ?? '';
  let prefix = first.length;
  let suffix = first.length;
  for (const name of names) {
    let i = 0;
    while (i < prefix && i < name.length && name[i] === first[i]) i++;
    prefix = i;
    let j = 0;
    while (j < suffix && j < name.length && name[name.length - 1 - j] === first[first.length - 1 - j]) j++;
    suffix = j;
  }
  // Cut at a word's end: "store-0001", "store-0250" share "store-0", which is "store".
  const trim = (text: string) => text.replace(/[\s\d._:/-]+$/, '').replace(/^[\s\d._:/-]+/, '');
  const start = trim(first.slice(0, prefix));
  if (start.length >= 2) return start;
  const end = trim(first.slice(first.length - suffix));
  if (end.length >= 2) return end;
  return after === undefined ? first : `after ${after}`;
}

function buildStructure(release: Release, options: GroupingOptions, key: string, declared: string[][]): Structure {
  const environments = release.environments;
  const names = environments.map((environment) => environment.name);
  const index = new Map(names.map((name, i) => [name, i]));
  // Most environments wait for one other (every store of a wave for its gate): no set for those.
  const deps = environments.map(({ dependsOn }) =>
    dependsOn.length === 1 ? [index.get(dependsOn[0]!)!] : [...new Set(dependsOn)].map((name) => index.get(name)!),
  );
  const dependents: number[][] = names.map(() => []);
  deps.forEach((list, i) => list.forEach((d) => dependents[d]!.push(i)));

  // Declared groups: each level's id is the path up to it. Environments with the same path share
  // its levels (`readPaths`), and so its chain of ids, built once.
  const levelsOf = new Map<string, string[]>();
  const chainOf = new Map<readonly string[], string[]>();
  const chains = declared.map((levels) => {
    let chain = chainOf.get(levels);
    if (!chain) {
      chain = levels.map((_, depth) => levels.slice(0, depth + 1).join('/'));
      chain.forEach((id, depth) => levelsOf.set(id, levels.slice(0, depth + 1)));
      chainOf.set(levels, chain);
    }
    return chain;
  });

  // Automatic groups: environments in no declared group with the same dependencies and dependents.
  const threshold = options.autoGroupThreshold ?? 12;
  const autoNames = new Map<string, string>();
  if (threshold < environments.length) {
    const buckets = new Map<string, number[]>();
    names.forEach((_, i) => {
      if (chains[i]!.length > 0) return;
      const shape = `${[...deps[i]!].sort((a, b) => a - b).join(',')}|${[...dependents[i]!].sort((a, b) => a - b).join(',')}`;
      const bucket = buckets.get(shape);
      if (bucket) bucket.push(i);
      else buckets.set(shape, [i]);
    });
    for (const members of buckets.values()) {
      if (members.length <= threshold) continue;
      const id = `${AUTO_GROUP_PREFIX}${names[members[0]!]}`;
      const after = deps[members[0]!]![0];
      autoNames.set(id, sharedName(members.map((i) => names[i]!), after === undefined ? undefined : names[after]));
      for (const i of members) chains[i] = [id];
    }
  }

  const groups = new Map<string, GroupShape>();
  const roots: GroupUnit[] = [];
  names.forEach((name, i) => {
    const chain = chains[i]!;
    chain.forEach((id, depth) => {
      let group = groups.get(id);
      if (!group) {
        const automatic = autoNames.has(id);
        const levels = levelsOf.get(id);
        const parent = depth > 0 ? chain[depth - 1] : undefined;
        group = {
          id,
          name: automatic ? autoNames.get(id)! : levels![levels!.length - 1]!,
          label: automatic ? autoNames.get(id)! : id,
          automatic,
          parent,
          depth,
          children: [],
          members: [],
          memberNames: [],
          dependsOn: [],
        };
        groups.set(id, group);
        (parent === undefined ? roots : groups.get(parent)!.children).push({ type: 'group', id });
      }
      group.members.push(i);
      group.memberNames.push(name);
    });
    const innermost = chain[chain.length - 1];
    (innermost === undefined ? roots : groups.get(innermost)!.children).push({ type: 'environment', name });
  });

  // Dependencies as units beside the one that waits: below the levels both share. One object per
  // unit, so that "seen" is identity and thousands of stores waiting for one gate share it.
  const groupUnits = new Map<string, GroupUnit>();
  const envUnits: GroupUnit[] = names.map((name) => ({ type: 'environment', name }));
  /** Environment `d` as seen from outside its groups below `level`: its group there, else itself. */
  const unitAt = (d: number, level: number): GroupUnit => {
    const chain = chains[d]!;
    if (level >= chain.length) return envUnits[d]!;
    const id = chain[level]!;
    let unit = groupUnits.get(id);
    if (!unit) groupUnits.set(id, (unit = { type: 'group', id }));
    return unit;
  };
  const groupSeen = new Map<string, Set<GroupUnit>>();
  const envDeps: GroupUnit[][] = names.map((_, i) => {
    const chain = chains[i]!;
    const list = deps[i]!;
    const mine: GroupUnit[] = [];
    // A gate waiting for a whole wave may list thousands: a set then, a scan for a few.
    const seen = list.length > 8 ? new Set<GroupUnit>() : undefined;
    for (const d of list) {
      const other = chains[d]!;
      let shared = 0;
      while (shared < chain.length && shared < other.length && chain[shared] === other[shared]) shared++;
      const unit = unitAt(d, shared);
      // For each group the environment is in: outside it only (a dependency inside stays inside).
      for (let depth = shared; depth < chain.length; depth++) {
        const id = chain[depth]!;
        let inGroup = groupSeen.get(id);
        if (!inGroup) groupSeen.set(id, (inGroup = new Set()));
        if (!inGroup.has(unit)) {
          inGroup.add(unit);
          groups.get(id)!.dependsOn.push(unit);
        }
      }
      if (seen ? seen.has(unit) : mine.includes(unit)) continue;
      seen?.add(unit);
      mine.push(unit);
    }
    return mine;
  });

  return {
    key,
    names,
    deps,
    chains,
    groups,
    roots,
    envDeps,
    envUnits,
    folds: new Map(),
    index,
    groupsOf: new Map(names.map((name, i) => [name, chains[i]!])),
    dependsOn: new Map(names.map((name, i) => [name, envDeps[i]!])),
  };
}

const NOT_STARTED: ReadonlySet<Status> = new Set<Status>(['queued', 'pending']);

/**
 * Puts a release's environments into groups and rolls up each group's state. Groups come from each
 * environment's `group` path (or `options.groupBy`), and, for environments in none, from their
 * structure: more than `autoGroupThreshold` siblings that wait for the same environments and are
 * waited for by the same ones fold into one automatic group. Every group has its members, counts
 * per status, progress, first failure, running members, times, the units it waits for, and why it
 * waits; every environment that waits has its reason too. A status-only change (a new release
 * object with the same names, dependencies and groups) reuses the cached structure, and the same
 * release again (the same object, with the same environment objects and options) gets the last
 * grouping again, only the durations of groups still at work brought up to `now`: a release is
 * read as data that does not change in place.
 *
 * Raises `ReleaseDataError` for a release the graph could not draw (see `topologicalOrder`) and for
 * a group path that is not a string, is empty at some level, or has more than 3 levels.
 */
export function groupReleaseEnvironments(release: Release, options: GroupingOptions & { now?: number } = {}): ReleaseGrouping {
  const environments = release?.environments;
  const threshold = options.autoGroupThreshold ?? 12;
  const now = options.now ?? Date.now();
  if (snapshot && sameSnapshot(snapshot, release, options.groupBy, threshold)) {
    stats.reused += 1;
    return again(snapshot, now);
  }
  const structure = structureFor(release, options, threshold);

  const statusOf = (i: number): Status => environments[i]!.status;
  const times = timesOf(environments);
  const groups = new Map<string, EnvironmentGroup>();
  const live: Array<readonly [string, number]> = [];
  for (const shape of structure.groups.values()) groups.set(shape.id, summarise(shape, statusOf, times, structure.names, now, live));

  // Why each unit waits, from what it waits for; memoised per unit (the DAG is walked once).
  const reasons = new Map<string, WaitingReason | null>();
  const indexOf = structure.index;
  const suspendedIn = (unit: GroupUnit): string | undefined => {
    if (unit.type === 'environment') return statusOf(indexOf.get(unit.name)!) === 'suspended' ? unit.name : undefined;
    const group = groups.get(unit.id)!;
    return group.counts.suspended > 0 ? group.running.find((name) => statusOf(indexOf.get(name)!) === 'suspended') : undefined;
  };
  const approval = (name: string): WaitingReason => ({
    kind: 'approval',
    environment: name,
    pullRequest: environments[indexOf.get(name)!]!.pullRequest?.state === 'open',
  });
  const notStarted = (unit: GroupUnit) =>
    unit.type === 'environment'
      ? NOT_STARTED.has(statusOf(indexOf.get(unit.name)!))
      : ((group) => group.counts.queued + group.counts.pending === group.progress.total)(groups.get(unit.id)!);
  const tally = (unit: GroupUnit) => {
    if (unit.type === 'group') {
      const group = groups.get(unit.id)!;
      return { failed: group.failed.length, finished: group.progress.finished, total: group.progress.total };
    }
    const status = statusOf(indexOf.get(unit.name)!);
    return { failed: isProblemStatus(status) ? 1 : 0, finished: isTerminalStatus(status) ? 1 : 0, total: 1 };
  };
  const envReasons: Array<WaitingReason | null | undefined> = [];
  // One reason per dependency: the thousands of stores waiting for one gate share it.
  const plain = new Map<GroupUnit, WaitingReason>();
  const plainReason = (kind: 'blocked' | 'upstream', on: GroupUnit, failed: number, finished: number, total: number): WaitingReason => {
    let reason = plain.get(on);
    if (!reason) plain.set(on, (reason = kind === 'blocked' ? { kind, on, failed, total } : { kind, on, finished, total }));
    return reason;
  };
  const reasonFor = (unit: GroupUnit): WaitingReason | undefined => {
    let key = '';
    let at = -1;
    if (unit.type === 'environment') {
      at = indexOf.get(unit.name)!;
      const status = statusOf(at);
      // Started and not waiting for a person: nothing to explain.
      if (!NOT_STARTED.has(status) && status !== 'suspended') return undefined;
      const known = envReasons[at];
      if (known !== undefined) return known ?? undefined;
      envReasons[at] = null;
    } else {
      key = unit.id;
      const known = reasons.get(key);
      if (known !== undefined) return known ?? undefined;
      reasons.set(key, null);
    }
    let reason: WaitingReason | undefined;
    const waitingPerson = suspendedIn(unit);
    if (waitingPerson !== undefined) reason = approval(waitingPerson);
    else if (notStarted(unit)) {
      const waitsFor = unit.type === 'group' ? structure.groups.get(unit.id)!.dependsOn : structure.envDeps[indexOf.get(unit.name)!]!;
      let blocked: WaitingReason | undefined;
      let person: WaitingReason | undefined;
      let upstream: WaitingReason | undefined;
      for (const dependency of waitsFor) {
        const { failed, finished, total } = tally(dependency);
        if (failed > 0) blocked ??= plainReason('blocked', dependency, failed, finished, total);
        else if (finished < total) {
          const inner = suspendedIn(dependency) !== undefined || notStarted(dependency) ? reasonFor(dependency) : undefined;
          if (inner?.kind === 'blocked') blocked ??= inner;
          else if (inner?.kind === 'approval') person ??= inner;
          else upstream ??= plainReason('upstream', dependency, failed, finished, total);
        }
      }
      reason = blocked ?? person ?? upstream;
      if (!reason && (release.status === 'queued' || release.status === 'pending')) reason = { kind: 'queued' };
      else if (!reason && isTerminalStatus(release.status)) reason = { kind: 'stopped', status: release.status };
    }
    if (at >= 0) envReasons[at] = reason ?? null;
    else reasons.set(key, reason ?? null);
    return reason;
  };
  for (const group of groups.values()) group.waiting = reasonFor({ type: 'group', id: group.id });
  const waiting = new Map<string, WaitingReason>();
  structure.envUnits.forEach((unit, i) => {
    const reason = reasonFor(unit);
    if (reason) waiting.set(structure.names[i]!, reason);
  });

  const grouping: ReleaseGrouping = {
    groups,
    roots: structure.roots,
    groupsOf: structure.groupsOf,
    dependsOn: structure.dependsOn,
    waiting,
    structureKey: structure.key,
  };
  structureOf.set(grouping, structure);
  snapshot = {
    release,
    environments,
    members: environments.slice(),
    status: release.status,
    groupBy: options.groupBy,
    threshold,
    now,
    grouping,
    live,
  };
  return grouping;
}

/**
 * The structure of a release's grouping: the last one when only statuses changed (no key, no
 * validation), a cached one, or built, checked and cached.
 */
function structureFor(release: Release, options: GroupingOptions, threshold: number): Structure {
  const environments = release?.environments;
  const paths: unknown[] = Array.isArray(environments)
    ? environments.map((environment) => (options.groupBy ? options.groupBy(environment) : environment?.group))
    : [];
  // The common live update: names, dependencies and paths as last time; no key, no validation.
  if (last && sameStructure(last, environments, paths, threshold)) {
    stats.reused += 1;
    return last.structure;
  }
  topologicalOrder(environments);
  const declared = readPaths(paths);
  const key = keyOf(environments, declared, threshold);
  let structure = cache.get(key);
  if (structure) {
    cache.delete(key);
    stats.reused += 1;
  } else {
    structure = buildStructure(release, options, key, declared);
    stats.computed += 1;
  }
  cache.set(key, structure);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return markSeen(environments, paths, threshold, structure);
}

/**
 * Makes `structure` what the next call compares with, and returns it. Kept as it is after a
 * status-only change: the names, the paths and the dependencies it holds are equal to its release's.
 */
function markSeen(environments: readonly EnvironmentStep[], paths: unknown[], threshold: number, structure: Structure): Structure {
  last = {
    names: environments.map((environment) => environment.name),
    dependsOn: environments.map((environment) => environment.dependsOn),
    paths,
    threshold,
    structure,
  };
  return structure;
}

/**
 * Builds (and caches) the structure of a release's grouping, checking the data as grouping does,
 * and rolls nothing up: the first half of a cold `groupReleaseEnvironments` of thousands of
 * environments, for a task of its own; the grouping after it reuses the structure.
 * @internal
 */
export function prepareGroupingStructure(release: Release, options: GroupingOptions = {}): void {
  structureFor(release, options, options.autoGroupThreshold ?? 12);
}

/** Names, dependencies and declared paths (numbers and strings only: JSON keeps them apart). */
function keyOf(environments: readonly EnvironmentStep[], declared: readonly string[][], threshold: number): string {
  return JSON.stringify([
    Number.isFinite(threshold) ? threshold : null,
    environments.map((environment, i) => [environment.name, environment.dependsOn, declared[i]]),
  ]);
}

/** True when `release` is the snapshot `seen` grouped, with the same options. */
function sameSnapshot(seen: Snapshot, release: Release, groupBy: GroupingOptions['groupBy'], threshold: number): boolean {
  const environments = release?.environments;
  if (seen.release !== release || seen.environments !== environments || seen.status !== release.status) return false;
  if (seen.groupBy !== groupBy || seen.threshold !== threshold || environments.length !== seen.members.length) return false;
  for (let i = 0; i < environments.length; i++) if (environments[i] !== seen.members[i]) return false;
  return true;
}

/** The snapshot's grouping at `now`: the same object, or a copy whose running groups' durations reach `now`. */
function again(seen: Snapshot, now: number): ReleaseGrouping {
  if (now === seen.now || seen.live.length === 0) return seen.grouping;
  const groups = new Map(seen.grouping.groups);
  for (const [id, started] of seen.live) groups.set(id, { ...groups.get(id)!, durationMs: Math.max(0, now - started) });
  const grouping: ReleaseGrouping = { ...seen.grouping, groups };
  structureOf.set(grouping, structureOf.get(seen.grouping)!);
  seen.grouping = grouping;
  seen.now = now;
  return grouping;
}

/**
 * Whether `groupReleaseEnvironments(release, options)` would find the release's structure cached
 * (the snapshot grouped last, the structure grouped last, or one of the recent ones) instead of
 * building it, which for thousands of environments takes tens of milliseconds. Never raises: data
 * it cannot read (which grouping would reject) is not cached. A structure found among the recent
 * ones becomes the one the next call compares with, as grouping would make it.
 * @internal
 */
export function isGroupingCached(release: Release, options: GroupingOptions = {}): boolean {
  const threshold = options.autoGroupThreshold ?? 12;
  if (snapshot && sameSnapshot(snapshot, release, options.groupBy, threshold)) return true;
  const environments = release?.environments;
  if (!Array.isArray(environments)) return false;
  try {
    const paths = environments.map((environment) => (options.groupBy ? options.groupBy(environment) : environment?.group));
    if (last && sameStructure(last, environments, paths, threshold)) return true;
    const key = keyOf(environments, readPaths(paths), threshold);
    const structure = cache.get(key);
    if (!structure) return false;
    cache.delete(key);
    cache.set(key, structure);
    markSeen(environments, paths, threshold, structure);
    return true;
  } catch {
    return false;
  }
}

/**
 * Each environment's index in the release `grouping` was made of, by name: built once per
 * structure, so a layout need not map every environment again on each call.
 * @internal
 */
export function environmentIndex(grouping: ReleaseGrouping): ReadonlyMap<string, number> {
  const structure = structureOf.get(grouping);
  if (!structure) throw new TypeError('environmentIndex takes what groupReleaseEnvironments returned');
  return structure.index;
}

/** True when the environments have the names, dependencies and group paths `seen` had. */
function sameStructure(seen: Seen, environments: readonly EnvironmentStep[] | undefined, paths: readonly unknown[], threshold: number): boolean {
  if (!Array.isArray(environments) || environments.length !== seen.names.length || threshold !== seen.threshold) return false;
  for (let i = 0; i < environments.length; i++) {
    const environment = environments[i]!;
    if (environment?.name !== seen.names[i] || paths[i] !== seen.paths[i]) return false;
    const before = seen.dependsOn[i]!;
    const now = environment.dependsOn;
    if (now === before) continue;
    if (!Array.isArray(now) || now.length !== before.length || now.some((name, d) => name !== before[d])) return false;
  }
  return true;
}

/**
 * A group's one status: its members' combined (a problem first, then work under way), except that
 * a group part done and part not started is `running`, not `pending`: it is under way.
 */
function groupStatus(combined: Status, finished: number): Status {
  return (combined === 'pending' || combined === 'queued') && finished > 0 ? 'running' : combined;
}

/**
 * Each environment's start and end, read once per grouping and only when asked for: an environment
 * is a member of its group at every level, and a fleet's thousands of dates take a while to parse.
 */
interface Times {
  /** When environment `i` started; Infinity when it did not (or not at a readable time). */
  start(i: number): number;
  /** When it finished; -Infinity when it did not. */
  end(i: number): number;
}

function timesOf(environments: readonly EnvironmentStep[]): Times {
  // NaN: not read yet (a date is never NaN once read).
  const starts = new Float64Array(environments.length).fill(Number.NaN);
  const ends = new Float64Array(environments.length).fill(Number.NaN);
  return {
    start: (i) => {
      let value = starts[i]!;
      if (Number.isNaN(value)) starts[i] = value = parseTime(environments[i]!.startedAt) ?? Infinity;
      return value;
    },
    end: (i) => {
      let value = ends[i]!;
      if (Number.isNaN(value)) ends[i] = value = parseTime(environments[i]!.finishedAt) ?? -Infinity;
      return value;
    },
  };
}

/** A group's roll-up at `now`; a group still at work goes into `live` with its first start. */
function summarise(
  shape: GroupShape,
  statusOf: (i: number) => Status,
  times: Times,
  names: readonly string[],
  now: number,
  live: Array<readonly [string, number]>,
): EnvironmentGroup {
  const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>;
  const failed: Array<[number, number]> = [];
  const running: string[] = [];
  let finished = 0;
  let started = Infinity;
  let ended = -Infinity;
  for (const i of shape.members) {
    const given = statusOf(i);
    // A status outside the vocabulary (from untyped data) counts as unknown.
    const status: Status = Object.hasOwn(counts, given) ? given : 'unknown';
    counts[status] += 1;
    const end = times.end(i);
    if (isTerminalStatus(status)) finished += 1;
    if (isProblemStatus(status)) failed.push([i, end === -Infinity ? Infinity : end]);
    if (isActiveStatus(status)) running.push(names[i]!);
    const start = times.start(i);
    if (start < started) started = start;
    if (end > ended) ended = end;
  }
  failed.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const total = shape.members.length;
  const done = finished === total && ended > -Infinity;
  const startedAt = Number.isFinite(started) ? new Date(started).toISOString() : undefined;
  if (!done && Number.isFinite(started)) live.push([shape.id, started]);
  return {
    id: shape.id,
    name: shape.name,
    label: shape.label,
    automatic: shape.automatic,
    parent: shape.parent,
    depth: shape.depth,
    children: shape.children,
    members: shape.memberNames,
    counts: counts as StatusCountsByStatus,
    // What `aggregateStatus` gives for the members' statuses: the first in its order that any has.
    status: groupStatus(AGGREGATION_PRIORITY.find((status) => counts[status] > 0) ?? 'unknown', finished),
    progress: { finished, total },
    firstFailure: failed.length > 0 ? names[failed[0]![0]] : undefined,
    failed: failed.map(([i]) => names[i]!),
    running,
    startedAt,
    finishedAt: done ? new Date(ended).toISOString() : undefined,
    durationMs: Number.isFinite(started) ? Math.max(0, (done ? ended : now) - started) : undefined,
    dependsOn: shape.dependsOn,
    waiting: undefined,
  };
}

/**
 * The release's graph with every group collapsed into one node except those in `expanded` (whose
 * enclosing groups are expanded too). An expanded group shows its sub-groups and environments; more
 * than `tileThreshold` environments directly in it are one grid of tiles. Edges join the units
 * that show an environment and one it waits for. Folds of the same structure and expanded set are
 * cached.
 */
export function foldReleaseGroups(
  grouping: ReleaseGrouping,
  expanded: Iterable<string> = [],
  options: { tileThreshold?: number } = {},
): FoldedGraph {
  const structure = structureOf.get(grouping);
  if (!structure) throw new TypeError('foldReleaseGroups takes what groupReleaseEnvironments returned');
  const threshold = options.tileThreshold ?? TILE_THRESHOLD;
  const open = new Set([...expanded].filter((id) => structure.groups.has(id)));
  const foldKey = JSON.stringify([threshold, [...open].sort()]);
  const cached = structure.folds.get(foldKey);
  if (cached) return cached;

  const units: FoldedUnit[] = [];
  const unitOf = new Map<string, number>();
  const shown: string[] = [];
  const visit = (unit: GroupUnit) => {
    if (unit.type === 'environment') {
      unitOf.set(unit.name, units.push({ type: 'environment', name: unit.name }) - 1);
      return;
    }
    const group = structure.groups.get(unit.id)!;
    if (!open.has(group.id)) {
      const at = units.push({ type: 'group', id: group.id }) - 1;
      for (const i of group.members) unitOf.set(structure.names[i]!, at);
      return;
    }
    shown.push(group.id);
    const direct = group.children.filter((child): child is { type: 'environment'; name: string } => child.type === 'environment');
    let tiles = -1;
    for (const child of group.children) {
      if (child.type === 'environment' && direct.length > threshold) {
        if (tiles < 0) tiles = units.push({ type: 'tiles', id: group.id, members: direct.map((e) => e.name) }) - 1;
        unitOf.set(child.name, tiles);
      } else visit(child);
    }
  };
  structure.roots.forEach(visit);

  const edges: Array<readonly [number, number]> = [];
  const seen = new Set<number>();
  structure.deps.forEach((list, i) => {
    const to = unitOf.get(structure.names[i]!)!;
    for (const d of list) {
      const from = unitOf.get(structure.names[d]!)!;
      if (from === to || seen.has(from * units.length + to)) continue;
      seen.add(from * units.length + to);
      edges.push([from, to]);
    }
  });
  const folded: FoldedGraph = { units, edges, unitOf, open: shown };
  structure.folds.set(foldKey, folded);
  if (structure.folds.size > CACHE_SIZE) structure.folds.delete(structure.folds.keys().next().value!);
  return folded;
}

/** A unit's name in words: a group's label, or the environment's name. */
export function unitLabel(unit: GroupUnit, grouping: ReleaseGrouping): string {
  return unit.type === 'group' ? (grouping.groups.get(unit.id)?.label ?? unit.id) : unit.name;
}

/**
 * A waiting reason in English words, e.g. "waiting for wave-1: 3 of 250 failed" or "waiting for
 * approval in staging". The components say it through their messages instead.
 */
export function waitingReasonText(reason: WaitingReason, grouping: ReleaseGrouping): string {
  switch (reason.kind) {
    case 'blocked':
      return reason.total === 1
        ? `waiting for ${unitLabel(reason.on, grouping)}, which failed`
        : `waiting for ${unitLabel(reason.on, grouping)}: ${reason.failed} of ${reason.total} failed`;
    case 'approval':
      return reason.pullRequest ? `waiting for the pull request in ${reason.environment} to merge` : `waiting for approval in ${reason.environment}`;
    case 'upstream':
      return reason.total === 1
        ? `waiting for ${unitLabel(reason.on, grouping)}`
        : `waiting for ${unitLabel(reason.on, grouping)}: ${reason.finished} of ${reason.total} done`;
    case 'queued':
      return 'queued';
    case 'stopped':
      return `not run: the release ${reason.status === 'terminated' ? 'was stopped' : 'ended'}`;
  }
}

/**
 * One line that sums up a group for a screen reader, e.g. "eu-west, 250 environments: 240
 * succeeded, 3 failed, 7 running, waiting for approval in staging".
 */
export function describeGroup(group: EnvironmentGroup, grouping: ReleaseGrouping): string {
  const c = group.counts;
  const parts: string[] = [];
  const add = (count: number, words: string) => count > 0 && parts.push(`${count} ${words}`);
  add(c.succeeded, 'succeeded');
  add(c.failed + c.error, 'failed');
  add(c.terminated, 'terminated');
  add(c.running + c.terminating, 'running');
  add(c.suspended, 'waiting for a person');
  add(c.pending + c.queued + c.unknown, 'not started');
  add(c.skipped, 'skipped');
  const total = group.progress.total;
  let text = `${group.label}, ${total} environment${total === 1 ? '' : 's'}: ${parts.join(', ')}`;
  if (group.waiting) text += `, ${waitingReasonText(group.waiting, grouping)}`;
  return text;
}

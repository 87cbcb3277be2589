import type { EnvironmentStep, IsoDateTime, Status } from '../model/types';

/** How environments are put into groups: shared by every function and component that groups. */
export interface GroupingOptions {
  /**
   * The group path of an environment, overriding its `group` field; `undefined` or `''` leaves it
   * in no declared group. A path has at most 3 levels, separated by `/` (`wave-2/eu-west`); each
   * level is trimmed.
   * @default the environment's own `group`
   */
  groupBy?: (environment: EnvironmentStep) => string | undefined;
  /**
   * Environments in no declared group that wait for exactly the same environments and are waited
   * for by exactly the same ones are structurally the same: when more than this many share a place,
   * they fold into one automatic group ("store · 250 environments"). `Infinity` turns automatic
   * grouping off.
   * @default 12
   */
  autoGroupThreshold?: number;
}

/** One thing a graph or table shows as a unit: a group, or an environment in no (shown) group. */
export type GroupUnit = { type: 'group'; id: string } | { type: 'environment'; name: string };

/**
 * Why an environment or a group has not started (or has stopped to wait), as data: `waitingReasonText`
 * puts it in words, the components through their messages.
 *
 * - `blocked`: something it waits for ended with problems, so it will not start by itself
 *   ("waiting for wave-1: 3 of 250 failed").
 * - `approval`: something it waits for (or the environment itself) waits for a person: an
 *   approval, or a pull request to merge (`pullRequest`).
 * - `upstream`: something it waits for is still under way ("waiting for wave-1: 120 of 250 done").
 * - `queued`: the release itself has not started.
 * - `stopped`: the release ended (`status`) before this ran.
 */
export type WaitingReason =
  | { kind: 'blocked'; on: GroupUnit; failed: number; total: number }
  | { kind: 'approval'; environment: string; pullRequest: boolean }
  | { kind: 'upstream'; on: GroupUnit; finished: number; total: number }
  | { kind: 'queued' }
  | { kind: 'stopped'; status: Status };

/** How many members are in each status. Every status has a count (0 when none). */
export type StatusCountsByStatus = Readonly<Record<Status, number>>;

/** A group of environments with its rolled-up state. Names are data: never used as object keys. */
export interface EnvironmentGroup {
  /**
   * Stable while the structure stays: a declared group's path as normalised (`wave-2/eu-west`); an
   * automatic group's id starts with `AUTO_GROUP_PREFIX` (a NUL, which no declared path holds).
   */
  id: string;
  /** What to call it: the path's last level, or for an automatic group what its members share. */
  name: string;
  /** The full name for messages: the path (`wave-2/eu-west`), or an automatic group's name. */
  label: string;
  /** True for a group made by automatic (structural) grouping. */
  automatic: boolean;
  /** The enclosing group's id, `undefined` at the top. */
  parent: string | undefined;
  /** 0 at the top. */
  depth: number;
  /** Its direct sub-groups and environments, in the release's order. */
  children: GroupUnit[];
  /** Every environment in it and its sub-groups, in the release's order. */
  members: string[];
  counts: StatusCountsByStatus;
  /**
   * The members' statuses combined (`aggregateStatus`: a problem first, then work under way), but
   * `running` for a group part finished and part not started.
   */
  status: Status;
  /** Members that will do nothing more (succeeded, failed, error, terminated, skipped), of all. */
  progress: { finished: number; total: number };
  /** The member that ended with a problem first (by `finishedAt`), if any. */
  firstFailure: string | undefined;
  /** Members that ended with a problem, first to fail first. */
  failed: string[];
  /** Members under way (running, suspended, terminating), in the release's order. */
  running: string[];
  /** The earliest member start. */
  startedAt: IsoDateTime | undefined;
  /** The latest member end, once every member has finished. */
  finishedAt: IsoDateTime | undefined;
  /** From the first start to the last end (or to `now` while members still work). */
  durationMs: number | undefined;
  /**
   * What its members wait for outside it, as units beside it: a group or environment at the same
   * level (a member waiting for a store of another wave makes the group wait for that wave).
   */
  dependsOn: GroupUnit[];
  /** Why it waits, while no member has started or some member waits for a person. */
  waiting: WaitingReason | undefined;
}

/** A release's environments as a tree of groups, with each group's and environment's state. */
export interface ReleaseGrouping {
  /** Every group by id. */
  groups: ReadonlyMap<string, EnvironmentGroup>;
  /** The top level: groups and environments in no group, in the release's order. */
  roots: GroupUnit[];
  /** For each environment, the ids of the groups it is in, outermost first (empty for none). */
  groupsOf: ReadonlyMap<string, readonly string[]>;
  /** What each environment waits for outside its group, as units beside its outermost group. */
  dependsOn: ReadonlyMap<string, readonly GroupUnit[]>;
  /** Why each waiting environment waits (only environments that wait are present). */
  waiting: ReadonlyMap<string, WaitingReason>;
  /** Equal for releases of the same structure (names, dependencies, groups): status-free. */
  structureKey: string;
}

/**
 * One node of a release's graph with groups folded: an environment, a collapsed group, or the
 * environments directly in an expanded group drawn as one grid of tiles (more than
 * `tileThreshold` of them).
 */
export type FoldedUnit =
  | { type: 'environment'; name: string }
  | { type: 'group'; id: string }
  | { type: 'tiles'; id: string; members: string[] };

/** A release's graph with collapsed groups as single nodes: what the graph lays out and draws. */
export interface FoldedGraph {
  units: FoldedUnit[];
  /** `[dependency, dependent]` pairs of indices into `units`, each pair once. */
  edges: Array<readonly [number, number]>;
  /** For each environment: the index of the unit that shows it. */
  unitOf: ReadonlyMap<string, number>;
  /** The groups shown open (expanded and inside open groups only), outermost first. */
  open: string[];
}

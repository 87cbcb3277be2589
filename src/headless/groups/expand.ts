import { ReleaseDataError } from '../adapters/errors';
import { TILE_THRESHOLD } from './group';
import type { GroupUnit, ReleaseGrouping, StatusCountsByStatus } from './types';

/**
 * What the graph shows of one environment: the outermost closed group it is in, the grid of tiles
 * of an open group (more than `tileThreshold` environments directly in it), or its own node.
 */
export type ShownUnit = GroupUnit | { type: 'tiles'; id: string };

/** A list of group ids, checked: each entry a string. */
function readExpanded(expanded: unknown): readonly string[] {
  if (!Array.isArray(expanded)) throw new ReleaseDataError('Expanded groups must be a list of group ids', '$.expanded', expanded);
  expanded.forEach((id, i) => {
    if (typeof id !== 'string') throw new ReleaseDataError('A group id must be a string', `$.expanded[${i}]`, id);
  });
  return expanded as readonly string[];
}

/** The ids of `id` and every group above it, outermost first. */
function withParents(grouping: ReleaseGrouping, id: string): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  for (let at: string | undefined = id; at !== undefined && !seen.has(at); at = grouping.groups.get(at)?.parent) {
    seen.add(at);
    chain.unshift(at);
  }
  return chain;
}

/**
 * The groups open after a click (or Enter) on group `id`, given those open before: a closed group
 * opens, with the groups around it (so it shows); an open one closes, with every group open inside
 * it. Ids of groups the release does not have (a link from another release) are kept. Returns a
 * new list; raises `ReleaseDataError` when `expanded` is not a list of strings or `id` names no
 * group.
 */
export function toggleExpandedGroup(grouping: ReleaseGrouping, expanded: readonly string[], id: string): string[] {
  const open = readExpanded(expanded);
  if (typeof id !== 'string' || !grouping.groups.has(id)) throw new ReleaseDataError('No group has this id', '$.id', id);
  if (open.includes(id)) {
    // Closed with everything inside it: opened again, it shows its own level first.
    return open.filter((other) => other !== id && !withParents(grouping, other).includes(id));
  }
  return [...expandGroups(open, withParents(grouping, id))];
}

/**
 * `expanded` with `ids` added (those not in it yet, in their order). Returns `expanded` itself when
 * every id is already in it, so a state setter sees no change.
 */
export function expandGroups(expanded: readonly string[], ids: Iterable<string>): readonly string[] {
  const open = readExpanded(expanded);
  const present = new Set(open);
  const added: string[] = [];
  for (const id of ids) {
    if (typeof id !== 'string') throw new ReleaseDataError('A group id must be a string', '$.ids', id);
    if (present.has(id)) continue;
    present.add(id);
    added.push(id);
  }
  return added.length === 0 ? open : [...open, ...added];
}

/**
 * The groups that must be open for an environment to show (in its own node or as a tile): every
 * group it is in, outermost first; empty for one in no group. Raises `ReleaseDataError` for a name
 * the release does not have.
 */
export function groupsToOpenFor(grouping: ReleaseGrouping, environment: string): string[] {
  const chain = typeof environment === 'string' ? grouping.groupsOf.get(environment) : undefined;
  if (!chain) throw new ReleaseDataError('No environment has this name', '$.environment', environment);
  return [...chain];
}

/**
 * The unit that shows `environment` while the groups in `expanded` are open: the outermost closed
 * group it is in, else the grid of tiles of its group when more than `tileThreshold` environments
 * are directly in that group, else the environment itself. `undefined` for a name the release does
 * not have (a stale deep link).
 */
export function shownUnitOf(
  grouping: ReleaseGrouping,
  expanded: Iterable<string>,
  environment: string,
  options: { tileThreshold?: number } = {},
): ShownUnit | undefined {
  const chain = typeof environment === 'string' ? grouping.groupsOf.get(environment) : undefined;
  if (!chain) return undefined;
  const open = expanded instanceof Set ? (expanded as ReadonlySet<string>) : new Set(expanded);
  for (const id of chain) if (!open.has(id)) return { type: 'group', id };
  const innermost = chain[chain.length - 1];
  if (innermost !== undefined) {
    const group = grouping.groups.get(innermost)!;
    let direct = 0;
    for (const child of group.children) if (child.type === 'environment') direct += 1;
    if (direct > (options.tileThreshold ?? TILE_THRESHOLD)) return { type: 'tiles', id: innermost };
  }
  return { type: 'environment', name: environment };
}

/** The ids of every group that holds at least one of `environments` (search results, say). */
export function groupsContaining(grouping: ReleaseGrouping, environments: Iterable<string>): Set<string> {
  const ids = new Set<string>();
  for (const name of environments) for (const id of grouping.groupsOf.get(name) ?? []) ids.add(id);
  return ids;
}

/**
 * The kinds of state a group's summary names, in the order it names them: several statuses count
 * as one (`failed` is failed and error, `running` is running and terminating, `waiting` is
 * suspended: waiting for a person, `notStarted` is queued, pending and unknown).
 */
export const GROUP_COUNT_KINDS = ['succeeded', 'failed', 'terminated', 'running', 'waiting', 'notStarted', 'skipped'] as const;

/** One kind of state in a group's summary. */
export type GroupCountKind = (typeof GROUP_COUNT_KINDS)[number];

/**
 * A group's counts summed into the kinds its summary names ("240 succeeded, 3 failed, 7
 * running"), in `GROUP_COUNT_KINDS` order, leaving out kinds with none.
 */
export function groupCountKinds(counts: StatusCountsByStatus): Array<{ kind: GroupCountKind; count: number }> {
  const sums: Record<GroupCountKind, number> = {
    succeeded: counts.succeeded,
    failed: counts.failed + counts.error,
    terminated: counts.terminated,
    running: counts.running + counts.terminating,
    waiting: counts.suspended,
    notStarted: counts.pending + counts.queued + counts.unknown,
    skipped: counts.skipped,
  };
  return GROUP_COUNT_KINDS.filter((kind) => sums[kind] > 0).map((kind) => ({ kind, count: sums[kind] }));
}

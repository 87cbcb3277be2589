import type { Edge, Node } from '@xyflow/react';
import type {
  EdgeState,
  EnvironmentGroup,
  EnvironmentStep,
  GroupedReleaseGraphLayout,
  GroupUnit,
  Point,
  PromotionAction,
  ReleaseGraphLayout,
  ReleaseGrouping,
  Status,
  StatusCountsByStatus,
  WaitingReason,
} from 'gitops-releases/headless';
import { promotionAction, COLLAPSED_PREFIX, unitLabel, GROUP_METRICS } from '../../headless/internal';
import { jsonEqual } from '../internal/equal';
import { formatMessage } from '../internal/message-format';

export interface EnvironmentNodeData extends Record<string, unknown> {
  environment: EnvironmentStep;
  rank: number;
  /** Names of the environments hidden behind a collapsed placeholder (placeholder nodes only). */
  hidden?: string[];
  /** For a placeholder: the environment whose downstream it stands for. */
  collapsedFrom?: string;
  hasDependents: boolean;
  /** Why it waits, and what the unit it waits for is called (grouped layouts). */
  waiting?: WaitingReason;
  waitingOn?: string;
}

/** How many names of failed and of running members a group's data keeps: more than a node shows. */
const NAMES_KEPT = 6;

/**
 * What a group node, grid or frame draws of a group: its state without the member lists (a
 * 2,500-store group compares in microseconds) and without `durationMs`, which the node counts
 * itself from the times so that a running group's data does not change with the clock.
 */
export interface GroupSummary {
  id: string;
  name: string;
  label: string;
  status: Status;
  counts: StatusCountsByStatus;
  total: number;
  finished: number;
  /** The first failed members (first to fail first), of `failedCount`. */
  failed: string[];
  failedCount: number;
  /** The first running members, of `runningCount`. */
  running: string[];
  runningCount: number;
  startedAt: string | undefined;
  finishedAt: string | undefined;
  waiting: WaitingReason | undefined;
  /** What the unit of `waiting.on` is called. */
  waitingOn: string | undefined;
}

export interface GroupNodeData extends Record<string, unknown> {
  group: GroupSummary;
  /** Its sub-groups as rows (as many as `GROUP_METRICS.maxSubgroupRows`), and how many more. */
  subgroups: GroupSummary[];
  moreSubgroups: number;
  rank: number;
}

export interface TilesNodeData extends Record<string, unknown> {
  group: GroupSummary;
  names: string[];
  statuses: Status[];
  columns: number;
  rank: number;
}

export interface FrameNodeData extends Record<string, unknown> {
  group: GroupSummary;
  /** 0 for a group at the top, 1 inside one, … */
  depth: number;
}

/** What an edge's end is called: an environment's name, a group's label, or a hidden subtree's size. */
export type EdgeEnd = string | { more: number };

/**
 * Names edges with a sentence of `{from}` and `{to}` (the `edge` message): an end is said by its
 * name or label, a hidden subtree by the `more` text.
 */
export function edgeNamer(sentence: string, more: (count: number) => string): (from: EdgeEnd, to: EdgeEnd) => string {
  const say = (end: EdgeEnd) => (typeof end === 'string' ? end : more(end.more));
  return (from, to) => formatMessage(sentence, { from: say(from), to: say(to) });
}

const sameEnd = (a: EdgeEnd, b: EdgeEnd) => (typeof a === 'string' ? a === b : typeof b !== 'string' && a.more === b.more);

export interface PromotionEdgeData extends Record<string, unknown> {
  state: EdgeState;
  action: PromotionAction;
  points: Point[];
}

export type EnvironmentFlowNode = Node<EnvironmentNodeData, 'environment' | 'collapsed'>;
export type GroupFlowNode = Node<GroupNodeData, 'fleetGroup'>;
export type TilesFlowNode = Node<TilesNodeData, 'fleetTiles'>;
export type FrameFlowNode = Node<FrameNodeData, 'fleetFrame'>;
export type GraphFlowNode = EnvironmentFlowNode | GroupFlowNode | TilesFlowNode | FrameFlowNode;
export type PromotionFlowEdge = Edge<PromotionEdgeData, 'promotion'>;

// eslint-disable-next-line no-control-regex -- the NUL is what must not reach the page
const ESCAPED = /[\u0000\uFFFD]/g;
/**
 * A node or edge id as the page can carry it in an attribute. Group ids start with a NUL, which an
 * HTML parser turns into U+FFFD (so a server's markup would not match the browser's): NUL and
 * U+FFFD are written as U+FFFD and a digit, which keeps every id distinct. Ordinary names pass
 * unchanged.
 */
export function domId(id: string): string {
  return id.includes('\u0000') || id.includes('\uFFFD') ? id.replace(ESCAPED, (c) => (c === '\u0000' ? '\uFFFD0' : '\uFFFD1')) : id;
}

/** A frame's id: it shares its group's id, so it gets its own prefix (outside the names' range, as above). */
const frameId = (groupId: string) => `\uFFFD2frame:${domId(groupId)}`;

function summarise(group: EnvironmentGroup, grouping: ReleaseGrouping | undefined): GroupSummary {
  return {
    id: group.id,
    name: group.name,
    label: group.label,
    status: group.status,
    counts: group.counts,
    total: group.progress.total,
    finished: group.progress.finished,
    failed: group.failed.slice(0, NAMES_KEPT),
    failedCount: group.failed.length,
    running: group.running.slice(0, NAMES_KEPT),
    runningCount: group.running.length,
    startedAt: group.startedAt,
    finishedAt: group.finishedAt,
    waiting: group.waiting,
    waitingOn: waitingOn(group.waiting, grouping),
  };
}

function waitingOn(reason: WaitingReason | undefined, grouping: ReleaseGrouping | undefined): string | undefined {
  if (!reason || !('on' in reason)) return undefined;
  const unit: GroupUnit = reason.on;
  return grouping ? unitLabel(unit, grouping) : unit.type === 'group' ? unit.id : unit.name;
}

const NODE_FLAGS = { draggable: false, connectable: false, selectable: false, focusable: false } as const;

/**
 * Turns layouts into React Flow nodes and edges, keeping the previous object of every node and
 * edge whose content and place did not change. A live update (a new release object, mostly the
 * same) then hands React Flow the same objects for unchanged environments and groups: they neither
 * re-render nor remount. Held in component state; `patch` is called from a memo.
 *
 * A grouped layout adds group nodes, grids of tiles and, first (so drawn below), the frames of
 * open groups. Ids go through `domId`.
 */
export function createFlowModel() {
  let nodesById = new Map<string, GraphFlowNode>();
  let edgesById = new Map<string, PromotionFlowEdge>();
  let namesById = new Map<string, { from: EdgeEnd; to: EdgeEnd; label: string }>();
  let lastNamer: ((from: EdgeEnd, to: EdgeEnd) => string) | undefined;

  function keep<N extends GraphFlowNode>(next: N): N {
    const previous = nodesById.get(next.id);
    const same =
      previous !== undefined &&
      previous.type === next.type &&
      previous.position.x === next.position.x &&
      previous.position.y === next.position.y &&
      previous.width === next.width &&
      previous.height === next.height &&
      jsonEqual(previous.data, next.data);
    return same ? (previous as N) : next;
  }

  /** `nameEdge` gives an edge's accessible name (React Flow's own is English and says ids). */
  function patch(layout: ReleaseGraphLayout | GroupedReleaseGraphLayout, hidden: Map<string, string[]>, nameEdge: (from: EdgeEnd, to: EdgeEnd) => string) {
    const grouping = 'grouping' in layout ? layout.grouping : undefined;
    const frames = 'frames' in layout ? layout.frames : [];
    const dependents = new Set(layout.edges.map((edge) => edge.source));
    const nextNodes = new Map<string, GraphFlowNode>();
    const nodes: GraphFlowNode[] = [];
    /** By layout id, what the edges' ends are called (for their accessible names). */
    const ends = new Map<string, EdgeEnd>();
    const add = (node: GraphFlowNode) => {
      const kept = keep(node);
      nextNodes.set(kept.id, kept);
      nodes.push(kept);
    };
    for (const frame of frames) {
      add({
        id: frameId(frame.group.id),
        type: 'fleetFrame',
        position: frame.position,
        width: frame.width,
        height: frame.height,
        data: { group: summarise(frame.group, grouping), depth: frame.group.depth },
        // Below the nodes and edges it holds; clicks on its empty inside reach the canvas (to pan).
        zIndex: -1,
        style: { pointerEvents: 'none' },
        ...NODE_FLAGS,
      });
    }
    const environments = new Map<string, EnvironmentStep>();
    for (const placed of layout.nodes) {
      const base = { id: domId(placed.id), position: placed.position, width: placed.width, height: placed.height, ...NODE_FLAGS };
      if (placed.type === 'group') {
        const group = placed.data.group;
        const subgroups: GroupSummary[] = [];
        let total = 0;
        for (const child of group.children) {
          if (child.type !== 'group') continue;
          total += 1;
          if (subgroups.length < GROUP_METRICS.maxSubgroupRows) subgroups.push(summarise(grouping!.groups.get(child.id)!, grouping));
        }
        ends.set(placed.id, group.label);
        add({ ...base, type: 'fleetGroup', data: { group: summarise(group, grouping), subgroups, moreSubgroups: total - subgroups.length, rank: placed.data.rank } });
        continue;
      }
      if (placed.type === 'tiles') {
        const members = placed.data.environments;
        ends.set(placed.id, placed.data.group.label);
        add({
          ...base,
          type: 'fleetTiles',
          data: {
            group: summarise(placed.data.group, grouping),
            names: members.map((environment) => environment.name),
            statuses: members.map((environment) => environment.status),
            columns: placed.data.columns,
            rank: placed.data.rank,
          },
        });
        continue;
      }
      const environment = placed.data.environment;
      environments.set(placed.id, environment);
      const collapsedFrom = placed.id.startsWith(COLLAPSED_PREFIX) ? placed.id.slice(COLLAPSED_PREFIX.length) : undefined;
      const waiting = 'waiting' in placed.data ? placed.data.waiting : undefined;
      const data: EnvironmentNodeData = {
        environment,
        rank: placed.data.rank,
        hasDependents: dependents.has(placed.id),
        ...(collapsedFrom !== undefined ? { collapsedFrom, hidden: hidden.get(collapsedFrom) ?? [] } : {}),
        ...(waiting ? { waiting, waitingOn: waitingOn(waiting, grouping) } : {}),
      };
      ends.set(placed.id, collapsedFrom !== undefined ? { more: data.hidden!.length } : environment.name);
      add({ ...base, type: collapsedFrom !== undefined ? 'collapsed' : 'environment', data });
    }
    const nextEdges = new Map<string, PromotionFlowEdge>();
    const nextNames = new Map<string, { from: EdgeEnd; to: EdgeEnd; label: string }>();
    const edges = layout.edges.map((placed) => {
      const target = environments.get(placed.target);
      const data: PromotionEdgeData = {
        state: placed.data.state,
        // Into a group the promotion acts on many environments: no one marker says how.
        action: target === undefined || placed.target.startsWith(COLLAPSED_PREFIX) ? 'none' : promotionAction(target),
        points: placed.data.points,
      };
      // Every end is a node of the layout (so the ids are never said). A name is made again only
      // when an end or the words changed: a status update of 2,000 edges would take milliseconds.
      const from = ends.get(placed.source) ?? domId(placed.source);
      const to = ends.get(placed.target) ?? domId(placed.target);
      const id = domId(placed.id);
      const named = namesById.get(id);
      const ariaLabel = named && nameEdge === lastNamer && sameEnd(named.from, from) && sameEnd(named.to, to) ? named.label : nameEdge(from, to);
      nextNames.set(id, { from, to, label: ariaLabel });
      const previous = edgesById.get(id);
      const edge: PromotionFlowEdge =
        previous !== undefined && previous.ariaLabel === ariaLabel && jsonEqual(previous.data, data)
          ? previous
          : { id, source: domId(placed.source), target: domId(placed.target), type: 'promotion', data, ariaLabel, focusable: false, selectable: false };
      nextEdges.set(edge.id, edge);
      return edge;
    });
    nodesById = nextNodes;
    edgesById = nextEdges;
    namesById = nextNames;
    lastNamer = nameEdge;
    return { nodes, edges };
  }

  return { patch };
}

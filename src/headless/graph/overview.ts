import type { Status } from '../model/types';
import type { EdgeState } from './edge-state';
import type { Point } from './geometry';
import type { GroupedReleaseGraphLayout, ReleaseGraphLayout } from './layout';

/**
 * Below this zoom an environment's rows would be drawn under ~4px: it draws its box, its name in
 * large type and its status colour only (compact).
 */
export const COMPACT_BELOW_ZOOM = 0.35;
/**
 * Below this zoom a group's words would be drawn under ~8px: groups, grids and frames draw as
 * tiles in their status colour with their names in large type. In a graph with groups the
 * environments go compact here too, so that a gate between two wave tiles says its name as
 * plainly as they do, not in 5px rows.
 */
export const FAR_BELOW_ZOOM = 0.6;

/** How much a graph draws of each node at a zoom: every row, name and colour, or the overview. */
export type LevelOfDetail = 'full' | 'compact' | 'overview';

/**
 * The level of detail of a graph of `nodeCount` nodes at `zoom` (`grouped`: it shows groups).
 * What ReleaseGraph draws; a host drawing its own graph can follow the same steps.
 */
export function levelOfDetail(zoom: number, { nodeCount = 0, grouped = false }: { nodeCount?: number; grouped?: boolean } = {}): LevelOfDetail {
  if (showsOverview(nodeCount, zoom)) return 'overview';
  return zoom < (grouped ? FAR_BELOW_ZOOM : COMPACT_BELOW_ZOOM) ? 'compact' : 'full';
}

/** From this many nodes a graph zoomed out past `OVERVIEW_BELOW_ZOOM` draws its overview. */
export const OVERVIEW_FROM = 400;
/**
 * Below this zoom a node is a few dozen pixels wide: no name fits in it, even enlarged, and a
 * browser needs hundreds of milliseconds to draw a thousand of them (bench/README.md).
 */
export const OVERVIEW_BELOW_ZOOM = 0.15;

/**
 * Whether a graph of `nodeCount` nodes seen at `zoom` is drawn as its overview (`graphOverview`)
 * rather than node by node. What ReleaseGraph does; a host drawing its own graph can do the same.
 */
export function showsOverview(nodeCount: number, zoom: number): boolean {
  return nodeCount >= OVERVIEW_FROM && zoom < OVERVIEW_BELOW_ZOOM;
}

/**
 * A whole graph as a handful of SVG paths, in the layout's coordinates: every node of one status
 * as rectangles of one path, every edge of one state as curves of one path. Drawn in one go, a
 * thousand environments and two thousand edges are about twenty elements instead of thousands.
 */
export interface GraphOverview {
  width: number;
  height: number;
  /** One entry per status present, in the order statuses first appear in the layout. */
  nodes: Array<{ status: Status; count: number; path: string }>;
  /** One entry per edge state present: from the source's outgoing side to the target's incoming one. */
  edges: Array<{ state: EdgeState; count: number; path: string }>;
}

const round = (value: number) => Math.round(value * 10) / 10;
const rectangle = (node: { position: Point; width: number; height: number }) => `M${round(node.position.x)} ${round(node.position.y)}h${round(node.width)}v${round(node.height)}h${round(-node.width)}z`;

/**
 * The environments of `names` (a search's matches) as one path of rectangles, in the overview's
 * coordinates: what the overview marks, since it has no node to mark. Empty when none is shown.
 */
export function overviewHighlight(layout: ReleaseGraphLayout | GroupedReleaseGraphLayout, names: ReadonlySet<string>): string {
  let path = '';
  for (const node of layout.nodes) if (node.type === 'environment' && names.has(node.data.environment.name)) path += rectangle(node);
  return path;
}

/**
 * The overview of a layout whose nodes are all environments (a flat layout, or a grouped one with
 * no group); `undefined` for any other: a group node carries more than one status, and an open
 * group's frame would be lost. Names are never read: nodes are found by id in a `Map`.
 */
export function graphOverview(layout: ReleaseGraphLayout | GroupedReleaseGraphLayout): GraphOverview | undefined {
  if ('frames' in layout && layout.frames.length > 0) return undefined;
  const boxes = new Map<string, { position: Point; width: number; height: number }>();
  const nodePaths = new Map<Status, { count: number; parts: string[] }>();
  for (const node of layout.nodes) {
    if (node.type !== 'environment') return undefined;
    boxes.set(node.id, node);
    const status = node.data.environment.status;
    let entry = nodePaths.get(status);
    if (!entry) nodePaths.set(status, (entry = { count: 0, parts: [] }));
    entry.count += 1;
    entry.parts.push(rectangle(node));
  }
  const horizontal = layout.direction !== 'TB';
  const edgePaths = new Map<EdgeState, { count: number; parts: string[] }>();
  for (const edge of layout.edges) {
    const from = boxes.get(edge.source);
    const to = boxes.get(edge.target);
    if (!from || !to) continue;
    // Out of the source's right (or bottom) side, into the target's left (or top) side.
    const [sx, sy] = horizontal ? [from.position.x + from.width, from.position.y + from.height / 2] : [from.position.x + from.width / 2, from.position.y + from.height];
    const [tx, ty] = horizontal ? [to.position.x, to.position.y + to.height / 2] : [to.position.x + to.width / 2, to.position.y];
    const bend = horizontal ? `C${round((sx + tx) / 2)} ${round(sy)} ${round((sx + tx) / 2)} ${round(ty)}` : `C${round(sx)} ${round((sy + ty) / 2)} ${round(tx)} ${round((sy + ty) / 2)}`;
    let entry = edgePaths.get(edge.data.state);
    if (!entry) edgePaths.set(edge.data.state, (entry = { count: 0, parts: [] }));
    entry.count += 1;
    entry.parts.push(`M${round(sx)} ${round(sy)}${bend} ${round(tx)} ${round(ty)}`);
  }
  return {
    width: layout.width,
    height: layout.height,
    nodes: [...nodePaths].map(([status, { count, parts }]) => ({ status, count, path: parts.join('') })),
    edges: [...edgePaths].map(([state, { count, parts }]) => ({ state, count, path: parts.join('') })),
  };
}

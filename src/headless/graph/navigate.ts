import type { LayoutDirection, Point } from './layout';

/** What navigation reads of a node: any laid-out node (environment, group or tiles) has it. */
interface PlacedNode {
  id: string;
  position: Point;
  data: { rank: number };
}

export type NavigationKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

/**
 * Where an arrow key goes from a node. Along the flow (Right in LR, Down in TB) it follows an
 * edge to the nearest dependent; against it, to the nearest dependency; across it, to the next
 * node of the same rank. Nearest means closest on the cross axis, so the move goes where the
 * eye expects. `undefined` when there is nowhere to go.
 */
export function neighborInDirection(
  nodes: readonly PlacedNode[],
  edges: readonly { source: string; target: string }[],
  fromId: string,
  key: NavigationKey,
  direction: LayoutDirection,
): string | undefined {
  const from = nodes.find((node) => node.id === fromId);
  if (!from) return undefined;
  const forward = direction === 'LR' ? 'ArrowRight' : 'ArrowDown';
  const backward = direction === 'LR' ? 'ArrowLeft' : 'ArrowUp';
  const cross = (node: PlacedNode) => (direction === 'LR' ? node.position.y : node.position.x);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const closest = (ids: string[]) =>
    ids
      .map((id) => byId.get(id))
      .filter((node): node is PlacedNode => node !== undefined)
      .sort((a, b) => Math.abs(cross(a) - cross(from)) - Math.abs(cross(b) - cross(from)) || cross(a) - cross(b))[0]?.id;
  if (key === forward) return closest(edges.filter((edge) => edge.source === fromId).map((edge) => edge.target));
  if (key === backward) return closest(edges.filter((edge) => edge.target === fromId).map((edge) => edge.source));
  const sameRank = nodes.filter((node) => node.data.rank === from.data.rank).sort((a, b) => cross(a) - cross(b));
  const index = sameRank.findIndex((node) => node.id === fromId);
  const step = key === (direction === 'LR' ? 'ArrowDown' : 'ArrowRight') ? 1 : -1;
  return sameRank[index + step]?.id;
}

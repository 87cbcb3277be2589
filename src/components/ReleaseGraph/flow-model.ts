import type { Edge, Node } from '@xyflow/react';
import type { EdgeState, EnvironmentStep, Point, PromotionAction, ReleaseGraphLayout } from 'gitops-releases/headless';
import { promotionAction, COLLAPSED_PREFIX } from '../../headless/internal';
import { jsonEqual } from '../internal/equal';

export interface EnvironmentNodeData extends Record<string, unknown> {
  environment: EnvironmentStep;
  rank: number;
  /** Names of the environments hidden behind a collapsed placeholder (placeholder nodes only). */
  hidden?: string[];
  /** For a placeholder: the environment whose downstream it stands for. */
  collapsedFrom?: string;
  hasDependents: boolean;
}

export interface PromotionEdgeData extends Record<string, unknown> {
  state: EdgeState;
  action: PromotionAction;
  points: Point[];
}

export type EnvironmentFlowNode = Node<EnvironmentNodeData, 'environment' | 'collapsed'>;
export type PromotionFlowEdge = Edge<PromotionEdgeData, 'promotion'>;

/**
 * Turns layouts into React Flow nodes and edges, keeping the previous object of every node and
 * edge whose content and place did not change. A live update (a new release object, mostly the
 * same) then hands React Flow the same objects for unchanged environments: they neither
 * re-render nor remount. Held in component state; `patch` is called from a memo.
 */
export function createFlowModel() {
  let nodesById = new Map<string, EnvironmentFlowNode>();
  let edgesById = new Map<string, PromotionFlowEdge>();

  function patch(layout: ReleaseGraphLayout, hidden: Map<string, string[]>) {
    const dependents = new Set(layout.edges.map((edge) => edge.source));
    const nextNodes = new Map<string, EnvironmentFlowNode>();
    const nodes = layout.nodes.map((placed) => {
      const collapsedFrom = placed.id.startsWith(COLLAPSED_PREFIX) ? placed.id.slice(COLLAPSED_PREFIX.length) : undefined;
      const data: EnvironmentNodeData = {
        environment: placed.data.environment,
        rank: placed.data.rank,
        hasDependents: dependents.has(placed.id),
        ...(collapsedFrom !== undefined ? { collapsedFrom, hidden: hidden.get(collapsedFrom) ?? [] } : {}),
      };
      const previous = nodesById.get(placed.id);
      const same =
        previous !== undefined &&
        previous.position.x === placed.position.x &&
        previous.position.y === placed.position.y &&
        previous.width === placed.width &&
        previous.height === placed.height &&
        jsonEqual(previous.data, data);
      const node: EnvironmentFlowNode = same
        ? previous
        : {
            id: placed.id,
            type: collapsedFrom !== undefined ? 'collapsed' : 'environment',
            position: placed.position,
            width: placed.width,
            height: placed.height,
            data,
            draggable: false,
            connectable: false,
            selectable: false,
            focusable: false,
          };
      nextNodes.set(node.id, node);
      return node;
    });
    const nextEdges = new Map<string, PromotionFlowEdge>();
    const byId = new Map(layout.nodes.map((node) => [node.id, node.data.environment]));
    const edges = layout.edges.map((placed) => {
      const target = byId.get(placed.target)!;
      const data: PromotionEdgeData = {
        state: placed.data.state,
        action: placed.target.startsWith(COLLAPSED_PREFIX) ? 'none' : promotionAction(target),
        points: placed.data.points,
      };
      const previous = edgesById.get(placed.id);
      const edge: PromotionFlowEdge =
        previous !== undefined && jsonEqual(previous.data, data)
          ? previous
          : { id: placed.id, source: placed.source, target: placed.target, type: 'promotion', data, focusable: false, selectable: false };
      nextEdges.set(edge.id, edge);
      return edge;
    });
    nodesById = nextNodes;
    edgesById = nextEdges;
    return { nodes, edges };
  }

  return { patch };
}

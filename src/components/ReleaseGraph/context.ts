import { createContext, useContext } from 'react';
import type { LayoutDirection, WorkflowStep, WorkflowStepRef } from 'gitops-releases/headless';

/**
 * What every node of one graph shares, outside node data: node data changes only when an
 * environment does, so a selection or a search never makes React Flow replace nodes.
 */
export interface GraphContextValue {
  direction: LayoutDirection;
  /** The node id (`domId`) that takes Tab (roving tabindex): the one shown for the selected environment, else the trigger's. */
  activeId: string | undefined;
  /** The selected environment's name. */
  selectedId: string | null;
  /** Names matching the search; `undefined` when there is no search. */
  matches: ReadonlySet<string> | undefined;
  /** Ids of the groups holding a match; `undefined` when there is no search. */
  matchedGroups: ReadonlySet<string> | undefined;
  triggerEnvironment: string;
  select: (name: string) => void;
  open: (name: string) => void;
  selectStep: (step: WorkflowStepRef, workflowStep: WorkflowStep) => void;
  toggleCollapsed: (name: string) => void;
  /**
   * Opens a closed group or closes an open one. From the keyboard, focus then goes into the group
   * (or back to its node).
   */
  toggleGroup: (id: string, from: 'pointer' | 'keyboard') => void;
  /** Moves focus to the header of the innermost open group around the node `nodeId` (Escape). */
  focusGroupAround: (nodeId: string) => void;
  /** The graph shows groups: its environments go compact as far out as the groups do (`levelOfDetail`). */
  grouped: boolean;
  /** The host's `classNames.node` and `classNames.edge`. */
  nodeClassName: string | undefined;
  edgeClassName: string | undefined;
}

export const GraphContext = /* @__PURE__ */ createContext<GraphContextValue | null>(null);

export function useGraphContext(): GraphContextValue {
  const value = useContext(GraphContext);
  if (!value) throw new Error('Graph nodes render only inside ReleaseGraph');
  return value;
}

import { createContext, useContext } from 'react';
import type { LayoutDirection, WorkflowStep, WorkflowStepRef } from 'gitops-releases/headless';

/**
 * What every node of one graph shares, outside node data: node data changes only when an
 * environment does, so a selection or a search never makes React Flow replace nodes.
 */
export interface GraphContextValue {
  direction: LayoutDirection;
  /** The node that takes Tab (roving tabindex): the selected one, else the trigger. */
  activeId: string | undefined;
  selectedId: string | null;
  /** Names matching the search; `undefined` when there is no search. */
  matches: ReadonlySet<string> | undefined;
  triggerEnvironment: string;
  select: (name: string) => void;
  open: (name: string) => void;
  selectStep: (step: WorkflowStepRef, workflowStep: WorkflowStep) => void;
  toggleCollapsed: (name: string) => void;
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

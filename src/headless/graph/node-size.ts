import type { EnvironmentStep } from '../model/types';

/**
 * The environment node's box, in pixels. The component renders rows of exactly these heights, so
 * the layout (computed without a DOM, on a server or in a worker) matches what is drawn.
 */
export const NODE_METRICS = {
  width: 280,
  /** Name, live subtitle, and the start date + duration line. */
  header: 76,
  /** "Issues (n)": only when the environment has issues. */
  issuesRow: 28,
  /** A section title such as "Pre-Action Workflow". */
  sectionTitle: 24,
  /** One workflow step row. */
  row: 24,
  /** "Application Status (n)" row. */
  applicationsRow: 32,
  padding: 12,
} as const;

/** The parts of an environment that decide its node's size (and so belong to the structure key). */
export interface NodeContentShape {
  issues: boolean;
  trigger: number;
  preAction: number;
  postAction: number;
  applications: boolean;
}

export function nodeContentShape(environment: EnvironmentStep): NodeContentShape {
  const workflows = environment.workflows;
  return {
    issues: environment.issues.length > 0,
    trigger: workflows.trigger.length,
    preAction: workflows.preAction.length,
    postAction: workflows.postAction.length,
    applications: environment.applications.length > 0,
  };
}

/** A pure function of the node's content: the same content always gives the same size. */
export function environmentNodeSize(environment: EnvironmentStep): { width: number; height: number } {
  const shape = nodeContentShape(environment);
  const m = NODE_METRICS;
  let height = m.padding * 2 + m.header;
  if (shape.issues) height += m.issuesRow;
  for (const rows of [shape.trigger, shape.preAction, shape.postAction]) {
    if (rows > 0) height += m.sectionTitle + rows * m.row;
  }
  if (shape.applications) height += m.applicationsRow;
  return { width: m.width, height };
}

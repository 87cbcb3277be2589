import type { EnvironmentWorkflows } from './types';

/** Which list of an environment a workflow step belongs to. */
export type WorkflowSection = keyof EnvironmentWorkflows;

/** The workflow lists in the order they run. */
export const WORKFLOW_SECTIONS: readonly WorkflowSection[] = ['trigger', 'preAction', 'postAction'];

/**
 * One workflow step of a release, named rather than held: plain strings a host can keep in its
 * URL and give back, which still find the step in a newer snapshot of the release.
 */
export interface WorkflowStepRef {
  /** The environment's `name`. */
  environment: string;
  /** The list the step is in. */
  section: WorkflowSection;
  /** The step's `name`. */
  name: string;
}

export type * from './types';
export * from './status';
export * from './source-status';
export * from './duration';
export * from './links';
export { WORKFLOW_SECTIONS } from './workflow';
export type { WorkflowSection, WorkflowStepRef } from './workflow';
export { releaseActions } from './release-actions';
export type { ReleaseActions } from './release-actions';

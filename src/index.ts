/**
 * `gitops-releases`: React components that show product releases of a GitOps platform.
 * Styles ship separately as `gitops-releases/styles.css`; the logic lives in
 * `gitops-releases/headless`, whose model types are re-exported here for convenience.
 *
 * Everything else here is also a per-component entry (`src/entries/`), for hosts whose bundler
 * keeps every export of a `"use client"` module it imports (Next.js with React Server Components):
 * each export is in exactly one of them, and all of them share one provider context.
 */
export * from './entries/badge';
export * from './entries/provider';
export * from './entries/table';
export * from './entries/graph';
export * from './entries/view';
export * from './entries/notes';
export * from './entries/insights';

// Root only: the model's types, re-exported from `gitops-releases/headless` (a host importing the
// per-component entries imports them from there).
export type {
  Status,
  SyncStatus,
  HealthStatus,
  Release,
  EnvironmentStep,
  WorkflowStep,
  WorkflowRun,
  WorkflowSection,
  WorkflowStepRef,
  ReleaseActions,
  ApplicationState,
  Issue,
  Commit,
  Person,
  PullRequest,
  // The model's `ReleaseNotes` type (a release's raw notes) is in `gitops-releases/headless`: here
  // the name is the component's.
  HookRun,
  PromotionFlow,
} from 'gitops-releases/headless';

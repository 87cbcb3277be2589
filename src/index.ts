/**
 * `gitops-releases`: React components that show product releases of a GitOps platform.
 * Styles ship separately as `gitops-releases/styles.css`; the logic lives in
 * `gitops-releases/headless`, whose model types are re-exported here for convenience.
 */
export { StatusBadge } from './components/StatusBadge';
export type {
  StatusBadgeProps,
  StatusBadgeCommonProps,
  ReleaseStatusBadgeProps,
  SyncStatusBadgeProps,
  HealthStatusBadgeProps,
  StatusBadgeClassNames,
  StatusBadgeKind,
  StatusBadgeVariant,
  StatusBadgeSize,
} from './components/StatusBadge';

export { ReleasesProvider, DEFAULT_MESSAGES } from './components/provider';
export type {
  ColorMode,
  Density,
  TimeZone,
  ReleasesProviderProps,
  ReleasesMessages,
  PartialReleasesMessages,
  NumberFormatter,
  CommonMessages,
  BadgeMessages,
  TableMessages,
  GraphMessages,
  ViewMessages,
  EnvironmentMessages,
  NotesMessages,
  DiffMessages,
  LinkRenderProps,
  RenderLink,
  ReleasesErrorHandler,
  ReleasesErrorInfo,
  DeepPartial,
} from './components/provider';
export type { RootElementProps } from './components/internal/root-props';

export { EnvironmentDetails } from './components/EnvironmentDetails';
export type {
  EnvironmentDetailsProps,
  EnvironmentDetailsClassNames,
  EnvironmentDetailsWorkflowStepRef,
  EnvironmentWorkflowSection,
} from './components/EnvironmentDetails';

export { ReleaseView, ReleaseHeader } from './components/ReleaseView';
export type {
  ReleaseViewProps,
  ReleaseViewTab,
  ReleaseViewClassNames,
  ReleaseViewWorkflowStep,
  ReleaseHeaderProps,
  ReleaseHeaderClassNames,
  ReleaseHrefGetter,
} from './components/ReleaseView';

export { ReleaseGraph } from './components/ReleaseGraph';
export type { ReleaseGraphProps, ReleaseGraphClassNames } from './components/ReleaseGraph';

export { ReleaseNotes } from './components/ReleaseNotes';
export type { ReleaseNotesProps, ReleaseNotesClassNames, ReleaseNotesGrouping } from './components/ReleaseNotes';

export { ReleaseDiff } from './components/ReleaseDiff';
export type { ReleaseDiffProps, ReleaseDiffClassNames } from './components/ReleaseDiff';

export { ReleasesTable, useReleasesTable } from './components/ReleasesTable';
export type {
  ReleasesTableProps,
  ReleasesTableClassNames,
  ReleasesTableDensity,
  UseReleasesTableOptions,
  UseReleasesTableResult,
  ReleasesTableStateOptions,
} from './components/ReleasesTable';

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
  ReleaseRow,
  ReleaseColumn,
  ReleaseFilters,
  ReleaseSort,
  ReleaseSortKey,
  ReleasesTableState,
  ReleasesPageInfo,
  CompiledReleaseNotes,
  NoteItem,
  IssueKeyResolver,
} from 'gitops-releases/headless';

/**
 * `gitops-releases/headless`: the release model, status vocabulary, graph layout and sample data,
 * with no React, DOM or CSS. Runs in Node, a worker, a server or a test.
 *
 * Every export is listed by name: what is here is the public API (recorded in
 * api/gitops-releases-headless.api.md and checked by `npm test`); helpers the modules share
 * among themselves stay out.
 */

// The model
export type {
  Status,
  SyncStatus,
  HealthStatus,
  IsoDateTime,
  Person,
  Commit,
  PullRequestState,
  PullRequest,
  TriggerKind,
  ReleaseTrigger,
  IssueKind,
  IssueLevel,
  Issue,
  WorkflowRun,
  WorkflowStep,
  EnvironmentWorkflows,
  ApplicationState,
  HookEvent,
  HookRun,
  EnvironmentKind,
  EnvironmentStep,
  ReleaseImage,
  ReleaseIssueRef,
  ReleaseNotes,
  ReleaseErrorCode,
  ReleaseError,
  SourceSystem,
  ReleaseSource,
  Release,
  FlowEnvironment,
  PromotionFlow,
} from './model/types';
export {
  STATUSES,
  SYNC_STATUSES,
  HEALTH_STATUSES,
  STATUS_LABELS,
  SYNC_LABELS,
  HEALTH_LABELS,
  isTerminalStatus,
  isActiveStatus,
  AGGREGATION_PRIORITY,
  aggregateStatus,
  statusGroup,
  countByStatusGroup,
  isProblemStatus,
  type StatusGroup,
  type StatusCounts,
} from './model/status';
export {
  fromCodefreshReleaseStatus,
  fromCodefreshEnvironmentStatus,
  fromArgoWorkflowPhase,
  fromCodefreshApplicationPromotionStatus,
  fromSyncStatus,
  fromHealthStatus,
  fromKargoPromotionPhase,
  fromKargoHealthState,
  fromGitHubDeploymentState,
  type MappedStatus,
} from './model/source-status';
export { parseTime, durationMs, formatDuration, durationParts, type DurationUnit } from './model/duration';
export { shownTimeZone, type ShownTimeZone } from './model/time-zone';
export { WORKFLOW_SECTIONS, type WorkflowSection, type WorkflowStepRef } from './model/workflow';
export { releaseActions, type ReleaseActions } from './model/release-actions';
export { safeHref, shortSha } from './model/links';
export { ReleaseDataError, isReleaseDataError } from './adapters/errors';

// The promotion graph
export {
  layoutReleaseGraph,
  layoutReleaseGraphAsync,
  layoutReleaseGraphIfQuick,
  layoutCacheStats,
  QUICK_LAYOUT_COST,
  type AsyncLayoutOptions,
  type LayoutDirection,
  type LayoutOptions,
  type Point,
  type ReleaseGraphNode,
  type ReleaseGraphEdge,
  type ReleaseGraphLayout,
  type GroupedLayoutOptions,
  type GroupLayoutOptions,
  type GroupedReleaseGraphLayout,
  type ReleaseGraphGroupNode,
  type ReleaseGraphTilesNode,
  type ReleaseGraphFrame,
  GROUP_NODE_PREFIX,
  TILES_NODE_PREFIX,
} from './graph/layout';
export { layoutCost } from './graph/geometry';
export { serveLayoutWorker, type LayoutWorkerScope, type LayoutWorkerRequest, type LayoutWorkerResponse } from './graph/worker-protocol';
export type { LayoutWorkerOption } from './graph/worker-client';
export type { GeometryInput, Geometry, Size } from './graph/geometry';
export { NODE_METRICS, environmentNodeSize, GROUP_METRICS, groupNodeSize, TILE_METRICS, tilesNodeSize } from './graph/node-size';
export { edgeState, type EdgeState } from './graph/edge-state';
export { promotionAction, collapseDownstream, describeEnvironment, type PromotionAction } from './graph/derive';
export { neighborInDirection, type NavigationKey } from './graph/navigate';
export { graphOverview, overviewHighlight, showsOverview, levelOfDetail, OVERVIEW_FROM, OVERVIEW_BELOW_ZOOM, COMPACT_BELOW_ZOOM, FAR_BELOW_ZOOM, type GraphOverview, type LevelOfDetail } from './graph/overview';
export { tileInDirection, tileCenter, type TileKey } from './graph/tiles';
export { topologicalOrder } from './graph/validate';

// Groups of targets (waves, regions, rings, and structural ones found automatically)
export {
  groupReleaseEnvironments,
  foldReleaseGroups,
  groupCacheStats,
  waitingReasonText,
  describeGroup,
  unitLabel,
  AUTO_GROUP_PREFIX,
  MAX_GROUP_DEPTH,
  TILE_THRESHOLD,
  toggleExpandedGroup,
  expandGroups,
  groupsToOpenFor,
  shownUnitOf,
  groupsContaining,
  groupCountKinds,
  GROUP_COUNT_KINDS,
  type ShownUnit,
  type GroupCountKind,
  type GroupingOptions,
  type GroupUnit,
  type WaitingReason,
  type StatusCountsByStatus,
  type EnvironmentGroup,
  type ReleaseGrouping,
  type FoldedUnit,
  type FoldedGraph,
} from './groups';

// Sample data
export {
  SAMPLE_FLOW_SHAPES,
  SAMPLE_FLEET_SHAPES,
  sampleFlow,
  SAMPLE_STATES,
  sampleRelease,
  sampleReleaseHistory,
  simulatePromotion,
  type SampleFlowShape,
  type SampleFleetShape,
  type SampleState,
  type SampleReleaseOptions,
  type SampleHistoryOptions,
  type SimulateOptions,
} from './sample';

// The releases table
export {
  SORT_KEYS,
  MANUAL_FLOW,
  DEFAULT_SORT,
  DEFAULT_TABLE_STATE,
  hasActiveFilters,
  validDay,
  toSearchParams,
  toSearchString,
  fromSearchParams,
  type ReleaseSortKey,
  type ReleaseSort,
  type ReleaseFilters,
  type ReleasesTableState,
  type SearchParamsOptions,
} from './table/state';
export {
  buildReleaseRows,
  rowDuration,
  environmentOrder,
  releaseColumns,
  type ReleaseRow,
  type ReleaseFieldColumnId,
  type ReleaseColumn,
  type ReleaseGroupColumn,
  type ReleaseColumnsOptions,
} from './table/rows';
export {
  releaseGroupRollups,
  hasEnvironmentGroups,
  visibleReleaseColumns,
  type GroupRollup,
  type TableGroupingOptions,
} from './table/groups';
export { filterReleaseRows, sortReleaseRows, queryReleaseRows, type ReleasesQueryResult, type ReleasesPageInfo } from './table/query';
export {
  setSort,
  toggleSort,
  setFilters,
  clearFilters,
  setPage,
  setColumnHidden,
  setGroupHidden,
  setGroupExpanded,
  canPreviousPage,
  canNextPage,
  previousPage,
  nextPage,
  type ReleasesTablePaging,
} from './table/transitions';
export {
  toggleReleaseSelection,
  orderReleasePair,
  releasesToCompare,
  releaseSelectionSummary,
  type ReleaseSelectionState,
  type ToggleReleaseSelectionOptions,
  type ReleaseSelectionSummary,
} from './table/selection';

// Release notes and diffs
export {
  jiraKeys,
  githubKeys,
  linkIssueKeys,
  parseConventionalCommit,
  CHANGE_TYPE_ORDER,
  compileReleaseNotes,
  filterReleaseNotes,
  type TextPart,
  type NoteScope,
  type NoteImage,
  type NoteIssue,
  type NotePullRequest,
  type NoteCommit,
  type NoteItem,
  type ConventionalChange,
  type NoteGroup,
  type CompiledReleaseNotes,
  type IssueKeyResolver,
  type CompileOptions,
} from './notes/compile';
export { releaseNotesToMarkdown } from './notes/markdown';
export {
  diffReleases,
  changesSinceLastRelease,
  type DiffChange,
  type DiffField,
  type ApplicationSnapshot,
  type ApplicationDiff,
  type EnvironmentDiff,
  type ReleaseDiffResult,
  type EnvironmentChanges,
} from './diff/diff';
export {
  compareReleases,
  type CompareReleasesOptions,
  type ReleaseComparisonResult,
  type EnvironmentComparison,
  type EnvironmentSnapshot,
} from './diff/compare';

// Delivery insights
export {
  computeDeliveryMetrics,
  type DeliveryBucket,
  type DeliveryTime,
  type DeliveryMetricsOptions,
  type DeliveryWindow,
  type DeploymentFrequency,
  type ChangeLeadTime,
  type ChangeFailRate,
  type FailedDeploymentRecoveryTime,
  type DeliveryKeys,
  type EnvironmentMetrics,
  type FailingStep,
  type DeliverySeriesPoint,
  type FailedDeployment,
  type ValueStreamStage,
  type DeliveryMetrics,
  DELIVERY_KEY_IDS,
  deliveryKeyValue,
  deliveryTrend,
  deliveryKeyChange,
  deliveryKeySeries,
  summarizeSeries,
  valueStreamShares,
  checkDeliveryMetrics,
  type DeliveryKeyId,
  type DeliveryTrend,
  type DeliveryKeyChange,
  type SeriesSummary,
  type ValueStreamShare,
} from './insights';

// Git commit statuses and release links
export {
  toCommitStatus,
  COMMIT_STATUS_STATES,
  DESCRIPTION_LIMITS,
  CONTEXT_LIMITS,
  DETAILS_URL_LIMITS,
  type CommitStatusProvider,
  type GitHubCommitState,
  type GitLabCommitState,
  type BitbucketCommitState,
  type GitHubCommitStatus,
  type GitLabCommitStatus,
  type BitbucketCommitStatus,
  type CommitStatusPayloads,
  type CommitStatusOptions,
  type CommitStatusResult,
} from './git/commit-status';
export {
  createReleaseLinks,
  releaseHref,
  parseReleaseHref,
  MAX_RELEASE_LINK_LENGTH,
  type ReleaseTarget,
  type ReleaseLinksOptions,
  type ReleaseLinks,
} from './links/release-links';

// Source adapters
export {
  fromCodefreshRelease,
  fromCodefreshPromotion,
  fromCodefreshReleasesPage,
  type CodefreshAdapterOptions,
  type CodefreshPromotionOptions,
  type CodefreshReleasesPage,
  type CodefreshEnvironment,
} from './adapters/codefresh';
export {
  fromKargo,
  type KargoObjectMeta,
  type KargoFreightOrigin,
  type KargoFreightRequest,
  type KargoHealthState,
  type KargoStage,
  type KargoPromotionPhase,
  type KargoPromotion,
  type KargoFreight,
  type KargoWarehouse,
  type KargoInput,
  type KargoOptions,
} from './adapters/kargo';
export {
  fromGitHubDeployments,
  GITHUB_DEPLOYMENTS_FLOW,
  type GitHubUser,
  type GitHubDeploymentState,
  type GitHubDeployment,
  type GitHubDeploymentStatus,
  type GitHubDeploymentsInput,
  type GitHubDeploymentsOptions,
  type GitHubEnvironmentGroupRule,
} from './adapters/github';
export {
  withArgoCdApplications,
  type ArgoCdSyncStatusCode,
  type ArgoCdHealthStatusCode,
  type ArgoCdOperationPhase,
  type ArgoCdApplication,
  type ArgoCdApplicationList,
  type ArgoCdOverlayOptions,
  type ArgoCdApplicationSet,
  type ArgoCdApplicationSetList,
  type ArgoCdRollingSyncStep,
  type ArgoCdMatchExpression,
  type ArgoCdCluster,
  type ArgoCdClusterSecret,
} from './adapters/argocd';

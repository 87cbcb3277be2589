/**
 * Not a public entry: what the package's own components take from headless at run time, the
 * graph layout aside. The components import it by a relative path, which the build points at
 * `dist/headless-internal.*`: built with headless, it shares headless's chunks, so there is one
 * copy of everything stateful (`ReleaseDataError`, the row caches warmed here and read by
 * `queryReleaseRows`). It never imports the layout, so a component that does not lay out a graph
 * never reaches dagre; the graph imports `./graph/layout` (built as `dist/headless-layout.*`,
 * sharing the same chunks). It is not in package.json's `exports`, so no host can import it.
 *
 * Types come from `gitops-releases/headless` (lint holds components to that).
 */
export {
  STATUSES,
  SYNC_STATUSES,
  HEALTH_STATUSES,
  STATUS_LABELS,
  SYNC_LABELS,
  HEALTH_LABELS,
  isTerminalStatus,
  isActiveStatus,
  countByStatusGroup,
  isProblemStatus,
  AGGREGATION_PRIORITY,
} from './model/status';
export { durationMs, durationParts, parseTime } from './model/duration';
export { WORKFLOW_SECTIONS } from './model/workflow';
export { releaseActions } from './model/release-actions';
export { safeHref, shortSha } from './model/links';
export { isReleaseDataError } from './adapters/errors';
export { promotionAction, collapseDownstream, COLLAPSED_PREFIX } from './graph/derive';
export { neighborInDirection } from './graph/navigate';
export { graphOverview, overviewHighlight, showsOverview, levelOfDetail, OVERVIEW_BELOW_ZOOM, OVERVIEW_FROM, FAR_BELOW_ZOOM } from './graph/overview';
export { topologicalOrder } from './graph/validate';
export { groupReleaseEnvironments, foldReleaseGroups, waitingReasonText, describeGroup, unitLabel, AUTO_GROUP_PREFIX, TILE_THRESHOLD } from './groups';
export { toggleExpandedGroup, expandGroups, groupsToOpenFor, shownUnitOf, groupsContaining, groupCountKinds } from './groups/expand';
export { tileInDirection, tileCenter } from './graph/tiles';
export { TILE_METRICS, GROUP_METRICS } from './graph/node-size';
export { MANUAL_FLOW, DEFAULT_TABLE_STATE, hasActiveFilters, validDay } from './table/state';
export { buildReleaseRows, rowDuration, environmentOrder, releaseColumns, warmReleaseRows, columnsForEnvironments } from './table/rows';
export { queryReleaseRows } from './table/query';
export { releaseGroupRollups, hasEnvironmentGroups, visibleReleaseColumns } from './table/groups';
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
} from './table/transitions';
export { compileReleaseNotes, filterReleaseNotes } from './notes/compile';
export { releaseNotesToMarkdown } from './notes/markdown';
export { diffReleases } from './diff/diff';
export { computeDeliveryMetrics } from './insights/metrics';
export { DELIVERY_KEY_IDS, checkDeliveryMetrics, deliveryKeyChange, deliveryKeySeries, summarizeSeries, valueStreamShares } from './insights/trends';
export { compareReleases } from './diff/compare';
export { toggleReleaseSelection, releasesToCompare, releaseSelectionSummary } from './table/selection';
export { shownTimeZone, type ShownTimeZone } from './model/time-zone';

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
} from './group';
export {
  toggleExpandedGroup,
  expandGroups,
  groupsToOpenFor,
  shownUnitOf,
  groupsContaining,
  groupCountKinds,
  GROUP_COUNT_KINDS,
  type ShownUnit,
  type GroupCountKind,
} from './expand';
export type {
  GroupingOptions,
  GroupUnit,
  WaitingReason,
  StatusCountsByStatus,
  EnvironmentGroup,
  ReleaseGrouping,
  FoldedUnit,
  FoldedGraph,
} from './types';

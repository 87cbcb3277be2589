/**
 * `gitops-releases/table`: ReleasesTable and useReleasesTable, with the table's state and row
 * types. Never imports React Flow, dagre or Radix.
 */
export { ReleasesTable, useReleasesTable } from '../components/ReleasesTable';
export type {
  ReleasesTableProps,
  ReleasesTableClassNames,
  ReleasesTableDensity,
  UseReleasesTableOptions,
  UseReleasesTableResult,
  ReleasesTableStateOptions,
} from '../components/ReleasesTable';
export type {
  ReleaseRow,
  ReleaseColumn,
  ReleaseGroupColumn,
  GroupRollup,
  ReleaseFieldColumnId,
  ReleaseFilters,
  ReleaseSort,
  ReleaseSortKey,
  ReleasesTableState,
  ReleasesPageInfo,
} from 'gitops-releases/headless';

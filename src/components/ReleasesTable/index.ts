export { ReleasesTable } from './ReleasesTable';
export type { ReleasesTableProps, ReleasesTableClassNames, ReleasesTableDensity } from './ReleasesTable';
export { useReleasesTable } from './useReleasesTable';
export type { UseReleasesTableOptions, UseReleasesTableResult, ReleasesTableStateOptions } from './useReleasesTable';

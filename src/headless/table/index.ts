export * from './state';
export * from './rows';
export * from './query';
export {
  setSort,
  toggleSort,
  setFilters,
  clearFilters,
  setPage,
  setColumnHidden,
  canPreviousPage,
  canNextPage,
  previousPage,
  nextPage,
} from './transitions';
export type { ReleasesTablePaging } from './transitions';

/**
 * The table's English text in one place (the provider's messages take these over with the i18n
 * work). Plain strings and small functions of numbers: never markup.
 */
export const TABLE_TEXT = {
  columns: {
    date: 'Date',
    status: 'Status',
    initiator: 'Initiator',
    version: 'Version',
    flow: 'Promotion Flow',
    duration: 'Duration',
    commit: 'Trigger commit',
  },
  manual: 'manual',
  none: '—',
  noDate: 'No date',
  notPartOfRelease: 'Not part of this release',
  tableLabel: 'Releases',
  filters: 'Release filters',
  statusFilter: 'Status',
  flowFilter: 'Promotion flow',
  anyEnvironment: 'Any environment',
  environmentFilter: 'Environment',
  from: 'From',
  to: 'To',
  search: 'Search releases',
  searchPlaceholder: 'Search version, SHA, message, initiator',
  columnsMenu: 'Columns',
  clearFilters: 'Clear filters',
  selectedCount: (n: number) => (n === 0 ? 'Any' : `${n} selected`),
  /** `format` writes a number in the provider's locale. */
  count: (shown: number, total: number | undefined, format: (n: number) => string) =>
    total !== undefined && total !== shown ? `${format(shown)} of ${format(total)} releases` : `${format(shown)} release${shown === 1 ? '' : 's'}`,
  loading: 'Loading releases',
  loadingPage: 'Loading the page',
  errorTitle: 'Could not load the releases',
  dataErrorTitle: 'Could not show the releases',
  retry: 'Try again',
  emptyFiltered: 'No releases match these filters',
  emptyFilteredDetail: 'Change or clear the filters to see more.',
  empty: 'No releases yet',
  emptyDetail: 'A release appears here when a promotion starts.',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  page: (page: number, count?: number) => (count ? `Page ${page} of ${count}` : `Page ${page}`),
  sortBy: (column: string) => `Sort by ${column}`,
  hideColumn: (environment: string) => `Show the ${environment} column`,
} as const;

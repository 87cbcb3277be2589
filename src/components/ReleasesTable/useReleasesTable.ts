import { useCallback, useEffect, useMemo } from 'react';
import {
  DEFAULT_TABLE_STATE,
  MANUAL_FLOW,
  buildReleaseRows,
  columnsForEnvironments,
  environmentOrder,
  hasActiveFilters,
  queryReleaseRows,
  releaseColumns,
  warmReleaseRows,
  type Release,
  type ReleaseColumn,
  type ReleaseFilters,
  type ReleaseRow,
  type ReleaseSort,
  type ReleaseSortKey,
  type ReleasesPageInfo,
  type ReleasesTableState,
} from 'gitops-releases/headless';
import { useNow } from '../internal/time';
import { useControllableState } from '../internal/use-controllable-state';

export interface UseReleasesTableOptions {
  /** The releases: every release in client mode, the page the host fetched in server mode. */
  releases: readonly Release[] | undefined;
  /**
   * `client` sorts, filters and pages `releases` here. `server`: the host owns the data; state
   * changes are only reported (`onStateChange`) and `releases` is shown as given, with
   * `pageInfo` for cursor paging.
   * @default 'client'
   */
  mode?: 'client' | 'server';
  /** Controlled state (sort, filters, page or cursor, hidden columns). */
  state?: ReleasesTableState;
  /** Initial state when uncontrolled, e.g. `fromSearchParams(location.search)`. */
  defaultState?: Partial<ReleasesTableState>;
  /** Every change of the state: write it to the URL with `toSearchString`, fetch a page, … */
  onStateChange?: (state: ReleasesTableState) => void;
  /** Client mode: rows per page. Without it every matching row is one (virtualised) list. */
  pageSize?: number;
  /** Server mode: the cursors of the page shown. */
  pageInfo?: ReleasesPageInfo;
  /** Server mode: how many releases match in all (shown as the count when given). */
  totalCount?: number;
  /**
   * Time durations of running releases are sorted by.
   * @default the clock at each sort; on the server and while hydrating, the latest time in the data
   */
  now?: number;
}

export interface UseReleasesTableResult {
  /** The rows to show, in order (the current page; every match without a page size). */
  rows: readonly ReleaseRow[];
  /** How many releases match the filters (`totalCount` in server mode when given). */
  total: number | undefined;
  /** Every column: the field columns, then one per environment of the matching releases. */
  columns: readonly ReleaseColumn[];
  /** `columns` without the environment columns the reader hid. */
  visibleColumns: readonly ReleaseColumn[];
  /** Every environment any release went through, in promotion order (for a columns menu). */
  environments: readonly string[];
  /** Every promotion flow among the releases (`MANUAL_FLOW` when some were manual). */
  flows: readonly string[];
  state: ReleasesTableState;
  /** True when a filter narrows the releases. */
  filtered: boolean;
  page: number;
  pageCount: number;
  canPreviousPage: boolean;
  canNextPage: boolean;
  /** The data could not be read: a `ReleaseDataError` naming the path and value. */
  error: unknown;
  setState: (next: ReleasesTableState) => void;
  setSort: (sort: ReleaseSort) => void;
  /** Sorts by a column; again on the same column reverses it. Dates and durations start descending. */
  toggleSort: (key: ReleaseSortKey) => void;
  /** Merges into the filters, back to the first page. */
  setFilters: (filters: Partial<ReleaseFilters>) => void;
  clearFilters: () => void;
  setPage: (page: number) => void;
  previousPage: () => void;
  nextPage: () => void;
  setColumnHidden: (environment: string, hidden: boolean) => void;
}

const DESCENDING_FIRST: ReadonlySet<ReleaseSortKey> = /* @__PURE__ */ new Set<ReleaseSortKey>(['date', 'duration']);
const EMPTY: readonly Release[] = [];
/** Any change of what is shown starts again at the first page (or the first cursor). */
const RESET = { page: 1, after: undefined, before: undefined };

/** Fills in what a partial state leaves out. */
function complete(state: Partial<ReleasesTableState> | undefined): ReleasesTableState {
  return { ...DEFAULT_TABLE_STATE, ...state, filters: state?.filters ?? DEFAULT_TABLE_STATE.filters, sort: state?.sort ?? DEFAULT_TABLE_STATE.sort };
}

/**
 * The releases table's logic for hosts that render their own table: rows, columns and state,
 * with setters. `ReleasesTable` is built on it.
 */
export function useReleasesTable(options: UseReleasesTableOptions): UseReleasesTableResult {
  const { releases = EMPTY, mode = 'client', pageSize, pageInfo, totalCount, now } = options;
  const [state, setStateRaw] = useControllableState<ReleasesTableState>(options.state, complete(options.defaultState), options.onStateChange);
  const server = mode === 'server';

  // Rows are flattened once per releases array; sorting and filtering reuse them.
  const built = useMemo(() => {
    try {
      const rows = buildReleaseRows(releases);
      const flows = new Set<string>();
      for (const row of rows) flows.add(row.flow ?? MANUAL_FLOW);
      return { rows, order: environmentOrder(rows), flows: [...flows].sort(), error: undefined };
    } catch (error) {
      return { rows: [] as ReleaseRow[], order: [] as string[], flows: [] as string[], error };
    }
  }, [releases]);

  // A server has no clock, and a browser hydrates later than the server rendered: sorted by
  // duration to its own "now", each would order running releases differently (a hydration
  // mismatch). Both measure to the latest time in the data; the browser's clock comes after.
  const latest = useMemo(() => built.rows.reduce((max, row) => Math.max(max, row.created ?? 0, row.finished ?? 0), 0), [built.rows]);
  const clock = useNow(false, latest);
  const sortNow = now ?? (state.sort.key === 'duration' ? clock : undefined);
  const queried = useMemo(() => {
    if (server) return { rows: built.rows, matching: built.rows, total: totalCount ?? built.rows.length, page: state.page, pageCount: 1 };
    return queryReleaseRows(built.rows, state, { pageSize, now: sortNow });
  }, [server, built, state, pageSize, sortNow, totalCount]);

  // Memoized on the environment names, not the rows: the same array while the columns stay the
  // same (most sorts and keystrokes), so memoized rows do not render again for nothing.
  // JSON, not names joined by a separator: a name may hold any character.
  const environmentKey = useMemo(
    () => JSON.stringify(releaseColumns(queried.matching, { environmentOrder: built.order }).flatMap((column) => (column.kind === 'environment' ? [column.environment] : []))),
    [queried.matching, built.order],
  );
  const columns = useMemo(() => columnsForEnvironments(JSON.parse(environmentKey) as string[]), [environmentKey]);

  // The search text and sort keys are built on first use; build them while the browser is idle
  // after the rows change, so the first keystroke or sort does not pay for 10,000 rows.
  useEffect(() => warmWhenIdle(built.rows), [built.rows]);
  const hidden = state.hiddenColumns;
  const visibleColumns = useMemo(
    () => (hidden?.length ? columns.filter((column) => column.kind === 'field' || !hidden.includes(column.environment)) : columns),
    [columns, hidden],
  );

  const setState = setStateRaw;
  const setSort = useCallback((sort: ReleaseSort) => setState({ ...state, ...RESET, sort }), [state, setState]);
  const toggleSort = useCallback(
    (key: ReleaseSortKey) =>
      setState({ ...state, ...RESET, sort: state.sort.key === key ? { key, desc: !state.sort.desc } : { key, desc: DESCENDING_FIRST.has(key) } }),
    [state, setState],
  );
  const setFilters = useCallback(
    (filters: Partial<ReleaseFilters>) => setState({ ...state, ...RESET, filters: prune({ ...state.filters, ...filters }) }),
    [state, setState],
  );
  const clearFilters = useCallback(() => setState({ ...state, ...RESET, filters: {} }), [state, setState]);
  const setPage = useCallback((page: number) => setState({ ...state, page: Math.max(1, Math.floor(page) || 1) }), [state, setState]);
  const canPreviousPage = server ? !!pageInfo?.hasPrevPage : queried.page > 1;
  const canNextPage = server ? !!pageInfo?.hasNextPage : queried.page < queried.pageCount;
  const previousPage = useCallback(() => {
    if (!canPreviousPage) return;
    if (server) setState({ ...state, page: Math.max(1, state.page - 1), after: undefined, before: pageInfo?.startCursor ?? undefined });
    else setState({ ...state, page: queried.page - 1 });
  }, [canPreviousPage, server, state, setState, pageInfo, queried.page]);
  const nextPage = useCallback(() => {
    if (!canNextPage) return;
    if (server) setState({ ...state, page: state.page + 1, before: undefined, after: pageInfo?.endCursor ?? undefined });
    else setState({ ...state, page: queried.page + 1 });
  }, [canNextPage, server, state, setState, pageInfo, queried.page]);
  const setColumnHidden = useCallback(
    (environment: string, hide: boolean) => {
      const current = new Set(state.hiddenColumns);
      if (hide) current.add(environment);
      else current.delete(environment);
      setState({ ...state, hiddenColumns: [...current] });
    },
    [state, setState],
  );

  return {
    rows: queried.rows,
    total: queried.total,
    columns,
    visibleColumns,
    environments: built.order,
    flows: built.flows,
    state,
    filtered: hasActiveFilters(state.filters),
    page: queried.page,
    pageCount: queried.pageCount,
    canPreviousPage,
    canNextPage,
    error: built.error,
    setState,
    setSort,
    toggleSort,
    setFilters,
    clearFilters,
    setPage,
    previousPage,
    nextPage,
    setColumnHidden,
  };
}

/** Builds the rows' lazy keys in idle slices; returns the cancel function. */
function warmWhenIdle(rows: readonly ReleaseRow[]): (() => void) | undefined {
  if (typeof window === 'undefined' || rows.length === 0) return undefined;
  const idle = window.requestIdleCallback ?? ((callback: IdleRequestCallback) => window.setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 8 } as IdleDeadline), 50));
  const cancel = window.cancelIdleCallback ?? window.clearTimeout;
  let next = 0;
  let handle = 0;
  const slice = (deadline: IdleDeadline) => {
    // About 500 rows take 1 ms: work while the idle period lasts, then wait for the next one.
    while (next < rows.length && deadline.timeRemaining() > 2) {
      warmReleaseRows(rows, next, next + 500);
      next += 500;
    }
    if (next < rows.length) handle = idle(slice);
  };
  handle = idle(slice);
  return () => cancel(handle);
}

/** Filters without empty values, so the URL and `hasActiveFilters` see only what narrows. */
function prune(filters: ReleaseFilters): ReleaseFilters {
  const out: { -readonly [K in keyof ReleaseFilters]: ReleaseFilters[K] } = {};
  if (filters.statuses?.length) out.statuses = filters.statuses;
  if (filters.flows?.length) out.flows = filters.flows;
  if (filters.environment) out.environment = filters.environment;
  if (filters.from) out.from = filters.from;
  if (filters.to) out.to = filters.to;
  if (filters.query) out.query = filters.query;
  return out;
}

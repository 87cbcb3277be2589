import { useCallback, useEffect, useMemo, useState, type SetStateAction } from 'react';
import type {
  EnvironmentStep,
  Release,
  ReleaseColumn,
  ReleaseFilters,
  ReleaseRow,
  ReleaseSort,
  ReleaseSortKey,
  ReleasesPageInfo,
  ReleasesTablePaging,
  ReleasesTableState,
} from 'gitops-releases/headless';
import {
  DEFAULT_TABLE_STATE,
  MANUAL_FLOW,
  buildReleaseRows,
  canNextPage as canNext,
  canPreviousPage as canPrevious,
  clearFilters as clearFiltersOf,
  environmentOrder,
  hasActiveFilters,
  nextPage as nextPageOf,
  previousPage as previousPageOf,
  queryReleaseRows,
  releaseColumns,
  setColumnHidden as setColumnHiddenOf,
  setFilters as setFiltersOf,
  setPage as setPageOf,
  setSort as setSortOf,
  toggleSort as toggleSortOf,
  columnsForEnvironments,
  hasEnvironmentGroups,
  setGroupExpanded as setGroupExpandedOf,
  setGroupHidden as setGroupHiddenOf,
  visibleReleaseColumns,
  warmReleaseRows,
} from '../../headless/internal';
import type { Density } from '../provider/ReleasesProvider';
import { useNow } from '../internal/time';
import { useControllableState } from '../internal/use-controllable-state';

/**
 * The table's state, controlled or not: as a whole (`state`), or slice by slice, TanStack-style,
 * so a host can keep only the filters in its URL and leave the rest to the table. A slice given
 * controlled wins over the same slice of `state`. Every `on…Change` fires only when its part
 * changed; `onStateChange` fires on every change, with the whole state.
 */
export interface ReleasesTableStateOptions {
  /**
   * Controlled state: sort, filters, page or cursor, hidden columns.
   * @default undefined (uncontrolled)
   */
  state?: ReleasesTableState;
  /**
   * Initial state when uncontrolled, e.g. `fromSearchParams(location.search)` to restore it from
   * the URL.
   * @default newest first, no filters, first page, every column shown
   */
  defaultState?: Partial<ReleasesTableState>;
  /**
   * Every change of the state, whole: write it to the URL with `toSearchString`, fetch a page, …
   * @default undefined
   */
  onStateChange?: (state: ReleasesTableState) => void;
  /**
   * Controlled sort.
   * @default undefined (from `state`, else uncontrolled)
   */
  sort?: ReleaseSort;
  /**
   * Initial sort when uncontrolled.
   * @default `defaultState.sort`, else newest first
   */
  defaultSort?: ReleaseSort;
  /**
   * The sort changed (a header was clicked).
   * @default undefined
   */
  onSortChange?: (sort: ReleaseSort) => void;
  /**
   * Controlled filters.
   * @default undefined (from `state`, else uncontrolled)
   */
  filters?: ReleaseFilters;
  /**
   * Initial filters when uncontrolled.
   * @default `defaultState.filters`, else none
   */
  defaultFilters?: ReleaseFilters;
  /**
   * The filters changed (empty values left out).
   * @default undefined
   */
  onFiltersChange?: (filters: ReleaseFilters) => void;
  /**
   * Controlled 1-based page (client mode; server mode counts pages for the label).
   * @default undefined (from `state`, else uncontrolled)
   */
  page?: number;
  /**
   * Initial page when uncontrolled.
   * @default `defaultState.page`, else 1
   */
  defaultPage?: number;
  /**
   * The page changed: by the page buttons, or back to 1 on a sort or filter change.
   * @default undefined
   */
  onPageChange?: (page: number) => void;
  /**
   * Controlled hidden environment columns.
   * @default undefined (from `state`, else uncontrolled)
   */
  hiddenColumns?: readonly string[];
  /**
   * Environment columns hidden at first when uncontrolled.
   * @default `defaultState.hiddenColumns`, else none
   */
  defaultHiddenColumns?: readonly string[];
  /**
   * The reader hid or showed an environment column.
   * @default undefined
   */
  onHiddenColumnsChange?: (hiddenColumns: readonly string[]) => void;
  /**
   * Controlled hidden groups (by id, e.g. `wave-2`): their columns and every column inside them.
   * @default undefined (from `state`, else uncontrolled)
   */
  hiddenGroups?: readonly string[];
  /**
   * Groups hidden at first when uncontrolled.
   * @default `defaultState.hiddenGroups`, else none
   */
  defaultHiddenGroups?: readonly string[];
  /**
   * The reader hid or showed a group's column.
   * @default undefined
   */
  onHiddenGroupsChange?: (hiddenGroups: readonly string[]) => void;
  /**
   * Controlled expanded groups (by id, e.g. `wave-2`, `wave-2/eu-west`): the columns of their
   * sub-groups and environments follow their own.
   * @default undefined (from `state`, else uncontrolled)
   */
  expandedGroups?: readonly string[];
  /**
   * Groups expanded at first when uncontrolled.
   * @default `defaultState.expandedGroups`, else none (every group is one column)
   */
  defaultExpandedGroups?: readonly string[];
  /**
   * The reader expanded or collapsed a group's column.
   * @default undefined
   */
  onExpandedGroupsChange?: (expandedGroups: readonly string[]) => void;
}

export interface UseReleasesTableOptions extends ReleasesTableStateOptions {
  /**
   * The releases: every release in client mode, the page the host fetched in server mode.
   * `undefined` (still loading) is no releases.
   * @default undefined
   */
  releases: readonly Release[] | undefined;
  /**
   * The group path of an environment (`wave-2/eu-west`, at most 3 levels), over its `group`
   * field; `undefined` or `''` is no group, and `() => undefined` turns group columns off. When
   * environments are in groups, each top-level group is one column. Pass a stable function (from
   * the module, or `useCallback`): a new one reads every environment of every release again.
   * @default the environments' own `group`
   */
  groupBy?: (environment: EnvironmentStep) => string | undefined;
  /**
   * `client` sorts, filters and pages `releases` here. `server`: the host owns the data; state
   * changes are only reported (`onStateChange`) and `releases` is shown as given, with
   * `pageInfo` for cursor paging.
   * @default 'client'
   */
  mode?: 'client' | 'server';
  /**
   * Client mode: rows per page. Without it every matching row is one (virtualised) list.
   * @default undefined (one list)
   */
  pageSize?: number;
  /**
   * Server mode: the cursors of the page shown.
   * @default undefined (no page before or after)
   */
  pageInfo?: ReleasesPageInfo;
  /**
   * Server mode: how many releases match in all (shown as the count when given).
   * @default undefined (the count of the page shown)
   */
  totalCount?: number;
  /**
   * Time durations of running releases are sorted by.
   * @default the clock at each sort; on the server and while hydrating, the latest time in the data
   */
  now?: number;
  /**
   * Controlled row density, for a host's own density switch.
   * @default undefined (from `defaultDensity`, else the provider's)
   */
  density?: Density;
  /**
   * Initial density when uncontrolled.
   * @default undefined (the provider's `density`)
   */
  defaultDensity?: Density;
  /**
   * The density changed (`setDensity`); `undefined` is back to the provider's.
   * @default undefined
   */
  onDensityChange?: (density: Density | undefined) => void;
}

export interface UseReleasesTableResult {
  /** The rows to show, in order (the current page; every match without a page size). */
  rows: readonly ReleaseRow[];
  /** How many releases match the filters (`totalCount` in server mode when given). */
  total: number | undefined;
  /**
   * Every column: the field columns, then one per environment of the matching releases, or per
   * top-level group and environment in no group (with the columns of expanded groups).
   */
  columns: readonly ReleaseColumn[];
  /** `columns` without the environment and group columns the reader hid. */
  visibleColumns: readonly ReleaseColumn[];
  /** Every environment any release went through, in promotion order (for a columns menu). */
  environments: readonly string[];
  /**
   * The environment and group columns of every release, not only the matching ones (hidden ones
   * included): what a columns menu or an environment filter offers.
   */
  environmentColumns: readonly ReleaseColumn[];
  /** True when environments are in groups: the columns are group columns. */
  grouped: boolean;
  /** Every promotion flow among the releases (`MANUAL_FLOW` when some were manual). */
  flows: readonly string[];
  /** The state shown: controlled slices over the controlled or own state. */
  state: ReleasesTableState;
  /** True when a filter narrows the releases. */
  filtered: boolean;
  page: number;
  pageCount: number;
  canPreviousPage: boolean;
  canNextPage: boolean;
  /** The density chosen here; `undefined` follows the provider's. */
  density: Density | undefined;
  /** The data could not be read: a `ReleaseDataError` naming the path and value. */
  error: unknown;
  /**
   * Every setter takes effect at once for the next call: several in one event compose.
   * Takes the next state or an updater, `(previous) => next`.
   */
  setState: (next: SetStateAction<ReleasesTableState>) => void;
  /** Sorts by a column (back to the first page); takes a sort or an updater. */
  setSort: (sort: SetStateAction<ReleaseSort>) => void;
  /** Sorts by a column; again on the same column reverses it. Dates and durations start descending. */
  toggleSort: (key: ReleaseSortKey) => void;
  /**
   * Merges into the filters (`undefined` or empty removes one), back to the first page. An
   * updater, `(previous) => next`, gives the whole filters instead.
   */
  setFilters: (filters: Partial<ReleaseFilters> | ((previous: ReleaseFilters) => ReleaseFilters)) => void;
  clearFilters: () => void;
  /** Goes to a 1-based page; takes a page or an updater. */
  setPage: (page: SetStateAction<number>) => void;
  previousPage: () => void;
  nextPage: () => void;
  setColumnHidden: (environment: string, hidden: boolean) => void;
  /** Sets every hidden environment column at once; takes a list or an updater. */
  setHiddenColumns: (hiddenColumns: SetStateAction<readonly string[]>) => void;
  /** Hides or shows a group's column (by id), with every column inside it. */
  setGroupHidden: (group: string, hidden: boolean) => void;
  /** Sets every hidden group at once; takes a list or an updater. */
  setHiddenGroups: (hiddenGroups: SetStateAction<readonly string[]>) => void;
  /** Expands or collapses a group's column (by id). */
  setGroupExpanded: (group: string, expanded: boolean) => void;
  /** Sets every expanded group at once; takes a list or an updater. */
  setExpandedGroups: (expandedGroups: SetStateAction<readonly string[]>) => void;
  /** Sets the density (`undefined`: the provider's); takes a density or an updater. */
  setDensity: (density: SetStateAction<Density | undefined>) => void;
}

const EMPTY: readonly Release[] = [];
const NONE: readonly string[] = [];

/** Fills in what a partial state leaves out. */
function complete(state: Partial<ReleasesTableState> | undefined): ReleasesTableState {
  return { ...DEFAULT_TABLE_STATE, ...state, filters: state?.filters ?? DEFAULT_TABLE_STATE.filters, sort: state?.sort ?? DEFAULT_TABLE_STATE.sort };
}

/** The state's parts a host can control one by one. */
type Slices = Pick<ReleasesTableState, 'sort' | 'filters' | 'page' | 'hiddenColumns' | 'hiddenGroups' | 'expandedGroups'>;
const SLICES = ['sort', 'filters', 'page', 'hiddenColumns', 'hiddenGroups', 'expandedGroups'] as const;

/** The first state when uncontrolled: `defaultState`, with the slices' own defaults over it. */
function initialState(options: ReleasesTableStateOptions): ReleasesTableState {
  const state = complete(options.defaultState);
  return withSlices(state, {
    sort: options.defaultSort,
    filters: options.defaultFilters,
    page: options.defaultPage,
    hiddenColumns: options.defaultHiddenColumns,
    hiddenGroups: options.defaultHiddenGroups,
    expandedGroups: options.defaultExpandedGroups,
  });
}

/** `state` with the slices given (not `undefined`) over it; `state` itself when none differs. */
function withSlices(state: ReleasesTableState, slices: Partial<Slices>): ReleasesTableState {
  if (SLICES.every((key) => slices[key] === undefined || slices[key] === state[key])) return state;
  const next = { ...state };
  for (const key of SLICES) if (slices[key] !== undefined) (next as Record<string, unknown>)[key] = slices[key];
  return next;
}

const apply = <T,>(action: SetStateAction<T>, previous: T): T => (typeof action === 'function' ? (action as (previous: T) => T)(previous) : action);

/**
 * The releases table's logic for hosts that render their own table: rows, columns and state,
 * with setters. `ReleasesTable` is built on it.
 */
export function useReleasesTable(options: UseReleasesTableOptions): UseReleasesTableResult {
  const { releases = EMPTY, mode = 'client', pageSize, pageInfo, totalCount, now, groupBy } = options;
  const { onStateChange, onSortChange, onFiltersChange, onPageChange, onHiddenColumnsChange, onHiddenGroupsChange, onExpandedGroupsChange } = options;
  const server = mode === 'server';

  // The table's own copy of the whole state, used for what is not controlled.
  const [own, setOwn] = useState(() => initialState(options));
  const stateControlled = options.state !== undefined;
  const base = useMemo(() => (options.state === undefined ? own : complete(options.state)), [options.state, own]);
  const shown = useMemo(
    () =>
      withSlices(base, {
        sort: options.sort,
        filters: options.filters,
        page: options.page,
        hiddenColumns: options.hiddenColumns,
        hiddenGroups: options.hiddenGroups,
        expandedGroups: options.expandedGroups,
      }),
    [base, options.sort, options.filters, options.page, options.hiddenColumns, options.hiddenGroups, options.expandedGroups],
  );
  // Always "controlled" by what is shown: the shared hook gives the setters their composition
  // within an event; the table keeps its own copy and tells each slice's owner.
  const [state, setShown] = useControllableState<ReleasesTableState>(shown, shown, undefined);
  const setState = useCallback(
    (action: SetStateAction<ReleasesTableState>) => {
      let previous = state;
      let next = state;
      setShown((last) => {
        previous = last;
        next = apply(action, last);
        return next;
      });
      if (Object.is(previous, next)) return;
      if (!stateControlled) setOwn(next);
      if (previous.sort.key !== next.sort.key || previous.sort.desc !== next.sort.desc) onSortChange?.(next.sort);
      if (previous.filters !== next.filters) onFiltersChange?.(next.filters);
      if (previous.page !== next.page) onPageChange?.(next.page);
      if (previous.hiddenColumns !== next.hiddenColumns) onHiddenColumnsChange?.(next.hiddenColumns ?? NONE);
      if (previous.hiddenGroups !== next.hiddenGroups) onHiddenGroupsChange?.(next.hiddenGroups ?? NONE);
      if (previous.expandedGroups !== next.expandedGroups) onExpandedGroupsChange?.(next.expandedGroups ?? NONE);
      onStateChange?.(next);
    },
    [state, setShown, stateControlled, onSortChange, onFiltersChange, onPageChange, onHiddenColumnsChange, onHiddenGroupsChange, onExpandedGroupsChange, onStateChange],
  );
  const [density, setDensity] = useControllableState<Density | undefined>(options.density, options.defaultDensity, options.onDensityChange);

  // Rows are flattened once per releases array; sorting and filtering reuse them. Every group
  // path is read here too (once per release object), so a bad one is reported as bad data.
  const built = useMemo(() => {
    try {
      const rows = buildReleaseRows(releases);
      const flows = new Set<string>();
      for (const row of rows) flows.add(row.flow ?? MANUAL_FLOW);
      return { rows, order: environmentOrder(rows), flows: [...flows].sort(), grouped: hasEnvironmentGroups(rows, { groupBy }), error: undefined };
    } catch (error) {
      return { rows: [] as ReleaseRow[], order: [] as string[], flows: [] as string[], grouped: false, error };
    }
  }, [releases, groupBy]);

  // A server has no clock, and a browser hydrates later than the server rendered: sorted by
  // duration to its own "now", each would order running releases differently (a hydration
  // mismatch). Both measure to the latest time in the data; the browser's clock comes after.
  const latest = useMemo(() => built.rows.reduce((max, row) => Math.max(max, row.created ?? 0, row.finished ?? 0), 0), [built.rows]);
  const clock = useNow(false, latest);
  const sortNow = now ?? (state.sort.key === 'duration' ? clock : undefined);
  const queried = useMemo(() => {
    if (server) return { rows: built.rows, matching: built.rows, total: totalCount ?? built.rows.length, page: state.page, pageCount: 1 };
    return queryReleaseRows(built.rows, state, { pageSize, now: sortNow, groupBy });
  }, [server, built, state, pageSize, sortNow, totalCount, groupBy]);

  // Memoized on the columns' content, not the rows: the same array while the columns stay the
  // same (most sorts and keystrokes), so memoized rows do not render again for nothing.
  // JSON, not names joined by a separator: a name may hold any character.
  const expanded = state.expandedGroups;
  const columnOptions = useMemo(() => ({ environmentOrder: built.order, groupBy, expandedGroups: expanded }), [built.order, groupBy, expanded]);
  const environmentKey = useMemo(
    () => JSON.stringify(releaseColumns(queried.matching, columnOptions).filter((column) => column.kind !== 'field')),
    [queried.matching, columnOptions],
  );
  const columns = useMemo(() => [...columnsForEnvironments([]), ...(JSON.parse(environmentKey) as ReleaseColumn[])], [environmentKey]);
  const environmentColumns = useMemo(() => releaseColumns(built.rows, columnOptions).filter((column) => column.kind !== 'field'), [built.rows, columnOptions]);

  // The search text and sort keys are built on first use; build them while the browser is idle
  // after the rows change, so the first keystroke or sort does not pay for 10,000 rows.
  useEffect(() => warmWhenIdle(built.rows), [built.rows]);
  const { hiddenColumns, hiddenGroups } = state;
  const visibleColumns = useMemo(() => visibleReleaseColumns(columns, { hiddenColumns, hiddenGroups }), [columns, hiddenColumns, hiddenGroups]);

  const paging: ReleasesTablePaging = useMemo(
    () => (server ? { mode: 'server', pageInfo } : { pageCount: queried.pageCount }),
    [server, pageInfo, queried.pageCount],
  );
  const setSort = useCallback(
    (action: SetStateAction<ReleaseSort>) => setState((previous) => setSortOf(previous, apply(action, previous.sort))),
    [setState],
  );
  const toggleSort = useCallback((key: ReleaseSortKey) => setState((previous) => toggleSortOf(previous, key)), [setState]);
  const setFilters = useCallback(
    (filters: Partial<ReleaseFilters> | ((previous: ReleaseFilters) => ReleaseFilters)) =>
      setState((previous) =>
        typeof filters === 'function' ? setFiltersOf(clearFiltersOf(previous), filters(previous.filters)) : setFiltersOf(previous, filters),
      ),
    [setState],
  );
  const clearFilters = useCallback(() => setState(clearFiltersOf), [setState]);
  const setPage = useCallback((action: SetStateAction<number>) => setState((previous) => setPageOf(previous, apply(action, previous.page))), [setState]);
  const previousPage = useCallback(() => setState((previous) => previousPageOf(previous, paging)), [setState, paging]);
  const nextPage = useCallback(() => setState((previous) => nextPageOf(previous, paging)), [setState, paging]);
  const setColumnHidden = useCallback(
    (environment: string, hide: boolean) => setState((previous) => setColumnHiddenOf(previous, environment, hide)),
    [setState],
  );
  const setHiddenColumns = useCallback((action: SetStateAction<readonly string[]>) => setState((previous) => setList(previous, 'hiddenColumns', action)), [setState]);
  const setGroupHidden = useCallback((group: string, hide: boolean) => setState((previous) => setGroupHiddenOf(previous, group, hide)), [setState]);
  const setHiddenGroups = useCallback((action: SetStateAction<readonly string[]>) => setState((previous) => setList(previous, 'hiddenGroups', action)), [setState]);
  const setGroupExpanded = useCallback((group: string, open: boolean) => setState((previous) => setGroupExpandedOf(previous, group, open)), [setState]);
  const setExpandedGroups = useCallback((action: SetStateAction<readonly string[]>) => setState((previous) => setList(previous, 'expandedGroups', action)), [setState]);

  return {
    rows: queried.rows,
    total: queried.total,
    columns,
    visibleColumns,
    environments: built.order,
    environmentColumns,
    grouped: built.grouped,
    flows: built.flows,
    state,
    filtered: hasActiveFilters(state.filters),
    page: queried.page,
    pageCount: queried.pageCount,
    canPreviousPage: canPrevious(state, paging),
    canNextPage: canNext(state, paging),
    density,
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
    setHiddenColumns,
    setGroupHidden,
    setHiddenGroups,
    setGroupExpanded,
    setExpandedGroups,
    setDensity,
  };
}

/** `state` with one of its lists set (a value or an updater); `state` itself when unchanged. */
function setList(state: ReleasesTableState, key: 'hiddenColumns' | 'hiddenGroups' | 'expandedGroups', action: SetStateAction<readonly string[]>): ReleasesTableState {
  const next = apply(action, state[key] ?? NONE);
  return next === state[key] ? state : { ...state, [key]: next };
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

import type { ReleaseFilters, ReleaseSort, ReleaseSortKey, ReleasesTableState } from './state';
import type { ReleasesPageInfo } from './query';

// How a releases table's state changes on each thing a reader does, as pure functions: a host
// with its own table UI (or its own state store) gets the same behaviour as `ReleasesTable`.
// Each returns the state given, unchanged, when nothing changes, so a store can skip the update.

/** What paging needs besides the state: the page count (client mode) or the cursors (server mode). */
export type ReleasesTablePaging =
  | {
      mode?: 'client';
      /** Pages there are for the current filters (`queryReleaseRows(…).pageCount`). */
      pageCount: number;
    }
  | {
      mode: 'server';
      /** The cursors of the page shown, as the host's API reported them. */
      pageInfo: ReleasesPageInfo | undefined;
    };

/** Dates and durations are read newest and longest first, so their first click sorts descending. */
const DESCENDING_FIRST: ReadonlySet<ReleaseSortKey> = /* @__PURE__ */ new Set<ReleaseSortKey>(['date', 'duration']);

/** Any change of which rows are shown, or in which order, starts again at the first page and cursor. */
function firstPage(state: ReleasesTableState): ReleasesTableState {
  return { ...state, page: 1, after: undefined, before: undefined };
}

/** Sorts by `sort`, back to the first page. */
export function setSort(state: ReleasesTableState, sort: ReleaseSort): ReleasesTableState {
  if (state.sort.key === sort.key && state.sort.desc === sort.desc) return state;
  return { ...firstPage(state), sort: { key: sort.key, desc: sort.desc } };
}

/**
 * A click on a column's header: the same column again reverses the order; another column starts
 * descending for dates and durations, ascending for the rest. Back to the first page.
 */
export function toggleSort(state: ReleasesTableState, key: ReleaseSortKey): ReleasesTableState {
  return setSort(state, state.sort.key === key ? { key, desc: !state.sort.desc } : { key, desc: DESCENDING_FIRST.has(key) });
}

/**
 * Merges `filters` into the state's filters (a key given as `undefined` or empty removes that
 * filter), drops empty values so the URL and `hasActiveFilters` see only what narrows, and goes
 * back to the first page and cursor.
 */
export function setFilters(state: ReleasesTableState, filters: Partial<ReleaseFilters>): ReleasesTableState {
  return { ...firstPage(state), filters: pruneFilters({ ...state.filters, ...filters }) };
}

/** No filters, back to the first page and cursor. */
export function clearFilters(state: ReleasesTableState): ReleasesTableState {
  return { ...firstPage(state), filters: {} };
}

/** Client mode: shows the 1-based page (a number below 1 or not whole is rounded into range). */
export function setPage(state: ReleasesTableState, page: number): ReleasesTableState {
  const next = Math.max(1, Math.floor(page) || 1);
  return next === state.page ? state : { ...state, page: next };
}

/** Hides or shows the column of one environment. */
export function setColumnHidden(state: ReleasesTableState, environment: string, hidden: boolean): ReleasesTableState {
  const current = state.hiddenColumns ?? [];
  if (current.includes(environment) === hidden) return state;
  return { ...state, hiddenColumns: hidden ? [...current, environment] : current.filter((name) => name !== environment) };
}

/** Hides or shows the column of a group (by id), with every column shown inside it. */
export function setGroupHidden(state: ReleasesTableState, group: string, hidden: boolean): ReleasesTableState {
  const current = state.hiddenGroups ?? [];
  if (current.includes(group) === hidden) return state;
  return { ...state, hiddenGroups: hidden ? [...current, group] : current.filter((id) => id !== group) };
}

/**
 * Expands a group (by id): its sub-groups' and environments' columns follow its own. Collapsing
 * keeps the groups expanded inside it, shown again when it opens. The page stays: the rows do not
 * change.
 */
export function setGroupExpanded(state: ReleasesTableState, group: string, expanded: boolean): ReleasesTableState {
  const current = state.expandedGroups ?? [];
  if (current.includes(group) === expanded) return state;
  return { ...state, expandedGroups: expanded ? [...current, group] : current.filter((id) => id !== group) };
}

/** The page shown in client mode: the state's page, within the pages there are. */
function clientPage(state: ReleasesTableState, pageCount: number): number {
  return Math.min(Math.max(1, Math.floor(state.page) || 1), Math.max(1, pageCount));
}

/** True when there is a page before the one shown. */
export function canPreviousPage(state: ReleasesTableState, paging: ReleasesTablePaging): boolean {
  return paging.mode === 'server' ? !!paging.pageInfo?.hasPrevPage : clientPage(state, paging.pageCount) > 1;
}

/** True when there is a page after the one shown. */
export function canNextPage(state: ReleasesTableState, paging: ReleasesTablePaging): boolean {
  return paging.mode === 'server' ? !!paging.pageInfo?.hasNextPage : clientPage(state, paging.pageCount) < paging.pageCount;
}

/** The page before: in server mode, the one ending before the first row's cursor. */
export function previousPage(state: ReleasesTableState, paging: ReleasesTablePaging): ReleasesTableState {
  if (!canPreviousPage(state, paging)) return state;
  if (paging.mode === 'server') return { ...state, page: Math.max(1, state.page - 1), after: undefined, before: paging.pageInfo?.startCursor ?? undefined };
  return { ...state, page: clientPage(state, paging.pageCount) - 1 };
}

/** The page after: in server mode, the one starting after the last row's cursor. */
export function nextPage(state: ReleasesTableState, paging: ReleasesTablePaging): ReleasesTableState {
  if (!canNextPage(state, paging)) return state;
  if (paging.mode === 'server') return { ...state, page: state.page + 1, before: undefined, after: paging.pageInfo?.endCursor ?? undefined };
  return { ...state, page: clientPage(state, paging.pageCount) + 1 };
}

/** The filters without empty values. */
function pruneFilters(filters: ReleaseFilters): ReleaseFilters {
  const out: { -readonly [K in keyof ReleaseFilters]: ReleaseFilters[K] } = {};
  if (filters.statuses?.length) out.statuses = filters.statuses;
  if (filters.flows?.length) out.flows = filters.flows;
  if (filters.environment) out.environment = filters.environment;
  if (filters.group) out.group = filters.group;
  if (filters.from) out.from = filters.from;
  if (filters.to) out.to = filters.to;
  if (filters.query) out.query = filters.query;
  return out;
}

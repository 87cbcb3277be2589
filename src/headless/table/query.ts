import type { ReleaseRow } from './rows';
import { rowInGroup, type TableGroupingOptions } from './groups';
import { rowDuration, rowSearchText, rowTextKeys, rowVersionKey } from './rows';
import { MANUAL_FLOW, validDay, type ReleaseFilters, type ReleaseSort, type ReleaseSortKey, type ReleasesTableState } from './state';

/**
 * The rows that pass every filter, in the order given. `options.groupBy` puts environments into
 * groups for `filters.group` instead of their `group` field.
 */
export function filterReleaseRows(rows: readonly ReleaseRow[], filters: ReleaseFilters, options: TableGroupingOptions = {}): ReleaseRow[] {
  const statuses = filters.statuses?.length ? new Set<string>(filters.statuses) : undefined;
  const flows = filters.flows?.length ? new Set(filters.flows) : undefined;
  const environment = filters.environment?.trim() || undefined;
  const group = filters.group?.trim() || undefined;
  // Days in UTC: from its first millisecond, to its last. A day that is not `YYYY-MM-DD` is ignored.
  const fromDay = validDay(filters.from);
  const toDay = validDay(filters.to);
  const from = fromDay ? Date.parse(`${fromDay}T00:00:00Z`) : undefined;
  const to = toDay ? Date.parse(`${toDay}T00:00:00Z`) + 86_400_000 - 1 : undefined;
  // Every word must appear somewhere (version, SHA, message, initiator, flow, name).
  const words = (filters.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (!statuses && !flows && !environment && !group && from === undefined && to === undefined && words.length === 0) return rows.slice();
  return rows.filter((row) => {
    if (statuses && !statuses.has(row.status)) return false;
    if (flows && !flows.has(row.flow ?? MANUAL_FLOW)) return false;
    if (environment && !row.environments.has(environment)) return false;
    if (group && !rowInGroup(row, group, options)) return false;
    if (from !== undefined && !(row.created !== undefined && row.created >= from)) return false;
    if (to !== undefined && !(row.created !== undefined && row.created <= to)) return false;
    if (words.length > 0) {
      const text = rowSearchText(row);
      for (const word of words) if (!text.includes(word)) return false;
    }
    return true;
  });
}

type Key = string | number | undefined;

/**
 * The rows sorted by one column, stably (equal values keep the order given). Missing values
 * (no date, no version, no initiator) go last in both directions. `now` is the time running
 * releases' durations are measured to.
 */
export function sortReleaseRows(rows: readonly ReleaseRow[], sort: ReleaseSort, now: number = Date.now()): ReleaseRow[] {
  const keyFunctions: Record<ReleaseSortKey, (row: ReleaseRow) => Key> = {
    date: (row: ReleaseRow) => row.created,
    status: (row: ReleaseRow) => row.statusRank,
    initiator: (row: ReleaseRow) => rowTextKeys(row).initiator || undefined,
    version: (row: ReleaseRow) => rowVersionKey(row) || undefined,
    flow: (row: ReleaseRow) => rowTextKeys(row).flow || undefined,
    duration: (row: ReleaseRow) => rowDuration(row, now),
    commit: (row: ReleaseRow) => rowTextKeys(row).commit || undefined,
  };
  // An own key only: a sort read from untyped state may name `constructor` or `__proto__`.
  if (!Object.hasOwn(keyFunctions, sort.key)) return rows.slice();
  const keyOf = keyFunctions[sort.key];
  // Keys computed once per row, not once per comparison.
  const keys = rows.map(keyOf);
  const order = rows.map((_, i) => i);
  const direction = sort.desc ? -1 : 1;
  order.sort((a, b) => {
    const x = keys[a];
    const y = keys[b];
    if (x === undefined || y === undefined) return x === y ? a - b : x === undefined ? 1 : -1;
    if (x !== y) return (x < y ? -1 : 1) * direction;
    return a - b;
  });
  return order.map((i) => rows[i]!);
}

export interface ReleasesQueryResult {
  /** The rows of the current page (every matching row without a page size). */
  rows: ReleaseRow[];
  /** Every row that passes the filters, sorted. */
  matching: ReleaseRow[];
  /** How many rows pass the filters. */
  total: number;
  /** The page shown (clamped to the pages there are). */
  page: number;
  pageCount: number;
}

/** Filters, sorts and pages rows as the state says (client mode); `groupBy` as for `filterReleaseRows`. */
export function queryReleaseRows(
  rows: readonly ReleaseRow[],
  state: Pick<ReleasesTableState, 'sort' | 'filters' | 'page'>,
  options: TableGroupingOptions & { now?: number; pageSize?: number } = {},
): ReleasesQueryResult {
  const matching = sortReleaseRows(filterReleaseRows(rows, state.filters, options), state.sort, options.now);
  const size = options.pageSize && options.pageSize > 0 ? Math.floor(options.pageSize) : 0;
  if (!size) return { rows: matching, matching, total: matching.length, page: 1, pageCount: 1 };
  const pageCount = Math.max(1, Math.ceil(matching.length / size));
  const page = Math.min(Math.max(1, Math.floor(state.page) || 1), pageCount);
  return { rows: matching.slice((page - 1) * size, page * size), matching, total: matching.length, page, pageCount };
}

/** Cursor paging as Codefresh's API (and GraphQL connections) report it. */
export interface ReleasesPageInfo {
  hasNextPage: boolean;
  hasPrevPage: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
}

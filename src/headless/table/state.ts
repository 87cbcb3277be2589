import { STATUSES } from '../model/status';
import type { Status } from '../model/types';

/** The columns a table can sort by (environment columns cannot: they hold one status each). */
export type ReleaseSortKey = 'date' | 'status' | 'initiator' | 'version' | 'flow' | 'duration' | 'commit';

export const SORT_KEYS: readonly ReleaseSortKey[] = ['date', 'status', 'initiator', 'version', 'flow', 'duration', 'commit'];

export interface ReleaseSort {
  key: ReleaseSortKey;
  /** Descending (newest, longest, Z first). */
  desc: boolean;
}

/** Stands for "no promotion flow" (a manual promotion) among the flow filter's values. */
export const MANUAL_FLOW = '(manual)';

export interface ReleaseFilters {
  /** Only releases in one of these statuses; empty or absent means any. */
  statuses?: readonly Status[];
  /** Only releases of one of these flows (`MANUAL_FLOW` for manual ones); empty means any. */
  flows?: readonly string[];
  /** Only releases that went through this environment. */
  environment?: string;
  /**
   * Only releases that went through this group: at least one of their environments is in it (a
   * group's id, at any level: `wave-2` or `wave-2/eu-west`), as `environment` is for one.
   */
  group?: string;
  /** Created on or after this day (`YYYY-MM-DD`, in UTC, inclusive). */
  from?: string;
  /** Created on or before this day (`YYYY-MM-DD`, in UTC, inclusive). */
  to?: string;
  /** Free text over version, commit SHA and message, initiator, flow and release name. */
  query?: string;
}

/**
 * Everything a releases table's reader can change, serialisable to URL search params and back
 * (`toSearchParams` / `fromSearchParams`), so a host keeps it across navigation.
 */
export interface ReleasesTableState {
  sort: ReleaseSort;
  filters: ReleaseFilters;
  /** 1-based page, in client mode with a page size. */
  page: number;
  /** Server mode: the cursor the shown page starts after, or ends before (one of them). */
  after?: string;
  before?: string;
  /** Environment columns the reader hid. */
  hiddenColumns?: readonly string[];
  /** Groups whose columns the reader hid (by id), with every column inside them. */
  hiddenGroups?: readonly string[];
  /** Groups whose sub-groups' and environments' columns follow their own (by id). */
  expandedGroups?: readonly string[];
}

export const DEFAULT_SORT: ReleaseSort = /* @__PURE__ */ Object.freeze({ key: 'date', desc: true });

export const DEFAULT_TABLE_STATE: ReleasesTableState = /* @__PURE__ */ Object.freeze({ sort: DEFAULT_SORT, filters: /* @__PURE__ */ Object.freeze({}), page: 1 });

/** True when any filter narrows the releases (sorting, paging and columns do not count). */
export function hasActiveFilters(filters: ReleaseFilters): boolean {
  return (
    (filters.statuses?.length ?? 0) > 0 ||
    (filters.flows?.length ?? 0) > 0 ||
    !!filters.environment?.trim() ||
    !!filters.group?.trim() ||
    !!validDay(filters.from) ||
    !!validDay(filters.to) ||
    !!filters.query?.trim()
  );
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const STATUS_SET: ReadonlySet<string> = /* @__PURE__ */ new Set(STATUSES);
const SORT_SET: ReadonlySet<string> = /* @__PURE__ */ new Set(SORT_KEYS);
/** Longest value read from a URL: a pasted link is untrusted input too. */
const MAX_PARAM = 500;
/** Longest list (`flow`, `hide`, `expand`): several environments of 200-character names must fit. */
const MAX_LIST = 8 * MAX_PARAM;

/** A `YYYY-MM-DD` string naming a real day, else `undefined`. */
export function validDay(value: unknown): string | undefined {
  if (typeof value !== 'string' || !DAY.test(value)) return undefined;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value ? undefined : value;
}

/** A list item as written to a URL: `%` and `,` escaped, so a name with a comma stays one item. */
const escapeItem = (item: string) => item.replace(/[%,]/g, (c) => (c === '%' ? '%25' : '%2C'));
const unescapeItem = (item: string) => item.replace(/%(25|2C)/gi, (_, code: string) => (code === '25' ? '%' : ','));
const joinList = (items: readonly string[] | undefined) => items?.map(escapeItem).join(',');

const list = (value: string | null): string[] =>
  value === null || value.length > MAX_LIST
    ? []
    : [...new Set(value.split(',').map((item) => unescapeItem(item.trim())).filter((item) => item !== '' && item.length <= MAX_PARAM))];

/** Every key the table writes (before the prefix). */
const PARAMS = ['status', 'flow', 'env', 'group', 'from', 'to', 'q', 'sort', 'page', 'after', 'before', 'hide', 'hidegroups', 'expand'];

export interface SearchParamsOptions {
  /** Prefixes every key (`releases.status=…`), for hosts whose URL holds other state too. */
  prefix?: string;
}

/**
 * The table state as URL search params, leaving out what is default:
 * `status=failed,terminated&flow=…&env=qa&group=wave-2&from=2026-11-01&to=2026-11-20&q=…&sort=-date&page=2`,
 * then `hide=…&hidegroups=…&expand=wave-2,wave-2%2Feu-west` for the columns. Other params of
 * `base` (a host's own) are kept.
 */
export function toSearchParams(
  state: Partial<ReleasesTableState>,
  options: SearchParamsOptions & { base?: URLSearchParams | string } = {},
): URLSearchParams {
  const p = options.prefix ?? '';
  const params = new URLSearchParams(options.base);
  for (const key of PARAMS) params.delete(p + key);
  const filters = state.filters ?? {};
  const set = (key: string, value: string | undefined) => {
    if (value) params.set(p + key, value);
  };
  set('status', filters.statuses?.join(','));
  set('flow', joinList(filters.flows));
  set('env', filters.environment?.trim());
  set('group', filters.group?.trim());
  set('from', filters.from);
  set('to', filters.to);
  set('q', filters.query?.trim());
  const sort = state.sort;
  if (sort && (sort.key !== DEFAULT_SORT.key || sort.desc !== DEFAULT_SORT.desc)) set('sort', `${sort.desc ? '-' : ''}${sort.key}`);
  if (state.page && state.page > 1) set('page', String(state.page));
  set('after', state.after);
  set('before', state.before);
  set('hide', joinList(state.hiddenColumns));
  set('hidegroups', joinList(state.hiddenGroups));
  set('expand', joinList(state.expandedGroups));
  return params;
}

/**
 * `toSearchParams` as a query string for a URL (`?status=failed,terminated&sort=-date`, or `''`
 * when everything is default), with the commas between list items left readable.
 */
export function toSearchString(state: Partial<ReleasesTableState>, options: SearchParamsOptions & { base?: URLSearchParams | string } = {}): string {
  const query = toSearchParams(state, options).toString().replace(/%2C/gi, ',');
  return query ? `?${query}` : '';
}

/**
 * Reads the table state from URL search params (a string, with or without `?`, or
 * `URLSearchParams`). What is missing takes the default; what is invalid (an unknown status or
 * sort key, a page that is not a positive whole number, a date that is not a real day) is
 * ignored. It never throws.
 */
export function fromSearchParams(
  input: URLSearchParams | URL | { search: string } | string | null | undefined,
  options: SearchParamsOptions = {},
): ReleasesTableState {
  const p = options.prefix ?? '';
  let params: URLSearchParams;
  try {
    if (input instanceof URLSearchParams) params = input;
    else if (typeof input === 'object' && input !== null && typeof (input as URL).searchParams?.get === 'function') params = (input as URL).searchParams;
    // `window.location`, or anything else with a `search` string.
    else if (typeof input === 'object' && input !== null && typeof input.search === 'string') params = new URLSearchParams(input.search);
    else params = new URLSearchParams(typeof input === 'string' ? input : '');
  } catch {
    params = new URLSearchParams();
  }
  const get = (key: string, max = MAX_PARAM) => {
    const value = params.get(p + key);
    return value === null || value.length > max ? null : value;
  };
  const filters: { -readonly [K in keyof ReleaseFilters]: ReleaseFilters[K] } = {};
  const statuses = list(get('status')).filter((s) => STATUS_SET.has(s)) as Status[];
  if (statuses.length) filters.statuses = statuses;
  const flows = list(get('flow', MAX_LIST));
  if (flows.length) filters.flows = flows;
  const environment = get('env')?.trim();
  if (environment) filters.environment = environment;
  const group = get('group')?.trim();
  if (group) filters.group = group;
  const from = validDay(get('from'));
  const to = validDay(get('to'));
  if (from) filters.from = from;
  if (to && (!from || to >= from)) filters.to = to;
  const query = get('q')?.trim();
  if (query) filters.query = query;

  let sort = DEFAULT_SORT;
  const sortParam = get('sort');
  if (sortParam) {
    const desc = sortParam.startsWith('-');
    const key = desc ? sortParam.slice(1) : sortParam;
    if (SORT_SET.has(key)) sort = { key: key as ReleaseSortKey, desc };
  }
  const pageParam = get('page');
  const page = pageParam && /^[1-9]\d{0,6}$/.test(pageParam) ? Number(pageParam) : 1;

  const state: ReleasesTableState = { sort, filters, page };
  const after = get('after');
  const before = get('before');
  if (after) state.after = after;
  else if (before) state.before = before;
  const hidden = list(get('hide', MAX_LIST));
  if (hidden.length) state.hiddenColumns = hidden;
  const hiddenGroups = list(get('hidegroups', MAX_LIST));
  if (hiddenGroups.length) state.hiddenGroups = hiddenGroups;
  const expanded = list(get('expand', MAX_LIST));
  if (expanded.length) state.expandedGroups = expanded;
  return state;
}

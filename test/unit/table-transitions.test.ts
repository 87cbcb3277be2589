import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TABLE_STATE,
  canNextPage,
  canPreviousPage,
  clearFilters,
  nextPage,
  previousPage,
  setColumnHidden,
  setFilters,
  setPage,
  setSort,
  toggleSort,
  type ReleasesTableState,
} from 'gitops-releases/headless';

const onPage3: ReleasesTableState = { ...DEFAULT_TABLE_STATE, page: 3, after: 'c40' };

describe('toggleSort', () => {
  it('sorts dates and durations descending on the first click, other columns ascending', () => {
    const byStatus = toggleSort(DEFAULT_TABLE_STATE, 'status');
    expect(byStatus.sort).toEqual({ key: 'status', desc: false });
    expect(toggleSort(byStatus, 'duration').sort).toEqual({ key: 'duration', desc: true });
    expect(toggleSort(byStatus, 'date').sort).toEqual({ key: 'date', desc: true });
    expect(toggleSort(byStatus, 'version').sort).toEqual({ key: 'version', desc: false });
  });

  it('reverses the order on a second click on the same column', () => {
    expect(toggleSort(DEFAULT_TABLE_STATE, 'date').sort).toEqual({ key: 'date', desc: false });
    expect(toggleSort(toggleSort(DEFAULT_TABLE_STATE, 'flow'), 'flow').sort).toEqual({ key: 'flow', desc: true });
  });

  it('goes back to the first page and cursor', () => {
    expect(toggleSort(onPage3, 'status')).toMatchObject({ page: 1, after: undefined, before: undefined });
  });
});

describe('setSort', () => {
  it('keeps the state, page included, when the sort is the same', () => {
    expect(setSort(onPage3, { key: 'date', desc: true })).toBe(onPage3);
  });
});

describe('setFilters', () => {
  it('merges into the filters and drops the empty ones', () => {
    const state = setFilters({ ...DEFAULT_TABLE_STATE, filters: { query: 'fix', flows: ['a'] } }, { statuses: ['failed'], flows: [], query: undefined, environment: '' });
    expect(state.filters).toEqual({ statuses: ['failed'] });
  });

  it('resets the page and the cursors on a filter change', () => {
    expect(setFilters(onPage3, { query: 'x' })).toMatchObject({ page: 1, after: undefined, before: undefined, filters: { query: 'x' } });
    expect(setFilters({ ...onPage3, after: undefined, before: 'c20' }, { query: 'x' }).before).toBeUndefined();
  });

  it('does not change the state given', () => {
    const state: ReleasesTableState = { ...DEFAULT_TABLE_STATE, filters: { query: 'a' } };
    setFilters(state, { query: 'b' });
    expect(state.filters).toEqual({ query: 'a' });
  });
});

describe('clearFilters', () => {
  it('removes every filter, back to the first page, keeping the sort and hidden columns', () => {
    const state: ReleasesTableState = { ...onPage3, sort: { key: 'status', desc: false }, filters: { query: 'a', statuses: ['failed'] }, hiddenColumns: ['dev'] };
    expect(clearFilters(state)).toEqual({ sort: { key: 'status', desc: false }, filters: {}, page: 1, after: undefined, before: undefined, hiddenColumns: ['dev'] });
  });
});

describe('setPage', () => {
  it('goes to a whole page of at least 1, keeping the state when it is the same', () => {
    expect(setPage(DEFAULT_TABLE_STATE, 4).page).toBe(4);
    expect(setPage(DEFAULT_TABLE_STATE, 2.7).page).toBe(2);
    expect(setPage(onPage3, -1).page).toBe(1);
    expect(setPage(onPage3, Number.NaN).page).toBe(1);
    expect(setPage(onPage3, 3)).toBe(onPage3);
  });
});

describe('setColumnHidden', () => {
  it('hides and shows one environment column', () => {
    const hidden = setColumnHidden(DEFAULT_TABLE_STATE, 'dev', true);
    expect(hidden.hiddenColumns).toEqual(['dev']);
    expect(setColumnHidden(hidden, 'qa', true).hiddenColumns).toEqual(['dev', 'qa']);
    expect(setColumnHidden(hidden, 'dev', false).hiddenColumns).toEqual([]);
  });

  it('keeps the state when nothing changes, and the page always', () => {
    const hidden = setColumnHidden(onPage3, 'dev', true);
    expect(hidden.page).toBe(3);
    expect(setColumnHidden(hidden, 'dev', true)).toBe(hidden);
    expect(setColumnHidden(onPage3, 'dev', false)).toBe(onPage3);
  });
});

describe('paging in client mode', () => {
  const paging = { pageCount: 3 };

  it('moves one page at a time within the pages there are', () => {
    const first = DEFAULT_TABLE_STATE;
    expect(canPreviousPage(first, paging)).toBe(false);
    expect(previousPage(first, paging)).toBe(first);
    const second = nextPage(first, paging);
    expect(second.page).toBe(2);
    expect(nextPage(second, paging).page).toBe(3);
    expect(canNextPage(nextPage(second, paging), paging)).toBe(false);
    expect(previousPage(second, paging).page).toBe(1);
  });

  it('counts from the last page when the state points beyond it (fewer matches than before)', () => {
    const beyond = { ...DEFAULT_TABLE_STATE, page: 9 };
    expect(canNextPage(beyond, paging)).toBe(false);
    expect(previousPage(beyond, paging).page).toBe(2);
  });
});

describe('paging in server mode', () => {
  const pageInfo = { hasNextPage: true, hasPrevPage: true, startCursor: 'c20', endCursor: 'c40' };

  it('asks for the page after the last cursor, or before the first one', () => {
    const state = { ...DEFAULT_TABLE_STATE, page: 2, after: 'c20' };
    expect(nextPage(state, { mode: 'server', pageInfo })).toMatchObject({ page: 3, after: 'c40', before: undefined });
    expect(previousPage(state, { mode: 'server', pageInfo })).toMatchObject({ page: 1, after: undefined, before: 'c20' });
  });

  it('stays where it is without a page on that side', () => {
    const none = { mode: 'server' as const, pageInfo: { hasNextPage: false, hasPrevPage: false } };
    expect(nextPage(DEFAULT_TABLE_STATE, none)).toBe(DEFAULT_TABLE_STATE);
    expect(previousPage(DEFAULT_TABLE_STATE, { mode: 'server', pageInfo: undefined })).toBe(DEFAULT_TABLE_STATE);
    expect(canNextPage(DEFAULT_TABLE_STATE, none)).toBe(false);
  });
});

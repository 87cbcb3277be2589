import { describe, expect, it } from 'vitest';
import { buildReleaseRows, queryReleaseRows, DEFAULT_TABLE_STATE, type Release } from '../../src/headless';
import {
  orderReleasePair,
  releaseSelectionSummary,
  releasesToCompare,
  toggleReleaseSelection,
  type ReleaseSelectionState,
} from '../../src/headless/table/selection';
import { guardPrototypes } from '../fixtures/hostile-names';

guardPrototypes();

const EMPTY: ReleaseSelectionState = { selected: [], anchor: undefined };

function release(id: string, createdAt: string, version = id): Release {
  return { id, product: 'checkout', version, flow: null, status: 'succeeded', trigger: { kind: 'manual', environment: 'dev' }, createdAt, environments: [] };
}

describe('toggleReleaseSelection', () => {
  const order = ['a', 'b', 'c', 'd', 'e'];

  it('toggles one release on a plain click and moves the anchor to it', () => {
    const one = toggleReleaseSelection(EMPTY, 'b', { orderedIds: order });
    expect(one).toEqual({ selected: ['b'], anchor: 'b' });
    const two = toggleReleaseSelection(one, 'd', { orderedIds: order });
    expect(two).toEqual({ selected: ['b', 'd'], anchor: 'd' });
    expect(toggleReleaseSelection(two, 'b', { orderedIds: order })).toEqual({ selected: ['d'], anchor: 'b' });
  });

  it('selects the range from the anchor to the clicked row, both ends included, in either direction', () => {
    const anchored = toggleReleaseSelection(EMPTY, 'b', { orderedIds: order });
    expect(toggleReleaseSelection(anchored, 'd', { range: true, orderedIds: order })).toEqual({ selected: ['b', 'c', 'd'], anchor: 'd' });
    const fromD = toggleReleaseSelection(EMPTY, 'd', { orderedIds: order });
    // Appended from the anchor outwards.
    expect(toggleReleaseSelection(fromD, 'a', { range: true, orderedIds: order })).toEqual({ selected: ['d', 'c', 'b', 'a'], anchor: 'a' });
  });

  it('clears a range when the clicked row was selected, leaving the rest alone', () => {
    const state = { selected: ['a', 'b', 'c', 'd', 'e'], anchor: 'b' };
    expect(toggleReleaseSelection(state, 'd', { range: true, orderedIds: order })).toEqual({ selected: ['a', 'e'], anchor: 'd' });
  });

  it('measures a range in the displayed order, not the order of the data', () => {
    const releases = [release('r1', '2026-01-01T00:00:00Z', '1.0.3'), release('r2', '2026-01-02T00:00:00Z', '1.0.1'), release('r3', '2026-01-03T00:00:00Z', '1.0.2')];
    const rows = buildReleaseRows(releases);
    // Sorted by version, ascending: r2 (1.0.1), r3 (1.0.2), r1 (1.0.3).
    const shown = queryReleaseRows(rows, { ...DEFAULT_TABLE_STATE, sort: { key: 'version', desc: false } }).rows.map((row) => row.release.id);
    expect(shown).toEqual(['r2', 'r3', 'r1']);
    const anchored = toggleReleaseSelection(EMPTY, 'r2', { orderedIds: shown });
    expect(toggleReleaseSelection(anchored, 'r3', { range: true, orderedIds: shown }).selected).toEqual(['r2', 'r3']);
    // By date, r1 lies between r2 and r3 … but not in the order shown.
    expect(toggleReleaseSelection(anchored, 'r3', { range: true, orderedIds: ['r1', 'r2', 'r3'] }).selected).toEqual(['r2', 'r3']);
    expect(toggleReleaseSelection(anchored, 'r1', { range: true, orderedIds: shown }).selected).toEqual(['r2', 'r3', 'r1']);
  });

  it('keeps hidden selected releases when a range is selected among the shown ones', () => {
    const state = { selected: ['hidden'], anchor: 'a' };
    expect(toggleReleaseSelection(state, 'c', { range: true, orderedIds: order }).selected).toEqual(['hidden', 'a', 'b', 'c']);
  });

  it('toggles one release when there is no anchor, or the anchor is not shown', () => {
    expect(toggleReleaseSelection(EMPTY, 'c', { range: true, orderedIds: order })).toEqual({ selected: ['c'], anchor: 'c' });
    expect(toggleReleaseSelection({ selected: [], anchor: 'gone' }, 'c', { range: true, orderedIds: order })).toEqual({ selected: ['c'], anchor: 'c' });
    expect(toggleReleaseSelection({ selected: [], anchor: 'a' }, 'c', { range: true })).toEqual({ selected: ['c'], anchor: 'c' });
  });

  it('toggles the anchor itself on a Shift-click on it', () => {
    expect(toggleReleaseSelection({ selected: ['a', 'b'], anchor: 'b' }, 'b', { range: true, orderedIds: order })).toEqual({ selected: ['a'], anchor: 'b' });
  });

  it('works with ids that are names of Object.prototype', () => {
    const hostile = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    const anchored = toggleReleaseSelection(EMPTY, '__proto__', { orderedIds: hostile });
    const state = toggleReleaseSelection(anchored, 'toString', { range: true, orderedIds: hostile });
    expect(state).toEqual({ selected: ['__proto__', 'constructor', 'toString'], anchor: 'toString' });
  });
});

describe('releasesToCompare and orderReleasePair', () => {
  const old = release('__proto__', '2026-01-01T00:00:00Z');
  const mid = release('constructor', '2026-01-02T00:00:00Z');
  const recent = release('toString', '2026-01-03T00:00:00Z');
  const byId = new Map([old, mid, recent].map((r) => [r.id, r]));

  it('gives the pair, older first, only when exactly two known releases are selected', () => {
    expect(releasesToCompare(['toString', '__proto__'], byId)).toEqual([old, recent]);
    expect(releasesToCompare(['__proto__', 'toString'], byId)).toEqual([old, recent]);
    expect(releasesToCompare(['__proto__'], byId)).toBeUndefined();
    expect(releasesToCompare(['__proto__', 'constructor', 'toString'], byId)).toBeUndefined();
    // An id no release has does not count; a repeated id counts once.
    expect(releasesToCompare(['__proto__', 'gone', 'toString'], byId)).toEqual([old, recent]);
    expect(releasesToCompare(['__proto__', '__proto__'], byId)).toBeUndefined();
    expect(releasesToCompare(new Set(['constructor', 'toString']), byId)).toEqual([mid, recent]);
  });

  it('puts a release without a readable date first, and keeps the given order on a tie', () => {
    const undated = release('x', 'not a date');
    expect(orderReleasePair(recent, undated)).toEqual([undated, recent]);
    const twin = release('twin', recent.createdAt);
    expect(orderReleasePair(twin, recent)).toEqual([twin, recent]);
    expect(orderReleasePair(recent, twin)).toEqual([recent, twin]);
  });

  it('summarises the selection: the known releases and how many are not shown', () => {
    expect(releaseSelectionSummary(['toString', 'gone', '__proto__'], byId, ['toString', 'constructor'])).toEqual({ releases: [recent, old], hidden: 1 });
    expect(releaseSelectionSummary([], byId, [])).toEqual({ releases: [], hidden: 0 });
  });
});

import type { Release } from '../model/types';

/**
 * Which releases a table has selected (by id), and the anchor a Shift-click measures its range
 * from. Ids are data: any string works, `__proto__` included (only Sets and Maps are keyed by them).
 */
export interface ReleaseSelectionState {
  /**
   * The selected release ids, each once, in the order they were selected: an array rather than a
   * `Set`, so it is plain data a host keeps in its URL or state as is, and the order is stable.
   */
  selected: readonly string[];
  /** The last release clicked without Shift (or the end of the last range); `undefined` before any. */
  anchor: string | undefined;
}

/** How `toggleReleaseSelection` reads a click: a range or not, and the order the rows are shown in. */
export interface ToggleReleaseSelectionOptions {
  /**
   * Select the range from the anchor to `id` (a Shift-click, or Shift+Space): every release
   * between them in `orderedIds` takes the state `id` takes. Without an anchor, or when the anchor
   * or `id` is not in `orderedIds`, it toggles `id` alone.
   * @default false
   */
  range?: boolean;
  /**
   * The ids in the order the reader sees them (sorted and filtered): a range is what lies between
   * its ends there. Selected releases outside it (hidden by a filter, on another page) keep their
   * state.
   * @default [] (no range: `range` toggles one release)
   */
  orderedIds?: readonly string[];
}

/**
 * The selection after a click on release `id`'s checkbox. A plain click toggles `id` and makes it
 * the anchor. With `range`, `id` toggles and every release between the anchor and `id` in
 * `orderedIds` (the displayed order) takes its new state, selected or not, as in a mail client's
 * list; `id` becomes the anchor, so the next Shift-click continues from it. Ranges add to (or take
 * from) the selection: releases outside them keep their state, hidden ones included. Newly
 * selected ids are appended in displayed order from the anchor; the result is a new state.
 */
export function toggleReleaseSelection(state: ReleaseSelectionState, id: string, options: ToggleReleaseSelectionOptions = {}): ReleaseSelectionState {
  const selected = new Set(state.selected);
  const select = !selected.has(id);
  let ids: readonly string[] = [id];
  if (options.range && state.anchor !== undefined && state.anchor !== id) {
    const order = options.orderedIds ?? [];
    const from = order.indexOf(state.anchor);
    const to = order.indexOf(id);
    if (from >= 0 && to >= 0) ids = from < to ? order.slice(from, to + 1) : order.slice(to, from + 1).reverse();
  }
  for (const each of ids) {
    if (select) selected.add(each);
    else selected.delete(each);
  }
  return { selected: [...selected], anchor: id };
}

/** Parses an ISO time; an unreadable or missing one is the earliest of all. */
const timeOf = (release: Release): number => {
  const time = typeof release?.createdAt === 'string' ? Date.parse(release.createdAt) : NaN;
  return Number.isNaN(time) ? -Infinity : time;
};

/**
 * Two releases in the order a comparison reads them, older first (by `createdAt`; a missing or
 * unreadable date is the oldest; equal dates keep the order given).
 */
export function orderReleasePair(a: Release, b: Release): [older: Release, newer: Release] {
  return timeOf(b) < timeOf(a) ? [b, a] : [a, b];
}

/**
 * The two releases to compare when exactly two of the selected ids name a known release:
 * `[older, newer]` by `createdAt` (see `orderReleasePair`); `undefined` otherwise. Ids that name
 * no release in `releasesById` (one gone from the data) do not count.
 */
export function releasesToCompare(selectedIds: Iterable<string>, releasesById: ReadonlyMap<string, Release>): [older: Release, newer: Release] | undefined {
  const found = knownReleases(selectedIds, releasesById);
  return found.length === 2 ? orderReleasePair(found[0]!, found[1]!) : undefined;
}

/** `releaseSelectionSummary`'s answer. */
export interface ReleaseSelectionSummary {
  /** The selected releases `releasesById` knows, each once, in selection order. */
  releases: Release[];
  /** How many of them are not among `shownIds` (filtered out, on another page). */
  hidden: number;
}

/**
 * What a selection amounts to for the reader: the selected releases that exist, and how many of
 * them the table does not show right now (a filter hides them, or they are on another page), so
 * the count can say that hidden rows still count.
 */
export function releaseSelectionSummary(
  selectedIds: Iterable<string>,
  releasesById: ReadonlyMap<string, Release>,
  shownIds: Iterable<string>,
): ReleaseSelectionSummary {
  const shown = new Set(shownIds);
  let hidden = 0;
  const releases = knownReleases(selectedIds, releasesById, (id) => {
    if (!shown.has(id)) hidden += 1;
  });
  return { releases, hidden };
}

function knownReleases(ids: Iterable<string>, byId: ReadonlyMap<string, Release>, each?: (id: string) => void): Release[] {
  const seen = new Set<string>();
  const out: Release[] = [];
  for (const id of ids) {
    const release = byId.get(id);
    if (release === undefined || seen.has(id)) continue;
    seen.add(id);
    out.push(release);
    each?.(id);
  }
  return out;
}

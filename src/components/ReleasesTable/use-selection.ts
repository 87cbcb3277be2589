import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Release, ReleaseRow } from 'gitops-releases/headless';
import { releaseSelectionSummary, releasesToCompare, toggleReleaseSelection } from '../../headless/internal';
import { useControllableState } from '../internal/use-controllable-state';

const NONE: readonly string[] = [];

export interface SelectionOptions {
  selectedReleases: readonly string[] | undefined;
  defaultSelectedReleases: readonly string[] | undefined;
  onSelectedReleasesChange: ((ids: readonly string[]) => void) | undefined;
  releases: readonly Release[] | undefined;
  /** The rows shown, in the order shown: a range is measured there. */
  rows: readonly ReleaseRow[];
}

export interface Selection {
  selected: ReadonlySet<string>;
  /** How many selected releases exist, and how many of them are not shown. */
  count: number;
  hidden: number;
  /** The two to compare, older first, when exactly two are selected. */
  pair: [Release, Release] | undefined;
  /** Toggles a release, or the range from the anchor to it; a stable function. */
  toggle: (id: string, range: boolean) => void;
  clear: () => void;
}

/**
 * The table's selection: ids, controlled or not, with the anchor of Shift ranges. Releases seen
 * once are remembered while selected, so a selection made on one page of a server-paged table
 * still resolves to its releases on the next.
 */
export function useSelection({ selectedReleases, defaultSelectedReleases, onSelectedReleasesChange, releases, rows }: SelectionOptions): Selection {
  const [ids, setIds] = useControllableState<readonly string[]>(selectedReleases, defaultSelectedReleases ?? NONE, onSelectedReleasesChange);
  const anchor = useRef<string | undefined>(undefined);
  const byId = useMemo(() => {
    const map = new Map<string, Release>();
    for (const release of releases ?? []) {
      // Bad data is the table's to report: here it is only not selectable.
      if (typeof release === 'object' && release !== null && typeof release.id === 'string' && !map.has(release.id)) map.set(release.id, release);
    }
    return map;
  }, [releases]);
  // The releases selected here, as they were when selected (set in events only).
  const [remembered, setRemembered] = useState<ReadonlyMap<string, Release>>(() => new Map());
  const shownIds = useMemo(() => rows.map((row) => row.release.id), [rows]);
  const lookup = useMemo(() => {
    const missing = ids.filter((id) => !byId.has(id) && remembered.has(id));
    if (missing.length === 0) return byId;
    const map = new Map(byId);
    for (const id of missing) map.set(id, remembered.get(id)!);
    return map;
  }, [ids, byId, remembered]);

  const summary = useMemo(() => releaseSelectionSummary(ids, lookup, shownIds), [ids, lookup, shownIds]);
  const pair = useMemo(() => releasesToCompare(ids, lookup), [ids, lookup]);
  const selected = useMemo(() => new Set(ids), [ids]);

  // What the stable handlers read at call time (rows keep their memo across selections).
  const latest = useRef({ shownIds, setIds, lookup });
  useEffect(() => {
    latest.current = { shownIds, setIds, lookup };
  });
  const toggle = useCallback((id: string, range: boolean) => {
    const { shownIds: orderedIds, setIds: set, lookup: known } = latest.current;
    let next: readonly string[] = NONE;
    // The updater runs at once (useControllableState), so `next` is known right after.
    set((previous) => (next = toggleReleaseSelection({ selected: previous, anchor: anchor.current }, id, { range, orderedIds }).selected));
    anchor.current = id;
    setRemembered((previous) => {
      const map = new Map<string, Release>();
      for (const each of next) {
        const release = known.get(each) ?? previous.get(each);
        if (release) map.set(each, release);
      }
      return map;
    });
  }, []);
  const clear = useCallback(() => {
    anchor.current = undefined;
    latest.current.setIds(NONE);
  }, []);
  return { selected, count: summary.releases.length, hidden: summary.hidden, pair, toggle, clear };
}
